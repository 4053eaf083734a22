from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    name = "peyvand.partnerships"
    verbose_name = _("Partnerships")

    def ready(self) -> None:
        # The network app learns of an office's signed pacts through its registry; it
        # never imports this app.
        from peyvand.accounts.alerts import register_alerts
        from peyvand.core.recovery import register_retryable
        from peyvand.core.scheduler import register_daily
        from peyvand.network.edges import (
            register_office_cities,
            register_office_edges,
            register_office_version,
        )
        from peyvand.network.goals import register_goal_areas, register_goal_evidence
        from peyvand.records.api import register_presenter
        from peyvand.records.files import register_file

        from .models import AgreementFile, Approval, Commitment
        from .presenters import history_rows, office_alerts
        from .selectors import office_pacts_version, registry_partner_cities, signed_partner_edges
        from .selectors.links import activities_by_partner_city, goal_area_choices
        from .tasks import refresh_all_health

        register_office_edges(signed_partner_edges)
        register_office_version(office_pacts_version)
        register_office_cities(registry_partner_cities)
        register_goal_areas(goal_area_choices)
        register_goal_evidence("activities", activities_by_partner_city)
        register_presenter(self.label, history_rows)
        register_alerts(self.label, office_alerts)
        register_file("agreement", AgreementFile, "file", name=lambda row: row.original_name)
        register_file("approval", Approval, "document", name=lambda row: f"approval-{row.pk}")
        register_file(
            "evidence", Commitment, "evidence_file", name=lambda row: f"evidence-{row.pk}"
        )
        register_daily("partnerships.refresh_health", refresh_all_health)
        register_retryable(refresh_all_health)  # recomputes the stored scores: safe again

        # The toggles "publish on the portal" of a pact's page (records.publishing).
        from django.urls import reverse

        from peyvand.records.publishing import register_publishable

        from .models import Activity, Outcome, Partnership
        from .services import activity_publish, outcome_publish, partnership_publish

        def pact_page(p: Partnership) -> str:
            return reverse("partnerships:detail", args=[p.office.slug, p.pk])

        def activity_page(a: Activity) -> str:
            first = a.partnerships.order_by("pk").first()
            return f"{pact_page(first)}#activities" if first else "/"

        register_publishable("partnership", Partnership, partnership_publish, page=pact_page)
        register_publishable("activity", Activity, activity_publish, page=activity_page)
        register_publishable(
            "outcome", Outcome, outcome_publish, page=lambda o: activity_page(o.activity)
        )

        from peyvand.accounts.calendar import register_calendar

        from .calendar import anniversary_items, commitment_items

        register_calendar("commitment", _("Commitment deadlines"), commitment_items, order=30)
        register_calendar("anniversary", _("Anniversaries of pacts"), anniversary_items, order=90)
        # The one search finds the pacts and their activities, filtered by these areas.
        from peyvand.search.documents import register_areas, register_search

        from .search import ACTIVITIES, PARTNERSHIPS, area_choices

        register_search(PARTNERSHIPS)
        register_search(ACTIVITIES)
        register_areas(area_choices)

        # Deleted pacts and activities wait in the office's bin (records.binning).
        from peyvand.records.binning import BinKind, register_binned

        from .services import activity_restore, partnership_delete, partnership_restore

        register_binned(
            BinKind(
                kind="partnership",
                model=Partnership,
                label=Partnership._meta.verbose_name,
                title=str,
                names=lambda p: [
                    p.partner_city.name,
                    p.partner_city.name_en,
                    p.partner_city.name_fa_display,
                    str(p),
                ],
                restore=lambda record, actor: partnership_restore(partnership=record, actor=actor),
                page=pact_page,
                related=("partner_city", "office"),
                delete=lambda record, actor, expected_version: partnership_delete(
                    partnership=record, actor=actor, expected_version=expected_version
                ),
                after_delete=lambda slug: reverse("partnerships:list", args=[slug]),
            )
        )
        register_binned(
            BinKind(
                kind="activity",
                model=Activity,
                label=Activity._meta.verbose_name,
                title=lambda a: a.title,
                restore=lambda record, actor: activity_restore(activity=record, actor=actor),
                page=activity_page,
            )
        )
