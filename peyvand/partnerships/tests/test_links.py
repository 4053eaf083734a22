"""Partnerships: the home city's public links, adopted or marked not ours."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from peyvand.accounts.actors import SYSTEM
from peyvand.partnerships import services
from peyvand.partnerships.models import (
    Partnership,
)
from peyvand.places.tests.factories import make_city, make_twinning

from .factories import make_partnership, with_home_city
from .support import (
    TODAY,
    url,
)


def test_a_public_twinning_becomes_a_pact_or_is_marked_not_ours(office: Any) -> None:
    from peyvand.partnerships.selectors import home_city_links
    from peyvand.places.tests.factories import make_twinning

    with_home_city(office)
    a, b = make_city("Kyiv", country="UA"), make_city("Seoul", country="KR")
    ta = make_twinning(office.home_city, a, year=2005)
    tb = make_twinning(office.home_city, b)
    assert len(home_city_links(office=office)) == 2
    adopt: dict[str, Any] = {
        "status": "active",
        "signed_on": dt.date(2005, 3, 8),
        "doubt_checked": True,
    }
    p = services.partnership_from_twinning(office=office, actor=SYSTEM, twinning=ta, **adopt)
    assert p.partner_city == a and p.signed_on == dt.date(2005, 3, 8) and p.status == "active"
    with pytest.raises(ValidationError):
        services.partnership_from_twinning(office=office, actor=SYSTEM, twinning=ta, **adopt)
    with pytest.raises(ValidationError):
        services.not_ours_mark(office=office, actor=SYSTEM, partner_city=b, twinning=tb, reason="")
    services.not_ours_mark(
        office=office, actor=SYSTEM, partner_city=b, twinning=tb, reason="A friendship of 1990"
    )
    links = home_city_links(office=office)
    assert [link.partner for link in links] == [a]
    assert links[0].partnership == p


def test_signed_partner_edges_for_the_network(office: Any) -> None:
    from peyvand.network.edges import office_edges

    with_home_city(office)
    active = make_partnership(office, status="active")
    make_partnership(office, status="proposed")
    signed = make_partnership(office, status="negotiating", signed_on=TODAY)
    home = office.home_city_id
    expected = sorted(
        (min(home, c), max(home, c)) for c in (active.partner_city_id, signed.partner_city_id)
    )
    assert office_edges(office) == expected


def test_public_links_adopt_and_not_ours(office: Any, member_client: Any) -> None:
    with_home_city(office)
    kyiv = make_city("Kyiv", country="UA")
    seoul = make_city("Seoul", country="KR")
    t1 = make_twinning(office.home_city, kyiv)
    t2 = make_twinning(office.home_city, seoul)
    client = member_client(office, "officer")
    assert "Kyiv" in client.get(url("list", office)).content.decode()
    client.post(
        url("link_adopt", office, twinning_id=t1.pk),
        {"status": "negotiating", "doubt_checked": "on"},
    )
    assert Partnership.objects.filter(office=office, partner_city=kyiv).exists()
    client.post(url("link_not_ours", office, twinning_id=t2.pk), {"reason": "Never signed"})
    page = client.get(url("list", office)).content.decode()
    assert 'data-link="' + seoul.code not in page
    assert "Seoul" in client.get(url("not_ours", office)).content.decode()
