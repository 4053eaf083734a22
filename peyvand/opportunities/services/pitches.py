"""Writes of a pitch: create, edit and status (optimistic locking, recorded), delete
(refused while an application is made for it), its documents."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from peyvand.accounts.access import require_role
from peyvand.accounts.actors import Actor
from peyvand.accounts.models import Office, Role
from peyvand.core.uploads import check_upload, stored_name
from peyvand.core.validation import NotAllowedNow, validate_fields
from peyvand.records.history import check_version, diff, plain, record_event, subject_of

from ..models import Pitch, PitchDocument, PitchDocumentKind, PitchStatus
from .common import Errors, check_currency, clean_text, decimal_or_none, finish, finite
from .publishing import pitch_publish

# The fields of a pitch a form or the API may set, and its history records.
PITCH_FIELDS = (
    "title_fa",
    "title_en",
    "description_fa",
    "description_en",
    "area",
    "location",
    "district",
    "budget",
    "financing_sought",
    "currency",
    "instrument",
    "stage",
    "status",
)


def _snapshot(p: Pitch) -> dict[str, Any]:
    return {name: plain(getattr(p, name)) for name in PITCH_FIELDS}


def _validate(p: Pitch) -> None:
    """Every rule of a pitch: the record's own first, then the field rules."""
    errors: Errors = {}
    clean_text(p, "title_fa", "title_en", "description_fa", "description_en", "location")
    if not p.title_fa and not p.title_en:
        errors["title_fa"] = [_("Give the pitch a title in Persian or in English.")]
    p.budget = decimal_or_none(p.budget)
    p.financing_sought = decimal_or_none(p.financing_sought)
    check_currency(
        errors,
        p,
        (p.budget, p.financing_sought),
        _("Give the currency of the budget and the financing (such as EUR or IRR)."),
    )
    budget, sought = finite(p.budget), finite(p.financing_sought)
    if budget is not None and sought is not None and sought > budget:
        errors["financing_sought"] = [_("The financing sought cannot exceed the total budget.")]
    finish(errors, p)


@transaction.atomic
def pitch_create(*, office: Office, actor: Actor, is_demo: bool = False, **values: Any) -> Pitch:
    """A new pitch (officer and up); `values` are fields of PITCH_FIELDS."""
    require_role(actor, Role.OFFICER)
    unknown = set(values) - set(PITCH_FIELDS)
    if unknown:
        raise ValidationError({name: [_("This field cannot be set.")] for name in unknown})
    p = Pitch(office=office, created_by=actor.user, is_demo=is_demo, **values)
    _validate(p)
    p.save()
    record_event(target=p, actor=actor, action="created", changes=diff({}, _snapshot(p)))
    return p


@transaction.atomic
def pitch_update(
    *,
    pitch: Pitch,
    actor: Actor,
    changes: Mapping[str, Any],
    expected_version: int | None = None,
) -> Pitch:
    """Change what `changes` names (fields of PITCH_FIELDS); refused with StaleVersion if
    the pitch changed since `expected_version`. A change of status is recorded with the
    rest (the history is the status's history); `published` goes through `pitch_publish`."""
    require_role(actor, Role.OFFICER)
    changes = dict(changes)
    publish = "published" in changes
    published = changes.pop("published", None)
    unknown = set(changes) - set(PITCH_FIELDS)
    if unknown:
        raise ValidationError({name: [_("This field cannot be changed.")] for name in unknown})
    current: Pitch = (
        Pitch.objects.select_for_update(of=("self",)).select_related("area").get(pk=pitch.pk)
    )
    check_version(current, expected_version)
    before = _snapshot(current)
    for name, value in changes.items():
        setattr(current, name, value)
    _validate(current)
    changed = diff(before, _snapshot(current))
    if changed:
        current.version += 1
        current.save()
        action = "status" if set(changed) == {"status"} else "updated"
        record_event(target=current, actor=actor, action=action, changes=changed)
    if publish:
        current = pitch_publish(record=current, actor=actor, published=published)
    return current


def pitch_set_status(
    *, pitch: Pitch, actor: Actor, status: str, expected_version: int | None = None
) -> Pitch:
    """Move the pitch to another status (any status may follow any: a pitch offered again
    after talks failed goes back to offered); recorded in its history."""
    if status not in PitchStatus.values:
        raise ValidationError({"status": [_("Choose a valid status.")]})
    return pitch_update(
        pitch=pitch, actor=actor, changes={"status": status}, expected_version=expected_version
    )


@transaction.atomic
def pitch_delete(*, pitch: Pitch, actor: Actor, expected_version: int | None = None) -> None:
    """Delete a pitch with its parties, follow-ups and documents; refused while an
    application is made for it (the application would lose what it asks money for)."""
    require_role(actor, Role.OFFICER)
    current: Pitch = Pitch.objects.select_for_update().get(pk=pitch.pk)
    check_version(current, expected_version, deleting=True)
    if current.applications.exists():
        raise NotAllowedNow(
            _(
                "This pitch cannot be deleted: applications for funding are made for it. "
                "Remove the pitch from those applications first."
            )
        )
    stored = [(d.file.name, d.file.storage) for d in current.documents.all()]
    current.delete()
    _delete_files_after_commit(stored)


def _delete_files_after_commit(stored: list[tuple[str, Any]]) -> None:
    def delete_stored() -> None:
        for name, storage in stored:
            if name and storage.exists(name):
                storage.delete(name)

    transaction.on_commit(delete_stored, robust=True)


@transaction.atomic
def document_add(
    *, pitch: Pitch, actor: Actor, kind: str, upload: UploadedFile[bytes]
) -> PitchDocument:
    """Attach a concept note, a feasibility study, a presentation (the upload rules of
    every private file: core.uploads)."""
    require_role(actor, Role.OFFICER)
    if kind not in PitchDocumentKind.values:
        raise ValidationError({"kind": [_("Choose what kind of document this is.")]})
    try:
        content_type, extension = check_upload(upload)
    except ValidationError as exc:
        raise ValidationError({"file": exc.messages}) from exc
    name = stored_name(upload.name, extension)
    row = PitchDocument(
        office_id=pitch.office_id,
        pitch=pitch,
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
        target=pitch,
        actor=actor,
        action="document_added",
        changes={"document": [None, name]},
        subject=subject_of(row),
    )
    return row


@transaction.atomic
def document_delete(*, document: PitchDocument, actor: Actor) -> None:
    """Remove a document (recorded; the stored file goes after commit)."""
    require_role(actor, Role.OFFICER)
    row = (
        PitchDocument.objects.select_for_update(of=("self",))
        .select_related("pitch")
        .get(pk=document.pk)
    )
    record_event(
        target=row.pitch,
        actor=actor,
        action="document_removed",
        changes={"document": [row.original_name, None]},
        subject=subject_of(row),
    )
    stored = [(row.file.name, row.file.storage)]
    row.delete()
    _delete_files_after_commit(stored)
