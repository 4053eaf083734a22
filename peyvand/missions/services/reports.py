"""The trip report: required to move a completed mission to reported.

It gives each objective its outcome, the lessons learned, the practices observed (kept for
the knowledge module) and the follow-ups: each becomes a commitment on a chosen pact of the
office, linked back to the mission. The people exchanged and the actual spend it gives
become outcomes of the mission's activities on its pacts. A report filed again corrects
the first: its texts are replaced, its practices too (one kept under the same title
stays, with what was made of it), a follow-up already made is not made twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peyvand.accounts.access import require_role
from peyvand.accounts.actors import Actor
from peyvand.accounts.models import Department, Role
from peyvand.core.validation import NotAllowedNow, create_valid, date_in_range, validate_fields
from peyvand.partnerships.models import Commitment, OutcomeKind, Partnership
from peyvand.partnerships.services import commitment_create, outcome_add, outcome_update
from peyvand.records.history import check_version, record_event

from ..models import (
    FollowUp,
    Mission,
    MissionActivity,
    MissionStatus,
    Objective,
    ObjectiveOutcome,
    PracticeObserved,
    TripReport,
)
from .missions import CURRENCY

PRACTICES_MAX = 20
FOLLOW_UPS_MAX = 20


@dataclass(frozen=True)
class FollowUpIn:
    partnership: Partnership | None
    title: str
    due_on: dt.date | None
    department: Department | None = None


@dataclass(frozen=True)
class ReportIn:
    summary: str
    # objective id -> (outcome, note)
    outcomes: Mapping[int, tuple[str, str]]
    lessons: str = ""
    people_exchanged: int | None = None
    budget_actual: Decimal | None = None
    practices: Sequence[tuple[str, str]] = ()
    follow_ups: Sequence[FollowUpIn] = field(default_factory=tuple)


def _check(mission: Mission, report: ReportIn) -> None:
    errors: dict[str, list[str]] = {}
    if not report.summary.strip():
        errors["summary"] = [_("Write a summary of the mission.")]
    objectives = list(mission.objectives.all())
    unknown = set(report.outcomes) - {o.pk for o in objectives}
    if unknown:
        errors["objectives"] = [_("Give outcomes only for this mission's objectives.")]
    for o in objectives:
        outcome, note = report.outcomes.get(o.pk, ("", ""))
        if outcome not in ObjectiveOutcome.values:
            errors[f"objective_{o.pk}"] = [
                _("Say whether this objective was met, partly met or not met.")
            ]
        elif len(note) > 2000:
            errors[f"objective_{o.pk}"] = [_("Keep the note within 2000 characters.")]
    if report.people_exchanged is not None and not 0 <= report.people_exchanged <= 100_000:
        errors["people_exchanged"] = [_("Give the number of people exchanged (0 to 100,000).")]
    if report.budget_actual is not None:
        if report.budget_actual < 0:
            errors["budget_actual"] = [_("The spend cannot be negative.")]
        elif not CURRENCY.match(mission.budget_currency or ""):
            errors["budget_actual"] = [_("Give the mission's budget currency first.")]
    if len(report.practices) > PRACTICES_MAX:
        errors["practices"] = [
            _("A report keeps at most %(max)s practices.") % {"max": PRACTICES_MAX}
        ]
    for n, (title, _description) in enumerate(report.practices):
        if not title.strip():
            errors[f"practices.{n}.title"] = [_("Give the practice a title.")]
        elif len(title) > 300:
            errors[f"practices.{n}.title"] = [_("Keep the title within 300 characters.")]
    if len(report.follow_ups) > FOLLOW_UPS_MAX:
        errors["follow_ups"] = [
            _("A report makes at most %(max)s follow-ups.") % {"max": FOLLOW_UPS_MAX}
        ]
    for n, f in enumerate(report.follow_ups):
        if f.partnership is None or f.partnership.office_id != mission.office_id:
            errors[f"follow_ups.{n}.partnership"] = [
                _("Choose the partnership of this office the follow-up belongs to.")
            ]
        if not f.title.strip():
            errors[f"follow_ups.{n}.title"] = [_("Give the follow-up a title.")]
        if f.due_on is None:
            errors[f"follow_ups.{n}.due_on"] = [_("Give the follow-up a due date.")]
        elif problem := date_in_range(f.due_on):
            errors[f"follow_ups.{n}.due_on"] = [problem]
        if f.department is not None and f.department.office_id != mission.office_id:
            errors[f"follow_ups.{n}.department"] = [_("Choose a department of this office.")]
    if errors:
        raise ValidationError(errors)


def _outcomes_of_activities(
    mission: Mission, actor: Actor, report: ReportIn, currency: str
) -> None:
    """People exchanged and the spend (shared equally) on each of the mission's activities."""
    links = list(MissionActivity.objects.filter(mission=mission).select_related("activity"))
    if not links:
        return
    share = None
    if report.budget_actual is not None:
        share = (report.budget_actual / len(links)).quantize(Decimal("0.01"))
    for link in links:
        activity = link.activity
        existing = {(o.kind, o.unit): o for o in activity.outcomes.all()}
        wanted: list[tuple[str, Decimal | None, str, str]] = []
        if report.people_exchanged is not None:
            wanted.append((OutcomeKind.PEOPLE, Decimal(report.people_exchanged), "", ""))
        if share is not None:
            note = _("The mission's spend, shared among its %(n)s partnerships.") % {
                "n": len(links)
            }
            wanted.append((OutcomeKind.OTHER, share, currency, note))
        for kind, value, unit, note in wanted:
            row = existing.get((kind, unit))
            if row is None:
                outcome_add(
                    activity=activity, actor=actor, kind=kind, value=value, unit=unit, note=note
                )
            elif row.value != value:
                outcome_update(
                    outcome=row,
                    actor=actor,
                    kind=kind,
                    value=value,
                    unit=unit,
                    note=row.note or note,
                )


