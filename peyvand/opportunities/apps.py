"""The city's project pitches, funding calls and applications."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpportunitiesConfig(AppConfig):
    name = "peyvand.opportunities"
    verbose_name = _("Opportunities")

    def ready(self) -> None:
        from peyvand.accounts.alerts import register_alerts
        from peyvand.records.api import register_presenter
        from peyvand.records.files import register_file

        from .models import PitchDocument
        from .presenters import history_rows, office_alerts

        register_presenter(self.label, history_rows)
        register_alerts(self.label, office_alerts)
        register_file("pitch", PitchDocument, "file", name=lambda row: row.original_name)

        from peyvand.accounts.calendar import register_calendar

        from .calendar import call_items

        register_calendar("call", _("Funding deadlines"), call_items, order=60)

        # The one search finds the pitches and the funding calls.
        from peyvand.search.documents import register_search

        from .search import CALLS, PITCHES

        register_search(PITCHES)
        register_search(CALLS)
        # The toggle "publish on the portal" of a pitch's page (records.publishing).
        from django.urls import reverse

        from peyvand.records.publishing import register_publishable

        from .models import Pitch
        from .services import pitch_publish

        register_publishable(
            "pitch",
            Pitch,
            pitch_publish,
            page=lambda p: reverse("opportunities:pitch_detail", args=[p.office.slug, p.pk]),
        )
