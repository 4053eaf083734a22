"""What the one search finds of this app: the pacts and their activities (peyvand.search)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet
from django.urls import reverse

from peyvand.places.models import City
from peyvand.search.documents import Dependency, Document, SearchKind, in_both_languages

from .models import Activity, ActivityKind, CooperationArea, Partnership, PartnershipKind


def city_names(city: City | None) -> list[str]:
    """A city's names a reader may type: English and Persian, and its country's."""
    if city is None:
        return []
    names = [city.name_en, city.name_fa_display]
    country = getattr(city, "country", None)
    if country is not None:
        names += [country.name_en, country.name_fa]
    return [name for name in names if name]


def _city_fa(city: City) -> str:
    return city.name_fa_display or city.name_en


def partnership_document(pact: Partnership) -> Document:
    city = pact.partner_city
    kind = PartnershipKind(pact.kind).label
    fa, en = in_both_languages(kind)
    return Document(
        office_id=pact.office_id,
        title_fa=f"{_city_fa(city)} ({fa})",
        title_en=f"{city.name_en} ({en})",
        texts=[pact.summary_fa, pact.summary_en, pact.end_reason, *city_names(city)],
        area_ids=[area.pk for area in pact.areas.all()],
        city_id=city.pk,
        date=pact.signed_on,
    )


def partnerships_to_index() -> QuerySet[Partnership]:
    return (
        Partnership.objects.select_related("partner_city__country")
        .prefetch_related("areas")
        .order_by("pk")
    )


def activity_document(activity: Activity) -> Document:
    pacts = sorted(activity.partnerships.all(), key=lambda p: p.pk)
    cities = [p.partner_city for p in pacts]
    return Document(
        office_id=activity.office_id,
        title_fa=activity.title,
        texts=[
            activity.description,
            *in_both_languages(ActivityKind(activity.kind).label),
            *(name for city in cities for name in city_names(city)),
        ],
        area_ids=[area.pk for area in activity.areas.all()],
        city_id=cities[0].pk if cities else None,
        date=activity.date,
        link={"pact": pacts[0].pk} if pacts else {},
    )


def activities_to_index() -> QuerySet[Activity]:
    return Activity.objects.prefetch_related(
        "areas", "partnerships__partner_city__country"
    ).order_by("pk")


def _pacts_of_city(city: City) -> Iterable[int]:
    return Partnership.objects.filter(partner_city=city).values_list("pk", flat=True)


def _activity_url(slug: str, pk: int, link: dict[str, object]) -> str:
    pact = link.get("pact")
    if pact is None:
        return reverse("partnerships:activity_edit", kwargs={"office_slug": slug, "pk": pk})
    return reverse("partnerships:detail", kwargs={"office_slug": slug, "pk": pact})


PARTNERSHIPS = SearchKind(
    key="partnership",
    label=Partnership._meta.verbose_name,
    plural=Partnership._meta.verbose_name_plural,
    model=Partnership,
    document=partnership_document,
    rebuild=partnerships_to_index,
    url=lambda slug, pk, link: reverse(
        "partnerships:detail", kwargs={"office_slug": slug, "pk": pk}
    ),
    links=[Partnership.areas.through],
    depends=[Dependency(City, _pacts_of_city)],
    order=10,
)

ACTIVITIES = SearchKind(
    key="activity",
    label=Activity._meta.verbose_name,
    plural=Activity._meta.verbose_name_plural,
    model=Activity,
    document=activity_document,
    rebuild=activities_to_index,
    url=_activity_url,
    links=[Activity.areas.through, Activity.partnerships.through],
    order=20,
)


def area_choices() -> list[tuple[int, str]]:
    """The cooperation areas, for the search page's filter."""
    return [(area.pk, area.name) for area in CooperationArea.objects.all()]
