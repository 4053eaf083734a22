"""The one search: normalisation against the index, ranking, filters, isolation, and the
index kept in step with every write (create, edit, links, delete, rebuild)."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection

from peyvand.accounts.actors import SYSTEM
from peyvand.missions import services as missions
from peyvand.missions.tests.people_factories import make_contact
from peyvand.organizations.models import Organization
from peyvand.partnerships import services
from peyvand.partnerships.tests.factories import area
from peyvand.places.tests.factories import make_city
from peyvand.search.models import SearchDocument
from peyvand.search.snippets import snippet

from .support import activity, found, pact, result

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        ("تفاهم‌نامه همکاری حمل و نقل", "تفاهمنامه"),  # ZWNJ stored, nothing typed
        ("تفاهم‌نامه همکاری حمل و نقل", "تفاهم نامه"),  # ZWNJ stored, space typed
        ("تفاهم‌نامه همکاری حمل و نقل", "تفاهم‌نامه"),
        ("تفاهم نامه همکاری", "تفاهمنامه"),  # space stored, nothing typed
        ("تفاهمنامه همکاری", "تفاهم نامه"),  # nothing stored, space typed
        ("برنامه همکاری شهری", "همكاري"),  # Arabic letters typed
        ("برنامه همكاري شهری", "همکاری"),  # Arabic letters stored
        ("سند سال 1402", "۱۴۰۲"),  # Persian digits typed
        ("سند سال ۱۴۰۲", "1402"),
        ("Urban mobility plan", "mobil"),  # a prefix
        ("Urban mobility plan", "MOBILITY"),  # case
        ("Mobilité urbaine", "mobilite"),  # accents
        ("Mobilite urbaine", "mobilité"),
        ("مـــدیریت پسماند", "مدیریت"),  # tatweel stored
        ("مُدیریت پسماند", "مدیریت"),  # diacritics stored
        ("مدیریت پسماند", "مُدیـریت"),  # both typed
        ("مدیریت پسماند شهری", "پسماند شهر"),  # two words, the last a prefix
        ("همکاری با شهرهای اروپایی", "شهر"),  # a Persian suffix written on
    ],
)
def test_every_spelling_finds_the_record(office: Any, stored: str, typed: str) -> None:
    p = pact(office, summary_fa=stored)
    assert ("partnership", p.pk) in found(office, typed, types=["partnership"])


def test_the_last_word_is_a_prefix_and_a_missing_word_finds_nothing(office: Any) -> None:
    p = pact(office, summary_en="A memorandum on urban mobility")
    assert found(office, "urban mobil") == [("partnership", p.pk)]
    assert found(office, "urban zebra") == []


def test_an_exact_title_ranks_above_a_body_mention(office: Any) -> None:
    mentioned = pact(
        office,
        city="Graz",
        summary_en="Exchange on waste, parks and transport; Lisbon came up once.",
    )
    titled = pact(office, city="Lisbon")
    assert found(office, "Lisbon") == [("partnership", titled.pk), ("partnership", mentioned.pk)]


def test_a_whole_word_ranks_above_a_longer_word_it_starts(office: Any) -> None:
    longer = pact(office, city="Parisville")
    whole = pact(office, city="Paris")
    assert found(office, "paris")[:2] == [("partnership", whole.pk), ("partnership", longer.pk)]


def test_isolation_another_office_never_sees_a_record_not_even_by_title(
    office: Any, other_office: Any
) -> None:
    theirs = pact(other_office, city="Zanzibar", summary_en="Secret zanzibar accord")
    activity(other_office, theirs, "Zanzibar secret meeting")
    make_contact(other_office, name_en="Zanzibar Person")
    assert found(other_office, "zanzibar")  # they find their own
    mine = result(office, "zanzibar")
    assert (mine.count, mine.hits, mine.facets) == (0, [], [])
    assert SearchDocument.objects.filter(visible_to=other_office).count() == 3


def test_shared_organisations_are_found_by_every_office(office: Any, other_office: Any) -> None:
    uclg = Organization.objects.get(acronym="UCLG")
    assert ("organization", uclg.pk) in found(office, "uclg")
    assert ("organization", uclg.pk) in found(other_office, "United Cities")


def test_facets_count_each_type_and_the_type_filter_keeps_them(office: Any) -> None:
    p = pact(office, city="Tampere", summary_en="tampere")
    activity(office, p, "Tampere workshop")
    activity(office, p, "Tampere visit")
    make_contact(office, name_en="Tampere Guide")
    everything = result(office, "tampere")
    assert everything.count == 4
    assert {f.key: f.count for f in everything.facets} == {
        "partnership": 1,
        "activity": 2,
        "contact": 1,
    }
    only = result(office, "tampere", types=["activity"])
    assert only.count == 2
    assert {h.type for h in only.hits} == {"activity"}
    assert {f.key: f.count for f in only.facets} == {f.key: f.count for f in everything.facets}
    assert result(office, "tampere", types=["nonsense"]).count == 4  # unknown types ignored


def test_filters_by_area_city_and_date(office: Any) -> None:
    vienna = make_city("Vienna", country="AT")
    p = pact(office, partner_city=vienna, summary_en="tram")
    a = activity(office, p, "Tram depot visit", date=dt.date(2024, 3, 1), areas=[area("transport")])
    other = pact(office, city="Oslo", summary_en="tram")
    assert set(found(office, "tram", area=area("transport").pk)) == {("activity", a.pk)}
    assert ("partnership", other.pk) not in found(office, "tram", city=vienna.pk)
    assert ("partnership", p.pk) in found(office, "tram", city=vienna.pk)
    dated = found(office, "tram", date_from=dt.date(2024, 2, 1), date_to=dt.date(2024, 3, 31))
    assert dated == [("activity", a.pk)]


def test_the_index_follows_create_edit_links_and_delete(office: Any) -> None:
    p = pact(office, city="Kraków")
    assert found(office, "krakow") == [("partnership", p.pk)]
    # Edit: the old words leave, the new ones come.
    services.partnership_update(
        partnership=p,
        actor=SYSTEM,
        data={"summary_en": "Heritage lanterns"},
        expected_version=p.version,
    )
    assert found(office, "lanterns") == [("partnership", p.pk)]
    # A many-to-many change: the area filter follows it.
    assert found(office, "lanterns", area=area("culture").pk) == []
    p.areas.add(area("culture"))
    assert found(office, "lanterns", area=area("culture").pk) == [("partnership", p.pk)]
    p.areas.clear()
    assert found(office, "lanterns", area=area("culture").pk) == []
    # An activity: its document follows its title; deleted, it leaves.
    a = activity(office, p, "Lantern festival")
    assert ("activity", a.pk) in found(office, "festival")
    a.refresh_from_db()
    services.activity_update(
        activity=a,
        actor=SYSTEM,
        partnerships=[p],
        date=a.date,
        kind=a.kind,
        title="Lantern parade",
        expected_version=a.version,
    )
    assert found(office, "festival") == []
    assert found(office, "parade") == [("activity", a.pk)]
    a.refresh_from_db()
    services.activity_delete(activity=a, actor=SYSTEM, expected_version=a.version)
    assert found(office, "parade") == []
    assert not SearchDocument.objects.filter(kind="activity", object_id=a.pk).exists()


def test_a_city_renamed_reindexes_its_pacts_and_contacts(office: Any) -> None:
    city = make_city("Brno", country="CZ")
    p = pact(office, partner_city=city)
    c = make_contact(office, name_en="Jana Novak", city=city)
    city.name_fa = "برنو"
    city.save()
    assert set(found(office, "برنو")) == {("partnership", p.pk), ("contact", c.pk)}


def test_a_mission_is_found_by_its_objectives_and_report(office: Any) -> None:
    mission = missions.mission_create(
        office=office,
        actor=SYSTEM,
        title_fa="سفر مطالعاتی وین",
        title_en="Vienna study visit",
        start_date=dt.date(2024, 4, 1),
        end_date=dt.date(2024, 4, 3),
        objectives=["آشنایی با بلیت یکپارچه"],
    )
    assert found(office, "بلیت یکپارچه") == [("mission", mission.pk)]
    assert found(office, "vienna study") == [("mission", mission.pk)]


def test_rebuild_search_writes_the_same_index(office: Any) -> None:
    p = pact(office, city="Tartu", summary_fa="تفاهم‌نامه فرهنگی")
    activity(office, p, "Tartu choir")
    before = sorted(SearchDocument.objects.values_list("kind", "object_id", "body_terms"))
    SearchDocument.objects.all().delete()
    assert found(office, "tartu") == []
    out = StringIO()
    call_command("rebuild_search", stdout=out)
    after = sorted(SearchDocument.objects.values_list("kind", "object_id", "body_terms"))
    assert after == before
    assert "documents in" in out.getvalue()
    assert found(office, "تفاهمنامه") == [("partnership", p.pk)]


def test_a_snippet_is_escaped_and_marks_the_matched_words() -> None:
    body = 'Intro <script>alert("x")</script> words about mobility & more'
    html = str(snippet(body, ("mobil",)))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<mark>mobility</mark>" in html
    assert "&amp;" in html
    persian = str(snippet("امضای تفاهم نامه همکاری", ("تفاهمنامه",)))
    assert "<mark>تفاهم</mark> <mark>نامه</mark>" in persian


def test_a_hostile_title_is_escaped_in_the_hit(office: Any) -> None:
    p = pact(office, summary_en='<img src=x onerror="alert(1)"> harbour')
    hit = result(office, "harbour").hits[0]
    assert hit.id == p.pk
    assert "<img" not in str(hit.snippet)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_trgm is PostgreSQL's")
def test_a_misspelt_title_is_found_by_its_spelling_on_postgresql(office: Any) -> None:
    p = pact(office, city="Copenhagen")
    hits = result(office, "copenhagne").hits
    assert [(h.type, h.id, h.similar) for h in hits] == [("partnership", p.pk, True)]


@pytest.mark.parametrize("limit", [1, 2, 3, 5])
def test_pages_run_through_the_title_matches_then_the_others(office: Any, limit: int) -> None:
    titled = [pact(office, city=f"Sintra {n}") for n in range(3)]
    mentioned = [pact(office, city=f"Graz {n}", summary_en="sintra") for n in range(4)]
    seen: list[int] = []
    for offset in range(0, 10, limit):
        seen += [hit.id for hit in result(office, "sintra", limit=limit, offset=offset).hits]
    assert sorted(seen[:3]) == sorted(p.pk for p in titled)
    assert sorted(seen[3:]) == sorted(p.pk for p in mentioned)


def test_deferred_indexing_writes_each_record_once_at_the_end(office: Any) -> None:
    from peyvand.search.index import search_deferred

    kept = pact(office, "Graz", summary_en="river festival")
    with search_deferred() as pending:
        new = pact(office, "Linz", summary_en="steel works")
        services.partnership_update(
            partnership=kept, actor=SYSTEM, expected_version=None, data={"summary_en": "opera"}
        )
        gone = pact(office, "Wels")
        gone.delete()
        # noted, not written: the index is as before the block
        assert found(office, "steel") == [] and found(office, "river") == [("partnership", kept.pk)]
        assert pending["partnership"] >= {new.pk, kept.pk}
    assert found(office, "steel") == [("partnership", new.pk)]
    assert found(office, "opera") == [("partnership", kept.pk)] and found(office, "river") == []
    assert not SearchDocument.objects.filter(kind="partnership", object_id=gone.pk).exists()
    with search_deferred(flush=False):
        pact(office, "Steyr", summary_en="unindexed")
    assert found(office, "unindexed") == []
