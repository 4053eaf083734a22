"""Writing the index: one record's document in the writer's transaction, and rebuilds.

The registry (`documents.register_search`) connects the signals here for each kind: a save
indexes the record again, a delete removes it, a change of the links its document reads
(`SearchKind.links`) or of a model it depends on (`SearchKind.depends`) indexes the records
concerned again. Each runs inside the transaction of the write that sent it, so the index
never shows what was rolled back, and a search right after a write finds it.

Rebuilding (`rebuild`, `manage.py rebuild_search`) replaces every kind's documents from its
`rebuild()` queryset in chunks, in one transaction per kind (searches meanwhile see the old
documents); `index_missing` (after `migrate`) indexes the records the migrations wrote
without signals (the shipped organisations).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db import connection, models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from peyvand.core.text import normalize_display, search_text

from .engines import engine
from .kinds import Document, SearchKind, kind_of, kinds
from .models import BODY_MAX, TERMS_MAX, TITLE_MAX, SearchDocument
from .tags import area_tag, city_tag, kind_tag

CHUNK = 1000

# The records whose indexing waits for the end of a bulk write (`search_deferred`): kind
# key -> ids; per context (thread or task), never shared between requests.
_deferred: ContextVar[dict[str, set[int]] | None] = ContextVar("search_deferred", default=None)


@contextmanager
def search_deferred(*, flush: bool = True) -> Iterator[dict[str, set[int]]]:
    """Within the block, a write's indexing (and removal) only notes its records; at the
    end they are indexed once, a chunk at a time (`index_pending`: a spreadsheet import of
    thousands of rows), or not at all with `flush=False` (a preview whose transaction is
    rolled back; the caller gets what was noted)."""
    pending: dict[str, set[int]] = {}
    token = _deferred.set(pending)
    try:
        yield pending
    finally:
        _deferred.reset(token)
    if flush:
        index_pending(pending)


def index_pending(pending: dict[str, set[int]]) -> None:
    """Index again the records noted by `search_deferred`: per kind and chunk, one read,
    one delete of their old documents and one bulk insert of the new ones (a record gone,
    or whose document is None, only leaves the index)."""
    for key, ids in pending.items():
        kind = kind_of(key)
        wanted = sorted(ids)
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start : start + CHUNK]
            if kind is None:
                remove_records(key, chunk)
                continue
            objects = list(kind.rebuild().filter(pk__in=chunk))
            remove_records(key, chunk)
            _write_chunk(kind, objects)


def document_row(kind: str, object_id: int, doc: Document) -> SearchDocument:
    """The unsaved index row of one record's document."""
    texts = [normalize_display(text) for text in doc.texts if text]
    texts = [text for text in texts if text]
    title_fa = normalize_display(doc.title_fa)[:TITLE_MAX]
    title_en = normalize_display(doc.title_en)[:TITLE_MAX]
    tags = [kind_tag(kind)]
    tags += [area_tag(pk) for pk in sorted(set(doc.area_ids))]
    if doc.city_id is not None:
        tags.append(city_tag(doc.city_id))
    return SearchDocument(
        kind=kind,
        object_id=object_id,
        visible_to_id=doc.office_id,
        title_fa=title_fa,
        title_en=title_en,
        body="\n".join(texts)[:BODY_MAX],
        title_terms=search_text(f"{title_fa} {title_en}", displayed=True)[:TERMS_MAX],
        body_terms=search_text(" ".join(texts), displayed=True)[:TERMS_MAX],
        tags=" ".join(tags),
        city_id=doc.city_id,
        date=doc.date,
        link=dict(doc.link),
    )


_FIELDS = [
    "visible_to_id",
    "title_fa",
    "title_en",
    "body",
    "title_terms",
    "body_terms",
    "tags",
    "city_id",
    "date",
    "link",
]


