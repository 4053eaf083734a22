"""A reader's query as an expression both engines render: words, their variants, filters.

The words are `core.text.search_query_words` (the same normalisation as the index). Then:

- every word of two characters or more is a **prefix** ("mobil" finds "mobility",
  "شهر" finds "شهرها"; the engines also rank a title with the whole word above one with a
  longer word starting with it); a word of one character is matched whole and dropped
  when the query has longer words (و, a);
- a Persian word of six letters or more is also tried **split in two** at every place
  (three letters at least each side: two-letter parts such as هم، به، در are words too
  common to try) as a phrase: تفاهمنامه finds «تفاهم نامه» written with a
  space (written with a ZWNJ or nothing, the index holds the joined word already);
- two Persian words side by side are also tried **joined**: «تفاهم نامه» finds
  تفاهمنامه written without a space.

Filters (office, types, area, city) are words of the `tags` column / weight D, so each
engine applies them inside its index query (`Scope`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from peyvand.core.text import is_arabic_script, search_query_words

QUERY_MAX = 200  # characters of a query read (the page and the API refuse no longer one)
WORDS_MAX = 6
WORD_MAX = 40
SPLIT_MAX = 16  # a longer word is not tried split
PART_MIN = 3  # two-letter parts (هم، به، در) are words too common to try


@dataclass(frozen=True)
class Phrase:
    """Words side by side; `prefix`: the last one is a prefix."""

    words: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class AnyOf:
    items: tuple[Expr, ...]


@dataclass(frozen=True)
class AllOf:
    items: tuple[Expr, ...]


Expr = Phrase | AnyOf | AllOf


@dataclass(frozen=True)
class Scope:
    """Whose records and which: the office (its own records and the shared ones), the
    types (empty: every type), an area, a city, a date range."""

    office_id: int
    kinds: tuple[str, ...] = ()
    area_id: int | None = None
    city_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


@dataclass(frozen=True)
class ParsedQuery:
    words: tuple[str, ...]
    expr: Expr | None = field(default=None)


def query_words(text: str) -> list[str]:
    """The words a query searches for (after normalisation and the length bounds)."""
    words = [w[:WORD_MAX] for w in search_query_words(text[:QUERY_MAX])]
    if any(len(w) > 1 for w in words):
        words = [w for w in words if len(w) > 1]
    return words[:WORDS_MAX]


def _word(word: str) -> Expr:
    if len(word) < 2:
        return Phrase((word,))
    options: list[Expr] = [Phrase((word,), prefix=True)]
    if is_arabic_script(word) and len(word) <= SPLIT_MAX:
        for cut in range(PART_MIN, len(word) - PART_MIN + 1):
            options.append(Phrase((word[:cut], word[cut:]), prefix=True))
    return options[0] if len(options) == 1 else AnyOf(tuple(options))


def parse(text: str) -> ParsedQuery:
    words = query_words(text)
    if not words:
        return ParsedQuery(())
    terms = [_word(w) for w in words]
    base: Expr = terms[0] if len(terms) == 1 else AllOf(tuple(terms))
    joined: list[Expr] = []
    for i in range(len(words) - 1):
        first, second = words[i], words[i + 1]
        if is_arabic_script(first) and is_arabic_script(second):
            together = [*terms[:i], _word(first + second), *terms[i + 2 :]]
            joined.append(together[0] if len(together) == 1 else AllOf(tuple(together)))
    expr = AnyOf((base, *joined)) if joined else base
    return ParsedQuery(tuple(words), expr)
