"""Suggestions leave out every city already in the office's registry, whatever its status,
from the very next page load (issue 10, point 7.1)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from peyvand.accounts.models import Role
from peyvand.network import tasks
from peyvand.network.discover.selectors.recommendations import recommend
from peyvand.partnerships.models import Partnership
from peyvand.partnerships.tests.factories import make_partnership

from .discover_world import SmallWorld, codes


def _listed(html: str) -> str:
    return html.split("data-suggestions", 1)[1]


def test_a_city_proposed_from_the_page_is_gone_on_the_next_load(
    world: SmallWorld, home: Any, member_client: Any
) -> None:
    client = member_client(home, Role.DIRECTOR)
    with translation.override("en"):
        url = reverse("discover:recommendations", kwargs={"office_slug": home.slug})
        propose = reverse("partnerships:create_proposed", kwargs={"office_slug": home.slug})
    tasks.queue_fit_if_needed()
    first = client.get(url).content.decode()  # the scores of Tehran are cached now
    assert f'data-suggestion="{world["Ankara"].code}"' in _listed(first)
    assert "data-in-registry" not in first
    assert client.post(propose, {"partner": world["Ankara"].code}).status_code == 302
    assert Partnership.objects.get(office=home, partner_city=world["Ankara"]).status == "proposed"
    again = client.get(url).content.decode()
    assert f'data-suggestion="{world["Ankara"].code}"' not in _listed(again)
    assert "1 city already in the office's registry" in again


@pytest.mark.parametrize("status", ["proposed", "negotiating", "active", "suspended", "ended"])
def test_every_status_of_the_registry_is_left_out(
    world: SmallWorld, home: Any, status: str
) -> None:
    before = codes(recommend(city=world["Tehran"], office=home, k=50))
    assert world["Istanbul"].code in before
    extra: dict[str, Any] = {"signed_on": None}
    if status == "ended":
        extra = {"end_reason": "Lapsed"}
    make_partnership(home, partner_city=world["Istanbul"], status=status, **extra)
    result = recommend(city=world["Tehran"], office=home, k=50)
    assert world["Istanbul"].code not in codes(result)
    if status in ("proposed", "negotiating", "ended"):  # signed pacts are links already
        assert result.in_registry == 1
    # the public list and another office are not affected
    assert world["Istanbul"].code in codes(recommend(city=world["Tehran"], k=50))


def test_an_archived_pact_is_left_out_too(world: SmallWorld, home: Any) -> None:
    pact = make_partnership(home, partner_city=world["Paris"], status="proposed")
    Partnership.objects.filter(pk=pact.pk).update(archived=True)
    assert world["Paris"].code not in codes(recommend(city=world["Tehran"], office=home, k=50))


def test_another_offices_registry_does_not_hide_a_city(
    world: SmallWorld, home: Any, other_office: Any
) -> None:
    other_office.home_city = world["Tehran"]
    other_office.save(update_fields=["home_city"])
    make_partnership(other_office, partner_city=world["Berlin"], status="proposed")
    assert world["Berlin"].code in codes(recommend(city=world["Tehran"], office=home, k=50))
