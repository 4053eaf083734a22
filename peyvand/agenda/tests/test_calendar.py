"""The calendar (issue 14, point 2): every module's dated things in one list, the month in
the page's calendar, the agenda, the API, and each member's private iCal feed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.calendar import calendar_items
from peyvand.accounts.models import OfficeMembership, Role
from peyvand.accounts.tests.factories import make_member, make_office
from peyvand.agenda import selectors, services
from peyvand.agenda.feeds import feed_member, feed_token
from peyvand.missions.tests.people_factories import make_event, make_mission
from peyvand.opportunities import services as opportunities
from peyvand.organizations import services as organizations
from peyvand.organizations.models import Organization
from peyvand.partnerships import services as partnerships
from peyvand.partnerships.calendar import anniversary_on
from peyvand.partnerships.tests.factories import make_partnership

DAY = dt.date(2026, 6, 10)


@pytest.fixture
def dated(office: Any) -> dict[str, Any]:
    """One record of each kind, dated in June 2026, and the ones that must stay out."""
    pact = make_partnership(office, signed_on=dt.date(2016, 6, 12))
    due = partnerships.commitment_create(
        partnership=pact, actor=SYSTEM, title="Joint report", due_on=DAY
    )
    done = partnerships.commitment_create(
        partnership=pact, actor=SYSTEM, title="Old visit", due_on=DAY
    )
    done = partnerships.commitment_update(commitment=done, actor=SYSTEM, status="done", done_on=DAY)
    uclg = Organization.objects.get(acronym="UCLG")
    membership = organizations.membership_create(
        office=office,
        actor=SYSTEM,
        organization=uclg,
        since=dt.date(2004, 5, 5),
        annual_fee=Decimal(12000),
        fee_currency="EUR",
        fee_due_on=DAY + dt.timedelta(days=5),
    )
    obligation = organizations.obligation_create(
        membership=membership,
        actor=SYSTEM,
        kind="report",
        title="Annual survey",
        due_on=DAY + dt.timedelta(days=1),
    )
    event = make_event(
        office, starts_on=DAY - dt.timedelta(days=1), ends_on=DAY + dt.timedelta(days=1)
    )
    mission = make_mission(
        office, status="approved", start_date=DAY, end_date=DAY + dt.timedelta(days=3)
    )
    call = opportunities.call_create(
        office=office, actor=SYSTEM, funder=uclg, title_en="Green cities", deadline=DAY
    )
    make_mission(office, status="cancelled", title_en="Called off", start_date=DAY, end_date=DAY)
    return {
        "pact": pact,
        "due": due,
        "done": done,
        "membership": membership,
        "obligation": obligation,
        "event": event,
        "mission": mission,
        "call": call,
    }


def _uids(items: Any) -> set[str]:
    return {i.uid for i in items}


def test_every_kind_comes_in_and_what_is_done_or_called_off_stays_out(
    office: Any, other_office: Any, dated: dict[str, Any]
) -> None:
    items = calendar_items(office, dt.date(2026, 6, 1), dt.date(2026, 6, 30))
    expected = {
        f"commitment-{dated['due'].pk}",
        f"fee-{dated['membership'].pk}",
        f"obligation-{dated['obligation'].pk}",
        f"event-{dated['event'].pk}",
        f"mission-{dated['mission'].pk}",
        f"anniversary-{dated['pact'].pk}-2026",
        f"call-{dated['call'].pk}",
    }
    assert dated["done"].status == "done"
    assert f"commitment-{dated['done'].pk}" not in _uids(items)
    assert expected <= _uids(items)
    assert not any(i.title == "Called off" for i in items)
    assert [i.start for i in items] == sorted(i.start for i in items)
    anniversary = next(i for i in items if i.kind == "anniversary")
    assert anniversary.start == dt.date(2026, 6, 12)
    with translation.override("en"):
        assert (
            "10 years"
            in calendar_items(office, anniversary.start, anniversary.start, ["anniversary"])[
                0
            ].title
        )
    assert calendar_items(other_office, dt.date(2026, 6, 1), dt.date(2026, 6, 30)) == []
    only = calendar_items(office, dt.date(2026, 6, 1), dt.date(2026, 6, 30), ["event"])
    assert {i.kind for i in only} == {"event"}


def test_a_paid_fee_and_a_done_obligation_leave_the_calendar(
    office: Any, dated: dict[str, Any]
) -> None:
    m, o = dated["membership"], dated["obligation"]
    organizations.membership_update(membership=m, actor=SYSTEM, data={"fee_paid_on": DAY})
    organizations.obligation_mark_done(obligation=o, actor=SYSTEM, done_on=DAY)
    uids = _uids(calendar_items(office, dt.date(2026, 6, 1), dt.date(2026, 6, 30)))
    assert f"fee-{m.pk}" not in uids
    assert f"obligation-{o.pk}" not in uids


def test_anniversary_of_a_leap_day() -> None:
    assert anniversary_on(dt.date(2016, 2, 29), 2027) == dt.date(2027, 2, 28)
    assert anniversary_on(dt.date(2016, 2, 29), 2028) == dt.date(2028, 2, 29)


def test_the_persian_month_is_jalali_from_saturday_and_the_english_gregorian_from_monday(
    office: Any, dated: dict[str, Any]
) -> None:
    # Khordad 1405 runs from 22 May to 21 June 2026.
    fa = selectors.month_view(office, 1405, 3, persian=True, today=DAY)
    days = [d for week in fa.weeks for d in week]
    assert days[0].date.weekday() == 5  # Saturday
    inside = [d for d in days if d.in_month]
    assert (inside[0].date, inside[-1].date) == (dt.date(2026, 5, 22), dt.date(2026, 6, 21))
    assert [d.number for d in inside][:2] == [1, 2]
    assert fa.title == "خرداد 1405"
    assert (fa.previous, fa.next) == ((1405, 2), (1405, 4))
    today = next(d for d in days if d.today)
    assert today.date == DAY and today.items
    # the event runs 9-11 June: on each of its days
    event_days = [d.date for d in days if any(i.kind == "event" for i in d.items)]
    assert event_days == [DAY - dt.timedelta(days=1), DAY, DAY + dt.timedelta(days=1)]
    en = selectors.month_view(office, 2026, 6, persian=False, today=DAY)
    assert en.weeks[0][0].date.weekday() == 0
    assert en.weeks[0][0].date <= dt.date(2026, 6, 1) < en.weeks[0][0].date + dt.timedelta(days=7)
    assert en.next == (2026, 7) and selectors.month_view(
        office, 2026, 12, persian=False, today=DAY
    ).next == (2027, 1)


def test_pages_in_both_languages(office: Any, dated: dict[str, Any], member_client: Any) -> None:
    client = member_client(office, Role.VIEWER)
    kw = {"office_slug": office.slug}
    fa = client.get(reverse("agenda:month", kwargs=kw), {"y": 1405, "m": 3})
    html = fa.content.decode()
    assert fa.status_code == 200
    assert "خرداد ۱۴۰۵" in html
    assert f'data-item="event-{dated["event"].pk}"' in html
    assert "data-feed-url" in html
    with translation.override("en"):
        month = reverse("agenda:month", kwargs=kw)
        agenda = reverse("agenda:agenda", kwargs=kw)
    en = client.get(month, {"y": 2026, "m": 6, "kind": ["event"]}).content.decode()
    assert "June 2026" in en
    assert f'data-item="event-{dated["event"].pk}"' in en
    assert f'data-item="mission-{dated["mission"].pk}"' not in en  # filtered out
    listed = client.get(agenda, {"start": "2026-06-01"}).content.decode()
    assert f'data-agenda-day="{DAY.isoformat()}"' in listed
    assert "Joint report" in listed
    bad = client.get(month, {"y": 99999, "m": 13})
    assert bad.status_code == 200
    assert "Some filters are not valid" in bad.content.decode()


def test_another_office_sees_none_of_it(
    office: Any, other_office: Any, dated: dict[str, Any], member_client: Any
) -> None:
    client = member_client(other_office, Role.DIRECTOR)
    assert (
        client.get(reverse("agenda:month", kwargs={"office_slug": office.slug})).status_code == 404
    )
    html = client.get(
        reverse("agenda:month", kwargs={"office_slug": other_office.slug}), {"y": 1405, "m": 3}
    ).content.decode()
    assert "data-item=" not in html
    api = f"/api/v1/offices/{office.slug}/calendar"
    assert client.get(api, {"start": "2026-06-01", "end": "2026-06-30"}).status_code == 404


def test_api_lists_the_range_and_refuses_bad_ones(
    office: Any, dated: dict[str, Any], member_client: Any
) -> None:
    client = member_client(office, Role.VIEWER)
    api = f"/api/v1/offices/{office.slug}/calendar"
    answer = client.get(api, {"start": "2026-06-01", "end": "2026-06-30"})
    assert answer.status_code == 200
    body = answer.json()
    assert body["count"] == len(body["items"]) >= 6
    assert {"kind", "uid", "title", "start", "end", "url", "detail"} == set(body["items"][0])
    only = client.get(api, {"start": "2026-06-01", "end": "2026-06-30", "kind": "fee,event"}).json()
    assert {i["kind"] for i in only["items"]} == {"fee", "event"}
    for params in (
        {"start": "2026-06-30", "end": "2026-06-01"},
        {"start": "2020-01-01", "end": "2026-01-01"},
        {"start": "2026-06-01", "end": "2026-06-30", "kind": "nonsense"},
        {"start": "not a date", "end": "2026-06-30"},
        {"start": "2026-06-01"},
    ):
        assert client.get(api, params).status_code == 422, params


def _feed(client: Client, url: str) -> Calendar:
    answer = client.get(url.removeprefix("http://testserver"))
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(answer.content)


def test_the_feed_holds_exactly_what_the_member_may_see_with_stable_uids(
    office: Any, other_office: Any, dated: dict[str, Any], member_client: Any
) -> None:
    client = member_client(office, Role.VIEWER)
    url = client.get(f"/api/v1/offices/{office.slug}/calendar/feed").json()["url"]
    assert url.startswith("http://testserver/fa/feeds/calendar/") and url.endswith(".ics")
    make_event(
        other_office, title_en="Not ours", starts_on=dt.date.today(), ends_on=dt.date.today()
    )
    anonymous = Client()
    first = _feed(anonymous, url)
    events = list(first.walk("VEVENT"))
    today = dt.date.today()
    visible = calendar_items(
        office, today - dt.timedelta(days=366), today + dt.timedelta(days=2 * 366)
    )
    assert {str(e["UID"]).split(".")[0] for e in events} == _uids(visible)
    assert not any("Not ours" in str(e["SUMMARY"]) for e in events)
    again = _feed(anonymous, url)
    assert [str(e["UID"]) for e in again.walk("VEVENT")] == [str(e["UID"]) for e in events]
    one = next(e for e in events if str(e["UID"]).startswith(f"event-{dated['event'].pk}."))
    assert one.decoded("DTSTART") == dated["event"].starts_on
    assert one.decoded("DTEND") == dated["event"].ends_on + dt.timedelta(days=1)


def test_a_new_address_kills_the_old_one(office: Any, member_client: Any) -> None:
    client = member_client(office, Role.VIEWER)
    kw = {"office_slug": office.slug}
    old = client.get(f"/api/v1/offices/{office.slug}/calendar/feed").json()["url"]
    page = reverse("agenda:feed_regenerate", kwargs=kw)
    assert client.get(page).status_code == 200  # the confirmation
    assert client.post(page).status_code == 302
    new = client.get(f"/api/v1/offices/{office.slug}/calendar/feed").json()["url"]
    assert new != old
    anonymous = Client()
    assert anonymous.get(old.removeprefix("http://testserver")).status_code == 404
    assert anonymous.get(new.removeprefix("http://testserver")).status_code == 200
    newest = client.post(f"/api/v1/offices/{office.slug}/calendar/feed").json()["url"]
    assert anonymous.get(new.removeprefix("http://testserver")).status_code == 404
    assert anonymous.get(newest.removeprefix("http://testserver")).status_code == 200


def test_a_feed_dies_with_the_membership_and_a_forged_one_never_lives(office: Any) -> None:
    member = make_member(office, Role.VIEWER)
    token = feed_token(office, member.user)
    assert feed_token(office, member.user) == token  # the same address each time
    assert feed_member(token) == member
    assert feed_member(token[:-2] + "xx") is None
    assert feed_member("nonsense") is None
    other = make_office("calendar-other")
    assert feed_member(feed_token(other, member.user)) is None  # not a member there
    OfficeMembership.objects.filter(pk=member.pk).delete()
    assert feed_member(token) is None
    assert Client().get(f"/fa/feeds/calendar/{token}.ics").status_code == 404


def test_regenerating_needs_a_member(office: Any) -> None:
    member = make_member(office, Role.VIEWER)
    first = feed_token(office, member.user)
    second = services.feed_regenerate(office=office, actor=member)
    assert first != second and feed_member(second) == member and feed_member(first) is None
