"""Partnerships: the action plan: commitments, status, evidence, versions."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.tests.factories import make_department, make_member
from peyvand.partnerships import services
from peyvand.records.tests.locking import version as version_of

from .factories import area, make_partnership
from .support import (
    PDF,
    TODAY,
    commitment_form,
    events,
    fresh,
    url,
)


def test_a_liaison_updates_only_commitments_of_their_department(office: Any) -> None:
    transport = make_department(office, "Transport")
    environment = make_department(office, "Environment")
    liaison = make_member(office, "liaison", department=transport)
    p = make_partnership(office)
    ours = services.commitment_create(
        partnership=p, actor=SYSTEM, title="Bus study", due_on=TODAY, department=transport
    )
    theirs = services.commitment_create(
        partnership=p, actor=SYSTEM, title="Air study", due_on=TODAY, department=environment
    )
    services.commitment_update(commitment=ours, actor=liaison, status="done")
    ours.refresh_from_db()
    assert ours.status == "done" and ours.done_on == TODAY
    with pytest.raises(PermissionDenied):
        services.commitment_update(commitment=theirs, actor=liaison, status="done")
    with pytest.raises(PermissionDenied):
        services.commitment_update(commitment=ours, actor=liaison, title="Renamed")
    with pytest.raises(PermissionDenied):
        services.partnership_update(
            partnership=p, actor=liaison, expected_version=None, data={"summary_en": "x"}
        )
    # A liaison may log activities, stamped with their department.
    activity = services.activity_log(
        office=office, actor=liaison, partnerships=[p], date=TODAY, kind="event", title="Visit"
    )
    assert activity.department == transport


def test_a_commitment_department_must_belong_to_the_office(office: Any, other_office: Any) -> None:
    p = make_partnership(office)
    with pytest.raises(ValidationError):
        services.commitment_create(
            partnership=p,
            actor=SYSTEM,
            title="x",
            due_on=TODAY,
            department=make_department(other_office),
        )


def test_dropping_a_commitment_needs_a_reason(office: Any) -> None:
    p = make_partnership(office)
    c = services.commitment_create(partnership=p, actor=SYSTEM, title="x", due_on=TODAY)
    with pytest.raises(ValidationError):
        services.commitment_update(commitment=c, actor=SYSTEM, status="dropped")
    services.commitment_update(
        commitment=c, actor=SYSTEM, status="dropped", drop_reason="No budget"
    )
    c.refresh_from_db()
    assert c.status == "dropped"


def test_a_commitment_carries_a_version_and_a_stale_save_is_refused(office: Any) -> None:
    transport, water = make_department(office, "Transport"), make_department(office, "Water")
    p = make_partnership(office)
    c = services.commitment_create(
        partnership=p, actor=SYSTEM, title="Bus study", due_on=TODAY, department=transport
    )
    assert c.version == 1
    first, second = make_member(office, "officer"), make_member(office, "officer")
    loaded = c.version

    services.commitment_update(
        commitment=c,
        actor=first,
        expected_version=loaded,
        title="Bus rapid transit study",
        area=area("transport"),
        set_area=True,
        department=water,
        set_department=True,
        due_on=TODAY + dt.timedelta(days=30),
    )
    c.refresh_from_db()
    assert c.version == 2
    assert (c.title, c.area.code if c.area else None, c.department) == (
        "Bus rapid transit study",
        "transport",
        water,
    )

    with pytest.raises(services.StaleVersion) as exc:
        services.commitment_update(
            commitment=c, actor=second, expected_version=loaded, title="Tram study"
        )
    assert exc.value.record.version == 2
    (change,) = exc.value.events
    assert change.actor == first.user
    assert change.changes["title"] == ["Bus study", "Bus rapid transit study"]
    assert change.changes["department"][1]["label_en"] == "Water"
    c.refresh_from_db()
    assert c.title == "Bus rapid transit study"
    # Knowing what changed, the second officer saves again from the current version.
    services.commitment_update(
        commitment=c, actor=second, expected_version=c.version, title="Tram study"
    )
    c.refresh_from_db()
    assert (c.title, c.version) == ("Tram study", 3)


def test_a_commitment_save_with_no_change_keeps_its_version(office: Any) -> None:
    c = services.commitment_create(
        partnership=make_partnership(office), actor=SYSTEM, title="x", due_on=TODAY
    )
    services.commitment_update(commitment=c, actor=SYSTEM, expected_version=1, status="planned")
    c.refresh_from_db()
    assert c.version == 1
    assert not events(c.partnership, "commitment_updated")


def test_a_liaison_updates_status_and_evidence_but_not_the_plan(office: Any) -> None:
    transport = make_department(office)
    p = make_partnership(office)
    c = services.commitment_create(
        partnership=p, actor=SYSTEM, title="Bus study", due_on=TODAY, department=transport
    )
    liaison = make_member(office, "liaison", department=transport)
    for plan in (
        {"title": "Other"},
        {"due_on": TODAY + dt.timedelta(days=1)},
        {"set_area": True, "area": area("water")},
        {"set_department": True, "department": None},
    ):
        with pytest.raises(PermissionDenied):
            services.commitment_update(commitment=c, actor=liaison, **plan)
    services.commitment_update(
        commitment=c, actor=liaison, status="done", evidence_note="Report sent", expected_version=1
    )
    c.refresh_from_db()
    assert (c.status, c.evidence_note, c.version, c.title) == (
        "done",
        "Report sent",
        2,
        "Bus study",
    )
    assert fresh(p).health_components["delivery"]["due"] == 1


def test_a_commitment_cannot_be_given_to_another_offices_department(
    office: Any, other_office: Any
) -> None:
    c = services.commitment_create(
        partnership=make_partnership(office), actor=SYSTEM, title="x", due_on=TODAY
    )
    with pytest.raises(ValidationError):
        services.commitment_update(
            commitment=c,
            actor=SYSTEM,
            department=make_department(other_office),
            set_department=True,
        )
    c.refresh_from_db()
    assert c.department is None and c.version == 1


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
        url("commitment_status", office, pk=ours.pk),
        {"status": "done", "version": version_of(ours)},
        HTTP_HX_REQUEST="true",
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
            "version": version_of(c),
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
    assert patch({"department": 999999}, HTTP_IF_MATCH='"v2"').status_code == 422
    liaison = member_client(office, "liaison", department=transport)
    refused = liaison.patch(
        path, data=json.dumps({"title": "x"}), content_type="application/json", HTTP_IF_MATCH='"v2"'
    )
    assert refused.status_code == 403


def test_the_done_on_of_a_plan_row_is_a_jalali_date_with_the_picker_in_persian(
    office: Any, member_client: Any
) -> None:
    """Today's defect: the row's "done on" held 2025-06-01 on the Persian page."""
    p = make_partnership(office)
    c = services.commitment_create(
        partnership=p, actor=SYSTEM, title="Bus study", due_on=dt.date(2025, 6, 1)
    )
    services.commitment_update(
        commitment=c, actor=SYSTEM, status="done", done_on=dt.date(2025, 6, 1)
    )
    client = member_client(office, "director")
    fa = client.get(url("detail", office, "fa", pk=p.pk)).content.decode()
    assert f'id="ev-done-{c.pk}"' in fa and "data-jdp" in fa
    assert 'name="done_on" value="۱۴۰۴/۰۳/۱۱"' in fa  # 1 June 2025
    assert "2025-06-01" not in fa
    en = client.get(url("detail", office, "en", pk=p.pk)).content.decode()
    assert 'type="date" name="done_on" value="2025-06-01"' in en
