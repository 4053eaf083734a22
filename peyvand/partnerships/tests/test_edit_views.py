"""Correcting records on the pages and in the API: roles, office isolation, confirmation,
stale commitment edits (409 on the page, 412 in the API), both languages, query counts."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.tests.factories import make_department
from peyvand.partnerships import services
from peyvand.partnerships.models import Activity, Partnership
from peyvand.places.tests.factories import make_city, make_country
from peyvand.records.history import history_of
from peyvand.records.models import Event

from .factories import area, log, make_partnership
from .test_services import PDF
from .test_views import url

TODAY = timezone.localdate()
SIGNED = TODAY - dt.timedelta(days=3 * 365)


def activity_form(activity: Activity, **kw: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": activity.title,
        "date": activity.date.isoformat(),
        "kind": activity.kind,
        "initiated_by": activity.initiated_by,
        "partnerships": [p.pk for p in activity.partnerships.all()],
    }
    data.update(kw)
    return data


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


def test_editing_an_activity_through_the_page(office: Any, member_client: Any) -> None:
    kyiv = make_partnership(office, signed_on=SIGNED)
    havana = make_partnership(office, signed_on=SIGNED)
    activity = log(office, kyiv, TODAY - dt.timedelta(days=3))
    client = member_client(office, "officer")
    response = client.post(
        url("activity_edit", office, pk=activity.pk),
        activity_form(
            activity,
            title="Workshop on buses",
            kind="exchange",
            partnerships=[kyiv.pk, havana.pk],
            participants="30",
            partnership=str(kyiv.pk),
        ),
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"/partnerships/{kyiv.pk}/#activities")
    activity.refresh_from_db()
    assert activity.title == "Workshop on buses"
    assert activity.participants == 30
    assert {p.pk for p in activity.partnerships.all()} == {kyiv.pk, havana.pk}
    assert Event.objects.filter(action="activity_updated").count() == 2
    assert Partnership.objects.get(pk=havana.pk).health_label != "dormant"
    # Bad input: a clear error, nothing changed.
    response = client.post(
        url("activity_edit", office, pk=activity.pk), activity_form(activity, title="")
    )
    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()
    activity.refresh_from_db()
    assert activity.title == "Workshop on buses"


def test_an_activity_cannot_be_relinked_to_another_office_through_the_page(
    office: Any, other_office: Any, member_client: Any
) -> None:
    mine, theirs = make_partnership(office), make_partnership(other_office)
    activity = log(office, mine, TODAY)
    client = member_client(office, "officer")
    response = client.post(
        url("activity_edit", office, pk=activity.pk),
        activity_form(activity, partnerships=[mine.pk, theirs.pk]),
    )
    assert response.status_code == 200  # refused by the form: not a choice of this office
    assert list(activity.partnerships.all()) == [mine]
    assert not theirs.activities.exists()


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


def test_deleting_an_activity_asks_first_then_refreshes_every_pact(
    office: Any, member_client: Any
) -> None:
    kyiv = make_partnership(office, signed_on=SIGNED)
    havana = make_partnership(office, signed_on=SIGNED)
    activity = services.activity_log(
        office=office,
        actor=SYSTEM,
        partnerships=[kyiv, havana],
        date=TODAY,
        kind="visit_in",
        title="Mayors meet",
        initiated_by="partner",
    )
    before = {p.pk: Partnership.objects.get(pk=p.pk).health_score or 0 for p in (kyiv, havana)}
    client = member_client(office, "officer")
    confirm = client.get(
        url("activity_delete", office, "en", pk=activity.pk) + f"?partnership={havana.pk}"
    )
    assert confirm.status_code == 200
    page = confirm.content.decode()
    assert "Mayors meet" in page and f'name="partnership" value="{havana.pk}"' in page
    assert Activity.objects.filter(pk=activity.pk).exists()  # asking deletes nothing
    response = client.post(
        url("activity_delete", office, pk=activity.pk), {"partnership": havana.pk}
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"/partnerships/{havana.pk}/#activities")
    assert not Activity.objects.filter(pk=activity.pk).exists()
    for p in (kyiv, havana):
        assert (Partnership.objects.get(pk=p.pk).health_score or 0) < before[p.pk]
        assert history_of(p).filter(action="activity_deleted").exists()
    history = client.get(url("detail", office, "en", pk=kyiv.pk)).content.decode()
    assert "Activity deleted" in history


def test_editing_and_removing_an_outcome_through_the_pages(office: Any, member_client: Any) -> None:
    p = make_partnership(office, signed_on=SIGNED)
    activity = log(office, p, TODAY, outcomes=[{"kind": "grant", "value": 1}])
    outcome = activity.outcomes.get()
    client = member_client(office, "officer")
    response = client.post(
        url("outcome_edit", office, pk=outcome.pk),
        {"kind": "investment", "value": "2.5", "unit": "M€", "note": "", "partnership": p.pk},
    )
    assert response.status_code == 302
    outcome.refresh_from_db()
    assert (outcome.kind, str(outcome.value), outcome.unit) == ("investment", "2.50", "M€")
    bad = client.post(url("outcome_edit", office, pk=outcome.pk), {"kind": "x", "value": "-1"})
    assert bad.status_code == 200
    before = Partnership.objects.get(pk=p.pk).health_score or 0
    assert client.get(url("outcome_delete", office, pk=outcome.pk)).status_code == 200
    assert client.post(url("outcome_delete", office, pk=outcome.pk)).status_code == 302
    assert not activity.outcomes.exists()
    assert (Partnership.objects.get(pk=p.pk).health_score or 0) < before


def test_editing_an_agreement_and_its_files_through_the_pages(
    office: Any, member_client: Any, media: Any
) -> None:
    p = make_partnership(office)
    agreement = services.agreement_create(
        partnership=p, actor=SYSTEM, title="MoU", files=[SimpleUploadedFile("mou.pdf", PDF)]
    )
    client = member_client(office, "officer")
    response = client.post(
        url("agreement_edit", office, pk=agreement.pk),
        {
            "title": "MoU on transport",
            "languages": "Persian, English",
            "signed_on": "2021-03-01",
            "documents": [SimpleUploadedFile("annex.pdf", PDF)],
        },
    )
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.title == "MoU on transport"
    assert sorted(f.original_name for f in agreement.files.all()) == ["annex.pdf", "mou.pdf"]
    refused = client.post(
        url("agreement_edit", office, "en", pk=agreement.pk),
        {"title": "Renamed", "documents": [SimpleUploadedFile("x.pdf", b"MZ" * 200)]},
    )
    assert refused.status_code == 200
    assert "PDF, DOCX, PNG and JPEG" in refused.content.decode()
    agreement.refresh_from_db()
    assert agreement.title == "MoU on transport"  # nothing half-written
    assert agreement.files.count() == 2
    annex = agreement.files.get(original_name="annex.pdf")
    confirm = client.get(url("agreement_file_delete", office, "en", pk=annex.pk))
    assert "annex.pdf" in confirm.content.decode()
    assert client.post(url("agreement_file_delete", office, pk=annex.pk)).status_code == 302
    assert [f.original_name for f in agreement.files.all()] == ["mou.pdf"]
    actions = set(history_of(p).values_list("action", flat=True))
    assert {"agreement_updated", "agreement_file_added", "agreement_file_removed"} <= actions
    liaison = member_client(office, "liaison")
    assert liaison.get(url("agreement_edit", office, pk=agreement.pk)).status_code == 403


# ---------------------------------------------------------------- commitments


def commitment_form(c: Any, **kw: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": c.title,
        "due_on": c.due_on.isoformat(),
        "status": c.status,
        "version": c.version,
    }
    data.update(kw)
    return data


def test_an_officer_edits_the_whole_commitment_on_the_page(office: Any, member_client: Any) -> None:
    transport = make_department(office, "Transport")
    p = make_partnership(office)
    c = services.commitment_create(partnership=p, actor=SYSTEM, title="Bus study", due_on=TODAY)
    client = member_client(office, "officer")
    area_pk = area("transport").pk
    response = client.post(
        url("commitment_edit", office, pk=c.pk),
        commitment_form(
            c,
            title="BRT study",
            area=area_pk,
            department=transport.pk,
            due_on=(TODAY + dt.timedelta(days=60)).isoformat(),
        ),
    )
    assert response.status_code == 302
    c.refresh_from_db()
    assert (c.title, c.department, c.version) == ("BRT study", transport, 2)
    assert c.due_on == TODAY + dt.timedelta(days=60)
    assert c.area is not None and c.area.code == "transport"


def test_a_liaison_sees_and_changes_only_status_and_evidence(
    office: Any, member_client: Any
) -> None:
    transport, water = make_department(office), make_department(office)
    p = make_partnership(office)
    c = services.commitment_create(
        partnership=p, actor=SYSTEM, title="Bus study", due_on=TODAY, department=transport
    )
    other = services.commitment_create(
        partnership=p, actor=SYSTEM, title="Water", due_on=TODAY, department=water
    )
    client = member_client(office, "liaison", department=transport)
    page = client.get(url("commitment_edit", office, "en", pk=c.pk)).content.decode()
    assert 'name="title"' not in page and 'name="due_on"' not in page
    assert 'name="status"' in page
    response = client.post(
        url("commitment_edit", office, pk=c.pk),
        commitment_form(c, title="Renamed by a liaison", status="in_progress", evidence_note="ok"),
    )
    assert response.status_code == 302
    c.refresh_from_db()
    assert (c.title, c.status, c.evidence_note) == ("Bus study", "in_progress", "ok")
    assert client.get(url("commitment_edit", office, pk=other.pk)).status_code == 403
    assert (
        member_client(office, "viewer").get(url("commitment_edit", office, pk=c.pk)).status_code
        == 403
    )


def test_a_stale_commitment_edit_is_refused_with_what_changed(
    office: Any, member_client: Any
) -> None:
    p = make_partnership(office)
    c = services.commitment_create(partnership=p, actor=SYSTEM, title="Bus study", due_on=TODAY)
    client = member_client(office, "officer")
    loaded = commitment_form(c, title="Mine")
    services.commitment_update(commitment=c, actor=SYSTEM, expected_version=1, title="Theirs")
    response = client.post(url("commitment_edit", office, "en", pk=c.pk), loaded)
    assert response.status_code == 409
    page = response.content.decode()
    assert "data-stale" in page and "Theirs" in page and "Bus study" in page
    assert 'name="version" value="2"' in page  # the next save knows what changed
    assert "data-stale-files" not in page  # no file was chosen: nothing to choose again
    c.refresh_from_db()
    assert c.title == "Theirs"
    again = client.post(url("commitment_edit", office, pk=c.pk), {**loaded, "version": 2})
    assert again.status_code == 302
    c.refresh_from_db()
    assert (c.title, c.version) == ("Mine", 3)


def test_a_stale_commitment_edit_with_an_evidence_file_says_to_choose_it_again(
    office: Any, member_client: Any, media: Any
) -> None:
    p = make_partnership(office)
    c = services.commitment_create(partnership=p, actor=SYSTEM, title="Bus study", due_on=TODAY)
    client = member_client(office, "officer")
    loaded = commitment_form(c, status="done", done_on=TODAY.isoformat())
    services.commitment_update(commitment=c, actor=SYSTEM, expected_version=1, title="Theirs")
    upload = SimpleUploadedFile("report.pdf", PDF, content_type="application/pdf")
    response = client.post(
        url("commitment_edit", office, pk=c.pk), {**loaded, "evidence_file": upload}
    )
    assert response.status_code == 409
    assert "data-stale-files" in response.content.decode()
    c.refresh_from_db()
    assert (c.status, bool(c.evidence_file)) == ("planned", False)


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


def test_the_commitment_api_uses_etag_and_if_match(office: Any, member_client: Any) -> None:
    transport = make_department(office)
    p = make_partnership(office)
    c = services.commitment_create(partnership=p, actor=SYSTEM, title="Bus study", due_on=TODAY)
    client = member_client(office, "officer")
    path = f"/api/v1/offices/{office.slug}/commitments/{c.pk}"
    got = client.get(path)
    assert got["ETag"] == '"v1"' and got.json()["version"] == 1

    def patch(data: Any, **headers: Any) -> Any:
        return client.patch(path, data=json.dumps(data), content_type="application/json", **headers)

    ok = patch(
        {"title": "BRT", "area": "transport", "department": transport.pk}, HTTP_IF_MATCH='"v1"'
    )
    assert ok.status_code == 200
    assert ok["ETag"] == '"v2"'
    assert (ok.json()["area"], ok.json()["department"]) == ("transport", transport.pk)
    stale = patch({"title": "Tram"}, HTTP_IF_MATCH='"v1"')
    assert stale.status_code == 412
    body = stale.json()
    assert body["version"] == 2 and stale["ETag"] == '"v2"'
    assert body["changes"][0]["changes"]["title"] == ["Bus study", "BRT"]
    c.refresh_from_db()
    assert c.title == "BRT"
    assert patch({"department": 999999}).status_code == 422
    liaison = member_client(office, "liaison", department=transport)
    refused = liaison.patch(path, data=json.dumps({"title": "x"}), content_type="application/json")
    assert refused.status_code == 403


# ---------------------------------------------------------------- the list


def test_the_list_shows_country_names_with_a_bounded_query_count(
    office: Any, member_client: Any
) -> None:
    ukraine = make_country("UA", "Ukraine", "اوکراین")
    client = member_client(office, "viewer")
    make_partnership(office, partner_city=make_city("Kyiv", country=ukraine))

    def count(lang: str) -> tuple[int, str]:
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url("list", office, lang))
        return len(ctx.captured_queries), response.content.decode()

    one, page = count("en")
    assert "(Ukraine)" in page and "(UA)" not in page
    assert "(اوکراین)" in count("fa")[1]
    for n in range(12):
        make_partnership(
            office, partner_city=make_city(country=make_country(f"Q{chr(65 + n)}", f"Land {n}"))
        )
    assert count("en")[0] == one
