"""Writes of the pacts themselves: create, edit, status, archive, from the network."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from peyvand.accounts.access import require_role
from peyvand.accounts.actors import Actor
from peyvand.accounts.models import Office, OfficeMembership, Role
from peyvand.core.validation import validate_fields
from peyvand.places.models import City
from peyvand.records.binning import put_in_bin, take_from_bin
from peyvand.records.history import check_version, diff, plain, record_event

from .. import selectors
from ..models import (
    ApprovalStatus,
    CooperationArea,
    NotOurs,
    Partnership,
    PartnershipKind,
    PartnershipStatus,
)
from .health import health_refresh
from .publishing import partnership_publish

# Fields of a partnership that users edit and that the history records.
PARTNERSHIP_FIELDS = (
    "partner_city",
    "kind",
    "status",
    "end_reason",
    "signed_on",
    "valid_until",
    "summary_fa",
    "summary_en",
    "responsible",
)


def _snapshot(
    partnership: Partnership, areas: Iterable[CooperationArea] | None = None
) -> dict[str, Any]:
    """The history's view of a pact; `areas` when the caller has just set them."""
    data = {name: plain(getattr(partnership, name)) for name in PARTNERSHIP_FIELDS}
    if areas is None:
        areas = partnership.areas.all() if partnership.pk else []
    data["areas"] = sorted(a.code for a in areas)
    return data


def live_pact_with(p: Partnership) -> Partnership | None:
    """The office's other pact with the same partner city that has not ended (one live
    pact per partner: an ended one may be renewed by a new pact)."""
    if p.status == PartnershipStatus.ENDED or p.archived:
        return None
    # the id first (a clash is rare): a pact's every column only when there is one
    others = Partnership.objects.filter(
        office_id=p.office_id, partner_city_id=p.partner_city_id, archived=False
    ).exclude(status=PartnershipStatus.ENDED)
    if p.pk is not None:
        others = others.exclude(pk=p.pk)
    pk = others.order_by("pk").values_list("pk", flat=True).first()
    return None if pk is None else Partnership.objects.get(pk=pk)


def duplicate_error(existing: Partnership) -> ValidationError:
    """The refusal of a second live pact with a partner; its params name the first."""
    return ValidationError(
        _(
            "The registry already has a partnership with %(city)s that has not ended "
            "(partnership %(pk)s). Open it and continue it, or end it before registering "
            "a new one."
        ),
        code="duplicate_partner",
        params={"city": existing.partner_city.name, "pk": existing.pk},
    )


def _validate_partnership(p: Partnership, previous_status: str | None = None) -> None:
    validate_fields(p)
    errors: dict[str, list[str | ValidationError]] = {}
    office = p.office
    if office.home_city_id is not None and p.partner_city_id == office.home_city_id:
        errors.setdefault("partner_city", []).append(
            _("The partner city cannot be the office's own city.")
        )
    if p.signed_on and p.valid_until and p.valid_until <= p.signed_on:
        errors.setdefault("valid_until", []).append(
            _("The end of validity must be after the signing date.")
        )
    if p.status == PartnershipStatus.ENDED and not (p.end_reason or "").strip():
        errors.setdefault("end_reason", []).append(_("Give the reason why the partnership ended."))
    if (
        p.responsible_id is not None
        and not OfficeMembership.objects.for_office(office)
        .filter(user_id=p.responsible_id)
        .exists()
    ):
        errors.setdefault("responsible", []).append(
            _("The responsible officer must be a member of the office.")
        )
    clash = live_pact_with(p)
    if clash is not None:
        errors.setdefault("partner_city", []).append(duplicate_error(clash))
    if p.status == PartnershipStatus.ACTIVE:
        activating = previous_status != PartnershipStatus.ACTIVE
        if activating and p.pk and p.approvals.exclude(status=ApprovalStatus.GRANTED).exists():
            errors.setdefault("status", []).append(
                _("The partnership can become active only when all its approvals are granted.")
            )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def partnership_create(
    *,
    office: Office,
    actor: Actor,
    partner_city: City,
    kind: str = PartnershipKind.SISTER,
    status: str = PartnershipStatus.PROPOSED,
    signed_on: dt.date | None = None,
    valid_until: dt.date | None = None,
    areas: Iterable[CooperationArea] = (),
    summary_fa: str = "",
    summary_en: str = "",
    responsible: Any = None,
    end_reason: str = "",
    is_demo: bool = False,
    note: str = "",
) -> Partnership:
    require_role(actor, Role.OFFICER)
    p = Partnership(
        office=office,
        partner_city=partner_city,
        kind=kind,
        status=status,
        signed_on=signed_on,
        valid_until=valid_until,
        summary_fa=summary_fa,
        summary_en=summary_en,
        responsible=responsible,
        end_reason=end_reason,
        is_demo=is_demo,
    )
    _validate_partnership(p)
    p.save()
    areas = list(areas)
    if areas:  # a new pact has none to replace
        p.areas.add(*areas)
    record_event(
        target=p,
        actor=actor,
        action="created",
        changes=diff({}, _snapshot(p, areas)),
        note=note,
    )
    health_refresh(partnerships=[p])
    return p


