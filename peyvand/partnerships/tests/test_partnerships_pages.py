"""Partnerships: the pacts themselves: rules, status, archive, list and detail pages (pages)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.tests.factories import make_department
from peyvand.partnerships import services
from peyvand.partnerships.models import (
    Activity,
    Partnership,
)
from peyvand.places.tests.factories import make_city, make_country, make_twinning

from .factories import log, make_partnership, with_home_city
from .support import (
    PDF,
    SIGNED,
    TODAY,
    url,
)


def test_list_detail_and_forms_render_in_both_languages(office: Any, member_client: Any) -> None:
    with_home_city(office)
    p = make_partnership(office, signed_on=TODAY - dt.timedelta(days=900))
    log(office, p, TODAY - dt.timedelta(days=20), initiated_by="partner")
    services.commitment_create(partnership=p, actor=SYSTEM, title="Bus study", due_on=TODAY)
    make_twinning(office.home_city, make_city("Kyiv", country="UA"))
    client = member_client(office, "director")
    for lang in ("fa", "en"):
        for name, kw in (
            ("list", {}),
            ("detail", {"pk": p.pk}),
            ("edit", {"pk": p.pk}),
            ("create", {}),
            ("activity_log", {"pk": p.pk}),
            ("agreement_add", {"pk": p.pk}),
            ("review", {"pk": p.pk}),
            ("settings", {}),
            ("not_ours", {}),
        ):
            response = client.get(url(name, office, lang, **kw))
            assert response.status_code == 200, (name, lang)
    page = client.get(url("detail", office, pk=p.pk)).content.decode()
    assert 'id="health-trend-data"' in page
    assert "Bus study" in page
    assert "<script>" not in page  # CSP: no inline scripts
    # the history's times are in Persian digits on the Persian page, like its dates
    history = client.get(url("detail", office, "fa", pk=p.pk)).content.decode()
    history = history[history.index("data-history") :]
    assert re.search(r"[۰-۹]{2}:[۰-۹]{2}", history) and not re.search(r"[0-9]{2}:[0-9]{2}", history)


def test_another_offices_pact_commitment_and_file_answer_404(
    office: Any, other_office: Any, member_client: Any, media: Any
) -> None:
    theirs = make_partnership(other_office)
    commitment = services.commitment_create(
        partnership=theirs, actor=SYSTEM, title="x", due_on=TODAY
    )
    agreement = services.agreement_create(
        partnership=theirs,
        actor=SYSTEM,
        title="Agreement",
        files=[SimpleUploadedFile("a.pdf", PDF)],
    )
    file_row = agreement.files.get()
    client = member_client(office, "director")
    assert client.get(url("detail", office, pk=theirs.pk)).status_code == 404
    assert client.get(url("edit", office, pk=theirs.pk)).status_code == 404
    assert (
        client.post(url("commitment_status", office, pk=commitment.pk), {"status": "done"})
    ).status_code == 404
    assert client.get(url("download", office, kind="agreement", pk=file_row.pk)).status_code == 404
    commitment.refresh_from_db()
    assert commitment.status == "planned"
    # A stranger to the office gets 404 for the office itself.
    assert client.get(url("list", other_office)).status_code == 404


def test_the_list_query_count_does_not_grow_with_the_number_of_pacts(
    office: Any, member_client: Any
) -> None:
    with_home_city(office)
    client = member_client(office, "director")

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url("list", office)).status_code == 200
        return len(ctx.captured_queries)

    count()  # the first visit of an office records it in the session (the menu keeps it)
    for _ in range(10):
        p = make_partnership(office, signed_on=TODAY - dt.timedelta(days=400))
        log(office, p, TODAY - dt.timedelta(days=100))
    ten = count()
    for _ in range(190):
        Partnership.objects.create(
            office=office, partner_city=make_city(country="FR"), kind="sister", status="active"
        )
    assert Partnership.objects.filter(office=office).count() == 200
    assert count() == ten


def test_a_viewer_reads_but_cannot_edit_or_log(office: Any, member_client: Any) -> None:
    p = make_partnership(office)
    viewer = member_client(office, "viewer")
    assert viewer.get(url("detail", office, pk=p.pk)).status_code == 200
    assert viewer.get(url("edit", office, pk=p.pk)).status_code == 403
    response = viewer.post(
        url("activity_log", office, pk=p.pk),
        {
            "title": "x",
            "date": TODAY.isoformat(),
            "kind": "event",
            "initiated_by": "us",
            "partnerships": [p.pk],
        },
    )
    assert response.status_code == 403
    assert not p.activities.exists()


def test_a_stale_edit_form_is_refused_with_what_changed(office: Any, member_client: Any) -> None:
    p = make_partnership(office, summary_en="original")
    client = member_client(office, "officer")
    form = {
        "partner": p.partner_city.code,
        "kind": "sister",
        "status": "active",
        "summary_en": "mine",
        "version": p.version,
    }
    services.partnership_update(
        partnership=p, actor=SYSTEM, expected_version=p.version, data={"summary_en": "theirs"}
    )
    response = client.post(url("edit", office, pk=p.pk), form)
    assert response.status_code == 409
    page = response.content.decode()
    assert "data-stale" in page
    assert "theirs" in page
    p.refresh_from_db()
    assert p.summary_en == "theirs"


def test_create_form_prefills_the_partner_and_one_click_proposal(
    office: Any, member_client: Any
) -> None:
    city = make_city("Vienna", country="AT", code="gn:2761369")
    client = member_client(office, "officer")
    page = client.get(url("create", office) + "?partner=gn:2761369&status=proposed").content
    assert b'value="gn:2761369" checked' in page
    response = client.post(url("create_proposed", office), {"partner": "gn:2761369"})
    assert response.status_code == 302
    p = Partnership.objects.get(office=office, partner_city=city)
    assert p.status == "proposed"
    # A second click does not duplicate it.
    client.post(url("create_proposed", office), {"partner": "gn:2761369"})
    assert Partnership.objects.filter(office=office, partner_city=city).count() == 1
    viewer = member_client(office, "viewer")
    assert viewer.post(url("create_proposed", office), {"partner": "gn:2761369"}).status_code == 403


def test_creating_through_the_form_applies_the_rules(office: Any, member_client: Any) -> None:
    with_home_city(office, code="gn:112931")
    client = member_client(office, "officer")
    response = client.post(
        url("create", office),
        {"partner": "gn:112931", "kind": "sister", "status": "proposed"},
    )
    assert response.status_code == 200
    assert "own city" in response.content.decode()
    city = make_city("Seoul", country="KR")
    response = client.post(
        url("create", office),
        {
            "partner": city.code,
            "kind": "sister",
            "status": "proposed",
            "signed_on": "2020-01-01",
            "valid_until": "2030-01-01",
            "areas": ["1", "2"],
        },
    )
    assert response.status_code == 302
    p = Partnership.objects.get(partner_city=city)
    assert p.areas.count() == 2


def test_city_typeahead_lists_cities_but_not_the_home_city(office: Any, member_client: Any) -> None:
    with_home_city(office, name_en="Tehran")
    make_city("Tehranabad", country="IR")
    client = member_client(office, "officer")
    body = client.get(url("city_search", office) + "?q=tehr").content.decode()
    assert "Tehranabad" in body
    assert f'value="{office.home_city.code}"' not in body


def test_every_edit_page_renders_in_persian_and_english(
    office: Any, member_client: Any, media: Any
) -> None:
    p = make_partnership(office, signed_on=SIGNED)
    activity = log(office, p, TODAY, outcomes=[{"kind": "grant", "value": 1}])
    outcome = activity.outcomes.get()
    agreement = services.agreement_create(
        partnership=p, actor=SYSTEM, title="MoU", files=[SimpleUploadedFile("mou.pdf", PDF)]
    )
    c = services.commitment_create(partnership=p, actor=SYSTEM, title="Bus study", due_on=TODAY)
    client = member_client(office, "officer")
    pages = (
        ("activity_edit", activity.pk, "Edit the activity"),
        ("activity_delete", activity.pk, "Delete the activity"),
        ("outcome_edit", outcome.pk, "Edit the outcome"),
        ("outcome_delete", outcome.pk, "Remove the outcome"),
        ("agreement_edit", agreement.pk, "mou.pdf"),
        ("agreement_file_delete", agreement.files.get().pk, "Remove the file"),
        ("commitment_edit", c.pk, "Edit the commitment"),
    )
    for name, pk, english in pages:
        en = client.get(url(name, office, "en", pk=pk))
        assert en.status_code == 200, name
        assert english in en.content.decode(), name
        assert 'dir="ltr"' in en.content.decode()
        fa = client.get(url(name, office, "fa", pk=pk))
        assert fa.status_code == 200, name
        assert 'dir="rtl"' in fa.content.decode()
    detail = client.get(url("detail", office, pk=p.pk)).content.decode()
    assert f"/activities/{activity.pk}/edit/" in detail
    assert f"/activities/{activity.pk}/delete/" in detail
    assert f"/outcomes/{outcome.pk}/edit/" in detail
    assert f"/agreements/{agreement.pk}/edit/" in detail
    assert f"/commitments/{c.pk}/edit/" in detail
    assert "<script>" not in detail


def test_another_offices_records_answer_404_on_every_edit_page(
    office: Any, other_office: Any, member_client: Any, media: Any
) -> None:
    theirs = make_partnership(other_office)
    activity = log(other_office, theirs, TODAY, outcomes=[{"kind": "grant"}])
    agreement = services.agreement_create(
        partnership=theirs, actor=SYSTEM, title="x", files=[SimpleUploadedFile("a.pdf", PDF)]
    )
    c = services.commitment_create(partnership=theirs, actor=SYSTEM, title="x", due_on=TODAY)
    client = member_client(office, "director")
    targets = (
        ("activity_edit", activity.pk),
        ("activity_delete", activity.pk),
        ("outcome_edit", activity.outcomes.get().pk),
        ("outcome_delete", activity.outcomes.get().pk),
        ("agreement_edit", agreement.pk),
        ("agreement_file_delete", agreement.files.get().pk),
        ("commitment_edit", c.pk),
    )
    for name, pk in targets:
        assert client.get(url(name, office, pk=pk)).status_code == 404, name
        assert client.post(url(name, office, pk=pk), {"title": "hacked"}).status_code == 404, name
    assert Activity.objects.filter(pk=activity.pk, title="A meeting").exists()
    assert agreement.files.count() == 1
    assert activity.outcomes.count() == 1


def test_roles_on_the_edit_pages(office: Any, member_client: Any) -> None:
    transport, water = make_department(office), make_department(office)
    p = make_partnership(office)
    liaison = member_client(office, "liaison", department=transport)
    stranger = member_client(office, "liaison", department=water)
    viewer = member_client(office, "viewer")
    ours = services.activity_log(
        office=office,
        actor=liaison.membership,
        partnerships=[p],
        date=TODAY,
        kind="event",
        title="Ours",
        outcomes=[{"kind": "grant"}],
    )
    outcome = ours.outcomes.get()
    assert liaison.get(url("activity_edit", office, pk=ours.pk)).status_code == 200
    assert liaison.get(url("outcome_edit", office, pk=outcome.pk)).status_code == 200
    assert liaison.get(url("activity_delete", office, pk=ours.pk)).status_code == 403
    assert liaison.post(url("activity_delete", office, pk=ours.pk)).status_code == 403
    for client in (stranger, viewer):
        assert client.get(url("activity_edit", office, pk=ours.pk)).status_code == 403
        assert client.post(url("outcome_delete", office, pk=outcome.pk)).status_code == 403
    page = stranger.get(url("detail", office, pk=p.pk)).content.decode()
    assert f"/activities/{ours.pk}/edit/" not in page
    page = liaison.get(url("detail", office, pk=p.pk)).content.decode()
    assert f"/activities/{ours.pk}/edit/" in page
    assert f"/activities/{ours.pk}/delete/" not in page
    assert Activity.objects.filter(pk=ours.pk).exists() and ours.outcomes.exists()


def test_a_stale_inline_status_change_is_refused_in_the_row(
    office: Any, member_client: Any
) -> None:
    p = make_partnership(office)
    c = services.commitment_create(partnership=p, actor=SYSTEM, title="Bus study", due_on=TODAY)
    services.commitment_update(commitment=c, actor=SYSTEM, status="in_progress")
    client = member_client(office, "officer")
    response = client.post(
        url("commitment_status", office, "en", pk=c.pk),
        {"status": "dropped", "drop_reason": "no money", "version": 1},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    row = response.content.decode()
    assert "data-row-error" in row and "data-row-changes" in row
    assert 'name="version" value="2"' in row
    c.refresh_from_db()
    assert c.status == "in_progress"


def test_the_list_shows_country_names_with_a_bounded_query_count(
    office: Any, member_client: Any, settings: Any
) -> None:
    settings.PAGE_CACHE = False  # the bound of a page rendered anew
    ukraine = make_country("UA", "Ukraine", "اوکراین")
    client = member_client(office, "viewer")
    make_partnership(office, partner_city=make_city("Kyiv", country=ukraine))

    def count(lang: str) -> tuple[int, str]:
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url("list", office, lang))
        return len(ctx.captured_queries), response.content.decode()

    count("en")  # the first visit of an office records it in the session (the menu keeps it)
    one, page = count("en")
    assert "(Ukraine)" in page and "(UA)" not in page
    assert "(اوکراین)" in count("fa")[1]
    for n in range(12):
        make_partnership(
            office, partner_city=make_city(country=make_country(f"Q{chr(65 + n)}", f"Land {n}"))
        )
    assert count("en")[0] == one
