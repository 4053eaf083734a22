"""Writes of the approvals a pact needs (council, ministry...)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from peyvand.accounts.access import require_role
from peyvand.accounts.actors import Actor
from peyvand.accounts.models import Role
from peyvand.core.uploads import check_upload, stored_name
from peyvand.core.validation import create_valid, validate_fields
from peyvand.records.history import named, record_event

from ..models import (
    Approval,
    ApprovalStatus,
    Partnership,
)


@transaction.atomic
def approval_add(
    *,
    partnership: Partnership,
    actor: Actor,
    body: str,
    body_name: str = "",
    reference: str = "",
) -> Approval:
    require_role(actor, Role.OFFICER)
    approval = create_valid(
        Approval,
        office_id=partnership.office_id,
        partnership=partnership,
        body=body,
        body_name=body_name,
        reference=reference,
    )
    record_event(
        target=partnership,
        actor=actor,
        action="approval_added",
        changes={"approval": [None, named(approval)]},
    )
    return approval


@transaction.atomic
def approval_decide(
    *,
    approval: Approval,
    actor: Actor,
    status: str,
    decided_on: dt.date | None,
    reference: str = "",
    document: UploadedFile | None = None,
) -> Approval:
    require_role(actor, Role.OFFICER)
    if status not in ApprovalStatus.values:
        raise ValidationError({"status": [_("Choose a valid status.")]})
    if status != ApprovalStatus.PENDING and decided_on is None:
        raise ValidationError({"decided_on": [_("Give the date of the decision.")]})
    before = approval.status
    approval.status = status
    approval.decided_on = decided_on
    if reference:
        approval.reference = reference
    if document is not None:
        _type, extension = check_upload(document)
        document.name = stored_name(document.name, extension)
        approval.document = document
    validate_fields(approval, exclude=["document"])
    approval.save()
    record_event(
        target=approval.partnership,
        actor=actor,
        action="approval_decided",
        changes={"approval": named(approval), "status": [before, status]},
    )
    return approval
