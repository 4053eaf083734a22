"""One search over every office record and the shared data: the index, its engines,
the page and the API."""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "peyvand.search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from .index import index_missing

        def _index_missing(sender: AppConfig, **kwargs: Any) -> None:
            # After every migration ran (post_migrate follows the whole plan): the rows the
            # migrations wrote without signals (the shipped organisations) join the index.
            if sender.name == self.name:
                index_missing()

        self._index_missing = _index_missing  # signals hold receivers weakly
        post_migrate.connect(_index_missing, dispatch_uid="search-index-missing")
