"""The contacts pages, as a user meets them, in Persian and English: the list with its
filters, the detail with its timeline, the forms (duplicates, locking, refusals), the
merge, the pact panel, another office's contacts answering 404, bounded queries."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from peyvand.missions.models import Contact
from peyvand.partnerships.tests.dom import Element, parse
from peyvand.partnerships.tests.factories import log, make_partnership
from peyvand.places.tests.factories import make_city

from .people_factories import TODAY, make_contact, make_mission, url


def soup(response: Any) -> Element:
    assert response.status_code == 200, response.status_code
    return parse(response.content.decode())


def _form(**kw: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"name_en": "Anna Berger", "kind": "partner_official"}
    data.update(kw)
    return data


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_the_list_shows_contacts_with_their_last_interaction(
    office: Any, member_client: Any, lang: str
) -> None:
    pact = make_partnership(office)
    anna = make_contact(office, name_fa="آنا برگر", tags=["culture"])
    anna.activities.add(log(office, pact, dt.date(2025, 3, 1)))
    make_contact(office, name_en="Bert")
    page = soup(member_client(office, "viewer").get(url("contacts:list", office, lang)))
    rows = page.select("[data-contact-row]")
    assert len(rows) == 2
    row = page.one(f"[data-contact-row={anna.pk}]")
    assert row.one("[data-last-interaction]").get_text(strip=True) != "—"
    assert page.select_one("[data-new-contact]") is None  # a viewer adds nothing
    if lang == "fa":
        assert "آنا برگر" in row.get_text()


def test_the_list_filters_and_shows_an_empty_state(office: Any, member_client: Any) -> None:
    make_contact(office, name_en="Anna", tags=["culture"], kind="city_ambassador")
    make_contact(office, name_en="Bert")
    client = member_client(office, "officer")
    page = soup(client.get(url("contacts:list", office) + "?tag=culture"))
    assert len(page.select("[data-contact-row]")) == 1
    page = soup(client.get(url("contacts:list", office) + "?kind=embassy_staff"))
    assert page.select_one("[data-empty]") is not None
    page = soup(
        client.get(
            url("contacts:list", office)
            + "?organization=abc&partnership=99999999999999999999&sort=x"
        )
    )
    assert len(page.select("[data-contact-row]")) == 2


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_the_detail_shows_facts_pacts_timeline_and_history(
    office: Any, member_client: Any, lang: str
) -> None:
    pact = make_partnership(office)
    contact = make_contact(office, email="anna@wien.gv.at", partnerships=[pact], languages=["de"])
    activity = log(office, pact, TODAY - dt.timedelta(days=20), title="Tram workshop")
    contact.activities.add(activity)
    mission = make_mission(office, contacts=[contact], title_en="Study visit")
    page = soup(
        member_client(office, "officer").get(url("contacts:detail", office, lang, pk=contact.pk))
    )
    assert page.one(f"[data-contact-pacts] [data-pact={pact.pk}]")
    rows = page.select("[data-timeline-row]")
    assert [r["data-timeline-row"] for r in rows] == [
        f"mission-{mission.pk}",
        f"activity-{activity.pk}",
    ]
    assert page.one("[data-history]")
    assert page.one("[data-contact-merge]")


def test_an_officer_adds_a_contact(office: Any, member_client: Any) -> None:
    pact = make_partnership(office)
    city = make_city("Vienna", country="AT")
    client = member_client(office, "officer")
    assert soup(client.get(url("contacts:create", office, "fa") + f"?partnership={pact.pk}"))
    response = client.post(
        url("contacts:create", office),
        _form(city=city.code, languages="de، EN", tags="Culture, tram", partnerships=[pact.pk]),
    )
    contact = Contact.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"/contacts/{contact.pk}/")
    assert contact.city == city and contact.languages == ["de", "en"]
    assert contact.tags == ["culture", "tram"]
    assert list(contact.partnerships.all()) == [pact]


def test_a_possible_duplicate_is_shown_before_anything_is_written(
    office: Any, member_client: Any
) -> None:
    existing = make_contact(office, email="anna@wien.gv.at")
    client = member_client(office, "officer")
    response = client.post(
        url("contacts:create", office), _form(name_en="A. Berger", email="ANNA@wien.gv.at")
    )
    page = soup(response)
    box = page.one("[data-duplicates]")
    assert box.one(f"[data-duplicate={existing.pk}] a")["href"].endswith(
        f"/contacts/{existing.pk}/"
    )
    assert page.one("[data-create-anyway]")["name"] == "confirm_duplicate"
    assert page.one("[name=name_en]")["value"] == "A. Berger"
    assert Contact.objects.count() == 1
    response = client.post(
        url("contacts:create", office),
        _form(name_en="A. Berger", email="ANNA@wien.gv.at", confirm_duplicate="1"),
    )
    assert response.status_code == 302
    assert Contact.objects.count() == 2


def test_refused_input_shows_the_errors_and_writes_nothing(office: Any, member_client: Any) -> None:
    client = member_client(office, "officer")
    page = soup(
        client.post(
            url("contacts:create", office, "fa"),
            _form(languages="farsi", email="nope"),
        )
    )
    form = page.one("[data-contact-form]")
    assert len(form.select(".errorlist")) == 2
    assert form.one("[name=languages]")["value"] == "farsi"
    assert not Contact.objects.exists()
    page = soup(client.post(url("contacts:create", office), _form(city="x:none")))
    assert page.one("#id_city_error")
    assert not Contact.objects.exists()
    page = soup(client.post(url("contacts:create", office), _form(name_en="", name_fa="")))
    assert page.one("[data-contact-form] .errorlist")
    assert not Contact.objects.exists()


def test_a_viewer_cannot_open_the_forms(office: Any, member_client: Any) -> None:
    contact = make_contact(office)
    client = member_client(office, "viewer")
    assert client.get(url("contacts:create", office)).status_code == 403
    assert client.post(url("contacts:create", office), _form()).status_code == 403
    assert client.get(url("contacts:edit", office, pk=contact.pk)).status_code == 403
    assert client.get(url("contacts:merge", office, pk=contact.pk)).status_code == 403
    assert Contact.objects.count() == 1


def test_an_edit_is_saved_and_a_stale_one_shows_what_changed(
    office: Any, member_client: Any
) -> None:
    contact = make_contact(office)
    client = member_client(office, "officer")
    page = soup(client.get(url("contacts:edit", office, "fa", pk=contact.pk)))
    assert page.one("[name=version]")["value"] == "1"
    response = client.post(
        url("contacts:edit", office, pk=contact.pk), _form(title="Mayor", version=1)
    )
    assert response.status_code == 302
    response = client.post(
        url("contacts:edit", office, pk=contact.pk), _form(title="Deputy", version=1)
    )
    assert response.status_code == 409
    page = parse(response.content.decode())
    assert page.one("[data-stale]") and page.one("[data-stale-changes]")
    assert page.one("[name=version]")["value"] == "2"
    contact.refresh_from_db()
    assert contact.title == "Mayor"


def test_the_merge_page_finds_the_duplicate_and_merges_on_confirmation(
    office: Any, member_client: Any
) -> None:
    pact = make_partnership(office)
    keep = make_contact(office, name_en="Anna Berger")
    other = make_contact(office, name_en="anna  berger", email="a@b.org", partnerships=[pact])
    client = member_client(office, "director")
    page = soup(client.get(url("contacts:merge", office, "fa", pk=keep.pk)))
    link = page.one(f"[data-merge-candidate={other.pk}] a")
    page = soup(client.get(url("contacts:merge", office, "en", pk=keep.pk) + link["href"]))
    assert page.one(f"[data-merge-other={other.pk}]")
    data = {"merge": other.pk, "version": keep.version, "merge_version": other.version}
    page = soup(client.post(url("contacts:merge", office, pk=keep.pk), data))
    assert page.one("[data-merge-form] .errorlist")  # not confirmed
    assert Contact.objects.count() == 2
    response = client.post(url("contacts:merge", office, pk=keep.pk), {**data, "confirm": "on"})
    assert response.status_code == 302
    assert list(Contact.objects.all()) == [keep]
    keep.refresh_from_db()
    assert keep.email == "a@b.org" and list(keep.partnerships.all()) == [pact]


def test_the_merge_page_searches_by_name(office: Any, member_client: Any) -> None:
    keep = make_contact(office, name_en="Anna Berger")
    other = make_contact(office, name_en="Dr. A. Berger-Huber")
    client = member_client(office, "officer")
    page = soup(client.get(url("contacts:merge", office, pk=keep.pk) + "?q=huber"))
    assert page.one(f"[data-merge-candidate={other.pk}]")


def test_another_offices_contact_answers_404(
    office: Any, other_office: Any, member_client: Any
) -> None:
    theirs = make_contact(other_office)
    mine = make_contact(office, name_en="Mine")
    client = member_client(office, "director")
    for name in ("contacts:detail", "contacts:edit", "contacts:merge"):
        assert client.get(url(name, office, pk=theirs.pk)).status_code == 404
    assert (
        client.get(url("contacts:merge", office, pk=mine.pk) + f"?other={theirs.pk}").status_code
        == 404
    )
    response = client.post(
        url("contacts:merge", office, pk=mine.pk),
        {"merge": theirs.pk, "confirm": "on"},
    )
    assert response.status_code == 404
    assert Contact.objects.count() == 2
    assert client.get(url("contacts:list", other_office)).status_code == 404


def test_the_city_type_ahead_offers_radio_buttons_for_the_field(
    office: Any, member_client: Any
) -> None:
    city = make_city("Vienna", country="AT")
    client = member_client(office, "officer")
    page = soup(client.get(url("contacts:city_search", office) + "?q=Vienna&field=host_city"))
    assert page.one(f"[data-city-option='{city.code}'] input")["name"] == "host_city"


def test_the_pact_page_shows_its_contacts(office: Any, member_client: Any) -> None:
    pact = make_partnership(office)
    contact = make_contact(office, partnerships=[pact])
    make_contact(office, name_en="Elsewhere")
    client = member_client(office, "officer")
    with_lang = url("partnerships:detail", office, "fa", pk=pact.pk)
    page = soup(client.get(with_lang))
    panel = page.one("[data-pact-panels] [data-pact-panel=contacts]")
    assert [li["data-panel-contact"] for li in panel.select("[data-panel-contact]")] == [
        str(contact.pk)
    ]
    assert panel.one("[data-panel-all]")["href"].endswith(f"?partnership={pact.pk}")
    assert panel.one("[data-panel-add]")


def _list_queries(client: Any, office: Any) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url("contacts:list", office)).status_code == 200
    return len(queries)


def test_the_list_asks_as_many_queries_for_2_rows_as_for_20(
    office: Any, member_client: Any, settings: Any
) -> None:
    settings.PAGE_CACHE = False  # rendered anew each time
    pact = make_partnership(office)
    client = member_client(office, "viewer")

    def add(n: int) -> None:
        for i in range(n):
            c = make_contact(
                office,
                name_en=f"Person {i}",
                city=make_city(country="AT"),
                tags=["a", "b"],
                partnerships=[pact],
            )
            c.activities.add(log(office, pact, TODAY - dt.timedelta(days=i + 1)))

    add(2)
    _list_queries(client, office)  # the first visit also writes the session
    few = _list_queries(client, office)
    add(18)
    assert _list_queries(client, office) == few
