"""Partnerships: the office's health score weights."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .factories import log, make_partnership
from .support import (
    TODAY,
    url,
)


def test_director_sets_weights_and_scores_are_recomputed(office: Any, member_client: Any) -> None:
    p = make_partnership(office)
    log(office, p, TODAY - dt.timedelta(days=10))
    client = member_client(office, "director")
    weights = {
        "w_recency": 100,
        "w_frequency": 0,
        "w_delivery": 0,
        "w_reciprocity": 0,
        "w_breadth": 0,
        "w_outcomes": 0,
    }
    assert client.post(url("settings", office), weights).status_code == 302
    p.refresh_from_db()
    assert p.health_components["recency"]["weight"] == 100
    assert p.health_score is not None and p.health_score > 90
    officer = member_client(office, "officer")
    assert officer.get(url("settings", office)).status_code == 403
