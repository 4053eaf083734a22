"""The bin's pages: a deletion asks first, the bin lists, restores and (a director) purges,
in both languages; the API's deletions, bin and purge with their roles and answers."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest

from peyvand.accounts.actors import SYSTEM
from peyvand.knowledge import services as knowledge
from peyvand.knowledge.models import Practice
from peyvand.knowledge.tests.factories import make_practice
from peyvand.missions.models import Contact, Mission
from peyvand.missions.tests.people_factories import make_contact
from peyvand.missions.tests.people_factories import make_mission as mission_with
from peyvand.partnerships.models import Activity, Partnership
from peyvand.partnerships.tests.factories import log, make_partnership
from peyvand.places.tests.factories import make_city

LATIN = re.compile(r"(?<![A-Za-z#-])[0-9]+(?![A-Za-z])")


def page(office: Any, path: str, lang: str = "en") -> str:
    return f"/{lang}/o/{office.slug}/{path}"


def api(office: Any, path: str) -> str:
    return f"/api/v1/offices/{office.slug}/{path}"


def test_a_pact_is_deleted_after_its_confirmation(office: Any, member_client: Any) -> None:
    p = make_partnership(office, partner_city=make_city("Lyon", country="FR"))
    client = member_client(office, "officer")
    detail = client.get(page(office, f"partnerships/{p.pk}/")).content.decode()
    assert "data-delete-partnership" in detail
    url = page(office, f"bin/delete/partnership/{p.pk}/")
    asked = client.get(url)
    assert asked.status_code == 200 and "Lyon" in asked.content.decode()
    assert Partnership.objects.filter(pk=p.pk).exists()  # a GET only asks
    done = client.post(url, {"version": p.version})
    assert done.status_code == 302
    assert not Partnership.objects.filter(pk=p.pk).exists()
    assert client.get(page(office, f"partnerships/{p.pk}/")).status_code == 404


def test_a_stale_or_refused_deletion_says_why(office: Any, member_client: Any) -> None:
    p = make_partnership(office)
    client = member_client(office, "officer")
    url = page(office, f"bin/delete/partnership/{p.pk}/")
    stale = client.post(url, {"version": p.version + 3})
    assert stale.status_code == 409 and "data-stale" in stale.content.decode()
    log(office, p, p.created_at.date())
    p.refresh_from_db()
    refused = client.post(url, {"version": p.version})
    assert refused.status_code == 200 and "data-bin-refusal" in refused.content.decode()
    assert Partnership.objects.filter(pk=p.pk).exists()


def test_a_viewer_cannot_delete_and_another_office_answers_404(
    office: Any, other_office: Any, member_client: Any
) -> None:
    m = mission_with(office)
    assert member_client(office, "viewer").post(
        page(office, f"bin/delete/mission/{m.pk}/")
    ).status_code in (403, 404)
    stranger = member_client(other_office, "director")
    assert stranger.get(page(other_office, f"bin/delete/mission/{m.pk}/")).status_code == 404
    assert Mission.objects.filter(pk=m.pk).exists()


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_the_bin_lists_restores_and_a_director_purges(
    office: Any, member_client: Any, lang: str
) -> None:
    p = make_practice(office, title_en="Bike lanes", title_fa="خط دوچرخه")
    knowledge.practice_delete(practice=p, actor=SYSTEM)
    c = make_contact(office, name_en="Karl Stein", name_fa="کارل اشتاین")
    director = member_client(office, "director")
    director.post(page(office, f"bin/delete/contact/{c.pk}/"), {"version": c.version})
    html = director.get(page(office, "bin/", lang)).content.decode()
    assert f'data-bin-row="practice-{p.pk}"' in html and f'data-bin-row="contact-{c.pk}"' in html
    assert "data-bin-purge" in html
    if lang == "fa":
        body = re.sub(r"<[^>]+>", " ", html.split("<main", 1)[-1])
        assert not LATIN.findall(body), LATIN.findall(body)[:5]
    only = director.get(page(office, "bin/?kind=contact", lang)).content.decode()
    assert f"contact-{c.pk}" in only and f"practice-{p.pk}" not in only
    # An officer restores, never purges.
    officer = member_client(office, "officer")
    assert "data-bin-purge" not in officer.get(page(office, "bin/", lang)).content.decode()
    assert officer.get(page(office, f"bin/practice/{p.pk}/purge/", lang)).status_code == 403
    restored = officer.post(page(office, f"bin/contact/{c.pk}/restore/", lang))
    assert restored.status_code == 302 and Contact.objects.filter(pk=c.pk).exists()
    # The director types the name shown.
    purge = page(office, f"bin/practice/{p.pk}/purge/", lang)
    asked = director.get(purge).content.decode()
    word = "خط دوچرخه" if lang == "fa" else "Bike lanes"
    assert f"data-bin-word>{word}<" in asked
    wrong = director.post(purge, {"confirm": "Bike"})
    assert wrong.status_code == 200 and Practice.all_with_deleted.filter(pk=p.pk).exists()
    assert director.post(purge, {"confirm": word}).status_code == 302
    assert not Practice.all_with_deleted.filter(pk=p.pk).exists()


def test_the_bin_is_the_offices_own(office: Any, other_office: Any, member_client: Any) -> None:
    p = make_practice(office, title_en="Bike lanes")
    knowledge.practice_delete(practice=p, actor=SYSTEM)
    stranger = member_client(other_office, "director")
    assert "Bike lanes" not in stranger.get(page(other_office, "bin/")).content.decode()
    assert stranger.post(page(other_office, f"bin/practice/{p.pk}/restore/")).status_code == 404
    assert stranger.get(page(other_office, f"bin/practice/{p.pk}/purge/")).status_code == 404
    assert member_client(office, "viewer").get(page(office, "bin/")).status_code == 403


# The API --------------------------------------------------------------------------------


def test_the_api_deletes_with_if_match_only(office: Any, member_client: Any) -> None:
    p = make_partnership(office)
    a = log(office, p, p.created_at.date())
    client = member_client(office, "officer")
    url = api(office, f"activities/{a.pk}")
    missing = client.delete(url)
    assert missing.status_code == 428 and missing.json()["code"] == "precondition_required"
    stale = client.delete(url, HTTP_IF_MATCH=f'"v{a.version + 1}"')
    assert stale.status_code == 412 and stale.json()["code"] == "stale"
    assert client.delete(url, HTTP_IF_MATCH=f'"v{a.version}"').status_code == 204
    assert not Activity.objects.filter(pk=a.pk).exists()
    assert client.get(url).status_code == 404
    assert client.delete(url, HTTP_IF_MATCH=f'"v{a.version}"').status_code == 404
    listed = client.get(api(office, "bin")).json()
    assert listed["count"] == 1 and listed["items"][0]["kind"] == "activity"
    assert listed["items"][0]["days_left"] == 90
    restored = client.post(api(office, f"bin/activity/{a.pk}/restore"))
    assert restored.status_code == 200
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    ("kind", "path"),
    [
        ("partnership", "partnerships"),
        ("mission", "missions"),
        ("contact", "contacts"),
        ("practice", "practices"),
    ],
)
def test_each_kind_is_deleted_by_an_officer_not_a_liaison(
    office: Any, member_client: Any, kind: str, path: str
) -> None:
    makers: dict[str, Callable[[], Any]] = {
        "partnership": lambda: make_partnership(office),
        "mission": lambda: mission_with(office),
        "contact": lambda: make_contact(office),
        "practice": lambda: make_practice(office),
    }
    record = makers[kind]()
    url = api(office, f"{path}/{record.pk}")
    etag = f'"v{record.version}"'
    assert member_client(office, "liaison").delete(url, HTTP_IF_MATCH=etag).status_code == 403
    assert member_client(office, "officer").delete(url, HTTP_IF_MATCH=etag).status_code == 204
    items = member_client(office, "officer").get(api(office, f"bin?kind={kind}")).json()["items"]
    assert [(i["kind"], i["id"]) for i in items] == [(kind, record.pk)]


def test_the_api_purge_needs_a_director_and_the_name(office: Any, member_client: Any) -> None:
    p = make_practice(office, title_en="Bike lanes")
    knowledge.practice_delete(practice=p, actor=SYSTEM)
    url = api(office, f"bin/practice/{p.pk}/purge")

    def send(client: Any, confirm: str) -> Any:
        return client.post(
            url, data=json.dumps({"confirm": confirm}), content_type="application/json"
        )

    assert send(member_client(office, "officer"), "Bike lanes").status_code == 403
    director = member_client(office, "director")
    wrong = send(director, "Bike")
    assert wrong.status_code == 422 and "confirm" in wrong.json()["errors"]
    assert send(director, "bike  LANES").status_code == 204
    assert not Practice.all_with_deleted.filter(pk=p.pk).exists()
    assert send(director, "Bike lanes").status_code == 404


def test_another_offices_bin_answers_404_over_the_api(
    office: Any, other_office: Any, member_client: Any
) -> None:
    p = make_practice(office)
    knowledge.practice_delete(practice=p, actor=SYSTEM)
    stranger = member_client(other_office, "director")
    assert stranger.get(api(other_office, "bin")).json()["count"] == 0
    assert stranger.post(api(other_office, f"bin/practice/{p.pk}/restore")).status_code == 404
    assert stranger.delete(api(office, f"practices/{p.pk}"), HTTP_IF_MATCH='"v1"').status_code in (
        403,
        404,
    )


def test_the_kept_bin_follows_every_deletion_restore_and_purge(
    office: Any, member_client: Any, settings: Any
) -> None:
    """The bin's page and API list are kept (core.pagecache) under the office's version: a
    deletion, a restore and a purge each show at once."""
    settings.PAGE_CACHE = True
    director = member_client(office, "director")
    practice = make_practice(office, title_en="Night markets")

    def listed() -> tuple[bool, bool]:
        # its restore button (a flash message may name it after a restore)
        restore = f"bin/practice/{practice.pk}/restore/"
        shown = restore in director.get(page(office, "bin/")).content.decode()
        answered = [e["title"] for e in director.get(api(office, "bin")).json()["items"]]
        return shown, "Night markets" in answered

    assert listed() == (False, False)
    knowledge.practice_delete(practice=practice, actor=SYSTEM)
    assert listed() == (True, True)
    restored = director.post(page(office, f"bin/practice/{practice.pk}/restore/"))
    assert restored.status_code == 302
    assert listed() == (False, False)
    knowledge.practice_delete(practice=Practice.objects.get(pk=practice.pk), actor=SYSTEM)
    assert listed() == (True, True)
    purged = director.post(
        page(office, f"bin/practice/{practice.pk}/purge/"), {"confirm": "Night markets"}
    )
    assert purged.status_code == 302
    assert listed() == (False, False)
