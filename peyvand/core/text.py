"""Persian text normalisation for display and for search keys.

Display form: Arabic letter variants become their Persian forms (ي→ی, ك→ک, ى→ی),
diacritics (harakat) and tatweel are removed, runs of spaces collapse; ZWNJ (U+200C)
is kept, because it is part of correct Persian spelling (می‌خواهم).

Search key: the display form, then lower-cased, Latin accents stripped, ZWNJ and
hyphens folded to a space, ة/ۀ/ه‌ی folded to ه, آ/أ/إ folded to ا, ؤ to و, ئ to ی, and
Persian and Arabic-Indic digits turned into ASCII, so that every spelling a user may type
meets the same key.
"""

from __future__ import annotations

import re
import unicodedata

ZWNJ = "\u200c"

_DISPLAY_MAP = str.maketrans(
    {
        "\u064a": "\u06cc",  # Arabic yeh ي -> Persian yeh ی
        "\u0649": "\u06cc",  # Alef maksura ى -> ی
        "\u0643": "\u06a9",  # Arabic kaf ك -> Persian keheh ک
        "\u0640": None,  # tatweel ـ
        "\u200f": None,  # RLM
        "\u200e": None,  # LRM
        "\ufeff": None,  # BOM
    }
)
# Harakat, tanwin, shadda, sukun, superscript alef, and Quranic marks.
_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f]+")
_ZWNJ_RUN = re.compile(f"[ {ZWNJ}]*{ZWNJ}[ {ZWNJ}]*")

_SEARCH_MAP = str.maketrans(
    {
        "\u0629": "\u0647",  # ة -> ه
        "\u06c0": "\u0647",  # ۀ -> ه
        "\u06d5": "\u0647",  # ە -> ه
        "\u0622": "\u0627",  # آ -> ا
        "\u0623": "\u0627",  # أ -> ا
        "\u0625": "\u0627",  # إ -> ا
        "\u0671": "\u0627",  # ٱ -> ا
        "\u0624": "\u0648",  # ؤ -> و
        "\u0626": "\u06cc",  # ئ -> ی
        "\u0654": None,  # hamza above
        "\u0621": None,  # hamza
        ZWNJ: " ",
        "-": " ",
        "\u2010": " ",
        "\u2011": " ",
        "_": " ",
        "'": "",
        "\u2019": "",
        "`": "",
        ".": " ",
        ",": " ",
        "،": " ",
        "(": " ",
        ")": " ",
        **{chr(0x06F0 + i): str(i) for i in range(10)},  # Persian digits
        **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
    }
)

# ASCII digits to Persian ones, and nothing else (a text's points and commas stay).
PERSIAN_DIGITS = str.maketrans({str(i): chr(0x06F0 + i) for i in range(10)})
# A number's digits and separators in Persian: ۱۲٬۳۴۵٫۶.
_PERSIAN_NUMBER = str.maketrans({**PERSIAN_DIGITS, ord(","): "\u066c", ord("."): "\u066b"})
_ASCII_DIGITS = str.maketrans(
    {
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        **{chr(0x0660 + i): str(i) for i in range(10)},
    }
)


def ascii_digits(text: str) -> str:
    """Persian and Arabic-Indic digits to ASCII; nothing else changes."""
    return text.translate(_ASCII_DIGITS)


def normalize_display(text: str | None) -> str:
    """Normalise Persian text for storage and display; keeps ZWNJ."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text).translate(_DISPLAY_MAP)
    text = _DIACRITICS.sub("", text)
    text = _SPACES.sub(" ", text)
    # A run of spaces and ZWNJs holding a ZWNJ is one ZWNJ (in one pass: "a ‌ ‌ b" gave
    # two ZWNJs, and normalising again changed the text; found by the property tests).
    text = _ZWNJ_RUN.sub(ZWNJ, text)
    return text.strip()


def _strip_latin_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    kept = []
    for ch in decomposed:
        # Only combining marks that follow a Latin letter are dropped here; Arabic marks
        # were removed by normalize_display already.
        if unicodedata.combining(ch) and ch < "\u0600":
            continue
        kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept))


def search_key(text: str | None) -> str:
    """A key that every plausible spelling of the same word maps to."""
    if not text:
        return ""
    # Compatibility forms first (Arabic presentation forms, modifier letters, symbol
    # variants): their decomposition would otherwise bring back a capital or an Arabic yeh
    # after the folding, and the key of a key would differ (found by the property tests).
    text = normalize_display(unicodedata.normalize("NFKC", text)).casefold()
    text = _strip_latin_accents(text)
    text = text.translate(_SEARCH_MAP)
    text = text.replace("ı", "i").replace("ø", "o").replace("đ", "d").replace("ł", "l")
    text = text.replace("ß", "ss").replace("æ", "ae").replace("œ", "oe")
    return _SPACES.sub(" ", text).strip()


def to_persian_digits(text: object) -> str:
    """ASCII digits to Persian digits (also the decimal and thousands separators)."""
    return str(text).translate(_PERSIAN_NUMBER)


_NUMBER_NOISE = re.compile(r"[\s\u200c\u200f\u200e\u066c,_']")


def number_input(text: str) -> str:
    """A number as typed, in any digits, to the form `int()` and `Decimal()` read:
    Persian and Arabic-Indic digits to ASCII, the Arabic decimal separator (٫) to a point,
    thousands separators (٬ and ,) and spaces dropped, a typographic minus to a hyphen.
    Anything else is left for the field to refuse."""
    text = ascii_digits(text).replace("\u066b", ".").replace("\u2212", "-")
    return _NUMBER_NOISE.sub("", text)


# The Persian alphabet in dictionary order (آ and the hamza forms fold into their letter
# through search_key first).
_PERSIAN_ORDER = {
    letter: rank for rank, letter in enumerate("ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی", start=2)
}


def persian_sort_key(text: str | None) -> tuple[int, ...]:
    """A sort key in Persian alphabetical order (Unicode order puts پ چ ژ ک گ ی wrongly).

    Spaces sort first, then every other character by code point (digits, Latin), then the
    Persian alphabet in its order.
    """
    base = 0x10000  # above every other character
    return tuple(
        0 if ch == " " else base + _PERSIAN_ORDER[ch] if ch in _PERSIAN_ORDER else ord(ch)
        for ch in search_key(text)
    )
