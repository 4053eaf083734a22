"""Citizens' feedback: abuse protection (honeypot, minimum time, rate limits per address and
per record, length and link limits), moderation with its history, the email never shown and
erased, plain text, the average over approved ratings only."""

from __future__ import annotations

import math
import time
from typing import Any

import pytest
from django.core import signing
from django.core.cache import cache
from django.test import Client

from peyvand.accounts.models import Role
from peyvand.core.stamps import SALT, stamp_age
from peyvand.portal import services
from peyvand.portal.models import Feedback, FeedbackStatus
from peyvand.portal.services import guard
from peyvand.records.history import history_of

from .conftest import Portal

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_limits() -> Any:
    cache.clear()
    yield
    cache.clear()


def stamp(seconds_ago: float = 10) -> str:
    """A form shown `seconds_ago` (whole seconds, rounded up: a stamp of 2 s must not be
    read as nearly 3 s once the clock's fraction is dropped)."""
    return signing.dumps(math.ceil(time.time() - seconds_ago), salt=SALT)


def post(client: Client, portal: Portal, **data: Any) -> Any:
    url = f"/en/p/{portal.office.slug}/partnerships/{portal['pact'].pk}/"
    fields = {"form": "feedback", "comment": "The metro visit helped", "stamp": stamp(), **data}
    return client.post(url, fields, REMOTE_ADDR=data.pop("ip", "10.0.0.1"))


def pending() -> list[Feedback]:
    return list(Feedback.objects.filter(status=FeedbackStatus.PENDING, comment__contains="metro"))


def test_a_comment_waits_for_moderation_and_is_not_shown(portal: Portal, client: Client) -> None:
    response = post(client, portal, rating="5", email="citizen@example.org")
    assert response.status_code == 302 and response["Location"].endswith("#feedback")
    row = pending()[0]
    assert row.rating == 5 and row.email == "citizen@example.org" and row.language == "en"
    page = client.get(f"/en/p/{portal.office.slug}/partnerships/{portal['pact'].pk}/")
    assert "The metro visit helped" not in page.content.decode()
    assert "Average rating: 4.0" in page.content.decode()  # the approved one only


def test_the_honeypot_stores_nothing_and_says_nothing(portal: Portal, client: Client) -> None:
    response = post(client, portal, website="http://spam.example")
    assert response.status_code == 302
    assert pending() == []


@pytest.mark.parametrize("made", [0, 1, 2])
def test_a_form_sent_too_fast_is_refused(portal: Portal, client: Client, made: float) -> None:
    response = post(client, portal, stamp=stamp(made))
    assert response.status_code == 200
    assert "too quickly" in response.content.decode()
    assert pending() == []


@pytest.mark.parametrize("value", ["", "forged", stamp(3 * 24 * 3600), "x" * 500])
def test_a_missing_forged_or_stale_stamp_is_refused(
    portal: Portal, client: Client, value: str
) -> None:
    response = post(client, portal, stamp=value)
    assert response.status_code == 200 and "expired" in response.content.decode()
    assert pending() == []


def test_the_page_carries_a_fresh_stamp_even_when_kept(portal: Portal, client: Client) -> None:
    url = f"/en/p/{portal.office.slug}/partnerships/{portal['pact'].pk}/"
    first = client.get(url).content.decode()
    assert "PEYVANDFORMSTAMPPLACEHOLDER" not in first
    value = first.split('name="stamp" value="', 1)[1].split('"', 1)[0]
    age = stamp_age(value)
    assert age is not None and 0 <= age < 5


def test_rate_limit_per_address(portal: Portal, client: Client, monkeypatch: Any) -> None:
    monkeypatch.setitem(guard.LIMITS, "feedback", (guard.Limit(2, 600), guard.Limit(100, 3600)))
    assert post(client, portal, ip="10.0.0.9").status_code == 302
    assert post(client, portal, ip="10.0.0.9").status_code == 302
    refused = post(client, portal, ip="10.0.0.9")
    assert refused.status_code == 429 and "Too many messages" in refused.content.decode()
    assert post(client, portal, ip="10.0.0.10").status_code == 302  # another address
    assert len(pending()) == 3


def test_rate_limit_per_record(portal: Portal, client: Client, monkeypatch: Any) -> None:
    monkeypatch.setitem(guard.LIMITS, "feedback", (guard.Limit(100, 600), guard.Limit(2, 3600)))
    for n in range(2):
        assert post(client, portal, ip=f"10.1.0.{n}").status_code == 302
    assert post(client, portal, ip="10.1.0.9").status_code == 429
    assert len(pending()) == 2


@pytest.mark.parametrize(
    ("comment", "error"),
    [
        ("", "This field is required."),
        ("ok", "a few words at least"),
        ("x" * 2001, "at most 2000 characters"),
        ("see http://a.example http://b.example www.c.example", "at most 2 links"),
        ("bad \x00 byte", ""),
    ],
)
def test_length_and_link_limits(portal: Portal, client: Client, comment: str, error: str) -> None:
    before = Feedback.objects.count()
    response = post(client, portal, comment=comment)
    assert response.status_code in (200, 400)  # a NUL is refused before the page
    if error:
        assert error in response.content.decode()
    assert Feedback.objects.count() == before


@pytest.mark.parametrize("rating", ["0", "6", "-1", "x", "99999999999"])
def test_a_rating_outside_one_to_five_is_refused(
    portal: Portal, client: Client, rating: str
) -> None:
    assert post(client, portal, rating=rating).status_code == 200
    assert pending() == []


