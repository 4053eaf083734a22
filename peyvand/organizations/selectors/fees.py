"""The fee's payment state, derived from its dates (never typed): the one place it is
decided, for one membership (`fee_state`) and for a list filtered in the database
(`fee_state_filter`, the same rules as a query)."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..models import Membership


class FeeState(models.TextChoices):
    NONE = "none", _("No fee")
    DUE = "due", _("Due")
    PAID = "paid", _("Paid")
    OVERDUE = "overdue", _("Overdue")


def fee_state(membership: Membership, today: dt.date) -> str:
    """Paid once a payment date is recorded; overdue when unpaid after its due date (the
    due date itself is still due); due when a fee or a due date is recorded; else none."""
    if membership.fee_paid_on is not None:
        return FeeState.PAID
    if membership.fee_due_on is not None and membership.fee_due_on < today:
        return FeeState.OVERDUE
    if membership.fee_due_on is not None or membership.annual_fee is not None:
        return FeeState.DUE
    return FeeState.NONE


def fee_state_filter(state: str, today: dt.date) -> Q:
    """The memberships whose `fee_state` on `today` is `state`, as a query."""
    unpaid = Q(fee_paid_on__isnull=True)
    if state == FeeState.PAID:
        return Q(fee_paid_on__isnull=False)
    if state == FeeState.OVERDUE:
        return unpaid & Q(fee_due_on__lt=today)
    if state == FeeState.DUE:
        return unpaid & (
            Q(fee_due_on__gte=today) | Q(fee_due_on__isnull=True, annual_fee__isnull=False)
        )
    return unpaid & Q(fee_due_on__isnull=True, annual_fee__isnull=True)
