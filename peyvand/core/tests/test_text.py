from __future__ import annotations

import pytest

from peyvand.core.text import ZWNJ, normalize_display, search_key, to_persian_digits


def test_display_form_uses_persian_yeh_and_keheh() -> None:
    assert normalize_display("كابل") == "کابل"
    assert normalize_display("علي") == "علی"


def test_display_form_removes_diacritics_and_tatweel_but_keeps_zwnj() -> None:
    assert normalize_display("تـــهران") == "تهران"
    assert normalize_display("مُحَمَّد") == "محمد"
    assert normalize_display(f"لوس{ZWNJ}آنجلس") == f"لوس{ZWNJ}آنجلس"


def test_display_form_collapses_spaces_around_zwnj() -> None:
    assert normalize_display(f"می {ZWNJ} خواهم   ") == f"می{ZWNJ}خواهم"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("كابل", "کابل"),
        ("Tehran", "tehran"),
        ("TEHRAN", "tehran"),
        (f"لوس{ZWNJ}آنجلس", "لوس آنجلس"),
        ("لوس‌آنجلس", "لوس انجلس"),
        ("São Paulo", "sao paulo"),
        ("Kallithéa", "kallithea"),
        ("منطقة", "منطقه"),
        ("خانۀ", "خانه"),
        ("۱۴۰۰", "1400"),
        ("١٤٠٠", "1400"),
        ("Hamont-Achel", "hamont achel"),
    ],
)
def test_search_keys_meet_for_every_spelling(typed: str, stored: str) -> None:
    assert search_key(typed) == search_key(stored)


def test_search_key_folds_zwnj_and_digits() -> None:
    assert search_key(f"می{ZWNJ}خواهم ۱۲") == "می خواهم 12"


def test_persian_digits() -> None:
    assert to_persian_digits("1400/05/23") == "۱۴۰۰/۰۵/۲۳"
    assert to_persian_digits("1,234.5") == "۱٬۲۳۴٫۵"
