"""Partner discovery: suggestions, office privacy, flags, pages and API."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from peyvand.accounts.models import Role
from peyvand.network import edges, selectors, services
from peyvand.network.models import CountryNote, CountryNoteRevision, NetworkSnapshot
from peyvand.network.signals import world_imported
from peyvand.places.models import Country

from .discover_world import SmallWorld, build_small_world


@pytest.fixture(autouse=True)
def _fresh_memo() -> Any:
    cache.clear()
    selectors.clear_local_memo()
    yield
    cache.clear()
    selectors.clear_local_memo()


@pytest.fixture
def world(db: Any) -> SmallWorld:
    return build_small_world()


@pytest.fixture
def home(world: SmallWorld, office: Any) -> Any:
    office.home_city = world["Tehran"]
    office.save(update_fields=["home_city"])
    return office


@pytest.fixture
def private_pacts(world: SmallWorld) -> Any:
    """Register a provider: {office pk: [(home pk, partner pk)]} that a test fills in."""
    pacts: dict[int, list[tuple[int, int]]] = {}

    def provider(office: Any) -> list[tuple[int, int]]:
        return list(pacts.get(office.pk, []))

    def version(office: Any) -> str:
        return str(len(pacts.get(office.pk, [])))

    edges.register_office_edges(provider)
    edges.register_office_version(version)
    yield pacts
    edges.unregister_office_edges(provider)
    edges.unregister_office_version(version)


def codes(result: selectors.Recommendations) -> list[str]:
    return [s.city.code for s in result.suggestions]


def test_suggestions_rank_a_city_sharing_partners_first_and_say_why(world: SmallWorld) -> None:
    from peyvand.network import explain

    tehran = world["Tehran"]
    result = selectors.recommend(city=tehran, k=5)
    assert codes(result)[0] == world["Ankara"].code
    top = result.suggestions[0]
    with translation.override("en"):
        texts = [explain.reason_text(r, tehran, top.city) for r in top.reasons]
    assert any(
        t.startswith("Shares 3 partners with Tehran:")
        and all(n in t for n in ("Moscow", "Minsk", "Havana"))
        for t in texts
    ), texts
    # never the city itself nor one of its partners
    partners = {world[n].code for n in ("Moscow", "Minsk", "Havana")}
    assert not partners & set(codes(result)) and tehran.code not in codes(result)


def test_reasons_read_in_persian(world: SmallWorld) -> None:
    from peyvand.network import explain

    tehran = world["Tehran"]
    top = selectors.recommend(city=tehran, k=1).suggestions[0]
    with translation.override("fa"):
        text = explain.reason_text(top.reasons[0], tehran, top.city)
    assert text and text == str(text)


def test_a_city_with_no_links_still_gets_suggestions(world: SmallWorld) -> None:
    result = selectors.recommend(city=world["Lonely"], k=5)
    assert len(result.suggestions) == 5
    assert world["Lonely"].code not in codes(result)


def test_an_office_pact_changes_its_own_suggestions_and_nobody_elses(
    world: SmallWorld, office: Any, other_office: Any, private_pacts: Any
) -> None:
    tehran, berlin = world["Tehran"], world["Berlin"]
    before_public = codes(selectors.recommend(city=tehran, k=13))
    before_other = codes(selectors.recommend(city=tehran, office=other_office, k=13))
    assert berlin.code in before_public
    private_pacts[office.pk] = [(tehran.pk, berlin.pk)]
    mine = selectors.recommend(city=tehran, office=office, k=13)
    assert berlin.code not in codes(mine)  # now a partner of ours
    # Paris shares Berlin with us now, and says so
    paris = next(s for s in mine.suggestions if s.city.code == world["Paris"].code)
    shared = [r for r in paris.reasons if r.key == "common_partners"]
    assert shared and berlin in shared[0].params["cities"]
    assert codes(selectors.recommend(city=tehran, office=other_office, k=13)) == before_other
    assert codes(selectors.recommend(city=tehran, k=13)) == before_public
    # and the office's metrics see the pact, the public ones do not
    degrees = [
        getattr(selectors.city_metrics(city=tehran, office=o), "degree", None)
        for o in (office, None, other_office)
    ]
    assert degrees == [4, 3, 3]


def test_flagged_countries_can_be_hidden_and_are_counted(world: SmallWorld, home: Any) -> None:
    turkey = Country.objects.get(code="TR")
    services.country_note_save(
        office=home,
        country=turkey,
        editor=None,
        relations="neutral",
        payment_sanctions=True,
        visa="moderate",
        travel_advice="normal",
    )
    shown = selectors.recommend(city=world["Tehran"], office=home, k=5)
    flagged = [s for s in shown.suggestions if s.flags]
    assert flagged and all(s.city.country_id == turkey.pk for s in flagged)
    hidden = selectors.recommend(city=world["Tehran"], office=home, k=5, exclude_flagged=True)
    assert all(s.city.country_id != turkey.pk for s in hidden.suggestions)
    assert hidden.hidden_flagged == len(flagged)
    assert len(hidden.suggestions) == 5


def test_recommendations_page_shows_reasons_flags_and_the_propose_button(
    world: SmallWorld, home: Any, member_client: Any, django_assert_max_num_queries: Any
) -> None:
    services.country_note_save(
        office=home,
        country=Country.objects.get(code="TR"),
        editor=None,
        relations="strained",
        payment_sanctions=False,
        visa="moderate",
        travel_advice="normal",
    )
    client = member_client(home, Role.OFFICER)
    url = reverse("discover:recommendations", kwargs={"office_slug": home.slug})
    selectors.recommend(city=world["Tehran"], office=home)  # warm the snapshot
    with django_assert_max_num_queries(20):
        response = client.get("/en" + url.removeprefix("/fa"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Shares 3 partners with Tehran" in html
    assert "strained or no relations" in html
    propose = reverse("partnerships:create_proposed", kwargs={"office_slug": home.slug})
    assert f'action="{propose.replace("/fa/", "/en/")}"' in html
    assert f'name="partner" value="{world["Ankara"].code}"' in html
    # excluding flagged countries says how many are hidden and offers to show them
    response = client.get("/en" + url.removeprefix("/fa") + "?exclude_flagged=on")
    html = response.content.decode()
    assert "data-hidden-flagged" in html and "Show them" in html
    assert world["Ankara"].code not in html.split("data-suggestions", 1)[1]


def test_a_viewer_sees_suggestions_without_the_propose_button(
    world: SmallWorld, home: Any, member_client: Any
) -> None:
    client = member_client(home, Role.VIEWER)
    url = reverse("discover:recommendations", kwargs={"office_slug": home.slug})
    html = client.get(url).content.decode()
    assert "data-suggestion=" in html and "data-propose" not in html


def test_filters_by_country_and_continent(world: SmallWorld, home: Any, member_client: Any) -> None:
    client = member_client(home, Role.VIEWER)
    url = reverse("discover:recommendations", kwargs={"office_slug": home.slug})
    html = client.get(url + "?country=FR").content.decode()
    listed = html.split("data-suggestions", 1)[1]
    assert world["Paris"].code in listed and world["Ankara"].code not in listed
    html = client.get(url + "?continent=EU").content.decode()
    listed = html.split("data-suggestions", 1)[1]
    assert world["Berlin"].code in listed and world["Ankara"].code not in listed
    response = client.get(url + "?city=Nowhere-at-all")
    assert "data-unknown-city" in response.content.decode()


def test_a_stranger_gets_404(
    world: SmallWorld, home: Any, other_office: Any, member_client: Any
) -> None:
    client = member_client(other_office, Role.DIRECTOR)
    url = reverse("discover:recommendations", kwargs={"office_slug": home.slug})
    assert client.get(url).status_code == 404


def test_network_and_peers_pages(world: SmallWorld, home: Any, member_client: Any) -> None:
    client = member_client(home, Role.VIEWER)
    html = client.get(
        reverse("discover:network", kwargs={"office_slug": home.slug})
    ).content.decode()
    assert 'id="discover-graph-data"' in html and "cytoscape.min.js" in html
    assert "<script>" not in html.replace('<script type="application/json"', "")
    url = reverse("discover:peers", kwargs={"office_slug": home.slug})
    html = client.get(url).content.decode()
    assert "data-home" in html and world["Tehran"].code in html
    # default peers: the most populous cities of Asia
    assert world["Istanbul"].code in html
    html = client.get(url + f"?peers={world['Paris'].code},nope").content.decode()
    assert world["Paris"].code in html and "data-unknown-peers" in html


def test_country_notes_keep_history_and_are_private(
    world: SmallWorld, home: Any, other_office: Any, member_client: Any
) -> None:
    client = member_client(home, Role.OFFICER)
    url = reverse("discover:notes", kwargs={"office_slug": home.slug})
    data = {
        "country": "CU",
        "relations": "good",
        "visa": "hard",
        "travel_advice": "normal",
        "notes": "Payments through a third country.",
    }
    assert client.post(url, data).status_code == 302
    data["visa"] = "easy"
    client.post(url, data)
    note = CountryNote.objects.get(office=home, country__code="CU")
    assert note.visa == "easy" and note.version == 2
    assert CountryNoteRevision.objects.filter(note=note).count() == 2
    history = reverse("discover:note_history", kwargs={"office_slug": home.slug, "pk": note.pk})
    html = client.get("/en" + history.removeprefix("/fa")).content.decode()
    assert "Hard" in html and "Easy" in html
    # another office can neither read nor delete it
    stranger = member_client(other_office, Role.DIRECTOR)
    other_history = reverse(
        "discover:note_history", kwargs={"office_slug": other_office.slug, "pk": note.pk}
    )
    assert stranger.get(other_history).status_code == 404
    other_delete = reverse(
        "discover:note_delete", kwargs={"office_slug": other_office.slug, "pk": note.pk}
    )
    assert stranger.post(other_delete, {"confirm": "yes"}).status_code == 404
    # a bad value is refused with nothing written
    bad = {**data, "visa": "impossible"}
    assert client.post(url, bad).status_code == 200
    assert CountryNote.objects.get(pk=note.pk).visa == "easy"
    # a viewer may not write
    viewer = member_client(home, Role.VIEWER)
    assert viewer.post(url, data).status_code == 403
    # deletion asks for confirmation first
    delete = reverse("discover:note_delete", kwargs={"office_slug": home.slug, "pk": note.pk})
    assert client.post(delete).status_code == 200
    assert CountryNote.objects.filter(pk=note.pk).exists()
    assert client.post(delete, {"confirm": "yes"}).status_code == 302
    assert not CountryNote.objects.filter(pk=note.pk).exists()


def test_api_recommendations_public_and_for_an_office(
    world: SmallWorld, home: Any, other_office: Any, member_client: Any, private_pacts: Any
) -> None:
    from django.test import Client

    tehran, berlin = world["Tehran"], world["Berlin"]
    private_pacts[home.pk] = [(tehran.pk, berlin.pk)]
    anonymous = Client()
    response = anonymous.get(f"/api/v1/cities/{tehran.code}/recommendations?k=13")
    body = response.json()
    assert response.status_code == 200 and body["scope"] == "public"
    assert berlin.code in [s["city"]["id"] for s in body["suggestions"]]
    assert body["suggestions"][0]["reasons"][0]["text"]
    # the office's pacts only for its members
    assert (
        anonymous.get(
            f"/api/v1/cities/{tehran.code}/recommendations?office={home.slug}"
        ).status_code
        == 404
    )
    member = member_client(home, Role.VIEWER)
    body = member.get(
        f"/api/v1/cities/{tehran.code}/recommendations?k=13&office={home.slug}"
    ).json()
    assert body["scope"] == home.slug
    assert berlin.code not in [s["city"]["id"] for s in body["suggestions"]]
    stranger = member_client(other_office, Role.DIRECTOR)
    assert (
        stranger.get(f"/api/v1/cities/{tehran.code}/recommendations?office={home.slug}").status_code
        == 404
    )
    only_fr = anonymous.get(f"/api/v1/cities/{tehran.code}/recommendations?country=FR").json()
    assert {s["city"]["country"] for s in only_fr["suggestions"]} == {"FR"}
    assert anonymous.get("/api/v1/cities/gn:0/recommendations").status_code == 404
    assert anonymous.get(f"/api/v1/cities/{tehran.code}/recommendations?k=0").status_code == 422


def test_api_metrics(world: SmallWorld, home: Any, member_client: Any, private_pacts: Any) -> None:
    from django.test import Client

    tehran = world["Tehran"]
    body = Client().get(f"/api/v1/cities/{tehran.code}/metrics").json()
    assert body["degree"] == 3 and body["component"] == 0
    assert {c["country"] for c in body["top_partner_countries"]} == {"RU", "BY", "CU"}
    assert body["international_share"] == 1.0
    private_pacts[home.pk] = [(tehran.pk, world["Mashhad"].pk)]
    member = member_client(home, Role.VIEWER)
    body = member.get(f"/api/v1/cities/{tehran.code}/metrics?office={home.slug}").json()
    assert body["degree"] == 4
    assert body["international_share"] == pytest.approx(0.75)


def test_a_world_import_refits_the_recommender(world: SmallWorld) -> None:
    assert not NetworkSnapshot.objects.exists()
    world_imported.send(sender=None, changed=1)  # the tasks backend runs it at once in tests
    snap = NetworkSnapshot.objects.get()
    assert snap.links == 17 and snap.model["names"]


def test_a_snapshot_from_an_older_release_is_refitted_once(world: SmallWorld) -> None:
    from peyvand.network.models import NetworkSnapshot
    from peyvand.network.recommender import feature_names

    def store_as_older_release() -> None:
        snap = NetworkSnapshot.objects.get()
        model = dict(snap.model)  # as stored by a release without the last feature
        for key in ("names", "knots", "weights", "reference"):
            model[key] = model[key][:-1]
        NetworkSnapshot.objects.filter(pk=snap.pk).update(model=model)
        selectors.clear_local_memo()

    selectors.ensure_snapshot()
    store_as_older_release()
    selectors.scope_for()  # queues a refit; the immediate backend runs it at once
    assert NetworkSnapshot.objects.get().model["names"] == feature_names()
    store_as_older_release()
    selectors.scope_for()  # already queued once for this version: not again
    assert len(NetworkSnapshot.objects.get().model["names"]) == len(feature_names()) - 1


@pytest.fixture
def no_worker(settings: Any) -> Any:
    """Tasks are queued but nothing runs them (a `make run` whose worker has not started)."""
    from django.tasks import task_backends

    # Django resets its task backends when the TASKS setting changes (and back after).
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    return task_backends["default"]


def test_without_a_fitted_model_a_request_never_fits_and_says_the_ranking_is_provisional(
    world: SmallWorld, home: Any, member_client: Any, no_worker: Any
) -> None:
    tehran = world["Tehran"]
    result = selectors.recommend(city=tehran, k=5)
    assert result.provisional and result.suggestions
    assert not NetworkSnapshot.objects.exists()
    # the fit was queued once, not again by the next requests
    selectors.recommend(city=tehran, k=5)
    assert len(no_worker.results) == 1
    client = member_client(home, Role.VIEWER)
    url = "/en" + reverse("discover:recommendations", args=[home.slug]).removeprefix("/fa")
    page = client.get(url)
    assert page.status_code == 200 and b"data-provisional" in page.content
    assert b"provisional weights" in page.content
    body = client.get(f"/api/v1/cities/{tehran.code}/recommendations?k=3").json()
    assert body["provisional"] is True and len(body["suggestions"]) == 3
    # the worker fits it: the next request uses the fitted model
    services.network_snapshot_create()
    result = selectors.recommend(city=tehran, k=5)
    assert not result.provisional
    assert b"data-provisional" not in client.get(url).content


def test_a_refit_of_the_same_data_is_served_at_once(world: SmallWorld) -> None:
    """A refit keeps the version (same data) but changes the model: cached scores and the
    per-process model must follow it, or reasons would explain another model's ranking."""
    tehran = world["Tehran"]
    first = selectors.recommend(city=tehran, k=3).suggestions[0].score
    snap = NetworkSnapshot.objects.get()
    model = dict(snap.model)
    model["intercept"] = model["intercept"] + 5.0
    NetworkSnapshot.objects.filter(pk=snap.pk).update(model=model)
    again = selectors.recommend(city=tehran, k=3).suggestions[0].score
    assert again == pytest.approx(first + 5.0, abs=1e-3)
