"""What the pacts did in the year: activities by month and per pact (counts of all, the
latest few of each told), outcomes by kind, and the commitments that fell due."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.db.models import Count, F, Max, Q, Sum, Window
from django.db.models.functions import RowNumber
from django.utils.translation import gettext as _

from peyvand.partnerships.models import (
    Activity,
    Commitment,
    CommitmentStatus,
    Outcome,
    OutcomeKind,
    Partnership,
)

from ..document import Bar, Chart, Column, Kpi, Scope, Section, Table
from ..periods import month_name

# Of each pact's activities in the year, the latest this many are told (all are counted).
LATEST_PER_PACT = 5
# The most commitments due in the year the table lists (all are counted).
COMMITMENTS_SHOWN = 300


def _in_year(scope: Scope, field: str) -> Q:
    return Q(**{f"{field}__gte": scope.period.start, f"{field}__lte": scope.period.end})


def month_counts(scope: Scope) -> list[int]:
    """The year's activities in each of its twelve months (one aggregate query)."""
    found = (
        Activity.objects.for_office(scope.office)
        .filter(_in_year(scope, "date"))
        .aggregate(
            **{
                f"m{m.number}": Count("pk", filter=Q(date__gte=m.start, date__lte=m.end))
                for m in scope.period.months
            }
        )
    )
    return [int(found[f"m{m.number}"] or 0) for m in scope.period.months]


def outcome_kinds(scope: Scope) -> list[dict[str, Any]]:
    """The outcomes of the year's activities by kind and unit: how many, and their sum."""
    return list(
        Outcome.objects.for_office(scope.office)
        .filter(_in_year(scope, "activity__date"))
        .values("kind", "unit")
        .annotate(n=Count("pk"), total=Sum("value"))
        .order_by("kind", "unit")
    )


def commitment_counts(scope: Scope) -> dict[str, int]:
    """Commitments falling due in the year: all, done (by the report's day), overdue (due
    before the report's day and neither done nor dropped)."""
    open_states = [CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS]
    found = (
        Commitment.objects.for_office(scope.office)
        .filter(_in_year(scope, "due_on"))
        .aggregate(
            due=Count("pk"),
            done=Count("pk", filter=Q(status=CommitmentStatus.DONE)),
            overdue=Count("pk", filter=Q(status__in=open_states, due_on__lt=scope.today)),
        )
    )
    return {key: int(value or 0) for key, value in found.items()}


def _pact_names(ids: set[int], scope: Scope) -> dict[int, str]:
    pacts = Partnership.objects.for_office(scope.office).filter(pk__in=ids)
    return {p.pk: p.partner_city.name for p in pacts.select_related("partner_city")}


def _per_pact(scope: Scope) -> tuple[list[list[Any]], dict[int, str]]:
    through = Activity.partnerships.through
    links = through.objects.filter(
        activity__office=scope.office,
        activity__deleted_at__isnull=True,
        activity__date__gte=scope.period.start,
        activity__date__lte=scope.period.end,
    )
    counts = list(
        links.values("partnership_id").annotate(
            n=Count("activity_id", distinct=True), latest=Max("activity__date")
        )
    )
    outcomes = dict(
        Outcome.objects.for_office(scope.office)
        .filter(_in_year(scope, "activity__date"))
        .values_list("activity__partnerships")
        .annotate(n=Count("pk", distinct=True))
        .values_list("activity__partnerships", "n")
    )
    names = _pact_names({row["partnership_id"] for row in counts}, scope)
    rows = [
        [
            names.get(row["partnership_id"], ""),
            row["n"],
            outcomes.get(row["partnership_id"], 0),
            row["latest"],
        ]
        for row in sorted(counts, key=lambda r: (-r["n"], names.get(r["partnership_id"], "")))
    ]
    return rows, names


