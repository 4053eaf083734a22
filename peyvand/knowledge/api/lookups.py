"""What the practices API looks up by the ids a client sends, refused as field errors; a
record of another office is not found (404 for the practice itself)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Model, Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from peyvand.accounts.models import Department, Office
from peyvand.missions.models import Contact, Mission, PracticeObserved
from peyvand.partnerships.models import CooperationArea, Partnership
from peyvand.places import lookups as places

from ..models import Practice, StageSpan

PREFETCH = (
    "areas",
    "partnerships",
    "missions",
    "contacts",
    Prefetch("spans", queryset=StageSpan.objects.order_by("entered_on", "pk")),
)


def practices(qs: QuerySet[Practice]) -> QuerySet[Practice]:
    return qs.select_related("source_city").prefetch_related(*PREFETCH)


def practice(office: Office, pk: int) -> Practice:
    found: Practice = get_object_or_404(practices(Practice.objects.for_office(office)), pk=pk)
    return found


def _error(name: str, message: str) -> ValidationError:
    return ValidationError({name: [message]})


def _mine[M: Model](
    model: type[M], office: Office, ids: list[int], name: str, message: str
) -> list[M]:
    found = list(model._default_manager.filter(office=office, pk__in=ids))
    if len(found) != len(set(ids)):
        raise _error(name, message)
    return found


def areas(codes: list[str]) -> list[CooperationArea]:
    found = list(CooperationArea.objects.filter(code__in=codes))
    if len(found) != len(set(codes)):
        raise _error("areas", _("Choose cooperation areas of the list."))
    return found


def department(office: Office, pk: int | None) -> Department | None:
    if pk is None:
        return None
    found: Department | None = Department.objects.filter(office=office, pk=pk).first()
    if found is None:
        raise _error("department_id", _("Choose a department of this office."))
    return found


def observation(office: Office, pk: int | None) -> PracticeObserved | None:
    if pk is None:
        return None
    found: PracticeObserved | None = (
        PracticeObserved.objects.for_office(office).filter(pk=pk).first()
    )
    if found is None:
        raise _error("observation_id", _("Choose a practice observed by this office."))
    return found


def relations(office: Office, fields: dict[str, Any]) -> dict[str, Any]:
    """The fields a client sent, with ids and codes as records of the office."""
    out: dict[str, Any] = {}
    for name, value in fields.items():
        if name == "source_city":
            out["source_city"] = places.city(value, "source_city")
        elif name == "department_id":
            out["department"] = department(office, value)
        elif name == "areas" and value is not None:
            out["areas"] = areas(value)
        elif name == "partnership_ids" and value is not None:
            out["partnerships"] = _mine(
                Partnership, office, value, name, _("Link only this office's partnerships.")
            )
        elif name == "mission_ids" and value is not None:
            out["missions"] = _mine(
                Mission, office, value, name, _("Link only this office's missions.")
            )
        elif name == "contact_ids" and value is not None:
            out["contacts"] = _mine(
                Contact, office, value, name, _("Link only this office's contacts.")
            )
    return out
