from __future__ import annotations

from pathlib import Path

from django.utils import translation
from django.utils.translation import gettext

from peyvand.core.django_strings import DJANGO_STRINGS

ROOT = Path(__file__).resolve().parents[3]


def test_djangos_new_strings_are_persian_in_our_catalogue() -> None:
    with translation.override("fa"):
        for message in DJANGO_STRINGS:
            assert gettext(message) != message, message


def test_the_persian_catalogue_has_no_missing_or_fuzzy_entry() -> None:
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    from check_translations import problems

    po = (ROOT / "locale" / "fa" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    assert problems(po) == []
