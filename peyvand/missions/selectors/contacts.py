"""Reads of the office's contacts: the list with its filters, one contact, its timeline,
possible duplicates, the pact panel. The last interaction is derived in the database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models import (
    BooleanField,
    Count,
    DateField,
    F,
    Func,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    Window,
)
from django.db.models.functions import Coalesce, Greatest, NullIf
from django.db.models.sql.compiler import SQLCompiler
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language

from peyvand.accounts.models import Office
from peyvand.core.text import search_key
from peyvand.partnerships.models import Activity, Partnership

from ..models import Contact, Mission, MissionStatus, Participant

# Only a mission that took place counts as an interaction (not a draft, not a plan).
MISSION_DONE = (MissionStatus.COMPLETED, MissionStatus.REPORTED)
# A date before any interaction: Greatest() is NULL on PostgreSQL when one side is NULL
# and ignores NULL on SQLite, so each side is coalesced to it and the result turned back
# into NULL when neither side had a date.
_NO_DATE = dt.date(1, 1, 1)
TIMELINE_SHOWN = 20
PANEL_SHOWN = 8

SORTS = ("name", "-name", "last", "-last")
DEFAULT_SORT = "name"


class ListHas(Func):
    """True where the JSON list in the first expression holds the string value given:
    `json_each` on SQLite, the `?` operator on PostgreSQL (both compare decoded strings,
    Persian tags included)."""

    output_field = BooleanField()

    def __init__(self, expression: Any, value: str) -> None:
        super().__init__(expression, Value(value))

    def as_sql(  # type: ignore[override]
        self, compiler: SQLCompiler, connection: Any, **extra: Any
    ) -> tuple[str, list[Any]]:
        column, column_params = compiler.compile(self.source_expressions[0])
        value, value_params = compiler.compile(self.source_expressions[1])
        params = [*column_params, *value_params]
        if connection.vendor == "postgresql":
            return f"({column})::jsonb ? ({value})", params
        return f"EXISTS (SELECT 1 FROM json_each({column}) WHERE json_each.value = {value})", params


def _last_activity() -> Subquery:
    """The date of the latest activity the contact took part in (the subquery's Max)."""
    return Subquery(
        Activity.objects.filter(contacts=OuterRef("pk")).order_by("-date").values("date")[:1],
        output_field=DateField(),
    )


def _last_mission() -> Subquery:
    """The end of the latest mission the contact took part in that took place."""
    return Subquery(
        Participant.objects.filter(contact_id=OuterRef("pk"), mission__status__in=MISSION_DONE)
        .order_by("-mission__end_date")
        .values("mission__end_date")[:1],
        output_field=DateField(),
    )


def with_last_interaction(qs: QuerySet[Contact]) -> QuerySet[Contact]:
    """Annotate `last_interaction`: the latest of the activities the contact took part in
    and the end of the missions they took part in that took place; None when neither."""
    no_date = Value(_NO_DATE, output_field=DateField())
    latest = Greatest(
        Coalesce(_last_activity(), no_date),
        Coalesce(_last_mission(), no_date),
        output_field=DateField(),
    )
    return qs.annotate(last_interaction=NullIf(latest, no_date, output_field=DateField()))


def _name_order(descending: bool) -> list[Any]:
    """By the name in the reader's language, the other where it is empty."""
    first, second = ("fa", "en") if (get_language() or "fa").startswith("fa") else ("en", "fa")
    key = Coalesce(NullIf(F(f"name_{first}"), Value("")), F(f"name_{second}"))
    return [key.desc() if descending else key.asc(), "pk"]


def contact_list(*, office: Office, filters: dict[str, Any] | None = None) -> QuerySet[Contact]:
    """The office's contacts, filtered, with their last interaction, sorted."""
    filters = filters or {}
    qs = with_last_interaction(
        Contact.objects.for_office(office).select_related("city", "city__country", "organization")
    )
    if filters.get("kind"):
        qs = qs.filter(kind=filters["kind"])
    if filters.get("city"):
        qs = qs.filter(city__code=filters["city"])
    if filters.get("country"):
        qs = qs.filter(city__country__code=filters["country"])
    if filters.get("organization"):
        qs = qs.filter(organization_id=filters["organization"])
    if filters.get("partnership"):
        qs = qs.filter(
            pk__in=Contact.partnerships.through.objects.filter(
                partnership_id=filters["partnership"]
            ).values("contact_id")
        )
    if filters.get("tag"):
        qs = qs.filter(ListHas(F("tags"), str(filters["tag"]).strip().lower()))
    if filters.get("q"):
        q = str(filters["q"]).strip()
        qs = qs.filter(Q(name_fa__icontains=q) | Q(name_en__icontains=q) | Q(email__icontains=q))
    sort = filters.get("sort") or DEFAULT_SORT
    if sort in ("last", "-last"):
        # Newest first for "-last"; contacts never met come last either way.
        field = F("last_interaction")
        first = field.desc(nulls_last=True) if sort == "-last" else field.asc(nulls_last=True)
        return qs.order_by(first, *_name_order(False))
    return qs.order_by(*_name_order(sort == "-name"))


def contact_for_detail(*, office: Office, pk: int) -> Contact:
    """Another office's contact answers 404."""
    return get_object_or_404(
        with_last_interaction(
            Contact.objects.for_office(office).select_related(
                "city", "city__country", "organization", "office"
            )
        ).prefetch_related("partnerships", "partnerships__partner_city"),
        pk=pk,
    )


def normalised_name(name: str) -> str:
    """A name as duplicates are found by: case, spaces and Persian letter forms aside."""
    return search_key(name)


def contact_duplicates(
    *,
    office: Office,
    email: str = "",
    name_fa: str = "",
    name_en: str = "",
    city_id: int | None = None,
    exclude_pk: int | None = None,
) -> list[Contact]:
    """The office's contacts that may be the same person: the same email (any case), or
    the same name (Persian or English, case and spaces aside) in the same city (or both
    without a city)."""
    found: dict[int, Contact] = {}
    base = Contact.objects.for_office(office).select_related("city", "organization")
    if exclude_pk is not None:
        base = base.exclude(pk=exclude_pk)
    email = (email or "").strip()
    if email:
        for contact in base.filter(email__iexact=email):
            found[contact.pk] = contact
    names = {normalised_name(n) for n in (name_fa, name_en) if n and n.strip()}
    if names:
        same_city = base.filter(city_id=city_id) if city_id else base.filter(city__isnull=True)
        for contact in same_city.only("pk", "name_fa", "name_en", "city", "organization"):
            theirs = {normalised_name(n) for n in (contact.name_fa, contact.name_en) if n}
            if names & theirs:
                found.setdefault(contact.pk, contact)
    return sorted(found.values(), key=lambda c: c.pk)


@dataclass(frozen=True)
class TimelineRow:
    """One interaction of a contact: an activity or a mission they took part in."""

    date: dt.date
    kind: str  # "activity" or "mission"
    record: Any
    counts: bool  # whether it counts as an interaction (a mission that took place)


def contact_timeline(contact: Contact, limit: int = TIMELINE_SHOWN) -> list[TimelineRow]:
    """The latest `limit` activities and missions of the contact, newest first."""
    activities = (
        Activity.objects.filter(contacts=contact)
        .prefetch_related(
            models.Prefetch(
                "partnerships", queryset=Partnership.objects.select_related("partner_city")
            )
        )
        .order_by("-date", "-pk")[:limit]
    )
    missions = (
        Mission.objects.filter(participants__contact=contact)
        .distinct()
        .order_by("-end_date", "-pk")[:limit]
    )
    rows = [TimelineRow(a.date, "activity", a, True) for a in activities]
    rows += [TimelineRow(m.end_date, "mission", m, m.status in MISSION_DONE) for m in missions]
    rows.sort(key=lambda r: (r.date, r.kind == "mission"), reverse=True)
    return rows[:limit]


def contact_cities(*, office: Office) -> list[Any]:
    """The cities of the office's contacts, for the list filter."""
    from peyvand.places.models import City

    return list(
        City.objects.filter(
            pk__in=Contact.objects.for_office(office).filter(city__isnull=False).values("city_id")
        ).order_by("name_en")
    )


def contact_countries(*, office: Office) -> list[Any]:
    from peyvand.places.models import Country
    from peyvand.places.selectors import countries_by_name

    return countries_by_name(
        Country.objects.filter(
            cities__pk__in=Contact.objects.for_office(office).values("city_id")
        ).distinct()
    )


def contact_organizations(*, office: Office) -> list[Any]:
    from peyvand.organizations.models import Organization

    return list(
        Organization.objects.filter(
            pk__in=Contact.objects.for_office(office).values("organization_id")
        ).order_by("name_en")
    )


def office_pacts(*, office: Office) -> QuerySet[Partnership]:
    """The office's pacts a contact may work on (not archived), by partner city."""
    return (
        Partnership.objects.for_office(office)
        .filter(archived=False)
        .select_related("partner_city")
        .order_by("partner_city__name_en", "pk")
    )


def pact_contacts(*, office: Office, partnership: Partnership) -> dict[str, Any]:
    """The pact page's panel: a few contacts who work on the pact, and how many."""
    # One query: the count of all of them rides on each of the first rows (a window).
    shown = list(
        Contact.objects.for_office(office)
        .filter(partnerships=partnership)
        .select_related("organization")
        .annotate(total=Window(Count("pk")))
        .order_by(*_name_order(False))[:PANEL_SHOWN]
    )
    count = getattr(shown[0], "total", 0) if shown else 0
    return {"contacts": shown, "count": count}


def merge_candidates(*, office: Office, keep: Contact, q: str, limit: int = 20) -> list[Contact]:
    """Contacts of the office that could be merged into `keep`: its possible duplicates
    first, then those matching `q`."""
    duplicates = contact_duplicates(
        office=office,
        email=keep.email,
        name_fa=keep.name_fa,
        name_en=keep.name_en,
        city_id=keep.city_id,
        exclude_pk=keep.pk,
    )
    rows = {c.pk: c for c in duplicates}
    q = (q or "").strip()
    if q:
        matching = (
            Contact.objects.for_office(office)
            .exclude(pk=keep.pk)
            .filter(Q(name_fa__icontains=q) | Q(name_en__icontains=q) | Q(email__icontains=q))
            .select_related("city", "organization")
            .order_by(*_name_order(False))[:limit]
        )
        for c in matching:
            rows.setdefault(c.pk, c)
    return list(rows.values())[:limit]
