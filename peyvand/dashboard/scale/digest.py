"""A fingerprint of the generated data: what two runs with the same arguments share.

Rows are read in the order they were written (by id) and named by content, never by id:
a pact by its partner city's code, a user by name, an activity's pacts by their place in
the office's list. Timestamps, ids, stored file paths and password hashes are left out.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Model

from peyvand.accounts.models import Department, Office, OfficeMembership
from peyvand.knowledge import models as knowledge
from peyvand.missions import models as missions
from peyvand.opportunities import models as opportunities
from peyvand.organizations.models import Membership, Obligation, Organization, RoleHeld
from peyvand.partnerships.models import (
    Activity,
    Agreement,
    AgreementFile,
    Approval,
    Commitment,
    CooperationArea,
    DormancyReview,
    Outcome,
    Partnership,
)
from peyvand.places.models import City
from peyvand.portal import models as portal

from .build import PREFIX

CHUNK = 20_000


def _feed(digest: Any, *values: Any) -> None:
    digest.update(json.dumps(values, default=str, ensure_ascii=False, sort_keys=True).encode())
    digest.update(b"\n")


def scale_digest() -> str:
    digest = hashlib.sha256()
    users = dict(
        get_user_model().objects.filter(username__startswith=PREFIX).values_list("pk", "username")
    )
    areas = dict(CooperationArea.objects.values_list("pk", "code"))
    for office in Office.objects.filter(slug__startswith=PREFIX).order_by("slug"):
        home = office.home_city.code if office.home_city else None
        _feed(digest, "office", office.slug, office.name_fa, office.name_en, home)
        departments = dict(Department.objects.for_office(office).values_list("pk", "name_en"))
        for row in (
            OfficeMembership.objects.for_office(office)
            .order_by("user__username")
            .values_list("user__username", "role", "department_id")
        ):
            _feed(digest, "member", row[0], row[1], departments.get(row[2]))
        pacts: dict[int, int] = {}
        for n, p in enumerate(
            Partnership.objects.for_office(office)
            .select_related("partner_city")
            .prefetch_related("areas")
            .order_by("pk")
        ):
            pacts[p.pk] = n
            _feed(
                digest,
                "pact",
                p.partner_city.code,
                p.kind,
                p.status,
                p.end_reason,
                p.signed_on,
                p.valid_until,
                p.summary_fa,
                p.summary_en,
                users.get(p.responsible_id or 0),
                p.published,
                p.archived,
                p.health_score,
                p.health_label,
                p.paper_only,
                p.health_components,
                sorted(a.code for a in p.areas.all()),
            )
        _parts(digest, office, pacts, users, departments, areas)
        _activities(digest, office, pacts, users, departments, areas)
        _modules(digest, office, pacts, users, departments)
    return digest.hexdigest()


# The other modules' tables, in the order they are written; each row by its fields, its
# references by content (a city by code, a user by name) or by place in the office's list.
MODULES: list[type[Model]] = [
    Membership,
    RoleHeld,
    Obligation,
    missions.Contact,
    missions.Event,
    missions.Mission,
    missions.Objective,
    missions.Participant,
    missions.TripReport,
    missions.PracticeObserved,
    missions.MissionActivity,
    knowledge.Practice,
    knowledge.StageSpan,
    opportunities.Pitch,
    opportunities.InterestedParty,
    opportunities.PartyFollowUp,
    opportunities.FundingCall,
    opportunities.Application,
    portal.Feedback,
    portal.InboxMessage,
]
SKIP = {"id", "office", "created_at", "updated_at"}


def _modules(
    digest: Any,
    office: Office,
    pacts: dict[int, int],
    users: dict[int, str],
    departments: dict[int, str],
) -> None:
    orgs = dict(Organization.objects.values_list("pk", "name_en"))
    activities = {
        pk: n
        for n, pk in enumerate(
            Activity.objects.for_office(office).order_by("pk").values_list("pk", flat=True)
        )
    }
    places: dict[type[Model], dict[int, Any]] = {
        Partnership: pacts,
        Activity: activities,
        Organization: orgs,
        get_user_model(): users,
        Department: departments,
        CooperationArea: dict(CooperationArea.objects.values_list("pk", "code")),
    }
    city_codes: dict[int, str] = {}
    for model in MODULES:
        fields = [f for f in model._meta.concrete_fields if f.name not in SKIP]
        rows = list(model._base_manager.filter(office=office).order_by("pk"))
        cities = {getattr(r, f.attname) for r in rows for f in fields if f.related_model is City}
        missing = [pk for pk in cities if pk is not None and pk not in city_codes]
        city_codes.update(City.objects.filter(pk__in=missing).values_list("pk", "code"))
        places[City] = city_codes
        mine: dict[int, int] = {}
        for n, row in enumerate(rows):
            mine[row.pk] = n
            values = []
            for f in fields:
                value = getattr(row, f.attname)
                if f.is_relation and value is not None:
                    value = places.get(f.related_model, {}).get(value, "?")  # type: ignore[arg-type]
                values.append(value)
            for m2m in model._meta.many_to_many:
                through: Any = m2m.remote_field.through
                if through._meta.auto_created:
                    related = getattr(row, m2m.name)
                    if m2m.related_model is City:
                        values.append(sorted(related.values_list("code", flat=True)))
                        continue
                    ref = places.get(m2m.related_model, {})
                    ids = related.values_list("pk", flat=True)
                    values.append(sorted(str(ref.get(pk, "?")) for pk in ids))
            _feed(digest, model._meta.label, *values)
        places[model] = mine


def _parts(
    digest: Any,
    office: Office,
    pacts: dict[int, int],
    users: dict[int, str],
    departments: dict[int, str],
    areas: dict[int, str],
) -> None:
    for c in Commitment.objects.for_office(office).order_by("pk"):
        _feed(
            digest,
            "commitment",
            pacts[c.partnership_id],
            c.title,
            areas.get(c.area_id or 0),
            departments.get(c.department_id or 0),
            c.due_on,
            c.status,
            c.done_on,
            c.drop_reason,
            c.evidence_note,
            c.evidence_link,
        )
    agreements: dict[int, int] = {}
    for n, a in enumerate(Agreement.objects.for_office(office).order_by("pk")):
        agreements[a.pk] = n
        _feed(
            digest,
            "agreement",
            pacts[a.partnership_id],
            a.title,
            a.languages,
            a.signatories,
            a.signed_on,
            a.valid_until,
        )
    for f in AgreementFile.objects.for_office(office).order_by("pk"):
        _feed(
            digest,
            "file",
            agreements[f.agreement_id],
            f.original_name,
            f.content_type,
            f.size,
            users.get(f.uploaded_by_id or 0),
        )
    for ap in Approval.objects.for_office(office).order_by("pk"):
        _feed(
            digest,
            "approval",
            pacts[ap.partnership_id],
            ap.body,
            ap.body_name,
            ap.status,
            ap.decided_on,
            ap.reference,
        )
    for r in DormancyReview.objects.for_office(office).order_by("pk"):
        _feed(
            digest,
            "review",
            pacts[r.partnership_id],
            r.decision,
            users.get(r.decided_by_id or 0),
            r.decided_on,
            r.score_at_review,
            r.reason,
            r.deadline,
            r.letter_fa,
            r.letter_en,
        )


def _activities(
    digest: Any,
    office: Office,
    pacts: dict[int, int],
    users: dict[int, str],
    departments: dict[int, str],
    areas: dict[int, str],
) -> None:
    ids = list(Activity.objects.for_office(office).order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), CHUNK):
        first, last = ids[start], ids[min(start + CHUNK, len(ids)) - 1]
        window = {"office": office, "pk__gte": first, "pk__lte": last}
        links: dict[int, list[int]] = {}
        for a_id, p_id in Activity.partnerships.through.objects.filter(
            activity__office=office, activity_id__gte=first, activity_id__lte=last
        ).values_list("activity_id", "partnership_id"):
            links.setdefault(a_id, []).append(pacts[p_id])
        codes: dict[int, list[str]] = {}
        for a_id, area_id in Activity.areas.through.objects.filter(
            activity__office=office, activity_id__gte=first, activity_id__lte=last
        ).values_list("activity_id", "cooperationarea_id"):
            codes.setdefault(a_id, []).append(areas[area_id])
        outcomes: dict[int, list[Any]] = {}
        for o in (
            Outcome.objects.filter(activity__office=office, activity_id__gte=first)
            .filter(activity_id__lte=last)
            .order_by("pk")
            .values_list("activity_id", "kind", "value", "unit", "note")
        ):
            outcomes.setdefault(o[0], []).append(o[1:])
        for row in (
            Activity.objects.filter(**window)
            .order_by("pk")
            .values_list(
                "pk",
                "date",
                "kind",
                "initiated_by",
                "title",
                "description",
                "participants",
                "published",
                "department_id",
                "created_by_id",
            )
        ):
            pk = row[0]
            _feed(
                digest,
                "activity",
                *row[1:8],
                departments.get(row[8] or 0),
                users.get(row[9] or 0),
                sorted(links.get(pk, [])),
                sorted(codes.get(pk, [])),
                outcomes.get(pk, []),
            )
