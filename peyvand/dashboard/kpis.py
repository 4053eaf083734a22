"""The director's figures: what the office's diplomacy delivered in a year, each beside the
year before.

Each KPI is defined once, here, by one function with its docstring; the dashboard page,
`GET /api/v1/offices/{slug}/dashboard` and the annual report read the same functions
(through `office_kpis`, which keeps the whole block in Django's cache under the office's
`data_version`, so the page and the API share it and any write to the office's data makes
it anew). A figure counts the rows of a list page filtered the way its link says
(`links.py`), with the owning app's own filters (`date_range`, `commitment_state_filter`,
`fee_state_filter`, `GRANTED`, `adoptions_between`), so the figure and its list agree.

A year is a `core.dates.YearSpan`: the Jalali year in Persian, the Gregorian year in English.
Two kinds of figure:

- **within the year**: records dated in the year (activities, commitments due, missions
  started, fees falling due, adoptions, applications to calls closing, outcomes);
- **standing** (pacts by health label, memberships held, pitches in talks): the state today
  for the current year, and the state at the end of the previous year as far as the stored
  records tell it (the pacts' stored monthly trend, the members' `since`, the pitches'
  history).

Every function asks one or two aggregate queries, whatever the number of records.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Count, F, OuterRef, Q, Subquery, Sum
from django.db.models.fields.json import KT

from peyvand.accounts.models import Office
from peyvand.core.dates import JALALI, YearSpan, to_jalali
from peyvand.knowledge.selectors import adoptions_between
from peyvand.missions.models import Mission, MissionStatus
from peyvand.opportunities.models import Application, Pitch, PitchStatus
from peyvand.opportunities.selectors import GRANTED
from peyvand.organizations.models import Membership, MembershipStatus
from peyvand.organizations.selectors import FeeState, fee_state_filter
from peyvand.partnerships.health import label_for
from peyvand.partnerships.models import (
    Activity,
    Commitment,
    HealthLabel,
    Outcome,
    OutcomeKind,
    Partnership,
)
from peyvand.partnerships.selectors import CommitmentState, commitment_state_filter, date_range
from peyvand.records.models import Event

# How long a kept block lives at most (a new version or a new day makes another key).
CACHE_TIMEOUT = 24 * 3600
CACHE_PREFIX = "dashboard-kpis"


@dataclass(frozen=True)
class Pair:
    """A figure of the year and of the year before."""

    current: int | Decimal
    previous: int | Decimal

    @property
    def change(self) -> int | Decimal:
        return self.current - self.previous


@dataclass(frozen=True)
class Kpis:
    span: YearSpan
    previous_span: YearSpan
    today: dt.date
    # "pacts.active" -> Pair; every key of KEYS, 0 included
    figures: dict[str, Pair]
    # "mission_spend" / "funding_granted" -> currency code ("" when none) -> Pair
    amounts: dict[str, dict[str, Pair]]
    # activities per month of the year, in the year's calendar (12 counts)
    activity_months: list[int] = field(default_factory=list)


def _count(q: Q) -> Count:
    return Count("pk", filter=q)


def _pairs(row: dict[str, Any], keys: dict[str, str]) -> dict[str, Pair]:
    return {
        key: Pair(row[f"{alias}_c"] or 0, row[f"{alias}_p"] or 0) for key, alias in keys.items()
    }


# ---------------------------------------------------------------- partnerships


def pacts_by_label(office: Office, span: YearSpan, previous: YearSpan) -> dict[str, Pair]:
    """**Pacts by health label** (`pacts.active`, `pacts.weakening`, `pacts.dormant`):
    the office's pacts that are not archived, by their stored health label: today's label
    for the current year (the partnerships list `?label=`), and for the previous year the
    label of the score the pact had at the last month's end within that year (its stored
    trend, `Partnership.health_trend`), for a pact signed (or recorded) by then. One
    query; the trend is read from the stored column, never recomputed."""
    counts = {label: [0, 0] for label in HealthLabel.values}
    cutoff = previous.end.isoformat()
    rows = (
        Partnership.objects.for_office(office)
        .filter(archived=False)
        .values_list("health_label", "health_trend", "signed_on", "created_at")
        .order_by()
    )
    for label, trend, signed_on, created_at in rows:
        if label in counts:
            counts[label][0] += 1
        began = signed_on or created_at.date()
        if began > previous.end:
            continue
        scores = [score for day, score in (trend or []) if str(day) <= cutoff]
        if scores:
            counts[label_for(int(scores[-1]))][1] += 1
    return {f"pacts.{label}": Pair(c, p) for label, (c, p) in counts.items()}


def activities(office: Office, span: YearSpan, previous: YearSpan) -> dict[str, Pair]:
    """**Activities** (`activities`): the office's activities dated within the year (the
    activities list `?start=&end=`), whatever pacts they concern (an activity of two pacts
    counts once)."""
    row = Activity.objects.for_office(office).aggregate(
        a_c=_count(date_range("date", span.start, span.end)),
        a_p=_count(date_range("date", previous.start, previous.end)),
    )
    return _pairs(row, {"activities": "a"})


def commitments(
    office: Office, span: YearSpan, previous: YearSpan, today: dt.date
) -> dict[str, Pair]:
    """**Commitments due** (`commitments.due`): the commitments of the office's pacts whose
    due date falls within the year, whatever their status (the commitments list
    `?start=&end=`). **Overdue** (`commitments.overdue`): of those, the ones still open
    (planned or in progress) with their due date passed today (`?state=overdue`): for the
    previous year, the ones due then that are still not done."""
    overdue = commitment_state_filter(CommitmentState.OVERDUE, today)
    cur = date_range("due_on", span.start, span.end)
    prev = date_range("due_on", previous.start, previous.end)
    row = Commitment.objects.for_office(office).aggregate(
        d_c=_count(cur), d_p=_count(prev), o_c=_count(cur & overdue), o_p=_count(prev & overdue)
    )
    return _pairs(row, {"commitments.due": "d", "commitments.overdue": "o"})


def outcomes_by_kind(office: Office, span: YearSpan, previous: YearSpan) -> dict[str, Pair]:
    """**Outcomes by kind** (`outcomes.<kind>`, every kind of `OutcomeKind`): how many
    outcomes of each kind the office's activities dated within the year delivered (the
    outcomes list `?kind=&start=&end=`)."""
    rows = (
        Outcome.objects.for_office(office)
        .values("kind")
        .annotate(
            n_c=_count(date_range("activity__date", span.start, span.end)),
            n_p=_count(date_range("activity__date", previous.start, previous.end)),
        )
        .order_by()
    )
    found = {row["kind"]: Pair(row["n_c"], row["n_p"]) for row in rows}
    return {f"outcomes.{kind}": found.get(kind, Pair(0, 0)) for kind in OutcomeKind.values}


# ---------------------------------------------------------------- missions


def missions_by_status(office: Office, span: YearSpan, previous: YearSpan) -> dict[str, Pair]:
    """**Missions by status** (`missions.<status>`, every `MissionStatus`): the office's
    missions starting within the year, by their status today (the missions list
    `?status=&start=&end=`)."""
    rows = (
        Mission.objects.for_office(office)
        .values("status")
        .annotate(
            n_c=_count(date_range("start_date", span.start, span.end)),
            n_p=_count(date_range("start_date", previous.start, previous.end)),
        )
        .order_by()
    )
    found = {row["status"]: Pair(row["n_c"], row["n_p"]) for row in rows}
    return {f"missions.{s}": found.get(s, Pair(0, 0)) for s in MissionStatus.values}


def mission_spend(office: Office, span: YearSpan, previous: YearSpan) -> dict[str, Pair]:
    """**Missions' actual spend** (`mission_spend`, by currency): the sum of the actual
    spend recorded on the office's missions starting within the year (`budget_actual` in
    `budget_currency`; a mission without a recorded spend adds nothing), one total per
    currency, never converted."""
    return _amounts(
        Mission.objects.for_office(office).filter(budget_actual__isnull=False),
        "budget_currency",
        "budget_actual",
        "start_date",
        span,
        previous,
    )


# ---------------------------------------------------------------- organisations


def memberships(
    office: Office, span: YearSpan, previous: YearSpan, today: dt.date
) -> dict[str, Pair]:
    """**Memberships held** (`memberships.held`): the office's memberships with the
    status member (the memberships list `?status=member`); for the previous year, those of
    them that had joined by its end (`since`, or no date recorded; a membership left is
    not dated, so it is not counted back). **Fees due** (`fees.due`) and **overdue**
    (`fees.overdue`): the memberships whose fee falls due within the year and is, today,
    due (not paid, its date still to come) or overdue (not paid, its date passed), as the
    memberships list's fee filter says (`?fee=&start=&end=`)."""
    held = Q(status=MembershipStatus.MEMBER)
    joined = Q(since__isnull=True) | Q(since__lte=previous.end)
    cur = date_range("fee_due_on", span.start, span.end)
    prev = date_range("fee_due_on", previous.start, previous.end)
    due = fee_state_filter(FeeState.DUE, today)
    overdue = fee_state_filter(FeeState.OVERDUE, today)
    row = Membership.objects.for_office(office).aggregate(
        h_c=_count(held),
        h_p=_count(held & joined),
        d_c=_count(cur & due),
        d_p=_count(prev & due),
        o_c=_count(cur & overdue),
        o_p=_count(prev & overdue),
    )
    return _pairs(row, {"memberships.held": "h", "fees.due": "d", "fees.overdue": "o"})


