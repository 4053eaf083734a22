"""Writing the validated world data (`world_import`, the import's one service)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from django.db import models, transaction
from django.utils.translation import gettext as _

from peyvand.places.models import City, CityNameReview, Country
from peyvand.places.search import city_names_rebuild, city_search_text
from peyvand.places.services import city_names_ship

from ...models import Twinning
from .data import Counts, ImportReport, WorldData

BATCH = 1000

# City fields written by the import (the others: confirmed names, hand-added marks,
# are the reviewers' and survive every re-import).
CITY_FIELDS = [
    "wikidata_qid",
    "geonames_id",
    "name_en",
    "name_geonames",
    "name_native",
    "name_fa",
    "name_fa_source",
    "name_fa_shown",
    "name_fa_suggestion",
    "name_fa_candidate",
    "country_id",
    "lat",
    "lon",
    "population",
    "degree",
    "sources",
    "match_method",
    "attributes_from",
    "other_qids",
    "names_in_sources",
    "search_aliases",
    "search_text",
]
COUNTRY_FIELDS = [
    "iso3",
    "name_en",
    "name_fa",
    "capital",
    "population",
    "continent",
    "cities_in_network",
]
TWINNING_FIELDS = ["kind", "year", "sources", "n_sources"]


def _protected_references(model: type[models.Model], pks: Iterable[int]) -> dict[int, list[str]]:
    """pk -> descriptions of rows that refer to it through an on_delete=PROTECT key."""
    pks = list(pks)
    found: dict[int, list[str]] = defaultdict(list)
    if not pks:
        return found
    for rel in model._meta.related_objects:
        if getattr(rel, "on_delete", None) is not models.PROTECT:
            continue
        related = rel.related_model
        fk_name = rel.field.name
        for start in range(0, len(pks), BATCH):
            chunk = pks[start : start + BATCH]
            rows = related._default_manager.filter(**{f"{fk_name}__in": chunk})
            for obj in rows:
                target = getattr(obj, rel.field.attname)
                found[target].append(f"{related._meta.verbose_name} «{obj}»")
    return found


def _upsert_countries(data: WorldData, counts: Counts) -> dict[str, int]:
    existing = {c.code: c for c in Country.objects.all()}
    new, changed = [], []
    for code, values in data.countries.items():
        current = existing.get(code)
        if current is None:
            new.append(Country(code=code, **values))
            continue
        if any(getattr(current, f) != values[f] for f in COUNTRY_FIELDS):
            for f in COUNTRY_FIELDS:
                setattr(current, f, values[f])
            changed.append(current)
        else:
            counts.unchanged += 1
    Country.objects.bulk_create(new, batch_size=BATCH)
    Country.objects.bulk_update(changed, COUNTRY_FIELDS, batch_size=BATCH)
    counts.created, counts.updated = len(new), len(changed)
    counts.missing = sorted(set(existing) - set(data.countries))
    return dict(Country.objects.values_list("code", "pk"))


def _city_values(
    values: dict[str, Any], country_ids: dict[str, int], confirmed: str
) -> dict[str, Any]:
    row = {f: values[f] for f in CITY_FIELDS if f in values}
    row["country_id"] = country_ids.get(values["country_code"]) if values["country_code"] else None
    row["search_text"] = city_search_text({**row, "name_fa_confirmed": confirmed})
    return row


def _upsert_cities(
    data: WorldData, country_ids: dict[str, int], counts: Counts, tick: Callable[[int], None]
) -> tuple[dict[str, int], list[int]]:
    """Returns (code -> pk for every city, pks whose search keys must be rebuilt)."""
    columns = ["pk", "code", "name_fa_confirmed", "added_by_hand", *CITY_FIELDS]
    existing = {row[1]: row for row in City.objects.values_list(*columns)}
    restored = _confirmed_names_for(set(data.cities) - set(existing))
    new: list[City] = []
    changed: list[City] = []
    for code, values in data.cities.items():
        current = existing.get(code)
        if current is None:
            confirmed = restored.get(code, "")
            row = _city_values(values, country_ids, confirmed)
            new.append(City(code=code, name_fa_confirmed=confirmed, **row))
        else:
            row = _city_values(values, country_ids, current[2])
            if tuple(row[f] for f in CITY_FIELDS) != tuple(current[4:]):
                changed.append(City(pk=current[0], code=code, **row))
            else:
                counts.unchanged += 1
    for start in range(0, len(new), BATCH):
        City.objects.bulk_create(new[start : start + BATCH], batch_size=BATCH)
        tick(len(new[start : start + BATCH]))
    for start in range(0, len(changed), BATCH):
        City.objects.bulk_update(changed[start : start + BATCH], CITY_FIELDS, batch_size=BATCH)
        tick(len(changed[start : start + BATCH]))
    counts.created, counts.updated = len(new), len(changed)
    counts.missing = sorted(
        code for code, row in existing.items() if code not in data.cities and not row[3]
    )
    ids = dict(City.objects.values_list("code", "pk"))
    rebuild = [ids[c.code] for c in new] + [c.pk for c in changed]
    return ids, rebuild


def _confirmed_names_for(codes: set[str]) -> dict[str, str]:
    """Latest confirmed name per city code (for cities coming back after a prune)."""
    if not codes:
        return {}
    names: dict[str, str] = {}
    reviews = (
        CityNameReview.objects.filter(city_code__in=codes)
        .exclude(name="")
        .order_by("created_at", "pk")
    )
    for code, name in reviews.values_list("city_code", "name"):
        names[code] = name
    return names


def _upsert_links(
    data: WorldData, city_ids: dict[str, int], counts: Counts, tick: Callable[[int], None]
) -> None:
    existing = {
        (row[1], row[2]): row
        for row in Twinning.objects.values_list("pk", "city_a_id", "city_b_id", *TWINNING_FIELDS)
    }
    wanted: set[tuple[int, int]] = set()
    new: list[Twinning] = []
    changed: list[Twinning] = []
    for (a, b), values in data.links.items():
        pa, pb = city_ids[a], city_ids[b]
        key = (pa, pb) if pa < pb else (pb, pa)
        wanted.add(key)
        current = existing.get(key)
        if current is None:
            new.append(Twinning(city_a_id=key[0], city_b_id=key[1], **values))
        elif tuple(values[f] for f in TWINNING_FIELDS) != tuple(current[3:]):
            changed.append(Twinning(pk=current[0], city_a_id=key[0], city_b_id=key[1], **values))
        else:
            counts.unchanged += 1
    for start in range(0, len(new), BATCH):
        Twinning.objects.bulk_create(new[start : start + BATCH], batch_size=BATCH)
        tick(len(new[start : start + BATCH]))
    Twinning.objects.bulk_update(changed, TWINNING_FIELDS, batch_size=BATCH)
    counts.created, counts.updated = len(new), len(changed)
    missing_keys = sorted(set(existing) - wanted)
    codes = {pk: code for code, pk in city_ids.items()}
    counts.missing = [f"{codes.get(a, a)} – {codes.get(b, b)}" for a, b in missing_keys]
    counts.missing_pks = [existing[k][0] for k in missing_keys]


def _prune(
    model: type[models.Model],
    pks_by_label: dict[str, int],
    counts: Counts,
    report: ImportReport,
) -> None:
    protected = _protected_references(model, pks_by_label.values())
    deletable = []
    for label, pk in pks_by_label.items():
        if pk in protected:
            counts.kept.append(label)
            report.protected.append(
                _("%(row)s is not in the data but is kept: %(refs)s still refer(s) to it")
                % {"row": label, "refs": ", ".join(protected[pk])}
            )
        else:
            deletable.append(pk)
    for start in range(0, len(deletable), BATCH):
        chunk = deletable[start : start + BATCH]
        model._default_manager.filter(pk__in=chunk).delete()
    counts.deleted = len(deletable)


@transaction.atomic
def world_import(
    *,
    data: WorldData,
    prune: bool = False,
    progress: Callable[[str, int], Callable[[int], None]] | None = None,
) -> ImportReport:
    """Upsert validated world data in one transaction; see the module docstring."""
    if data.problems:
        raise ValueError("world_import needs data without problems")
    report = ImportReport()

    def noop(_n: int) -> None:
        return None

    def stage(name: str, total: int) -> Callable[[int], None]:
        return progress(name, total) if progress else noop

    country_ids = _upsert_countries(data, report.countries)
    city_ids, rebuild = _upsert_cities(
        data, country_ids, report.cities, stage(_("cities"), len(data.cities))
    )
    reviewed = city_names_ship(names=data.reviewed)  # rebuilds the keys of these itself
    report.reviewed_names = len(reviewed)
    rebuild = sorted(set(rebuild) - set(reviewed))
    if rebuild:
        city_names_rebuild(city_ids=rebuild)
    _upsert_links(data, city_ids, report.links, stage(_("links"), len(data.links)))
    if prune:
        links = report.links
        link_pks = dict(zip(links.missing, links.missing_pks, strict=True))
        _prune(Twinning, link_pks, links, report)
        city_pks = {code: city_ids[code] for code in report.cities.missing}
        _prune(City, city_pks, report.cities, report)
        country_pks = {code: country_ids[code] for code in report.countries.missing}
        _prune(Country, country_pks, report.countries, report)
    return report
