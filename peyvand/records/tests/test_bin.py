"""The bin (decision 0020): a deletion hides a record everywhere, a restore brings it back,
a purge needs a director and the record's name, the daily job purges only what is due."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.tests.factories import make_member
from peyvand.knowledge import services as knowledge
from peyvand.knowledge.models import Practice
from peyvand.knowledge.tests.factories import make_practice
from peyvand.missions import services as missions
from peyvand.missions.calendar import mission_items
from peyvand.missions.models import Contact, Mission, Participant
from peyvand.missions.tests.people_factories import make_contact
from peyvand.missions.tests.people_factories import make_mission as mission_with
from peyvand.partnerships import selectors, services
from peyvand.partnerships.calendar import commitment_items
from peyvand.partnerships.models import Activity, Commitment, Outcome, Partnership
from peyvand.partnerships.tests.factories import log, make_partnership
from peyvand.places.tests.factories import make_city
from peyvand.records.binning import (
    KEEP_DAYS,
    bin_purge,
    bin_restore,
    days_left,
    purge_expired,
)
from peyvand.records.history import StaleVersion, history_of
from peyvand.records.selectors import bin_entries, bin_rows
from peyvand.search.selectors import search

TODAY = timezone.localdate()


def found(office: Any, q: str, kind: str) -> list[int]:
    return [h.id for h in search(office, q, types=[kind]).hits if h.type == kind]


def entries(office: Any, kind: str = "") -> list[tuple[str, int]]:
    return [(e.kind, e.pk) for e in bin_entries(list(bin_rows(office, kind)))]


def test_a_deleted_activity_is_hidden_everywhere_and_its_pact_rescored(office: Any) -> None:
    p = make_partnership(office, signed_on=TODAY - dt.timedelta(days=400))
    a = log(
        office,
        p,
        TODAY - dt.timedelta(days=5),
        title="Tram workshop",
        outcomes=[{"kind": "agreement"}],
    )
    p.refresh_from_db()
    scored = p.health_score
    assert found(office, "Tram", "activity") == [a.pk]
    officer = make_member(office, "officer")
    pacts = services.activity_delete(activity=a, actor=officer, expected_version=a.version)
    assert [x.pk for x in pacts] == [p.pk]
    assert not Activity.objects.exists() and not Outcome.objects.exists()
    assert not p.activities.exists()
    assert selectors.activity_count(p) == 0
    assert found(office, "Tram", "activity") == []
    p.refresh_from_db()
    assert p.health_score != scored  # the activity no longer counts
    assert entries(office) == [("activity", a.pk)]
    assert history_of(p).filter(action="activity_deleted").exists()

    services_restored = bin_restore(office=office, kind="activity", pk=a.pk, actor=officer)
    assert [x.pk for x in services_restored] == [p.pk]
    assert Activity.objects.filter(pk=a.pk).exists() and Outcome.objects.exists()
    assert found(office, "Tram", "activity") == [a.pk]
    p.refresh_from_db()
    assert p.health_score == scored
    assert entries(office) == []
    assert history_of(p).filter(action="activity_restored").exists()


def test_a_stale_or_lower_role_deletion_is_refused(office: Any) -> None:
    p = make_partnership(office)
    a = log(office, p, TODAY)
    with pytest.raises(StaleVersion):
        services.activity_delete(activity=a, actor=SYSTEM, expected_version=a.version + 1)
    with pytest.raises(PermissionDenied):
        services.activity_delete(activity=a, actor=make_member(office, "liaison"))
    with pytest.raises(PermissionDenied):
        services.partnership_delete(partnership=p, actor=make_member(office, "viewer"))
    assert Activity.objects.filter(pk=a.pk).exists()


def test_a_pact_with_activities_is_refused_and_an_empty_one_takes_its_parts(
    office: Any,
) -> None:
    p = make_partnership(office, partner_city=make_city("Lyon", country="FR"))
    a = log(office, p, TODAY)
    with pytest.raises(ValidationError) as refused:
        services.partnership_delete(partnership=p, actor=SYSTEM, expected_version=p.version)
    assert refused.value.code == "has_activities"
    services.activity_delete(activity=a, actor=SYSTEM)
    p.refresh_from_db()
    services.commitment_create(partnership=p, actor=SYSTEM, title="Exchange", due_on=TODAY)
    p.refresh_from_db()
    assert found(office, "Lyon", "partnership") == [p.pk]
    services.partnership_delete(partnership=p, actor=SYSTEM, expected_version=p.version)
    assert not Partnership.objects.exists()
    assert not Commitment.objects.exists()  # hidden with its pact
    assert commitment_items(office, TODAY, TODAY) == []
    assert found(office, "Lyon", "partnership") == []
    # Its activity cannot come back while its only pact is in the bin.
    with pytest.raises(ValidationError):
        bin_restore(office=office, kind="activity", pk=a.pk, actor=SYSTEM)
    bin_restore(office=office, kind="partnership", pk=p.pk, actor=SYSTEM)
    assert Commitment.objects.count() == 1
    assert commitment_items(office, TODAY, TODAY)


def test_a_pact_restore_is_refused_while_another_live_pact_has_its_partner(office: Any) -> None:
    lyon = make_city("Lyon", country="FR")
    p = make_partnership(office, partner_city=lyon)
    services.partnership_delete(partnership=p, actor=SYSTEM)
    make_partnership(office, partner_city=lyon)  # the registry took a new one meanwhile
    with pytest.raises(ValidationError):
        bin_restore(office=office, kind="partnership", pk=p.pk, actor=SYSTEM)


def test_a_deleted_pact_leaves_the_portal(office: Any, client: Any) -> None:
    p = make_partnership(office, partner_city=make_city("Lyon", country="FR"))
    p = services.partnership_publish(record=p, actor=SYSTEM, published=True)
    page = f"/en/p/{office.slug}/partnerships/{p.pk}/"
    assert client.get(page).status_code == 200
    services.partnership_delete(partnership=p, actor=SYSTEM)
    assert client.get(page).status_code == 404
    assert "Lyon" not in client.get(f"/en/p/{office.slug}/").content.decode()


def test_a_mission_leaves_lists_search_and_calendar_and_its_activities_stay(
    office: Any,
) -> None:
    m = mission_with(office, title_en="Delegation to Vienna", end_date=TODAY)
    assert found(office, "Vienna", "mission") == [m.pk]
    start = m.start_date
    assert [i.uid for i in mission_items(office, start, TODAY)]
    missions.mission_delete(mission=m, actor=SYSTEM, expected_version=m.version)
    assert not Mission.objects.exists() and not Participant.objects.exists()
    assert found(office, "Vienna", "mission") == []
    assert mission_items(office, start, TODAY) == []
    bin_restore(office=office, kind="mission", pk=m.pk, actor=SYSTEM)
    assert found(office, "Vienna", "mission") == [m.pk]
    assert Participant.objects.filter(mission=m).count() == Participant._base_manager.count()


def test_a_contact_on_a_mission_is_refused_and_a_free_one_is_binned(office: Any) -> None:
    on_trip = make_contact(office, name_en="Anna Berg")
    mission_with(office, contacts=[on_trip])
    with pytest.raises(ValidationError) as refused:
        missions.contact_delete(contact=on_trip, actor=SYSTEM)
    assert refused.value.code == "in_use"
    free = make_contact(office, name_en="Karl Stein")
    assert found(office, "Stein", "contact") == [free.pk]
    missions.contact_delete(contact=free, actor=SYSTEM, expected_version=free.version)
    assert list(Contact.objects.all()) == [on_trip]
    assert found(office, "Stein", "contact") == []
    bin_restore(office=office, kind="contact", pk=free.pk, actor=SYSTEM)
    assert found(office, "Stein", "contact") == [free.pk]


def test_a_practice_is_binned_and_restored(office: Any) -> None:
    p = make_practice(office, title_en="Bike lanes")
    knowledge.practice_delete(practice=p, actor=SYSTEM, expected_version=p.version)
    assert not Practice.objects.exists()
    assert found(office, "Bike", "practice") == []
    assert entries(office, "practice") == [("practice", p.pk)]
    assert entries(office, "mission") == []
    knowledge.practice_restore(practice=Practice.all_with_deleted.get(pk=p.pk), actor=SYSTEM)
    assert found(office, "Bike", "practice") == [p.pk]
    assert [e.action for e in history_of(p).order_by("pk")][-2:] == ["deleted", "restored"]


def test_a_purge_needs_a_director_and_the_records_name(office: Any) -> None:
    p = make_practice(office, title_en="Bike lanes", title_fa="خط دوچرخه")
    knowledge.practice_delete(practice=p, actor=SYSTEM)
    officer = make_member(office, "officer")
    director = make_member(office, "director")
    with pytest.raises(PermissionDenied):
        bin_purge(office=office, kind="practice", pk=p.pk, actor=officer, confirm="Bike lanes")
    with pytest.raises(ValidationError):
        bin_purge(office=office, kind="practice", pk=p.pk, actor=director, confirm="Bike")
    assert Practice.all_with_deleted.filter(pk=p.pk).exists()
    # Either language's name, spacing and case aside.
    bin_purge(office=office, kind="practice", pk=p.pk, actor=director, confirm=" خط  دوچرخه ")
    assert not Practice.all_with_deleted.filter(pk=p.pk).exists()


def test_a_live_record_cannot_be_purged_or_restored(office: Any) -> None:
    p = make_practice(office)
    with pytest.raises(Http404):
        bin_purge(office=office, kind="practice", pk=p.pk, actor=SYSTEM, confirm=p.title)
    with pytest.raises(Http404):
        bin_restore(office=office, kind="practice", pk=p.pk, actor=SYSTEM)
    with pytest.raises(Http404):
        bin_restore(office=office, kind="nothing", pk=p.pk, actor=SYSTEM)


def test_another_office_cannot_see_restore_or_purge_the_bin(office: Any, other_office: Any) -> None:
    p = make_practice(office)
    knowledge.practice_delete(practice=p, actor=SYSTEM)
    assert entries(other_office) == []
    stranger = make_member(other_office, "director")
    with pytest.raises(Http404):
        bin_restore(office=other_office, kind="practice", pk=p.pk, actor=stranger)
    with pytest.raises(Http404):
        bin_purge(office=other_office, kind="practice", pk=p.pk, actor=stranger, confirm=p.title)
    assert Practice.all_with_deleted.filter(pk=p.pk).exists()


def test_the_daily_job_purges_only_what_has_waited_long_enough(office: Any) -> None:
    old, recent = make_practice(office), make_practice(office)
    for p in (old, recent):
        knowledge.practice_delete(practice=p, actor=SYSTEM)
    Practice.all_with_deleted.filter(pk=old.pk).update(
        deleted_at=timezone.now() - dt.timedelta(days=KEEP_DAYS + 1)
    )
    live = make_practice(office)
    assert purge_expired() == 1
    assert set(Practice.all_with_deleted.values_list("pk", flat=True)) == {recent.pk, live.pk}
    assert days_left(timezone.now()) == KEEP_DAYS
