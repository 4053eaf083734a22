"""Goal areas in partner discovery (issue 13, point 7): the office's own evidence lifts the
cities it ties to the areas asked for, with the reason in words; nothing changes without
areas, without evidence or for another office."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.models import Role
from peyvand.network import goals, tasks
from peyvand.network.discover.selectors.recommendations import recommend
from peyvand.network.recommender.signals import goal_areas
from peyvand.partnerships import services
from peyvand.partnerships.models import CooperationArea
from peyvand.partnerships.selectors.links import activities_by_partner_city
from peyvand.partnerships.tests.factories import make_partnership

from .discover_world import SmallWorld, codes


@pytest.fixture
def practices_from(world: SmallWorld, home: Any) -> Iterator[dict[str, int]]:
    """A stand-in for the knowledge base: the home office keeps practices on waste from
    the cities named in the returned dict (name -> count)."""
    kept: dict[str, int] = {}

    def evidence(office: Any, codes_: Sequence[str]) -> dict[int, int]:
        if office != home or "waste" not in codes_:
            return {}
        return {world[name].pk: n for name, n in kept.items()}

    before = dict(goals._evidence)
    goals.register_goal_evidence("practices", evidence)
    yield kept
    goals._evidence.clear()
    goals._evidence.update(before)


def _rank(result: Any, city: Any) -> int:
    return codes(result).index(city.code)


def test_boost_is_zero_without_evidence_and_grows_with_it() -> None:
    assert goal_areas.boost({}) == 0.0
    assert 0 < goal_areas.boost({"activities": 2}) < goal_areas.boost({"practices": 2})
    assert goal_areas.boost({"practices": 3}) > goal_areas.boost({"practices": 1})


def test_cities_with_practices_in_the_areas_rank_higher_and_say_why(
    world: SmallWorld, home: Any, other_office: Any, practices_from: dict[str, int]
) -> None:
    tehran = world["Tehran"]
    plain = recommend(city=tehran, office=home, k=50)
    last = plain.suggestions[-2].city  # low, yet within reach of three practices' weight
    practices_from[last.name_en] = 3
    lifted = recommend(city=tehran, office=home, k=50, areas=["waste"])
    assert _rank(lifted, last) < _rank(plain, last)
    reasons = {s.city.code: s.reasons for s in lifted.suggestions}[last.code]
    goal = next(r for r in reasons if r.key == "goal_areas")
    assert goal.params["practices"] == 3
    with translation.override("en"):
        words = goal_areas.SIGNAL.text(goal.params, tehran, last)
        assert words == f"{last.name}: 3 of your practices on Waste come from there"
    # no areas asked, other areas, another office: the ranking is the model's alone
    assert codes(recommend(city=tehran, office=home, k=50)) == codes(plain)
    assert codes(recommend(city=tehran, office=home, k=50, areas=["health"])) == codes(plain)
    other = recommend(city=tehran, office=other_office, k=50, areas=["waste"])
    assert codes(other) == codes(recommend(city=tehran, office=other_office, k=50))


def test_activities_count_per_partner_city_in_the_areas_of_this_office_only(
    world: SmallWorld, home: Any, other_office: Any
) -> None:
    waste = CooperationArea.objects.get(code="waste")
    pact = make_partnership(home, partner_city=world["Ankara"])
    for title in ("Recycling visit", "Compost workshop"):
        services.activity_log(
            office=home,
            actor=SYSTEM,
            partnerships=[pact],
            date=dt.date(2024, 3, 1),
            kind="event",
            title=title,
            areas=[waste],
        )
    services.activity_log(
        office=home,
        actor=SYSTEM,
        partnerships=[pact],
        date=dt.date(2024, 4, 1),
        kind="event",
        title="Football",
    )
    assert activities_by_partner_city(home, ["waste"]) == {world["Ankara"].pk: 2}
    assert activities_by_partner_city(home, ["health"]) == {}
    assert activities_by_partner_city(other_office, ["waste"]) == {}


def test_page_and_api_take_goal_areas(
    world: SmallWorld, home: Any, member_client: Any, practices_from: dict[str, int]
) -> None:
    client = member_client(home, Role.VIEWER)
    tasks.queue_fit_if_needed()
    plain = recommend(city=world["Tehran"], office=home, k=50)
    last = plain.suggestions[-2].city
    practices_from[last.name_en] = 2
    with translation.override("en"):
        page = reverse("discover:recommendations", kwargs={"office_slug": home.slug})
        api = reverse("api:recommendations", kwargs={"code": world["Tehran"].code})
    html = client.get(page, {"areas": ["waste"], "k": 50}).content.decode()
    assert "data-goal-areas" in html
    assert "of your practices on" in html
    answer = client.get(api, {"office": home.slug, "areas": "waste", "k": 50}).json()
    found = next(s for s in answer["suggestions"] if s["city"]["id"] == last.code)
    assert any(r["signal"] == "goal_areas" for r in found["reasons"])
    refused = client.get(api, {"office": home.slug, "areas": "waste,nonsense"})
    assert refused.status_code == 422
    assert "nonsense" in refused.json()["detail"]
    bad_page = client.get(page, {"areas": ["nonsense"]})
    assert bad_page.status_code == 200
    assert "Some filters are not valid" in bad_page.content.decode()
