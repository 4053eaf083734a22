"""The opportunities API's interested parties, follow-ups, deletions, documents and sort
orders: the pages' roles (officer and up write), another office's records not found, a
stale If-Match answered 412, refused values 422, nothing written on a refusal."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from peyvand.accounts.actors import SYSTEM
from peyvand.missions.tests.people_factories import make_contact
from peyvand.opportunities import services
from peyvand.opportunities.models import (
    FundingCall,
    InterestedParty,
    PartyFollowUp,
    Pitch,
    PitchDocument,
)
from peyvand.partnerships.tests.factories import make_partnership
from peyvand.partnerships.tests.support import PDF
from peyvand.records.history import history_of

from .factories import TODAY, bank, make_application, make_call, make_pitch
from .test_api import base, send

pytestmark = pytest.mark.django_db


def parties_url(office: Any, pitch: Pitch) -> str:
    return f"{base(office, 'pitches')}/{pitch.pk}/parties"


def test_an_officer_adds_edits_and_removes_an_interested_party(
    office: Any, member_client: Any
) -> None:
    pitch = make_pitch(office)
    contact = make_contact(office)
    officer = member_client(office, "officer")
    made = send(officer, "post", parties_url(office, pitch), {"organization_id": bank().pk})
    assert made.status_code == 201, made.content
    assert (made.json()["kind"], made["ETag"]) == ("organization", '"v1"')
    url = f"{base(office, 'parties')}/{made.json()['id']}"
    assert officer.get(url)["ETag"] == '"v1"'
    moved = send(
        officer, "patch", url, {"contact_id": contact.pk, "note": "Met"}, HTTP_IF_MATCH='"v1"'
    )
    assert moved.status_code == 200, moved.content
    body = moved.json()
    assert (body["kind"], body["contact_id"], body["organization_id"], body["note"]) == (
        "contact",
        contact.pk,
        None,
        "Met",
    )
    assert moved["ETag"] == '"v2"'
    stale = send(officer, "patch", url, {"note": "Late"}, HTTP_IF_MATCH='"v1"')
    assert stale.status_code == 412 and stale["ETag"] == '"v2"'
    assert officer.delete(url, HTTP_IF_MATCH='"v1"').status_code == 412
    assert InterestedParty.objects.get().note == "Met"
    assert officer.delete(url, HTTP_IF_MATCH='"v2"').status_code == 204
    assert not InterestedParty.objects.exists()
    actions = [e.action for e in history_of(pitch)]
    assert actions[:3] == ["party_removed", "party_updated", "party_added"]


def test_parties_list_filters_by_kind_and_sorts(office: Any, member_client: Any) -> None:
    pitch = make_pitch(office)
    pact = make_partnership(office)
    first = services.party_add(pitch=pitch, actor=SYSTEM, organization=bank())
    second = services.party_add(pitch=pitch, actor=SYSTEM, city=pact.partner_city)
    viewer = member_client(office, "viewer")

    def ids(q: str) -> list[int]:
        return [p["id"] for p in viewer.get(parties_url(office, pitch) + q).json()["items"]]

    assert ids("") == [first.pk, second.pk]
    assert ids("?ordering=-added") == [second.pk, first.pk]
    assert ids("?kind=city") == [second.pk]
    refused = viewer.get(parties_url(office, pitch) + "?ordering=note")
    assert refused.status_code == 422 and "ordering" in refused.json()["errors"]


def test_a_viewer_or_a_liaison_may_not_write_parties(office: Any, member_client: Any) -> None:
    pitch = make_pitch(office)
    party = services.party_add(pitch=pitch, actor=SYSTEM, organization=bank())
    url = f"{base(office, 'parties')}/{party.pk}"
    for role in ("viewer", "liaison"):
        client = member_client(office, role)
        add = send(client, "post", parties_url(office, pitch), {"organization_id": bank("WB").pk})
        assert add.status_code == 403
        assert send(client, "patch", url, {"note": "x"}, HTTP_IF_MATCH='"v1"').status_code == 403
        assert client.delete(url, HTTP_IF_MATCH='"v1"').status_code == 403
        follow = send(client, "post", f"{url}/follow-ups", {"date": str(TODAY), "note": "Call"})
        assert follow.status_code == 403
    assert InterestedParty.objects.get().version == 1
    assert not PartyFollowUp.objects.exists()


def test_another_offices_parties_and_contacts_are_not_found(
    office: Any, other_office: Any, member_client: Any
) -> None:
    theirs = services.party_add(pitch=make_pitch(other_office), actor=SYSTEM, organization=bank())
    their_contact = make_contact(other_office)
    mine = make_pitch(office)
    client = member_client(office, "director")
    url = f"{base(office, 'parties')}/{theirs.pk}"
    assert client.get(url).status_code == 404
    assert send(client, "patch", url, {"note": "x"}, HTTP_IF_MATCH='"v1"').status_code == 404
    assert client.delete(url, HTTP_IF_MATCH='"v1"').status_code == 404
    assert client.get(f"{url}/follow-ups").status_code == 404
    assert client.get(parties_url(office, theirs.pitch)).status_code == 404
    linked = send(client, "post", parties_url(office, mine), {"contact_id": their_contact.pk})
    assert linked.status_code == 422 and "contact_id" in linked.json()["errors"]
    assert InterestedParty.objects.filter(pitch=mine).count() == 0
    assert InterestedParty.objects.get(pk=theirs.pk).version == 1


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"organization_id": 2**70},
        {"organization_id": "twelve"},
        {"organization_id": 999_999},
        {"city": "gn:0"},
        {"city": "x" * 500},
        {"organization_id": 1, "note": "x" * 5000},
        {"organization_id": 1, "who": "me"},
    ],
)
def test_bad_party_values_are_refused_and_nothing_is_written(
    office: Any, member_client: Any, body: dict[str, Any]
) -> None:
    pitch = make_pitch(office)
    bank()
    answer = send(member_client(office, "officer"), "post", parties_url(office, pitch), body)
    assert answer.status_code == 422, answer.content
    assert answer.json()["code"] == "validation_error"
    assert not InterestedParty.objects.exists()


def test_follow_ups_are_added_listed_and_marked_done(office: Any, member_client: Any) -> None:
    party = services.party_add(pitch=make_pitch(office), actor=SYSTEM, organization=bank())
    officer = member_client(office, "officer")
    url = f"{base(office, 'parties')}/{party.pk}/follow-ups"
    later = send(officer, "post", url, {"date": str(TODAY.replace(day=28)), "note": "Papers"})
    sooner = send(officer, "post", url, {"date": str(TODAY.replace(day=1)), "note": "Call"})
    assert later.status_code == sooner.status_code == 201, later.content

    def notes(q: str) -> list[str]:
        return [f["note"] for f in officer.get(url + q).json()["items"]]

    assert notes("") == ["Call", "Papers"]
    assert notes("?ordering=-date") == ["Papers", "Call"]
    done = officer.post(f"{base(office, 'follow-ups')}/{sooner.json()['id']}/done")
    assert done.status_code == 200 and done.json()["done"] is True
    assert notes("?done=false") == ["Papers"]
    viewer = member_client(office, "viewer")
    assert viewer.post(f"{base(office, 'follow-ups')}/{later.json()['id']}/done").status_code == 403
    assert not PartyFollowUp.objects.get(note="Papers").done
    for bad in (
        {"note": "Call"},
        {"date": "soon", "note": "x"},
        {"date": str(TODAY), "note": "x" * 501},
        {"date": str(TODAY), "note": "x", "done": True},
    ):
        assert send(officer, "post", url, bad).status_code == 422, bad
    assert PartyFollowUp.objects.count() == 2


def test_a_pitch_and_a_call_are_deleted_with_if_match_and_refused_while_applied_for(
    office: Any, member_client: Any
) -> None:
    officer = member_client(office, "officer")
    applied = make_application(office, pitch=make_pitch(office))
    for what, pk in (("pitches", applied.pitch_id), ("calls", applied.call_id)):
        refused = officer.delete(f"{base(office, what)}/{pk}", HTTP_IF_MATCH='"v1"')
        assert refused.status_code == 409 and refused.json()["code"] == "not_allowed_now"
    pitch = make_pitch(office, title_en="Free")
    call = make_call(office, title_en="Free")
    viewer = member_client(office, "viewer")
    for what, record in (("pitches", pitch), ("calls", call)):
        url = f"{base(office, what)}/{record.pk}"
        assert viewer.delete(url, HTTP_IF_MATCH='"v1"').status_code == 403
        assert officer.delete(url, HTTP_IF_MATCH='"v9"').status_code == 412
        assert officer.delete(url, HTTP_IF_MATCH='"v1"').status_code == 204
    assert not Pitch.objects.filter(title_en="Free").exists()
    assert not FundingCall.objects.filter(title_en="Free").exists()
    assert Pitch.objects.filter(pk=applied.pitch.pk if applied.pitch else 0).exists()


def test_another_offices_pitch_and_call_are_not_deleted(
    office: Any, other_office: Any, member_client: Any
) -> None:
    pitch, call = make_pitch(other_office), make_call(other_office)
    client = member_client(office, "director")
    assert (
        client.delete(f"{base(office, 'pitches')}/{pitch.pk}", HTTP_IF_MATCH='"v1"').status_code
        == 404
    )
    assert (
        client.delete(f"{base(office, 'calls')}/{call.pk}", HTTP_IF_MATCH='"v1"').status_code == 404
    )
    assert client.delete(f"{base(office, 'calls')}/{2**70}").status_code == 422
    assert (
        Pitch.objects.filter(pk=pitch.pk).exists()
        and FundingCall.objects.filter(pk=call.pk).exists()
    )


def test_a_pitchs_documents_are_listed_and_removed(
    office: Any, other_office: Any, member_client: Any, media: Any
) -> None:
    pitch = make_pitch(office)
    doc = services.document_add(
        pitch=pitch, actor=SYSTEM, kind="feasibility", upload=SimpleUploadedFile("a.pdf", PDF)
    )
    url = f"{base(office, 'pitches')}/{pitch.pk}/documents"
    listed = member_client(office, "viewer").get(url).json()
    assert listed["count"] == 1
    assert {k: listed["items"][0][k] for k in ("id", "kind", "name", "content_type")} == {
        "id": doc.pk,
        "kind": "feasibility",
        "name": "a.pdf",
        "content_type": "application/pdf",
    }
    remove = f"{base(office, 'pitch-documents')}/{doc.pk}"
    assert member_client(office, "viewer").delete(remove).status_code == 403
    stranger = member_client(other_office, "director")
    theirs = f"{base(other_office, 'pitch-documents')}/{doc.pk}"
    assert stranger.delete(theirs).status_code == 404
    assert PitchDocument.objects.exists()
    assert member_client(office, "officer").delete(remove).status_code == 204
    assert not PitchDocument.objects.exists()
    assert history_of(pitch)[0].action == "document_removed"


def test_the_opportunity_lists_sort_by_the_keys_they_offer(office: Any, member_client: Any) -> None:
    make_pitch(office, title_en="Beta")
    make_pitch(office, title_en="Alpha")
    viewer = member_client(office, "viewer")

    def titles(what: str, q: str) -> list[str]:
        return [r["title_en"] for r in viewer.get(base(office, what) + q).json()["items"]]

    assert titles("pitches", "?ordering=title") == ["Alpha", "Beta"]
    assert titles("pitches", "?ordering=-title") == ["Beta", "Alpha"]
    make_call(office, title_en="Later", deadline=TODAY + dt.timedelta(days=400))
    make_call(office, title_en="Sooner")
    assert titles("calls", "?ordering=-deadline") == ["Later", "Sooner"]
    for what in ("pitches", "calls", "applications"):
        refused = viewer.get(base(office, what) + "?ordering=version")
        assert refused.status_code == 422 and "ordering" in refused.json()["errors"], what
