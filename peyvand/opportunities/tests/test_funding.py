"""The rules of a funding call and of an application: amounts, ranges, currency, dates,
links, and another office's records refused; nothing is written when refused."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.tests.factories import make_member
from peyvand.core.validation import NotAllowedNow
from peyvand.opportunities import services
from peyvand.opportunities.models import Application, FundingCall
from peyvand.partnerships.tests.factories import area
from peyvand.places.tests.factories import make_city
from peyvand.records.history import StaleVersion, history_of

from .factories import TODAY, bank, make_application, make_call, make_pitch, move

pytestmark = pytest.mark.django_db


def errors(exc: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str]]:
    return exc.value.message_dict


def test_a_call_keeps_its_areas_and_history(office: Any) -> None:
    call = make_call(office, areas=[area("transport"), area("environment")], currency="usd")
    assert call.currency == "USD"
    assert sorted(a.code for a in call.areas.all()) == ["environment", "transport"]
    services.call_update(
        call=call, actor=SYSTEM, changes={"areas": [area("waste")]}, expected_version=1
    )
    (edit, created) = history_of(call)
    assert edit.changes["areas"] == [["environment", "transport"], ["waste"]]
    assert created.action == "created"


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"title_fa": "", "title_en": " "}, "title_fa"),
        ({"funder": None}, "funder"),
        ({"deadline": None}, "deadline"),
        ({"deadline": dt.date(2101, 1, 1)}, "deadline"),
        ({"amount_min": Decimal(10), "amount_max": Decimal(9)}, "amount_max"),
        ({"amount_min": Decimal(-5)}, "amount_min"),
        ({"amount_max": Decimal("1e20")}, "amount_max"),
        ({"currency": ""}, "currency"),
        ({"currency": "DOLLAR"}, "currency"),
        ({"link": "javascript:alert(1)"}, "link"),
        ({"link": "ftp://example.org/call"}, "link"),
        ({"notes": "x" * 2001}, "notes"),
    ],
)
def test_a_call_breaking_a_rule_is_refused(office: Any, values: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as exc:
        make_call(office, **values)
    assert field in errors(exc), errors(exc)
    assert not FundingCall.objects.exists()


def test_a_call_without_amounts_needs_no_currency_and_an_equal_range_is_fine(office: Any) -> None:
    make_call(office, amount_min=None, amount_max=None, currency="")
    make_call(office, amount_min=Decimal(5), amount_max=Decimal(5))
    assert FundingCall.objects.count() == 2


def test_a_call_with_applications_is_not_deleted_and_a_stale_delete_is_refused(
    office: Any,
) -> None:
    a = make_application(office)
    with pytest.raises(NotAllowedNow):
        services.call_delete(call=a.call, actor=SYSTEM)
    free = make_call(office)
    services.call_update(call=free, actor=SYSTEM, changes={"notes": "Seen"})
    with pytest.raises(StaleVersion):
        services.call_delete(call=free, actor=SYSTEM, expected_version=1)
    services.call_delete(call=free, actor=SYSTEM, expected_version=2)
    assert list(FundingCall.objects.all()) == [a.call]


# ---------------------------------------------------------------- applications


def test_an_application_starts_in_preparation_in_its_calls_currency(office: Any) -> None:
    pact_city = make_city(country="DE")
    a = make_application(
        office,
        pitch=make_pitch(office),
        partner_cities=[pact_city],
        partner_organizations=[bank("WB")],
    )
    assert (a.status, a.currency) == ("preparation", "USD")
    assert list(a.partner_cities.all()) == [pact_city]
    (created,) = history_of(a)
    assert created.changes["status"] == [None, "preparation"]
    assert created.changes["call"][1]["label_en"] == "Sustainable urban transport facility"


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"amount_requested": Decimal(999_999)}, "amount_requested"),  # below the call's least
        ({"amount_requested": Decimal(50_000_001)}, "amount_requested"),  # above its most
        ({"amount_requested": Decimal(-1)}, "amount_requested"),
        ({"amount_requested": Decimal("2.5")}, "amount_requested"),
        ({"currency": "EUR"}, "currency"),  # the call funds in USD
        ({"currency": "us"}, "currency"),
        ({"amount_granted": Decimal(1_000_000)}, "amount_granted"),  # not accepted yet
        ({"notes": "\x00"}, "notes"),
        ({"call": None}, "call"),
    ],
)
def test_an_application_breaking_a_rule_is_refused(
    office: Any, values: dict[str, Any], field: str
) -> None:
    call = make_call(office)
    values = {"call": call, **values}
    with pytest.raises(ValidationError) as exc:
        make_application(office, **values)
    assert field in errors(exc), errors(exc)
    assert not Application.objects.exists()


def test_a_call_without_a_range_or_a_currency_takes_any_amount_in_a_currency(office: Any) -> None:
    open_call = make_call(office, amount_min=None, amount_max=None, currency="")
    with pytest.raises(ValidationError) as exc:
        make_application(office, call=open_call, amount_requested=Decimal(7), currency="")
    assert "currency" in errors(exc)
    a = make_application(office, call=open_call, amount_requested=Decimal(7), currency="irr")
    assert a.currency == "IRR"


def test_another_offices_call_or_pitch_is_refused(office: Any, other_office: Any) -> None:
    theirs = make_call(other_office)
    their_pitch = make_pitch(other_office)
    with pytest.raises(ValidationError) as exc:
        make_application(office, call=theirs)
    assert "call" in errors(exc)
    with pytest.raises(ValidationError) as exc:
        make_application(office, pitch=their_pitch)
    assert "pitch" in errors(exc)
    a = make_application(office)
    with pytest.raises(ValidationError):
        services.application_update(application=a, actor=SYSTEM, changes={"pitch": their_pitch})
    assert Application.objects.get(pk=a.pk).pitch is None


def test_the_amount_granted_comes_with_acceptance_and_stays_within_the_request(
    office: Any,
) -> None:
    a = move(make_application(office), "submit", "accept")
    with pytest.raises(ValidationError) as exc:
        services.application_update(
            application=a, actor=SYSTEM, changes={"amount_granted": Decimal(20_000_001)}
        )
    assert "amount_granted" in errors(exc)
    a = services.application_update(
        application=a,
        actor=SYSTEM,
        changes={"amount_granted": Decimal(15_000_000)},
        expected_version=a.version,
    )
    assert a.amount_granted == Decimal(15_000_000)
    with pytest.raises(ValidationError) as exc:
        services.application_update(application=a, actor=SYSTEM, changes={"amount_requested": None})
    assert "amount_requested" in errors(exc)
    with pytest.raises(StaleVersion):
        services.application_update(
            application=a, actor=SYSTEM, changes={"notes": "x"}, expected_version=1
        )
    with pytest.raises(ValidationError) as exc:
        services.application_update(application=a, actor=SYSTEM, changes={"status": "completed"})
    assert "status" in errors(exc)


def test_a_viewer_cannot_apply(office: Any) -> None:
    with pytest.raises(PermissionDenied):
        make_application(office, actor=make_member(office, "viewer"))
    assert not Application.objects.exists()


def test_the_call_deadline_is_kept_as_given(office: Any) -> None:
    call = make_call(office, deadline=TODAY - dt.timedelta(days=3))
    assert call.deadline == TODAY - dt.timedelta(days=3)
