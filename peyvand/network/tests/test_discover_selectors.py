"""Partner discovery reads: suggestions and their reasons, office privacy, flags."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import translation

from peyvand.network.discover import explain, services
from peyvand.network.discover.selectors.metrics import city_metrics
from peyvand.network.discover.selectors.recommendations import recommend
from peyvand.places.models import Country

from .discover_world import SmallWorld, codes


@pytest.mark.usefixtures("fitted")
def test_suggestions_rank_a_city_sharing_partners_first_and_say_why(world: SmallWorld) -> None:
    tehran = world["Tehran"]
    result = recommend(city=tehran, k=5)
    assert codes(result)[0] == world["Ankara"].code
    top = result.suggestions[0]
    with translation.override("en"):
        texts = [explain.reason_text(r, tehran, top.city) for r in top.reasons]
    assert any(
        t.startswith("Shares 3 partners with Tehran:")
        and all(n in t for n in ("Moscow", "Minsk", "Havana"))
        for t in texts
    ), texts
    # never the city itself nor one of its partners
    partners = {world[n].code for n in ("Moscow", "Minsk", "Havana")}
    assert not partners & set(codes(result)) and tehran.code not in codes(result)


@pytest.mark.usefixtures("fitted")
def test_reasons_read_in_persian(world: SmallWorld) -> None:
    tehran = world["Tehran"]
    top = recommend(city=tehran, k=1).suggestions[0]
    with translation.override("fa"):
        text = explain.reason_text(top.reasons[0], tehran, top.city)
    assert text and text == str(text)


@pytest.mark.usefixtures("fitted")
def test_a_city_with_no_links_still_gets_suggestions(world: SmallWorld) -> None:
    result = recommend(city=world["Lonely"], k=5)
    assert len(result.suggestions) == 5
    assert world["Lonely"].code not in codes(result)


@pytest.mark.usefixtures("fitted")
def test_an_office_pact_changes_its_own_suggestions_and_nobody_elses(
    world: SmallWorld, office: Any, other_office: Any, private_pacts: Any
) -> None:
    tehran, berlin = world["Tehran"], world["Berlin"]
    before_public = codes(recommend(city=tehran, k=13))
    before_other = codes(recommend(city=tehran, office=other_office, k=13))
    assert berlin.code in before_public
    private_pacts[office.pk] = [(tehran.pk, berlin.pk)]
    mine = recommend(city=tehran, office=office, k=13)
    assert berlin.code not in codes(mine)  # now a partner of ours
    # Paris shares Berlin with us now, and says so
    paris = next(s for s in mine.suggestions if s.city.code == world["Paris"].code)
    shared = [r for r in paris.reasons if r.key == "common_partners"]
    assert shared and berlin in shared[0].params["cities"]
    assert codes(recommend(city=tehran, office=other_office, k=13)) == before_other
    assert codes(recommend(city=tehran, k=13)) == before_public
    # and the office's metrics see the pact, the public ones do not
    degrees = [
        getattr(city_metrics(city=tehran, office=o), "degree", None)
        for o in (office, None, other_office)
    ]
    assert degrees == [4, 3, 3]


@pytest.mark.usefixtures("fitted")
def test_flagged_countries_can_be_hidden_and_are_counted(world: SmallWorld, home: Any) -> None:
    turkey = Country.objects.get(code="TR")
    services.country_note_save(
        office=home,
        country=turkey,
        editor=None,
        relations="neutral",
        payment_sanctions=True,
        visa="moderate",
        travel_advice="normal",
    )
    shown = recommend(city=world["Tehran"], office=home, k=5)
    flagged = [s for s in shown.suggestions if s.flags]
    assert flagged and all(s.city.country_id == turkey.pk for s in flagged)
    hidden = recommend(city=world["Tehran"], office=home, k=5, exclude_flagged=True)
    assert all(s.city.country_id != turkey.pk for s in hidden.suggestions)
    assert hidden.hidden_flagged == len(flagged)
    assert len(hidden.suggestions) == 5


def test_a_selector_never_queues_a_fit(world: SmallWorld, no_worker: Any) -> None:
    result = recommend(city=world["Tehran"], k=5)
    assert result.provisional and result.suggestions
    assert city_metrics(city=world["Tehran"]) is not None
    assert len(no_worker.results) == 0
