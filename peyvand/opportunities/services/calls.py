"""Writes of the funding calls an office watches: create, edit (optimistic locking,
recorded), delete (refused while the office has applied to the call)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from peyvand.accounts.access import require_role
from peyvand.accounts.actors import Actor
from peyvand.accounts.models import Office, Role
from peyvand.core.validation import NotAllowedNow
from peyvand.partnerships.models import CooperationArea
from peyvand.records.history import check_version, diff, plain, record_event

from ..models import FundingCall
from .common import Errors, check_currency, clean_text, decimal_or_none, finish, finite

CALL_FIELDS = (
    "funder",
    "title_fa",
    "title_en",
    "deadline",
    "amount_min",
    "amount_max",
    "currency",
    "link",
    "notes",
)
AREAS_MAX = 30


def _snapshot(call: FundingCall) -> dict[str, Any]:
    data = {name: plain(getattr(call, name)) for name in CALL_FIELDS}
    data["areas"] = sorted(a.code for a in call.areas.all()) if call.pk else []
    return data


def _validate(call: FundingCall, areas: list[CooperationArea] | None) -> None:
    errors: Errors = {}
    clean_text(call, "title_fa", "title_en", "link", "notes")
    if not call.title_fa and not call.title_en:
        errors["title_fa"] = [_("Give the call a title in Persian or in English.")]
    if call.funder_id is None:
        errors["funder"] = [_("Choose the organisation that funds the call.")]
    if call.deadline is None:
        errors["deadline"] = [_("Give the call's deadline.")]
    call.amount_min = decimal_or_none(call.amount_min)
    call.amount_max = decimal_or_none(call.amount_max)
    check_currency(
        errors,
        call,
        (call.amount_min, call.amount_max),
        _("Give the currency of the amounts (such as EUR or USD)."),
    )
    low, high = finite(call.amount_min), finite(call.amount_max)
    if low is not None and high is not None and low > high:
        errors["amount_max"] = [_("The largest amount cannot be below the smallest.")]
    if areas is not None and len(areas) > AREAS_MAX:
        errors["areas"] = [_("Choose at most %(max)s areas.") % {"max": AREAS_MAX}]
    finish(errors, call)


@transaction.atomic
def call_create(
    *,
    office: Office,
    actor: Actor,
    areas: Iterable[CooperationArea] = (),
    is_demo: bool = False,
    **values: Any,
) -> FundingCall:
    """A call on the office's watch list (officer and up); `values` are CALL_FIELDS."""
    require_role(actor, Role.OFFICER)
    unknown = set(values) - set(CALL_FIELDS)
    if unknown:
        raise ValidationError({name: [_("This field cannot be set.")] for name in unknown})
    call = FundingCall(office=office, created_by=actor.user, is_demo=is_demo, **values)
    chosen = list(areas)
    _validate(call, chosen)
    call.save()
    call.areas.set(chosen)
    record_event(target=call, actor=actor, action="created", changes=diff({}, _snapshot(call)))
    return call


@transaction.atomic
def call_update(
    *,
    call: FundingCall,
    actor: Actor,
    changes: Mapping[str, Any],
    expected_version: int | None = None,
) -> FundingCall:
    """Change what `changes` names (CALL_FIELDS and "areas"); refused with StaleVersion if
    the call changed since `expected_version`."""
    require_role(actor, Role.OFFICER)
    unknown = set(changes) - set(CALL_FIELDS) - {"areas"}
    if unknown:
        raise ValidationError({name: [_("This field cannot be changed.")] for name in unknown})
    current: FundingCall = FundingCall.objects.select_for_update().get(pk=call.pk)
    check_version(current, expected_version)
    before = _snapshot(current)
    areas = list(changes["areas"]) if changes.get("areas") is not None else None
    for name, value in changes.items():
        if name != "areas":
            setattr(current, name, value)
    _validate(current, areas)
    if areas is not None:
        current.areas.set(areas)
    changed = diff(before, _snapshot(current))
    if changed:
        current.version += 1
        current.save()
        record_event(target=current, actor=actor, action="updated", changes=changed)
    return current


@transaction.atomic
def call_delete(*, call: FundingCall, actor: Actor, expected_version: int | None = None) -> None:
    """Take a call off the watch list; refused while the office has applied to it."""
    require_role(actor, Role.OFFICER)
    current: FundingCall = FundingCall.objects.select_for_update().get(pk=call.pk)
    check_version(current, expected_version, deleting=True)
    if current.applications.exists():
        raise NotAllowedNow(
            _(
                "This call cannot be deleted: the office has applied to it. Its applications "
                "keep it."
            )
        )
    current.delete()
