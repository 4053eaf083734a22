"""Practices learned abroad and their transfer home."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "peyvand.knowledge"
    verbose_name = _("Knowledge")

    def ready(self) -> None:
        from peyvand.missions.observations import register_observation_action
        from peyvand.records.api import register_presenter
        from peyvand.records.files import register_file

        from .models import PracticeDocument
        from .presenters import history_rows
        from .views.observations import practice_links

        register_presenter(self.label, history_rows)
        register_file("practice", PracticeDocument, "file", name=lambda row: row.original_name)
        # A trip report's observations become practices in one click.
        register_observation_action("practices", practice_links)

        # Partner discovery weighs the cities the office's practices come from.
        from peyvand.network.goals import register_goal_evidence

        from .selectors import practices_by_source_city

        register_goal_evidence("practices", practices_by_source_city)

        # The one search finds the practices.
        from peyvand.search.documents import register_search

        from .search import PRACTICES

        register_search(PRACTICES)
        # The toggle "publish on the portal" of a practice's page (records.publishing).
        from django.urls import reverse

        from peyvand.records.publishing import register_publishable

        from .models import Practice
        from .services import practice_publish

        register_publishable(
            "practice",
            Practice,
            practice_publish,
            page=lambda p: reverse("knowledge:detail", args=[p.office.slug, p.pk]),
        )

        # Deleted practices wait in the office's bin (records.binning).
        from peyvand.records.binning import BinKind, register_binned

        from .services import practice_restore

        register_binned(
            BinKind(
                kind="practice",
                model=Practice,
                label=Practice._meta.verbose_name,
                title=lambda p: p.title,
                names=lambda p: [p.title, p.title_fa, p.title_en],
                restore=lambda record, actor: practice_restore(practice=record, actor=actor),
                page=lambda p: reverse("knowledge:detail", args=[p.office.slug, p.pk]),
                related=("office",),
            )
        )
