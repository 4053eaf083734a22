"""Correcting what was recorded (services): activities, outcomes, agreements, commitments.

Each correction follows the registry's rules, is refused to the wrong role or office,
is recorded in the history of every pact it concerns and refreshes their scores.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.tests.factories import make_department, make_member
from peyvand.partnerships import services
from peyvand.partnerships.models import (
    Activity,
    AgreementFile,
    Outcome,
    Partnership,
)
from peyvand.partnerships.presenters import history_rows
from peyvand.records.history import history_of
from peyvand.records.models import Event

from .factories import area, log, make_partnership
from .test_services import PDF

TODAY = timezone.localdate()
SIGNED = TODAY - dt.timedelta(days=3 * 365)


def events(p: Partnership, action: str) -> list[Event]:
    return list(history_of(p).filter(action=action))


def fresh(p: Partnership) -> Partnership:
    return Partnership.objects.get(pk=p.pk)


def edit_kwargs(activity: Activity, **kw: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "partnerships": list(activity.partnerships.all()),
        "date": activity.date,
        "kind": activity.kind,
        "title": activity.title,
        "initiated_by": activity.initiated_by,
        "description": activity.description,
        "areas": list(activity.areas.all()),
        "participants": activity.participants,
        "is_public": activity.is_public,
    }
    data.update(kw)
    return data


# ---------------------------------------------------------------- activities


def test_editing_an_activity_relinks_it_records_history_and_refreshes_both_scores(
    office: Any,
) -> None:
    kyiv = make_partnership(office, signed_on=SIGNED)
    havana = make_partnership(office, signed_on=SIGNED)
    activity = log(office, kyiv, TODAY - dt.timedelta(days=10), initiated_by="partner")
    kyiv_before, havana_before = fresh(kyiv).health_score, fresh(havana).health_score
    officer = make_member(office, "officer")

    services.activity_update(
        activity=activity,
        actor=officer,
        **edit_kwargs(
            activity,
            partnerships=[havana],
            title="Joint bus workshop",
            kind="joint_project",
            areas=[area("transport")],
            participants=12,
        ),
    )

    activity.refresh_from_db()
    assert activity.title == "Joint bus workshop"
    assert activity.kind == "joint_project"
    assert activity.participants == 12
    assert [p.pk for p in activity.partnerships.all()] == [havana.pk]
    assert [a.code for a in activity.areas.all()] == ["transport"]
    # Kyiv lost its only activity, Havana gained one: both scores moved in the same save.
    assert (fresh(kyiv).health_score or 0) < (kyiv_before or 0)
    assert (fresh(havana).health_score or 0) > (havana_before or 0)
    for p in (kyiv, havana):
        (entry,) = events(p, "activity_updated")
        assert entry.actor == officer.user
        assert entry.subject == f"activity:{activity.pk}"
        assert entry.changes["title"] == ["A meeting", "Joint bus workshop"]
        assert entry.changes["kind"] == ["event", "joint_project"]
        assert "partnerships" in entry.changes
    with translation.override("en"):
        (row,) = history_rows(events(kyiv, "activity_updated"))
        shown = {str(c["field"]): c for c in row["changes"]}
        assert str(row["action"]) == "Activity edited"
    assert shown["Kind"]["new"] == "Joint project"  # choices of an activity, not of a pact
    assert shown["Cooperation areas"]["new"] == "Transport and mobility"  # names, not codes


def test_an_activity_cannot_be_relinked_to_another_offices_pact(
    office: Any, other_office: Any
) -> None:
    mine, theirs = make_partnership(office), make_partnership(other_office)
    activity = log(office, mine, TODAY)
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        services.activity_update(
            activity=activity, actor=SYSTEM, **edit_kwargs(activity, partnerships=[mine, theirs])
        )
    assert "this office's partnerships" in str(exc.value.message_dict["partnerships"])
    assert list(activity.partnerships.all()) == [mine]
    assert not theirs.activities.exists()
    assert not events(mine, "activity_updated")


def test_editing_applies_the_same_rules_as_logging(office: Any) -> None:
    p = make_partnership(office)
    activity = log(office, p, TODAY)
    cases: dict[str, dict[str, Any]] = {
        "title": {"title": "  "},
        "date": {"date": TODAY + dt.timedelta(days=400)},
        "partnerships": {"partnerships": []},
        "kind": {"kind": "party"},
        "initiated_by": {"initiated_by": "nobody"},
        "participants": {"participants": -1},
    }
    for field, change in cases.items():
        with pytest.raises(ValidationError) as exc:
            services.activity_update(
                activity=activity, actor=SYSTEM, **edit_kwargs(activity, **change)
            )
        assert field in exc.value.message_dict, field
    activity.refresh_from_db()
    assert activity.title == "A meeting"


def test_a_liaison_edits_only_activities_of_their_department_or_their_own(office: Any) -> None:
    transport, water = make_department(office), make_department(office)
    p = make_partnership(office)
    liaison = make_member(office, "liaison", department=transport)
    colleague = make_member(office, "liaison", department=transport)
    stranger = make_member(office, "liaison", department=water)
    viewer = make_member(office, "viewer")
    activity = services.activity_log(
        office=office, actor=colleague, partnerships=[p], date=TODAY, kind="event", title="Ours"
    )
    officers_own = log(office, p, TODAY, title="Logged by the office")
    assert services.can_edit_activity(liaison, activity)
    assert not services.can_edit_activity(stranger, activity)
    assert not services.can_edit_activity(liaison, officers_own)
    assert not services.can_edit_activity(viewer, activity)
    services.activity_update(
        activity=activity, actor=liaison, **edit_kwargs(activity, title="Ours, corrected")
    )
    for actor in (stranger, viewer):
        with pytest.raises(PermissionDenied):
            services.activity_update(activity=activity, actor=actor, **edit_kwargs(activity))
    activity.refresh_from_db()
    assert activity.title == "Ours, corrected"
    # A liaison without a department still edits what they logged themselves.
    loner = make_member(office, "liaison", department=transport)
    loner.department = None
    loner.save(update_fields=["department"])
    mine = services.activity_log(
        office=office, actor=loner, partnerships=[p], date=TODAY, kind="event", title="Mine"
    )
    assert services.can_edit_activity(loner, mine)
    assert not services.can_edit_activity(loner, activity)


def test_deleting_an_activity_is_an_officers_act_recorded_on_every_pact(office: Any) -> None:
    kyiv = make_partnership(office, signed_on=SIGNED)
    havana = make_partnership(office, signed_on=SIGNED)
    activity = services.activity_log(
        office=office,
        actor=SYSTEM,
        partnerships=[kyiv, havana],
        date=TODAY - dt.timedelta(days=5),
        kind="visit_in",
        title="Mayors meet",
        initiated_by="partner",
        outcomes=[{"kind": "investment", "value": 3, "unit": "million EUR"}],
    )
    scores = {p.pk: fresh(p).health_score or 0 for p in (kyiv, havana)}
    transport = make_department(office)
    liaison = make_member(office, "liaison", department=transport)
    activity.department = transport
    activity.save(update_fields=["department"])
    with pytest.raises(PermissionDenied):  # even the liaison who may edit it
        services.activity_delete(activity=activity, actor=liaison)
    officer = make_member(office, "officer")

    pacts = services.activity_delete(activity=activity, actor=officer)

    assert {p.pk for p in pacts} == {kyiv.pk, havana.pk}
    assert not Activity.objects.filter(pk=activity.pk).exists()
    assert not Outcome.objects.filter(activity_id=activity.pk).exists()
    for p in (kyiv, havana):
        (entry,) = events(p, "activity_deleted")
        assert entry.changes["activity"] == ["Mayors meet", None]
        assert entry.changes["outcomes"] == [1, None]
        assert entry.actor == officer.user
        assert (fresh(p).health_score or 0) < scores[p.pk]
        assert fresh(p).health_label == "dormant"


# ---------------------------------------------------------------- outcomes


def test_editing_and_removing_an_outcome_refreshes_the_score(office: Any) -> None:
    p = make_partnership(office, signed_on=SIGNED)
    activity = log(
        office,
        p,
        TODAY - dt.timedelta(days=30),
        outcomes=[{"kind": "grant", "value": 1, "unit": "grant"}],
    )
    outcome = activity.outcomes.get()
    assert fresh(p).health_components["outcomes"]["count"] == 1
    services.outcome_update(outcome=outcome, actor=SYSTEM, kind="investment", value=2, unit="M€")
    outcome.refresh_from_db()
    assert (outcome.kind, outcome.value, outcome.unit) == ("investment", 2, "M€")
    (entry,) = events(p, "outcome_updated")
    assert entry.changes["kind"] == ["grant", "investment"]
    with translation.override("en"):
        (row,) = history_rows([entry])
    assert any(c["new"] == "Investment" for c in row["changes"])
    with pytest.raises(ValidationError):
        services.outcome_update(outcome=outcome, actor=SYSTEM, kind="investment", value=-1)
    before = fresh(p).health_score or 0

    services.outcome_delete(outcome=outcome, actor=SYSTEM)

    assert not activity.outcomes.exists()
    assert fresh(p).health_components["outcomes"]["count"] == 0
    assert (fresh(p).health_score or 0) < before
    (removed,) = events(p, "outcome_removed")
    assert removed.changes["kind"] == ["investment", None]


def test_outcomes_follow_the_activitys_permissions(office: Any) -> None:
    transport, water = make_department(office), make_department(office)
    p = make_partnership(office)
    colleague = make_member(office, "liaison", department=transport)
    activity = services.activity_log(
        office=office,
        actor=colleague,
        partnerships=[p],
        date=TODAY,
        kind="event",
        title="Ours",
        outcomes=[{"kind": "people", "value": 4}],
    )
    outcome = activity.outcomes.get()
    stranger = make_member(office, "liaison", department=water)
    for call in (
        lambda: services.outcome_add(activity=activity, actor=stranger, kind="grant"),
        lambda: services.outcome_update(outcome=outcome, actor=stranger, kind="grant"),
        lambda: services.outcome_delete(outcome=outcome, actor=stranger),
    ):
        with pytest.raises(PermissionDenied):
            call()
    liaison = make_member(office, "liaison", department=transport)
    services.outcome_update(outcome=outcome, actor=liaison, kind="people", value=5)
    outcome.refresh_from_db()
    assert outcome.value == 5


# ---------------------------------------------------------------- agreements


def test_editing_an_agreement_applies_the_rules_and_records_the_change(office: Any) -> None:
    p = make_partnership(office)
    agreement = services.agreement_create(partnership=p, actor=SYSTEM, title="MoU")
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        services.agreement_update(
            agreement=agreement,
            actor=SYSTEM,
            title="MoU",
            signed_on=dt.date(2020, 1, 1),
            valid_until=dt.date(2019, 1, 1),
        )
    assert "after the signing date" in str(exc.value.message_dict["valid_until"])
    with pytest.raises(ValidationError):
        services.agreement_update(agreement=agreement, actor=SYSTEM, title=" ")
    with pytest.raises(PermissionDenied):
        services.agreement_update(
            agreement=agreement, actor=make_member(office, "liaison"), title="x"
        )
    officer = make_member(office, "officer")
    services.agreement_update(
        agreement=agreement,
        actor=officer,
        title="Memorandum on transport",
        languages="Persian, English",
        signed_on=dt.date(2020, 1, 1),
    )
    agreement.refresh_from_db()
    assert agreement.title == "Memorandum on transport"
    assert agreement.languages == "Persian, English"
    (entry,) = events(p, "agreement_updated")
    assert entry.changes["title"] == ["MoU", "Memorandum on transport"]
    assert entry.changes["signed_on"] == [None, "2020-01-01"]
    assert entry.actor == officer.user


def test_agreement_files_are_added_and_removed_with_history(office: Any, media: Any) -> None:
    p = make_partnership(office)
    agreement = services.agreement_create(
        partnership=p,
        actor=SYSTEM,
        title="MoU",
        files=[SimpleUploadedFile("signed.pdf", PDF)],
    )
    (created,) = events(p, "agreement_added")
    assert created.changes["files"] == [None, ["signed.pdf"]]
    row = services.agreement_file_add(
        agreement=agreement, actor=SYSTEM, upload=SimpleUploadedFile("annex.pdf", PDF)
    )
    (added,) = events(p, "agreement_file_added")
    assert added.changes["file"] == [None, "annex.pdf"]
    with pytest.raises(ValidationError):  # the same content check as on creation
        services.agreement_file_add(
            agreement=agreement, actor=SYSTEM, upload=SimpleUploadedFile("x.pdf", b"MZ" * 100)
        )
    stored = media / row.file.name
    assert stored.exists()
    with pytest.raises(PermissionDenied):
        services.agreement_file_remove(file=row, actor=make_member(office, "liaison"))

    with django_capture_on_commit():
        services.agreement_file_remove(file=row, actor=SYSTEM)

    assert not AgreementFile.objects.filter(pk=row.pk).exists()
    assert agreement.files.count() == 1
    assert not stored.exists()
    (removed,) = events(p, "agreement_file_removed")
    assert removed.changes["file"] == ["annex.pdf", None]


def django_capture_on_commit() -> Any:
    from django.db import connection
    from django.test import TestCase

    return TestCase.captureOnCommitCallbacks(using=connection.alias, execute=True)


# ---------------------------------------------------------------- commitments


def test_a_commitment_carries_a_version_and_a_stale_save_is_refused(office: Any) -> None:
    transport, water = make_department(office, "Transport"), make_department(office, "Water")
    p = make_partnership(office)
    c = services.commitment_create(
        partnership=p, actor=SYSTEM, title="Bus study", due_on=TODAY, department=transport
    )
    assert c.version == 1
    first, second = make_member(office, "officer"), make_member(office, "officer")
    loaded = c.version

    services.commitment_update(
        commitment=c,
        actor=first,
        expected_version=loaded,
        title="Bus rapid transit study",
        area=area("transport"),
        set_area=True,
        department=water,
        set_department=True,
        due_on=TODAY + dt.timedelta(days=30),
    )
    c.refresh_from_db()
    assert c.version == 2
    assert (c.title, c.area.code if c.area else None, c.department) == (
        "Bus rapid transit study",
        "transport",
        water,
    )

    with pytest.raises(services.StaleVersion) as exc:
        services.commitment_update(
            commitment=c, actor=second, expected_version=loaded, title="Tram study"
        )
    assert exc.value.record.version == 2
    (change,) = exc.value.events
    assert change.actor == first.user
    assert change.changes["title"] == ["Bus study", "Bus rapid transit study"]
    assert change.changes["department"][1]["label_en"] == "Water"
    c.refresh_from_db()
    assert c.title == "Bus rapid transit study"
    # Knowing what changed, the second officer saves again from the current version.
    services.commitment_update(
        commitment=c, actor=second, expected_version=c.version, title="Tram study"
    )
    c.refresh_from_db()
    assert (c.title, c.version) == ("Tram study", 3)


def test_a_commitment_save_with_no_change_keeps_its_version(office: Any) -> None:
    c = services.commitment_create(
        partnership=make_partnership(office), actor=SYSTEM, title="x", due_on=TODAY
    )
    services.commitment_update(commitment=c, actor=SYSTEM, expected_version=1, status="planned")
    c.refresh_from_db()
    assert c.version == 1
    assert not events(c.partnership, "commitment_updated")


def test_a_liaison_updates_status_and_evidence_but_not_the_plan(office: Any) -> None:
    transport = make_department(office)
    p = make_partnership(office)
    c = services.commitment_create(
        partnership=p, actor=SYSTEM, title="Bus study", due_on=TODAY, department=transport
    )
    liaison = make_member(office, "liaison", department=transport)
    for plan in (
        {"title": "Other"},
        {"due_on": TODAY + dt.timedelta(days=1)},
        {"set_area": True, "area": area("water")},
        {"set_department": True, "department": None},
    ):
        with pytest.raises(PermissionDenied):
            services.commitment_update(commitment=c, actor=liaison, **plan)
    services.commitment_update(
        commitment=c, actor=liaison, status="done", evidence_note="Report sent", expected_version=1
    )
    c.refresh_from_db()
    assert (c.status, c.evidence_note, c.version, c.title) == (
        "done",
        "Report sent",
        2,
        "Bus study",
    )
    assert fresh(p).health_components["delivery"]["due"] == 1


def test_a_commitment_cannot_be_given_to_another_offices_department(
    office: Any, other_office: Any
) -> None:
    c = services.commitment_create(
        partnership=make_partnership(office), actor=SYSTEM, title="x", due_on=TODAY
    )
    with pytest.raises(ValidationError):
        services.commitment_update(
            commitment=c,
            actor=SYSTEM,
            department=make_department(other_office),
            set_department=True,
        )
    c.refresh_from_db()
    assert c.department is None and c.version == 1
