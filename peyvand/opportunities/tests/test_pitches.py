"""The rules of a pitch, its interested parties, their follow-ups and its documents: every
refusal names its field and writes nothing; every change is in the pitch's history."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.tests.factories import make_member
from peyvand.core.validation import NotAllowedNow
from peyvand.missions import services as missions
from peyvand.opportunities import services
from peyvand.opportunities.models import InterestedParty, PartyFollowUp, Pitch, PitchDocument
from peyvand.partnerships.tests.factories import area, make_partnership
from peyvand.partnerships.tests.support import PDF
from peyvand.places.tests.factories import make_city
from peyvand.records.history import StaleVersion, history_of

from .factories import TODAY, bank, make_application, make_pitch

pytestmark = pytest.mark.django_db


def errors(exc: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str]]:
    return exc.value.message_dict


def test_a_pitch_is_created_with_its_history(office: Any) -> None:
    p = make_pitch(office, area=area("transport"), district=22, location=" Chitgar  lake ")
    assert (p.status, p.stage, p.instrument, p.currency) == ("draft", "concept", "loan", "EUR")
    assert p.location == "Chitgar lake" and p.district == 22
    (created,) = history_of(p)
    assert created.action == "created"
    assert created.changes["area"][1]["label_en"] == "Transport and mobility"
    assert created.changes["financing_sought"] == [None, "300000000"]


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"title_fa": " ", "title_en": ""}, "title_fa"),
        ({"budget": Decimal(10), "financing_sought": Decimal(11)}, "financing_sought"),
        ({"budget": Decimal(-1), "financing_sought": None}, "budget"),
        ({"budget": Decimal("10.5"), "financing_sought": None}, "budget"),
        ({"budget": Decimal(10**15), "financing_sought": None}, "budget"),
        ({"budget": Decimal("NaN"), "financing_sought": None}, "budget"),
        ({"currency": ""}, "currency"),
        ({"currency": "euro"}, "currency"),
        ({"currency": "E1R"}, "currency"),
        ({"instrument": "gift"}, "instrument"),
        ({"stage": "dream"}, "stage"),
        ({"status": "won"}, "status"),
        ({"district": 0}, "district"),
        ({"district": 100}, "district"),
        ({"title_en": "x" * 301}, "title_en"),
        ({"description_fa": "x" * 6001}, "description_fa"),
        ({"location": "Tehran\x00"}, "location"),
    ],
)
def test_a_pitch_breaking_a_rule_is_refused(
    office: Any, values: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as exc:
        make_pitch(office, **values)
    assert field in errors(exc), errors(exc)
    assert not Pitch.objects.exists()


def test_the_currency_is_kept_as_its_code_and_needed_only_with_an_amount(office: Any) -> None:
    assert make_pitch(office, currency=" eur ").currency == "EUR"
    bare = make_pitch(office, budget=None, financing_sought=None, currency="")
    assert bare.currency == ""


def test_an_edit_is_checked_against_the_version_and_recorded(office: Any) -> None:
    p = make_pitch(office)
    services.pitch_update(
        pitch=p, actor=SYSTEM, changes={"stage": "feasibility"}, expected_version=1
    )
    with pytest.raises(StaleVersion) as stale:
        services.pitch_update(
            pitch=p, actor=SYSTEM, changes={"title_en": "Late"}, expected_version=1
        )
    assert [e.action for e in stale.value.events] == ["updated"]
    p.refresh_from_db()
    assert (p.version, p.stage, p.title_en) == (2, "feasibility", "Line 10 of the metro")
    with pytest.raises(ValidationError) as exc:
        services.pitch_update(pitch=p, actor=SYSTEM, changes={"office": None})
    assert "office" in errors(exc)


def test_every_status_change_is_in_the_history(office: Any) -> None:
    p = make_pitch(office)
    for status in ("offered", "in_talks", "offered", "financed"):
        p = services.pitch_set_status(pitch=p, actor=SYSTEM, status=status)
    moves = [e.changes["status"] for e in history_of(p) if e.action == "status"]
    assert moves == [
        ["offered", "financed"],
        ["in_talks", "offered"],
        ["offered", "in_talks"],
        ["draft", "offered"],
    ]
    with pytest.raises(ValidationError):
        services.pitch_set_status(pitch=p, actor=SYSTEM, status="won")


def test_only_officers_write(office: Any) -> None:
    viewer = make_member(office, "viewer")
    liaison = make_member(office, "liaison")
    p = make_pitch(office)
    for actor in (viewer, liaison):
        with pytest.raises(PermissionDenied):
            make_pitch(office, actor=actor)
        with pytest.raises(PermissionDenied):
            services.pitch_update(pitch=p, actor=actor, changes={"title_en": "No"})
        with pytest.raises(PermissionDenied):
            services.party_add(pitch=p, actor=actor, organization=bank())
    assert Pitch.objects.count() == 1


# ---------------------------------------------------------------- interested parties


def test_a_party_is_exactly_one_contact_organisation_or_partner_city(office: Any) -> None:
    p = make_pitch(office)
    pact = make_partnership(office)
    contact = missions.contact_create(office=office, actor=SYSTEM, name_en="Anna Berger")
    choices: list[dict[str, Any]] = [{}, {"organization": bank(), "city": pact.partner_city}]
    for kw in choices:
        with pytest.raises(ValidationError) as exc:
            services.party_add(pitch=p, actor=SYSTEM, **kw)
        assert "__all__" in errors(exc)
    made = [
        services.party_add(pitch=p, actor=SYSTEM, contact=contact, note="Met in Vienna"),
        services.party_add(pitch=p, actor=SYSTEM, organization=bank()),
        services.party_add(pitch=p, actor=SYSTEM, city=pact.partner_city),
    ]
    assert [x.kind for x in made] == ["contact", "organization", "city"]
    with pytest.raises(ValidationError) as exc:
        services.party_add(pitch=p, actor=SYSTEM, organization=bank())
    assert "__all__" in errors(exc) and InterestedParty.objects.count() == 3
    assert [e.action for e in history_of(p)][:3] == ["party_added"] * 3


def test_another_offices_contact_or_a_city_without_a_pact_is_refused(
    office: Any, other_office: Any
) -> None:
    p = make_pitch(office)
    theirs = missions.contact_create(office=other_office, actor=SYSTEM, name_en="Not ours")
    with pytest.raises(ValidationError) as exc:
        services.party_add(pitch=p, actor=SYSTEM, contact=theirs)
    assert "contact" in errors(exc)
    make_partnership(other_office, partner_city=(their_partner := make_city(country="FR")))
    for city in (make_city(country="DE"), their_partner):
        with pytest.raises(ValidationError) as exc:
            services.party_add(pitch=p, actor=SYSTEM, city=city)
        assert "city" in errors(exc)
    assert not InterestedParty.objects.exists()


def test_a_party_is_edited_with_its_version_and_removed_with_its_follow_ups(office: Any) -> None:
    p = make_pitch(office)
    party = services.party_add(pitch=p, actor=SYSTEM, organization=bank("ADB"))
    services.follow_up_add(party=party, actor=SYSTEM, date=TODAY, note="Send the study")
    services.party_update(
        party=party, actor=SYSTEM, changes={"note": "Loan of 300m"}, expected_version=1
    )
    with pytest.raises(StaleVersion):
        services.party_update(party=party, actor=SYSTEM, changes={"note": "x"}, expected_version=1)
    services.party_update(
        party=party,
        actor=SYSTEM,
        changes={"organization": bank("WB")},
        expected_version=2,
    )
    party.refresh_from_db()
    assert party.organization is not None
    assert (party.organization.acronym, party.note, party.version) == ("WB", "Loan of 300m", 3)
    with pytest.raises(StaleVersion):
        services.party_delete(party=party, actor=SYSTEM, expected_version=2)
    services.party_delete(party=party, actor=SYSTEM, expected_version=3)
    assert not InterestedParty.objects.exists() and not PartyFollowUp.objects.exists()
    actions = [e.action for e in history_of(p)]
    assert actions[:4] == ["party_removed", "party_updated", "party_updated", "follow_up_added"]


def test_follow_ups_need_a_day_and_a_note_and_are_done_once(office: Any) -> None:
    party = services.party_add(pitch=make_pitch(office), actor=SYSTEM, organization=bank())
    for day, note, field in (
        (None, "Call", "date"),
        (TODAY, "  ", "note"),
        (dt.date(1800, 1, 1), "Call", "date"),
        (TODAY, "x" * 501, "note"),
    ):
        with pytest.raises(ValidationError) as exc:
            services.follow_up_add(party=party, actor=SYSTEM, date=day, note=note)
        assert field in errors(exc)
    row = services.follow_up_add(party=party, actor=SYSTEM, date=TODAY, note=" Call  the bank ")
    assert row.note == "Call the bank" and not row.done
    services.follow_up_done(follow_up=row, actor=SYSTEM)
    services.follow_up_done(follow_up=row, actor=SYSTEM)
    row.refresh_from_db()
    assert row.done
    done = [e for e in history_of(party.pitch) if e.action == "follow_up_done"]
    assert len(done) == 1


# ---------------------------------------------------------------- documents and deletion


def test_documents_follow_the_upload_rules(office: Any, media: Any) -> None:
    p = make_pitch(office)
    doc = services.document_add(
        pitch=p, actor=SYSTEM, kind="feasibility", upload=SimpleUploadedFile("study.html", PDF)
    )
    assert (doc.original_name, doc.content_type) == ("study.pdf", "application/pdf")
    with pytest.raises(ValidationError) as exc:
        services.document_add(
            pitch=p, actor=SYSTEM, kind="feasibility", upload=SimpleUploadedFile("x.pdf", b"<html>")
        )
    assert "file" in errors(exc)
    with pytest.raises(ValidationError) as exc:
        services.document_add(
            pitch=p, actor=SYSTEM, kind="poster", upload=SimpleUploadedFile("x.pdf", PDF)
        )
    assert "kind" in errors(exc)
    stored = doc.file.name
    services.document_delete(document=doc, actor=SYSTEM)
    assert not PitchDocument.objects.exists()
    assert [e.action for e in history_of(p)][:2] == ["document_removed", "document_added"]
    assert stored


def test_a_pitch_with_an_application_is_not_deleted(office: Any) -> None:
    p = make_pitch(office)
    make_application(office, pitch=p)
    with pytest.raises(NotAllowedNow):
        services.pitch_delete(pitch=p, actor=SYSTEM)
    free = make_pitch(office, title_en="Free")
    services.party_add(pitch=free, actor=SYSTEM, organization=bank())
    with pytest.raises(StaleVersion):
        services.pitch_delete(pitch=free, actor=SYSTEM, expected_version=9)
    services.pitch_delete(pitch=free, actor=SYSTEM, expected_version=1)
    assert list(Pitch.objects.values_list("pk", flat=True)) == [p.pk]
    assert not InterestedParty.objects.exists()
