"""A trip report's observation becomes a practice in one click: the mission's page offers
it, the form comes prefilled (title, description, the mission, its pacts, its first city),
the practice links back and the mission's page then links to it."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from peyvand.knowledge.models import Practice
from peyvand.partnerships.tests.factories import make_partnership
from peyvand.places.tests.factories import make_city

from .factories import observations, reported_mission

pytestmark = pytest.mark.django_db


def mission_url(m: Any, lang: str = "en") -> str:
    with translation.override(lang):
        return reverse("missions:detail", kwargs={"office_slug": m.office.slug, "pk": m.pk})


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_an_observation_becomes_a_practice_prefilled_and_linked_both_ways(
    office: Any, member_client: Any, lang: str
) -> None:
    vienna = make_city("Vienna", country="AT", code="gn:2761369")
    graz = make_city("Graz", country="AT")
    pact = make_partnership(office, partner_city=vienna)
    m = reported_mission(
        office,
        [("بلیت سالانه یکپارچه", "بلیت ارزان برای همه‌ی شیوه‌ها"), ("Bike lanes", "")],
        cities=[vienna, graz],
        partnerships=[pact],
    )
    seen, other = observations(m)
    client = member_client(office, "officer")
    page = client.get(mission_url(m, lang)).text
    assert page.count("data-observation-offer") == 2
    with translation.override(lang):
        create = reverse("knowledge:create", kwargs={"office_slug": office.slug})
    assert f"{create}?observation={seen.pk}" in page
    form = client.get(f"{create}?observation={seen.pk}").text
    assert "data-from-observation" in form and 'value="بلیت سالانه یکپارچه"' in form
    assert "بلیت ارزان برای همه‌ی شیوه‌ها</textarea>" in form
    assert f'name="source_city" value="{vienna.code}" checked' in form
    answer = client.post(
        create,
        {
            "observation": seen.pk,
            "title_fa": "بلیت سالانه یکپارچه",
            "summary_fa": "بلیت ارزان",
            "source_city": vienna.code,
            "missions": [m.pk],
            "partnerships": [pact.pk],
        },
    )
    assert answer.status_code == 302
    p = Practice.objects.get()
    assert p.observation == seen and list(p.missions.all()) == [m]
    assert list(p.partnerships.all()) == [pact] and p.source_city == vienna
    detail = client.get(answer["Location"]).text
    assert "data-observation-link" in detail and mission_url(m, lang) + "#report" in detail
    page = client.get(mission_url(m, lang)).text
    assert page.count("data-observation-made") == 1 and page.count("data-observation-offer") == 1
    # Asked again for the same observation: sent to its practice, none made twice.
    again = client.get(f"{create}?observation={seen.pk}")
    assert again.status_code == 302 and again["Location"].endswith(f"/{p.pk}/")
    assert Practice.objects.count() == 1 and other.pk


def test_the_form_prefills_from_the_mission(office: Any, member_client: Any) -> None:
    vienna = make_city("Vienna", country="AT", code="gn:2761369")
    pact = make_partnership(office)
    m = reported_mission(
        office, [("Annual ticket", "Cheap for every mode")], cities=[vienna], partnerships=[pact]
    )
    seen = observations(m)[0]
    client = member_client(office, "officer")
    create = reverse("knowledge:create", kwargs={"office_slug": office.slug})
    response = client.get(f"{create}?observation={seen.pk}")
    form = response.context["form"]
    assert form.initial["title_en"] == "Annual ticket"
    assert form.initial["summary_en"] == "Cheap for every mode"
    assert form.initial["missions"] == [m] and form.initial["partnerships"] == [pact]
    assert form.initial["source_city"] == vienna.code and form.initial["observation"] == seen.pk


def test_a_viewer_sees_no_offer_and_another_office_cannot_use_the_observation(
    office: Any, other_office: Any, member_client: Any
) -> None:
    m = reported_mission(office, [("Annual ticket", "")])
    assert "data-observation-offer" not in member_client(office, "viewer").get(mission_url(m)).text
    seen = observations(m)[0]
    stranger = member_client(other_office, "officer")
    create = reverse("knowledge:create", kwargs={"office_slug": other_office.slug})
    form = stranger.get(f"{create}?observation={seen.pk}").text
    assert "data-from-observation" not in form
    stranger.post(create, {"observation": seen.pk, "title_en": "Stolen"})
    made = Practice.objects.get()
    assert made.office == other_office and made.observation is None
