"""Persian digits on every Persian page, whatever produced the number.

Numbers reach a page from many places: `{{ count }}` in a template, a translated message
with a placeholder ("month 13", "more than 20 MB", Django's own "at most 300 characters"),
a form's error, a coordinate. Converting each at its source would leave the next one
forgotten, so a Persian page's HTML is converted once, on its way out: the digits of what
a reader reads (text, and the title, placeholder, aria-label, alt and data-confirm
attributes) become Persian digits, with ٫ and ٬ between digits for the decimal point and
the thousands separator.

Left as they are: markup (URLs, ids, values that forms post back), `<script>`, `<style>`,
`<code>`, `<pre>`, `<textarea>` (what a user typed is theirs), character references, and
every element marked as written in another language (`lang` other than fa): a URL, a code
or an English name is shown with `lang="en"` and keeps its Latin digits.

It is a scan with regular expressions, not a parser (a few ms for a 100 KB page): the
templates are ours, attribute values are always double-quoted and tags are balanced.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .text import PERSIAN_DIGITS, to_persian_digits

# The opening tag of an element whose content keeps Latin digits.
_KEPT_OPENING = re.compile(
    r"<(script|style|code|pre|textarea)\b[^>]*>"
    r"|<([a-zA-Z][\w-]*)\b[^>]*\slang=\"(?!fa)[^\"]*\"[^>]*>",
    re.I,
)
# A text between two tags that holds a digit (after its `>`).
_TEXT = re.compile(r">([^<>]*[0-9][^<>]*)")
_HAS_DIGIT = re.compile(r"[0-9]")
_READ_ATTRIBUTE = re.compile(
    r"(\s(?:title|placeholder|aria-label|alt|data-confirm)=\")([^\"]*[0-9][^\"]*)\""
)
# A character reference is kept whole; a number becomes Persian with its separators; digits
# inside a Latin word (dr5hn, mp4) are part of a name.
_NUMBER = re.compile(r"&#?\w+;|(?<![A-Za-z])[0-9]+(?:[.,][0-9]+)*(?![A-Za-z])")
# Elements without content (no closing tag).
VOID_ELEMENTS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "param",
    "source",
    "track",
    "wbr",
}
_LATIN_NEXT_TO_DIGIT = re.compile(r"[A-Za-z][0-9]|[0-9][A-Za-z]")
_COMMA_IN_NUMBER = re.compile(r"(?<=[\u06f0-\u06f9]),(?=[\u06f0-\u06f9])")
_POINT_IN_NUMBER = re.compile(r"(?<=[\u06f0-\u06f9])\.(?=[\u06f0-\u06f9])")


def _persian(match: re.Match[str]) -> str:
    token = match.group(0)
    return token if token.startswith("&") else to_persian_digits(token)


def persian_text(text: str) -> str:
    """The digits of a text in Persian (character references untouched)."""
    if not _HAS_DIGIT.search(text):
        return text
    if "&#" in text or _LATIN_NEXT_TO_DIGIT.search(text):
        return _NUMBER.sub(_persian, text)  # token by token
    # The common case, without a call per number: every digit, then the separators.
    text = text.translate(PERSIAN_DIGITS)
    if "," in text:
        text = _COMMA_IN_NUMBER.sub("\u066c", text)
    if "." in text:
        text = _POINT_IN_NUMBER.sub("\u066b", text)
    return text


def _attribute(match: re.Match[str]) -> str:
    return f'{match.group(1)}{persian_text(match.group(2))}"'


def _text(match: re.Match[str]) -> str:
    return ">" + persian_text(match.group(1))


def _convert(segment: str) -> str:
    """A stretch of the page with no element that keeps Latin digits."""
    if not _HAS_DIGIT.search(segment):
        return segment
    segment = _READ_ATTRIBUTE.sub(_attribute, segment)
    return _TEXT.sub(_text, ">" + segment)[1:]


def _end_of(html: str, name: str, start: int) -> int:
    """Where the element opened at `start` (a `name` tag) ends, its closing tag included."""
    depth = 0
    for tag in re.finditer(rf"<(/?){name}\b[^>]*>", html[start:], re.I):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return start + tag.end()
    return len(html)


def persian_digits_html(html: str) -> str:
    """The page with Persian digits wherever a reader reads a number (see the module)."""
    out: list[str] = []
    pos = 0
    for opening in _KEPT_OPENING.finditer(html):
        if opening.start() < pos:
            continue  # inside an element already kept
        name = (opening.group(1) or opening.group(2)).lower()
        if name in VOID_ELEMENTS or opening.group(0).endswith("/>"):
            continue
        end = _end_of(html, name, opening.start())
        out += [_convert(html[pos : opening.start()]), html[opening.start() : end]]
        pos = end
    out.append(_convert(html[pos:]))
    return "".join(out)


# Set on an answer whose digits are written already (a kept page, core.pagecache): the
# middleware leaves it as it is.
DIGITS_DONE = "peyvand_digits_done"


class PersianDigitsMiddleware:
    """Every HTML answer in Persian leaves with Persian digits (pages and htmx fragments;
    files, JSON and streams pass untouched)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            not response.streaming
            and not getattr(response, DIGITS_DONE, False)
            and response.get("Content-Type", "").startswith("text/html")
            and getattr(request, "LANGUAGE_CODE", "").startswith("fa")
        ):
            charset = response.charset or "utf-8"
            html = response.content.decode(charset)
            response.content = persian_digits_html(html).encode(charset)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response
