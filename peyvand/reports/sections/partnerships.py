"""The partnerships: each pact with its stored health score, label and trend over the year,
and the office's pacts by health label."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, F, Q
from django.utils.translation import gettext as _

from peyvand.partnerships.models import (
    Activity,
    HealthLabel,
    Partnership,
    PartnershipStatus,
)

from ..document import Bar, Chart, Column, Kpi, Scope, Section, Table

# The most pacts the table lists (an office has tens; the count is said when cut).
PACTS_SHOWN = 500


def year_trend(trend: list[Any], start: dt.date, end: dt.date) -> tuple[int | None, int | None]:
    """The stored month-end scores (`Partnership.health_trend`) at the start and the end of
    the year: the last one before the year (else its first in the year), and its last."""
    before: int | None = None
    inside: list[int] = []
    for day, score in trend:
        when = dt.date.fromisoformat(day)
        if when < start:
            before = int(score)
        elif when <= end:
            inside.append(int(score))
    if not inside:
        return before, before
    return (before if before is not None else inside[0]), inside[-1]


def label_counts(scope: Scope) -> dict[str, int]:
    """The pacts in force by stored health label, and those on paper only (one query)."""
    in_force = Q(archived=False, status=PartnershipStatus.ACTIVE)
    found = (
        Partnership.objects.for_office(scope.office)
        .filter(in_force)
        .aggregate(
            total=Count("pk"),
            paper=Count("pk", filter=Q(paper_only=True)),
            **{label: Count("pk", filter=Q(health_label=label)) for label in HealthLabel.values},
        )
    )
    return {key: int(value or 0) for key, value in found.items()}


def partnerships_section(scope: Scope) -> Section:
    office, period = scope.office, scope.period
    counts = label_counts(scope)
    signed = (
        Partnership.objects.for_office(office)
        .filter(signed_on__gte=period.start, signed_on__lte=period.end)
        .count()
    )
    pacts = list(
        Partnership.objects.for_office(office)
        .filter(archived=False)
        .select_related("partner_city__country")
        .order_by(F("health_score").desc(nulls_last=True), "pk")[:PACTS_SHOWN]
    )
    total = Partnership.objects.for_office(office).filter(archived=False).count()
    through = Activity.partnerships.through
    activity_counts = {
        row["partnership_id"]: row["n"]
        for row in through.objects.filter(
            activity__office=office,
            activity__deleted_at__isnull=True,
            activity__date__gte=period.start,
            activity__date__lte=period.end,
        )
        .values("partnership_id")
        .annotate(n=Count("activity_id", distinct=True))
    }
    rows: list[list[Any]] = []
    for p in pacts:
        first, last = year_trend(p.health_trend or [], period.start, period.end)
        change = last - first if first is not None and last is not None else None
        rows.append(
            [
                p.partner_city.name,
                p.partner_city.country.name if p.partner_city.country_id else "",
                p.get_kind_display(),
                p.get_status_display(),
                p.signed_on,
                p.health_score if p.in_force else None,
                p.get_health_label_display() if p.in_force else "",
                first,
                last,
                change,
                activity_counts.get(p.pk, 0),
            ]
        )
    columns = [
        Column(_("Partner city"), width=22),
        Column(_("Country"), width=16),
        Column(_("Kind"), width=18),
        Column(_("Status"), width=14),
        Column(_("Signed on"), "date", width=12),
        Column(_("Health score"), "score", width=10),
        Column(_("Health"), width=14),
        Column(_("Score at the start"), "score", width=12),
        Column(_("Score at the end"), "score", width=12),
        Column(_("Change"), "change", width=9),
        Column(_("Activities in the year"), "int", width=11),
    ]
    note = ""
    if total > len(pacts):
        note = _("The %(shown)s partnerships with the highest scores of %(total)s.") % {
            "shown": len(pacts),
            "total": total,
        }
    kpis = [
        Kpi(_("Partnerships in force"), counts["total"]),
        *(Kpi(str(HealthLabel(label).label), counts[label]) for label in HealthLabel.values),
        Kpi(_("On paper only"), counts["paper"]),
        Kpi(_("Signed in the year"), signed),
    ]
    chart = Chart(
        _("Partnerships in force by health"),
        [Bar(str(HealthLabel(label).label), counts[label], label) for label in HealthLabel.values]
        + [Bar(_("Not scored yet"), _unscored(counts), "none")],
    )
    return Section(
        key="partnerships",
        title=_("Partnerships"),
        sheet=_("Partnerships"),
        intro=_(
            "Every partnership of the office that is not archived, with its health score "
            "and label as last computed, and its score at the start and the end of the year "
            "from the stored monthly trend. The health describes partnerships in force only."
        ),
        kpis=kpis,
        charts=[chart],
        tables=[Table(_("Partnerships and their health"), columns, rows, note)],
    )


def _unscored(counts: dict[str, int]) -> int:
    return max(0, counts["total"] - sum(counts[label] for label in HealthLabel.values))
