"""The search index: one row per indexed record, and the full-text index over it.

The full-text part is the database's own (migration 0002): on SQLite an FTS5 table
`search_fts` over this table's `title_terms`, `body_terms` and `tags` (external content,
keyed by this table's id, kept in step by triggers); on PostgreSQL a generated `tsvector`
column `vector` of this table with a GIN index, and a trigram index on `title_terms`.
Neither is a field here: Django writes the row, the database keeps the index.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

TITLE_MAX = 600
# The stored text a snippet is cut from, and the normalised text indexed (every field).
BODY_MAX = 20_000
TERMS_MAX = 60_000


class SearchDocument(models.Model):
    """One indexed record. `visible_to` is the office whose members find it (None: shared
    data every office finds); its column is `office_id`, the filter of every query. It is
    not named `office`, so that its writes (already inside the record's write, which raises
    the office's data version) do not raise the version a second time."""

    kind = models.CharField(_("type"), max_length=40)
    object_id = models.PositiveBigIntegerField()
    visible_to = models.ForeignKey(
        "accounts.Office",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        db_column="office_id",
        related_name="+",
    )
    title_fa = models.CharField(max_length=TITLE_MAX, blank=True)
    title_en = models.CharField(max_length=TITLE_MAX, blank=True)
    # The texts as written (display form), one a line: the snippet is cut from them.
    body = models.TextField(blank=True)
    # The normalised words (core.text.search_words): what the full-text index reads.
    title_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    # Filter words: the office (o12, or oshared), the type (tpartnership), each area (a3),
    # the city (c881). Queries use them as terms, so the filters run inside the index.
    tags = models.TextField(blank=True)
    city_id = models.PositiveBigIntegerField(null=True, blank=True)
    date = models.DateField(null=True, blank=True)
    link = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_doc_unique")
        ]
        indexes = [models.Index(fields=["visible_to", "kind"], name="search_doc_office_kind")]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"
