"""The health score of a partnership: a pure function over plain facts (no ORM).

See docs/health-score.md for the formula, the defaults and why they were chosen.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

ACTIVE_MIN = 60
WEAKENING_MIN = 30
WINDOW_DAYS = 730  # the last 24 months
RECENCY_HALF_LIFE_DAYS = 180
FREQUENCY_TARGET = 8  # substantive activities in 24 months for a full frequency component
BREADTH_TARGET = 4  # distinct areas in 24 months
OUTCOMES_TARGET = 3  # outcomes in 24 months
PAPER_ONLY_MONTHS = 18
CORRESPONDENCE = "correspondence"
BY_PARTNER = frozenset({"partner", "joint"})
COMPONENTS = ("recency", "frequency", "delivery", "reciprocity", "breadth", "outcomes")


@dataclass(frozen=True)
class ActivityFact:
    date: dt.date
    kind: str
    initiated_by: str = "us"
    areas: frozenset[int] = frozenset()
    outcomes: int = 0

    @property
    def substantive(self) -> bool:
        return self.kind != CORRESPONDENCE or self.outcomes > 0


@dataclass(frozen=True)
class CommitmentFact:
    due_on: dt.date
    status: str  # planned / in_progress / done / dropped
    done_on: dt.date | None = None


@dataclass(frozen=True)
class Weights:
    recency: int = 30
    frequency: int = 25
    delivery: int = 15
    reciprocity: int = 10
    breadth: int = 10
    outcomes: int = 10

    def as_dict(self) -> dict[str, int]:
        return {name: int(getattr(self, name)) for name in COMPONENTS}


DEFAULT_WEIGHTS = Weights()


@dataclass(frozen=True)
class Health:
    score: int
    label: str
    paper_only: bool
    # name -> {"value": 0..1 or None (not applicable), "weight": int, "points": float, ...}
    components: dict[str, dict[str, float | int | None]] = field(default_factory=dict)


def label_for(score: int) -> str:
    if score >= ACTIVE_MIN:
        return "active"
    if score >= WEAKENING_MIN:
        return "weakening"
    return "dormant"


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def is_paper_only(
    activities: Iterable[ActivityFact], signed_on: dt.date | None, as_of: dt.date
) -> bool:
    """Signed at least 18 months ago and nothing substantive since signing."""
    if signed_on is None or signed_on > add_months(as_of, -PAPER_ONLY_MONTHS):
        return False
    return not any(a.substantive and signed_on <= a.date <= as_of for a in activities)


def compute_health(
    *,
    activities: Sequence[ActivityFact],
    commitments: Sequence[CommitmentFact],
    signed_on: dt.date | None,
    as_of: dt.date,
    weights: Weights = DEFAULT_WEIGHTS,
) -> Health:
    """The score (0-100) with its components, as known on `as_of`.

    Only what had happened by `as_of` counts: later activities are ignored and a commitment
    done after `as_of` counts as not yet done, so the same function draws the trend.
    """
    window_start = as_of - dt.timedelta(days=WINDOW_DAYS)
    past = [a for a in activities if a.date <= as_of and a.substantive]
    recent = [a for a in past if a.date > window_start]

    # Recency: the signing itself counts as a fresh start, so a new pact is not dormant
    # on day one; then the value halves every RECENCY_HALF_LIFE_DAYS.
    anchors = [a.date for a in past]
    if signed_on is not None and signed_on <= as_of:
        anchors.append(signed_on)
    last = max(anchors) if anchors else None
    days_since = (as_of - last).days if last is not None else None
    recency = 0.0 if days_since is None else 0.5 ** (days_since / RECENCY_HALF_LIFE_DAYS)

    frequency = min(1.0, len(recent) / FREQUENCY_TARGET)

    # Delivery: commitments due by as_of (and those already done early), not dropped.
    due = 0
    on_time = 0
    for c in commitments:
        if c.status == "dropped":
            continue
        done_by_now = c.status == "done" and c.done_on is not None and c.done_on <= as_of
        if c.due_on <= as_of or done_by_now:
            due += 1
            if done_by_now and c.done_on is not None and c.done_on <= c.due_on:
                on_time += 1
    delivery: float | None = (on_time / due) if due else None

    reciprocity = (
        sum(1 for a in recent if a.initiated_by in BY_PARTNER) / len(recent) if recent else 0.0
    )
    areas: set[int] = set()
    for a in recent:
        areas.update(a.areas)
    breadth = min(1.0, len(areas) / BREADTH_TARGET)
    n_outcomes = sum(a.outcomes for a in activities if window_start < a.date <= as_of)
    outcomes = min(1.0, n_outcomes / OUTCOMES_TARGET)

    values: dict[str, float | None] = {
        "recency": recency,
        "frequency": frequency,
        "delivery": delivery,
        "reciprocity": reciprocity,
        "breadth": breadth,
        "outcomes": outcomes,
    }
    raw = weights.as_dict()
    applicable = {k: w for k, w in raw.items() if values[k] is not None and w > 0}
    total_weight = sum(applicable.values())
    components: dict[str, dict[str, float | int | None]] = {}
    score_f = 0.0
    for name in COMPONENTS:
        value = values[name]
        weight = raw[name]
        points = 0.0
        if value is not None and total_weight and name in applicable:
            points = 100.0 * value * weight / total_weight
        score_f += points
        components[name] = {
            "value": None if value is None else round(value, 3),
            "weight": weight,
            "points": round(points, 1),
        }
    components["recency"]["days"] = days_since
    components["frequency"]["count"] = len(recent)
    components["delivery"]["due"] = due
    components["delivery"]["on_time"] = on_time
    components["breadth"]["count"] = len(areas)
    components["outcomes"]["count"] = n_outcomes
    score = max(0, min(100, round(score_f)))
    return Health(
        score=score,
        label=label_for(score),
        paper_only=is_paper_only(activities, signed_on, as_of),
        components=components,
    )


def month_ends(as_of: dt.date, months: int = 24) -> list[dt.date]:
    """The last day of each of the last `months` months, the current month ending at as_of."""
    ends = []
    for back in range(months - 1, -1, -1):
        first = add_months(as_of.replace(day=1), -back)
        end = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        ends.append(min(end, as_of))
    return ends


def trend(
    *,
    activities: Sequence[ActivityFact],
    commitments: Sequence[CommitmentFact],
    signed_on: dt.date | None,
    as_of: dt.date,
    weights: Weights = DEFAULT_WEIGHTS,
    months: int = 24,
) -> list[tuple[dt.date, int]]:
    """The score at the end of each of the last `months` months."""
    return [
        (
            end,
            compute_health(
                activities=activities,
                commitments=commitments,
                signed_on=signed_on,
                as_of=end,
                weights=weights,
            ).score,
        )
        for end in month_ends(as_of, months)
    ]


def project_dormancy(
    *,
    activities: Sequence[ActivityFact],
    commitments: Sequence[CommitmentFact],
    signed_on: dt.date | None,
    as_of: dt.date,
    weights: Weights = DEFAULT_WEIGHTS,
    horizon_days: int = 90,
    step_days: int = 15,
) -> dt.date | None:
    """The first day within the horizon when the pact turns dormant at its current pace.

    "Current pace": the substantive activities of the last 24 months are assumed to go on
    at the same average interval, after the last one. None if the pact stays above the
    dormant line (or is dormant already).
    """
    now = compute_health(
        activities=activities,
        commitments=commitments,
        signed_on=signed_on,
        as_of=as_of,
        weights=weights,
    )
    if now.label == "dormant":
        return None
    window_start = as_of - dt.timedelta(days=WINDOW_DAYS)
    recent = sorted(
        (a for a in activities if a.substantive and window_start < a.date <= as_of),
        key=lambda a: a.date,
    )
    future: list[ActivityFact] = []
    if recent:
        interval = max(1, WINDOW_DAYS // len(recent))
        template = recent[-1]
        day = template.date + dt.timedelta(days=interval)
        while day <= as_of + dt.timedelta(days=horizon_days):
            if day > as_of:
                future.append(
                    ActivityFact(
                        date=day,
                        kind=template.kind,
                        initiated_by=template.initiated_by,
                        areas=template.areas,
                    )
                )
            day += dt.timedelta(days=interval)
    projected = [*activities, *future]
    for offset in range(step_days, horizon_days + 1, step_days):
        day = as_of + dt.timedelta(days=offset)
        health = compute_health(
            activities=projected,
            commitments=commitments,
            signed_on=signed_on,
            as_of=day,
            weights=weights,
        )
        if health.label == "dormant":
            return day
    return None
