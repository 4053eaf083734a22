"""The city's project pitches and its funding applications: where they stand, and what was
granted."""

from __future__ import annotations

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _

from peyvand.opportunities.models import Application, ApplicationStatus, Pitch, PitchStatus

from ..document import Bar, Chart, Column, Kpi, Scope, Section, Table

SHOWN = 300
GRANTED = (
    ApplicationStatus.ACCEPTED,
    ApplicationStatus.IMPLEMENTATION,
    ApplicationStatus.COMPLETED,
)


def opportunities_section(scope: Scope) -> Section:
    start, end = scope.period.start, scope.period.end
    pitches = Pitch.objects.for_office(scope.office)
    pitch_counts = pitches.aggregate(
        **{s: Count("pk", filter=Q(status=s)) for s in PitchStatus.values}
    )
    shown_pitches = list(
        pitches.exclude(status=PitchStatus.DRAFT)
        .select_related("area")
        .order_by("status", "pk")[:SHOWN]
    )
    # The applications of the year: to a call whose deadline falls in it.
    applications = Application.objects.for_office(scope.office).filter(
        call__deadline__range=(start, end)
    )
    app_counts = applications.aggregate(
        **{s: Count("pk", filter=Q(status=s)) for s in ApplicationStatus.values}
    )
    granted = (
        applications.filter(status__in=GRANTED, amount_granted__isnull=False)
        .values("currency")
        .annotate(total=Sum("amount_granted"))
        .order_by("currency")
    )
    shown_applications = list(
        applications.select_related("call__funder", "pitch").order_by("call__deadline", "pk")[
            :SHOWN
        ]
    )
    return Section(
        key="opportunities",
        title=_("Project pitches and funding"),
        sheet=_("Pitches and funding"),
        kpis=[
            Kpi(_("Pitches in talks"), int(pitch_counts[PitchStatus.IN_TALKS] or 0)),
            Kpi(_("Pitches financed"), int(pitch_counts[PitchStatus.FINANCED] or 0)),
            Kpi(_("Applications of the year"), sum(int(v or 0) for v in app_counts.values())),
            Kpi(
                _("Applications accepted"),
                sum(int(app_counts[s] or 0) for s in GRANTED),
            ),
            *(Kpi(_("Funding granted"), row["total"], row["currency"]) for row in granted),
        ],
        charts=[
            Chart(
                _("Pitches by status"),
                [
                    Bar(str(PitchStatus(s).label), int(pitch_counts[s] or 0))
                    for s in PitchStatus.values
                ],
            )
        ],
        tables=[
            Table(
                _("Project pitches"),
                [
                    Column(_("Pitch"), width=34),
                    Column(_("Area"), width=18),
                    Column(_("Status"), width=12),
                    Column(_("Financing sought"), "decimal", width=14),
                    Column(_("Currency"), width=9),
                ],
                [
                    [
                        p.tr("title"),
                        p.area.name if p.area_id else "",
                        p.get_status_display(),
                        p.financing_sought,
                        p.currency,
                    ]
                    for p in shown_pitches
                ],
            ),
            Table(
                _("Applications to calls with a deadline in the year"),
                [
                    Column(_("Call"), width=30),
                    Column(_("Funder"), width=16),
                    Column(_("Deadline"), "date", width=12),
                    Column(_("Status"), width=14),
                    Column(_("Requested"), "decimal", width=13),
                    Column(_("Granted"), "decimal", width=13),
                    Column(_("Currency"), width=9),
                ],
                [
                    [
                        a.call.tr("title"),
                        a.call.funder.short_name if a.call.funder_id else "",
                        a.call.deadline,
                        a.get_status_display(),
                        a.amount_requested,
                        a.amount_granted,
                        a.currency,
                    ]
                    for a in shown_applications
                ],
            ),
        ],
    )
