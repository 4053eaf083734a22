"""The Persian pages show numbers in Persian digits (data in Latin letters excepted)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from django.utils import timezone

from peyvand.accounts.actors import SYSTEM
from peyvand.core.tests.page_reader import IDENTIFIERS, read
from peyvand.organizations import services

from .factories import make_membership, shipped
from .support import url

LATIN_DIGIT = re.compile(r"(?<![A-Za-z])[0-9]+(?![A-Za-z])")
TODAY = timezone.localdate()


def test_no_latin_digit_on_the_persian_pages(office: Any, member_client: Any) -> None:
    m = make_membership(
        office,
        shipped("UCLG"),
        since=dt.date(2004, 5, 5),
        annual_fee=Decimal("15000.50"),
        fee_currency="EUR",
        fee_due_on=TODAY,
    )
    role = services.role_create(
        membership=m, actor=SYSTEM, kind="board", term_start=dt.date(2022, 1, 1)
    )
    obligation = services.obligation_create(
        membership=m, actor=SYSTEM, kind="report", title="R", due_on=TODAY
    )
    services.organization_update(
        organization=m.organization, office=office, actor=SYSTEM, data={"acronym": "UCLG1"}
    )
    client = member_client(office, "director")
    problems = []
    for name, kw in (
        ("list", {}),
        ("detail", {"pk": m.organization_id}),
        ("edit", {"pk": m.organization_id}),
        ("memberships", {}),
        ("membership_detail", {"pk": m.pk}),
        ("membership_edit", {"pk": m.pk}),
        ("role_edit", {"pk": role.pk}),
        ("obligation_edit", {"pk": obligation.pk}),
    ):
        html = client.get(url(name, office, "fa", **kw)).content.decode()
        for text in read(html, "fa").texts:
            seen = IDENTIFIERS.sub(" ", text)
            if LATIN_DIGIT.search(seen):
                problems.append(f"{name}: {seen.strip()[:100]!r}")
    assert not problems, "\n".join(problems)
