"""How the dashboard shows the KPIs of `kpis.py`: each figure's name and the link to the
filtered list it counts (the current year's rows), grouped in cards."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from peyvand.core.dates import YearSpan
from peyvand.missions.models import MissionStatus
from peyvand.partnerships.models import HealthLabel, OutcomeKind

from .kpis import Kpis, Pair


@dataclass(frozen=True)
class Row:
    key: str
    label: str | Promise
    pair: Pair
    url: str

    @property
    def rising(self) -> bool:
        return self.pair.change > 0

    @property
    def falling(self) -> bool:
        return self.pair.change < 0

    @property
    def change_abs(self) -> int | Decimal:
        change = self.pair.change
        return -change if change < 0 else change


@dataclass(frozen=True)
class AmountRow:
    currency: str
    pair: Pair


@dataclass(frozen=True)
class Card:
    key: str
    title: str | Promise
    rows: list[Row]
    amounts: list[AmountRow]
    amounts_title: str | Promise = ""

    @property
    def shown(self) -> list[Row]:
        """A short card shows every figure; a long one (a figure per status or kind) only
        those that are not 0 in both years."""
        if len(self.rows) <= 3:
            return self.rows
        return [r for r in self.rows if r.pair.current or r.pair.previous]


def _link(name: str, slug: str, **query: str) -> str:
    path = reverse(name, kwargs={"office_slug": slug})
    return f"{path}?{urlencode(query)}" if query else path


def cards(kpis: Kpis, slug: str) -> list[Card]:
    """The cards of the dashboard, in the order a director reads them."""
    span: YearSpan = kpis.span
    within = {"start": span.start.isoformat(), "end": span.end.isoformat()}
    f = kpis.figures

    def row(key: str, label: str | Promise, url: str) -> Row:
        return Row(key, label, f[key], url)

    def amounts(key: str) -> list[AmountRow]:
        return [AmountRow(code, pair) for code, pair in sorted(kpis.amounts[key].items())]

    pacts = "partnerships:list"
    return [
        Card(
            "pacts",
            _("Partnerships by health"),
            [
                row(f"pacts.{v}", label, _link(pacts, slug, label=v))
                for v, label in HealthLabel.choices
            ],
            [],
        ),
        Card(
            "activities",
            _("Activities"),
            [
                row(
                    "activities",
                    _("Activities this year"),
                    _link("partnerships:activity_list", slug, **within),
                )
            ],
            [],
        ),
        Card(
            "commitments",
            _("Commitments"),
            [
                row(
                    "commitments.due",
                    _("Due this year"),
                    _link("partnerships:commitment_list", slug, **within),
                ),
                row(
                    "commitments.overdue",
                    _("Overdue"),
                    _link("partnerships:commitment_list", slug, state="overdue", **within),
                ),
            ],
            [],
        ),
        Card(
            "missions",
            _("Missions by status"),
            [
                row(f"missions.{v}", label, _link("missions:list", slug, status=v, **within))
                for v, label in MissionStatus.choices
            ],
            amounts("mission_spend"),
            _("Actual spend"),
        ),
        Card(
            "memberships",
            _("Memberships and fees"),
            [
                row(
                    "memberships.held",
                    _("Memberships held"),
                    _link("organizations:memberships", slug, status="member"),
                ),
                row(
                    "fees.due",
                    _("Fees due"),
                    _link("organizations:memberships", slug, fee="due", **within),
                ),
                row(
                    "fees.overdue",
                    _("Fees overdue"),
                    _link("organizations:memberships", slug, fee="overdue", **within),
                ),
            ],
            [],
        ),
        Card(
            "practices",
            _("Practices"),
            [
                row(
                    "practices.adopted",
                    _("Practices adopted"),
                    _link("knowledge:list", slug, **within),
                ),
                row(
                    "pitches.in_talks",
                    _("Pitches in talks"),
                    _link("opportunities:pitch_list", slug, status="in_talks"),
                ),
            ],
            [],
        ),
        Card(
            "funding",
            _("Funding"),
            [
                row(
                    "applications.all",
                    _("Applications"),
                    _link("opportunities:application_list", slug, **within),
                ),
                row(
                    "applications.granted",
                    _("Applications granted"),
                    _link("opportunities:application_list", slug, granted="1", **within),
                ),
            ],
            amounts("funding_granted"),
            _("Funding granted"),
        ),
        Card(
            "outcomes",
            _("Outcomes by kind"),
            [
                row(
                    f"outcomes.{v}",
                    label,
                    _link("partnerships:outcome_list", slug, kind=v, **within),
                )
                for v, label in OutcomeKind.choices
            ],
            [],
        ),
    ]
