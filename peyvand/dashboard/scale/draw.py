"""The draws every builder of the scale data shares (build.py and one module per app)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence


def pick[T](rng: random.Random, table: Sequence[tuple[T, int]]) -> T:
    """A value of (value, weight) pairs, drawn with the weights."""
    return rng.choices([v for v, _w in table], weights=[w for _v, w in table])[0]


def day(ordinal: int) -> dt.date:
    return dt.date.fromordinal(ordinal)
