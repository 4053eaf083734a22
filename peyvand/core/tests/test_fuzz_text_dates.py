"""Property tests (hypothesis) of the Persian normaliser and the Jalali dates: what must
hold for every input, with bounded example counts so the suite stays fast."""

from __future__ import annotations

import datetime as dt

import jdatetime
import pytest
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from peyvand.core.dates import (
    InvalidDate,
    format_date,
    format_input,
    format_other_calendar,
    parse_iso,
    parse_jalali,
)
from peyvand.core.text import (
    ZWNJ,
    ascii_digits,
    normalize_display,
    number_input,
    persian_sort_key,
    search_key,
    to_persian_digits,
)

FAST = settings(max_examples=300, deadline=None)

PERSIAN_LETTERS = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآأإؤئءةۀ"
VARIANTS = {"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9"}  # ي ى ك
# Text a person may paste: Persian and Arabic letters, their variants and marks, digits of
# three scripts, every kind of space and joiner, Latin with accents, and anything else.
# one_of picks each kind alike: the few characters the rules are about come up often.
persian_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(f" {ZWNJ}\u064a\u0643ی-"),
        st.sampled_from(
            PERSIAN_LETTERS
            + "".join(VARIANTS)
            + "\u064b\u064e\u0651\u0670\u0640"  # harakat, shadda, superscript alef, tatweel
            + "۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩0123456789"
            + f" \t\u00a0\u2009\u202f{ZWNJ}\u200d\u200e\u200f\ufeff-_.,،()'"
            + "éÉßøıłæœ"
        ),
        st.characters(codec="utf-8"),
    ),
    max_size=40,
)
# Short runs of letters, spaces and joiners: where the ZWNJ rules meet.
joiners = st.text(alphabet=f"ب {ZWNJ}\u200b\u064a-", max_size=12)
texts = st.one_of(persian_text, joiners)
DAY_MIN, DAY_MAX = dt.date(1900, 1, 1), dt.date(2100, 12, 31)
dates = st.dates(min_value=DAY_MIN, max_value=DAY_MAX)


@FAST
@given(texts)
def test_normalising_twice_changes_nothing(text: str) -> None:
    once = normalize_display(text)
    assert normalize_display(once) == once


@FAST
@given(texts)
def test_a_search_key_is_its_own_key(text: str) -> None:
    key = search_key(text)
    assert search_key(key) == key


@FAST
@given(texts)
def test_the_display_form_has_no_arabic_variant_mark_or_edge_space(text: str) -> None:
    shown = normalize_display(text)
    assert not set(shown) & {*VARIANTS, "\u0640", "\u064e", "\u0651", "\u200e", "\u200f"}
    assert shown == shown.strip()
    assert ZWNJ * 2 not in shown and f" {ZWNJ}" not in shown and f"{ZWNJ} " not in shown


@FAST
@given(persian_text)
def test_arabic_letter_variants_meet_the_persian_spelling(text: str) -> None:
    persian = text
    for arabic, ours in VARIANTS.items():
        persian = persian.replace(arabic, ours)
    assert normalize_display(text) == normalize_display(persian)
    assert search_key(text) == search_key(persian)


@FAST
@given(texts)
def test_a_zwnj_never_separates_search_keys_from_a_space(text: str) -> None:
    assert ZWNJ not in search_key(text)
    assert search_key(text.replace(ZWNJ, " ")) == search_key(text)


@FAST
@given(st.integers(min_value=-(10**30), max_value=10**30))
def test_digits_of_every_script_read_as_the_same_number(number: int) -> None:
    latin = str(number)
    persian = to_persian_digits(latin)
    arabic = latin.translate({ord(str(i)): chr(0x0660 + i) for i in range(10)})
    assert ascii_digits(persian) == ascii_digits(arabic) == latin
    assert int(number_input(persian)) == int(number_input(arabic)) == number
    assert search_key(persian) == search_key(arabic) == search_key(latin)
    assert not set(persian) & set("0123456789")


@FAST
@given(persian_text)
def test_the_sort_key_is_total(text: str) -> None:
    assert isinstance(persian_sort_key(text), tuple)


@FAST
@given(dates)
def test_a_day_round_trips_through_the_persian_form(day: dt.date) -> None:
    with translation.override("fa"):
        shown = format_input(day)
        assert parse_jalali(shown) == day  # Persian digits, as the page shows them
        assert parse_jalali(ascii_digits(shown)) == day
        assert parse_jalali(ascii_digits(shown).replace("/", "-")) == day
        assert not set(format_date(day, long=True)) & set("0123456789")
        format_other_calendar(day)
    with translation.override("en"):
        assert parse_iso(format_input(day)) == day
        assert format_date(day) == day.isoformat()
        format_other_calendar(day)


@FAST
@given(st.integers(1279, 1479), st.integers(1, 12), st.integers(1, 31))
def test_a_jalali_day_parses_exactly_when_it_exists(year: int, month: int, day: int) -> None:
    length = (
        31
        if month <= 6
        else 30
        if month <= 11
        else (30 if jdatetime.date(year, 1, 1).isleap() else 29)
    )
    text = f"{year}/{month}/{day}"
    if day <= length:
        parsed = parse_jalali(text)
        assert (lambda j: (j.year, j.month, j.day))(jdatetime.date.fromgregorian(date=parsed)) == (
            year,
            month,
            day,
        )
    else:
        with pytest.raises(InvalidDate):
            parse_jalali(text)


@pytest.mark.parametrize(
    "text", ["1403/12/30", "1402/07/31", "1400/13/01", "1400/00/10", "1400/1/0"]
)
def test_impossible_days_are_refused_with_invalid_date(text: str) -> None:
    if text == "1403/12/30":  # 1403 is a leap year: its Esfand has 30 days
        assert parse_jalali(text) == dt.date(2025, 3, 20)
        return
    with pytest.raises(InvalidDate):
        parse_jalali(text)


@FAST
@given(
    st.one_of(
        persian_text, st.from_regex(r"\A\s*\d{1,6}\s*[/\-.]\s*\d{1,3}\s*[/\-.]\s*\d{1,3}\s*\Z")
    )
)
def test_any_text_is_a_date_or_invalid_date_never_another_error(text: str) -> None:
    for parse in (parse_jalali, parse_iso):
        try:
            assert isinstance(parse(text), dt.date)
        except InvalidDate as refused:
            assert str(refused)
