"""The import and export pages: upload, preview, pick a city, confirm; downloads."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from peyvand.accounts.tests.factories import make_member, make_office
from peyvand.partnerships.models import Partnership
from peyvand.partnerships.tests.factories import make_partnership, with_home_city

from .factories import csv_bytes, searchable_city, xlsx_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> dict[str, Any]:
    office = with_home_city(make_office("pg-office"))
    officer = make_member(office, "officer")
    client = Client()
    client.force_login(officer.user)
    paris = searchable_city("Paris", country="FR", name_fa="پاریس")
    paris_us = searchable_city("Paris", country="US", name_fa="پاریس")
    searchable_city("Vienna", country="AT", name_fa="وین")
    return {"office": office, "client": client, "paris": paris, "paris_us": paris_us}


def url(name: str, **kw: Any) -> str:
    return reverse(f"exchange:{name}", kwargs={"office_slug": "pg-office", **kw})


def upload(world: dict[str, Any], data: bytes, name: str) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return world["client"].post(
        url("upload", kind="partnerships"), {"file": SimpleUploadedFile(name, data)}
    )


def test_upload_preview_pick_and_confirm(world: dict[str, Any]) -> None:
    data = xlsx_bytes(
        [
            ["شهر طرف", "وضعیت", "تاریخ امضا"],
            ["پاریس", "فعال", "۱۴۰۱/۰۱/۰۱"],
            ["وین", "فعال", "1400/06/01"],
        ]
    )
    answer = upload(world, data, "pacts.xlsx")
    assert answer.status_code == 302
    preview = answer["Location"]
    page = world["client"].get(preview)
    assert page.status_code == 200
    text = page.content.decode()
    assert "data-ambiguous" in text and world["paris_us"].code in text
    assert "data-confirm-import" not in text
    picked = {"city:پاریس": world["paris_us"].code, "action": "preview"}
    page = world["client"].post(preview, picked)
    assert "data-confirm-import" in page.content.decode()
    assert not Partnership.objects.exists()
    done = world["client"].post(preview, {**picked, "action": "confirm"})
    assert done.status_code == 302
    assert Partnership.objects.count() == 2
    assert Partnership.objects.filter(partner_city=world["paris_us"]).exists()


def test_errors_are_listed_and_downloadable(world: dict[str, Any]) -> None:
    answer = upload(world, csv_bytes([["partner city", "signed on"], ["Atlantis", "x"]]), "p.csv")
    page = world["client"].get(answer["Location"])
    assert "data-import-errors" in page.content.decode()
    errors = world["client"].get(answer["Location"] + "errors.csv")
    lines = errors.content.decode("utf-8-sig").splitlines()
    assert len(lines) == 3 and lines[1].startswith("2,")


def test_a_file_in_another_encoding_is_refused_on_the_form(world: dict[str, Any]) -> None:
    answer = upload(world, "شهر طرف\nوين\n".encode("cp1256"), "p.csv")
    assert answer.status_code == 200 and "UTF" in answer.content.decode()


def test_export_buttons_answer_spreadsheets_with_the_filters(world: dict[str, Any]) -> None:
    make_partnership(world["office"], partner_city=world["paris"], status="active")
    make_partnership(world["office"], partner_city=world["paris_us"], status="proposed")
    answer = world["client"].get(url("export", kind="partnerships") + "?format=csv&status=active")
    assert answer["Content-Type"].startswith("text/csv")
    lines = answer.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("شناسه,شهر طرف") and len(lines) == 2
    answer = world["client"].get("/en" + url("export", kind="partnerships")[3:] + "?format=xlsx")
    assert answer.content[:2] == b"PK"


def test_a_viewer_may_export_but_not_import(world: dict[str, Any]) -> None:
    viewer = make_member(world["office"], "viewer")
    client = Client()
    client.force_login(viewer.user)
    assert client.get(url("hub")).status_code == 200
    assert client.get(url("export", kind="contacts")).status_code == 200
    assert client.get(url("upload", kind="contacts")).status_code == 403


def test_another_office_sees_nothing(world: dict[str, Any]) -> None:
    other = make_office("pg-other")
    stranger = make_member(other, "director")
    client = Client()
    client.force_login(stranger.user)
    assert client.get(url("hub")).status_code == 404
    assert client.get(url("export", kind="partnerships")).status_code == 404
