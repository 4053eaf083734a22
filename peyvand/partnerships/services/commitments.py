"""Writes of a pact's action plan: commitments, their status and evidence."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peyvand.accounts.access import require_role
from peyvand.accounts.actors import Actor
from peyvand.accounts.models import Department, Office, Role
from peyvand.core.uploads import check_upload, stored_name
from peyvand.core.validation import create_valid, validate_fields
from peyvand.records.history import check_version, diff, plain, record_event, subject_of

from ..models import (
    Commitment,
    CommitmentStatus,
    CooperationArea,
    Partnership,
)
from .access import can_update_commitment
from .health import health_refresh


def _check_department(office: Office, department: Department | None) -> None:
    if department is not None and department.office_id != office.pk:
        raise ValidationError({"department": [_("Choose a department of this office.")]})


@transaction.atomic
def commitment_create(
    *,
    partnership: Partnership,
    actor: Actor,
    title: str,
    due_on: dt.date,
    area: CooperationArea | None = None,
    department: Department | None = None,
    is_demo: bool = False,
    refresh: bool = True,
) -> Commitment:
    require_role(actor, Role.OFFICER)
    _check_department(partnership.office, department)
    if not title.strip():
        raise ValidationError({"title": [_("Give the commitment a title.")]})
    commitment = create_valid(
        Commitment,
        office_id=partnership.office_id,
        partnership=partnership,
        title=title.strip(),
        due_on=due_on,
        area=area,
        department=department,
        is_demo=is_demo,
    )
    record_event(
        target=partnership,
        actor=actor,
        action="commitment_added",
        changes={"commitment": [None, commitment.title]},
        subject=subject_of(commitment),
        subject_version=commitment.version,
    )
    if refresh:
        health_refresh(partnerships=[partnership])
    return commitment


def _commitment_snapshot(c: Commitment) -> dict[str, Any]:
    return {
        "title": c.title,
        "area": plain(c.area),
        "department": plain(c.department),
        "due_on": plain(c.due_on),
        "status": c.status,
        "done_on": plain(c.done_on),
        "drop_reason": c.drop_reason,
        "evidence_note": c.evidence_note,
        "evidence_link": c.evidence_link,
    }


@transaction.atomic
def commitment_update(
    *,
    commitment: Commitment,
    actor: Actor,
    status: str | None = None,
    done_on: dt.date | None = None,
    drop_reason: str = "",
    evidence_note: str | None = None,
    evidence_link: str | None = None,
    evidence_file: UploadedFile | None = None,
    title: str | None = None,
    due_on: dt.date | None = None,
    department: Department | None = None,
    set_department: bool = False,
    area: CooperationArea | None = None,
    set_area: bool = False,
    expected_version: int | None = None,
    today: dt.date | None = None,
) -> Commitment:
    """Update a commitment; refused with StaleCommitmentEdit if it changed since
    `expected_version`. A liaison may only touch the status and evidence of their own
    department's commitments; the plan itself (title, area, owner, due date) is an officer's.
    """
    current = (
        # Lock the commitment's row only: area and department are outer joins.
        Commitment.objects.select_for_update(of=("self",))
        .select_related("partnership", "partnership__office", "area", "department")
        .get(pk=commitment.pk)
    )
    if not can_update_commitment(actor, current):
        raise PermissionDenied
    if title is not None or due_on is not None or set_department or set_area:
        require_role(actor, Role.OFFICER)
    check_version(current, expected_version)
    before = _commitment_snapshot(current)
    if title is not None:
        if not title.strip():
            raise ValidationError({"title": [_("Give the commitment a title.")]})
        current.title = title.strip()
    if due_on is not None:
        current.due_on = due_on
    if set_department:
        _check_department(current.partnership.office, department)
        current.department = department
    if set_area:
        current.area = area
    if status is not None:
        if status not in CommitmentStatus.values:
            raise ValidationError({"status": [_("Choose a valid status.")]})
        current.status = status
        if status == CommitmentStatus.DONE:
            current.done_on = done_on or current.done_on or today or timezone.localdate()
            current.drop_reason = ""
        elif status == CommitmentStatus.DROPPED:
            if not drop_reason.strip():
                raise ValidationError(
                    {"drop_reason": [_("Give the reason for dropping the commitment.")]}
                )
            current.drop_reason = drop_reason.strip()
            current.done_on = None
        else:
            current.done_on = None
            current.drop_reason = ""
    if evidence_note is not None:
        current.evidence_note = evidence_note
    if evidence_link is not None:
        current.evidence_link = evidence_link
    changes = diff(before, _commitment_snapshot(current))
    if evidence_file is not None:
        _type, extension = check_upload(evidence_file)
        evidence_file.name = stored_name(evidence_file.name, extension)
        current.evidence_file = evidence_file
        changes["evidence_file"] = [None, (evidence_file.name or "").rsplit("/", 1)[-1]]
    if changes:
        current.version += 1
        validate_fields(current, exclude=["evidence_file"])
        current.save()
        record_event(
            target=current.partnership,
            actor=actor,
            action="commitment_updated",
            changes={"commitment": current.title, **changes},
            subject=subject_of(current),
            subject_version=current.version,
        )
        health_refresh(partnerships=[current.partnership])
    commitment.__dict__.update({k: v for k, v in current.__dict__.items() if not k.startswith("_")})
    return current
