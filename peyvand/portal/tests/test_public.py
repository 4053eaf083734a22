"""Every public URL, feed, download and API list, in both languages: what is published
shows; nothing unpublished, no published part of an unpublished record and nothing of
another office ever appears (not in a page, a count, the map, the feed, a file, the API or
the sitemap)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from .conftest import Portal

pytestmark = pytest.mark.django_db


def public_urls(portal: Portal, lang: str) -> list[str]:
    slug = portal.office.slug
    with translation.override(lang):
        names: list[tuple[str, dict[str, Any]]] = [
            ("portal:home", {}),
            ("portal:partnership", {"pk": portal["pact"].pk}),
            ("portal:practices", {}),
            ("portal:practice", {"pk": portal["practice"].pk}),
            ("portal:pitches", {}),
            ("portal:pitch", {"pk": portal["pitch"].pk}),
            ("portal:events", {}),
            ("portal:data", {}),
            ("portal:feed", {}),
        ]
        urls = [reverse(name, kwargs={"office_slug": slug, **kw}) for name, kw in names]
        for dataset in ("partnerships", "activities", "outcomes", "practices", "pitches", "events"):
            for fmt in ("csv", "json"):
                urls.append(
                    reverse(
                        "portal:download", kwargs={"office_slug": slug, "name": dataset, "fmt": fmt}
                    )
                )
    for kind in ("partnerships", "activities", "practices", "pitches"):
        urls.append(f"/api/v1/public/offices/{slug}/{kind}")
    return urls


def body_of(response: Any) -> str:
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    return str(raw.decode())


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_no_public_url_leaks_what_is_not_published(portal: Portal, lang: str) -> None:
    anonymous = Client()
    for url in public_urls(portal, lang):
        response = anonymous.get(url)
        assert response.status_code == 200, url
        body = body_of(response)
        for secret in portal.secrets:
            assert secret not in body, (url, secret)
        assert "SECRET-reply@example.org" not in body


def test_what_is_published_shows(portal: Portal, client: Client) -> None:
    home = body_of(client.get(f"/en/p/{portal.office.slug}/"))
    assert "Vienna" in home and f'data-pact="{portal["pact"].pk}"' in home
    page = body_of(client.get(f"/en/p/{portal.office.slug}/partnerships/{portal['pact'].pk}/"))
    for text in ("Metro study visit", "Engineers trained", "Joint forum", "We studied Vienna"):
        assert text in page
    assert "An approved comment" in page and "Average rating: 4.0 out of 5" in page
    activities = json.loads(
        body_of(client.get(f"/api/v1/public/offices/{portal.office.slug}/activities"))
    )
    assert activities["count"] == 2 and {a["title"] for a in activities["items"]} == {
        "Metro study visit",
        "Joint forum",
    }
    # The activity under a hidden pact too lists only the public one.
    assert all(a["partnerships"] == [portal["pact"].pk] for a in activities["items"])
    assert (
        activities["licence"].startswith("CC BY 4.0")
        and "Tehran office" in activities["attribution"]
    )


def test_the_figures_count_only_what_is_public(portal: Portal, client: Client) -> None:
    from django.utils import timezone

    from peyvand.portal import selectors

    counts = selectors.portal_counts(portal.office, timezone.localdate())
    assert counts == {"partnerships": 1, "activities": 2, "practices": 1, "pitches": 1, "events": 1}


@pytest.mark.parametrize(
    "name",
    [
        "hidden_pact",
        "other_pact",
        "idea",
        "hidden_practice",
        "other_practice",
        "hidden_pitch",
        "other_pitch",
    ],
)
def test_a_record_that_is_not_public_here_answers_404(
    portal: Portal, client: Client, name: str
) -> None:
    record = portal[name]
    route = {
        "Partnership": "partnerships",
        "Practice": "practices",
        "Pitch": "pitches",
    }[type(record).__name__]
    response = client.get(f"/en/p/{portal.office.slug}/{route}/{record.pk}/")
    assert response.status_code == 404


def test_an_unknown_office_and_dataset_answer_404(portal: Portal, client: Client) -> None:
    assert client.get("/en/p/no-such-office/").status_code == 404
    assert client.get(f"/en/p/{portal.office.slug}/data/secrets.csv").status_code == 404
    assert client.get(f"/en/p/{portal.office.slug}/data/partnerships.xml").status_code == 404
    assert client.get("/api/v1/public/offices/no-such-office/partnerships").status_code == 404


def test_the_sitemap_lists_only_public_records_in_both_languages(
    portal: Portal, client: Client
) -> None:
    body = body_of(client.get("/sitemap.xml"))
    assert "SECRET" not in body
    slug = portal.office.slug
    pact = portal["pact"].pk
    assert (
        f"/fa/p/{slug}/partnerships/{pact}/" in body
        and f"/en/p/{slug}/partnerships/{pact}/" in body
    )
    assert f"partnerships/{portal['hidden_pact'].pk}/" not in body
    assert (
        f"practices/{portal['idea'].pk}/" not in body
        and f"practices/{portal['hidden_practice'].pk}/" not in body
    )
    assert f"pitches/{portal['hidden_pitch'].pk}/" not in body
    assert 'hreflang="en"' in body and 'hreflang="fa"' in body


def test_the_csv_states_its_licence_then_its_columns(portal: Portal, client: Client) -> None:
    text = body_of(client.get(f"/en/p/{portal.office.slug}/data/partnerships.csv")).lstrip("\ufeff")
    lines = list(csv.reader(io.StringIO(text)))
    assert lines[0][0].startswith("# licence: CC BY 4.0")
    assert lines[1][0].startswith("# attribution: Tehran office")
    assert lines[2][:3] == ["id", "partner_city", "partner_city_name_en"]
    assert [row[2] for row in lines[3:]] == ["Vienna"]


def test_the_columns_are_the_rows_keys(portal: Portal) -> None:
    from peyvand.portal import opendata

    for name, dataset in opendata.DATASETS.items():
        for row in opendata.rows(dataset, portal.office):
            assert tuple(row) == opendata.COLUMNS[name]


def test_a_page_has_its_title_description_preview_canonical_and_languages(
    portal: Portal, client: Client
) -> None:
    slug = portal.office.slug
    body = body_of(client.get(f"/fa/p/{slug}/partnerships/{portal['pact'].pk}/"))
    assert '<meta name="description" content="همکاری در حمل‌ونقل عمومی">' in body
    assert (
        f'<link rel="canonical" href="http://testserver/fa/p/{slug}/partnerships/{portal["pact"].pk}/">'
        in body
    )
    assert (
        f'hreflang="en" href="http://testserver/en/p/{slug}/partnerships/{portal["pact"].pk}/"'
        in body
    )
    assert (
        '<meta property="og:title"' in body
        and '<meta property="og:locale" content="fa_IR">' in body
    )
    assert 'type="application/atom+xml"' in body


def test_the_health_label_shows_only_when_the_office_chose_it(
    portal: Portal, client: Client
) -> None:
    from peyvand.accounts.actors import SYSTEM
    from peyvand.partnerships.services import health_refresh, portal_health_set

    health_refresh(partnerships=[portal["pact"]])
    url = f"/en/p/{portal.office.slug}/partnerships/{portal['pact'].pk}/"
    assert "data-health" not in body_of(client.get(url))
    portal_health_set(office=portal.office, actor=SYSTEM, shown=True)
    assert "data-health" in body_of(client.get(url))


def test_a_kept_public_page_changes_when_a_record_is_unpublished(
    portal: Portal, client: Client
) -> None:
    from peyvand.accounts.actors import SYSTEM
    from peyvand.partnerships.services import activity_publish

    url = f"/en/p/{portal.office.slug}/partnerships/{portal['pact'].pk}/"
    assert "Metro study visit" in body_of(client.get(url))
    activity_publish(record=portal["activity"], actor=SYSTEM, published=False)
    assert "Metro study visit" not in body_of(client.get(url))


def test_the_public_api_pages_with_limit_and_offset_and_refuses_out_of_bounds(
    portal: Portal, client: Client
) -> None:
    url = f"/api/v1/public/offices/{portal.office.slug}/activities"
    first = client.get(url, {"limit": 1}).json()
    second = client.get(url, {"limit": 1, "offset": 1}).json()
    assert first["count"] == 2 and len(first["items"]) == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]
    assert client.get(url, {"limit": 10**9}).status_code == 422
    assert client.get(url, {"offset": -1}).status_code == 422
    assert client.get(url, {"limit": "x"}).status_code == 422
