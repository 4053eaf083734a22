"""Bilingual content: explicit *_fa / *_en columns read through one helper."""

from __future__ import annotations

from typing import Any

from django.utils.translation import get_language


def bilingual(obj: Any, field: str, language: str | None = None) -> str:
    """Return obj.<field>_<lang> for the active language, falling back to the other one."""
    lang = (language or get_language() or "fa")[:2]
    order = ("fa", "en") if lang == "fa" else ("en", "fa")
    for code in order:
        value = getattr(obj, f"{field}_{code}", "") or ""
        if value:
            return str(value)
    return ""


class BilingualMixin:
    """Gives a model `.name` style properties for its *_fa / *_en pairs."""

    def tr(self, field: str) -> str:
        return bilingual(self, field)
