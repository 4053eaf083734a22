"""The one normalisation of indexed text and queries (core.text.search_words), and the
query it makes: every spelling a reader may type meets the indexed word."""

from __future__ import annotations

import pytest

from peyvand.core.text import search_query_words, search_text, search_words
from peyvand.search.query import AnyOf, Phrase, parse, query_words


@pytest.mark.parametrize(
    ("written", "words"),
    [
        ("تفاهم‌نامه", ["تفاهم", "نامه", "تفاهمنامه"]),  # ZWNJ: the parts and the word
        ("همكاري", ["همکاری"]),  # Arabic kaf and yeh
        ("يى", ["یی"]),  # Arabic yeh and alef maksura
        ("مدرسة", ["مدرسه"]),  # teh marbuta
        ("خانۀ", ["خانه"]),  # heh with yeh above
        ("أحمد إسلام آب", ["احمد", "اسلام", "اب"]),  # alef with hamza, madda
        ("مؤسسه", ["موسسه"]),  # waw with hamza
        ("شـــهر", ["شهر"]),  # tatweel
        ("مُدیریّت", ["مدیریت"]),  # diacritics
        ("۱۴۰۲ ١٤٠٢ 1402", ["1402", "1402", "1402"]),  # Persian, Arabic, Latin digits
        ("Mobilité URBAINE", ["mobilite", "urbaine"]),  # accents, case
        ("co-operation", ["co", "operation", "cooperation"]),  # hyphen
        ("«تفاهم نامه»، (وین).", ["تفاهم", "نامه", "وین"]),  # punctuation
    ],
)
def test_indexed_words(written: str, words: list[str]) -> None:
    assert search_words(written) == words


def test_the_query_joins_a_word_written_in_parts() -> None:
    assert search_query_words("تفاهم‌نامه") == ["تفاهمنامه"]
    assert search_query_words("همكاري ۱۴۰۲") == ["همکاری", "1402"]
    assert search_text("تفاهم‌نامه همكاري") == "تفاهم نامه تفاهمنامه همکاری"


def test_every_word_is_a_prefix() -> None:
    assert parse("mobil").expr == Phrase(("mobil",), prefix=True)
    assert parse("a").expr == Phrase(("a",))


def test_a_persian_word_is_also_tried_split_and_two_words_joined() -> None:
    expr = parse("تفاهمنامه").expr
    assert isinstance(expr, AnyOf)
    assert Phrase(("تفاهم", "نامه"), prefix=True) in expr.items
    two = parse("تفاهم نامه").expr
    assert isinstance(two, AnyOf)  # (تفاهم and نامه) or تفاهمنامه
    assert len(two.items) == 2


def test_one_letter_words_are_dropped_beside_longer_ones_and_queries_are_bounded() -> None:
    assert query_words("a mobility و شهر") == ["mobility", "شهر"]
    assert query_words("x") == ["x"]
    assert len(query_words("word " * 5000)) == 6
    assert query_words("\x00<script>") == ["script"]
    assert parse("!!! ...").expr is None
