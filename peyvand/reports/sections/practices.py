"""Practices transferred home: those adopted in the year, and where the rest of the
pipeline stands."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from peyvand.knowledge.models import Practice, Stage, StageSpan

from ..document import Bar, Chart, Column, Kpi, Scope, Section, Table

PRACTICES_SHOWN = 300


def practices_section(scope: Scope) -> Section:
    start, end = scope.period.start, scope.period.end
    office_practices = Practice.objects.for_office(scope.office)
    by_stage = office_practices.aggregate(
        **{s: Count("pk", filter=Q(stage=s)) for s in Stage.values}
    )
    moved = (
        StageSpan.objects.filter(practice__office=scope.office, entered_on__range=(start, end))
        .values("practice")
        .distinct()
        .count()
    )
    adopted = list(
        office_practices.filter(adopted_on__range=(start, end))
        .select_related("source_city", "department")
        .order_by("adopted_on", "pk")[:PRACTICES_SHOWN]
    )
    return Section(
        key="practices",
        title=_("Practices transferred"),
        sheet=_("Practices"),
        intro=_(
            "Practices learned from partner cities and their transfer home: idea, studied, "
            "proposed, piloting, adopted."
        ),
        kpis=[
            Kpi(_("Practices adopted in the year"), len(adopted)),
            Kpi(_("Practices moved in the year"), moved),
            Kpi(_("Practices being piloted"), int(by_stage[Stage.PILOTING] or 0)),
        ],
        charts=[
            Chart(
                _("Practices by stage"),
                [Bar(str(Stage(s).label), int(by_stage[s] or 0)) for s in Stage.values],
            )
        ],
        tables=[
            Table(
                _("Practices adopted in the year"),
                [
                    Column(_("Practice"), width=34),
                    Column(_("From"), width=18),
                    Column(_("Department"), width=20),
                    Column(_("Adopted on"), "date", width=12),
                ],
                [
                    [
                        p.tr("title"),
                        p.source_city.name if p.source_city_id else "",
                        p.department.tr("name") if p.department_id else "",
                        p.adopted_on,
                    ]
                    for p in adopted
                ],
            )
        ],
    )
