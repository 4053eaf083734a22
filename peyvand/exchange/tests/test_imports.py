"""Importing spreadsheets: previews, refusals, and nothing written on any error."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from peyvand.accounts.tests.factories import make_member, make_office
from peyvand.exchange.kinds import KINDS
from peyvand.exchange.reader import UnreadableFile, read_table
from peyvand.exchange.services import import_table
from peyvand.partnerships.models import Partnership
from peyvand.partnerships.tests.factories import make_partnership, with_home_city

from .factories import csv_bytes, searchable_city, xlsx_bytes

pytestmark = pytest.mark.django_db

FA_HEADERS = ["شهر طرف", "نوع", "وضعیت", "تاریخ امضا"]


@pytest.fixture
def world() -> dict[str, Any]:
    office = with_home_city(make_office("ex-office"))
    officer = make_member(office, "officer")
    vienna = searchable_city("Vienna", country="AT", name_fa="وین")
    paris = searchable_city("Paris", country="FR", name_fa="پاریس")
    paris_tx = searchable_city("Paris", country="US", name_fa="پاریس")
    return {
        "office": office,
        "officer": officer,
        "vienna": vienna,
        "paris": paris,
        "paris_tx": paris_tx,
    }


def run(
    world: dict[str, Any], data: bytes, name: str = "f.csv", kind: str = "partnerships", **kw: Any
) -> Any:
    return import_table(
        office=world["office"],
        actor=world["officer"],
        kind=KINDS[kind],
        table=read_table(data, name),
        **kw,
    )


def test_a_persian_file_with_jalali_dates_previews_without_writing(world: dict[str, Any]) -> None:
    data = csv_bytes([FA_HEADERS, ["وین", "خواهرخواندگی", "فعال", "۱۴۰۲/۰۲/۱۵"]], bom=True)
    report = run(world, data)
    assert report.errors == []
    assert (report.to_create, report.to_change, report.unchanged) == (1, 0, 0)
    assert not Partnership.objects.exists()


def test_a_confirmed_import_writes_through_the_services(world: dict[str, Any]) -> None:
    data = xlsx_bytes(
        [
            ["partner city", "kind", "status", "signed on"],
            ["Vienna", "sister", "active", "2023-05-05"],
        ]
    )
    report = run(world, data, "pacts.xlsx", dry_run=False)
    assert report.applied and report.to_create == 1
    pact = Partnership.objects.get()
    assert pact.partner_city == world["vienna"] and pact.signed_on == dt.date(2023, 5, 5)
    assert pact.events.filter(action="created").exists()  # history, as from the page


def test_a_confirmed_import_leaves_history_audit_index_and_scores_as_the_pages_do(
    world: dict[str, Any],
) -> None:
    from peyvand.audit.models import AuditEntry
    from peyvand.records.models import Event
    from peyvand.search.models import SearchDocument

    data = csv_bytes(
        [
            ["partner city", "kind", "status", "signed on", "summary (English)"],
            ["Vienna", "sister", "active", "2023-05-05", "Danube waterworks"],
            ["Paris", "friendship", "proposed", "", ""],
        ]
    )
    picks = {"Paris": world["paris"].code}
    before = (AuditEntry.objects.count(), Event.objects.count())
    assert run(world, data, picks=picks).to_create == 2  # a preview writes none of them
    assert (AuditEntry.objects.count(), Event.objects.count()) == before
    assert not SearchDocument.objects.filter(kind="partnership").exists()
    report = run(world, data, dry_run=False, picks=picks)
    assert report.applied and report.to_create == 2
    vienna = Partnership.objects.get(partner_city=world["vienna"])
    assert vienna.events.filter(action="created").count() == 1
    audited = AuditEntry.objects.filter(
        object_type="partnerships.partnership", action="create"
    ).values_list("object_id", flat=True)
    assert sorted(audited) == sorted(str(p.pk) for p in Partnership.objects.all())
    docs = SearchDocument.objects.filter(kind="partnership")
    assert sorted(docs.values_list("object_id", flat=True)) == sorted(
        Partnership.objects.values_list("pk", flat=True)
    )
    assert "Danube" in docs.get(object_id=vienna.pk).body
    assert vienna.health_computed_on is not None  # scored once, at the end


def test_an_ambiguous_city_is_listed_and_a_pick_resolves_it(world: dict[str, Any]) -> None:
    data = csv_bytes([FA_HEADERS, ["پاریس", "خواهرخواندگی", "فعال", "1402/01/01"]])
    report = run(world, data)
    assert [e.row for e in report.errors] == [2]
    assert set(report.ambiguous["پاریس"]) == {world["paris"], world["paris_tx"]}
    report = run(world, data, picks={"پاریس": world["paris_tx"].code})
    assert report.errors == [] and report.to_create == 1


def test_an_unknown_city_and_a_bad_date_are_errors_by_row_and_column(
    world: dict[str, Any],
) -> None:
    data = csv_bytes(
        [
            FA_HEADERS,
            ["Atlantis", "sister", "active", "2023-02-30"],
            ["Vienna", "sister", "active", "1402/13/01"],
        ]
    )
    report = run(world, data, dry_run=False)
    found = {(e.row, e.column) for e in report.errors}
    assert found == {(2, "شهر طرف"), (2, "تاریخ امضا"), (3, "تاریخ امضا")}
    assert not report.applied and not Partnership.objects.exists()


def test_a_service_rule_refuses_the_row_and_nothing_is_written(world: dict[str, Any]) -> None:
    # ended without a reason: the pacts' own rule
    data = csv_bytes([["partner city", "status"], ["Vienna", "active"], ["Paris, FR", "ended"]])
    data = csv_bytes(
        [["partner city", "country", "status"], ["Vienna", "", "active"], ["Paris", "FR", "ended"]]
    )
    report = run(world, data, dry_run=False)
    assert [(e.row, e.column) for e in report.errors] == [(3, "دلیل پایان")]
    assert not Partnership.objects.exists()


def test_duplicate_rows_are_refused(world: dict[str, Any]) -> None:
    data = csv_bytes([["partner city"], ["Vienna"], ["وین"]])
    report = run(world, data)
    assert [e.row for e in report.errors] == [3]


def test_missing_and_unknown_columns_are_refused(world: dict[str, Any]) -> None:
    report = run(world, csv_bytes([["title", "colour"], ["x", "y"]]), kind="agreements")
    messages = {e.column for e in report.errors}
    assert "colour" in messages and "title" not in messages
    assert any(e.row == 1 for e in report.errors) and len(report.errors) == 2


def test_another_encoding_is_refused_clearly() -> None:
    data = "شهر طرف\nوين\n".encode("cp1256")
    with pytest.raises(UnreadableFile, match="UTF-8"):
        read_table(data, "f.csv")


def test_an_unchanged_row_and_a_changed_row(world: dict[str, Any]) -> None:
    make_partnership(world["office"], partner_city=world["vienna"], signed_on=dt.date(2020, 1, 1))
    data = csv_bytes([["partner city", "signed on"], ["Vienna", "2020-01-01"]])
    assert run(world, data).unchanged == 1
    data = csv_bytes([["partner city", "signed on"], ["Vienna", "1399/01/01"]])
    report = run(world, data)
    assert (report.to_create, report.to_change) == (0, 1)


def test_a_viewer_may_not_import(world: dict[str, Any]) -> None:
    from django.core.exceptions import PermissionDenied

    viewer = make_member(world["office"], "viewer")
    with pytest.raises(PermissionDenied):
        import_table(
            office=world["office"],
            actor=viewer,
            kind=KINDS["partnerships"],
            table=read_table(csv_bytes([["partner city"], ["Vienna"]]), "f.csv"),
        )


@pytest.mark.slow
def test_a_10000_row_file_previews_every_row(world: dict[str, Any]) -> None:
    rows = [["نام (فارسی)", "ایمیل", "زبان‌ها"]]
    rows += [[f"شخص {i}", f"p{i}@example.org", "de; en"] for i in range(10_000)]
    report = run(world, csv_bytes(rows, bom=True), kind="contacts")
    assert report.errors == [] and report.to_create == 10_000
    from peyvand.missions.models import Contact

    assert not Contact.objects.exists()
