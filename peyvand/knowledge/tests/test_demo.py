"""The demo practices: learned in Vienna and Berlin, one at every stage, the adopted one
with its outcome on the pact, the Vienna observation made a practice; loaded once."""

from __future__ import annotations

from typing import Any

import pytest

from peyvand.knowledge.demo import load_demo_practices
from peyvand.knowledge.models import Practice
from peyvand.knowledge.selectors import stage_counts
from peyvand.missions.demo.missions import load_demo_missions
from peyvand.missions.demo.people import load_demo_people
from peyvand.partnerships.models import Outcome
from peyvand.partnerships.tests.factories import make_partnership, with_home_city
from peyvand.places.tests.factories import make_city

from .factories import TODAY

pytestmark = pytest.mark.django_db


def test_the_demo_practices_cover_the_pipeline_once(office: Any, other_office: Any) -> None:
    with_home_city(office)
    vienna = make_city("Vienna", country="AT", code="gn:2761369")
    berlin = make_city("Berlin", country="DE", code="gn:2950159")
    pact = make_partnership(office, is_demo=True)
    load_demo_missions(office, people=load_demo_people(office, today=TODAY), today=TODAY)
    said = load_demo_practices(office, today=TODAY)
    assert said.startswith("Created 6")
    assert stage_counts(office) == dict.fromkeys(
        ("idea", "studied", "proposed", "piloting", "adopted", "rejected"), 1
    )
    practices = list(Practice.objects.for_office(office))
    assert {p.source_city for p in practices} == {vienna, berlin}
    assert all(p.is_demo and p.title_fa and p.title_en for p in practices)
    adopted = Practice.objects.get(stage="adopted")
    assert adopted.observation is not None and adopted.observation.title == adopted.title_fa
    assert list(adopted.partnerships.all()) == [pact]
    outcome = Outcome.objects.get(kind="practice", activity=adopted.adoption_activity)
    assert list(outcome.activity.partnerships.all()) == [pact]
    rejected = Practice.objects.get(stage="rejected")
    assert rejected.stage_reason and rejected.rejected_from == "proposed"
    # Persian written with the zero-width non-joiner where a Persian writer puts it.
    text = " ".join(p.summary_fa for p in practices)
    for word in ("حمل‌ونقل", "می‌شود", "پسماند", "تجربه‌ها"):
        assert word in text
    assert all(s.left_on is None for s in adopted.spans.filter(stage="adopted"))
    assert load_demo_practices(office, today=TODAY) == "The demo practices exist already."
    assert Practice.objects.count() == 6 and Outcome.objects.filter(kind="practice").count() == 1
    assert not Practice.objects.for_office(other_office).exists()


def test_the_demo_works_on_an_empty_atlas(office: Any) -> None:
    load_demo_practices(office, today=TODAY)
    assert Practice.objects.for_office(office).count() == 6
    assert not Outcome.objects.exists()
    assert Practice.objects.get(stage="adopted").observation is None
