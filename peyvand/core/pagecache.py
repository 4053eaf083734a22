"""Rendered pages kept while the data they show is unchanged (decision 0007).

`@cached_page(key)` on a GET view: `key(request, *args, **kwargs)` returns the versions of
everything the page shows (an office's `data_version`, the world's, the member it is
rendered for) or None for "do not cache". The stored page is keyed on those, the view, the
full path with its query, the language and today's date; a write raises a version, so the
next request renders anew and a stale page is never served.

What differs from one request to the next is not stored: the page is rendered with
placeholders for the CSRF token, the CSP nonce and a form's signed render time
(`core.stamps`; the `placeholders` context processor), which are filled in for each
answer. Pages with flash messages, htmx fragments, other methods and anything but a 200
HTML answer pass uncached. Persian digits are written once,
into the stored page (`digits.persian_digits_html`), not on every answer.

The API's lists are kept the same way (`@cached_answer(key)` under the router's decorator):
the endpoint's result is serialised by the API as usual, which hands the answer to
`keep_answer`; a kept answer is returned as it is, without running the endpoint.

The store is the `pages` cache: by default each worker's memory, bounded (settings).
"""

from __future__ import annotations

import hashlib
import inspect
from collections.abc import Callable, Hashable
from functools import wraps
from typing import Any, cast

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.middleware.csp import get_nonce
from django.middleware.csrf import get_token
from django.utils import timezone, translation

from .digits import DIGITS_DONE, persian_digits_html
from .stamps import form_stamp

CSRF_PLACEHOLDER = "PEYVANDCSRFTOKENPLACEHOLDER"
NONCE_PLACEHOLDER = "PEYVANDCSPNONCEPLACEHOLDER"
STAMP_PLACEHOLDER = "PEYVANDFORMSTAMPPLACEHOLDER"
RENDERING = "_peyvand_page_rendering"
KEEP_ANSWER = "_peyvand_keep_answer"
KEPT_HEADERS = ("ETag",)

Key = Callable[..., Hashable | None]


def placeholders(request: HttpRequest) -> dict[str, Any]:
    """Context processor (after Django's csrf and csp): while a page is rendered to be kept,
    the token, the nonce and the form stamp are placeholders. Otherwise `form_stamp` is
    the function (a template calls it only where a form shows it)."""
    if getattr(request, RENDERING, False):
        return {
            "csrf_token": CSRF_PLACEHOLDER,
            "csp_nonce": NONCE_PLACEHOLDER,
            "form_stamp": STAMP_PLACEHOLDER,
        }
    return {"form_stamp": form_stamp}


def _fill(html: str, request: HttpRequest) -> str:
    if CSRF_PLACEHOLDER in html:
        html = html.replace(CSRF_PLACEHOLDER, get_token(request))
    if NONCE_PLACEHOLDER in html:
        html = html.replace(NONCE_PLACEHOLDER, str(get_nonce(request)))
    if STAMP_PLACEHOLDER in html:
        html = html.replace(STAMP_PLACEHOLDER, form_stamp())
    return html


def _answer(html: str, content_type: str, request: HttpRequest) -> HttpResponse:
    response = HttpResponse(_fill(html, request), content_type=content_type)
    setattr(response, DIGITS_DONE, True)
    return response


def _cacheable(request: HttpRequest) -> bool:
    return (
        settings.PAGE_CACHE
        and request.method == "GET"
        and "HX-Request" not in request.headers
        and not len(get_messages(request))
    )


def page_key(request: HttpRequest, view: str, parts: Hashable) -> str:
    language = translation.get_language() or ""
    raw = repr((view, request.get_full_path(), language, timezone.localdate(), parts))
    return "page:" + hashlib.blake2b(raw.encode(), digest_size=20).hexdigest()


def cached_page(key: Key) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        name = f"{view.__module__}.{view.__qualname__}"

        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            parts = key(request, *args, **kwargs) if _cacheable(request) else None
            if parts is None:
                return view(request, *args, **kwargs)
            store = caches["pages"]
            cache_key = page_key(request, name, parts)
            kept = store.get(cache_key)
            if kept is not None:
                return _answer(kept[1], kept[0], request)
            setattr(request, RENDERING, True)
            try:
                response = view(request, *args, **kwargs)
            finally:
                setattr(request, RENDERING, False)
            content_type = response.get("Content-Type", "")
            if (
                response.status_code != 200
                or response.streaming
                or not content_type.startswith("text/html")
                or response.cookies
                or len(get_messages(request))
            ):
                # Rendered with placeholders but not kept: fill them in for this answer.
                if not response.streaming:
                    charset = response.charset or "utf-8"
                    response.content = _fill(response.content.decode(charset), request).encode(
                        charset
                    )
                return response
            html = response.content.decode(response.charset or "utf-8")
            if (translation.get_language() or "").startswith("fa"):
                html = persian_digits_html(html)
            store.set(cache_key, (content_type, html))
            return _answer(html, content_type, request)

        return wrapped

    return decorator


def cached_answer(key: Key) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """An API endpoint's answer kept under `key` (see the module)."""

    def decorator(endpoint: Callable[..., Any]) -> Callable[..., Any]:
        name = f"{endpoint.__module__}.{endpoint.__qualname__}"

        @wraps(endpoint)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            parts = key(request, *args, **kwargs) if _cacheable(request) else None
            if parts is not None:
                cache_key = page_key(request, name, parts)
                kept = caches["pages"].get(cache_key)
                if kept is not None:
                    content_type, body, headers = kept
                    response = HttpResponse(body, content_type=content_type)
                    for header, value in headers.items():
                        response[header] = value
                    return response
                setattr(request, KEEP_ANSWER, cache_key)
            return endpoint(request, *args, **kwargs)

        # The API reads the parameters from the signature: the endpoint's, its annotations
        # resolved in the endpoint's module (not this one).
        cast(Any, wrapped).__signature__ = inspect.signature(endpoint, eval_str=True)
        return wrapped

    return decorator


def keep_answer(request: HttpRequest, response: HttpResponse) -> None:
    """The API made `response`: keep it when its endpoint asked to and it is a 200."""
    cache_key = getattr(request, KEEP_ANSWER, None)
    if cache_key and response.status_code == 200 and not response.streaming:
        headers = {h: response[h] for h in KEPT_HEADERS if response.has_header(h)}
        caches["pages"].set(cache_key, (response["Content-Type"], response.content, headers))
