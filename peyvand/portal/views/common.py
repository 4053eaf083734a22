"""What every public page shares: the office of the URL, the kept page's key, the title,
description, social preview, canonical and language links."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import translate_url
from django.utils import translation

from peyvand.accounts.models import Office
from peyvand.core.pagecache import cached_page
from peyvand.core.versions import world_version

from .. import opendata, selectors

DESCRIPTION_MAX = 200


def public_page_key(
    request: HttpRequest, office_slug: str, *args: Any, **kwargs: Any
) -> tuple[Any, ...] | None:
    """A public page shows only the office's published data and the world's names, the
    same to everyone (no member's menu): it is kept per office under the office's
    `data_version` (which every write of its records raises, a publication included) and
    the world version. An unknown office is not kept (its 404 is rendered)."""
    found = selectors.office_version(office_slug)
    if found is None:
        return None
    return ("portal", found[0], found[1], world_version())


public_page = cached_page(public_page_key)


def shorten(text: str, limit: int = DESCRIPTION_MAX) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def page_context(
    request: HttpRequest,
    office: Office,
    *,
    title: str,
    description: str,
    section: str,
    **extra: Any,
) -> dict[str, Any]:
    """The context of a public page: `po` (the portal's office), the page's title and
    description (also its Open Graph preview), its canonical address and its address in
    each language (hreflang), the licence of what it shows."""
    here = request.build_absolute_uri(request.path)
    language = translation.get_language() or "fa"
    alternates = {lang: translate_url(here, lang) for lang in ("fa", "en")}
    return {
        "po": office,
        "page_title": title,
        "page_description": shorten(description),
        "canonical": here,
        "alternates": alternates,
        "other_language": "en" if language == "fa" else "fa",
        "other_url": alternates["en" if language == "fa" else "fa"],
        "og_locale": "fa_IR" if language == "fa" else "en_GB",
        "section": section,
        "licence": opendata.LICENCE,
        "licence_url": opendata.LICENCE_URL,
        **extra,
    }
