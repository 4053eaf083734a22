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

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from peyvand.accounts.tests.factories import make_department, make_member, make_office, make_user
from peyvand.network.discover import services as network_services
from peyvand.partnerships import services
from peyvand.partnerships.tests.factories import area
from peyvand.places import services as place_services
from peyvand.places.tests.factories import make_city, make_country, make_twinning

TODAY = timezone.localdate()
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
NAMESPACES = ("accounts", "dashboard", "partnerships", "places", "network", "discover")

# Proper names and formats written the same way in a Persian sentence. Each is a name a
# Persian reader sees in Latin letters in the real world too (file formats, standards,
# data sources and their licences), never an ordinary English word.
ALLOWED_LATIN = {
    "API",  # the REST API, named so in Persian technical writing
    "PDF",  # file formats, named by their acronyms in Persian too
    "DOCX",
    "PNG",
    "JPEG",
    "GeoNames",  # data sources and standards credited by name (DESIGN.md: credit them all)
    "Wikidata",
    "Wikipedia",
    "Unicode",
    "CLDR",
    "CEMR",
    "RGRE",
    "ODbL",  # the licence's name
}
# Removed before looking for words: addresses, e-mail addresses, codes (gn:123, x:T:4,
# Q1234, file names), licence names and repository-style names (countries-states-cities),
# which are identifiers, not words.
IDENTIFIERS = re.compile(
    r"https?://\S+|www\.\S+|\S+@\S+\.\S+|\b\w+:[\w:.-]+|\b[\w-]+\.(?:pdf|docx|png|jpe?g)\b"
    r"|\bQ\d+\b|\bCC(?:0| BY(?:-SA)?)\b|\b[a-z0-9]+(?:[-_][a-z0-9]+){2,}\b"
)
# Messages whose Persian deliberately keeps a Latin example (the search box accepts names
# in either script), compared whole after translation.
DELIBERATELY_MIXED = ("e.g. Tehran, تهران, Berlin",)
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
PERSIAN = re.compile(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]+")
ATTRIBUTES = ("title", "placeholder", "aria-label", "alt", "data-confirm")  # data-confirm: a dialog
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "param",
    "source",
    "track",
    "wbr",
}


# ---------------------------------------------------------------- reading a page


@dataclass
class Seen:
    texts: list[str] = field(default_factory=list)
    html_lang: str | None = None
    html_dir: str | None = None