# ---------------------------------------------------------------- knowledge


def practices_adopted(office: Office, span: YearSpan, previous: YearSpan) -> dict[str, Pair]:
    """**Practices adopted** (`practices.adopted`): the office's practices that entered
    the adopted stage within the year (their stays, `StageSpan`; a practice adopted and
    later rejected was still adopted that year; one adopted twice in a year counts once:
    the practices list `?start=&end=`)."""
    row = adoptions_between(office=office, start=None, end=None).aggregate(
        a_c=Count(
            "practice_id", distinct=True, filter=date_range("entered_on", span.start, span.end)
        ),
        a_p=Count(
            "practice_id",
            distinct=True,
            filter=date_range("entered_on", previous.start, previous.end),
        ),
    )
    return _pairs(row, {"practices.adopted": "a"})


# ---------------------------------------------------------------- opportunities


def pitches_in_talks(office: Office, span: YearSpan, previous: YearSpan) -> dict[str, Pair]:
    """**Pitches in talks** (`pitches.in_talks`): the office's pitches whose status is in
    talks today (the pitches list `?status=in_talks`); for the previous year, those whose
    status at its end was in talks, read from their history (the last status recorded on
    or before that day)."""
    last_status = (
        Event.objects.filter(
            target_type=ContentType.objects.get_for_model(Pitch),
            target_id=OuterRef("pk"),
            changes__has_key="status",
            created_at__date__lte=previous.end,
        )
        .order_by("-created_at", "-pk")
        .annotate(was=KT("changes__status__1"))
        .values("was")[:1]
    )
    row = (
        Pitch.objects.for_office(office)
        .annotate(was=Subquery(last_status))
        .aggregate(
            t_c=_count(Q(status=PitchStatus.IN_TALKS)),
            t_p=_count(Q(was=PitchStatus.IN_TALKS)),
        )
    )
    return _pairs(row, {"pitches.in_talks": "t"})


