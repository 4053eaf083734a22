"""The pacts' history moved into records.Event: every row, with its times, nothing lost."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("partnerships", "0004_item_versions"), ("records", "0001_initial")]
AFTER = [("partnerships", "0005_history_to_records")]


def _migrate(targets: list[tuple[str, str]]) -> Any:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_every_partnership_event_becomes_an_event_with_its_times_and_content() -> None:
    old = _migrate(BEFORE)
    Office = old.get_model("accounts", "Office")
    Country = old.get_model("places", "Country")
    City = old.get_model("places", "City")
    Partnership = old.get_model("partnerships", "Partnership")
    OldEvent = old.get_model("partnerships", "PartnershipEvent")
    User = old.get_model("auth", "User")
    office = Office.objects.create(slug="m", name_fa="م", name_en="M")
    country = Country.objects.create(code="DE", name_en="Germany", name_fa="آلمان")
    city = City.objects.create(code="t:1", name_en="Bonn", country=country)
    p = Partnership.objects.create(office=office, partner_city=city)
    user = User.objects.create(username="ann")
    when = timezone.make_aware(dt.datetime(2023, 5, 6, 7, 8, 9))
    rows = [
        OldEvent.objects.create(
            office=office,
            partnership=p,
            actor=user if n % 2 else None,
            action=f"action{n}",
            version=n,
            changes={"title": [None, f"t{n}"]},
            note=f"note {n}",
            subject=f"activity:{n}" if n > 1 else "",
            subject_version=n if n > 1 else None,
        )
        for n in range(1, 5)
    ]
    for n, row in enumerate(rows):
        OldEvent.objects.filter(pk=row.pk).update(
            created_at=when + dt.timedelta(minutes=n), updated_at=when + dt.timedelta(hours=n)
        )

    new = _migrate(AFTER)
    Event = new.get_model("records", "Event")
    ContentType = new.get_model("contenttypes", "ContentType")
    pact_type = ContentType.objects.get(app_label="partnerships", model="partnership")
    moved = list(Event.objects.order_by("created_at", "pk"))
    assert [
        (
            e.office_id,
            e.target_type_id,
            e.target_id,
            e.actor_id,
            e.action,
            e.version,
            e.changes,
            e.note,
            e.subject,
            e.subject_version,
            e.created_at,
            e.updated_at,
        )
        for e in moved
    ] == [
        (
            office.pk,
            pact_type.pk,
            p.pk,
            user.pk if n % 2 else None,
            f"action{n}",
            n,
            {"title": [None, f"t{n}"]},
            f"note {n}",
            f"activity:{n}" if n > 1 else "",
            n if n > 1 else None,
            when + dt.timedelta(minutes=n - 1),
            when + dt.timedelta(hours=n - 1),
        )
        for n in range(1, 5)
    ]
    # And back: the rows return to PartnershipEvent.
    back = _migrate(BEFORE)
    assert back.get_model("partnerships", "PartnershipEvent").objects.count() == 4
    assert back.get_model("records", "Event").objects.count() == 0
    # Every app's latest schema again, for the tests that follow in this process.
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
