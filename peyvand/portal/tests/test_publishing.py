"""Publishing: nothing public by default; one service per kind (officer and up, recorded in
the history, optimistic locking), reached from the record's page toggle and from the API's
PATCH of `published` alike."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.models import Role
from peyvand.accounts.tests.factories import make_member
from peyvand.knowledge.tests.factories import make_practice
from peyvand.missions.tests.people_factories import make_event
from peyvand.opportunities.tests.factories import make_pitch
from peyvand.partnerships import services as pacts
from peyvand.partnerships.tests.factories import log, make_partnership
from peyvand.records.history import StaleVersion, history_of
from peyvand.records.models import Event
from peyvand.records.tests.locking import current

pytestmark = pytest.mark.django_db


def test_nothing_is_public_by_default(office: Any) -> None:
    p = make_partnership(office)
    records = [
        p,
        log(office, p, p.created_at.date()),
        make_practice(office),
        make_pitch(office),
        make_event(office),
    ]
    assert not any(r.published for r in records)


def test_publishing_is_recorded_in_the_history(office: Any) -> None:
    officer = make_member(office, Role.OFFICER)
    p = make_partnership(office)
    pacts.partnership_publish(record=p, actor=officer, published=True, expected_version=p.version)
    pacts.partnership_publish(record=p, actor=officer, published=False)
    actions = [e.action for e in history_of(p).order_by("pk")]
    assert actions[-2:] == ["published", "unpublished"]
    assert history_of(p).order_by("pk").last().changes == {"published": [True, False]}  # type: ignore[union-attr]
    activity = log(office, p, p.created_at.date())
    pacts.activity_publish(record=activity, actor=officer, published=True)
    entry = history_of(p).order_by("pk").last()
    assert entry is not None and entry.action == "activity_published"
    assert entry.subject == f"activity:{activity.pk}"


def test_publishing_needs_an_officer_and_the_current_version(office: Any) -> None:
    p = make_partnership(office)
    for role in (Role.VIEWER, Role.LIAISON):
        with pytest.raises(PermissionDenied):
            pacts.partnership_publish(record=p, actor=make_member(office, role), published=True)
    pacts.partnership_publish(record=p, actor=SYSTEM, published=True)
    with pytest.raises(StaleVersion):
        pacts.partnership_publish(record=p, actor=SYSTEM, published=False, expected_version=1)


def test_the_toggle_on_the_page_publishes_and_returns(office: Any, member_client: Any) -> None:
    p = make_partnership(office)
    officer = member_client(office, Role.OFFICER)
    page = officer.get(f"/en/o/{office.slug}/partnerships/{p.pk}/").content.decode()
    assert f'data-publish="partnership-{p.pk}"' in page
    url = f"/en/o/{office.slug}/publish/partnership/{p.pk}/"
    response = officer.post(
        url, {"version": p.version, "published": "1", "next": "https://evil.example/"}
    )
    assert (
        response.status_code == 302
        and response["Location"] == f"/en/o/{office.slug}/partnerships/{p.pk}/"
    )
    p.refresh_from_db()
    assert p.published and p.version == 2
    stale = officer.post(url, {"version": 1, "published": "0"})
    assert (
        stale.status_code == 409
        and "Someone else changed this partnership" in stale.content.decode()
    )
    p.refresh_from_db()
    assert p.published
    viewer = member_client(office, Role.VIEWER)
    assert viewer.post(url, {"version": p.version, "published": "0"}).status_code == 403
    assert (
        officer.post(
            f"/en/o/{office.slug}/publish/bogus/{p.pk}/", {"version": 2, "published": "0"}
        ).status_code
        == 404
    )


def test_the_toggle_answers_404_for_another_office(
    office: Any, other_office: Any, member_client: Any
) -> None:
    p = make_partnership(other_office)
    officer = member_client(office, Role.OFFICER)
    assert (
        officer.post(
            f"/en/o/{office.slug}/publish/partnership/{p.pk}/", {"version": 1, "published": "1"}
        ).status_code
        == 404
    )
    p.refresh_from_db()
    assert not p.published


@pytest.mark.parametrize(
    ("kind", "make", "path"),
    [
        ("partnership", lambda o: make_partnership(o), "partnerships"),
        ("practice", lambda o: make_practice(o), "practices"),
        ("pitch", lambda o: make_pitch(o), "pitches"),
        ("event", lambda o: make_event(o), "events"),
    ],
)
def test_the_api_patch_of_published_goes_through_the_service(
    office: Any, member_client: Any, kind: str, make: Any, path: str
) -> None:
    record = make(office)
    url = f"/api/v1/offices/{office.slug}/{path}/{record.pk}"
    viewer = member_client(office, Role.VIEWER)
    assert viewer.get(url).json()["published"] is False
    body = json.dumps({"published": True})
    now = current(record)
    assert viewer.patch(url, body, content_type="application/json", **now).status_code == 403
    officer = member_client(office, Role.OFFICER)
    stale = officer.patch(url, body, content_type="application/json", HTTP_IF_MATCH='"v99"')
    assert stale.status_code == 412
    answer = officer.patch(
        url, body, content_type="application/json", HTTP_IF_MATCH=f'"v{record.version}"'
    )
    assert answer.status_code == 200 and answer.json()["published"] is True
    record.refresh_from_db()
    assert record.published
    assert Event.objects.filter(action__endswith="published", office=office).exists()
    assert (
        officer.patch(
            url, json.dumps({"published": None}), content_type="application/json", **current(record)
        ).status_code
        == 422
    )
    assert (
        officer.patch(
            url,
            json.dumps({"published": "maybe"}),
            content_type="application/json",
            **current(record),
        ).status_code
        == 422
    )
    record.refresh_from_db()
    assert record.published


def test_the_api_publishes_activities_outcomes_and_missions(
    office: Any, member_client: Any
) -> None:
    from peyvand.missions.tests.factories import make_mission

    p = make_partnership(office)
    activity = log(office, p, p.created_at.date(), outcomes=[{"kind": "people", "value": 3}])
    outcome = activity.outcomes.get()
    mission = make_mission(office)
    officer = member_client(office, Role.OFFICER)
    viewer = member_client(office, Role.VIEWER)
    body = json.dumps({"published": True})
    for url, record in (
        (f"/api/v1/offices/{office.slug}/activities/{activity.pk}", activity),
        (f"/api/v1/offices/{office.slug}/outcomes/{outcome.pk}", outcome),
        (f"/api/v1/offices/{office.slug}/missions/{mission.pk}", mission),
    ):
        now = current(record)
        assert viewer.patch(url, body, content_type="application/json", **now).status_code == 403
        answer = officer.patch(url, body, content_type="application/json", **now)
        assert answer.status_code == 200 and answer.json()["published"] is True, url
    for published in (activity, outcome, mission):
        published.refresh_from_db()
        assert published.published
    listed = viewer.get(f"/api/v1/offices/{office.slug}/activities/{activity.pk}").json()
    assert listed["outcomes"][0]["published"] is True


def test_a_partnership_patch_with_fields_and_published_records_both(
    office: Any, member_client: Any
) -> None:
    p = make_partnership(office)
    officer = member_client(office, Role.OFFICER)
    url = f"/api/v1/offices/{office.slug}/partnerships/{p.pk}"
    body = json.dumps({"summary_en": "New words", "published": True})
    answer = officer.patch(url, body, content_type="application/json", **current(p))
    assert answer.status_code == 200
    assert answer.json()["published"] is True and answer.json()["summary_en"] == "New words"
    assert [e.action for e in history_of(p).order_by("pk")][-2:] == ["updated", "published"]
