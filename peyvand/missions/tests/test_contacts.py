"""The contacts' services and selectors: every rule, roles, duplicates, merge, the
derived last interaction, the list's filters."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.tests.factories import make_member
from peyvand.missions import selectors, services
from peyvand.missions.models import Contact, MissionStatus, Participant
from peyvand.organizations.models import Organization
from peyvand.partnerships.tests.factories import log, make_partnership
from peyvand.places.tests.factories import make_city
from peyvand.records.history import history_of

from .people_factories import TODAY, make_contact, make_mission


def test_an_officer_adds_a_contact_and_it_is_recorded(office: Any) -> None:
    officer = make_member(office, "officer")
    pact = make_partnership(office)
    contact = services.contact_create(
        office=office,
        actor=officer,
        name_fa="  مریم   احمدی ",
        kind="city_ambassador",
        languages=["FA", "en", "fa"],
        tags=[" Culture ", "culture", "فرهنگ"],
        partnerships=[pact],
    )
    contact.refresh_from_db()
    assert contact.name_fa == "مریم احمدی"
    assert contact.languages == ["fa", "en"]
    assert contact.tags == ["culture", "فرهنگ"]
    assert list(contact.partnerships.all()) == [pact]
    entry = history_of(contact).get()
    assert entry.action == "created" and entry.actor == officer.user


@pytest.mark.parametrize("role", ["viewer", "liaison"])
def test_a_viewer_or_liaison_cannot_add_edit_or_merge(office: Any, role: str) -> None:
    member = make_member(office, role)
    a, b = make_contact(office), make_contact(office, name_en="Other")
    with pytest.raises(PermissionDenied):
        services.contact_create(office=office, actor=member, name_en="X")
    with pytest.raises(PermissionDenied):
        services.contact_update(
            contact=a, actor=member, expected_version=None, data={"title": "Mayor"}
        )
    with pytest.raises(PermissionDenied):
        services.contact_merge(keep=a, merge=b, actor=member)
    assert Contact.objects.count() == 2


def _refused(office: Any, **kw: Any) -> dict[str, list[str]]:
    before = Contact.objects.count()
    with pytest.raises(ValidationError) as caught:
        services.contact_create(office=office, actor=SYSTEM, **kw)
    assert Contact.objects.count() == before
    return caught.value.message_dict


def test_a_contact_needs_a_name_in_one_language(office: Any) -> None:
    assert "name_fa" in _refused(office, name_fa="  ", name_en="")


def test_languages_must_be_iso_639_1_codes(office: Any) -> None:
    assert "languages" in _refused(office, name_en="A", languages=["fa", "english"])
    assert "languages" in _refused(office, name_en="A", languages=["xx"])


def test_tags_are_bounded_in_count_and_length(office: Any) -> None:
    many = [f"t{i}" for i in range(services.TAGS_MAX + 1)]
    assert "tags" in _refused(office, name_en="A", tags=many)
    assert "tags" in _refused(office, name_en="A", tags=["x" * (services.TAG_LENGTH + 1)])
    tags = services.normalise_tags(["A  b", "a b", "", " C "])
    assert tags == ["a b", "c"]


def test_a_bad_email_a_long_name_and_a_nul_are_refused(office: Any) -> None:
    assert "email" in _refused(office, name_en="A", email="not an email")
    assert "name_en" in _refused(office, name_en="A" * 201)
    assert "notes" in _refused(office, name_en="A", notes="bad\x00")
    assert "kind" in _refused(office, name_en="A", kind="spy")


def test_a_contact_cannot_work_on_another_offices_pact(office: Any, other_office: Any) -> None:
    theirs = make_partnership(other_office)
    assert "partnerships" in _refused(office, name_en="A", partnerships=[theirs])


def test_the_same_email_in_any_case_is_a_possible_duplicate(office: Any) -> None:
    first = make_contact(office, email="Anna.Berger@Wien.gv.at")
    with pytest.raises(services.PossibleDuplicate) as caught:
        services.contact_create(
            office=office, actor=SYSTEM, name_en="A. Berger", email="anna.berger@wien.gv.at"
        )
    assert caught.value.ids == [first.pk]
    assert Contact.objects.count() == 1
    services.contact_create(
        office=office,
        actor=SYSTEM,
        name_en="A. Berger",
        email="anna.berger@wien.gv.at",
        confirm_duplicate=True,
    )
    assert Contact.objects.count() == 2


def test_the_same_name_in_the_same_city_is_a_possible_duplicate(office: Any) -> None:
    vienna, graz = make_city("Vienna", country="AT"), make_city("Graz", country="AT")
    first = make_contact(office, name_en="Anna Berger", name_fa="آنا برگر", city=vienna)
    tries: list[dict[str, Any]] = [{"name_en": "  anna   BERGER "}, {"name_fa": "آنا  برگر"}]
    for kw in tries:
        with pytest.raises(services.PossibleDuplicate) as caught:
            services.contact_create(office=office, actor=SYSTEM, city=vienna, **kw)
        assert caught.value.ids == [first.pk]
    # Another city, or no city: someone else.
    services.contact_create(office=office, actor=SYSTEM, name_en="Anna Berger", city=graz)
    services.contact_create(office=office, actor=SYSTEM, name_en="Anna Berger")
    assert Contact.objects.count() == 3


def test_duplicates_are_not_looked_for_in_another_office(office: Any, other_office: Any) -> None:
    make_contact(other_office, email="a@b.org")
    services.contact_create(office=office, actor=SYSTEM, name_en="Anna Berger", email="a@b.org")
    assert Contact.objects.for_office(office).count() == 1


def test_an_edit_is_recorded_and_a_stale_one_refused(office: Any) -> None:
    officer = make_member(office, "officer")
    contact = make_contact(office)
    services.contact_update(
        contact=contact, actor=officer, expected_version=1, data={"title": "Deputy mayor"}
    )
    contact.refresh_from_db()
    assert contact.title == "Deputy mayor" and contact.version == 2
    entry = history_of(contact).filter(action="updated").get()
    assert entry.changes["title"] == ["", "Deputy mayor"]
    with pytest.raises(services.StaleVersion):
        services.contact_update(
            contact=contact, actor=officer, expected_version=1, data={"title": "Mayor"}
        )
    contact.refresh_from_db()
    assert contact.title == "Deputy mayor"


def test_a_refused_edit_writes_nothing(office: Any) -> None:
    contact = make_contact(office, email="a@b.org")
    with pytest.raises(ValidationError):
        services.contact_update(
            contact=contact,
            actor=SYSTEM,
            expected_version=None,
            data={"email": "nope", "title": "Mayor"},
        )
    contact.refresh_from_db()
    assert (contact.email, contact.title, contact.version) == ("a@b.org", "", 1)


def test_a_merge_moves_every_link_and_is_recorded(office: Any) -> None:
    officer = make_member(office, "officer")
    vienna = make_city("Vienna", country="AT")
    unido = Organization.objects.get(acronym="UNIDO")
    pact_a, pact_b = make_partnership(office), make_partnership(office)
    keep = make_contact(office, name_en="Anna Berger", tags=["culture"], languages=["en"])
    keep.partnerships.add(pact_a)
    merge = make_contact(
        office,
        name_en="Anna B.",
        name_fa="آنا برگر",
        city=vienna,
        organization=unido,
        email="anna@unido.org",
        tags=["industry", "culture"],
        languages=["de"],
        partnerships=[pact_b],
    )
    activity = log(office, pact_b, TODAY - dt.timedelta(days=5))
    merge.activities.add(activity)
    mission = make_mission(office, contacts=[merge])
    both = make_mission(office, contacts=[keep, merge])
    services.contact_merge(keep=keep, merge=merge, actor=officer)
    keep.refresh_from_db()
    assert not Contact.objects.filter(pk=merge.pk).exists()
    assert set(keep.partnerships.all()) == {pact_a, pact_b}
    assert list(keep.activities.all()) == [activity]
    assert Participant.objects.get(mission=mission).contact == keep
    assert Participant.objects.filter(mission=both).count() == 1
    assert keep.tags == ["culture", "industry"]
    assert keep.languages == ["en", "de"]
    assert keep.name_en == "Anna Berger"  # kept
    assert (keep.name_fa, keep.city, keep.organization, keep.email) == (
        "آنا برگر",
        vienna,
        unido,
        "anna@unido.org",
    )
    entry = history_of(keep).filter(action="merged").get()
    assert entry.actor == officer.user
    assert entry.changes["merged_contact"][1]["id"] == merge.pk
    assert entry.changes["merged_contact"][1]["label_en"] == "Anna B."


def test_a_merge_is_refused_across_offices_and_into_itself(office: Any, other_office: Any) -> None:
    a, theirs = make_contact(office), make_contact(other_office)
    with pytest.raises(ValidationError):
        services.contact_merge(keep=a, merge=theirs, actor=SYSTEM)
    with pytest.raises(ValidationError):
        services.contact_merge(keep=a, merge=a, actor=SYSTEM)
    assert Contact.objects.count() == 2


def test_a_stale_merge_is_refused(office: Any) -> None:
    a, b = make_contact(office), make_contact(office, name_en="B")
    with pytest.raises(services.StaleVersion):
        services.contact_merge(keep=a, merge=b, actor=SYSTEM, expected_version=7)
    assert Contact.objects.count() == 2


def _last(contact: Contact) -> dt.date | None:
    office = contact.office
    row = selectors.contact_list(office=office).get(pk=contact.pk)
    value: dt.date | None = getattr(row, "last_interaction")  # noqa: B009 (an annotation)
    return value


def test_the_last_interaction_is_derived_from_activities_and_missions(office: Any) -> None:
    pact = make_partnership(office)
    contact = make_contact(office)
    assert _last(contact) is None
    contact.activities.add(log(office, pact, TODAY - dt.timedelta(days=40)))
    contact.activities.add(log(office, pact, TODAY - dt.timedelta(days=30)))
    assert _last(contact) == TODAY - dt.timedelta(days=30)
    make_mission(office, contacts=[contact], end_date=TODAY - dt.timedelta(days=20))
    assert _last(contact) == TODAY - dt.timedelta(days=20)
    make_mission(
        office,
        contacts=[contact],
        end_date=TODAY - dt.timedelta(days=10),
        status=MissionStatus.REPORTED,
    )
    assert _last(contact) == TODAY - dt.timedelta(days=10)


def test_a_draft_or_planned_mission_is_no_interaction(office: Any) -> None:
    contact = make_contact(office)
    for status in (MissionStatus.DRAFT, MissionStatus.APPROVED, MissionStatus.CANCELLED):
        make_mission(office, contacts=[contact], status=status, end_date=TODAY)
    assert _last(contact) is None
    only_mission = make_contact(office, name_en="Only mission")
    make_mission(office, contacts=[only_mission], end_date=TODAY - dt.timedelta(days=3))
    assert _last(only_mission) == TODAY - dt.timedelta(days=3)


def test_the_list_sorts_by_last_interaction_newest_first_never_met_last(office: Any) -> None:
    pact = make_partnership(office)
    never = make_contact(office, name_en="Aaron")
    old = make_contact(office, name_en="Berta")
    old.activities.add(log(office, pact, TODAY - dt.timedelta(days=300)))
    recent = make_contact(office, name_en="Clara")
    make_mission(office, contacts=[recent], end_date=TODAY - dt.timedelta(days=2))
    rows = list(selectors.contact_list(office=office, filters={"sort": "-last"}))
    assert rows == [recent, old, never]
    rows = list(selectors.contact_list(office=office, filters={"sort": "last"}))
    assert rows == [old, recent, never]


def test_the_list_filters(office: Any) -> None:
    vienna = make_city("Vienna", country="AT")
    unido = Organization.objects.get(acronym="UNIDO")
    pact = make_partnership(office)
    a = make_contact(
        office, name_en="Anna", kind="city_ambassador", tags=["فرهنگ", "culture"], city=vienna
    )
    b = make_contact(office, name_en="Bert", organization=unido, email="bert@unido.org")
    b.partnerships.add(pact)

    def found(**filters: Any) -> list[Contact]:
        return list(selectors.contact_list(office=office, filters=filters))

    assert found(kind="city_ambassador") == [a]
    assert found(tag="فرهنگ") == [a]
    assert found(tag="Culture") == [a]
    assert found(tag="cult") == []
    assert found(city=vienna.code) == [a]
    assert found(country="AT") == [a]
    assert found(organization=unido.pk) == [b]
    assert found(partnership=pact.pk) == [b]
    assert found(q="UNIDO.org") == [b]
    assert found(sort="-name") == [b, a]


def test_the_timeline_lists_activities_and_missions_newest_first(office: Any) -> None:
    pact = make_partnership(office)
    contact = make_contact(office)
    activity = log(office, pact, TODAY - dt.timedelta(days=30))
    contact.activities.add(activity)
    mission = make_mission(office, contacts=[contact], end_date=TODAY - dt.timedelta(days=5))
    draft = make_mission(
        office, contacts=[contact], end_date=TODAY + dt.timedelta(days=40), status="draft"
    )
    rows = selectors.contact_timeline(contact)
    assert [r.record for r in rows] == [draft, mission, activity]
    assert [r.counts for r in rows] == [False, True, True]
    assert len(selectors.contact_timeline(contact, limit=2)) == 2


def test_the_pact_panel_gives_a_few_contacts_and_the_count_in_one_query(
    office: Any, django_assert_num_queries: Any
) -> None:
    pact = make_partnership(office)
    for i in range(selectors.PANEL_SHOWN + 3):
        make_contact(office, name_en=f"Person {i:02}", partnerships=[pact])
    make_contact(office, name_en="Not on the pact")
    with django_assert_num_queries(1):
        panel = selectors.pact_contacts(office=office, partnership=pact)
    assert len(panel["contacts"]) == selectors.PANEL_SHOWN
    assert panel["count"] == selectors.PANEL_SHOWN + 3
    assert selectors.pact_contacts(office=office, partnership=make_partnership(office)) == {
        "contacts": [],
        "count": 0,
    }
