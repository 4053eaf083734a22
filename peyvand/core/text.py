"""Persian text normalisation for display and for search keys.

Display form: Arabic letter variants become their Persian forms (ي→ی, ك→ک, ى→ی),
diacritics (harakat) and tatweel are removed, runs of spaces collapse; ZWNJ (U+200C)
is kept, because it is part of correct Persian spelling (می‌خواهم).

Search key: the display form, then lower-cased, Latin accents stripped, ZWNJ and
hyphens folded to a space, ة/ۀ/ه‌ی folded to ه, آ/أ/إ folded to ا, ؤ to و, ئ to ی, and
Persian and Arabic-Indic digits turned into ASCII, so that every spelling a user may type
meets the same key.

Search words (`search_words`, the one normalisation of the full-text search, for indexed
text and for a query alike): the search key of each word, split at anything that is not a
letter or a digit; a word written in parts (ZWNJ, hyphen: تفاهم‌نامه, co-operation) gives
its parts and, after them, the parts joined (تفاهمنامه, cooperation), so that a reader who
types the word with a space, a ZWNJ or nothing between its parts meets it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping

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


def _replacer(table: Mapping[int, str | int | None]) -> Callable[[str], str]:
    """`str.translate(table)` as a regular expression over the table's characters: the
    same result, much faster on long texts where few characters change (translate looks
    every character up in a Python dict)."""
    chars = {chr(code): value for code, value in table.items()}
    values = {
        ch: ("" if v is None else chr(v) if isinstance(v, int) else v) for ch, v in chars.items()
    }
    pattern = re.compile("[" + "".join(re.escape(ch) for ch in chars) + "]")

    def replace(text: str) -> str:
        return pattern.sub(lambda m: values[m.group()], text)

    return replace


_display_fold = _replacer(_DISPLAY_MAP)
_search_fold = _replacer(_SEARCH_MAP)


def ascii_digits(text: str) -> str:
    """Persian and Arabic-Indic digits to ASCII; nothing else changes."""
    return text.translate(_ASCII_DIGITS)


_ZWNJ_RUN = re.compile(f" ?{ZWNJ}[{ZWNJ} ]*")


def normalize_display(text: str | None) -> str:
    """Normalise Persian text for storage and display; keeps ZWNJ."""
    if not text:
        return ""
    text = _display_fold(unicodedata.normalize("NFC", text))
    text = _DIACRITICS.sub("", text)
    text = _SPACES.sub(" ", text)
    if ZWNJ in text:
        text = _ZWNJ_RUN.sub(ZWNJ, text)
    return text.strip()


# The combining marks of the Latin, Greek and Cyrillic letters (accents), dropped after NFKD;
# Arabic marks were removed by normalize_display already, and those an NFKD leaves on an
# Arabic letter (آ's madda) are kept, so that NFC puts the letter together again.
_LATIN_MARKS = re.compile("[\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff]")


def _strip_latin_accents(text: str) -> str:
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", _LATIN_MARKS.sub("", unicodedata.normalize("NFKD", text)))


_LETTERS = str.maketrans({"ı": "i", "ø": "o", "đ": "d", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe"})
# As _SEARCH_MAP, but what joins the parts of a written word (ZWNJ, hyphens) stays a ZWNJ:
# search_words needs to know the parts of one word from two words.
_JOINERS = {ZWNJ, "-", "\u2010", "\u2011"}
_words_fold = _replacer({**_SEARCH_MAP, **{ord(ch): ZWNJ for ch in _JOINERS}})
_letters_fold = _replacer(_LETTERS)


def _fold(text: str, fold: Callable[[str], str], *, displayed: bool = False) -> str:
    shown = text if displayed else normalize_display(unicodedata.normalize("NFKC", text))
    return _letters_fold(fold(_strip_latin_accents(shown.casefold())))


def search_key(text: str | None) -> str:
    """A key that every plausible spelling of the same word maps to."""
    if not text:
        return ""
    return _SPACES.sub(" ", _fold(text, _search_fold)).strip()


# A word of the index: letters and digits of any script (after search_key); a written word
# is such words joined by ZWNJs (hyphens are folded to ZWNJs first).
_WRITTEN = re.compile(f"[^\\W_]+(?:{ZWNJ}+[^\\W_]+)*")
# A written word is joined from at most this many parts (a longer run is not a word).
_JOIN_MAX = 4


def search_words(text: str | None, *, displayed: bool = False) -> list[str]:
    """The words of a text as the full-text search indexes and queries them, in order.

    Each written word (between spaces) is folded by `search_key`; it gives its parts
    (letters and digits) and, when it was written in two to four parts (ZWNJ, hyphen,
    apostrophe-free punctuation), the parts joined as one more word after them."""
    words: list[str] = []
    if not text:
        return words
    for written in _WRITTEN.findall(_fold(text, _words_fold, displayed=displayed)):
        if ZWNJ not in written:
            words.append(written)
            continue
        parts = [part for part in written.split(ZWNJ) if part]
        words.extend(parts)
        if len(parts) <= _JOIN_MAX:
            words.append("".join(parts))
    return words


def search_text(text: str | None, *, displayed: bool = False) -> str:
    """`search_words` joined by spaces: the stored form of an indexed text (`displayed`:
    the text is in its display form already, `normalize_display` is not run again)."""
    return " ".join(search_words(text, displayed=displayed))


def search_query_words(text: str | None) -> list[str]:
    """The words of a query: as `search_words`, but a word written in parts is one word,
    its parts joined (the index holds the joined form of every such word; the query
    builder also tries a Persian word split in two, see peyvand.search.query)."""
    words: list[str] = []
    if not text:
        return words
    for written in _WRITTEN.findall(_fold(text, _words_fold)):
        parts = [part for part in written.split(ZWNJ) if part]
        words.extend(["".join(parts)] if len(parts) <= _JOIN_MAX else parts)
    return words


def is_arabic_script(word: str) -> bool:
    """Whether a word has letters of the Arabic script (Persian, Arabic)."""
    return any("\u0600" <= ch <= "\u06ff" for ch in word)


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
