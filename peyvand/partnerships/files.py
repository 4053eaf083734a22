"""Upload checks: the type is read from the content, never from the file name."""

from __future__ import annotations

import zipfile
from typing import Any

import filetype
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
ALLOWED = {
    "application/pdf": ".pdf",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


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
    if size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The file is larger than %(max)s MB.") % {"max": MAX_UPLOAD_BYTES // (1024 * 1024)},
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
