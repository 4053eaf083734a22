"""The missions API's merge of a duplicate contact, event deletion, the documents'
metadata and the lists' sort orders: the pages' roles (officer and up), another office's
records not found, a stale If-Match 412, refused values 422, nothing written on refusal."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from peyvand.accounts.actors import SYSTEM
from peyvand.missions import services
from peyvand.missions.models import Contact, Event, MissionDocument
from peyvand.partnerships.tests.factories import make_partnership
from peyvand.partnerships.tests.support import PDF
from peyvand.records.history import history_of

from .factories import make_mission as plan_mission
from .people_factories import TODAY, make_contact, make_event, make_mission
from .test_people_api import base, send

pytestmark = pytest.mark.django_db


def merge_url(office: Any, contact: Contact) -> str:
    return f"{base(office)}/contacts/{contact.pk}/merge"


def test_an_officer_merges_a_duplicate_contact_into_another(
    office: Any, member_client: Any
) -> None:
    pact = make_partnership(office)
    keep = make_contact(office, name_en="Anna Berger")
    twin = make_contact(
        office, name_en="Anna Berger", email="anna@example.org", partnerships=[pact]
    )
    officer = member_client(office, "officer")
    body = {"merge_id": twin.pk, "merge_version": 1}
    stale = send(officer, "post", merge_url(office, keep), body, HTTP_IF_MATCH='"v9"')
    assert stale.status_code == 412
    stale_other = send(
        officer, "post", merge_url(office, keep), {**body, "merge_version": 5}, HTTP_IF_MATCH='"v1"'
    )
    assert stale_other.status_code == 412
    assert Contact.objects.count() == 2
    merged = send(officer, "post", merge_url(office, keep), body, HTTP_IF_MATCH='"v1"')
    assert merged.status_code == 200, merged.content
    assert (merged.json()["email"], merged.json()["partnership_ids"]) == (
        "anna@example.org",
        [pact.pk],
    )
    assert merged["ETag"] == f'"v{Contact.objects.get().version}"'
    assert list(Contact.objects.values_list("pk", flat=True)) == [keep.pk]


def test_a_merge_is_refused_for_a_role_another_office_or_bad_values(
    office: Any, other_office: Any, member_client: Any
) -> None:
    keep, twin = make_contact(office), make_contact(office, name_en="Twin")
    theirs = make_contact(other_office)
    body = {"merge_id": twin.pk, "merge_version": 1}
    for role in ("viewer", "liaison"):
        client = member_client(office, role)
        refused = send(client, "post", merge_url(office, keep), body, HTTP_IF_MATCH='"v1"')
        assert refused.status_code == 403
    officer = member_client(office, "officer")
    assert (
        send(officer, "post", merge_url(office, theirs), body, HTTP_IF_MATCH='"v1"').status_code
        == 404
    )
    across = send(
        officer,
        "post",
        merge_url(office, keep),
        {"merge_id": theirs.pk, "merge_version": 1},
        HTTP_IF_MATCH='"v1"',
    )
    assert across.status_code == 422 and "merge_id" in across.json()["errors"]
    for bad in (
        {"merge_id": keep.pk, "merge_version": 1},
        {"merge_id": 2**70, "merge_version": 1},
        {"merge_id": "twin", "merge_version": 1},
        {"merge_id": twin.pk, "merge_version": 2**40},
        {"merge_id": twin.pk},
        {"merge_id": twin.pk, "merge_version": 1, "keep": "both"},
    ):
        answer = send(officer, "post", merge_url(office, keep), bad, HTTP_IF_MATCH='"v1"')
        assert answer.status_code == 422, (bad, answer.content)
    assert Contact.objects.count() == 3 and Contact.objects.get(pk=keep.pk).version == 1


def test_an_event_is_deleted_with_if_match_and_kept_while_a_mission_links_it(
    office: Any, other_office: Any, member_client: Any
) -> None:
    linked = make_event(office, title_en="Linked")
    make_mission(office, event=linked)
    free = make_event(office, title_en="Free")
    theirs = make_event(other_office)
    officer = member_client(office, "officer")
    url = f"{base(office)}/events/{free.pk}"
    assert member_client(office, "viewer").delete(url, HTTP_IF_MATCH='"v1"').status_code == 403
    assert member_client(office, "liaison").delete(url, HTTP_IF_MATCH='"v1"').status_code == 403
    assert officer.delete(url, HTTP_IF_MATCH='"v2"').status_code == 412
    kept = officer.delete(f"{base(office)}/events/{linked.pk}", HTTP_IF_MATCH='"v1"')
    assert kept.status_code == 409 and kept.json()["code"] == "not_allowed_now"
    gone = officer.delete(f"{base(office)}/events/{theirs.pk}", HTTP_IF_MATCH='"v1"')
    assert gone.status_code == 404
    assert officer.delete(f"{base(office)}/events/{2**70}").status_code == 422
    assert Event.objects.count() == 3
    assert officer.delete(url, HTTP_IF_MATCH='"v1"').status_code == 204
    assert not Event.objects.filter(pk=free.pk).exists()


def test_a_missions_documents_are_listed_and_removed(
    office: Any, other_office: Any, member_client: Any, media: Any
) -> None:
    m = plan_mission(office)
    doc = services.document_add(
        mission=m, actor=SYSTEM, kind="agenda", upload=SimpleUploadedFile("agenda.pdf", PDF)
    )
    url = f"{base(office)}/missions/{m.pk}/documents"
    listed = member_client(office, "viewer").get(url).json()
    assert [(d["id"], d["kind"], d["name"]) for d in listed["items"]] == [
        (doc.pk, "agenda", "agenda.pdf")
    ]
    assert member_client(office, "viewer").get(url + "?ordering=owner").status_code == 422
    remove = f"{base(office)}/mission-documents/{doc.pk}"
    assert member_client(office, "liaison").delete(remove).status_code == 403
    theirs = plan_mission(other_office)
    officer = member_client(office, "officer")
    assert officer.get(f"{base(office)}/missions/{theirs.pk}/documents").status_code == 404
    stranger = member_client(other_office, "director")
    wrong = stranger.delete(f"{base(other_office)}/mission-documents/{doc.pk}")
    assert wrong.status_code == 404 and MissionDocument.objects.exists()
    assert officer.delete(remove).status_code == 204
    assert not MissionDocument.objects.exists()
    assert history_of(m)[0].action == "document_removed"


def test_the_missions_lists_sort_by_the_keys_they_offer(office: Any, member_client: Any) -> None:
    make_contact(office, name_en="Bert")
    make_contact(office, name_en="Anna")
    make_event(office, title_en="Later", starts_on=TODAY + dt.timedelta(days=90))
    make_event(office, title_en="Sooner", starts_on=TODAY + dt.timedelta(days=5))
    plan_mission(office, title_en="Beta")
    plan_mission(office, title_en="Alpha")
    viewer = member_client(office, "viewer")

    def names(what: str, key: str, q: str) -> list[str]:
        return [r[key] for r in viewer.get(f"{base(office)}/{what}{q}").json()["items"]]

    assert names("contacts", "name_en", "?ordering=-name") == ["Bert", "Anna"]
    assert names("events", "title_en", "?ordering=date") == ["Sooner", "Later"]
    assert names("events", "title_en", "?ordering=-date") == ["Later", "Sooner"]
    assert names("missions", "title_en", "?ordering=title") == ["Alpha", "Beta"]
    for what in ("contacts", "events", "missions"):
        refused = viewer.get(f"{base(office)}/{what}?ordering=version")
        assert refused.status_code == 422 and "ordering" in refused.json()["errors"], what


def test_bodies_naming_a_field_the_operation_does_not_take_are_refused(
    office: Any, member_client: Any
) -> None:
    officer = member_client(office, "officer")
    made = send(officer, "post", f"{base(office)}/contacts", {"name_en": "Anna", "admin": True})
    assert made.status_code == 422 and "admin" in made.json()["errors"]
    event = send(
        officer,
        "post",
        f"{base(office)}/events",
        {"title_en": "Forum", "starts_on": str(TODAY), "ends_on": str(TODAY), "owner": 1},
    )
    assert event.status_code == 422
    assert not Contact.objects.exists() and not Event.objects.exists()


def test_the_duplicates_of_a_contact_are_listed_as_on_the_merge_page(
    office: Any, other_office: Any, member_client: Any
) -> None:
    keep = make_contact(office, name_en="Anna Berger", email="anna@example.org")
    twin = make_contact(office, name_en="A. Berger", email="anna@example.org")
    other = make_contact(office, name_en="Bert Anders")
    make_contact(other_office, name_en="Anna Berger", email="anna@example.org")
    viewer = member_client(office, "viewer")
    url = f"{base(office)}/contacts/{keep.pk}/duplicates"

    def ids(q: str) -> list[int]:
        return [c["id"] for c in viewer.get(url + q).json()["items"]]

    assert ids("") == [twin.pk]
    assert ids("?q=bert") == [twin.pk, other.pk]
    assert ids("?q=bert&ordering=-name") == [other.pk, twin.pk]
    assert viewer.get(url + "?ordering=email").status_code == 422
    assert viewer.get(url + "?q=" + "x" * 201).status_code == 422
    theirs = Contact.objects.for_office(other_office).get()
    assert viewer.get(f"{base(office)}/contacts/{theirs.pk}/duplicates").status_code == 404