def index_records(kind: SearchKind, ids: Iterable[int]) -> None:
    """Index these records of a kind again (read fresh through `kind.rebuild()`, so what a
    write just changed, its links included, is what is indexed); a record gone or whose
    document is None leaves the index."""
    wanted = {int(pk) for pk in ids if pk is not None}
    if not wanted:
        return
    pending = _deferred.get()
    if pending is not None:
        pending.setdefault(kind.key, set()).update(wanted)
        return
    found = {obj.pk: obj for obj in kind.rebuild().filter(pk__in=wanted)}
    gone = wanted - set(found)
    for pk, obj in found.items():
        doc = kind.document(obj)
        if doc is None:
            gone.add(pk)
            continue
        row = document_row(kind.key, pk, doc)
        values = {name: getattr(row, name) for name in _FIELDS}
        updated = SearchDocument.objects.filter(kind=kind.key, object_id=pk).update(**values)
        if not updated:
            row.save(force_insert=True)
    if gone:
        remove_records(kind.key, gone)


def index_new(kind: SearchKind, ids: Iterable[int]) -> int:
    """Index records written in bulk without signals and not indexed yet (the scale data),
    the fastest way the engine has: chunks read through `kind.rebuild()`, their documents
    inserted at once. Returns how many documents were written."""
    wanted = sorted({int(pk) for pk in ids if pk is not None})
    written = 0
    for start in range(0, len(wanted), CHUNK):
        chunk = kind.rebuild().filter(pk__in=wanted[start : start + CHUNK]).order_by("pk")
        written += _write_chunk(kind, list(chunk))
    return written


def remove_records(key: str, ids: Iterable[int]) -> None:
    pending = _deferred.get()
    if pending is not None:
        # noted like a write: at the end, a record still there is indexed, one gone is not
        pending.setdefault(key, set()).update(int(pk) for pk in ids)
        return
    # No receiver and no relation: one DELETE, without fetching the rows first.
    SearchDocument.objects.filter(kind=key, object_id__in=list(ids)).delete()


