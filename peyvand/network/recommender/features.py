"""The feature matrix of pairs of cities: every signal's columns, in the model's order."""

from __future__ import annotations

import numpy as np

from ..graph import FloatArray, IntArray
from .context import Context, Structure
from .signals import SIGNALS, feature_names
from .signals.base import Pairs


def features(
    ctx: Context, a: IntArray, b: IntArray, st: Structure, row: bool = False
) -> FloatArray:
    """The feature matrix (len(b) x F) in the order of `feature_names()`."""
    return feature_columns(ctx, a, b, st, row).T


def feature_columns(
    ctx: Context, a: IntArray, b: IntArray, st: Structure, row: bool = False
) -> FloatArray:
    """The features as rows of an F x len(b) array (one contiguous row per feature).

    With row=True, `a` holds one city and `b` is every candidate (fast path).
    """
    pairs = Pairs(ctx, a, b, st, row)
    out: dict[str, FloatArray] = {}
    for signal in SIGNALS:
        out.update(signal.columns(pairs))
    return np.vstack([out[name] for name in feature_names()])
