"""The practice's services: every field rule, links of another office refused, the
history, tags normalised, files, delete, a trip report's observation made a practice."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.tests.factories import make_department, make_member
from peyvand.knowledge import services
from peyvand.knowledge.models import Practice, PracticeDocument, StageSpan
from peyvand.missions import services as missions
from peyvand.missions.models import PracticeObserved
from peyvand.missions.tests.factories import make_mission, report_for
from peyvand.partnerships.tests.factories import area, make_partnership
from peyvand.partnerships.tests.support import PDF
from peyvand.places.tests.factories import make_city
from peyvand.records.binning import bin_purge
from peyvand.records.history import StaleVersion, history_of

from .factories import make_practice, observations, reported_mission

pytestmark = pytest.mark.django_db


def errors_of(exc: Any) -> dict[str, list[str]]:
    return dict(exc.value.message_dict)


def test_a_practice_is_an_idea_with_its_fields_relations_and_first_stay(office: Any) -> None:
    vienna = make_city("Vienna", country="AT")
    pact = make_partnership(office)
    m = make_mission(office)
    contact = missions.contact_create(office=office, actor=SYSTEM, name_en="Anna Berger")
    dept = make_department(office)
    p = make_practice(
        office,
        title_fa="بلیت سالانه یکپارچه",
        summary_en="One cheap yearly ticket for every mode.",
        source_city=vienna,
        areas=[area("transport")],
        sdgs=[11, 9, 11],
        source_link="https://www.wienerlinien.at/",
        cost_band="medium",
        transferability="adapt",
        tags=["  Mobility ", "mobility", "Ticketing"],
        department=dept,
        partnerships=[pact],
        missions=[m],
        contacts=[contact],
    )
    p.refresh_from_db()
    assert p.stage == "idea" and p.sdg_goals == [9, 11] and p.tags == ["mobility", "ticketing"]
    assert p.source_city == vienna and list(p.areas.all()) == [area("transport")]
    assert list(p.partnerships.all()) == [pact] and list(p.missions.all()) == [m]
    assert list(p.contacts.all()) == [contact] and p.department == dept
    span = StageSpan.objects.get(practice=p)
    assert (span.stage, span.left_on) == ("idea", None)
    assert [e.action for e in history_of(p)] == ["created"]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"title_en": "", "title_fa": "  "}, "title_fa"),
        ({"title_en": "x" * 301}, "title_en"),
        ({"summary_fa": "x" * 4001}, "summary_fa"),
        ({"body_en": "x" * 10_001}, "body_en"),
        ({"source_link": "javascript:alert(1)"}, "source_link"),
        ({"source_link": "ftp://example.org/file"}, "source_link"),
        ({"cost_band": "free"}, "cost_band"),
        ({"transferability": "always"}, "transferability"),
        ({"sdgs": [0]}, "sdgs"),
        ({"sdgs": [18]}, "sdgs"),
        ({"sdgs": [2**40]}, "sdgs"),
        ({"sdgs": ["3"]}, "sdgs"),
        ({"tags": ["x" * 41]}, "tags"),
        ({"tags": [f"t{n}" for n in range(21)]}, "tags"),
        ({"evidence": "a\x00b"}, "evidence"),
        ({"notes": "x" * 4001}, "notes"),
        ({"title_en": "NUL\x00"}, "title_en"),
    ],
)
def test_every_field_rule_refuses_and_writes_nothing(
    office: Any, fields: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as exc:
        make_practice(office, **fields)
    assert field in errors_of(exc)
    assert not Practice.objects.exists() and not StageSpan.objects.exists()


def test_links_of_another_office_are_refused(office: Any, other_office: Any) -> None:
    theirs = {
        "partnerships": [make_partnership(other_office)],
        "missions": [make_mission(other_office)],
        "contacts": [missions.contact_create(office=other_office, actor=SYSTEM, name_en="X")],
        "department": make_department(other_office),
    }
    for name, value in theirs.items():
        with pytest.raises(ValidationError) as exc:
            make_practice(office, **{name: value})
        assert name in errors_of(exc)
    p = make_practice(office)
    with pytest.raises(ValidationError):
        services.practice_update(
            practice=p, actor=SYSTEM, changes={"partnerships": theirs["partnerships"]}
        )
    assert not p.partnerships.exists() and Practice.objects.count() == 1


def test_an_edit_is_recorded_and_a_stale_one_refused(office: Any) -> None:
    p = make_practice(office)
    loaded = p.version
    services.practice_update(
        practice=p,
        actor=SYSTEM,
        changes={"title_en": "Annual ticket", "sdgs": [11], "areas": [area("transport")]},
        expected_version=loaded,
    )
    p.refresh_from_db()
    assert p.title_en == "Annual ticket" and p.sdg_goals == [11] and p.version == loaded + 1
    event = history_of(p).filter(action="updated").get()
    assert event.changes["title_en"] == ["Integrated annual ticket", "Annual ticket"]
    assert event.changes["areas"] == [[], ["transport"]]
    with pytest.raises(StaleVersion) as exc:
        services.practice_update(
            practice=p, actor=SYSTEM, changes={"notes": "late"}, expected_version=loaded
        )
    assert exc.value.events and Practice.objects.get(pk=p.pk).notes == ""
    # Nothing changed: no new version, no entry.
    services.practice_update(practice=p, actor=SYSTEM, changes={"title_en": "Annual ticket"})
    assert Practice.objects.get(pk=p.pk).version == loaded + 1
    with pytest.raises(ValidationError):
        services.practice_update(practice=p, actor=SYSTEM, changes={"stage": "adopted"})


@pytest.mark.parametrize("role", ["viewer", "liaison"])
def test_only_an_officer_writes(office: Any, role: str) -> None:
    member = make_member(office, role)
    with pytest.raises(PermissionDenied):
        make_practice(office, actor=member)
    p = make_practice(office)
    with pytest.raises(PermissionDenied):
        services.practice_update(practice=p, actor=member, changes={"notes": "x"})
    with pytest.raises(PermissionDenied):
        services.practice_delete(practice=p, actor=member)
    assert make_practice(office, actor=make_member(office, "officer")).pk


def test_an_observation_becomes_one_practice_only(office: Any, other_office: Any) -> None:
    m = reported_mission(office, [("Annual ticket", "Cheap for all modes")])
    seen = observations(m)[0]
    p = make_practice(office, observation=seen, missions=[m])
    assert Practice.objects.get(pk=p.pk).observation == seen
    assert history_of(p).get().changes["observation"] == [None, "Annual ticket"]
    with pytest.raises(ValidationError) as exc:
        make_practice(office, observation=seen)
    assert "observation" in errors_of(exc)
    theirs = observations(reported_mission(other_office, [("Bike lanes", "")]))[0]
    with pytest.raises(ValidationError):
        make_practice(office, observation=theirs)
    assert Practice.objects.count() == 1


def test_a_corrected_report_keeps_the_observation_a_practice_was_made_of(office: Any) -> None:
    m = reported_mission(office, [("Annual ticket", "Cheap"), ("Bike lanes", "")])
    seen = observations(m)[0]
    p = make_practice(office, observation=seen)
    missions.report_file(
        mission=m,
        actor=SYSTEM,
        report=report_for(m, practices=[("Annual ticket", "Cheap for every mode")]),
    )
    p.refresh_from_db()
    assert p.observation_id == seen.pk
    assert PracticeObserved.objects.get(pk=seen.pk).description == "Cheap for every mode"
    assert [o.title for o in observations(m)] == ["Annual ticket"]
    # An observation dropped from the report leaves its practice, unlinked.
    missions.report_file(mission=m, actor=SYSTEM, report=report_for(m, practices=[]))
    p.refresh_from_db()
    assert p.observation_id is None


def test_documents_follow_the_upload_rules_and_are_recorded(office: Any, media: Any) -> None:
    p = make_practice(office)
    doc = services.document_add(
        practice=p, actor=SYSTEM, kind="study", upload=SimpleUploadedFile("study.pdf", PDF)
    )
    assert doc.content_type == "application/pdf" and doc.original_name == "study.pdf"
    with pytest.raises(ValidationError) as exc:
        services.document_add(
            practice=p, actor=SYSTEM, kind="study", upload=SimpleUploadedFile("x.pdf", b"MZ..")
        )
    assert "file" in errors_of(exc)
    with pytest.raises(ValidationError):
        services.document_add(
            practice=p, actor=SYSTEM, kind="video", upload=SimpleUploadedFile("a.pdf", PDF)
        )
    services.document_delete(document=doc, actor=SYSTEM)
    assert not PracticeDocument.objects.exists()
    assert [e.action for e in history_of(p).order_by("pk")] == [
        "created",
        "document_added",
        "document_removed",
    ]


def test_deleting_a_practice_bins_it_and_a_purge_takes_its_stays_and_files(
    office: Any, media: Any, django_capture_on_commit_callbacks: Any
) -> None:
    p = make_practice(office)
    doc = services.document_add(
        practice=p, actor=SYSTEM, kind="photo", upload=SimpleUploadedFile("a.pdf", PDF)
    )
    stored = str(doc.file.name)
    p.refresh_from_db()
    with pytest.raises(StaleVersion):
        services.practice_delete(practice=p, actor=SYSTEM, expected_version=p.version + 5)
    services.practice_delete(practice=p, actor=SYSTEM, expected_version=p.version)
    # In the bin: hidden with its stays and documents, kept for a restore.
    assert not Practice.objects.exists() and not StageSpan.objects.exists()
    assert not PracticeDocument.objects.exists()
    assert Practice.all_with_deleted.filter(pk=p.pk).exists()
    assert doc.file.storage.exists(stored)
    with django_capture_on_commit_callbacks(execute=True):
        bin_purge(office=office, kind="practice", pk=p.pk, actor=SYSTEM, confirm=p.title)
    assert not Practice.all_with_deleted.exists() and not StageSpan._base_manager.exists()
    assert not PracticeDocument._base_manager.exists()
    assert not doc.file.storage.exists(stored)
