"""Every page works in Persian and English, and the Persian UI has no untranslated string.

A browser-free crawler: it builds a small world and an office with a partnership that has
something in every section (agreement and file, commitment, activity with an outcome,
approval, dormancy review, a public link marked "not ours", a Persian-name review), then
GETs every route of the accounts, dashboard, partnerships, places and network namespaces
(enumerated from the URL resolver, so a new page cannot be forgotten) in /fa/ and /en/.

For each page it checks the status, `<html lang dir>`, and reads what a user sees: text
nodes, the attributes a user reads (title, placeholder, aria-label, alt, the value of a
button) and the strings of `json_script` payloads that scripts draw on screen. On a Persian
page no Latin word may remain; on an English page no Persian text may remain, except:

- what the page marks as written in another language (`lang` other than the page's: a
  letter, a summary shown in its other language, the English name beside a Persian one),
  and `<script>` (other than JSON data), `<style>`, `<code>`, `<pre>`. Direction alone
  (`dir="ltr"`, class `ltr`) excludes nothing: it is layout, not language;
- the data this test created (names, titles, usernames): world data legitimately shows an
  English city name when no Persian name is verified, and an office records its own text
  in whichever language it wrote it;
- a short allow-list of proper names and formats that are the same in both languages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation
from django.utils.translation import gettext

from .conftest import World
from .page_reader import (
    DELIBERATELY_MIXED,
    IDENTIFIERS,
    NAMESPACES,
    latin_words,
    persian_runs,
    read,
)


def test_the_reader_sees_text_attributes_and_json_but_not_what_is_marked_otherwise() -> None:
    page = (
        '<html lang="fa" dir="rtl"><head><title>پیوند</title><style>body{}</style></head>'
        '<body><p title="Hint">سلام <b>Hello</b></p><span class="ltr">Read</span>'
        '<p lang="en">English letter</p><input type="submit" value="Send">'
        '<input type="text" value="typed data"><code>code()</code><br>'
        '<script type="application/json">{"title": "Health", "letter_en": "Dear", '
        '"url": "/fa/x/"}</script><script>var notRead = 1;</script><p>after</p></body></html>'
    )
    seen = read(page, "fa")
    assert (seen.html_lang, seen.html_dir) == ("fa", "rtl")
    joined = " | ".join(t.strip() for t in seen.texts)
    assert joined == "پیوند | Hint | سلام | Hello | Read | Send | Health | after"
    assert latin_words(joined, ["Hello"]) == ["Hint", "Read", "Send", "Health", "after"]
    assert latin_words("PDF, https://a.example/b, gn:123 and CC BY-SA", []) == ["and"]
    assert persian_runs("Tehran (تهران) office", ["تهران"]) == []
    assert persian_runs("Tehran (تهران) office", []) == ["تهران"]


# ---------------------------------------------------------------- the routes


# Routes that only accept POST (GET answers 405): forms on other pages post to them.
POST_ONLY = {
    "accounts:logout",
    "accounts:department_add",
    "accounts:backup_codes",
    "accounts:invitation_accept",
    "accounts:invitation_decline",
    "accounts:invitation_withdraw",
    "accounts:office_security",
    "partnerships:create_proposed",
    "partnerships:link_not_ours",
    "partnerships:status",
    "partnerships:archive",
    "partnerships:approval_add",
    "partnerships:approval_decide",
    "partnerships:agreement_file_add",
    "partnerships:commitment_add",
    "partnerships:commitment_status",
    "partnerships:outcome_add",
    "places:review_confirm",
    "discover:note_delete",
    "organizations:obligation_done",
    "missions:transition",
    "missions:document_add",
    "knowledge:move",
    "knowledge:document_add",
    "opportunities:pitch_status",
    "opportunities:document_add",
    "opportunities:follow_up_add",
    "opportunities:follow_up_done",
    "opportunities:application_status",
    "partnerships:portal_settings",
    "publishing:publish",
    "bin:restore",
    "portal_office:moderate",
    "portal_office:message_handled",
}
# htmx answers, no <html>
FRAGMENTS = {
    "partnerships:city_search",
    "places:search_results",
    "discover:peer_search",
    "organizations:city_search",
    "contacts:city_search",
    "reports:progress",
}
FILES = {
    "records:download",
    "audit:export",
    "portal:download",
    "portal:feed",
    "exchange:export",
    "exchange:errors_csv",
}
# A logged-in user is sent on from the login; read them logged out: the invitation (its
# sign-up form) and the public portal.
ANONYMOUS = {
    "accounts:login",
    "accounts:invitation",
    "portal:home",
    "portal:partnership",
    "portal:practices",
    "portal:practice",
    "portal:pitches",
    "portal:pitch",
    "portal:events",
    "portal:data",
    "portal:download",
    "portal:feed",
}
# send on to a page of their own (followed): the code step without a password step, the
# two-factor switch-off of an account without it (their words: accounts' tests)
REDIRECTS = {"discover:index", "accounts:login_code", "accounts:two_factor_disable"}


def routes() -> Iterator[tuple[str, list[str]]]:
    """(namespace:name, kwarg names) for every named route of the checked namespaces."""

    def walk(
        patterns: list[URLPattern | URLResolver], namespace: str, params: list[str]
    ) -> Iterator[tuple[str, list[str]]]:
        for entry in patterns:
            here = params + list(entry.pattern.converters)
            if isinstance(entry, URLResolver):
                inner = entry.namespace or namespace
                yield from walk(entry.url_patterns, inner, here)
            elif entry.name and namespace in NAMESPACES:
                yield f"{namespace}:{entry.name}", here

    yield from walk(get_resolver().url_patterns, "", [])


def test_every_route_is_crawled_or_known_to_be_post_only(world: World) -> None:
    found = dict(routes())
    assert set(NAMESPACES) == {name.split(":")[0] for name in found}
    for name, params in found.items():
        if name in POST_ONLY:
            continue
        given = set(world.kwargs.get(name, {}))
        assert given == set(params), f"{name}: give the crawler {params}, not {sorted(given)}"


def pages(world: World, lang: str) -> Iterator[tuple[str, str]]:
    with translation.override(lang):
        for name, _params in routes():
            if name in POST_ONLY:
                continue
            path = reverse(name, kwargs=world.kwargs.get(name, {}))
            assert path.startswith(f"/{lang}/"), path
            query = world.query.get(name)
            yield name, f"{path}?{query}" if query else path
        for name, kwargs, queries in world.variants:
            path = reverse(name, kwargs=kwargs)
            query = queries if isinstance(queries, str) else queries[lang]
            yield name, f"{path}?{query}" if query else path


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_post_only_routes_refuse_a_get(world: World, lang: str) -> None:
    with translation.override(lang):
        for name, params in routes():
            if name not in POST_ONLY:
                continue
            known = {
                **world.kwargs["partnerships:detail"],
                "twinning_id": 1,
                "code": "gn:2950159",
                "kind": "partnership",
            }
            kw = {p: known[p] for p in params}
            response = world.client.get(reverse(name, kwargs=kw))
            assert response.status_code == 405, name


def fetch(world: World, name: str, url: str) -> Any:
    client = world.anonymous if name in ANONYMOUS else world.client
    headers = {"HX-Request": "true"} if name in FRAGMENTS else {}
    return client.get(url, headers=headers, follow=name in REDIRECTS)


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_every_page_answers_in_its_language_and_direction(world: World, lang: str) -> None:
    checked = 0
    for name, url in pages(world, lang):
        response = fetch(world, name, url)
        assert response.status_code == 200, f"{url} ({name}): {response.status_code}"
        if name in FILES:
            continue
        seen = read(response.content.decode(), lang)
        if name in FRAGMENTS:
            assert seen.html_lang is None and seen.texts, url
            continue
        expected = ("fa", "rtl") if lang == "fa" else ("en", "ltr")
        assert (seen.html_lang, seen.html_dir) == expected, url
        checked += 1
    assert checked >= 25


def wrong_language(html: str, lang: str, world: World) -> list[str]:
    """What a reader of `lang` would see in the other language, with its context."""
    with translation.override("fa"):
        deliberate = {gettext(message) for message in DELIBERATELY_MIXED}
    found = []
    for text in read(html, lang).texts:
        if lang == "fa":
            if text.strip() in deliberate:
                continue
            bad = latin_words(text, world.data["fa"])
        else:
            bad = persian_runs(text, world.data["en"])
        if bad:
            found.append(f"{' '.join(bad)!r} in {text.strip()[:120]!r}")
    return found


def test_no_untranslated_english_on_persian_pages(world: World) -> None:
    problems = [
        f"{url}: {problem}"
        for name, url in pages(world, "fa")
        if name not in FILES
        for problem in wrong_language(fetch(world, name, url).content.decode(), "fa", world)
    ]
    assert not problems, "Untranslated on Persian pages:\n" + "\n".join(sorted(set(problems)))


def test_no_persian_left_on_english_pages(world: World) -> None:
    problems = [
        f"{url}: {problem}"
        for name, url in pages(world, "en")
        if name not in FILES
        for problem in wrong_language(fetch(world, name, url).content.decode(), "en", world)
    ]
    assert not problems, "Persian on English pages:\n" + "\n".join(sorted(set(problems)))


# Pages whose form is posted empty: the errors a user gets must be in the page's language
# too. None of these changes anything when the form is invalid.
FORM_DATA = {
    "accounts:login": {"username": "director_tehran", "password": "not-the-password"},
    "portal:partnership": {"form": "feedback"},
    "portal:pitch": {"form": "contact"},
}
FORMS = (
    "accounts:login",
    "portal:partnership",
    "portal:pitch",
    "accounts:password_change",
    "accounts:members",
    "accounts:member_edit",
    "accounts:two_factor_setup",
    "partnerships:create",
    "partnerships:edit",
    "partnerships:settings",
    "partnerships:agreement_add",
    "partnerships:activity_log",
    "partnerships:review",
    "partnerships:activity_edit",
    "partnerships:outcome_edit",
    "partnerships:agreement_edit",
    "partnerships:commitment_edit",
    "places:city_add",
    "opportunities:pitch_create",
    "opportunities:pitch_edit",
    "opportunities:party_add",
    "opportunities:call_create",
    "opportunities:application_create",
    "opportunities:application_edit",
)


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_form_errors_are_in_the_pages_language(world: World, lang: str) -> None:
    problems = []
    for name in FORMS:
        with translation.override(lang):
            url = reverse(name, kwargs=world.kwargs.get(name, {}))
        client = world.anonymous if name in ANONYMOUS else world.client
        # One unknown field: views build their form from `request.POST or None`.
        response = client.post(url, FORM_DATA.get(name, {"unknown": "1"}))
        assert response.status_code in (200, 409), f"{url}: {response.status_code}"
        html = response.content.decode()
        assert "errorlist" in html or 'class="error' in html, f"{url}: no error shown"
        problems += [f"{url}: {p}" for p in wrong_language(html, lang, world)]
    assert not problems, "\n".join(sorted(set(problems)))


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_error_pages_are_in_the_pages_language(world: World, lang: str) -> None:
    office_slug = world.kwargs["dashboard:home"]["office_slug"]
    with translation.override(lang):
        missing = reverse("partnerships:detail", kwargs={"office_slug": office_slug, "pk": 9999})
        refused = reverse("partnerships:settings", kwargs={"office_slug": office_slug})
    problems = []
    for client, url, status in ((world.client, missing, 404), (world.viewer, refused, 403)):
        response = client.get(url)
        assert response.status_code == status, url
        html = response.content.decode()
        seen = read(html, lang)
        assert seen.html_lang == lang, url
        problems += [f"{url}: {p}" for p in wrong_language(html, lang, world)]
    assert not problems, "\n".join(problems)


# A number, not digits inside a Latin name (dr5hn): those are part of the name.
LATIN_DIGIT = re.compile(r"(?<![A-Za-z])[0-9]+(?![A-Za-z])")


def latin_digits(html: str) -> list[str]:
    """Latin digits a reader of a Persian page would see (outside what is marked `lang`)."""
    return [
        f"{' '.join(LATIN_DIGIT.findall(text))!r} in {text.strip()[:120]!r}"
        for text in (IDENTIFIERS.sub(" ", seen) for seen in read(html, "fa").texts)
        if LATIN_DIGIT.search(text)
    ]


def test_no_latin_digit_on_persian_pages(world: World) -> None:
    problems = [
        f"{url}: {problem}"
        for name, url in pages(world, "fa")
        if name not in FILES
        for problem in latin_digits(fetch(world, name, url).content.decode())
    ]
    for name in FORMS:
        with translation.override("fa"):
            url = reverse(name, kwargs=world.kwargs.get(name, {}))
        client = world.anonymous if name in ANONYMOUS else world.client
        html = client.post(url, FORM_DATA.get(name, {"unknown": "1"})).content.decode()
        problems += [f"{url} (posted): {problem}" for problem in latin_digits(html)]
    assert not problems, "Latin digits on Persian pages:\n" + "\n".join(sorted(set(problems)))
