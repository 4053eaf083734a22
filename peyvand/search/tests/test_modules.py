"""The knowledge base and the opportunities in the one search (issue 13, point 5):
practices, pitches and calls are found in either spelling, kept in step, and private."""

from __future__ import annotations

from typing import Any

from peyvand.accounts.actors import SYSTEM
from peyvand.knowledge import services as knowledge
from peyvand.opportunities import services as opportunities
from peyvand.organizations.models import Organization
from peyvand.partnerships.tests.factories import area

from .support import found


def test_practices_pitches_and_calls_are_found_and_kept_in_step(
    office: Any, other_office: Any
) -> None:
    practice = knowledge.practice_create(
        office=office,
        actor=SYSTEM,
        title_fa="تفکیک پسماند در مبدأ",
        summary_en="Households sort their waste at source",
        areas=[area("waste")],
        tags=["بازیافت"],
    )
    pitch = opportunities.pitch_create(
        office=office,
        actor=SYSTEM,
        title_fa="قطار سبک شهری",
        title_en="Light rail line",
        description_fa="همكاري با بانک توسعه",
        area=area("transport"),
    )
    call = opportunities.call_create(
        office=office,
        actor=SYSTEM,
        funder=Organization.objects.get(acronym="ADB"),
        title_en="Green mobility fund",
        deadline=pitch.created_at.date(),
    )
    # Arabic letters, a prefix, the other language's label, the funder's acronym
    assert ("practice", practice.pk) in found(office, "تفكيك")
    assert ("practice", practice.pk) in found(office, "households sort")
    assert ("practice", practice.pk) in found(office, "بازيافت")
    assert ("pitch", pitch.pk) in found(office, "همکاری بانک")
    assert ("pitch", pitch.pk) in found(office, "light")
    assert ("call", call.pk) in found(office, "mobil")
    assert ("call", call.pk) in found(office, "ADB")
    assert (
        found(office, "mobil", types=["practice"]) == []
    )  # the pitch is on transport and mobility
    # another office never sees them, not even by exact title
    assert found(other_office, "تفکیک پسماند در مبدأ") == []
    assert found(other_office, "Green mobility fund") == []
    # edits and deletes follow
    knowledge.practice_update(practice=practice, actor=SYSTEM, changes={"title_fa": "کمپوست خانگی"})
    assert ("practice", practice.pk) not in found(office, "تفکیک")
    assert ("practice", practice.pk) in found(office, "کمپوست")
    knowledge.practice_delete(practice=practice, actor=SYSTEM)
    assert found(office, "کمپوست") == []
    opportunities.pitch_delete(pitch=pitch, actor=SYSTEM)
    assert ("pitch", pitch.pk) not in found(office, "light")