class Reader(HTMLParser):
    """Collects what a user reads, leaving out what is marked as not in the page's language."""

    def __init__(self, lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = lang
        self.stack: list[tuple[str, bool]] = []  # (tag, excluded)
        self.json: list[str] | None = None
        self.seen = Seen()

    @property
    def excluded(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def _marks_other_language(self, tag: str, attrs: dict[str, str | None]) -> bool:
        lang = (attrs.get("lang") or "").split("-")[0]
        if lang and lang != self.lang:
            return True
        return tag in {"style", "code", "pre", "script"}

    def handle_starttag(self, tag: str, attr_list: list[tuple[str, str | None]]) -> None:
        attrs = dict(attr_list)
        if tag == "html":
            self.seen.html_lang, self.seen.html_dir = attrs.get("lang"), attrs.get("dir")
        excluded = self.excluded or self._marks_other_language(tag, attrs)
        if not excluded:
            for name in ATTRIBUTES:
                if attrs.get(name):
                    self.seen.texts.append(str(attrs[name]))
            kind = (attrs.get("type") or "").lower()
            if tag == "input" and kind in {"submit", "button", "reset"} and attrs.get("value"):
                self.seen.texts.append(str(attrs["value"]))  # a button's label
        if tag == "script" and attrs.get("type") == "application/json":
            self.json = []
        if tag not in VOID:
            self.stack.append((tag, excluded))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.json is not None:
            self._read_json("".join(self.json))
            self.json = None
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data: str) -> None:
        if self.json is not None:
            self.json.append(data)
        elif not self.excluded and data.strip():
            self.seen.texts.append(data)

    def _read_json(self, payload: str) -> None:
        """Strings that scripts draw on screen (chart titles, labels); `*_xx` keys in the
        other language and addresses are not UI text."""
        other = "_en" if self.lang == "fa" else "_fa"

        def walk(value: Any, key: str = "") -> None:
            if isinstance(value, dict):
                for k, v in value.items():
                    if not str(k).endswith(other):
                        walk(v, str(k))
            elif isinstance(value, list):
                for item in value:
                    walk(item, key)
            elif isinstance(value, str) and not value.startswith(("/", "http")):
                self.seen.texts.append(value)

        walk(json.loads(payload))


def read(html: str, lang: str) -> Seen:
    reader = Reader(lang)
    reader.feed(html)
    reader.close()
    return reader.seen


def without_data(text: str, data: list[str]) -> str:
    for value in data:
        text = text.replace(value, " ")
    return text


def latin_words(text: str, data: list[str]) -> list[str]:
    text = IDENTIFIERS.sub(" ", without_data(text, data))
    return [w for w in LATIN_WORD.findall(text) if w not in ALLOWED_LATIN]


def persian_runs(text: str, data: list[str]) -> list[str]:
    return PERSIAN.findall(without_data(text, data))


# ---------------------------------------------------------------- the parser itself


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


# ---------------------------------------------------------------- the world and the office


@dataclass
class World:
    client: Client
    anonymous: Client
    viewer: Client
    kwargs: dict[str, dict[str, Any]]
    query: dict[str, str]
    data: dict[str, list[str]]  # per page language: the data that page may show as written
    # More states of the same pages: (route, kwargs, query).
    variants: list[tuple[str, dict[str, Any], str | dict[str, str]]]


@pytest.fixture
def world(db: Any, settings: Any, tmp_path: Any) -> World:
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    data: dict[str, list[str]] = {"fa": [], "en": []}

    def d(value: str) -> str:
        """Data that exists in one language only: any page may show it as written."""
        data["fa"].append(value)
        data["en"].append(value)
        return value

    def fa(value: str) -> str:
        """The Persian half of bilingual data: only Persian pages may show it."""
        data["fa"].append(value)
        return value

    def en(value: str) -> str:
        """The English half of bilingual data: only English pages may show it."""
        data["en"].append(value)
        return value

    iran = make_country("IR", en("Iran"), fa("ایران"), iso3="IRN", population=85_000_000)
    germany = make_country("DE", en("Germany"), fa("آلمان"), continent="EU", iso3="DEU")
    france = make_country("FR", en("France"), fa("فرانسه"), continent="EU", iso3="FRA")
    tehran = make_city(
        en("Tehran"),
        country=iran,
        code="gn:112931",
        name_fa=fa("تهران"),
        name_native=d("تهران"),
        lat=35.69,
        lon=51.39,
        population=8_700_000,
        wikidata_qid="Q3616",
        geonames_id=112931,
    )
    berlin = make_city(
        en("Berlin"),
        country=germany,
        code="gn:2950159",
        name_fa=fa("برلین"),
        lat=52.52,
        lon=13.40,
        population=3_600_000,
    )
    # No verified Persian name: every page legitimately shows the English one; the
    # suggestion and the candidate are Persian names waiting for review.
    lyon = make_city(
        d("Lyon"),
        country=france,
        code="gn:2996944",
        lat=45.76,
        lon=4.84,
        name_fa_suggestion=d("لیون"),
    )
    hamburg = make_city(
        d("Hamburg"), country=germany, code="gn:2911298", name_fa_candidate=d("هامبورگ")
    )
    make_twinning(tehran, berlin, year=2013, sources="wikipedia_en;rgre_de_2015")
    lyon_link = make_twinning(tehran, lyon, year=2004)
    make_twinning(berlin, hamburg)
    make_twinning(tehran, hamburg)

    office = make_office(
        "tehran", fa("اداره روابط بین‌الملل تهران"), en("Tehran international office")
    )
    office.home_city = tehran
    office.save(update_fields=["home_city"])
    transport = make_department(office, en("Transport deputy"))
    fa(transport.name_fa)
    director_user = make_user(d("director_tehran"))
    director_user.user_permissions.add(Permission.objects.get(codename="review_names"))
    director = make_member(office, "director", user=director_user)
    officer = make_member(office, "officer", user=make_user(d("officer_tehran")))
    make_member(office, "liaison", department=transport, user=make_user(d("liaison_tehran")))
    viewer = Client()
    viewer.force_login(make_member(office, "viewer", user=make_user(d("viewer_tehran"))).user)
    # A second office for the same user: the office switch shows.
    second = make_office("shiraz", fa("اداره شیراز"), en("Shiraz office"))
    make_member(second, "viewer", user=director_user)

    # The Berlin pact is kept by an officer who works in English, the Hamburg pact by the
    # director in Persian: what the history recorded must follow the reader's language.
    with translation.override("en"):
        p = services.partnership_create(
            office=office,
            actor=officer,
            partner_city=berlin,
            status="active",
            signed_on=TODAY - dt.timedelta(days=4 * 365),
            valid_until=TODAY + dt.timedelta(days=300),
            areas=[area("transport")],
            summary_fa=fa("همکاری در حمل‌ونقل عمومی و مدیریت پسماند"),
            summary_en=en("Cooperation on public transport and waste management"),
            responsible=director_user,
            is_public=True,
        )
        agreement = services.agreement_create(
            partnership=p,
            actor=officer,
            title=d("تفاهم‌نامه خواهرخواندگی"),
            languages=d("fa, de"),
            signatories=d("شهردار تهران، شهردار برلین"),
            signed_on=TODAY - dt.timedelta(days=4 * 365),
            files=[SimpleUploadedFile("pact.pdf", PDF)],
        )
        file_row = agreement.files.get()
        d(file_row.original_name)
        commitment = services.commitment_create(
            partnership=p,
            actor=officer,
            title=d("مطالعه مشترک خطوط اتوبوس تندرو"),
            due_on=TODAY + dt.timedelta(days=90),
            area=area("transport"),
            department=transport,
        )
        activity = services.activity_log(
            office=office,
            actor=officer,
            partnerships=[p],
            date=TODAY - dt.timedelta(days=30),
            kind="visit_in",
            title=d("بازدید هیئت برلین از قطار شهری"),
            description=d("هیئت شش‌نفره از شرکت حمل‌ونقل برلین"),
            initiated_by="partner",
            participants=6,
            areas=[area("transport")],
        )
        outcome = services.outcome_add(
            activity=activity,
            actor=officer,
            kind="practice",
            value=1,
            unit=d("روش"),
            note=d("زمان‌بندی هوشمند چراغ‌ها"),
        )
        council = services.approval_add(partnership=p, actor=officer, body="city_council")
        services.approval_decide(
            approval=council, actor=officer, status="granted", decided_on=TODAY
        )
    services.approval_add(partnership=p, actor=director, body="ministry", reference=d("۱۲۳/ش"))
    # A second pact, never active since signing: reviewed and revived by the director.
    dormant = services.partnership_create(
        office=office,
        actor=director,
        partner_city=hamburg,
        kind="friendship",
        status="active",
        signed_on=TODAY - dt.timedelta(days=8 * 365),
        # Written in English only: the Persian pages fall back to it, marked as English.
        summary_en="Port logistics and vocational training",
    )
    services.dormancy_review_revive(
        partnership=dormant,
        actor=director,
        deadline=TODAY + dt.timedelta(days=180),
        commitments=[{"title": d("تماس دوباره با دفتر شهردار")}],
        # Not data of either page: each letter must be marked with its own language.
        letter_fa="همکار گرامی، پیشنهاد می‌کنیم همکاری را از سر بگیریم.",
        letter_en="Dear colleague, we propose to resume our cooperation.",
    )
    services.not_ours_mark(
        office=office,
        actor=director,
        partner_city=lyon,
        twinning=lyon_link,
        reason=d("این پیوند متعلق به استان است، نه شهرداری"),
    )
    place_services.city_name_confirm(city=berlin, name="برلین", reviewer=director_user)
    note = network_services.country_note_save(
        office=office,
        country=germany,
        editor=director_user,
        relations="strained",
        payment_sanctions=True,
        visa="hard",
        travel_advice="normal",
        notes=d("بانک‌ها پرداخت را نمی‌پذیرند"),
    )

    client = Client()
    client.force_login(director_user)
    oid = {"office_slug": office.slug}
    kwargs: dict[str, dict[str, Any]] = {
        "accounts:members": oid,
        "accounts:member_edit": {**oid, "pk": officer.pk},
        "accounts:member_remove": {**oid, "pk": officer.pk},
        "dashboard:home": oid,
        "dashboard:date_converter": oid,
        "partnerships:list": oid,
        "partnerships:create": oid,
        "partnerships:city_search": oid,
        "partnerships:settings": oid,
        "partnerships:not_ours": oid,
        "partnerships:detail": {**oid, "pk": p.pk},
        "partnerships:edit": {**oid, "pk": p.pk},
        "partnerships:agreement_add": {**oid, "pk": p.pk},
        "records:download": {**oid, "kind": "agreement", "pk": file_row.pk},
        "partnerships:activity_log": {**oid, "pk": p.pk},
        "partnerships:review": {**oid, "pk": dormant.pk},
        "partnerships:activity_edit": {**oid, "pk": activity.pk},
        "partnerships:activity_delete": {**oid, "pk": activity.pk},
        "partnerships:outcome_edit": {**oid, "pk": outcome.pk},
        "partnerships:outcome_delete": {**oid, "pk": outcome.pk},
        "partnerships:agreement_edit": {**oid, "pk": agreement.pk},
        "partnerships:agreement_file_delete": {**oid, "pk": file_row.pk},
        "partnerships:commitment_edit": {**oid, "pk": commitment.pk},
        "network:city": {"code": tehran.code},
        "network:country": {"code": germany.code},
        "discover:index": oid,
        "discover:recommendations": oid,
        "discover:network": oid,
        "discover:peers": oid,
        "discover:notes": oid,
        "discover:note_history": {**oid, "pk": note.pk},
    }
    query = {
        "partnerships:city_search": "q=Ber",
        "places:search": "q=Ber",
        "places:search_results": "q=Ber",
        "partnerships:list": "q=Ber&status=active",
    }
    variants: list[tuple[str, dict[str, Any], str | dict[str, str]]] = [
        # The revived pact: letters in both languages, a summary in English only.
        ("partnerships:detail", {**oid, "pk": dormant.pk}, ""),
        ("partnerships:edit", {**oid, "pk": dormant.pk}, ""),
        ("partnerships:list", oid, "label=dormant&sort=score&paper_only=1"),
        ("partnerships:list", oid, "archived=1"),
        ("partnerships:not_ours", oid, ""),
        ("network:city", {"code": lyon.code}, ""),  # no Persian name
        ("network:city", {"code": berlin.code}, ""),
        ("network:country", {"code": iran.code}, ""),
        ("places:search", {}, ""),
        ("places:search", {}, f"q={d('Atlantis')}"),  # no result
        ("places:review", {}, "suggested=on&country=FR"),
        ("dashboard:date_converter", oid, {"fa": "date=1403-01-01", "en": "date=2024-03-20"}),
        ("dashboard:date_converter", oid, "date=not-a-date"),  # the error message
    ]
    for values in data.values():
        values.sort(key=len, reverse=True)  # "Lyon Metropole" before "Lyon"
    return World(
        client=client,
        anonymous=Client(),
        viewer=viewer,
        kwargs=kwargs,
        query=query,
        data=data,
        variants=variants,
    )


# ---------------------------------------------------------------- the routes


# Routes that only accept POST (GET answers 405): forms on other pages post to them.
POST_ONLY = {
    "accounts:logout",
    "accounts:department_add",
    "partnerships:create_proposed",
    "partnerships:link_adopt",
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
}
FRAGMENTS = {"partnerships:city_search", "places:search_results"}  # htmx answers, no <html>
FILES = {"records:download"}
ANONYMOUS = {"accounts:login"}  # a logged-in user is sent on; read it logged out
REDIRECTS = {"discover:index"}  # sends on to a page of its own (followed)


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
            known = {**world.kwargs["partnerships:detail"], "twinning_id": 1, "code": "gn:2950159"}
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
FORM_DATA = {"accounts:login": {"username": "director_tehran", "password": "not-the-password"}}
FORMS = (
    "accounts:login",
    "accounts:password_change",
    "accounts:members",
    "accounts:member_edit",
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
