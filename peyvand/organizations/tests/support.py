"""What the organisations page tests share: URLs and posted forms."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import translation


def url(name: str, office: Any, lang: str = "en", **kw: Any) -> str:
    with translation.override(lang):
        return reverse(f"organizations:{name}", kwargs={"office_slug": office.slug, **kw})


def api(office: Any, path: str = "") -> str:
    return f"/api/v1/offices/{office.slug}{path}"