def applications(office: Office, span: YearSpan, previous: YearSpan) -> dict[str, Pair]:
    """**Applications** (`applications.all`): the office's applications to funding calls
    whose deadline falls within the year, whatever their status (the applications list
    `?start=&end=`). **Granted** (`applications.granted`): of those, the ones accepted or
    beyond (in implementation, completed: `GRANTED`, `?granted=1`)."""
    cur = date_range("call__deadline", span.start, span.end)
    prev = date_range("call__deadline", previous.start, previous.end)
    granted = Q(status__in=GRANTED)
    row = Application.objects.for_office(office).aggregate(
        a_c=_count(cur), a_p=_count(prev), g_c=_count(cur & granted), g_p=_count(prev & granted)
    )
    return _pairs(row, {"applications.all": "a", "applications.granted": "g"})


def funding_granted(office: Office, span: YearSpan, previous: YearSpan) -> dict[str, Pair]:
    """**Funding granted** (`funding_granted`, by currency): the sum of the amounts granted
    to the granted applications (as `applications.granted`), one total per currency."""
    return _amounts(
        Application.objects.for_office(office).filter(
            status__in=GRANTED, amount_granted__isnull=False
        ),
        "currency",
        "amount_granted",
        "call__deadline",
        span,
        previous,
    )


