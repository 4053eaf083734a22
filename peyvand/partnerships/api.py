"""Partnerships API: the same services, rules and roles as the pages, under an office.

Optimistic locking: a partnership's or a commitment's ETag is its version ("v<version>");
send it back in If-Match when updating. A stale If-Match answers 412 with what changed
meanwhile (and the current ETag); without If-Match the update is not checked.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.security import django_auth

from peyvand.accounts.access import membership_for
from peyvand.accounts.models import Department, OfficeMembership, Role
from peyvand.core.api import ErrorOut, PageMeta, paginate_queryset
from peyvand.places.models import City

from . import selectors, services
from .models import (
    Activity,
    ActivityKind,
    Commitment,
    CooperationArea,
    InitiatedBy,
    OutcomeKind,
    Partnership,
    PartnershipKind,
    PartnershipStatus,
)

router = Router(tags=["partnerships"], auth=django_auth)
MAX_LIMIT = 200


class ValidationOut(Schema):
    detail: str
    errors: dict[str, list[str]] = {}


class StaleOut(Schema):
    detail: str
    version: int
    changes: list[dict[str, Any]]


# ---------------------------------------------------------------- schemas


class PartnershipOut(Schema):
    id: int
    partner_city: str = Field(..., description="The partner city's public id, e.g. gn:2761369.")
    partner_city_name: str
    country: str | None
    kind: str
    status: str
    end_reason: str
    signed_on: dt.date | None
    valid_until: dt.date | None
    areas: list[str]
    summary_fa: str
    summary_en: str
    responsible: str | None
    is_public: bool
    archived: bool
    version: int
    health_score: int | None
    health_label: str
    paper_only: bool
    components: dict[str, Any]
    health_computed_on: dt.date | None

    @staticmethod
    def resolve_partner_city(obj: Partnership) -> str:
        return obj.partner_city.code

    @staticmethod
    def resolve_partner_city_name(obj: Partnership) -> str:
        return obj.partner_city.name

    @staticmethod
    def resolve_country(obj: Partnership) -> str | None:
        return obj.partner_city.country.code if obj.partner_city.country else None

    @staticmethod
    def resolve_areas(obj: Partnership) -> list[str]:
        return [a.code for a in obj.areas.all()]

    @staticmethod
    def resolve_responsible(obj: Partnership) -> str | None:
        return obj.responsible.get_username() if obj.responsible else None

    @staticmethod
    def resolve_components(obj: Partnership) -> dict[str, Any]:
        return obj.health_components or {}


class PartnershipPage(PageMeta):
    items: list[PartnershipOut]


class PartnershipIn(Schema):
    partner_city: str = Field(..., max_length=80)
    kind: str = PartnershipKind.SISTER
    status: str = PartnershipStatus.PROPOSED
    end_reason: str = ""
    signed_on: dt.date | None = None
    valid_until: dt.date | None = None
    areas: list[str] = []
    summary_fa: str = ""
    summary_en: str = ""
    responsible: str | None = Field(None, description="Username of a member of the office.")
    is_public: bool = False


class PartnershipPatch(Schema):
    partner_city: str | None = None
    kind: str | None = None
    status: str | None = None
    end_reason: str | None = None
    signed_on: dt.date | None = None
    valid_until: dt.date | None = None
    areas: list[str] | None = None
    summary_fa: str | None = None
    summary_en: str | None = None
    responsible: str | None = None
    is_public: bool | None = None


class PartnershipFilters(Schema):
    status: str = ""
    kind: str = ""
    label: str = ""
    paper_only: bool = False
    area: str = ""
    country: str = ""
    sort: str = ""
    archived: bool = False
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0)


class CommitmentOut(Schema):
    id: int
    partnership: int = Field(..., alias="partnership_id")
    title: str
    area: str | None
    department: int | None = Field(None, alias="department_id")
    due_on: dt.date
    status: str
    done_on: dt.date | None
    drop_reason: str
    evidence_note: str
    evidence_link: str
    on_time: bool
    version: int

    @staticmethod
    def resolve_area(obj: Commitment) -> str | None:
        return obj.area.code if obj.area else None


class CommitmentIn(Schema):
    title: str = Field(..., max_length=300)
    due_on: dt.date
    area: str | None = None
    department: int | None = None


class CommitmentPatch(Schema):
    status: str | None = None
    done_on: dt.date | None = None
    drop_reason: str = ""
    evidence_note: str | None = None
    evidence_link: str | None = None
    title: str | None = Field(None, max_length=300)
    due_on: dt.date | None = None
    area: str | None = Field(None, description="A cooperation area code; null clears it.")
    department: int | None = Field(None, description="A department id; null clears it.")


class OutcomeIO(Schema):
    kind: str
    value: Decimal | None = None
    unit: str = ""
    note: str = ""


class ActivityOut(Schema):
    id: int
    date: dt.date
    kind: str
    initiated_by: str
    title: str
    description: str
    areas: list[str]
    participants: int | None
    partnerships: list[int]
    is_public: bool
    outcomes: list[OutcomeIO]

    @staticmethod
    def resolve_areas(obj: Activity) -> list[str]:
        return [a.code for a in obj.areas.all()]

    @staticmethod
    def resolve_partnerships(obj: Activity) -> list[int]:
        return [p.pk for p in obj.partnerships.all()]

    @staticmethod
    def resolve_outcomes(obj: Activity) -> list[dict[str, Any]]:
        return [
            {"kind": o.kind, "value": o.value, "unit": o.unit, "note": o.note}
            for o in obj.outcomes.all()
        ]


class ActivityPage(PageMeta):
    items: list[ActivityOut]


class ActivityIn(Schema):
    date: dt.date
    kind: str
    title: str = Field(..., max_length=300)
    initiated_by: str = InitiatedBy.US
    description: str = ""
    areas: list[str] = []
    participants: int | None = Field(None, ge=0)
    partnerships: list[int]
    is_public: bool = False
    outcomes: list[OutcomeIO] = []


# ---------------------------------------------------------------- helpers


def _membership(request: HttpRequest, slug: str, minimum: str = Role.VIEWER) -> OfficeMembership:
    membership = membership_for(request.user, slug)  # 404 for a stranger
    if not membership.has_role(minimum):
        raise HttpError(403, _("Your role does not allow this."))
    return membership


def _invalid(exc: ValidationError) -> tuple[int, dict[str, Any]]:
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    detail = " ".join(m for msgs in errors.values() for m in msgs)
    return 422, {"detail": detail, "errors": errors}


def _choice(value: str | None, choices: Any, field: str) -> None:
    if value is not None and value not in choices.values:
        raise ValidationError({field: [_("%(value)s is not a valid choice.") % {"value": value}]})


def _areas(codes: list[str]) -> list[CooperationArea]:
    found = list(CooperationArea.objects.filter(code__in=codes))
    if len(found) != len(set(codes)):
        raise ValidationError({"areas": [_("Unknown cooperation area.")]})
    return found


def _city(code: str) -> City:
    city = City.objects.filter(code=code).first()
    if city is None:
        raise ValidationError({"partner_city": [_("There is no city with this id.")]})
    return city


def _responsible(office: Any, username: str | None) -> Any:
    if not username:
        return None
    user = get_user_model().objects.filter(username=username).first()
    if user is None or not OfficeMembership.objects.filter(office=office, user=user).exists():
        raise ValidationError(
            {"responsible": [_("The responsible officer must be a member of the office.")]}
        )
    return user


def _pact(office: Any, pk: int) -> Partnership:
    return get_object_or_404(
        Partnership.objects.filter(office=office).select_related(
            "partner_city", "partner_city__country", "responsible", "office"
        ),
        pk=pk,
    )


def _etag(p: Partnership | Commitment) -> str:
    return f'"v{p.version}"'


def _stale_changes(events: list[Any]) -> list[dict[str, Any]]:
    from .presenters import history_rows

    return [
        {
            "action": str(row["action"]),
            "by": row["event"].actor.get_username() if row["event"].actor else None,
            "at": row["event"].created_at.isoformat(),
            "changes": row["event"].changes,
        }
        for row in history_rows(events)
    ]


def _if_match(request: HttpRequest) -> int | None:
    header = request.headers.get("If-Match", "").strip()
    if not header or header == "*":
        return None
    text = header.removeprefix("W/").strip('"')
    if not text.startswith("v") or not text[1:].isdigit():
        return -1  # matches no version: refused as stale
    return int(text[1:])


# ---------------------------------------------------------------- partnerships


@router.get("/offices/{slug}/partnerships", response=PartnershipPage)
def list_partnerships(
    request: HttpRequest, slug: str, filters: Query[PartnershipFilters]
) -> dict[str, Any]:
    membership = _membership(request, slug)
    data = filters.dict()
    qs = selectors.partnership_list(
        office=membership.office,
        filters={k: ("1" if v is True else "" if v is False else v) for k, v in data.items()},
    ).prefetch_related("areas")
    return paginate_queryset(qs, limit=filters.limit, offset=filters.offset)


@router.get("/offices/{slug}/partnerships/{pk}", response={200: PartnershipOut, 404: ErrorOut})
def get_partnership(request: HttpRequest, slug: str, pk: int, response: HttpResponse) -> Any:
    membership = _membership(request, slug)
    p = _pact(membership.office, pk)
    response["ETag"] = _etag(p)
    return p


@router.post(
    "/offices/{slug}/partnerships",
    response={201: PartnershipOut, 403: ErrorOut, 404: ErrorOut, 422: ValidationOut},
)
def create_partnership(
    request: HttpRequest, slug: str, payload: PartnershipIn, response: HttpResponse
) -> Any:
    membership = _membership(request, slug, Role.OFFICER)
    office = membership.office
    try:
        _choice(payload.kind, PartnershipKind, "kind")
        _choice(payload.status, PartnershipStatus, "status")
        p = services.partnership_create(
            office=office,
            actor=membership,
            partner_city=_city(payload.partner_city),
            kind=payload.kind,
            status=payload.status,
            signed_on=payload.signed_on,
            valid_until=payload.valid_until,
            areas=_areas(payload.areas),
            summary_fa=payload.summary_fa,
            summary_en=payload.summary_en,
            responsible=_responsible(office, payload.responsible),
            is_public=payload.is_public,
            end_reason=payload.end_reason,
        )
    except ValidationError as exc:
        return _invalid(exc)
    p = _pact(office, p.pk)
    response["ETag"] = _etag(p)
    return 201, p


@router.patch(
    "/offices/{slug}/partnerships/{pk}",
    response={
        200: PartnershipOut,
        403: ErrorOut,
        404: ErrorOut,
        412: StaleOut,
        422: ValidationOut,
    },
)
def update_partnership(
    request: HttpRequest, slug: str, pk: int, payload: PartnershipPatch, response: HttpResponse
) -> Any:
    membership = _membership(request, slug, Role.OFFICER)
    office = membership.office
    p = _pact(office, pk)
    fields = payload.dict(exclude_unset=True)
    try:
        _choice(fields.get("kind"), PartnershipKind, "kind")
        _choice(fields.get("status"), PartnershipStatus, "status")
        data: dict[str, Any] = {}
        for name, value in fields.items():
            if name == "partner_city":
                data["partner_city"] = _city(value)
            elif name == "areas":
                data["areas"] = _areas(value or [])
            elif name == "responsible":
                data["responsible"] = _responsible(office, value)
            else:
                data[name] = value
        p = services.partnership_update(
            partnership=p, actor=membership, expected_version=_if_match(request), data=data
        )
    except services.StaleEdit as exc:
        response["ETag"] = _etag(exc.partnership)
        changes = _stale_changes(exc.events)
        return 412, {"detail": exc.message, "version": exc.partnership.version, "changes": changes}
    except ValidationError as exc:
        return _invalid(exc)
    p = _pact(office, pk)
    response["ETag"] = _etag(p)
    return p


# ---------------------------------------------------------------- commitments


@router.get(
    "/offices/{slug}/partnerships/{pk}/commitments",
    response={200: list[CommitmentOut], 404: ErrorOut},
)
def list_commitments(request: HttpRequest, slug: str, pk: int) -> Any:
    membership = _membership(request, slug)
    return list(selectors.commitments_of(_pact(membership.office, pk)))


@router.post(
    "/offices/{slug}/partnerships/{pk}/commitments",
    response={201: CommitmentOut, 403: ErrorOut, 404: ErrorOut, 422: ValidationOut},
)
def create_commitment(request: HttpRequest, slug: str, pk: int, payload: CommitmentIn) -> Any:
    membership = _membership(request, slug, Role.OFFICER)
    office = membership.office
    p = _pact(office, pk)
    try:
        department = None
        if payload.department is not None:
            department = Department.objects.filter(office=office, pk=payload.department).first()
            if department is None:
                raise ValidationError({"department": [_("Choose a department of this office.")]})
        area = _areas([payload.area])[0] if payload.area else None
        c = services.commitment_create(
            partnership=p,
            actor=membership,
            title=payload.title,
            due_on=payload.due_on,
            area=area,
            department=department,
        )
    except ValidationError as exc:
        return _invalid(exc)
    return 201, c


def _commitment(office: Any, pk: int) -> Commitment:
    return get_object_or_404(
        Commitment.objects.filter(office=office).select_related("partnership", "area"), pk=pk
    )


@router.get("/offices/{slug}/commitments/{pk}", response={200: CommitmentOut, 404: ErrorOut})
def get_commitment(request: HttpRequest, slug: str, pk: int, response: HttpResponse) -> Any:
    membership = _membership(request, slug)
    c = _commitment(membership.office, pk)
    response["ETag"] = _etag(c)
    return c


@router.patch(
    "/offices/{slug}/commitments/{pk}",
    response={
        200: CommitmentOut,
        403: ErrorOut,
        404: ErrorOut,
        412: StaleOut,
        422: ValidationOut,
    },
)
def update_commitment(
    request: HttpRequest, slug: str, pk: int, payload: CommitmentPatch, response: HttpResponse
) -> Any:
    """Send the ETag of the commitment you read in If-Match: a stale one answers 412."""
    membership = _membership(request, slug, Role.LIAISON)
    office = membership.office
    c = _commitment(office, pk)
    fields = payload.dict(exclude_unset=True)
    try:
        plan: dict[str, Any] = {}
        if "area" in fields:
            plan["set_area"] = True
            plan["area"] = _areas([fields["area"]])[0] if fields["area"] else None
        if "department" in fields:
            plan["set_department"] = True
            plan["department"] = None
            if fields["department"] is not None:
                plan["department"] = Department.objects.filter(
                    office=office, pk=fields["department"]
                ).first()
                if plan["department"] is None:
                    raise ValidationError(
                        {"department": [_("Choose a department of this office.")]}
                    )
        services.commitment_update(
            commitment=c,
            actor=membership,
            status=payload.status,
            done_on=payload.done_on,
            drop_reason=payload.drop_reason,
            evidence_note=payload.evidence_note,
            evidence_link=payload.evidence_link,
            title=payload.title,
            due_on=payload.due_on,
            expected_version=_if_match(request),
            **plan,
        )
    except services.StaleCommitmentEdit as exc:
        response["ETag"] = _etag(exc.commitment)
        changes = _stale_changes(exc.events)
        return 412, {"detail": exc.message, "version": exc.commitment.version, "changes": changes}
    except PermissionDenied:
        raise HttpError(403, _("Your role does not allow this.")) from None
    except ValidationError as exc:
        return _invalid(exc)
    c = _commitment(office, pk)
    response["ETag"] = _etag(c)
    return c


# ---------------------------------------------------------------- activities


def _activities(office: Any) -> Any:
    return (
        Activity.objects.filter(office=office)
        .prefetch_related("areas", "outcomes", "partnerships")
        .order_by("-date", "-pk")
    )


@router.get("/offices/{slug}/activities", response=ActivityPage)
def list_activities(
    request: HttpRequest,
    slug: str,
    partnership: int | None = None,
    limit: int = Query(50, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0),
) -> dict[str, Any]:
    membership = _membership(request, slug)
    qs = _activities(membership.office)
    if partnership is not None:
        qs = qs.filter(partnerships__pk=partnership)
    return paginate_queryset(qs, limit=limit, offset=offset)


@router.get("/offices/{slug}/activities/{pk}", response={200: ActivityOut, 404: ErrorOut})
def get_activity(request: HttpRequest, slug: str, pk: int) -> Any:
    membership = _membership(request, slug)
    return get_object_or_404(_activities(membership.office), pk=pk)


@router.post(
    "/offices/{slug}/activities",
    response={201: ActivityOut, 403: ErrorOut, 404: ErrorOut, 422: ValidationOut},
)
def create_activity(request: HttpRequest, slug: str, payload: ActivityIn) -> Any:
    membership = _membership(request, slug, Role.LIAISON)
    office = membership.office
    try:
        _choice(payload.kind, ActivityKind, "kind")
        _choice(payload.initiated_by, InitiatedBy, "initiated_by")
        for outcome in payload.outcomes:
            _choice(outcome.kind, OutcomeKind, "outcomes")
        pacts = list(
            Partnership.objects.filter(office=office, pk__in=payload.partnerships).select_related(
                "office"
            )
        )
        if len(pacts) != len(set(payload.partnerships)):
            raise ValidationError(
                {"partnerships": [_("An activity can only concern this office's partnerships.")]}
            )
        activity = services.activity_log(
            office=office,
            actor=membership,
            partnerships=pacts,
            date=payload.date,
            kind=payload.kind,
            title=payload.title,
            initiated_by=payload.initiated_by,
            description=payload.description,
            areas=_areas(payload.areas),
            participants=payload.participants,
            is_public=payload.is_public,
            outcomes=[o.dict() for o in payload.outcomes],
        )
    except ValidationError as exc:
        return _invalid(exc)
    return 201, get_object_or_404(_activities(office), pk=activity.pk)
