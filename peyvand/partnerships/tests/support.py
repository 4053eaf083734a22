"""What the partnerships tests share: dates, file contents, form data, URLs, history."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation

from peyvand.partnerships.models import (
    Activity,
    Partnership,
)
from peyvand.partnerships.presenters import history_rows
from peyvand.records.history import history_of
from peyvand.records.models import Event

TODAY = timezone.localdate()


def docx_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


SIGNED = TODAY - dt.timedelta(days=3 * 365)


def events(p: Partnership, action: str) -> list[Event]:
    return list(history_of(p).filter(action=action))


def fresh(p: Partnership) -> Partnership:
    return Partnership.objects.get(pk=p.pk)


def edit_kwargs(activity: Activity, **kw: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "partnerships": list(activity.partnerships.all()),
        "date": activity.date,
        "kind": activity.kind,
        "title": activity.title,
        "initiated_by": activity.initiated_by,
        "description": activity.description,
        "areas": list(activity.areas.all()),
        "participants": activity.participants,
    }
    data.update(kw)
    return data


def django_capture_on_commit() -> Any:
    from django.test import TestCase

    return TestCase.captureOnCommitCallbacks(using=connection.alias, execute=True)


def n_events() -> int:
    return Event.objects.count()


def shown_changes(events: list[Event], lang: str) -> dict[str, dict[str, Any]]:
    """The stale message's "what changed", as a reader of `lang` sees it."""
    with translation.override(lang):
        return {
            str(change["field"]): change
            for row in history_rows(events)
            for change in row["changes"]
        }


def activity_post(activity: Activity, **kw: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": activity.title,
        "date": activity.date.isoformat(),
        "kind": activity.kind,
        "initiated_by": activity.initiated_by,
        "partnerships": [p.pk for p in activity.partnerships.all()],
        "version": activity.version,
    }
    data.update(kw)
    return data


def url(name: str, office: Any, lang: str = "en", **kw: Any) -> str:
    from django.utils import translation

    with translation.override(lang):
        namespace = "records" if name == "download" else "partnerships"
        return reverse(f"{namespace}:{name}", kwargs={"office_slug": office.slug, **kw})


def activity_form(activity: Activity, **kw: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": activity.title,
        "date": activity.date.isoformat(),
        "kind": activity.kind,
        "initiated_by": activity.initiated_by,
        "partnerships": [p.pk for p in activity.partnerships.all()],
        "version": activity.version,
    }
    data.update(kw)
    return data


def commitment_form(c: Any, **kw: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": c.title,
        "due_on": c.due_on.isoformat(),
        "status": c.status,
        "version": c.version,
    }
    data.update(kw)
    return data
