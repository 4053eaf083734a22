"""The files of a practice: the upload rules of a mission's documents (core.uploads)."""

from __future__ import annotations

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
from peyvand.core.validation import validate_fields
from peyvand.records.history import record_event, subject_of

from ..models import Practice, PracticeDocument, PracticeDocumentKind

DOCUMENTS_MAX = 50


def delete_files_after_commit(files: Sequence[tuple[str, Any]]) -> None:
    """Remove stored files once the transaction that dropped their rows commits."""

    def delete_stored() -> None:
        for name, storage in files:
            if name and storage.exists(name):
                storage.delete(name)

    transaction.on_commit(delete_stored, robust=True)


@transaction.atomic
def document_add(
    *, practice: Practice, actor: Actor, kind: str, upload: UploadedFile[bytes]
) -> PracticeDocument:
    """Attach a study, a presentation, a photo (checked by content, stored privately)."""
    require_role(actor, Role.OFFICER)
    if kind not in PracticeDocumentKind.values:
        raise ValidationError({"kind": [_("Choose what kind of document this is.")]})
    current = Practice.objects.select_for_update().get(pk=practice.pk)
    if current.documents.count() >= DOCUMENTS_MAX:
        raise ValidationError(
            {"file": [_("A practice keeps at most %(n)s documents.") % {"n": DOCUMENTS_MAX}]}
        )
    try:
        content_type, extension = check_upload(upload)
    except ValidationError as exc:
        raise ValidationError({"file": exc.messages}) from exc
    name = stored_name(upload.name, extension)
    row = PracticeDocument(
        office_id=current.office_id,
        practice=current,
        kind=kind,
        original_name=name,
        content_type=content_type,
        size=upload.size or 0,
        uploaded_by=actor.user,
    )
    validate_fields(row, exclude=["file"])
    row.file.save(name, upload, save=False)
    row.save()
    record_event(
        target=current,
        actor=actor,
        action="document_added",
        changes={"document": [None, name]},
        subject=subject_of(row),
    )
    return row


@transaction.atomic
def document_delete(*, document: PracticeDocument, actor: Actor) -> None:
    """Remove a document (recorded; the stored file goes after commit)."""
    require_role(actor, Role.OFFICER)
    row = (
        PracticeDocument.objects.select_for_update().select_related("practice").get(pk=document.pk)
    )
    record_event(
        target=row.practice,
        actor=actor,
        action="document_removed",
        changes={"document": [row.original_name, None]},
        subject=subject_of(row),
    )
    files = [(row.file.name, row.file.storage)]
    row.delete()
    delete_files_after_commit(files)
