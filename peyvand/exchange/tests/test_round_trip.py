"""An export imported back changes nothing, for every kind, both formats, both languages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.utils import translation

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.tests.factories import make_department, make_member, make_office
from peyvand.exchange.exports import export
from peyvand.exchange.kinds import KINDS
from peyvand.exchange.reader import read_table
from peyvand.exchange.services import import_table
from peyvand.knowledge.tests.factories import make_practice
from peyvand.missions.tests.people_factories import make_contact
from peyvand.organizations import services as organizations
from peyvand.organizations.models import Organization
from peyvand.partnerships import services
from peyvand.partnerships.tests.factories import area, make_partnership, with_home_city

from .factories import searchable_city

pytestmark = pytest.mark.django_db


@pytest.fixture
def office() -> Any:
    office = with_home_city(make_office("rt-office"))
    member = make_member(office, "director")
    department = make_department(office, "Transport")
    vienna = searchable_city("Vienna", country="AT", name_fa="وین")
    lyon = searchable_city("Lyon", country="FR", name_fa="لیون")
    pact = make_partnership(
        office,
        partner_city=vienna,
        signed_on=dt.date(2020, 3, 21),
        valid_until=dt.date(2030, 3, 20),
        areas=[area("transport"), area("culture")],
        summary_fa="خلاصه، با ویرگول",
        summary_en='Line one\nline "two"',
        responsible=member.user,
    )
    make_partnership(office, partner_city=lyon, kind="friendship", status="proposed")
    services.agreement_create(
        partnership=pact,
        actor=SYSTEM,
        title="Charter",
        languages="fa, de",
        signed_on=dt.date(2020, 3, 21),
    )
    c = services.commitment_create(
        partnership=pact,
        actor=SYSTEM,
        title="Bus exchange",
        due_on=dt.date(2031, 1, 1),
        area=area("transport"),
        department=department,
    )
    services.commitment_update(
        commitment=c,
        actor=SYSTEM,
        status="done",
        done_on=dt.date(2024, 5, 1),
        evidence_note="Signed report",
    )
    services.activity_log(
        office=office,
        actor=SYSTEM,
        partnerships=[pact],
        date=dt.date(2024, 3, 1),
        kind="event",
        title="Forum",
        participants=40,
        areas=[area("culture")],
    )
    make_contact(
        office,
        name_fa="آنا",
        city=vienna,
        email="anna@example.org",
        languages=["de", "en"],
        tags=["mayor office"],
    )
    organizations.membership_create(
        office=office,
        actor=SYSTEM,
        organization=Organization.objects.get(acronym="UCLG"),
        since=dt.date(2004, 5, 5),
        annual_fee=Decimal("1200.50"),
        fee_currency="EUR",
    )
    make_practice(
        office,
        title_fa="بلیت سالانه",
        source_city=lyon,
        sdgs=[11, 13],
        tags=["transport"],
        areas=[area("transport")],
        department=department,
        cost_band="low",
    )
    office.member = member  # type: ignore[attr-defined]
    return office


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("lang", ["fa", "en"])
def test_an_export_imports_back_with_no_change(office: Any, kind: str, fmt: str, lang: str) -> None:
    spec = KINDS[kind]
    records = list(spec.records(office, {}))
    assert records, kind
    with translation.override(lang):
        data = export(spec, records, lang, fmt)
        report = import_table(
            office=office, actor=office.member, kind=spec, table=read_table(data, f"x.{fmt}")
        )
    assert [(e.row, e.column, e.message) for e in report.errors] == []
    assert (report.to_create, report.to_change, report.unchanged) == (0, 0, len(records))


def test_an_export_without_ids_matches_by_natural_key(office: Any) -> None:
    for name, spec in KINDS.items():
        records = list(spec.records(office, {}))
        table = read_table(export(spec, records, "en", "csv"), "x.csv")
        table.headers = table.headers[1:]
        table.rows = [(n, cells[1:]) for n, cells in table.rows]
        report = import_table(office=office, actor=office.member, kind=spec, table=table)
        assert report.errors == [], name
        assert (report.to_create, report.to_change) == (0, 0), name
