"""The dashboard page in both languages, its links to the lists it counts, and its API."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from peyvand.accounts.models import Office, Role
from peyvand.core.dates import GREGORIAN, JALALI, current_year, language_year
from peyvand.core.tests.page_reader import read
from peyvand.dashboard.kpis import compute_kpis
from peyvand.partnerships.models import Activity
from peyvand.partnerships.tests.dom import Element, parse

from .test_kpis import build

LATIN_DIGIT = re.compile(r"[0-9]")


@pytest.fixture
def busy(office: Office, other_office: Office) -> Office:
    build(office, "ours")
    build(other_office, "theirs")
    office.refresh_from_db()
    return office


def _html(client: Client, lang: str, office: Office) -> str:
    response = client.get(f"/{lang}/o/{office.slug}/")
    assert response.status_code == 200
    return str(response.content.decode())


def _page(client: Client, lang: str, office: Office) -> Element:
    return parse(_html(client, lang, office))


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_every_figure_on_the_page_is_the_kpi_with_last_years(
    busy: Office, member_client: Any, lang: str
) -> None:
    client = member_client(busy, Role.VIEWER)
    soup = _page(client, lang, busy)
    today = timezone.localdate()
    kpis = compute_kpis(busy, language_year(lang, today), today)
    shown = soup.select("[data-kpi]")
    assert len(shown) >= 12
    for item in shown:
        pair = kpis.figures[str(item["data-kpi"])]
        assert (int(str(item["data-current"])), int(str(item["data-previous"]))) == (
            pair.current,
            pair.previous,
        )
        assert item.one("a")["href"].startswith(f"/{lang}/o/{busy.slug}/")
    year = soup.one("[data-year]")
    assert year["data-calendar"] == (JALALI if lang == "fa" else GREGORIAN)


def test_the_persian_page_reads_persian_and_the_english_one_english(
    busy: Office, member_client: Any
) -> None:
    client = member_client(busy, Role.VIEWER)
    text = " ".join(read(_html(client, "fa", busy), "fa").texts)
    # The test's own data in Latin letters: the member's name, the cities, an acronym.
    text = re.sub(r"user\d+|ours city \d|C4", " ", text)
    assert not LATIN_DIGIT.search(text), LATIN_DIGIT.findall(text)[:5]
    assert "داشبورد" in text or "پیشخوان" in text
    en = _page(client, "en", busy).get_text(" ")
    assert "Partnerships by health" in en and "Missions by status" in en


@pytest.mark.parametrize(
    ("key", "route"),
    [
        ("activities", "activities"),
        ("commitments.due", "commitments"),
        ("commitments.overdue", "commitments"),
        ("outcomes.people", "outcomes"),
    ],
)
def test_a_figure_links_to_the_list_of_the_rows_it_counts(
    busy: Office, member_client: Any, key: str, route: str
) -> None:
    client = member_client(busy, Role.VIEWER)
    soup = _page(client, "en", busy)
    item = soup.one(f'[data-kpi="{key}"]')
    href = item.one("a")["href"]
    assert f"/partnerships/{route}/" in href
    listing = parse(client.get(href).content.decode())
    count = listing.one("[data-list-count]")
    assert int(count.get_text().split()[0]) == int(str(item["data-current"]))
    # The Persian list reads the same link (ISO dates) and shows them as Jalali dates.
    fa = client.get(href.replace("/en/", "/fa/", 1)).content.decode()
    assert 'name="start"' in fa and "/" in fa.split('name="start"')[1][:80]


def test_the_charts_and_the_map_receive_their_data(busy: Office, member_client: Any) -> None:
    client = member_client(busy, Role.VIEWER)
    soup = _page(client, "fa", busy)
    charts = json.loads(soup.one("#dashboard-charts").get_text())
    assert charts["activities"]["labels"][0] == "فروردین"  # Jalali months in Persian
    assert len(charts["activities"]["values"]) == 12
    assert "۱۴" in charts["activities"]["title"]  # the year in Persian digits
    en = json.loads(_page(client, "en", busy).one("#dashboard-charts").get_text())
    assert en["activities"]["labels"][0] == "Jan"
    points = json.loads(soup.one("#partners-map-data").get_text())
    assert points["links"] is False
    assert {p["colour"] for p in points["partners"]} <= {"#1f7a4d", "#b26a00", "#b3261e", "#6b7a80"}
    assert all(f"/o/{busy.slug}/partnerships/" in p["url"] for p in points["partners"])
    assert soup.select("[data-map-legend] li")


def test_alerts_most_urgent_first_and_the_next_30_days(busy: Office, member_client: Any) -> None:
    from peyvand.accounts.actors import SYSTEM
    from peyvand.missions import services as missions

    today = timezone.localdate()
    missions.mission_create(
        office=busy,
        actor=SYSTEM,
        title_en="Trip to Vienna next week",
        start_date=today + dt.timedelta(days=7),
        end_date=today + dt.timedelta(days=9),
    )
    missions.mission_create(
        office=busy,
        actor=SYSTEM,
        title_en="Trip far ahead",
        start_date=today + dt.timedelta(days=60),
        end_date=today + dt.timedelta(days=61),
    )
    client = member_client(busy, Role.VIEWER)
    soup = _page(client, "en", busy)
    upcoming = soup.one("[data-upcoming]").get_text(" ")
    assert "Trip to Vienna next week" in upcoming and "Trip far ahead" not in upcoming
    alerts = soup.select("[data-alert]")
    assert alerts
    urgent = ["badge--danger" in a.one(".badge")["class"] for a in alerts]
    assert urgent == sorted(urgent, reverse=True)  # the overdue ones first


def test_a_stranger_gets_404(busy: Office, other_office: Office, member_client: Any) -> None:
    client = member_client(other_office, Role.DIRECTOR)
    assert client.get(f"/en/o/{busy.slug}/").status_code == 404
    assert client.get(f"/api/v1/offices/{busy.slug}/dashboard").status_code == 404


# ---------------------------------------------------------------- the API


def test_the_api_answers_the_kpis_with_last_years_keyed_by_kpi(
    busy: Office, member_client: Any
) -> None:
    client = member_client(busy, Role.VIEWER)
    today = timezone.localdate()
    for accept, calendar in (("fa", JALALI), ("en", GREGORIAN)):
        body = client.get(
            f"/api/v1/offices/{busy.slug}/dashboard", HTTP_ACCEPT_LANGUAGE=accept
        ).json()
        span = current_year(calendar, today)
        assert body["year"] == {
            "calendar": calendar,
            "year": span.year,
            "start": span.start.isoformat(),
            "end": span.end.isoformat(),
        }
        assert body["previous_year"]["year"] == span.year - 1
        kpis = compute_kpis(busy, span, today)
        assert set(body["kpis"]) == set(kpis.figures)
        for key, pair in kpis.figures.items():
            assert body["kpis"][key] == {
                "current": pair.current,
                "previous": pair.previous,
                "change": pair.change,
            }
        for key, by_currency in kpis.amounts.items():
            assert {c: v["current"] for c, v in body["amounts"][key].items()} == {
                c: float(p.current) for c, p in by_currency.items()
            }


def test_the_api_takes_a_calendar_and_a_year(busy: Office, member_client: Any) -> None:
    client = member_client(busy, Role.VIEWER)
    url = f"/api/v1/offices/{busy.slug}/dashboard"
    body = client.get(f"{url}?calendar=gregorian&year=2025", HTTP_ACCEPT_LANGUAGE="fa").json()
    assert body["year"]["start"] == "2025-01-01" and body["previous_year"]["year"] == 2024
    expected = Activity.objects.filter(
        office=busy, date__gte=dt.date(2025, 1, 1), date__lte=dt.date(2025, 12, 31)
    ).count()
    assert body["kpis"]["activities"]["current"] == expected
    jalali = client.get(f"{url}?calendar=jalali&year=1404").json()
    assert jalali["year"]["start"] == "2025-03-21" and jalali["year"]["end"] == "2026-03-20"


@pytest.mark.parametrize(
    "query",
    [
        "calendar=julian",
        "calendar=",
        "year=99999999999999999999",
        "year=-1",
        "year=abc",
        "year=1900",  # its previous year is before 1900
        "calendar=jalali&year=2025",  # Jalali 2025 is in the 27th century
        "calendar=gregorian&year=1404",
        "year=" + "9" * 5000,
    ],
)
def test_the_api_refuses_bad_input_with_422(busy: Office, member_client: Any, query: str) -> None:
    client = member_client(busy, Role.VIEWER)
    response = client.get(f"/api/v1/offices/{busy.slug}/dashboard?{query}")
    assert response.status_code == 422, (query, response.content[:200])
    assert "detail" in response.json()


def test_the_api_refuses_strangers(busy: Office) -> None:
    assert Client().get(f"/api/v1/offices/{busy.slug}/dashboard").status_code == 401
    assert Client().get("/api/v1/offices/no-such-office/dashboard").status_code in (401, 404)