def test_a_comment_is_plain_text(portal: Portal, client: Client, office_officer: Any) -> None:
    post(client, portal, comment="<script>alert(1)</script> <b>bold</b>")
    row = Feedback.objects.get(comment__startswith="<script>")
    services.feedback_moderate(feedback=row, actor=office_officer, action="approve")
    page = client.get(
        f"/en/p/{portal.office.slug}/partnerships/{portal['pact'].pk}/"
    ).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<b>bold</b>" not in page


@pytest.fixture
def office_officer(portal: Portal) -> Any:
    from peyvand.accounts.tests.factories import make_member

    return make_member(portal.office, Role.OFFICER)


@pytest.mark.parametrize("action", ["reject", "spam", "answered"])
def test_the_email_is_erased_and_the_history_never_holds_it(
    portal: Portal, office_officer: Any, action: str
) -> None:
    row = Feedback.objects.create(
        office=portal.office, partnership=portal["pact"], comment="Thanks", email="me@example.org"
    )
    services.feedback_moderate(feedback=row, actor=office_officer, action=action)
    row.refresh_from_db()
    assert row.email == ""
    event = history_of(row).get()
    assert event.action == action and event.actor == office_officer.user
    assert "me@example.org" not in str(event.changes)
    assert event.changes["email_erased"] == [False, True]


def test_approval_keeps_the_email_private_and_is_recorded(
    portal: Portal, office_officer: Any, client: Client
) -> None:
    row = Feedback.objects.create(
        office=portal.office,
        partnership=portal["pact"],
        comment="Well done",
        rating=2,
        email="me@example.org",
    )
    services.feedback_moderate(feedback=row, actor=office_officer, action="approve")
    row.refresh_from_db()
    assert row.status == FeedbackStatus.APPROVED and row.email == "me@example.org"
    assert history_of(row).get().changes == {"status": ["pending", "approved"]}
    page = client.get(
        f"/en/p/{portal.office.slug}/partnerships/{portal['pact'].pk}/"
    ).content.decode()
    assert "Well done" in page and "me@example.org" not in page
    assert "Average rating: 3.0 out of 5 (2 ratings)" in page


def test_moderation_needs_an_officer_and_the_version(portal: Portal, member_client: Any) -> None:
    row = Feedback.objects.create(
        office=portal.office, partnership=portal["pact"], comment="Hi there"
    )
    url = f"/en/o/{portal.office.slug}/portal/feedback/{row.pk}/moderate/"
    viewer = member_client(portal.office, Role.VIEWER)
    assert viewer.post(url, {"action": "approve", "version": row.version}).status_code == 403
    officer = member_client(portal.office, Role.OFFICER)
    response = officer.post(url, {"action": "approve", "version": row.version, "status": "pending"})
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.status == FeedbackStatus.APPROVED and row.version == 2
    stale = officer.post(url, {"action": "reject", "version": 1})
    assert stale.status_code == 409
    row.refresh_from_db()
    assert row.status == FeedbackStatus.APPROVED
    other = member_client(portal.other, Role.DIRECTOR)
    assert (
        other.post(
            f"/en/o/{portal.other.slug}/portal/feedback/{row.pk}/moderate/",
            {"action": "reject", "version": 2},
        ).status_code
        == 404
    )


def test_the_queue_and_inbox_are_for_officers(portal: Portal, member_client: Any) -> None:
    officer = member_client(portal.office, Role.OFFICER)
    for lang in ("fa", "en"):
        page = officer.get(f"/{lang}/o/{portal.office.slug}/portal/")
        assert page.status_code == 200 and "SECRET pending comment" in page.content.decode()
        assert "SECRET-reply@example.org" in page.content.decode()  # the office sees it
        assert officer.get(f"/{lang}/o/{portal.office.slug}/portal/inbox/").status_code == 200
    liaison = member_client(portal.office, Role.LIAISON)
    assert liaison.get(f"/en/o/{portal.office.slug}/portal/").status_code == 403


def test_the_pitch_contact_form_reaches_the_office_inbox(
    portal: Portal, client: Client, member_client: Any
) -> None:
    url = f"/en/p/{portal.office.slug}/pitches/{portal['pitch'].pk}/"
    data = {
        "form": "contact",
        "name": "Anna Investor",
        "organization": "Green Fund",
        "email": "anna@example.org",
        "body": "We would like the feasibility study.",
        "stamp": stamp(),
    }
    assert client.post(url, data).status_code == 302
    assert client.post(url, {**data, "website": "x"}).status_code == 302  # honeypot
    assert "too quickly" in client.post(url, {**data, "stamp": stamp(0)}).content.decode()
    from peyvand.portal.models import InboxMessage

    message = InboxMessage.objects.get()
    assert message.office == portal.office and message.pitch == portal["pitch"]
    officer = member_client(portal.office, Role.OFFICER)
    inbox = officer.get(f"/en/o/{portal.office.slug}/portal/inbox/").content.decode()
    assert "We would like the feasibility study." in inbox and "anna@example.org" in inbox
    assert "anna@example.org" not in client.get(url).content.decode()
    handled = officer.post(
        f"/en/o/{portal.office.slug}/portal/inbox/{message.pk}/handled/", {"handled": "1"}
    )
    assert handled.status_code == 302
    message.refresh_from_db()
    assert message.status == "handled"
    assert not InboxMessage.objects.for_office(portal.other).exists()