def _amounts(
    qs: Any, currency: str, amount: str, day: str, span: YearSpan, previous: YearSpan
) -> dict[str, Pair]:
    rows = (
        qs.values(code=F(currency))
        .annotate(
            s_c=Sum(amount, filter=date_range(day, span.start, span.end)),
            s_p=Sum(amount, filter=date_range(day, previous.start, previous.end)),
        )
        .order_by("code")
    )
    out = {}
    for row in rows:
        pair = Pair(row["s_c"] or Decimal(0), row["s_p"] or Decimal(0))
        if pair.current or pair.previous:
            out[row["code"]] = pair
    return out


# ---------------------------------------------------------------- charts


def activity_months(office: Office, span: YearSpan) -> list[int]:
    """Activities per month of the year, in its calendar (Jalali months for a Jalali year):
    counted by day in the database (at most 366 rows), then put in their months."""
    months = [0] * 12
    rows = (
        Activity.objects.for_office(office)
        .filter(date_range("date", span.start, span.end))
        .values("date")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in rows:
        day: dt.date = row["date"]
        month = to_jalali(day).month if span.calendar == JALALI else day.month
        months[month - 1] += row["n"]
    return months


# ---------------------------------------------------------------- the block


def compute_kpis(office: Office, span: YearSpan, today: dt.date) -> Kpis:
    """Every figure of the year `span` and of the year before (about 15 queries)."""
    previous = span.previous()
    figures: dict[str, Pair] = {
        **pacts_by_label(office, span, previous),
        **activities(office, span, previous),
        **commitments(office, span, previous, today),
        **missions_by_status(office, span, previous),
        **memberships(office, span, previous, today),
        **practices_adopted(office, span, previous),
        **pitches_in_talks(office, span, previous),
        **applications(office, span, previous),
        **outcomes_by_kind(office, span, previous),
    }
    amounts = {
        "mission_spend": mission_spend(office, span, previous),
        "funding_granted": funding_granted(office, span, previous),
    }
    return Kpis(span, previous, today, figures, amounts, activity_months(office, span))


def cache_key(office: Office, span: YearSpan, today: dt.date) -> str:
    """Under the office's data version (every write to its data raises it) and today's date
    (what is overdue changes at midnight)."""
    return (
        f"{CACHE_PREFIX}:{office.pk}:{office.data_version}:{span.calendar}:{span.year}:"
        f"{today.isoformat()}"
    )


def office_kpis(office: Office, span: YearSpan, today: dt.date) -> Kpis:
    """The office's figures, kept in Django's cache (shared by the page, the API and every
    process) until a write changes the office's data. `PAGE_CACHE=0` computes them anew,
    as it renders pages anew (the query-count tests measure the computation)."""
    if not settings.PAGE_CACHE:
        return compute_kpis(office, span, today)
    key = cache_key(office, span, today)
    kept = cache.get(key)
    if isinstance(kept, Kpis):
        return kept
    block = compute_kpis(office, span, today)
    cache.set(key, block, CACHE_TIMEOUT)
    return block


def grouped(values: dict[str, Pair], prefix: str) -> dict[str, Pair]:
    """The figures of one group ("missions." -> {"draft": Pair, ...}), in their order."""
    out: dict[str, Pair] = defaultdict(lambda: Pair(0, 0))
    for key, pair in values.items():
        if key.startswith(prefix):
            out[key[len(prefix) :]] = pair
    return dict(out)
