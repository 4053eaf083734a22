"""What the one search finds of this app: the organisations, shared by every office."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet
from django.urls import reverse

from peyvand.partnerships.search import city_names
from peyvand.places.models import City
from peyvand.search.documents import Dependency, Document, SearchKind, in_both_languages

from .models import Organization, OrganizationKind


def organization_document(org: Organization) -> Document:
    return Document(
        office_id=None,  # world data: every office finds it
        title_fa=org.name_fa,
        title_en=org.name_en,
        texts=[
            org.acronym,
            *in_both_languages(OrganizationKind(org.kind).label),
            org.website,
            *city_names(org.headquarters),
        ],
        area_ids=[area.pk for area in org.areas.all()],
        city_id=org.headquarters_id,
    )


def organizations_to_index() -> QuerySet[Organization]:
    return (
        Organization.objects.select_related("headquarters__country")
        .prefetch_related("areas")
        .order_by("pk")
    )


def _organizations_of_city(city: City) -> Iterable[int]:
    return Organization.objects.filter(headquarters=city).values_list("pk", flat=True)


ORGANIZATIONS = SearchKind(
    key="organization",
    label=Organization._meta.verbose_name,
    plural=Organization._meta.verbose_name_plural,
    model=Organization,
    document=organization_document,
    rebuild=organizations_to_index,
    url=lambda slug, pk, link: reverse(
        "organizations:detail", kwargs={"office_slug": slug, "pk": pk}
    ),
    links=[Organization.areas.through],
    depends=[Dependency(City, _organizations_of_city)],
    order=60,
)
