"""What a newcomer meets first: the menu, the invite form, the API's 404, the icon, the
set-up of `make run`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.test import Client
from django.urls import reverse
from django.utils import translation

from peyvand.dashboard.management.commands.setup_site import static_fingerprint


def _get(client: Client, name: str, lang: str = "en", **kwargs: Any) -> str:
    with translation.override(lang):
        path = reverse(name, kwargs=kwargs)
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def test_the_office_menu_stays_on_the_atlas_after_an_office_page(
    office: Any, member_client: Any
) -> None:
    """Today's defect: the office menu vanished on the way from a pact to its partner city."""
    client = member_client(office, "director")
    dashboard = reverse("dashboard:home", kwargs={"office_slug": office.slug})
    atlas_before = _get(client, "places:search")
    assert dashboard.replace("/fa/", "/en/") not in atlas_before  # no office visited yet
    _get(client, "dashboard:home", office_slug=office.slug)
    atlas = _get(client, "places:search")
    with translation.override("en"):
        assert reverse("partnerships:list", kwargs={"office_slug": office.slug}) in atlas
        assert reverse("accounts:members", kwargs={"office_slug": office.slug}) in atlas


def test_the_menu_of_another_users_last_office_is_not_shown(
    office: Any, other_office: Any, member_client: Any
) -> None:
    client = member_client(office, "viewer")
    session = client.session
    session["last_office"] = other_office.slug  # not a member there
    session.save()
    atlas = _get(client, "places:search")
    assert other_office.slug not in atlas


def test_no_menu_item_for_a_module_that_does_not_exist_yet(office: Any, member_client: Any) -> None:
    """Every item of the menu opens a page that answers (no "soon" placeholder)."""
    import re

    client = member_client(office, "director")
    for lang in ("fa", "en"):
        html = _get(client, "dashboard:home", lang, office_slug=office.slug)
        assert 'class="soon"' not in html
        menu = html.split('<nav class="nav"', 1)[1].split("</nav>", 1)[0]
        links = re.findall(r'<a href="([^"]+)"', menu)
        assert len(links) >= 10
        for link in links:
            assert client.get(link, follow=True).status_code == 200, link


def test_the_invite_form_offers_the_least_powerful_role_first(
    office: Any, member_client: Any
) -> None:
    html = _get(member_client(office, "director"), "accounts:members", office_slug=office.slug)
    assert '<option value="viewer" selected>' in html
    assert '<option value="director" selected>' not in html


def test_an_unknown_api_address_answers_json_404() -> None:
    for path in ("/api/v1/nope", "/api/v1/offices/x/unknown/deeper", "/api/v2/"):
        for lang, message in (("en", "Not found."), ("fa", "یافت نشد.")):
            response = Client().get(path, HTTP_ACCEPT_LANGUAGE=lang)
            assert response.status_code == 404, path
            assert response["Content-Type"] == "application/json"
            assert json.loads(response.content) == {"code": "not_found", "detail": message}
    # Pages still get the page.
    page = Client().get("/en/nowhere/")
    assert page.status_code == 404 and page["Content-Type"].startswith("text/html")


def test_pages_have_an_icon_and_link_the_api_docs(office: Any, member_client: Any) -> None:
    html = _get(member_client(office, "viewer"), "dashboard:home", office_slug=office.slug)
    assert 'rel="icon"' in html and "favicon.svg" in html
    assert reverse("api:openapi-view") in html
    response = Client().get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("favicon.svg")


def test_the_static_fingerprint_changes_only_when_a_source_changes(
    settings: Any, tmp_path: Path
) -> None:
    (tmp_path / "a.css").write_text("body{}")
    settings.STATICFILES_DIRS = [tmp_path]
    first = static_fingerprint()
    assert static_fingerprint() == first
    (tmp_path / "a.css").write_text("body{color:red}")
    assert static_fingerprint() != first


def test_the_office_home_says_today_once_with_the_other_calendar(
    office: Any, member_client: Any
) -> None:
    import jdatetime
    from django.utils import timezone

    from peyvand.core.dates import JALALI_MONTHS

    client = member_client(office, "viewer")
    today = timezone.localdate()
    j = jdatetime.date.fromgregorian(date=today)
    fa = _get(client, "dashboard:home", "fa", office_slug=office.slug)
    assert fa.count(JALALI_MONTHS[j.month - 1]) == 1  # the office bar does not repeat it
    assert "data-dashboard-other-calendar" in fa and "data-today" not in fa
    text = _get(client, "dashboard:home", office_slug=office.slug)
    assert text.count(today.strftime("%B")) == 1
    assert jdatetime.date.j_months_en[j.month - 1] in text  # the Solar Hijri day
    # Other office pages keep the date in the office bar.
    assert "data-today" in _get(client, "partnerships:list", office_slug=office.slug)
