"""Partner discovery API: suggestions and metrics, public and for an office."""

from __future__ import annotations

from typing import Any

import pytest

from peyvand.accounts.models import Role

from .discover_world import SmallWorld


def test_api_recommendations_public_and_for_an_office(
    world: SmallWorld, home: Any, other_office: Any, member_client: Any, private_pacts: Any
) -> None:
    from django.test import Client

    tehran, berlin = world["Tehran"], world["Berlin"]
    private_pacts[home.pk] = [(tehran.pk, berlin.pk)]
    anonymous = Client()
    response = anonymous.get(f"/api/v1/cities/{tehran.code}/recommendations?k=13")
    body = response.json()
    assert response.status_code == 200 and body["scope"] == "public"
    assert berlin.code in [s["city"]["id"] for s in body["suggestions"]]
    assert body["suggestions"][0]["reasons"][0]["text"]
    # the office's pacts only for its members
    assert (
        anonymous.get(
            f"/api/v1/cities/{tehran.code}/recommendations?office={home.slug}"
        ).status_code
        == 404
    )
    member = member_client(home, Role.VIEWER)
    body = member.get(
        f"/api/v1/cities/{tehran.code}/recommendations?k=13&office={home.slug}"
    ).json()
    assert body["scope"] == home.slug
    assert berlin.code not in [s["city"]["id"] for s in body["suggestions"]]
    stranger = member_client(other_office, Role.DIRECTOR)
    assert (
        stranger.get(f"/api/v1/cities/{tehran.code}/recommendations?office={home.slug}").status_code
        == 404
    )
    only_fr = anonymous.get(f"/api/v1/cities/{tehran.code}/recommendations?country=FR").json()
    assert {s["city"]["country"] for s in only_fr["suggestions"]} == {"FR"}
    assert anonymous.get("/api/v1/cities/gn:0/recommendations").status_code == 404
    assert anonymous.get(f"/api/v1/cities/{tehran.code}/recommendations?k=0").status_code == 422


def test_api_metrics(world: SmallWorld, home: Any, member_client: Any, private_pacts: Any) -> None:
    from django.test import Client

    tehran = world["Tehran"]
    body = Client().get(f"/api/v1/cities/{tehran.code}/metrics").json()
    assert body["degree"] == 3 and body["component"] == 0
    assert {c["country"] for c in body["top_partner_countries"]} == {"RU", "BY", "CU"}
    assert body["international_share"] == 1.0
    private_pacts[home.pk] = [(tehran.pk, world["Mashhad"].pk)]
    member = member_client(home, Role.VIEWER)
    body = member.get(f"/api/v1/cities/{tehran.code}/metrics?office={home.slug}").json()
    assert body["degree"] == 4
    assert body["international_share"] == pytest.approx(0.75)