def _latest(scope: Scope, names: dict[int, str]) -> list[list[Any]]:
    """The latest LATEST_PER_PACT activities of each pact in the year: one query ranks
    them within each pact, one more reads their outcomes."""
    through = Activity.partnerships.through
    ranked = (
        through.objects.filter(
            activity__office=scope.office,
            activity__deleted_at__isnull=True,
            activity__date__gte=scope.period.start,
            activity__date__lte=scope.period.end,
        )
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("partnership_id")],
                order_by=[F("activity__date").desc(), F("activity_id").desc()],
            )
        )
        .filter(**{"rank__lte": LATEST_PER_PACT})
        .select_related("activity")
    )
    links = list(ranked)
    said: dict[int, list[str]] = defaultdict(list)
    for o in Outcome.objects.filter(activity_id__in={link.activity_id for link in links}):
        value = f" {_number(o.value)}" if o.value is not None else ""
        said[o.activity_id].append(f"{o.get_kind_display()}{value} {o.unit}".strip())
    links.sort(
        key=lambda link: (names.get(link.partnership_id, ""), -link.activity.date.toordinal())
    )
    return [
        [
            names.get(link.partnership_id, ""),
            link.activity.date,
            link.activity.get_kind_display(),
            link.activity.title,
            link.activity.participants,
            "; ".join(said.get(link.activity_id, [])),
        ]
        for link in links
    ]


def _number(value: Decimal) -> str:
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text


def _commitments(scope: Scope) -> list[list[Any]]:
    rows = (
        Commitment.objects.for_office(scope.office)
        .filter(_in_year(scope, "due_on"))
        .select_related("partnership__partner_city")
        .order_by("due_on", "pk")[:COMMITMENTS_SHOWN]
    )
    return [
        [c.partnership.partner_city.name, c.title, c.due_on, c.get_status_display(), c.done_on]
        for c in rows
    ]


def activities_section(scope: Scope) -> Section:
    months = month_counts(scope)
    kinds = outcome_kinds(scope)
    commitments = commitment_counts(scope)
    per_pact, names = _per_pact(scope)
    by_kind: dict[str, int] = defaultdict(int)
    for row in kinds:
        by_kind[row["kind"]] += row["n"]
    kpis = [
        Kpi(_("Activities in the year"), sum(months)),
        Kpi(_("Outcomes of the year's activities"), sum(by_kind.values())),
        *(Kpi(str(OutcomeKind(kind).label), n) for kind, n in sorted(by_kind.items())),
        Kpi(_("Commitments due in the year"), commitments["due"]),
        Kpi(_("Commitments done"), commitments["done"]),
        Kpi(_("Commitments overdue"), commitments["overdue"]),
    ]
    chart = Chart(
        _("Activities per month"),
        [
            Bar(month_name(scope.period.calendar, m.number), n)
            for m, n in zip(scope.period.months, months, strict=True)
        ],
        shape="columns",
    )
    commitment_rows = _commitments(scope)
    tables = [
        Table(
            _("Activities and outcomes per partnership"),
            [
                Column(_("Partnership"), width=24),
                Column(_("Activities"), "int", width=11),
                Column(_("Outcomes"), "int", width=11),
                Column(_("Latest activity"), "date", width=13),
            ],
            per_pact,
        ),
        Table(
            _("Latest activities of each partnership"),
            [
                Column(_("Partnership"), width=20),
                Column(_("Date"), "date", width=12),
                Column(_("Kind"), width=18),
                Column(_("Activity"), width=40),
                Column(_("Participants"), "int", width=11),
                Column(_("Outcomes"), width=30),
            ],
            _latest(scope, names),
            _(
                "The latest %(n)s activities of each partnership in the year; the counts "
                "above cover all of them."
            )
            % {"n": LATEST_PER_PACT},
        ),
        Table(
            _("Outcomes by kind"),
            [
                Column(_("Kind"), width=22),
                Column(_("Unit"), width=16),
                Column(_("Outcomes"), "int", width=11),
                Column(_("Total value"), "decimal", width=14),
            ],
            [[str(OutcomeKind(r["kind"]).label), r["unit"], r["n"], r["total"]] for r in kinds],
        ),
        Table(
            _("Commitments due in the year"),
            [
                Column(_("Partnership"), width=20),
                Column(_("Commitment"), width=40),
                Column(_("Due"), "date", width=12),
                Column(_("Status"), width=14),
                Column(_("Done on"), "date", width=12),
            ],
            commitment_rows,
            _("The first %(shown)s of %(total)s, by due date.")
            % {"shown": len(commitment_rows), "total": commitments["due"]}
            if commitments["due"] > len(commitment_rows)
            else "",
        ),
    ]
    return Section(
        key="activities",
        title=_("Activities, outcomes and commitments"),
        sheet=_("Activities"),
        intro=_(
            "What the partnerships did in the year: every activity is counted, per month "
            "and per partnership; the latest of each partnership are listed with their "
            "outcomes. Commitments are those whose due date falls in the year."
        ),
        kpis=kpis,
        charts=[chart],
        tables=tables,
    )
