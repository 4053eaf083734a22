"""The pages in both languages: lists, details, forms; refusals show errors, write nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from peyvand.accounts.actors import SYSTEM
from peyvand.organizations import services
from peyvand.organizations.models import Membership, Obligation, Organization, RoleHeld
from peyvand.places.tests.factories import make_city
from peyvand.records.history import history_of

from .factories import make_membership, shipped
from .support import url

TODAY = timezone.localdate()


@pytest.fixture
def uclg(office: Any) -> Membership:
    m = make_membership(
        office,
        shipped("UCLG"),
        since=dt.date(2004, 5, 1),
        annual_fee=Decimal("15000"),
        fee_currency="EUR",
        fee_due_on=TODAY + dt.timedelta(days=40),
    )
    services.role_create(
        membership=m,
        actor=SYSTEM,
        kind="board",
        title="World Council",
        term_start=dt.date(2022, 10, 1),
        term_end=dt.date(2026, 10, 1),
    )
    services.obligation_create(
        membership=m,
        actor=SYSTEM,
        kind="report",
        title="Annual report",
        due_on=TODAY - dt.timedelta(days=10),
    )
    return m


def test_every_page_renders_in_both_languages(
    office: Any, member_client: Any, uclg: Membership
) -> None:
    client = member_client(office, "director")
    role = uclg.roles.get()
    obligation = uclg.obligations.get()
    org = uclg.organization
    for lang in ("fa", "en"):
        for name, kw in (
            ("list", {}),
            ("detail", {"pk": org.pk}),
            ("create", {}),
            ("edit", {"pk": org.pk}),
            ("memberships", {}),
            ("membership_create", {}),
            ("membership_detail", {"pk": uclg.pk}),
            ("membership_edit", {"pk": uclg.pk}),
            ("role_add", {"pk": uclg.pk}),
            ("role_edit", {"pk": role.pk}),
            ("role_delete", {"pk": role.pk}),
            ("obligation_add", {"pk": uclg.pk}),
            ("obligation_edit", {"pk": obligation.pk}),
            ("obligation_delete", {"pk": obligation.pk}),
        ):
            response = client.get(url(name, office, lang, **kw))
            assert response.status_code == 200, (name, lang)
            assert response["Content-Language"] == lang


def test_the_membership_page_shows_fee_seats_obligations(
    office: Any, member_client: Any, uclg: Membership
) -> None:
    page = member_client(office, "viewer").get(url("membership_detail", office, pk=uclg.pk))
    html = page.content.decode()
    assert 'data-fee-state="due"' in html
    assert "World Council" in html
    assert "Annual report" in html
    assert "data-overdue" in html
    assert "data-obligation-done" not in html  # a viewer reads only
    assert "data-edit-membership" not in html


def test_the_lists_show_membership_fee_state_and_next_obligation(
    office: Any, member_client: Any, uclg: Membership
) -> None:
    client = member_client(office, "viewer")
    html = client.get(url("memberships", office)).content.decode()
    assert f'data-membership="{uclg.pk}"' in html
    assert 'data-fee-state="due"' in html
    assert "Annual report" in html
    html = client.get(url("list", office)).content.decode()
    assert html.count("data-ours") == 1
    html = client.get(url("list", office) + "?kind=development_bank").content.decode()
    assert html.count("data-organization=") == 4
    html = client.get(url("memberships", office) + "?fee=paid").content.decode()
    assert "data-empty" in html
    html = client.get(url("list", office) + "?q=zzzz").content.decode()
    assert "data-empty" in html


def test_the_lists_paginate(office: Any, member_client: Any) -> None:
    for i in range(30):
        services.organization_create(office=office, actor=SYSTEM, name_en=f"Body {i:02d}")
    client = member_client(office, "viewer")
    first = client.get(url("list", office)).content.decode()
    assert first.count("data-organization=") == 25
    second = client.get(url("list", office) + "?page=2").content.decode()
    assert second.count("data-organization=") == 46 - 25


def test_an_officer_adds_an_organisation_with_its_headquarters(
    office: Any, member_client: Any
) -> None:
    city = make_city("Lyon", country="FR")
    client = member_client(office, "officer")
    response = client.post(
        url("create", office),
        {
            "name_en": "Global Covenant of Mayors",
            "name_fa": "میثاق جهانی شهرداران",
            "acronym": "GCoM",
            "kind": "city_network",
            "website": "https://www.globalcovenantofmayors.org",
            "headquarters": city.code,
        },
    )
    org = Organization.objects.get(acronym="GCoM")
    assert response.status_code == 302
    assert org.headquarters == city
    assert org.added_by_office == office
    page = client.get(url("detail", office, pk=org.pk)).content.decode()
    assert "Lyon" in page
    assert "data-join" in page
    assert "data-correct" not in page  # an officer adds, a director corrects


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_a_duplicate_name_shows_a_field_error_and_writes_nothing(
    office: Any, member_client: Any, lang: str
) -> None:
    client = member_client(office, "officer")
    response = client.post(
        url("create", office, lang), {"name_en": "World bank", "kind": "development_bank"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["name_en"]
    assert Organization.objects.count() == 16
    response = client.post(url("create", office, lang), {"name_en": "", "kind": "other"})
    assert response.context["form"].errors["name_en"]
    response = client.post(
        url("create", office, lang), {"name_en": "X", "kind": "other", "headquarters": "nope"}
    )
    assert response.context["form"].errors["headquarters"]
    assert Organization.objects.count() == 16


def test_a_director_corrects_and_the_page_shows_the_history(
    office: Any, member_client: Any
) -> None:
    client = member_client(office, "director")
    org = shipped("AMF")
    response = client.post(
        url("edit", office, pk=org.pk),
        {
            "name_en": org.name_en,
            "name_fa": "مجمع شهرداران آسیایی",
            "acronym": "AMF",
            "kind": "city_network",
            "website": org.website,
            "headquarters": "",
            "version": org.version,
        },
    )
    assert response.status_code == 302
    org.refresh_from_db()
    assert org.name_fa == "مجمع شهرداران آسیایی"
    html = client.get(url("detail", office, pk=org.pk)).content.decode()
    assert "data-history-office" in html
    assert office.name_en in html


def test_a_stale_correction_shows_what_changed(office: Any, member_client: Any) -> None:
    client = member_client(office, "director")
    org = shipped("C40")
    services.organization_update(
        organization=org, office=office, actor=SYSTEM, data={"acronym": "C-40"}
    )
    response = client.post(
        url("edit", office, pk=org.pk),
        {"name_en": org.name_en, "acronym": "C40!", "kind": "city_network", "version": 1},
    )
    assert response.status_code == 409
    assert "data-stale" in response.content.decode()
    assert Organization.objects.get(pk=org.pk).acronym == "C-40"


def test_an_officer_joins_from_the_organisation_page(office: Any, member_client: Any) -> None:
    client = member_client(office, "officer")
    org = shipped("Metropolis")
    page = client.get(url("membership_create", office) + f"?organization={org.pk}")
    assert page.context["form"].initial["organization"] == org
    response = client.post(
        url("membership_create", office),
        {
            "organization": org.pk,
            "status": "member",
            "since": "1985-01-01",
            "annual_fee": "9500",
            "fee_currency": "eur",
            "fee_due_on": (TODAY + dt.timedelta(days=10)).isoformat(),
            "focal_person": client.membership.user.pk,
        },
    )
    m = Membership.objects.get()
    assert response.status_code == 302
    assert (m.fee_currency, m.annual_fee, m.since) == ("EUR", Decimal(9500), dt.date(1985, 1, 1))


def test_persian_digits_and_jalali_dates_are_read(office: Any, member_client: Any) -> None:
    client = member_client(office, "officer")
    response = client.post(
        url("membership_create", office, "fa"),
        {
            "organization": shipped("OICC").pk,
            "status": "member",
            "since": "۱۳۶۵/۰۱/۰۱",
            "annual_fee": "۱۲۰۰",
            "fee_currency": "USD",
        },
    )
    assert response.status_code == 302
    m = Membership.objects.get()
    assert (m.annual_fee, m.since) == (Decimal(1200), dt.date(1986, 3, 21))


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_refused_membership_input_shows_errors_and_writes_nothing(
    office: Any, other_office: Any, member_client: Any, uclg: Membership, lang: str
) -> None:
    client = member_client(office, "officer")
    stranger = member_client(other_office, "officer").membership.user
    for data, field in (
        ({"organization": uclg.organization_id, "status": "member"}, "organization"),
        (
            {"organization": shipped("C40").pk, "status": "member", "annual_fee": "5"},
            "fee_currency",
        ),
        (
            {"organization": shipped("C40").pk, "status": "member", "focal_person": stranger.pk},
            "focal_person",
        ),
        ({"organization": shipped("C40").pk, "status": "member", "since": "2024-02-30"}, "since"),
    ):
        response = client.post(url("membership_create", office, lang), data)
        assert response.status_code == 200, field
        assert response.context["form"].errors[field], field
    assert Membership.objects.count() == 1
    response = client.post(
        url("membership_create", office, lang),
        {"organization": uclg.organization_id, "status": "member"},
    )
    assert "data-existing" in response.content.decode()


def test_a_stale_membership_edit_is_refused(
    office: Any, member_client: Any, uclg: Membership
) -> None:
    client = member_client(office, "officer")
    services.membership_update(membership=uclg, actor=SYSTEM, data={"notes": "changed"})
    response = client.post(
        url("membership_edit", office, pk=uclg.pk),
        {"status": "left", "version": 1},
    )
    assert response.status_code == 409
    assert Membership.objects.get(pk=uclg.pk).status == "member"


def test_seats_through_the_pages(office: Any, member_client: Any, uclg: Membership) -> None:
    client = member_client(office, "officer")
    refused = client.post(
        url("role_add", office, pk=uclg.pk),
        {"kind": "vice_presidency", "term_start": "2024-01-01", "term_end": "2023-01-01"},
    )
    assert refused.status_code == 200
    assert refused.context["form"].errors["term_end"]
    assert RoleHeld.objects.count() == 1
    ok = client.post(
        url("role_add", office, pk=uclg.pk),
        {"kind": "vice_presidency", "title": "Vice-president for Asia"},
    )
    assert ok.status_code == 302
    role = RoleHeld.objects.get(kind="vice_presidency")
    client.post(
        url("role_edit", office, pk=role.pk),
        {"kind": "vice_presidency", "title": "Co-president", "version": role.version},
    )
    role.refresh_from_db()
    assert role.title == "Co-president"
    # deleting asks first
    confirm = client.get(url("role_delete", office, pk=role.pk))
    assert "data-confirm-page" in confirm.content.decode()
    assert RoleHeld.objects.filter(pk=role.pk).exists()
    stale = client.post(url("role_delete", office, pk=role.pk), {"version": 1})
    assert stale.status_code == 409
    client.post(url("role_delete", office, pk=role.pk), {"version": role.version})
    assert not RoleHeld.objects.filter(pk=role.pk).exists()


def test_obligations_through_the_pages(office: Any, member_client: Any, uclg: Membership) -> None:
    client = member_client(office, "officer")
    refused = client.post(url("obligation_add", office, pk=uclg.pk), {"kind": "vote", "title": ""})
    assert refused.context["form"].errors["title"]
    assert Obligation.objects.count() == 1
    client.post(
        url("obligation_add", office, pk=uclg.pk),
        {"kind": "vote", "title": "Vote on the budget", "due_on": TODAY.isoformat()},
    )
    vote = Obligation.objects.get(kind="vote")
    client.post(
        url("obligation_edit", office, pk=vote.pk),
        {"kind": "vote", "title": "Budget vote", "due_on": TODAY.isoformat(), "version": 1},
    )
    vote.refresh_from_db()
    assert vote.title == "Budget vote"
    client.post(url("obligation_done", office, pk=vote.pk), {"version": vote.version})
    vote.refresh_from_db()
    assert vote.done_on == TODAY
    assert client.get(url("obligation_done", office, pk=vote.pk)).status_code == 405
    client.get(url("obligation_delete", office, pk=vote.pk))
    assert Obligation.objects.filter(pk=vote.pk).exists()
    client.post(url("obligation_delete", office, pk=vote.pk), {"version": vote.version})
    assert not Obligation.objects.filter(pk=vote.pk).exists()
    actions = {e.action for e in history_of(uclg)}
    assert {"obligation_added", "obligation_done", "obligation_deleted"} <= actions


def test_roles_refused_answer_403(office: Any, member_client: Any, uclg: Membership) -> None:
    viewer = member_client(office, "viewer")
    officer = member_client(office, "officer")
    role = uclg.roles.get()
    obligation = uclg.obligations.get()
    org = uclg.organization
    calls: tuple[tuple[Any, str, dict[str, Any]], ...] = (
        (viewer, "create", {}),
        (officer, "edit", {"pk": org.pk}),
        (viewer, "membership_create", {}),
        (viewer, "membership_edit", {"pk": uclg.pk}),
        (viewer, "role_add", {"pk": uclg.pk}),
        (viewer, "role_edit", {"pk": role.pk}),
        (viewer, "role_delete", {"pk": role.pk}),
        (viewer, "obligation_add", {"pk": uclg.pk}),
        (viewer, "obligation_edit", {"pk": obligation.pk}),
        (viewer, "obligation_done", {"pk": obligation.pk}),
        (viewer, "obligation_delete", {"pk": obligation.pk}),
    )
    for client, name, kw in calls:
        assert client.post(url(name, office, **kw), {}).status_code == 403, name
    assert RoleHeld.objects.count() == 1
    assert Obligation.objects.get().done_on is None
    liaison = member_client(office, "liaison")
    assert liaison.post(url("role_delete", office, pk=role.pk), {}).status_code == 403


def test_the_city_search_offers_cities(office: Any, member_client: Any) -> None:
    make_city("Barcelona", country="ES")
    response = member_client(office, "officer").get(url("city_search", office) + "?q=Barcel")
    assert "Barcelona" in response.content.decode()
