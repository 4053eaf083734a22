"""The office's memberships of international bodies: status and fee, the seats and roles
held in the year, the obligations that fell due."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _

from peyvand.organizations.models import Membership, MembershipStatus, Obligation, RoleHeld
from peyvand.organizations.selectors.fees import FeeState, fee_state

from ..document import Column, Kpi, Scope, Section, Table

# An office belongs to tens of bodies; these bounds only guard the document.
MEMBERSHIPS_SHOWN = 300
OBLIGATIONS_SHOWN = 300


def _seats_in_year(scope: Scope, via: str = "") -> Q:
    """A seat held at some time in the year: its term overlaps it (an open end is held);
    `via` names the relation from a membership (`roles__`)."""
    start, end = scope.period.start, scope.period.end
    return (Q(**{f"{via}term_start__isnull": True}) | Q(**{f"{via}term_start__lte": end})) & (
        Q(**{f"{via}term_end__isnull": True}) | Q(**{f"{via}term_end__gte": start})
    )


def _obligations_in_year(scope: Scope, via: str = "") -> Q:
    return Q(**{f"{via}due_on__gte": scope.period.start, f"{via}due_on__lte": scope.period.end})


def membership_counts(scope: Scope) -> dict[str, int]:
    found = Membership.objects.for_office(scope.office).aggregate(
        total=Count("pk"),
        **{s: Count("pk", filter=Q(status=s)) for s in MembershipStatus.values},
        fees_due=Count(
            "pk", filter=Q(fee_due_on__gte=scope.period.start, fee_due_on__lte=scope.period.end)
        ),
        fees_paid=Count(
            "pk",
            filter=Q(
                fee_due_on__gte=scope.period.start,
                fee_due_on__lte=scope.period.end,
                fee_paid_on__isnull=False,
            ),
        ),
    )
    return {key: int(value or 0) for key, value in found.items()}


def fees_by_currency(scope: Scope) -> list[tuple[str, Any]]:
    """The annual fees falling due in the year, summed per currency."""
    rows = (
        Membership.objects.for_office(scope.office)
        .filter(
            fee_due_on__gte=scope.period.start,
            fee_due_on__lte=scope.period.end,
            annual_fee__isnull=False,
        )
        .values("fee_currency")
        .annotate(total=Sum("annual_fee"))
        .order_by("fee_currency")
    )
    return [(row["fee_currency"] or "", row["total"]) for row in rows]


def memberships_section(scope: Scope) -> Section:
    counts = membership_counts(scope)
    fees = fees_by_currency(scope)
    memberships = list(
        Membership.objects.for_office(scope.office)
        .select_related("organization")
        .annotate(
            seats=Count("roles", filter=_seats_in_year(scope, "roles__"), distinct=True),
            obligations_due=Count(
                "obligations", filter=_obligations_in_year(scope, "obligations__"), distinct=True
            ),
            obligations_done=Count(
                "obligations",
                filter=_obligations_in_year(scope, "obligations__")
                & Q(obligations__done_on__isnull=False),
                distinct=True,
            ),
        )
        .order_by("organization__name_en", "pk")[:MEMBERSHIPS_SHOWN]
    )
    seats = list(
        RoleHeld.objects.for_office(scope.office)
        .filter(_seats_in_year(scope))
        .select_related("membership__organization")
        .order_by("membership__organization__name_en", "term_start", "pk")
    )
    obligations = list(
        Obligation.objects.for_office(scope.office)
        .filter(_obligations_in_year(scope))
        .select_related("membership__organization")
        .order_by("due_on", "pk")[:OBLIGATIONS_SHOWN]
    )
    member_rows = [
        [
            m.organization.short_name,
            m.get_status_display(),
            m.since,
            m.annual_fee,
            m.fee_currency,
            m.fee_due_on,
            m.fee_paid_on,
            str(FeeState(fee_state(m, scope.today)).label),
            m.seats,
            m.obligations_due,
            m.obligations_done,
        ]
        for m in memberships
    ]
    kpis = [
        Kpi(_("Memberships"), counts[MembershipStatus.MEMBER]),
        Kpi(_("Seats and roles held"), len(seats)),
        Kpi(_("Fees due in the year"), counts["fees_due"]),
        Kpi(_("Fees paid"), counts["fees_paid"]),
        *(Kpi(_("Fees of the year"), total, currency) for currency, total in fees),
        Kpi(
            _("Obligations due in the year"),
            Obligation.objects.for_office(scope.office).filter(_obligations_in_year(scope)).count(),
        ),
    ]
    tables = [
        Table(
            _("Memberships"),
            [
                Column(_("Organisation"), width=24),
                Column(_("Status"), width=12),
                Column(_("Member since"), "date", width=12),
                Column(_("Annual fee"), "decimal", width=13),
                Column(_("Currency"), width=9),
                Column(_("Fee due on"), "date", width=12),
                Column(_("Fee paid on"), "date", width=12),
                Column(_("Fee"), width=10),
                Column(_("Seats held"), "int", width=9),
                Column(_("Obligations due"), "int", width=11),
                Column(_("Obligations done"), "int", width=11),
            ],
            member_rows,
        ),
        Table(
            _("Seats and roles held in the year"),
            [
                Column(_("Organisation"), width=24),
                Column(_("Seat or role"), width=22),
                Column(_("Title"), width=28),
                Column(_("Term starts"), "date", width=12),
                Column(_("Term ends"), "date", width=12),
            ],
            [
                [
                    r.membership.organization.short_name,
                    r.get_kind_display(),
                    r.title,
                    r.term_start,
                    r.term_end,
                ]
                for r in seats
            ],
        ),
        Table(
            _("Obligations due in the year"),
            [
                Column(_("Organisation"), width=24),
                Column(_("Kind"), width=14),
                Column(_("Obligation"), width=36),
                Column(_("Due"), "date", width=12),
                Column(_("Done on"), "date", width=12),
            ],
            [
                [
                    o.membership.organization.short_name,
                    o.get_kind_display(),
                    o.title,
                    o.due_on,
                    o.done_on,
                ]
                for o in obligations
            ],
        ),
    ]
    return Section(
        key="memberships",
        title=_("Memberships and seats"),
        sheet=_("Memberships"),
        intro=_(
            "The office's memberships of international organisations with their fees, the "
            "seats and roles the city held at some time in the year, and the obligations "
            "that fell due in it."
        ),
        kpis=kpis,
        tables=tables,
    )
