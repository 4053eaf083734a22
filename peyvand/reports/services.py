"""Writes of the annual report: a member asks for one (it is built in the background), and
the builder records how far it has come and how it ended."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from peyvand.accounts.access import require_role
from peyvand.accounts.actors import Actor
from peyvand.accounts.models import Office, Role
from peyvand.core.validation import NotAllowedNow, create_valid

from . import tasks
from .models import YEARS, AnnualReport, ReportCalendar, ReportLanguage, ReportStatus

# Reports of one office being built at once: a request beyond waits for one to finish.
UNFINISHED_MAX = 3


def _check_request(year: object, calendar: object, language: object) -> None:
    errors: dict[str, list[str]] = {}
    if calendar not in ReportCalendar.values:
        errors["calendar"] = [_("Choose the Solar Hijri or the Gregorian calendar.")]
    if language not in ReportLanguage.values:
        errors["language"] = [_("Choose Persian or English.")]
    if not isinstance(year, int) or isinstance(year, bool):
        errors["year"] = [_("Give the year of the report.")]
    elif calendar in YEARS:
        low, high = YEARS[str(calendar)]
        if not low <= year <= high:
            errors["year"] = [
                _("Choose a year from %(low)s to %(high)s in this calendar.")
                % {"low": low, "high": high}
            ]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def report_request(
    *, office: Office, actor: Actor, year: int, calendar: str, language: str
) -> AnnualReport:
    """Ask for the annual report of `year` in `calendar`, written in `language`: the row is
    made now, queued, and built in the background once this transaction commits."""
    require_role(actor, Role.OFFICER)
    _check_request(year, calendar, language)
    unfinished = (
        AnnualReport.objects.for_office(office)
        .select_for_update()
        .filter(status__in=[ReportStatus.QUEUED, ReportStatus.RUNNING])
    )
    if len(unfinished) >= UNFINISHED_MAX:
        raise NotAllowedNow(
            _("%(n)s reports are being built already; ask for this one when one of them is ready.")
            % {"n": UNFINISHED_MAX}
        )
    report = create_valid(
        AnnualReport,
        office=office,
        year=year,
        calendar=calendar,
        language=language,
        requested_by=actor.user,
    )
    tasks.queue_report(report.pk)
    return report
