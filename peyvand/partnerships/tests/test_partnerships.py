"""Partnerships: the pacts themselves: rules, status, archive, list and detail pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.tests.factories import make_member
from peyvand.partnerships import services
from peyvand.partnerships.models import (
    CooperationArea,
    Partnership,
)
from peyvand.places.tests.factories import make_city
from peyvand.records.history import history_of

from .factories import make_partnership, with_home_city


def test_cooperation_areas_are_seeded_with_sdgs(db: Any) -> None:
    assert CooperationArea.objects.count() == 15
    water = CooperationArea.objects.get(code="water")
    assert water.name_en == "Water"
    assert water.sdgs == [6]
    assert all(a.sdgs for a in CooperationArea.objects.all())


def test_the_partner_cannot_be_the_home_city(office: Any) -> None:
    with_home_city(office)
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        make_partnership(office, partner_city=office.home_city)
    assert "own city" in str(exc.value.message_dict["partner_city"])
    assert not Partnership.objects.exists()


def test_valid_until_must_be_after_signed_on(office: Any) -> None:
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        make_partnership(office, signed_on=dt.date(2020, 5, 1), valid_until=dt.date(2020, 5, 1))
    assert "after the signing date" in str(exc.value.message_dict["valid_until"])


def test_one_live_pact_per_partner_city_of_any_kind_or_status(office: Any) -> None:
    city = make_city("Warsaw", country="PL")
    first = make_partnership(office, partner_city=city, status="active")
    for kind, status in (("sister", "active"), ("mou", "active"), ("sister", "proposed")):
        with translation.override("en"), pytest.raises(ValidationError) as exc:
            make_partnership(office, partner_city=city, status=status, kind=kind)
        message = str(exc.value.message_dict["partner_city"])
        assert "Warsaw" in message and f"partnership {first.pk}" in message
    assert Partnership.objects.filter(partner_city=city).count() == 1


def test_an_ended_pact_may_be_renewed_by_a_new_one(office: Any) -> None:
    city = make_city("Warsaw", country="PL")
    old = make_partnership(office, partner_city=city, status="active")
    services.partnership_set_status(partnership=old, actor=SYSTEM, status="ended", reason="Lapsed")
    renewed = make_partnership(office, partner_city=city, status="proposed")
    assert renewed.pk != old.pk
    # Reopening the ended one now would make two live pacts with Warsaw.
    with pytest.raises(ValidationError) as exc:
        services.partnership_set_status(partnership=old, actor=SYSTEM, status="active")
    assert "partner_city" in exc.value.message_dict


def test_restoring_an_archived_pact_is_refused_while_another_is_live(office: Any) -> None:
    city = make_city("Warsaw", country="PL")
    archived = make_partnership(office, partner_city=city, status="proposed")
    services.partnership_archive(partnership=archived, actor=SYSTEM)
    make_partnership(office, partner_city=city, status="proposed")
    with pytest.raises(ValidationError):
        services.partnership_archive(partnership=archived, actor=SYSTEM, archived=False)
    assert Partnership.objects.get(pk=archived.pk).archived is True


def test_a_summary_longer_than_its_limit_is_refused(office: Any) -> None:
    from peyvand.partnerships.models.partnerships import SUMMARY_MAX

    with translation.override("en"), pytest.raises(ValidationError) as exc:
        make_partnership(office, summary_en="x" * 40_000)
    assert str(SUMMARY_MAX) in str(exc.value.message_dict["summary_en"])
    assert not Partnership.objects.exists()
    assert make_partnership(office, summary_en="x" * SUMMARY_MAX).summary_en


def test_another_office_may_have_an_active_pact_with_the_same_city(
    office: Any, other_office: Any
) -> None:
    city = make_city(country="DE")
    make_partnership(office, partner_city=city)
    make_partnership(other_office, partner_city=city)
    assert Partnership.objects.filter(partner_city=city).count() == 2


def test_ending_needs_a_reason_and_is_recorded(office: Any) -> None:
    p = make_partnership(office)
    with pytest.raises(ValidationError):
        services.partnership_set_status(partnership=p, actor=SYSTEM, status="ended", reason=" ")
    services.partnership_set_status(
        partnership=p, actor=SYSTEM, status="ended", reason="No contact for ten years"
    )
    p.refresh_from_db()
    assert p.status == "ended"
    assert p.end_reason == "No contact for ten years"
    assert history_of(p).filter(action="status").exists()


def test_the_responsible_officer_must_be_a_member(office: Any, other_office: Any) -> None:
    stranger = make_member(other_office, "officer").user
    with pytest.raises(ValidationError):
        make_partnership(office, responsible=stranger)
    member = make_member(office, "officer").user
    assert make_partnership(office, responsible=member).responsible == member


def test_archiving_hides_but_never_deletes(office: Any) -> None:
    p = make_partnership(office)
    services.partnership_archive(partnership=p, actor=SYSTEM)
    p.refresh_from_db()
    assert p.archived is True
    assert Partnership.objects.filter(pk=p.pk).exists()


def test_a_stale_update_is_refused_with_what_changed(office: Any) -> None:
    p = make_partnership(office, summary_en="first")
    version = p.version
    services.partnership_update(
        partnership=p, actor=SYSTEM, expected_version=version, data={"summary_en": "second"}
    )
    with pytest.raises(services.StaleVersion) as exc:
        services.partnership_update(
            partnership=p, actor=SYSTEM, expected_version=version, data={"summary_en": "third"}
        )
    assert exc.value.events[0].changes["summary_en"] == ["first", "second"]
    p.refresh_from_db()
    assert p.summary_en == "second"


def test_only_pacts_in_force_have_a_health_and_are_counted(office: Any) -> None:
    from peyvand.partnerships import selectors

    signed = dt.date.today() - dt.timedelta(days=3 * 365)
    dormant = make_partnership(office, signed_on=signed)
    proposed = make_partnership(office, status="proposed")
    negotiating = make_partnership(office, status="negotiating", signed_on=signed)
    assert (dormant.health_label, dormant.paper_only) == ("dormant", True)
    for p in (proposed, negotiating):
        p.refresh_from_db()
        assert (p.health_label, p.health_score, p.paper_only) == ("", None, False)
    counts = selectors.label_counts(office=office)
    assert (counts["dormant"], counts["paper_only"]) == (1, 1)
    turning = {a.partnership.pk for a in selectors.alerts(office=office)}
    assert proposed.pk not in turning and negotiating.pk not in turning
    # In force from now on: it gets its score.
    services.partnership_set_status(partnership=negotiating, actor=SYSTEM, status="active")
    negotiating.refresh_from_db()
    assert negotiating.health_label == "dormant" and negotiating.health_score is not None


def test_the_partner_countries_filter_is_in_the_readers_alphabetical_order(office: Any) -> None:
    from peyvand.partnerships.selectors import registry
    from peyvand.places.tests.factories import make_country

    for code, en, fa in (
        ("CN", "China", "چین"),
        ("DE", "Germany", "آلمان"),
        ("JP", "Japan", "ژاپن"),
        ("PT", "Portugal", "پرتغال"),
    ):
        make_partnership(office, partner_city=make_city(country=make_country(code, en, fa)))
    with translation.override("fa"):
        assert [c.code for c in registry.partner_countries(office=office)] == [
            "DE",
            "PT",
            "CN",
            "JP",
        ]
    with translation.override("en"):
        assert [c.code for c in registry.partner_countries(office=office)] == [
            "CN",
            "DE",
            "JP",
            "PT",
        ]
