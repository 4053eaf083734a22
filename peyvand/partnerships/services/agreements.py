"""Writes of a pact's agreements and their files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from peyvand.accounts.access import require_role
from peyvand.accounts.actors import Actor
from peyvand.accounts.models import Role
from peyvand.core.uploads import check_upload, stored_name
from peyvand.core.validation import create_valid, validate_fields
from peyvand.records.history import check_version, diff, plain, record_event, subject_of

from ..models import (
    Agreement,
    AgreementFile,
    Partnership,
)

AGREEMENT_FIELDS = ("title", "languages", "signatories", "signed_on", "valid_until")


def _validate_agreement(title: str, signed_on: dt.date | None, valid_until: dt.date | None) -> None:
    errors: dict[str, list[str]] = {}
    if not title.strip():
        errors["title"] = [_("Give the agreement a title.")]
    if signed_on and valid_until and valid_until <= signed_on:
        errors["valid_until"] = [_("The end of validity must be after the signing date.")]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def agreement_create(
    *,
    partnership: Partnership,
    actor: Actor,
    title: str,
    languages: str = "",
    signatories: str = "",
    signed_on: dt.date | None = None,
    valid_until: dt.date | None = None,
    files: Sequence[UploadedFile] = (),
) -> Agreement:
    require_role(actor, Role.OFFICER)
    _validate_agreement(title, signed_on, valid_until)
    agreement = create_valid(
        Agreement,
        office_id=partnership.office_id,
        partnership=partnership,
        title=title.strip(),
        languages=languages.strip(),
        signatories=signatories.strip(),
        signed_on=signed_on,
        valid_until=valid_until,
    )
    names = [
        agreement_file_add(
            agreement=agreement, actor=actor, upload=upload, record=False
        ).original_name
        for upload in files
    ]
    changes: dict[str, Any] = {"agreement": [None, agreement.title]}
    if names:
        changes["files"] = [None, names]
    record_event(
        target=partnership,
        actor=actor,
        action="agreement_added",
        changes=changes,
        subject=subject_of(agreement),
        subject_version=agreement.version,
    )
    return agreement


@transaction.atomic
def agreement_update(
    *,
    agreement: Agreement,
    actor: Actor,
    title: str,
    languages: str = "",
    signatories: str = "",
    signed_on: dt.date | None = None,
    valid_until: dt.date | None = None,
    files: Sequence[UploadedFile] = (),
    expected_version: int | None = None,
) -> Agreement:
    """Correct an agreement's fields and add files; recorded in the pact's history.

    Refused with StaleVersion (nothing saved, no file added) if the agreement's fields
    changed since `expected_version`; adding or removing a file does not change them.
    """
    require_role(actor, Role.OFFICER)
    current = (
        Agreement.objects.select_for_update().select_related("partnership").get(pk=agreement.pk)
    )
    check_version(current, expected_version)
    _validate_agreement(title, signed_on, valid_until)
    before = {name: plain(getattr(current, name)) for name in AGREEMENT_FIELDS}
    current.title = title.strip()
    current.languages = languages.strip()
    current.signatories = signatories.strip()
    current.signed_on = signed_on
    current.valid_until = valid_until
    changes = diff(before, {name: plain(getattr(current, name)) for name in AGREEMENT_FIELDS})
    if changes:
        current.version += 1
        validate_fields(current)
        current.save(update_fields=[*AGREEMENT_FIELDS, "version", "updated_at"])
        record_event(
            target=current.partnership,
            actor=actor,
            action="agreement_updated",
            changes={"agreement": current.title, **changes},
            subject=subject_of(current),
            subject_version=current.version,
        )
    for upload in files:
        agreement_file_add(agreement=current, actor=actor, upload=upload)
    return current


@transaction.atomic
def agreement_file_add(
    *,
    agreement: Agreement,
    actor: Actor,
    upload: UploadedFile,
    record: bool = True,
) -> AgreementFile:
    require_role(actor, Role.OFFICER)
    try:
        content_type, extension = check_upload(upload)
    except ValidationError as exc:
        raise ValidationError({"file": exc.messages}) from exc
    name = stored_name(upload.name, extension)
    row = AgreementFile(
        office_id=agreement.office_id,
        agreement=agreement,
        original_name=name,
        content_type=content_type,
        size=upload.size or 0,
        uploaded_by=actor.user,
    )
    validate_fields(row, exclude=["file"])
    row.file.save(name, upload, save=False)
    row.save()
    if record:
        record_event(
            target=agreement.partnership,
            actor=actor,
            action="agreement_file_added",
            changes={"agreement": agreement.title, "file": [None, name]},
            subject=subject_of(agreement),
        )
    return row


@transaction.atomic
def agreement_file_remove(*, file: AgreementFile, actor: Actor) -> None:
    """Remove a document from an agreement (recorded; the stored file goes after commit)."""
    require_role(actor, Role.OFFICER)
    row = (
        AgreementFile.objects.select_for_update()
        .select_related("agreement", "agreement__partnership")
        .get(pk=file.pk)
    )
    agreement = row.agreement
    name, storage = row.file.name, row.file.storage
    row.delete()
    record_event(
        target=agreement.partnership,
        actor=actor,
        action="agreement_file_removed",
        changes={"agreement": agreement.title, "file": [row.original_name, None]},
        subject=subject_of(agreement),
    )

    def delete_stored() -> None:
        if name and storage.exists(name):
            storage.delete(name)

    transaction.on_commit(delete_stored, robust=True)
