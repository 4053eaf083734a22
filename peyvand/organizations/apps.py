from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "peyvand.organizations"
    verbose_name = _("International organisations")

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from peyvand.accounts.alerts import register_alerts
        from peyvand.core.versions import bump_world
        from peyvand.network.signals import world_imported
        from peyvand.records.api import register_presenter

        from .models import Organization
        from .presenters import history_rows, office_alerts
        from .services import link_shipped_headquarters

        world_imported.connect(link_shipped_headquarters, dispatch_uid="organizations-hq")
        register_presenter(self.label, history_rows)  # the history and the 412 answers
        register_alerts(self.label, office_alerts)  # the office home and GET .../alerts

        # The organisations are world data, shared by every office: a change to one shows
        # on every office's kept pages (decision 0007).
        post_save.connect(bump_world, sender=Organization, dispatch_uid="org-world-save")
        post_delete.connect(bump_world, sender=Organization, dispatch_uid="org-world-delete")
        m2m_changed.connect(
            bump_world, sender=Organization.areas.through, dispatch_uid="org-world-areas"
        )

        from peyvand.accounts.calendar import register_calendar

        from .calendar import fee_items, obligation_items

        register_calendar("fee", _("Membership fees"), fee_items, order=40)
        register_calendar(
            "obligation", _("Obligations to organisations"), obligation_items, order=50
        )
        # The one search finds the organisations, for every office (shared data).
        from peyvand.search.documents import register_search

        from .search import ORGANIZATIONS

        register_search(ORGANIZATIONS)
