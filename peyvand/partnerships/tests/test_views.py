"""Pages: access by role, office isolation, forms, htmx partials, query counts."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.tests.factories import make_department
from peyvand.partnerships import services
from peyvand.partnerships.models import Partnership
from peyvand.places.tests.factories import make_city, make_twinning

from .factories import log, make_partnership, with_home_city
from .test_services import PDF

TODAY = timezone.localdate()


def url(name: str, office: Any, lang: str = "en", **kw: Any) -> str:
    from django.utils import translation

    with translation.override(lang):
        namespace = "records" if name == "download" else "partnerships"
        return reverse(f"{namespace}:{name}", kwargs={"office_slug": office.slug, **kw})


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


def test_members_download_files_as_attachments(office: Any, member_client: Any, media: Any) -> None:
    p = make_partnership(office)
    agreement = services.agreement_create(
        partnership=p, actor=SYSTEM, title="A", files=[SimpleUploadedFile("Pact.pdf", PDF)]
    )
    f = agreement.files.get()
    response = member_client(office, "viewer").get(
        url("download", office, kind="agreement", pk=f.pk)
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert "Pact.pdf" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_uploading_a_renamed_executable_through_the_page_is_refused(
    office: Any, member_client: Any, media: Any
) -> None:
    p = make_partnership(office)
    client = member_client(office, "officer")
    response = client.post(
        url("agreement_add", office, pk=p.pk),
        {"title": "Pact", "documents": SimpleUploadedFile("pact.pdf", b"MZ\x90\x00" + b"\0" * 99)},
    )
    assert response.status_code == 200
    assert "PDF, DOCX, PNG and JPEG" in response.content.decode()
    assert not p.agreements.exists()


def test_the_list_query_count_does_not_grow_with_the_number_of_pacts(
    office: Any, member_client: Any
) -> None:
    with_home_city(office)
    client = member_client(office, "director")

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url("list", office)).status_code == 200
        return len(ctx.captured_queries)

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


def test_logging_an_activity_from_the_detail_page_updates_the_score(
    office: Any, member_client: Any
) -> None:
    p = make_partnership(office, signed_on=TODAY - dt.timedelta(days=3 * 365))
    p.refresh_from_db()
    before = p.health_score
    assert p.health_label == "dormant"
    client = member_client(office, "liaison")
    response = client.post(
        url("activity_log", office, pk=p.pk),
        {
            "title": "Video call with the mayor",
            "date": TODAY.isoformat(),
            "kind": "visit_in",
            "initiated_by": "partner",
            "partnerships": [p.pk],
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 302
    p.refresh_from_db()
    assert p.health_score is not None and before is not None and p.health_score > before
    assert p.paper_only is False


def test_an_activity_cannot_be_linked_to_another_offices_pact_through_the_page(
    office: Any, other_office: Any, member_client: Any
) -> None:
    mine, theirs = make_partnership(office), make_partnership(other_office)
    client = member_client(office, "officer")
    response = client.post(
        url("activity_log", office, pk=mine.pk),
        {
            "title": "x",
            "date": TODAY.isoformat(),
            "kind": "event",
            "initiated_by": "us",
            "partnerships": [mine.pk, theirs.pk],
        },
    )
    assert response.status_code == 200  # the form shows the error
    assert not theirs.activities.exists() and not mine.activities.exists()


def test_a_liaison_changes_only_their_departments_commitments_inline(
    office: Any, member_client: Any
) -> None:
    transport = make_department(office, "Transport")
    other = make_department(office, "Water")
    p = make_partnership(office)
    ours = services.commitment_create(
        partnership=p, actor=SYSTEM, title="Ours", due_on=TODAY, department=transport
    )
    theirs = services.commitment_create(
        partnership=p, actor=SYSTEM, title="Theirs", due_on=TODAY, department=other
    )
    client = member_client(office, "liaison", department=transport)
    response = client.post(
        url("commitment_status", office, pk=ours.pk), {"status": "done"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert f'id="commitment-{ours.pk}"' in body
    assert 'hx-swap-oob="true"' in body
    ours.refresh_from_db()
    assert ours.status == "done"
    assert (
        client.post(url("commitment_status", office, pk=theirs.pk), {"status": "done"})
    ).status_code == 403
    theirs.refresh_from_db()
    assert theirs.status == "planned"


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


def test_public_links_adopt_and_not_ours(office: Any, member_client: Any) -> None:
    with_home_city(office)
    kyiv = make_city("Kyiv", country="UA")
    seoul = make_city("Seoul", country="KR")
    t1 = make_twinning(office.home_city, kyiv)
    t2 = make_twinning(office.home_city, seoul)
    client = member_client(office, "officer")
    assert "Kyiv" in client.get(url("list", office)).content.decode()
    client.post(url("link_adopt", office, twinning_id=t1.pk))
    assert Partnership.objects.filter(office=office, partner_city=kyiv).exists()
    client.post(url("link_not_ours", office, twinning_id=t2.pk), {"reason": "Never signed"})
    page = client.get(url("list", office)).content.decode()
    assert 'data-link="' + seoul.code not in page
    assert "Seoul" in client.get(url("not_ours", office)).content.decode()


def test_director_sets_weights_and_scores_are_recomputed(office: Any, member_client: Any) -> None:
    p = make_partnership(office)
    log(office, p, TODAY - dt.timedelta(days=10))
    client = member_client(office, "director")
    weights = {
        "w_recency": 100,
        "w_frequency": 0,
        "w_delivery": 0,
        "w_reciprocity": 0,
        "w_breadth": 0,
        "w_outcomes": 0,
    }
    assert client.post(url("settings", office), weights).status_code == 302
    p.refresh_from_db()
    assert p.health_components["recency"]["weight"] == 100
    assert p.health_score is not None and p.health_score > 90
    officer = member_client(office, "officer")
    assert officer.get(url("settings", office)).status_code == 403


def test_dormancy_review_revive_through_the_page(office: Any, member_client: Any) -> None:
    dept = make_department(office)
    p = make_partnership(office, signed_on=TODAY - dt.timedelta(days=3 * 365))
    client = member_client(office, "director")
    response = client.post(
        url("review", office, pk=p.pk),
        {
            "decision": "revive",
            "deadline": (TODAY + dt.timedelta(days=120)).isoformat(),
            "plan_title_0": "Joint workshop on air quality",
            "plan_department_0": dept.pk,
            "letter_fa": "نامه",
            "letter_en": "Letter",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 302
    assert p.reviews.get().decision == "revive"
    assert p.commitments.get().title == "Joint workshop on air quality"


def test_evidence_and_done_date_through_the_plain_form(
    office: Any, member_client: Any, media: Any
) -> None:
    p = make_partnership(office)
    c = services.commitment_create(partnership=p, actor=SYSTEM, title="x", due_on=TODAY)
    client = member_client(office, "officer")
    response = client.post(
        url("commitment_status", office, pk=c.pk),
        {
            "status": "done",
            "done_on": (TODAY - dt.timedelta(days=2)).isoformat(),
            "evidence_note": "Minutes of the meeting",
            "evidence_link": "https://example.org/minutes",
            "evidence_file": SimpleUploadedFile("minutes.pdf", PDF),
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 302
    c.refresh_from_db()
    assert c.done_on == TODAY - dt.timedelta(days=2) and c.on_time
    assert c.evidence_note == "Minutes of the meeting"
    download = client.get(url("download", office, kind="evidence", pk=c.pk))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
