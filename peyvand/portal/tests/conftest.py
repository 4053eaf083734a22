"""A portal world: an office with published records and, beside them, unpublished ones,
published parts of unpublished records, and another office's published records. Every
text that must never be public contains SECRET (or OTHER, for the other office)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.models import Office
from peyvand.knowledge.tests.factories import make_practice, walk
from peyvand.missions import services as missions
from peyvand.missions.tests.people_factories import make_event
from peyvand.opportunities.tests.factories import make_pitch
from peyvand.partnerships import services as pacts
from peyvand.partnerships.tests.factories import log, make_partnership, with_home_city
from peyvand.places.tests.factories import make_city
from peyvand.portal.models import Feedback, FeedbackStatus

TODAY = timezone.localdate()
DAY = dt.timedelta(days=1)


def publish(service: Any, record: Any) -> Any:
    return service(record=record, actor=SYSTEM, published=True)


@dataclass
class Portal:
    office: Office
    other: Office
    records: dict[str, Any] = field(default_factory=dict)
    secrets: list[str] = field(default_factory=list)

    def __getitem__(self, name: str) -> Any:
        return self.records[name]


def _outcome(activity: Any, note: str, kind: str = "people") -> Any:
    return pacts.outcome_add(
        activity=activity, actor=SYSTEM, kind=kind, value=Decimal(12), unit="people", note=note
    )


def build_portal(office: Office, other: Office) -> Portal:
    world = Portal(office=office, other=other)
    r = world.records
    with_home_city(office, code="gn:112931")
    with_home_city(other, "Mashhad", code="gn:124665")
    r["pact"] = publish(
        pacts.partnership_publish,
        make_partnership(
            office,
            partner_city=make_city("Vienna", country="AT", lat=48.2, lon=16.37),
            summary_en="Cooperation on public transport",
            summary_fa="همکاری در حمل‌ونقل عمومی",
            signed_on=TODAY - 900 * DAY,
        ),
    )
    r["hidden_pact"] = make_partnership(
        office,
        partner_city=make_city("SECRETville", country="FR"),
        summary_en="SECRET pact summary",
    )
    activity = log(office, r["pact"], TODAY - 20 * DAY, title="Metro study visit")
    r["outcome"] = publish(pacts.outcome_publish, _outcome(activity, "Engineers trained"))
    r["hidden_outcome"] = _outcome(activity, "SECRET outcome note")
    r["activity"] = publish(pacts.activity_publish, activity)
    r["hidden_activity"] = log(office, r["pact"], TODAY - 10 * DAY, title="SECRET meeting")
    _outcome(r["hidden_activity"], "SECRET published outcome of a hidden activity")
    publish(pacts.outcome_publish, r["hidden_activity"].outcomes.get())
    # Published, but under an unpublished pact only.
    orphan = log(office, r["hidden_pact"], TODAY - 5 * DAY, title="SECRET orphan activity")
    publish(pacts.activity_publish, orphan)
    # Under both: shown on the public pact's page, never naming the hidden one.
    both = pacts.activity_log(
        office=office,
        actor=SYSTEM,
        partnerships=[r["pact"], r["hidden_pact"]],
        date=TODAY - 3 * DAY,
        kind="event",
        title="Joint forum",
    )
    r["both"] = publish(pacts.activity_publish, both)

    practice = walk(
        make_practice(office, title_en="Integrated annual ticket", title_fa="بلیت یکپارچه"),
        "studied",
        "proposed",
        "piloting",
        "adopted",
    )
    r["practice"] = publish(missions_practice_publish(), practice)
    r["idea"] = publish(
        missions_practice_publish(), make_practice(office, title_en="SECRET practice idea")
    )
    r["hidden_practice"] = walk(
        make_practice(office, title_en="SECRET adopted practice"),
        "studied",
        "proposed",
        "piloting",
        "adopted",
    )
    r["pitch"] = publish(
        opportunities_pitch_publish(), make_pitch(office, title_en="Light rail", status="offered")
    )
    r["hidden_pitch"] = make_pitch(office, title_en="SECRET pitch", title_fa="SECRET pitch")
    r["event"] = publish(missions.event_publish, make_event(office, title_en="Urban forum"))
    r["hidden_event"] = make_event(office, title_en="SECRET event")
    r["mission"] = missions.mission_create(
        office=office,
        actor=SYSTEM,
        title_en="Vienna study visit",
        start_date=TODAY - 30 * DAY,
        end_date=TODAY - 27 * DAY,
        partnerships=[r["pact"]],
        public_summary_en="We studied Vienna's metro",
        public_summary_fa="مترو وین را دیدیم",
    )
    publish(missions.mission_publish, r["mission"])
    r["hidden_mission"] = missions.mission_create(
        office=office,
        actor=SYSTEM,
        title_en="SECRET mission",
        start_date=TODAY - 60 * DAY,
        end_date=TODAY - 58 * DAY,
        partnerships=[r["pact"]],
        public_summary_en="SECRET mission summary",
    )
    for status, text in (
        (FeedbackStatus.APPROVED, "An approved comment"),
        (FeedbackStatus.PENDING, "SECRET pending comment"),
        (FeedbackStatus.REJECTED, "SECRET rejected comment"),
        (FeedbackStatus.SPAM, "SECRET spam comment"),
    ):
        Feedback.objects.create(
            office=office,
            partnership=r["pact"],
            comment=text,
            rating=4 if status == FeedbackStatus.APPROVED else 1,
            email="SECRET-reply@example.org",
            status=status,
        )
    # The other office publishes everything.
    other_pact = publish(
        pacts.partnership_publish,
        make_partnership(other, partner_city=make_city("OTHERville", country="TR")),
    )
    r["other_pact"] = other_pact
    publish(pacts.activity_publish, log(other, other_pact, TODAY - DAY, title="OTHER activity"))
    r["other_practice"] = publish(
        missions_practice_publish(),
        walk(
            make_practice(other, title_en="OTHER practice"),
            "studied",
            "proposed",
            "piloting",
            "adopted",
        ),
    )
    r["other_pitch"] = publish(
        opportunities_pitch_publish(),
        make_pitch(other, title_en="OTHER pitch", title_fa="OTHER pitch"),
    )
    publish(missions.event_publish, make_event(other, title_en="OTHER event"))
    world.secrets = ["SECRET", "OTHER"]
    return world


def missions_practice_publish() -> Any:
    from peyvand.knowledge.services import practice_publish

    return practice_publish


def opportunities_pitch_publish() -> Any:
    from peyvand.opportunities.services import pitch_publish

    return pitch_publish


@pytest.fixture
def portal(office: Office, other_office: Office) -> Portal:
    return build_portal(office, other_office)
