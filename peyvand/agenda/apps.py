"""The office's calendar: month and agenda views of every module's dated things, and each
member's private iCal feed."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaConfig(AppConfig):
    name = "peyvand.agenda"
    verbose_name = _("Calendar")
