"""Writes of the organisations themselves (world data): an officer adds one, a director
corrects one (a shipped one too); each change is recorded in its history with the office
and the person who made it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from peyvand.accounts.access import require_role
from peyvand.accounts.actors import Actor
from peyvand.accounts.models import Office, Role
from peyvand.core.validation import validate_fields
from peyvand.partnerships.models import CooperationArea
from peyvand.records.history import check_version, diff, plain, record_event

from ..models import Organization, OrganizationKind

# Fields of an organisation that people edit and that its history records.
ORGANIZATION_FIELDS = (
    "name_fa",
    "name_en",
    "acronym",
    "kind",
    "website",
    "headquarters",
)


def _snapshot(org: Organization) -> dict[str, Any]:
    data = {name: plain(getattr(org, name)) for name in ORGANIZATION_FIELDS}
    data["areas"] = sorted(a.code for a in org.areas.all()) if org.pk else []
    return data


def _validate(org: Organization) -> None:
    """Every rule of an organisation: its names, kind, links and a unique English name."""
    org.name_en = org.name_en.strip()
    org.name_fa = org.name_fa.strip()
    org.acronym = org.acronym.strip()
    org.website = org.website.strip()
    if not org.name_en:
        raise ValidationError({"name_en": [_("Give the organisation's name in English.")]})
    if org.kind not in OrganizationKind.values:
        raise ValidationError({"kind": [_("Choose a valid kind of organisation.")]})
    validate_fields(org)
    taken = Organization.objects.filter(name_en__iexact=org.name_en).exclude(pk=org.pk).first()
    if taken is not None:
        raise ValidationError(
            {
                "name_en": [
                    ValidationError(
                        _("An organisation with this English name already exists: %(name)s."),
                        code="duplicate_name",
                        params={"name": taken.name_en, "pk": taken.pk},
                    )
                ]
            }
        )


def _record(
    org: Organization, *, office: Office, actor: Actor, action: str, changes: dict[str, Any]
) -> None:
    """One entry of the organisation's history, filed under the office that made the change.

    An organisation is world data and carries no office; `record_event` files an entry
    under its target's `office_id`, so the acting office is given to it for this call."""
    org.__dict__["office_id"] = office.pk
    try:
        record_event(target=org, actor=actor, action=action, changes=changes)
    finally:
        org.__dict__.pop("office_id", None)


@transaction.atomic
def organization_create(
    *,
    office: Office,
    actor: Actor,
    name_en: str,
    name_fa: str = "",
    acronym: str = "",
    kind: str = OrganizationKind.OTHER,
    website: str = "",
    headquarters: Any = None,
    areas: Iterable[CooperationArea] = (),
) -> Organization:
    """An office adds an organisation it deals with (an officer may)."""
    require_role(actor, Role.OFFICER)
    org = Organization(
        name_en=name_en,
        name_fa=name_fa,
        acronym=acronym,
        kind=kind,
        website=website,
        headquarters=headquarters,
        added_by_office=office,
        added_by=actor.user,
    )
    _validate(org)
    org.save()
    org.areas.set(list(areas))
    _record(org, office=office, actor=actor, action="created", changes=diff({}, _snapshot(org)))
    return org


@transaction.atomic
def organization_update(
    *,
    organization: Organization,
    office: Office,
    actor: Actor,
    data: dict[str, Any],
    expected_version: int | None = None,
) -> Organization:
    """A director corrects an organisation (a shipped one too): every office sees it, and
    its history names the office and the person. Refused as stale if it changed since
    `expected_version`."""
    require_role(actor, Role.DIRECTOR)
    current = Organization.objects.select_for_update().get(pk=organization.pk)
    check_version(current, expected_version)
    before = _snapshot(current)
    data = dict(data)
    areas = data.pop("areas", None)
    for name, value in data.items():
        if name not in ORGANIZATION_FIELDS:
            raise ValueError(f"not an editable field: {name}")
        setattr(current, name, "" if value is None and name != "headquarters" else value)
    _validate(current)
    wanted = sorted(a.code for a in areas) if areas is not None else before["areas"]
    after = {**_snapshot(current), "areas": wanted}
    changes = diff(before, after)
    if changes:
        current.version += 1
        current.save()
        if areas is not None:
            current.areas.set(list(areas))
        _record(current, office=office, actor=actor, action="updated", changes=changes)
    organization.__dict__.update(
        {k: v for k, v in current.__dict__.items() if not k.startswith("_")}
    )
    return current
