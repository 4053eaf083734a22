"""Private uploads for every app: the type is read from the content, never from the name.

`check_upload` admits PDF, DOCX, PNG and JPEG by their content; `stored_name` gives the file
the extension of what it really is; `PrivatePath` stores it under a random name in a
per-app, per-office folder outside the static root (served only by the members-only
download view of `peyvand.records`). `PrivateStorage` (the default storage) never leaves
half a file behind: a disk that fills up midway removes what was written and refuses with
`StorageFull`, a translated `ValidationError` that the page shows on its form (the
service's transaction writes no row either) and the API answers 507.
"""

from __future__ import annotations

import contextlib
import errno
import os
import uuid
import zipfile
from pathlib import PurePosixPath
from typing import Any

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _


def max_upload_bytes() -> int:
    """The largest file a member may upload (`MAX_UPLOAD_MB`, 20 by default)."""
    return int(getattr(settings, "MAX_UPLOAD_MB", 20)) * 1024 * 1024


ALLOWED = {
    "application/pdf": ".pdf",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The types files are served with: the uploads above, and the spreadsheets Peyvand writes
# itself (the annual report), which are never accepted as uploads.
CONTENT_TYPES = {ext: mime for mime, ext in ALLOWED.items()} | {".xlsx": XLSX}
NAME_MAX = 200


def _is_docx(upload: Any) -> bool:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        upload.seek(0)


def check_upload(upload: Any) -> tuple[str, str]:
    """Return (content type, extension) of an allowed file, or raise a translated error."""
    size = getattr(upload, "size", None)
    if size is None:
        upload.seek(0, 2)
        size = upload.tell()
    limit = max_upload_bytes()
    if size > limit:
        raise ValidationError(
            _("The file is larger than %(max)s MB.") % {"max": limit // (1024 * 1024)},
            code="too_large",
        )
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    mime = kind.mime if kind is not None else ""
    if mime in {DOCX, "application/zip"}:
        if _is_docx(upload):
            return DOCX, ".docx"
        mime = ""
    if mime in ALLOWED and mime != DOCX:
        return mime, ALLOWED[mime]
    raise ValidationError(
        _(
            "Only PDF, DOCX, PNG and JPEG files can be uploaded, and this file's content is "
            "none of them (the type is read from the content, not from the name)."
        ),
        code="bad_type",
    )


def stored_name(name: str | None, extension: str, *, max_length: int = NAME_MAX) -> str:
    """The name a checked file is kept and offered under: the user's base name (no folders,
    no control characters, cut to fit) with the extension of its real content, so that
    `report.html` holding a PDF is `report.pdf` and a 300-character name keeps `.pdf`."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if ch.isprintable()).strip() or "file"
    stem = PurePosixPath(base).stem if "." in base else base
    stem = stem.strip(" .") or "file"
    return stem[: max_length - len(extension)] + extension


def content_type_of(name: str) -> str:
    """The content type a stored, checked file is served with (from its checked extension)."""
    return CONTENT_TYPES.get(PurePosixPath(name).suffix.lower(), "application/octet-stream")


@deconstructible
class PrivatePath:
    """`upload_to` of a private file: `<folder>/<office id>/<random><extension>`; the user's
    file name is never a path."""

    def __init__(self, folder: str) -> None:
        self.folder = folder

    def __call__(self, instance: Any, filename: str) -> str:
        suffix = PurePosixPath(filename).suffix.lower()[:8]
        office_id = getattr(instance, "office_id", None) or 0
        return f"{self.folder}/{office_id}/{uuid.uuid4().hex}{suffix}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PrivatePath) and other.folder == self.folder

    def __hash__(self) -> int:
        return hash(self.folder)


# A disk or quota that is full.
FULL = {errno.ENOSPC, errno.EDQUOT}


class StorageFull(ValidationError):
    """The file could not be kept: the server's disk is full."""


class PrivateStorage(FileSystemStorage):
    """The file system storage, all or nothing: when writing a file fails midway (a full
    disk, an I/O error) the part written is removed before the error goes on; a full disk
    is refused with `StorageFull`."""

    def _save(self, name: str, content: Any) -> str:
        try:
            return str(super()._save(name, content))  # type: ignore[misc]  # not in the stubs
        except OSError as exc:
            # Django creates the file with O_EXCL, so a file at this name is the part it
            # wrote (a name already taken is chosen again inside `_save`).
            with contextlib.suppress(OSError):
                os.remove(self.path(name))
            if exc.errno in FULL:
                raise StorageFull(
                    _(
                        "The file could not be saved: the server's disk is full. Nothing was "
                        "saved; please try again later or tell the administrator."
                    ),
                    code="storage_full",
                ) from exc
            raise
