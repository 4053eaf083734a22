"""What an annual report says, read from the office's records (a selector: it reads, in a
bounded number of queries, aggregated in the database, and never writes).

The report is a list of sections, each built by one function of a `Scope` (the office, the
year's span, the report's day) in `SECTIONS`. A section brings its key figures and charts,
which the summary gathers at the front, and its tables and told records; the PDF and the
spreadsheet render every section the same way. A module adds its part of the report with
one function appended here (practices transferred, pitches and funding).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.utils.translation import gettext as _

from peyvand.accounts.models import Office

from .document import Cell, Column, Kpi, ReportContent, Scope, Section, Table
from .periods import Period, format_day, period_of, period_text
from .sections.activities import activities_section
from .sections.memberships import memberships_section
from .sections.missions import missions_section
from .sections.opportunities import opportunities_section
from .sections.partnerships import partnerships_section
from .sections.practices import practices_section

SectionBuilder = Callable[[Scope], Section]

# In the order the report reads. Each builder: (scope) -> Section.
SECTIONS: list[SectionBuilder] = [
    partnerships_section,
    activities_section,
    missions_section,
    memberships_section,
    practices_section,
    opportunities_section,
]


def report_title(year: int) -> str:
    return _("Annual report %(year)s") % {"year": year}


def summary_section(sections: list[Section], scope: Scope) -> Section:
    """The key figures of every section, by section, and their charts (with the charts'
    figures as tables, for the spreadsheet)."""
    rows: list[list[Cell]] = []
    for section in sections:
        for kpi in section.kpis:
            rows.append([section.title, kpi.label, kpi.value, kpi.unit])
    charts = [c for s in sections for c in s.charts]
    chart_tables = [
        Table(
            chart.title,
            [Column(_("Label"), width=30), Column(_("Value"), "int", width=12)],
            [[bar.label, bar.value] for bar in chart.bars],
        )
        for chart in charts
    ]
    return Section(
        key="summary",
        title=_("Summary"),
        sheet=_("Summary"),
        intro=_year_intro(scope),
        kpis=[k for s in sections for k in s.kpis],
        charts=charts,
        tables=[
            Table(
                _("Key figures"),
                [
                    Column(_("Section"), width=30),
                    Column(_("Figure"), width=36),
                    Column(_("Value"), "decimal", width=14),
                    Column(_("Currency"), width=10),
                ],
                rows,
            ),
            *chart_tables,
        ],
    )


def _year_intro(scope: Scope) -> str:
    intro = _("The year at a glance: the key figures of every section of this report.")
    if scope.today < scope.period.end:
        intro += " " + _(
            "The year is not over: the report counts what was recorded up to %(day)s."
        ) % {"day": format_day(scope.today, scope.period.calendar, long=True)}
    return intro


def build_content(
    *,
    office: Office,
    year: int,
    calendar: str,
    today: dt.date,
    builders: list[SectionBuilder] | None = None,
    progress: Callable[[int], None] | None = None,
) -> ReportContent:
    """The report of `year` in `calendar`, in the active language (the caller sets it)."""
    period: Period = period_of(year, calendar)
    scope = Scope(office=office, period=period, today=today)
    chosen = SECTIONS if builders is None else builders
    sections: list[Section] = []
    for index, build in enumerate(chosen):
        sections.append(build(scope))
        if progress is not None:
            progress(index + 1)
    return ReportContent(
        office_name=office.name,
        title=report_title(year),
        period=period,
        period_text=period_text(period),
        generated_on=today,
        sections=[summary_section(sections, scope), *sections],
    )


__all__ = ["SECTIONS", "Kpi", "ReportContent", "Section", "SectionBuilder", "build_content"]
