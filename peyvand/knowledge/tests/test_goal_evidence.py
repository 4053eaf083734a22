"""The knowledge base as evidence for partner discovery's goal areas (issue 13, point 7)."""

from __future__ import annotations

from typing import Any

from peyvand.accounts.actors import SYSTEM
from peyvand.knowledge import services
from peyvand.knowledge.selectors import practices_by_source_city
from peyvand.network.goals import goal_evidence
from peyvand.partnerships.tests.factories import area
from peyvand.places.tests.factories import make_city


def test_practices_count_per_source_city_in_the_areas(office: Any, other_office: Any) -> None:
    vienna, berlin = make_city(name_en="Vienna"), make_city(name_en="Berlin")
    for title, city, areas in (
        ("Waste sorting", vienna, ["waste"]),
        ("Compost", vienna, ["waste", "environment"]),
        ("Bike lanes", berlin, ["transport"]),
    ):
        services.practice_create(
            office=office,
            actor=SYSTEM,
            title_en=title,
            source_city=city,
            areas=[area(a) for a in areas],
        )
    refused = services.practice_create(
        office=office,
        actor=SYSTEM,
        title_en="Incinerator",
        source_city=berlin,
        areas=[area("waste")],
    )
    services.practice_move(practice=refused, actor=SYSTEM, stage="rejected", reason="Too costly")
    assert practices_by_source_city(office, ["waste"]) == {vienna.pk: 2}
    assert practices_by_source_city(office, ["waste", "transport"]) == {vienna.pk: 2, berlin.pk: 1}
    assert practices_by_source_city(other_office, ["waste"]) == {}
    assert goal_evidence(office, ["waste"])[vienna.pk]["practices"] == 2
