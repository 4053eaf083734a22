"""Writes of the office's applications to funding calls: create and edit (optimistic
locking, recorded). The workflow is `transitions.py`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from peyvand.accounts.access import require_role
from peyvand.accounts.actors import Actor
from peyvand.accounts.models import Office, Role
from peyvand.organizations.models import Organization
from peyvand.places.models import City
from peyvand.records.history import check_version, diff, named, plain, record_event

from ..models import Application, ApplicationStatus, FundingCall, Pitch
from .common import (
    Errors,
    check_currency,
    clean_text,
    decimal_or_none,
    finish,
    finite,
    shown_amount,
)

APPLICATION_FIELDS = ("call", "pitch", "amount_requested", "amount_granted", "currency", "notes")
APPLICATION_RELATIONS = ("partner_cities", "partner_organizations")
PARTNERS_MAX = 50
# Where a grant has been decided: the amount granted is known from acceptance on.
GRANTED = (
    ApplicationStatus.ACCEPTED,
    ApplicationStatus.IMPLEMENTATION,
    ApplicationStatus.COMPLETED,
)


def _snapshot(a: Application) -> dict[str, Any]:
    data = {name: plain(getattr(a, name)) for name in APPLICATION_FIELDS}
    data["call"] = named(a.call)
    data["pitch"] = named(a.pitch) if a.pitch is not None else None
    if a.pk:
        # Named in both languages: the history reads in its reader's, not the writer's.
        data["partner_cities"] = [named(c) for c in a.partner_cities.order_by("pk")]
        data["partner_organizations"] = [named(o) for o in a.partner_organizations.order_by("pk")]
    return data


def validate_application(a: Application, relations: Mapping[str, list[Any]]) -> None:
    """Every rule of an application in its current status (the workflow runs it too)."""
    errors: Errors = {}
    clean_text(a, "notes")
    call: FundingCall | None = a.call if a.call_id is not None else None
    if call is None:
        errors["call"] = [_("Choose the funding call the application answers.")]
    elif call.office_id != a.office_id:
        errors["call"] = [_("Choose a funding call of this office.")]
    if a.pitch_id is not None and (a.pitch is None or a.pitch.office_id != a.office_id):
        errors["pitch"] = [_("Choose a pitch of this office.")]
    a.amount_requested = decimal_or_none(a.amount_requested)
    a.amount_granted = decimal_or_none(a.amount_granted)
    if call is not None and call.currency and not (a.currency or "").strip():
        a.currency = call.currency
    check_currency(
        errors,
        a,
        (a.amount_requested, a.amount_granted),
        _("Give the currency of the amounts (such as EUR or USD)."),
    )
    if (
        "currency" not in errors
        and call is not None
        and call.currency
        and a.currency != call.currency
    ):
        errors["currency"] = [
            _("The call funds in %(currency)s: give the amounts in it.")
            % {"currency": call.currency}
        ]
    requested, granted = finite(a.amount_requested), finite(a.amount_granted)
    if requested is not None and call is not None and "currency" not in errors:
        low, high = finite(call.amount_min), finite(call.amount_max)
        if low is not None and requested < low:
            errors["amount_requested"] = [
                _("The call funds at least %(amount)s %(currency)s.")
                % {"amount": shown_amount(low), "currency": call.currency}
            ]
        elif high is not None and requested > high:
            errors["amount_requested"] = [
                _("The call funds at most %(amount)s %(currency)s.")
                % {"amount": shown_amount(high), "currency": call.currency}
            ]
    if a.amount_granted is not None and a.status not in GRANTED:
        errors["amount_granted"] = [
            _("The amount granted is given once the application is accepted.")
        ]
    elif granted is not None and requested is None:
        errors["amount_requested"] = [_("Give the amount requested before the amount granted.")]
    elif granted is not None and requested is not None and granted > requested:
        errors["amount_granted"] = [_("The amount granted cannot exceed the amount requested.")]
    for name in APPLICATION_RELATIONS:
        if len(relations.get(name, ())) > PARTNERS_MAX:
            errors[name] = [_("Name at most %(max)s partners.") % {"max": PARTNERS_MAX}]
    finish(errors, a)


@transaction.atomic
def application_create(
    *,
    office: Office,
    actor: Actor,
    call: FundingCall | None,
    pitch: Pitch | None = None,
    partner_cities: Iterable[City] = (),
    partner_organizations: Iterable[Organization] = (),
    is_demo: bool = False,
    **values: Any,
) -> Application:
    """A new application, in preparation (officer and up); `values`: amount_requested,
    currency, notes (nothing is granted yet)."""
    require_role(actor, Role.OFFICER)
    unknown = set(values) - set(APPLICATION_FIELDS)
    if unknown:
        raise ValidationError({name: [_("This field cannot be set.")] for name in unknown})
    a = Application(
        office=office, call=call, pitch=pitch, created_by=actor.user, is_demo=is_demo, **values
    )
    cities, bodies = list(partner_cities), list(partner_organizations)
    relations: dict[str, list[Any]] = {"partner_cities": cities, "partner_organizations": bodies}
    validate_application(a, relations)
    a.save()
    a.partner_cities.set(cities)
    a.partner_organizations.set(bodies)
    changes = {"status": [None, a.status], **diff({}, _snapshot(a))}
    record_event(target=a, actor=actor, action="created", changes=changes)
    return a


@transaction.atomic
def application_update(
    *,
    application: Application,
    actor: Actor,
    changes: Mapping[str, Any],
    expected_version: int | None = None,
) -> Application:
    """Change what `changes` names (APPLICATION_FIELDS and APPLICATION_RELATIONS); refused
    with StaleVersion if it changed since `expected_version`. The status moves only
    through the workflow (`transitions.application_transition`)."""
    require_role(actor, Role.OFFICER)
    unknown = set(changes) - set(APPLICATION_FIELDS) - set(APPLICATION_RELATIONS)
    if unknown:
        raise ValidationError({name: [_("This field cannot be changed.")] for name in unknown})
    current: Application = (
        Application.objects.select_for_update(of=("self",))
        .select_related("call", "pitch")
        .get(pk=application.pk)
    )
    check_version(current, expected_version)
    before = _snapshot(current)
    relations = {
        name: list(changes[name]) for name in APPLICATION_RELATIONS if changes.get(name) is not None
    }
    for name in APPLICATION_FIELDS:
        if name in changes:
            setattr(current, name, changes[name])
    validate_application(current, relations)
    if "partner_cities" in relations:
        current.partner_cities.set(relations["partner_cities"])
    if "partner_organizations" in relations:
        current.partner_organizations.set(relations["partner_organizations"])
    changed = diff(before, _snapshot(current))
    if changed:
        current.version += 1
        current.save()
        record_event(target=current, actor=actor, action="updated", changes=changed)
    return current