def _chunks(rows: Iterator[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _write_chunk(kind: SearchKind, objects: list[Any]) -> int:
    rows = []
    for obj in objects:
        doc = kind.document(obj)
        if doc is not None:
            rows.append(document_row(kind.key, obj.pk, doc))
    engine().bulk_insert(rows)
    return len(rows)


Progress = Callable[[str, int, int], None]


def _write_kind(kind: SearchKind, progress: Progress | None) -> int:
    queryset = kind.rebuild()
    if any(f.name == "office" for f in kind.model._meta.concrete_fields):
        # Office by office: each office's documents end up side by side in the table, so
        # a broad query of one office reads few of its pages (PostgreSQL counts a match
        # by visiting its row).
        queryset = queryset.order_by("office_id", "pk")
    total = queryset.count()
    written = done = 0
    for chunk in _chunks(queryset.iterator(chunk_size=CHUNK), CHUNK):
        written += _write_chunk(kind, chunk)
        done += len(chunk)
        if progress is not None:
            progress(kind.key, done, total)
    return written


def rebuild_kind(kind: SearchKind, progress: Progress | None = None) -> int:
    """Replace every document of a kind; returns how many were written."""
    with transaction.atomic():
        remove_all(kind.key)
        return _write_kind(kind, progress)


def remove_all(key: str) -> None:
    SearchDocument.objects.filter(kind=key).delete()


def rebuild(progress: Progress | None = None) -> dict[str, int]:
    """Rebuild every registered kind, in one transaction (searches meanwhile see the old
    index): the rows are written with the engine paused, then indexed in one pass."""
    eng = engine()
    with transaction.atomic():
        eng.pause()
        SearchDocument.objects.all().delete()
        written = {kind.key: _write_kind(kind, progress) for kind in kinds()}
        eng.reindex_all()
    eng.optimize()
    return written


def optimize() -> None:
    """Let the engine tidy its index after a bulk write (FTS5 merges its segments)."""
    engine().optimize()


def index_missing() -> int:
    """Index the records that have no document yet (rows written without signals: the
    migrations' shipped data); a kind whose table is missing is skipped."""
    tables = set(connection.introspection.table_names())
    if SearchDocument._meta.db_table not in tables:
        return 0
    written = 0
    for kind in kinds():
        if kind.model._meta.db_table not in tables:
            continue
        indexed = SearchDocument.objects.filter(kind=kind.key).values("object_id")
        missing = kind.rebuild().exclude(pk__in=indexed)
        for chunk in _chunks(missing.iterator(chunk_size=CHUNK), CHUNK):
            written += _write_chunk(kind, chunk)
    return written


# The signals ----------------------------------------------------------------------------


def _saved(kind: SearchKind) -> Callable[..., None]:
    def receiver(sender: type[models.Model], instance: Any, raw: bool = False, **kw: Any) -> None:
        if not raw:
            index_records(kind, [instance.pk])

    return receiver


def _deleted(kind: SearchKind) -> Callable[..., None]:
    def receiver(sender: type[models.Model], instance: Any, **kw: Any) -> None:
        remove_records(kind.key, [instance.pk])

    return receiver


def _kind_column(through: type[models.Model], model: type[models.Model]) -> tuple[str, str]:
    """(the through model's column to the kind's model, its column to the other side)."""
    fks = [f for f in through._meta.concrete_fields if isinstance(f, models.ForeignKey)]
    mine = next(f for f in fks if f.related_model is model)
    other = next(f for f in fks if f is not mine)
    return mine.attname, other.attname


def _links_changed(kind: SearchKind) -> Callable[..., None]:
    def receiver(
        sender: type[models.Model],
        instance: Any,
        action: str,
        model: type[models.Model],
        pk_set: set[int] | None = None,
        **kw: Any,
    ) -> None:
        if isinstance(instance, kind.model):
            if action.startswith("post_"):
                index_records(kind, [instance.pk])
            return
        # The link changed from the other side (a city's missions): the kind's records
        # named in pk_set, or on a clear, those linked before it.
        mine, other = _kind_column(sender, kind.model)
        if action == "pre_clear":
            linked = sender._default_manager.filter(**{other: instance.pk})
            instance.__dict__[f"_search_clear_{kind.key}"] = list(
                linked.values_list(mine, flat=True)
            )
        elif action == "post_clear":
            index_records(kind, instance.__dict__.pop(f"_search_clear_{kind.key}", []))
        elif action.startswith("post_") and pk_set:
            index_records(kind, pk_set)

    return receiver


def _depends(kind: SearchKind, targets: Callable[[Any], Iterable[int]]) -> Callable[..., None]:
    def receiver(sender: type[models.Model], instance: Any, raw: bool = False, **kw: Any) -> None:
        if not raw:
            index_records(kind, list(targets(instance)))

    return receiver


# The receivers are kept here: signals hold them weakly.
_RECEIVERS: list[Callable[..., None]] = []


def connect_kind(kind: SearchKind) -> None:
    uid = f"search-{kind.key}"
    pairs: list[tuple[Any, Callable[..., None], type[models.Model], str]] = [
        (post_save, _saved(kind), kind.model, f"{uid}-save"),
        (post_delete, _deleted(kind), kind.model, f"{uid}-delete"),
    ]
    for through in kind.links:
        pairs.append((m2m_changed, _links_changed(kind), through, f"{uid}-{through._meta.label}"))
    for n, dep in enumerate(kind.depends):
        receiver = _depends(kind, dep.targets)
        pairs.append((post_save, receiver, dep.sender, f"{uid}-dep{n}-save"))
        pairs.append((post_delete, receiver, dep.sender, f"{uid}-dep{n}-delete"))
    for signal, receiver, sender, dispatch_uid in pairs:
        _RECEIVERS.append(receiver)
        signal.connect(receiver, sender=sender, dispatch_uid=dispatch_uid)


def index_kind_records(key: str, ids: Iterable[int]) -> None:
    """Index records of a kind by its key (for a caller that bypassed the signals)."""
    kind = kind_of(key)
    if kind is not None:
        index_records(kind, ids)
