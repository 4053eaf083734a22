"""Partner discovery pages: suggestions, filters, the network and peers, country notes."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from peyvand.accounts.models import Role
from peyvand.network import tasks
from peyvand.network.discover import services
from peyvand.network.discover.selectors.recommendations import recommend
from peyvand.network.models import CountryNote, CountryNoteRevision
from peyvand.places.models import Country

from .discover_world import SmallWorld


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
    tasks.queue_fit_if_needed()  # warm the snapshot, as a first request does
    recommend(city=world["Tehran"], office=home)
    with django_assert_max_num_queries(21):  # the goal areas offered: one query
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
