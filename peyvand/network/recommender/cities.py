"""City attributes the recommender derives from names: capitals and namesakes."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from ..graph import IntArray


def name_key(name: str) -> str:
    """A city name folded for namesake matching: no accents, no parentheses, lower case."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    folded = re.sub(r"\(.*?\)", " ", folded)
    folded = re.sub(r"[^a-z]+", " ", folded)
    return " ".join(folded.split())


def capital_flags(
    country: Sequence[Any],
    names: Sequence[Sequence[str | None]],
    population: Sequence[float | None],
    capital_of: dict[Any, str],
) -> npt.NDArray[np.bool_]:
    """Per city: is it its country's capital? The most populous city of the country one
    of whose names (folded) is the country's capital name (`capital_of`: country -> name)."""
    best: dict[Any, tuple[float, int]] = {}
    for i, (c, own, pop) in enumerate(zip(country, names, population, strict=True)):
        capital = (capital_of.get(c) or "").strip().casefold() if c is not None else ""
        if not capital or capital not in {(n or "").strip().casefold() for n in own}:
            continue
        p = float(pop or 0)
        if c not in best or p > best[c][0]:
            best[c] = (p, i)
    out = np.zeros(len(country), dtype=bool)
    out[[i for _, i in best.values()]] = True
    return out


def name_groups(names: Sequence[str]) -> IntArray:
    """An integer per city; cities whose names fold to the same key share it (-1: none)."""
    keys: dict[str, int] = {}
    out = np.full(len(names), -1, dtype=np.int64)
    for i, name in enumerate(names):
        key = name_key(name)
        if key:
            out[i] = keys.setdefault(key, len(keys))
    return out