def _lock(partnership: Partnership) -> Partnership:
    return Partnership.objects.select_for_update().select_related("office").get(pk=partnership.pk)


@transaction.atomic
def partnership_update(
    *,
    partnership: Partnership,
    actor: Actor,
    expected_version: int | None,
    data: dict[str, Any],
    action: str = "updated",
    note: str = "",
) -> Partnership:
    """Change the pact; refused with StaleEdit if it changed since `expected_version`.
    `published` in `data` goes through `partnership_publish` (the one way to publish)."""
    require_role(actor, Role.OFFICER)
    current = _lock(partnership)
    check_version(current, expected_version)
    before = _snapshot(current)
    publish = "published" in data
    published = data.pop("published", None)
    areas = data.pop("areas", None)
    if data or areas is not None or not publish:
        for name, value in data.items():
            if name not in PARTNERSHIP_FIELDS:
                raise ValueError(f"not an editable field: {name}")
            setattr(current, name, value)
        _validate_partnership(current, previous_status=before["status"])
        current.version += 1
        current.save()
        if areas is not None:
            current.areas.set(list(areas))
        changes = diff(before, _snapshot(current))
        record_event(target=current, actor=actor, action=action, changes=changes, note=note)
        health_refresh(partnerships=[current])
    if publish:
        current = partnership_publish(record=current, actor=actor, published=published)
    partnership.__dict__.update(
        {k: v for k, v in current.__dict__.items() if not k.startswith("_")}
    )
    return current


def partnership_set_status(
    *,
    partnership: Partnership,
    actor: Actor,
    status: str,
    reason: str = "",
    expected_version: int | None = None,
) -> Partnership:
    data: dict[str, Any] = {"status": status}
    if status == PartnershipStatus.ENDED:
        data["end_reason"] = reason
    return partnership_update(
        partnership=partnership,
        actor=actor,
        expected_version=expected_version,
        data=data,
        action="status",
        note=reason,
    )


@transaction.atomic
def partnership_archive(
    *, partnership: Partnership, actor: Actor, archived: bool = True
) -> Partnership:
    """Archive (hide from the registry) or restore; pacts are never deleted by users."""
    require_role(actor, Role.OFFICER)
    current = _lock(partnership)
    current.archived = archived
    clash = live_pact_with(current)
    if clash is not None:
        raise ValidationError({"partner_city": [duplicate_error(clash)]})
    current.version += 1
    current.save(update_fields=["archived", "version", "updated_at"])
    record_event(
        target=current,
        actor=actor,
        action="archived" if archived else "restored",
        changes={"archived": [not archived, archived]},
    )
    return current


def partnership_create_proposed(*, office: Office, actor: Actor, partner_city: City) -> Partnership:
    """The recommender's one click: a proposed sister-city pact with this city."""
    return partnership_create(
        office=office,
        actor=actor,
        partner_city=partner_city,
        kind=PartnershipKind.SISTER,
        status=PartnershipStatus.PROPOSED,
    )


# What adopting a public link may make of it: a pact in force, or one still on its way.
ADOPT_STATUSES = (
    PartnershipStatus.ACTIVE,
    PartnershipStatus.SUSPENDED,
    PartnershipStatus.NEGOTIATING,
    PartnershipStatus.PROPOSED,
)


