"""The search page and the search API: both languages, filters, pages, isolation, and
what an attacker may send."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from peyvand.accounts.models import Role
from peyvand.missions.tests.people_factories import make_contact
from peyvand.search.models import SearchDocument

from .support import activity, pact

pytestmark = pytest.mark.django_db


def page(office: Any, lang: str = "fa") -> str:
    with translation.override(lang):
        return reverse("search:results", kwargs={"office_slug": office.slug})


def api(office: Any) -> str:
    return f"/api/v1/offices/{office.slug}/search"


def test_the_page_finds_ranks_and_marks_in_persian(office: Any, member_client: Any) -> None:
    client = member_client(office, Role.VIEWER)
    p = pact(office, summary_fa="تفاهم‌نامه همکاری حمل‌ونقل")
    answer = client.get(page(office), {"q": "همكاري"})
    html = answer.content.decode()
    assert answer.status_code == 200
    assert 'dir="rtl"' in html
    assert f'data-hit="partnership-{p.pk}"' in html
    assert "<mark>همکاری</mark>" in html
    assert "data-search-box" in html  # the header box
    assert 'value="همكاري"' in html or "همكاري" in html  # the query stays in the box


def test_the_page_in_english_with_type_counts_and_pages(office: Any, member_client: Any) -> None:
    client = member_client(office, Role.VIEWER)
    p = pact(office, city="Tampere")
    for n in range(23):
        activity(office, p, f"Tampere meeting {n}")
    first = client.get(page(office, "en"), {"q": "tampere"}).content.decode()
    assert 'data-facet="activity"' in first
    assert "Activities (23)" in first
    assert "Page 1 of 2" in first
    second = client.get(page(office, "en"), {"q": "tampere", "page": "2"}).content.decode()
    assert second.count("data-hit=") == 4
    only = client.get(page(office, "en"), {"q": "tampere", "type": "partnership"})
    assert only.content.decode().count("data-hit=") == 1
    # Beyond the last page: the last page.
    far = client.get(page(office, "en"), {"q": "tampere", "page": "9999"}).content.decode()
    assert far.count("data-hit=") == 4


def test_the_page_empty_states_and_bad_input(office: Any, member_client: Any) -> None:
    client = member_client(office, Role.VIEWER)
    assert "data-empty" in client.get(page(office)).content.decode()
    none = client.get(page(office), {"q": "zzzzqqq"})
    assert none.status_code == 200 and "data-empty" in none.content.decode()
    for params in (
        {"q": "x" * 10_000},
        {"q": "tram", "page": "-1"},
        {"q": "tram", "page": "99999999999999999999"},
        {"q": "tram", "area": "99999999999999999999"},
        {"q": "tram", "from": "not-a-date"},
        {"q": "tram", "type": "nonsense"},
        {"q": "tram", "city": "gn:0"},
    ):
        assert client.get(page(office, "en"), params).status_code == 200, params
    assert client.get(page(office), {"q": "a\x00b"}).status_code == 400


def test_the_page_never_shows_another_office_record(
    office: Any, other_office: Any, member_client: Any
) -> None:
    client = member_client(office, Role.VIEWER)
    pact(other_office, city="Zanzibar")
    make_contact(other_office, name_en="Zanzibar Person")
    html = client.get(page(office, "en"), {"q": "Zanzibar"}).content.decode()
    assert "data-hit=" not in html and "data-facet=" not in html
    stranger = member_client(other_office, Role.VIEWER)
    assert stranger.get(page(office), {"q": "x"}).status_code == 404


def test_the_api_answers_the_list_shape(office: Any, member_client: Any) -> None:
    client = member_client(office, Role.VIEWER)
    p = pact(office, city="Lisbon", summary_en='Ferries <b onclick="x">and</b> trams')
    body = client.get(api(office), {"q": "lisbon"}).json()
    assert body["count"] == 1 and body["limit"] == 20 and body["offset"] == 0
    (item,) = body["items"]
    assert set(item) == {"type", "id", "title", "snippet", "url", "similar"}
    assert (item["type"], item["id"]) == ("partnership", p.pk)
    assert item["url"].endswith(f"/partnerships/{p.pk}/")
    assert "<b" not in client.get(api(office), {"q": "ferries"}).json()["items"][0]["snippet"]
    assert client.get(api(office), {"q": "lisbon", "type": "activity"}).json()["count"] == 0


def test_the_api_refuses_what_an_attacker_sends(
    office: Any, other_office: Any, member_client: Any
) -> None:
    client = member_client(office, Role.VIEWER)
    pact(other_office, city="Zanzibar")
    before = SearchDocument.objects.count()
    for params in (
        {"q": ""},
        {"q": "x" * 10_000},
        {"q": "tram", "limit": "100000"},
        {"q": "tram", "limit": "0"},
        {"q": "tram", "offset": str(10**12)},
        {"q": "tram", "offset": "-1"},
        {"q": "tram", "area": str(2**63)},
        {"q": "tram", "type": "nonsense"},
        {"q": "tram", "city": "gn:0"},
        {"q": "tram", "limit": "ten"},
    ):
        answer = client.get(api(office), params)
        assert answer.status_code == 422, (params, answer.status_code)
        assert "detail" in answer.json()
    assert client.get(api(office), {"q": "a\x00b"}).status_code == 422  # refused before any view
    assert client.get(api(office), {"q": "tram", "offset": str(10**9)}).json()["items"] == []
    assert client.get(api(other_office), {"q": "zanzibar"}).status_code == 404
    assert client.get(api(office), {"q": "zanzibar"}).json() == {
        "count": 0,
        "limit": 20,
        "offset": 0,
        "items": [],
    }
    assert SearchDocument.objects.count() == before


def test_the_page_and_the_api_ask_as_many_queries_for_three_times_the_hits(
    office: Any, member_client: Any, settings: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.PAGE_CACHE = False
    client = member_client(office, Role.VIEWER)
    p = pact(office, city="Tampere", summary_en="tampere")

    def queries() -> list[int]:
        counts = []
        for path, params in ((page(office), {"q": "tampere"}), (api(office), {"q": "tampere"})):
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(path, params).status_code == 200
            counts.append(len(ctx.captured_queries))
        return counts

    for n in range(25):
        activity(office, p, f"Tampere meeting {n}")
    client.get(page(office), {"q": "tampere"})  # the session's first visit
    before = queries()
    for n in range(50):
        activity(office, p, f"Tampere workshop {n}", areas=[])
    assert queries() == before
