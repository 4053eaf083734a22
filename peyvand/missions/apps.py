from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MissionsConfig(AppConfig):
    name = "peyvand.missions"
    verbose_name = _("Missions, events and contacts")

    def ready(self) -> None:
        from peyvand.accounts.alerts import register_alerts
        from peyvand.partnerships.panels import register_pact_panel
        from peyvand.records.api import register_presenter
        from peyvand.records.files import register_file

        from .models import MissionDocument
        from .presenters import history_rows, office_alerts
        from .views.panels import pact_missions

        register_presenter(self.label, history_rows)
        register_alerts(self.label, office_alerts)
        register_pact_panel("missions", "missions/_pact_missions.html", pact_missions)
        register_file("mission", MissionDocument, "file", name=lambda row: row.original_name)

        # The contacts working on a pact, on the pact's page.
        from peyvand.partnerships.panels import register_pact_panel

        from .views.contacts import pact_panel

        register_pact_panel("contacts", "missions/_pact_contacts.html", pact_panel)

        from peyvand.accounts.calendar import register_calendar

        from .calendar import event_items, mission_items

        register_calendar("event", _("Events"), event_items, order=10)
        register_calendar("mission", _("Missions"), mission_items, order=20)
        # The one search finds the missions and the contacts.
        from peyvand.search.documents import register_search

        from .search import CONTACTS, MISSIONS

        register_search(MISSIONS)
        register_search(CONTACTS)

        # The toggles "publish on the portal" of a mission's and an event's pages.
        from django.urls import reverse

        from peyvand.records.publishing import register_publishable

        from .models import Event, Mission
        from .services import event_publish, mission_publish

        register_publishable(
            "mission",
            Mission,
            mission_publish,
            page=lambda m: reverse("missions:detail", args=[m.office.slug, m.pk]),
        )
        register_publishable(
            "event",
            Event,
            event_publish,
            page=lambda e: reverse("events:detail", args=[e.office.slug, e.pk]),
        )

        # Deleted missions and contacts wait in the office's bin (records.binning).
        from peyvand.records.binning import BinKind, register_binned

        from .models import Contact
        from .services import contact_delete, contact_restore, mission_delete, mission_restore

        register_binned(
            BinKind(
                kind="mission",
                model=Mission,
                label=Mission._meta.verbose_name,
                title=lambda m: m.title,
                names=lambda m: [m.title, m.title_fa, m.title_en],
                restore=lambda record, actor: mission_restore(mission=record, actor=actor),
                page=lambda m: reverse("missions:detail", args=[m.office.slug, m.pk]),
                related=("office",),
                delete=lambda record, actor, expected_version: mission_delete(
                    mission=record, actor=actor, expected_version=expected_version
                ),
                after_delete=lambda slug: reverse("missions:list", args=[slug]),
            )
        )
        register_binned(
            BinKind(
                kind="contact",
                model=Contact,
                label=Contact._meta.verbose_name,
                title=lambda c: c.name,
                names=lambda c: [c.name, c.name_fa, c.name_en],
                restore=lambda record, actor: contact_restore(contact=record, actor=actor),
                page=lambda c: reverse("contacts:detail", args=[c.office.slug, c.pk]),
                related=("office",),
                delete=lambda record, actor, expected_version: contact_delete(
                    contact=record, actor=actor, expected_version=expected_version
                ),
                after_delete=lambda slug: reverse("contacts:list", args=[slug]),
            )
        )
