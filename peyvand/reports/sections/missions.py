"""The year's missions: by status, their actual spend per currency, and each with its trip
report (summary, lessons, practices observed)."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Prefetch, Q, Sum
from django.utils.translation import gettext as _

from peyvand.missions.models import Direction, Mission, MissionStatus, PracticeObserved

from ..document import Column, Entry, Kpi, Scope, Section, Table
from ..periods import format_day, list_separator

# The most missions the section lists and tells (an office sends tens a year).
MISSIONS_SHOWN = 200


def _in_year(scope: Scope) -> Q:
    """A mission belongs to the year it starts in."""
    return Q(start_date__gte=scope.period.start, start_date__lte=scope.period.end)


def status_counts(scope: Scope) -> dict[str, int]:
    found = (
        Mission.objects.for_office(scope.office)
        .filter(_in_year(scope))
        .aggregate(
            total=Count("pk"),
            outgoing=Count("pk", filter=Q(direction=Direction.OUTGOING)),
            incoming=Count("pk", filter=Q(direction=Direction.INCOMING)),
            **{s: Count("pk", filter=Q(status=s)) for s in MissionStatus.values},
        )
    )
    return {key: int(value or 0) for key, value in found.items()}


def spend_by_currency(scope: Scope) -> list[tuple[str, Any]]:
    """The actual spend of the year's missions, summed per currency (never across them)."""
    rows = (
        Mission.objects.for_office(scope.office)
        .filter(_in_year(scope), budget_actual__isnull=False)
        .values("budget_currency")
        .annotate(total=Sum("budget_actual"))
        .order_by("budget_currency")
    )
    return [(row["budget_currency"] or "", row["total"]) for row in rows]


def missions_section(scope: Scope) -> Section:
    counts = status_counts(scope)
    spend = spend_by_currency(scope)
    missions = list(
        Mission.objects.for_office(scope.office)
        .filter(_in_year(scope))
        .select_related("report")
        .prefetch_related(
            "cities",
            Prefetch("report__practices", queryset=PracticeObserved.objects.order_by("pk")),
        )
        .order_by("start_date", "pk")[:MISSIONS_SHOWN]
    )
    rows: list[list[Any]] = []
    entries: list[Entry] = []
    for m in missions:
        report = getattr(m, "report", None) if hasattr(m, "report") else None
        cities = list_separator().join(c.name for c in m.cities.all())
        rows.append(
            [
                m.title,
                m.get_direction_display(),
                m.get_status_display(),
                m.start_date,
                m.end_date,
                cities,
                m.budget_planned,
                m.budget_actual,
                m.budget_currency,
                report.filed_on if report is not None else None,
            ]
        )
        if report is None:
            continue
        meta = [
            _("%(start)s to %(end)s")
            % {
                "start": format_day(m.start_date, scope.period.calendar, long=True),
                "end": format_day(m.end_date, scope.period.calendar, long=True),
            },
            m.get_direction_display(),
        ]
        if cities:
            meta.append(cities)
        paragraphs = [(_("Summary"), report.summary)]
        if report.lessons:
            paragraphs.append((_("Lessons learned"), report.lessons))
        practices = [
            f"{p.title}: {p.description}" if p.description else p.title
            for p in report.practices.all()
        ]
        entries.append(
            Entry(
                title=m.title,
                meta=meta,
                paragraphs=paragraphs,
                items_label=_("Practices observed") if practices else "",
                items=practices,
            )
        )
    kpis = [
        Kpi(_("Missions in the year"), counts["total"]),
        Kpi(_("Outgoing missions"), counts["outgoing"]),
        Kpi(_("Incoming delegations"), counts["incoming"]),
        *(Kpi(str(MissionStatus(s).label), counts[s]) for s in MissionStatus.values if counts[s]),
        *(Kpi(_("Actual spend"), total, currency) for currency, total in spend),
    ]
    note = ""
    if counts["total"] > len(missions):
        note = _("The first %(shown)s of %(total)s missions, by start date.") % {
            "shown": len(missions),
            "total": counts["total"],
        }
    table = Table(
        _("Missions of the year"),
        [
            Column(_("Mission"), width=30),
            Column(_("Direction"), width=12),
            Column(_("Status"), width=12),
            Column(_("Start"), "date", width=12),
            Column(_("End"), "date", width=12),
            Column(_("Cities"), width=20),
            Column(_("Planned budget"), "decimal", width=14),
            Column(_("Actual spend"), "decimal", width=14),
            Column(_("Currency"), width=9),
            Column(_("Report filed on"), "date", width=12),
        ],
        rows,
        note,
    )
    spend_table = Table(
        _("Actual spend per currency"),
        [Column(_("Currency"), width=10), Column(_("Actual spend"), "decimal", width=16)],
        [[currency or "—", total] for currency, total in spend],
    )
    return Section(
        key="missions",
        title=_("Missions and trip reports"),
        sheet=_("Missions"),
        intro=_(
            "The missions that started in the year, sent and received, with their status "
            "and spend; then what each trip report said: its summary, its lessons and the "
            "practices observed abroad."
        ),
        kpis=kpis,
        tables=[table, spend_table],
        entries=entries,
    )
