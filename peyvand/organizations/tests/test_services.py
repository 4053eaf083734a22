"""The services: every rule of organisations, memberships, seats and obligations; roles."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.utils import translation

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.tests.factories import make_member, make_user
from peyvand.organizations import services
from peyvand.organizations.models import Membership, Obligation, Organization, RoleHeld
from peyvand.places.tests.factories import make_city
from peyvand.records.history import history_of

from .factories import make_membership, shipped

DAY = dt.date(2026, 3, 1)


def errors(exc: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str]]:
    return exc.value.message_dict


# Organisations


def test_the_sixteen_bodies_are_shipped(db: Any) -> None:
    assert Organization.objects.count() == 16
    assert shipped("UCLG").added_by_office is None


def test_an_officer_adds_an_organisation_recorded_with_office_and_person(office: Any) -> None:
    officer = make_member(office, "officer")
    city = make_city("Lyon", country="FR")
    org = services.organization_create(
        office=office,
        actor=officer,
        name_en="  Global Covenant of Mayors ",
        name_fa="میثاق جهانی شهرداران",
        acronym="GCoM",
        kind="city_network",
        website="https://www.globalcovenantofmayors.org",
        headquarters=city,
    )
    assert org.name_en == "Global Covenant of Mayors"
    assert org.added_by_office == office
    assert org.added_by == officer.user
    [event] = history_of(org)
    assert event.action == "created"
    assert event.office_id == office.pk
    assert event.actor == officer.user
    assert event.changes["headquarters"][1]["label_en"] == "Lyon"


@pytest.mark.parametrize("role", ["viewer", "liaison"])
def test_below_an_officer_may_not_add_an_organisation(office: Any, role: str) -> None:
    with pytest.raises(PermissionDenied):
        services.organization_create(office=office, actor=make_member(office, role), name_en="Nope")
    assert not Organization.objects.filter(name_en="Nope").exists()


def test_a_second_organisation_with_the_same_english_name_is_a_field_error(office: Any) -> None:
    officer = make_member(office, "officer")
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        services.organization_create(
            office=office, actor=officer, name_en="united cities and local governments"
        )
    assert "already exists" in errors(exc)["name_en"][0]
    with pytest.raises(ValidationError) as exc:
        services.organization_create(
            office=office, actor=officer, name_en="United Cities and Local Governments"
        )
    assert errors(exc)["name_en"]
    assert Organization.objects.count() == 16


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name_en": "   "}, "name_en"),
        ({"name_en": "X", "kind": "club"}, "kind"),
        ({"name_en": "X", "website": "ftp://example.org"}, "website"),
        ({"name_en": "X" * 201}, "name_en"),
        ({"name_en": "X", "acronym": "A" * 31}, "acronym"),
        ({"name_en": "X\x00"}, "name_en"),
    ],
)
def test_an_organisation_breaking_a_rule_is_refused(
    office: Any, fields: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as exc:
        services.organization_create(office=office, actor=SYSTEM, **fields)
    assert field in errors(exc)
    assert Organization.objects.count() == 16


def test_a_director_corrects_a_shipped_organisation_and_the_history_names_them(
    office: Any,
) -> None:
    director = make_member(office, "director")
    uclg = shipped("UCLG")
    services.organization_update(
        organization=uclg,
        office=office,
        actor=director,
        data={"name_fa": "شهرها و دولت‌های محلی متحد", "website": "https://uclg.org"},
        expected_version=uclg.version,
    )
    uclg.refresh_from_db()
    assert uclg.version == 2
    assert uclg.name_fa == "شهرها و دولت‌های محلی متحد"
    [event] = history_of(uclg)
    assert (event.action, event.office_id, event.actor) == ("updated", office.pk, director.user)
    assert set(event.changes) == {"name_fa", "website"}


def test_an_officer_may_not_correct_an_organisation(office: Any) -> None:
    with pytest.raises(PermissionDenied):
        services.organization_update(
            organization=shipped("C40"),
            office=office,
            actor=make_member(office, "officer"),
            data={"acronym": "C-40"},
        )
    assert shipped("C40").version == 1


def test_a_stale_correction_is_refused(office: Any, other_office: Any) -> None:
    org = shipped("ICLEI")
    services.organization_update(
        organization=org,
        office=other_office,
        actor=make_member(other_office, "director"),
        data={"acronym": "ICLEI-LGS"},
        expected_version=1,
    )
    with pytest.raises(services.StaleVersion) as exc:
        services.organization_update(
            organization=Organization.objects.get(pk=org.pk),
            office=office,
            actor=make_member(office, "director"),
            data={"acronym": "Other"},
            expected_version=1,
        )
    assert [e.action for e in exc.value.events] == ["updated"]
    assert Organization.objects.get(pk=org.pk).acronym == "ICLEI-LGS"


def test_renaming_onto_another_name_is_refused(office: Any) -> None:
    with pytest.raises(ValidationError) as exc:
        services.organization_update(
            organization=shipped("C40"),
            office=office,
            actor=SYSTEM,
            data={"name_en": "World Bank"},
        )
    assert "name_en" in errors(exc)


def test_a_correction_changing_nothing_records_nothing(office: Any) -> None:
    org = shipped("ADB")
    services.organization_update(
        organization=org, office=office, actor=SYSTEM, data={"acronym": "ADB"}
    )
    assert org.version == 1
    assert not history_of(org).exists()


def test_the_areas_of_an_organisation_are_recorded(office: Any) -> None:
    from peyvand.partnerships.models import CooperationArea

    transport = CooperationArea.objects.get(code="transport")
    org = shipped("WB")
    services.organization_update(
        organization=org, office=office, actor=SYSTEM, data={"areas": [transport]}
    )
    assert list(org.areas.all()) == [transport]
    assert history_of(org).get().changes["areas"] == [[], ["transport"]]


# Memberships


def test_an_officer_joins_an_organisation(office: Any) -> None:
    officer = make_member(office, "officer")
    m = services.membership_create(
        office=office,
        actor=officer,
        organization=shipped("UCLG"),
        since=dt.date(2004, 5, 5),
        annual_fee=Decimal("12000"),
        fee_currency="eur",
        fee_due_on=DAY,
        focal_person=officer.user,
    )
    assert m.fee_currency == "EUR"
    [event] = history_of(m)
    assert event.action == "created"
    assert event.changes["organization"][1]["label_en"] == "United Cities and Local Governments"


def test_a_viewer_may_not_join(office: Any) -> None:
    with pytest.raises(PermissionDenied):
        services.membership_create(
            office=office, actor=make_member(office, "viewer"), organization=shipped("UCLG")
        )
    assert not Membership.objects.exists()


def test_a_second_membership_in_the_same_organisation_is_refused(
    office: Any, other_office: Any
) -> None:
    make_membership(office, shipped("UCLG"))
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        make_membership(office, shipped("UCLG"))
    assert "already has a membership" in errors(exc)["organization"][0]
    make_membership(other_office, shipped("UCLG"))  # another office may join too
    assert Membership.objects.count() == 2


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"annual_fee": Decimal("100")}, "fee_currency"),
        ({"annual_fee": Decimal("100"), "fee_currency": "EURO"}, "fee_currency"),
        ({"fee_currency": "E1R"}, "fee_currency"),
        ({"annual_fee": Decimal("-1"), "fee_currency": "EUR"}, "annual_fee"),
        ({"annual_fee": Decimal("1e20"), "fee_currency": "EUR"}, "annual_fee"),
        ({"status": "honorary"}, "status"),
        ({"since": dt.date(1850, 1, 1)}, "since"),
        ({"notes": "x" * 4001}, "notes"),
    ],
)
def test_a_membership_breaking_a_rule_is_refused(
    office: Any, fields: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as exc:
        make_membership(office, shipped("C40"), **fields)
    assert field in errors(exc)
    assert not Membership.objects.exists()


def test_the_focal_person_must_be_a_member_of_the_office(office: Any, other_office: Any) -> None:
    stranger = make_member(other_office, "officer").user
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        make_membership(office, shipped("C40"), focal_person=stranger)
    assert "member of the office" in errors(exc)["focal_person"][0]
    with pytest.raises(ValidationError):
        make_membership(office, shipped("C40"), focal_person=make_user())
    m = make_membership(office, shipped("C40"), focal_person=make_member(office, "viewer").user)
    assert m.focal_person is not None


def test_a_membership_edit_records_what_changed_and_checks_the_version(office: Any) -> None:
    officer = make_member(office, "officer")
    m = make_membership(office, shipped("AMF"))
    services.membership_update(
        membership=m,
        actor=officer,
        data={"status": "suspended", "notes": "Dues disputed"},
        expected_version=1,
    )
    assert (m.status, m.version) == ("suspended", 2)
    assert history_of(m).first().changes == {  # type: ignore[union-attr]
        "status": ["member", "suspended"],
        "notes": ["", "Dues disputed"],
    }
    with pytest.raises(services.StaleVersion):
        services.membership_update(
            membership=m, actor=officer, data={"status": "left"}, expected_version=1
        )
    assert Membership.objects.get(pk=m.pk).status == "suspended"


def test_a_membership_edit_runs_the_rules(office: Any) -> None:
    m = make_membership(office, shipped("AMF"))
    with pytest.raises(ValidationError):
        services.membership_update(membership=m, actor=SYSTEM, data={"annual_fee": Decimal(5)})
    assert Membership.objects.get(pk=m.pk).annual_fee is None
    with pytest.raises(PermissionDenied):
        services.membership_update(
            membership=m, actor=make_member(office, "liaison"), data={"status": "left"}
        )


def test_the_database_constraint_is_never_reached(office: Any) -> None:
    make_membership(office, shipped("OICC"))
    try:
        make_membership(office, shipped("OICC"))
    except IntegrityError:  # pragma: no cover
        pytest.fail("the service let the database refuse it")
    except ValidationError:
        pass


# Seats and roles


def test_seats_are_added_edited_and_deleted_with_history(office: Any) -> None:
    officer = make_member(office, "officer")
    m = make_membership(office, shipped("UCLG"))
    role = services.role_create(
        membership=m,
        actor=officer,
        kind="board",
        title="World Council",
        term_start=dt.date(2022, 1, 1),
        term_end=dt.date(2025, 12, 31),
    )
    services.role_update(
        role=role, actor=officer, data={"title": "World Council seat"}, expected_version=1
    )
    assert role.version == 2
    with pytest.raises(services.StaleVersion):
        services.role_delete(role=role, actor=officer, expected_version=1)
    services.role_delete(role=role, actor=officer, expected_version=2)
    assert not RoleHeld.objects.exists()
    actions = [e.action for e in history_of(m).order_by("pk")]
    assert actions == ["created", "role_added", "role_updated", "role_deleted"]
    added = history_of(m).get(action="role_added")
    assert added.changes["role"][1]["label_fa"].startswith("هیئت")
    assert added.subject == f"roleheld:{role.pk}"


def test_a_term_ending_before_it_starts_is_refused(office: Any) -> None:
    m = make_membership(office, shipped("UCLG"))
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        services.role_create(
            membership=m,
            actor=SYSTEM,
            kind="board",
            term_start=dt.date(2024, 1, 1),
            term_end=dt.date(2023, 12, 31),
        )
    assert "cannot end before" in errors(exc)["term_end"][0]
    same_day = services.role_create(
        membership=m,
        actor=SYSTEM,
        kind="board",
        term_start=dt.date(2024, 1, 1),
        term_end=dt.date(2024, 1, 1),
    )
    with pytest.raises(ValidationError):
        services.role_update(role=same_day, actor=SYSTEM, data={"term_end": dt.date(2023, 1, 1)})
    with pytest.raises(ValidationError):
        services.role_create(membership=m, actor=SYSTEM, kind="king")
    assert RoleHeld.objects.count() == 1


def test_a_viewer_may_not_touch_seats(office: Any) -> None:
    viewer = make_member(office, "viewer")
    m = make_membership(office, shipped("UCLG"))
    role = services.role_create(membership=m, actor=SYSTEM, kind="board")
    with pytest.raises(PermissionDenied):
        services.role_create(membership=m, actor=viewer, kind="board")
    with pytest.raises(PermissionDenied):
        services.role_update(role=role, actor=viewer, data={"title": "x"})
    with pytest.raises(PermissionDenied):
        services.role_delete(role=role, actor=viewer)
    assert RoleHeld.objects.get().title == ""


# Obligations


def test_obligations_are_added_edited_done_and_deleted(office: Any) -> None:
    officer = make_member(office, "officer")
    m = make_membership(office, shipped("Metropolis"))
    o = services.obligation_create(
        membership=m, actor=officer, kind="report", title="Annual report", due_on=DAY
    )
    services.obligation_update(
        obligation=o, actor=officer, data={"due_on": DAY + dt.timedelta(days=5)}
    )
    services.obligation_mark_done(
        obligation=o, actor=officer, done_on=DAY, expected_version=o.version
    )
    assert Obligation.objects.get().done_on == DAY
    with pytest.raises(services.StaleVersion):
        services.obligation_delete(obligation=o, actor=officer, expected_version=1)
    services.obligation_delete(obligation=o, actor=officer, expected_version=o.version)
    assert not Obligation.objects.exists()
    actions = [e.action for e in history_of(m).order_by("pk")]
    assert actions[1:] == [
        "obligation_added",
        "obligation_updated",
        "obligation_done",
        "obligation_deleted",
    ]


def test_marking_done_without_a_day_takes_today(office: Any) -> None:
    m = make_membership(office, shipped("Metropolis"))
    o = services.obligation_create(
        membership=m, actor=SYSTEM, kind="vote", title="Vote", due_on=DAY
    )
    services.obligation_mark_done(obligation=o, actor=SYSTEM)
    assert o.done_on is not None


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"kind": "report", "title": "  ", "due_on": DAY}, "title"),
        ({"kind": "report", "title": "x", "due_on": None}, "due_on"),
        ({"kind": "party", "title": "x", "due_on": DAY}, "kind"),
        ({"kind": "report", "title": "x" * 301, "due_on": DAY}, "title"),
        ({"kind": "report", "title": "x", "due_on": dt.date(2200, 1, 1)}, "due_on"),
    ],
)
def test_an_obligation_breaking_a_rule_is_refused(
    office: Any, fields: dict[str, Any], field: str
) -> None:
    m = make_membership(office, shipped("Metropolis"))
    with pytest.raises(ValidationError) as exc:
        services.obligation_create(membership=m, actor=SYSTEM, **fields)
    assert field in errors(exc)
    assert not Obligation.objects.exists()


def test_a_viewer_may_not_touch_obligations(office: Any) -> None:
    viewer = make_member(office, "viewer")
    m = make_membership(office, shipped("Metropolis"))
    o = services.obligation_create(membership=m, actor=SYSTEM, kind="vote", title="V", due_on=DAY)
    for call in (
        lambda: services.obligation_create(
            membership=m, actor=viewer, kind="vote", title="V", due_on=DAY
        ),
        lambda: services.obligation_mark_done(obligation=o, actor=viewer),
        lambda: services.obligation_delete(obligation=o, actor=viewer),
    ):
        with pytest.raises(PermissionDenied):
            call()
    assert Obligation.objects.get().done_on is None
