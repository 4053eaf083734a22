"""One search over every office record and the shared data: the index, its engines,
the page and the API."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "peyvand.search"
    verbose_name = _("Search")
