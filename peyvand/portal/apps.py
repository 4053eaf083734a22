"""The public transparency portal: what each office publishes, open data, citizen feedback."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "peyvand.portal"
    verbose_name = _("Public portal")

    def ready(self) -> None:
        from peyvand.records.api import register_presenter

        from .presenters import history_rows

        register_presenter(self.label, history_rows)
