"""The funding pages in fa and en: the calls (upcoming deadlines first, by area), a call,
its forms and deletion; the applications (by status), one with its workflow's buttons,
its forms (stale edit); another office's: 404; roles."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from peyvand.opportunities.models import Application, FundingCall
from peyvand.partnerships.tests.factories import area

from .factories import TODAY, bank, make_application, make_call, make_pitch, move

pytestmark = pytest.mark.django_db


def url(name: str, office: Any, lang: str = "en", **kw: Any) -> str:
    with translation.override(lang):
        return reverse(f"opportunities:{name}", kwargs={"office_slug": office.slug, **kw})


def call_data(**kw: Any) -> dict[str, Any]:
    data = {
        "funder": str(bank("WB").pk),
        "title_fa": "صندوق تاب‌آوری شهری",
        "title_en": "Urban resilience facility",
        "deadline": (TODAY + dt.timedelta(days=30)).isoformat(),
        "amount_min": "5,000,000",
        "amount_max": "۵۰۰۰۰۰۰۰",
        "currency": "USD",
        "areas": [str(area("environment").pk), str(area("waste").pk)],
        "link": "https://www.worldbank.org/call",
    }
    data.update(kw)
    return data


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_calls_list_upcoming_first_then_passed_and_filter_by_area(
    office: Any, member_client: Any, lang: str
) -> None:
    later = make_call(office, title_en="Later", deadline=TODAY + dt.timedelta(days=90))
    soon = make_call(
        office, title_en="Soon", deadline=TODAY + dt.timedelta(days=3), areas=[area("waste")]
    )
    passed = make_call(office, title_en="Passed", deadline=TODAY - dt.timedelta(days=1))
    client = member_client(office, "viewer")
    page = client.get(url("call_list", office, lang)).text
    rows = [page.index(f'data-call-row="{c.pk}"') for c in (soon, later, passed)]
    assert rows == sorted(rows)
    filtered = client.get(url("call_list", office, lang) + "?area=waste").text
    assert (
        f'data-call-row="{soon.pk}"' in filtered and f'data-call-row="{later.pk}"' not in filtered
    )
    open_only = client.get(url("call_list", office, lang) + "?open=1").text
    assert f'data-call-row="{passed.pk}"' not in open_only
    detail = client.get(url("call_detail", office, lang, pk=soon.pk))
    assert detail.status_code == 200 and "data-history" in detail.text
    assert "data-apply" not in detail.text  # a viewer


def test_the_calls_list_says_when_empty(office: Any, member_client: Any) -> None:
    client = member_client(office, "viewer")
    assert "No funding calls on the watch list yet" in client.get(url("call_list", office)).text
    make_call(office)
    assert "No funding call matches" in client.get(url("call_list", office) + "?area=sport").text


def test_an_officer_creates_edits_and_deletes_a_call(office: Any, member_client: Any) -> None:
    client = member_client(office, "officer")
    assert client.get(url("call_create", office)).status_code == 200
    bad = client.post(
        url("call_create", office), call_data(amount_min="60000000", link="javascript:x")
    )
    assert bad.status_code == 200
    assert "cannot be below the smallest" in bad.text and "http://" in bad.text
    assert not FundingCall.objects.exists()
    made = client.post(url("call_create", office), call_data())
    assert made.status_code == 302
    call = FundingCall.objects.get()
    assert (call.amount_min, call.amount_max) == (Decimal(5_000_000), Decimal(50_000_000))
    assert sorted(a.code for a in call.areas.all()) == ["environment", "waste"]
    edit = client.post(url("call_edit", office, pk=call.pk), call_data(notes="Ask", version="1"))
    assert edit.status_code == 302
    stale = client.post(url("call_edit", office, pk=call.pk), call_data(notes="No", version="1"))
    assert stale.status_code == 409 and "data-stale" in stale.text
    assert FundingCall.objects.get().notes == "Ask"
    assert client.get(url("call_delete", office, pk=call.pk)).status_code == 200
    client.post(url("call_delete", office, pk=call.pk), {"version": "2"})
    assert not FundingCall.objects.exists()


def test_a_call_with_applications_stays(office: Any, member_client: Any) -> None:
    a = make_application(office)
    client = member_client(office, "officer")
    answer = client.post(url("call_delete", office, pk=a.call_id), {"version": "1"}, follow=True)
    assert "cannot be deleted" in answer.text and FundingCall.objects.exists()


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_applications_list_by_status_and_detail_with_buttons(
    office: Any, member_client: Any, lang: str
) -> None:
    a = make_application(office, pitch=make_pitch(office))
    sent = move(make_application(office), "submit")
    client = member_client(office, "officer")
    page = client.get(url("application_list", office, lang) + "?status=submitted").text
    assert f'data-application-row="{sent.pk}"' in page
    assert f'data-application-row="{a.pk}"' not in page
    empty = client.get(url("application_list", office, lang) + "?status=completed").text
    assert "data-empty" in empty
    detail = client.get(url("application_detail", office, lang, pk=a.pk)).text
    assert 'data-action="submit"' in detail and 'data-action="accept"' not in detail
    viewer = member_client(office, "viewer")
    assert "data-actions" not in viewer.get(url("application_detail", office, lang, pk=a.pk)).text


def test_the_status_buttons_move_the_application(office: Any, member_client: Any) -> None:
    a = make_application(office)
    client = member_client(office, "officer")
    go = url("application_status", office, pk=a.pk)
    client.post(go, {"action": "submit", "version": "1"})
    assert Application.objects.get().status == "submitted"
    refused = client.post(go, {"action": "implement", "version": "2"}, follow=True)
    assert "Only an accepted application" in refused.text
    no_reason = client.post(go, {"action": "reject", "version": "2"}, follow=True)
    assert "Say why" in no_reason.text and Application.objects.get().status == "submitted"
    stale = client.post(go, {"action": "accept", "version": "1"}, follow=True)
    assert "Someone else changed" in stale.text and Application.objects.get().status == "submitted"
    client.post(go, {"action": "reject", "reason": "Out of scope", "version": "2"})
    a.refresh_from_db()
    assert (a.status, a.status_reason) == ("rejected", "Out of scope")
    assert member_client(office, "viewer").post(go, {"action": "submit"}).status_code == 403
    assert client.get(go).status_code == 405


def test_an_application_is_created_from_a_call_and_edited(office: Any, member_client: Any) -> None:
    call = make_call(office)
    pitch = make_pitch(office)
    client = member_client(office, "officer")
    form = client.get(url("application_create", office) + f"?call={call.pk}&pitch=x")
    assert form.status_code == 200 and f'<option value="{call.pk}" selected' in form.text
    none = client.post(url("application_create", office), {"amount_requested": "1"})
    assert none.status_code == 200 and "Choose the funding call" in none.text
    low = client.post(
        url("application_create", office), {"call": str(call.pk), "amount_requested": "10"}
    )
    assert "The call funds at least 1,000,000 USD." in low.text
    made = client.post(
        url("application_create", office),
        {"call": str(call.pk), "pitch": str(pitch.pk), "amount_requested": "۲۰٬۰۰۰٬۰۰۰"},
    )
    assert made.status_code == 302
    a = Application.objects.get()
    assert (a.amount_requested, a.currency, a.pitch) == (Decimal(20_000_000), "USD", pitch)
    granted = client.post(
        url("application_edit", office, pk=a.pk),
        {
            "call": str(call.pk),
            "amount_requested": "20000000",
            "amount_granted": "1",
            "version": "1",
        },
    )
    assert "once the application is accepted" in granted.text
    edited = client.post(
        url("application_edit", office, pk=a.pk),
        {"call": str(call.pk), "amount_requested": "30000000", "version": "1"},
    )
    assert edited.status_code == 302 and Application.objects.get().pitch is None
    stale = client.post(
        url("application_edit", office, pk=a.pk),
        {"call": str(call.pk), "amount_requested": "1000000", "version": "1"},
    )
    assert stale.status_code == 409 and "data-stale" in stale.text


def test_roles_and_isolation(office: Any, other_office: Any, member_client: Any) -> None:
    a = make_application(office)
    viewer = member_client(office, "viewer")
    assert viewer.get(url("call_create", office)).status_code == 403
    assert viewer.get(url("application_create", office)).status_code == 403
    assert viewer.get(url("call_edit", office, pk=a.call_id)).status_code == 403
    assert viewer.get(url("application_edit", office, pk=a.pk)).status_code == 403
    stranger = member_client(other_office, "director")
    for name, pk in (
        ("call_detail", a.call_id),
        ("call_edit", a.call_id),
        ("call_delete", a.call_id),
        ("application_detail", a.pk),
        ("application_edit", a.pk),
    ):
        assert stranger.get(url(name, other_office, pk=pk)).status_code == 404, name
    go = url("application_status", other_office, pk=a.pk)
    assert stranger.post(go, {"action": "submit"}).status_code == 404
    form = stranger.get(url("application_create", other_office) + f"?call={a.call_id}")
    i = form.text.find(a.call.title_en)
    assert i == -1, form.text[i - 800 : i + 50]
    smuggled = stranger.post(
        url("application_create", other_office),
        {"call": str(a.call_id), "amount_requested": "2000000"},
    )
    assert smuggled.status_code == 200 and Application.objects.count() == 1
    assert Application.objects.get().status == "preparation"
