"""The highlighted text of a hit: cut from the stored text, escaped, then marked.

A written word is marked when one of its search words (core.text) starts with a query
word, or when, with the next written word, it spells a query word (تفاهم نامه for the
query تفاهمنامه). Every piece of text is HTML-escaped before `<mark>` is put around it, so
nothing a record holds can become markup.
"""

from __future__ import annotations

import functools
from html import escape

from django.utils.safestring import SafeString, mark_safe

from peyvand.core.text import search_key, search_words

SNIPPET_WORDS = 28
BEFORE = 8


@functools.lru_cache(maxsize=4096)
def _keys(word: str) -> tuple[str, ...]:
    return tuple(search_words(word))


def _hit(words: list[str], i: int, query: tuple[str, ...]) -> bool:
    """Whether the written word i is matched (alone, or with a neighbour as one word)."""
    keys = _keys(words[i])
    if any(k.startswith(q) for k in keys for q in query):
        return True
    if not keys:
        return False
    if i + 1 < len(words) and (after := _keys(words[i + 1])):
        pair = keys[-1] + after[0]
        if any(len(q) > len(keys[-1]) and pair.startswith(q) for q in query):
            return True
    if i > 0 and (before := _keys(words[i - 1])):
        pair = before[-1] + keys[0]
        if any(len(q) > len(before[-1]) and pair.startswith(q) for q in query):
            return True
    return False


def highlight(text: str, query: tuple[str, ...], *, words: int | None = None) -> SafeString:
    """The text (or, with `words`, a window of that many words around the first match,
    else its start), escaped, with the matched words in <mark>."""
    written = text.split()
    if not written:
        return mark_safe("")
    start, end = 0, len(written)
    if words is not None:
        first = next((i for i in range(len(written)) if query and _hit(written, i, query)), 0)
        start = max(0, first - BEFORE)
        end = min(len(written), start + words)
    out: list[str] = ["… " if start else ""]
    for i in range(start, end):
        word = escape(written[i])
        out.append(f"<mark>{word}</mark>" if query and _hit(written, i, query) else word)
        if i < end - 1:
            out.append(" ")
    if end < len(written):
        out.append(" …")
    return mark_safe("".join(out))  # every piece was escaped above


def snippet(body: str, query: tuple[str, ...]) -> SafeString:
    """A window of the stored text around the first match (each field is one line)."""
    lines = [line for line in body.split("\n") if line.strip()]
    if not lines:
        return mark_safe("")
    for line in lines:
        # A cheap look first: the line's search key holds a query word's start somewhere.
        key = search_key(line).replace(" ", "")
        if query and any(q in key for q in query):
            written = line.split()
            if any(_hit(written, i, query) for i in range(len(written))):
                return highlight(line, query, words=SNIPPET_WORDS)
    return highlight(lines[0], query, words=SNIPPET_WORDS)