def _keep_practices(filed: TripReport, practices: Sequence[tuple[str, str]]) -> None:
    """The report's practices as given; one already there under the same title is kept
    (its description corrected), so what another module made of it (a practice of the
    knowledge base) stays linked to it."""
    kept = {p.title: p for p in PracticeObserved.objects.filter(report=filed)}
    for title, description in practices:
        title, description = title.strip(), description.strip()
        row = kept.pop(title, None)
        if row is None:
            create_valid(
                PracticeObserved,
                office_id=filed.office_id,
                report=filed,
                title=title,
                description=description,
            )
        elif row.description != description:
            row.description = description
            validate_fields(row)
            row.save(update_fields=["description"])
    PracticeObserved.objects.filter(pk__in=[p.pk for p in kept.values()]).delete()


@transaction.atomic
def report_file(
    *,
    mission: Mission,
    actor: Actor,
    report: ReportIn,
    today: dt.date | None = None,
    expected_version: int | None = None,
) -> TripReport:
    """File (or correct) the trip report of a completed mission; it moves to reported.
    Refused with StaleVersion if the mission changed since `expected_version`."""
    require_role(actor, Role.OFFICER)
    current = Mission.objects.select_for_update().select_related("office").get(pk=mission.pk)
    check_version(current, expected_version)
    if current.status not in (MissionStatus.COMPLETED, MissionStatus.REPORTED):
        raise NotAllowedNow(
            _("A trip report is filed once the mission is completed; this one is %(status)s.")
            % {"status": current.get_status_display()}
        )
    _check(current, report)
    today = today or timezone.localdate()
    filed = TripReport.objects.filter(mission=current).first()
    values: dict[str, Any] = {
        "summary": report.summary.strip(),
        "lessons": report.lessons.strip(),
        "people_exchanged": report.people_exchanged,
    }
    if filed is None:
        filed = create_valid(
            TripReport,
            office_id=current.office_id,
            mission=current,
            filed_by=actor.user,
            filed_on=today,
            **values,
        )
    else:
        for name, value in values.items():
            setattr(filed, name, value)
        validate_fields(filed)
        filed.save()
    for o in Objective.objects.filter(mission=current):
        o.outcome, o.outcome_note = report.outcomes[o.pk]
        o.outcome_note = o.outcome_note.strip()
        validate_fields(o)
        o.save(update_fields=["outcome", "outcome_note"])
    _keep_practices(filed, report.practices)
    made = {
        (c.partnership_id, c.title)
        for c in Commitment.objects.filter(follow_up__report=filed).only("partnership", "title")
    }
    for f in report.follow_ups:
        assert f.partnership is not None and f.due_on is not None  # checked above
        if (f.partnership.pk, f.title.strip()) in made:
            continue
        commitment = commitment_create(
            partnership=f.partnership,
            actor=actor,
            title=f.title.strip(),
            due_on=f.due_on,
            department=f.department,
        )
        FollowUp.objects.create(office_id=current.office_id, report=filed, commitment=commitment)
    before = current.status
    if report.budget_actual is not None:
        current.budget_actual = report.budget_actual
    current.status = MissionStatus.REPORTED
    current.version += 1
    current.save(update_fields=["status", "budget_actual", "version", "updated_at"])
    record_event(
        target=current,
        actor=actor,
        action="reported" if before != MissionStatus.REPORTED else "report_corrected",
        changes={"status": [before, current.status]} if before != current.status else {},
    )
    _outcomes_of_activities(current, actor, report, current.budget_currency)
    return filed
