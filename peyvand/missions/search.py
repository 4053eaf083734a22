"""What the one search finds of this app: missions (with their objectives and trip report)
and contacts (peyvand.search)."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import QuerySet
from django.urls import reverse

from peyvand.organizations.models import Organization
from peyvand.partnerships.search import city_names
from peyvand.places.models import City
from peyvand.search.documents import Dependency, Document, SearchKind, in_both_languages

from .models import Contact, ContactKind, Mission, Objective, PracticeObserved, TripReport


def _report_texts(mission: Mission) -> list[str]:
    try:
        report = mission.report
    except ObjectDoesNotExist:
        return []
    texts = [report.summary, report.lessons]
    for practice in report.practices.all():
        texts += [practice.title, practice.description]
    return texts


def mission_document(mission: Mission) -> Document:
    cities = sorted(mission.cities.all(), key=lambda c: c.pk)
    return Document(
        office_id=mission.office_id,
        title_fa=mission.title_fa,
        title_en=mission.title_en,
        texts=[
            mission.purpose,
            mission.status_reason,
            *(objective.text for objective in mission.objectives.all()),
            *(objective.outcome_note for objective in mission.objectives.all()),
            *_report_texts(mission),
            *(name for city in cities for name in city_names(city)),
        ],
        city_id=cities[0].pk if cities else None,
        date=mission.start_date,
    )


def missions_to_index() -> QuerySet[Mission]:
    return (
        Mission.objects.select_related("report")
        .prefetch_related("cities__country", "objectives", "report__practices")
        .order_by("pk")
    )


def contact_document(contact: Contact) -> Document:
    org = contact.organization
    return Document(
        office_id=contact.office_id,
        title_fa=contact.name_fa,
        title_en=contact.name_en,
        texts=[
            contact.title,
            *in_both_languages(ContactKind(contact.kind).label),
            contact.email,
            *(str(tag) for tag in contact.tags or []),
            contact.notes,
            *city_names(contact.city),
            *([org.name_en, org.name_fa, org.acronym] if org is not None else []),
        ],
        city_id=contact.city_id,
    )


def contacts_to_index() -> QuerySet[Contact]:
    return Contact.objects.select_related("city__country", "organization").order_by("pk")


def _missions_of_objective(objective: Objective) -> Iterable[int]:
    return [objective.mission_id]


def _missions_of_report(report: TripReport) -> Iterable[int]:
    return [report.mission_id]


def _missions_of_practice(practice: PracticeObserved) -> Iterable[int]:
    return TripReport.objects.filter(pk=practice.report_id).values_list("mission_id", flat=True)


def _contacts_of_city(city: City) -> Iterable[int]:
    return Contact.objects.filter(city=city).values_list("pk", flat=True)


def _contacts_of_organization(org: Organization) -> Iterable[int]:
    return Contact.objects.filter(organization=org).values_list("pk", flat=True)


MISSIONS = SearchKind(
    key="mission",
    label=Mission._meta.verbose_name,
    plural=Mission._meta.verbose_name_plural,
    model=Mission,
    document=mission_document,
    rebuild=missions_to_index,
    url=lambda slug, pk, link: reverse("missions:detail", kwargs={"office_slug": slug, "pk": pk}),
    links=[Mission.cities.through],
    depends=[
        Dependency(Objective, _missions_of_objective),
        Dependency(TripReport, _missions_of_report),
        Dependency(PracticeObserved, _missions_of_practice),
    ],
    order=40,
)

CONTACTS = SearchKind(
    key="contact",
    label=Contact._meta.verbose_name,
    plural=Contact._meta.verbose_name_plural,
    model=Contact,
    document=contact_document,
    rebuild=contacts_to_index,
    url=lambda slug, pk, link: reverse("contacts:detail", kwargs={"office_slug": slug, "pk": pk}),
    depends=[
        Dependency(City, _contacts_of_city),
        Dependency(Organization, _contacts_of_organization),
    ],
    order=70,
)
