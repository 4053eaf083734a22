"""What a user reads on a page, for the language crawler: text, the attributes a user
reads and json_script strings, minus what is marked as written in another language."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from peyvand.core.digits import VOID_ELEMENTS as VOID

NAMESPACES = (
    "accounts",
    "dashboard",
    "partnerships",
    "places",
    "network",
    "discover",
    "records",
    "organizations",
    "contacts",
    "events",
    "missions",
    "agenda",
    "knowledge",
    "opportunities",
    "reports",
    "search",
    "audit",
    "portal",
    "portal_office",
    "publishing",
    "bin",
    "exchange",
)

# Proper names and formats written the same way in a Persian sentence. Each is a name a
# Persian reader sees in Latin letters in the real world too (file formats, standards,
# data sources and their licences), never an ordinary English word.
ALLOWED_LATIN = {
    "API",  # the REST API, named so in Persian technical writing
    "PDF",  # file formats, named by their acronyms in Persian too
    "DOCX",
    "CSV",  # spreadsheet formats (import and export)
    "XLSX",
    "PNG",
    "JPEG",
    "iCal",  # the calendar format, named so in Persian too
    "GeoNames",  # data sources and standards credited by name (DESIGN.md: credit them all)
    "Wikidata",
    "Wikipedia",
    "Unicode",
    "CLDR",
    "CEMR",
    "RGRE",
    "ODbL",  # the licence's name
}
# Removed before looking for words: addresses, e-mail addresses, codes (gn:123, x:T:4,
# Q1234, file names), licence names and repository-style names (countries-states-cities),
# which are identifiers, not words.
IDENTIFIERS = re.compile(
    r"https?://\S+|www\.\S+|\S+@\S+\.\S+|\b\w+:[\w:.-]+|\b[\w-]+\.(?:pdf|docx|png|jpe?g)\b"
    r"|\bQ\d+\b|\bCC(?:0| BY(?:-SA)?)\b|\b[a-z0-9]+(?:[-_][a-z0-9]+){2,}\b"
)
# Messages whose Persian deliberately keeps a Latin example (the search box accepts names
# in either script), compared whole after translation.
DELIBERATELY_MIXED = ("e.g. Tehran, تهران, Berlin",)
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
PERSIAN = re.compile(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]+")
NOT_TEXT_KEYS = {"colour", "color"}  # JSON values that style, never read
ATTRIBUTES = ("title", "placeholder", "aria-label", "alt", "data-confirm")  # data-confirm: a dialog


# ---------------------------------------------------------------- reading a page


@dataclass
class Seen:
    texts: list[str] = field(default_factory=list)
    html_lang: str | None = None
    html_dir: str | None = None


class Reader(HTMLParser):
    """Collects what a user reads, leaving out what is marked as not in the page's language."""

    def __init__(self, lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = lang
        self.stack: list[tuple[str, bool]] = []  # (tag, excluded)
        self.json: list[str] | None = None
        self.seen = Seen()

    @property
    def excluded(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def _marks_other_language(self, tag: str, attrs: dict[str, str | None]) -> bool:
        lang = (attrs.get("lang") or "").split("-")[0]
        if lang and lang != self.lang:
            return True
        return tag in {"style", "code", "pre", "script"}

    def handle_starttag(self, tag: str, attr_list: list[tuple[str, str | None]]) -> None:
        attrs = dict(attr_list)
        if tag == "html":
            self.seen.html_lang, self.seen.html_dir = attrs.get("lang"), attrs.get("dir")
        excluded = self.excluded or self._marks_other_language(tag, attrs)
        if not excluded:
            for name in ATTRIBUTES:
                if attrs.get(name):
                    self.seen.texts.append(str(attrs[name]))
            kind = (attrs.get("type") or "").lower()
            if tag == "input" and kind in {"submit", "button", "reset"} and attrs.get("value"):
                self.seen.texts.append(str(attrs["value"]))  # a button's label
        if tag == "script" and attrs.get("type") == "application/json":
            self.json = []
        if tag not in VOID:
            self.stack.append((tag, excluded))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.json is not None:
            self._read_json("".join(self.json))
            self.json = None
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data: str) -> None:
        if self.json is not None:
            self.json.append(data)
        elif not self.excluded and data.strip():
            self.seen.texts.append(data)

    def _read_json(self, payload: str) -> None:
        """Strings that scripts draw on screen (chart titles, labels); `*_xx` keys in the
        other language, addresses and colours are not UI text."""
        other = "_en" if self.lang == "fa" else "_fa"

        def walk(value: Any, key: str = "") -> None:
            if isinstance(value, dict):
                for k, v in value.items():
                    if not str(k).endswith(other) and k not in NOT_TEXT_KEYS:
                        walk(v, str(k))
            elif isinstance(value, list):
                for item in value:
                    walk(item, key)
            elif isinstance(value, str) and not value.startswith(("/", "http")):
                self.seen.texts.append(value)

        walk(json.loads(payload))


def read(html: str, lang: str) -> Seen:
    reader = Reader(lang)
    reader.feed(html)
    reader.close()
    return reader.seen


def without_data(text: str, data: list[str]) -> str:
    for value in data:
        text = text.replace(value, " ")
    return text


def latin_words(text: str, data: list[str]) -> list[str]:
    text = IDENTIFIERS.sub(" ", without_data(text, data))
    return [w for w in LATIN_WORD.findall(text) if w not in ALLOWED_LATIN]


def persian_runs(text: str, data: list[str]) -> list[str]:
    return PERSIAN.findall(without_data(text, data))


# ---------------------------------------------------------------- the parser itself