def twinning_partner(*, office: Office, twinning: Any) -> City:
    """The other city of a public twinning of the office's city."""
    home = office.home_city_id
    if home not in (twinning.city_a_id, twinning.city_b_id):
        raise ValidationError(_("This public link does not concern the office's city."))
    partner: City = twinning.city_b if twinning.city_a_id == home else twinning.city_a
    return partner


def partnership_from_twinning(
    *,
    office: Office,
    actor: Actor,
    twinning: Any,
    status: str,
    signed_on: dt.date | None,
    doubt_checked: bool = False,
) -> Partnership:
    """Turn a public twinning of the home city into a pact of the registry, in the status
    and with the signing date the officer states (the crawl says neither reliably). A link
    stated by one source only is taken only when the officer says it was checked."""
    partner = twinning_partner(office=office, twinning=twinning)
    errors: dict[str, list[str]] = {}
    if twinning.n_sources < 2 and not doubt_checked:
        errors["doubt_checked"] = [
            _(
                "Only one source states this link: confirm that the office has checked it "
                "before registering it."
            )
        ]
    if status not in ADOPT_STATUSES:
        errors["status"] = [_("Choose the status of the partnership.")]
    elif status in (PartnershipStatus.ACTIVE, PartnershipStatus.SUSPENDED) and not signed_on:
        errors["signed_on"] = [_("Give the date the partnership was signed.")]
    if errors:
        raise ValidationError(errors)
    p = partnership_create(
        office=office,
        actor=actor,
        partner_city=partner,
        kind=PartnershipKind.SISTER,
        status=status,
        signed_on=signed_on,
        note=_("Taken from the public sister-city network (sources: %(sources)s).")
        % {"sources": twinning.sources.replace(";", ", ")},
    )
    NotOurs.objects.for_office(office).filter(partner_city=partner).delete()
    return p


@transaction.atomic
def not_ours_mark(
    *,
    office: Office,
    actor: Actor,
    partner_city: City,
    twinning: Any = None,
    reason: str,
) -> NotOurs:
    require_role(actor, Role.OFFICER)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Say why this link is not one of the office's.")]})
    validate_fields(
        NotOurs(office=office, partner_city=partner_city, twinning=twinning, reason=reason)
    )
    row, _created = NotOurs.objects.update_or_create(
        office=office,
        partner_city=partner_city,
        defaults={"twinning": twinning, "reason": reason, "marked_by": actor.user},
    )
    return row


@transaction.atomic
def not_ours_unmark(*, office: Office, actor: Actor, partner_city: City) -> None:
    require_role(actor, Role.OFFICER)
    NotOurs.objects.for_office(office).filter(partner_city=partner_city).delete()


@transaction.atomic
def partnership_delete(
    *, partnership: Partnership, actor: Actor, expected_version: int | None = None
) -> Partnership:
    """Put a pact in the bin (officer and up; restorable for 90 days, decision 0020);
    refused with StaleVersion if it changed since `expected_version`.

    A pact with activities is refused: they are the record of what the city did with the
    partner (and may concern other pacts); archive or end such a pact, or delete its
    activities first. Its commitments, agreements and approvals go into the bin with it.
    """
    require_role(actor, Role.OFFICER)
    current = _lock(partnership)
    check_version(current, expected_version, deleting=True)
    n_activities = selectors.activity_count(current)
    if n_activities:
        raise ValidationError(
            _(
                "This partnership has activities on its timeline; it cannot be deleted. "
                "Archive it or end it instead, or delete its activities first."
            ),
            code="has_activities",
        )
    return put_in_bin(record=current, actor=actor, expected_version=None)


@transaction.atomic
def partnership_restore(*, partnership: Partnership, actor: Actor) -> Partnership:
    """Bring a pact back from the bin (officer and up), unless the registry has another
    live pact with the same partner meanwhile."""
    require_role(actor, Role.OFFICER)
    clash = live_pact_with(partnership)
    if clash is not None:
        raise ValidationError({"partner_city": [duplicate_error(clash)]})
    restored = take_from_bin(record=partnership, actor=actor)
    health_refresh(partnerships=[restored])
    return restored
