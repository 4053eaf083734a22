"""The crawler's world: an office with something in every section of every page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone, translation

from peyvand.accounts import services as account_services
from peyvand.accounts.tests.factories import make_department, make_member, make_office, make_user
from peyvand.network.discover import services as network_services
from peyvand.partnerships import services
from peyvand.partnerships.tests.factories import area
from peyvand.places import services as place_services
from peyvand.places.tests.factories import make_city, make_country, make_twinning

TODAY = timezone.localdate()
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


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
    settings.STORAGES = file_storage(settings.STORAGES, tmp_path)
    return build_world()


def file_storage(storages: dict[str, Any], folder: Any) -> dict[str, Any]:
    """The uploads of the world in a folder of the test's own."""
    return {
        **storages,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(folder)},
        },
    }


def build_world() -> World:
    """The world (also built once per module by the permission matrix,
    peyvand/api/tests/test_permission_matrix.py)."""
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
    hamburg_link = make_twinning(tehran, hamburg)

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
        )
        p = services.partnership_publish(record=p, actor=officer, published=True)
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

    modules = _modules_world(office, director, p, d)
    _invitation, invitation_token = account_services.invitation_create(
        office=office, invited_by=director_user, invitee=d("newcomer"), role="viewer"
    )

    client = Client()
    client.force_login(director_user)
    oid = {"office_slug": office.slug}
    exchange = _exchange_world(office, director, p, d)
    kwargs: dict[str, dict[str, Any]] = {
        "accounts:members": oid,
        "accounts:member_edit": {**oid, "pk": officer.pk},
        "accounts:member_remove": {**oid, "pk": officer.pk},
        "accounts:account": {},
        "accounts:login_code": {},
        "accounts:two_factor_setup": {},
        "accounts:two_factor_disable": {},
        "accounts:invitation": {"token": invitation_token},
        "audit:log": oid,
        "audit:export": oid,
        "dashboard:home": oid,
        "dashboard:date_converter": oid,
        "partnerships:list": oid,
        "partnerships:activity_list": oid,
        "partnerships:commitment_list": oid,
        "partnerships:outcome_list": oid,
        "partnerships:create": oid,
        "partnerships:city_search": oid,
        "partnerships:settings": oid,
        "partnerships:not_ours": oid,
        "partnerships:link_adopt": {**oid, "twinning_id": hamburg_link.pk},
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
        "discover:peer_search": oid,
        "discover:notes": oid,
        "discover:note_history": {**oid, "pk": note.pk},
        **{name: {**oid, **kw} for name, kw in modules.items()},
        **{name: {**oid, **kw} for name, kw in exchange.items()},
        "accounts:tokens": {},
        "accounts:token_revoke": {"pk": _token_of(director, d)},
    }
    query = {
        "partnerships:city_search": "q=Ber",
        "organizations:city_search": "q=Ber",
        "contacts:city_search": "q=Ber",
        "discover:peer_search": "q=Ber",
        "places:search": "q=Ber",
        "places:search_results": "q=Ber",
        "partnerships:list": "q=Ber&status=active",
        # The one search: Arabic letters typed, the mission's Persian title found.
        "search:results": "q=%D9%88%D9%8A%D9%86",
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
        ("knowledge:list", oid, "stage=proposed&sort=title"),  # none: the empty state
        # The dashboard's links: a year's range in ISO dates, in both languages.
        ("partnerships:activity_list", oid, "start=2000-01-01&end=2100-12-31&kind=event"),
        ("partnerships:commitment_list", oid, "state=overdue&start=2000-01-01"),
        ("partnerships:outcome_list", oid, "kind=grant"),  # none: the empty state
        ("missions:list", oid, "status=completed&start=2000-01-01&end=2100-12-31"),
        ("knowledge:list", oid, "start=2000-01-01&end=2100-12-31"),
        ("organizations:memberships", oid, "fee=due&start=2000-01-01&end=2100-12-31"),
        ("opportunities:application_list", oid, "granted=1&start=2000-01-01"),
        ("search:results", oid, f"q={d('Vienna')}&type=mission"),
        ("search:results", oid, f"q={d('zzqx')}"),  # nothing found
        ("search:results", oid, ""),  # nothing asked
        ("audit:log", oid, "actor=nobody"),  # none: the empty state
        ("audit:log", oid, {"fa": "since=1403/01/01", "en": "since=2024-03-20"}),
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


def _token_of(director: Any, d: Any) -> int:
    """An access token of the director's, for the tokens pages."""
    from peyvand.accounts import services as accounts

    token, _secret = accounts.token_create(
        user=director.user, office=director.office, name=d("sync"), scope="read", expires_on=None
    )
    return token.pk


def _exchange_world(office: Any, director: Any, p: Any, d: Any) -> dict[str, dict[str, Any]]:
    """An upload of pacts waiting for its confirmation (an unknown city, a bad date: its
    errors), and the kwargs of the exchange routes. (The ambiguous cities' picker is
    read in exchange/tests/test_pages.py: more cities here would change the world the
    discover pages are measured on.)"""
    from peyvand.exchange.tests.factories import csv_bytes
    from peyvand.exchange.views import store_upload

    data = csv_bytes(
        [[d("شهر طرف"), d("تاریخ امضا")], [d("اسپرینگفیلد"), "1402/01/01"], ["Atlantis", "x"]]
    )
    token = store_upload(office.pk, director.pk, "partnerships", data, "pacts.csv")
    return {
        "exchange:hub": {},
        "exchange:upload": {"kind": "partnerships"},
        "exchange:preview": {"kind": "partnerships", "token": token},
        "exchange:errors_csv": {"kind": "partnerships", "token": token},
        "exchange:export": {"kind": "partnerships"},
    }


def _modules_world(office: Any, director: Any, p: Any, d: Any) -> dict[str, dict[str, Any]]:
    """Organisations, memberships, contacts, events and a reported mission with a document:
    the kwargs of their routes (the office's slug apart)."""
    from peyvand.missions import services as missions
    from peyvand.organizations import services as organizations
    from peyvand.organizations.models import Organization

    uclg = Organization.objects.get(acronym="UCLG")
    # Acronyms and currency codes are written in Latin letters in Persian text too.
    for code in ("UCLG", "UNIDO", "EUR", "USD", "IRR"):
        d(code)
    membership = organizations.membership_create(
        office=office,
        actor=director,
        organization=uclg,
        since=dt.date(2004, 5, 5),
        annual_fee=Decimal(12000),
        fee_currency="EUR",
        fee_due_on=TODAY + dt.timedelta(days=20),
        notes=d("عضو شورای جهانی"),
    )
    role = organizations.role_create(
        membership=membership, actor=director, kind="board", title=d("عضو شورای جهانی")
    )
    obligation = organizations.obligation_create(
        membership=membership,
        actor=director,
        kind="report",
        title=d("گزارش سالانه"),
        due_on=TODAY - dt.timedelta(days=3),
    )
    contact = missions.contact_create(
        office=office,
        actor=director,
        name_fa=d("مریم احمدی"),
        name_en=d("Maryam Ahmadi"),
        kind="city_ambassador",
        email="m.ahmadi@example.org",
        languages=["fa", "en"],
        tags=[d("culture")],
        partnerships=[p],
    )
    other = missions.contact_create(
        office=office, actor=director, name_en=d("Anna Berger"), kind="organization_staff"
    )
    event = missions.event_create(
        office=office,
        actor=director,
        title_fa=d("نشست پل شهرها"),
        title_en=d("Bridge for Cities"),
        kind="forum",
        organizer_organization=Organization.objects.get(acronym="UNIDO"),
        starts_on=TODAY - dt.timedelta(days=12),
        ends_on=TODAY - dt.timedelta(days=10),
    )
    mission = missions.mission_create(
        office=office,
        actor=director,
        title_fa=d("سفر مطالعاتی وین"),
        title_en=d("Vienna study visit"),
        start_date=TODAY - dt.timedelta(days=12),
        end_date=TODAY - dt.timedelta(days=9),
        event=event,
        partnerships=[p],
        objectives=[d("آشنایی با مترو وین")],
        participants=[missions.ParticipantIn(contact=contact, role=d("راهنما"))],
    )
    for action in ("submit", "approve", "complete"):
        missions.mission_transition(mission=mission, actor=director, action=action)
    document = missions.document_add(
        mission=mission,
        actor=director,
        kind="agenda",
        upload=SimpleUploadedFile("agenda.pdf", b"%PDF-1.4\n%%EOF\n"),
    )
    objective = mission.objectives.get()
    missions.report_file(
        mission=mission,
        actor=director,
        report=missions.ReportIn(
            summary=d("سفر خوبی بود"),
            outcomes={objective.pk: ("met", d("انجام شد"))},
            lessons=d("زودتر هماهنگ کنیم"),
            practices=[(d("بلیت یکپارچه"), "")],
            follow_ups=[
                missions.FollowUpIn(p, d("ارسال گزارش مترو"), TODAY + dt.timedelta(days=30))
            ],
        ),
    )
    practices = _knowledge_world(office, director, p, mission, contact, d)
    draft = missions.mission_create(
        office=office,
        actor=director,
        title_en=d("Berlin visit"),
        start_date=TODAY + dt.timedelta(days=40),
        end_date=TODAY + dt.timedelta(days=42),
    )
    opportunities = _opportunities_world(office, director, p, contact, d)
    reports = _reports_world(office, director)
    portal = _portal_world(office, director, p, mission, event, d)
    return {
        **opportunities,
        **reports,
        **portal,
        "organizations:list": {},
        "organizations:create": {},
        "organizations:city_search": {},
        "organizations:detail": {"pk": uclg.pk},
        "organizations:edit": {"pk": uclg.pk},
        "organizations:memberships": {},
        "organizations:membership_create": {},
        "organizations:membership_detail": {"pk": membership.pk},
        "organizations:membership_edit": {"pk": membership.pk},
        "organizations:role_add": {"pk": membership.pk},
        "organizations:role_edit": {"pk": role.pk},
        "organizations:role_delete": {"pk": role.pk},
        "organizations:obligation_add": {"pk": membership.pk},
        "organizations:obligation_edit": {"pk": obligation.pk},
        "organizations:obligation_delete": {"pk": obligation.pk},
        "contacts:list": {},
        "contacts:create": {},
        "contacts:city_search": {},
        "contacts:detail": {"pk": contact.pk},
        "contacts:edit": {"pk": contact.pk},
        "contacts:merge": {"pk": other.pk},
        "events:list": {},
        "events:create": {},
        "events:detail": {"pk": event.pk},
        "events:edit": {"pk": event.pk},
        "events:delete": {"pk": event.pk},
        "missions:list": {},
        "missions:board": {},
        "missions:create": {},
        "missions:detail": {"pk": mission.pk},
        "missions:edit": {"pk": draft.pk},
        "missions:report": {"pk": mission.pk},
        "missions:document_delete": {"pk": document.pk},
        "agenda:month": {},
        "agenda:agenda": {},
        "agenda:feed_regenerate": {},
        "search:results": {},
        **practices,
    }


def _portal_world(
    office: Any, director: Any, p: Any, mission: Any, event: Any, d: Any
) -> dict[str, dict[str, Any]]:
    """The public portal: the pact (published), its activities and outcomes, the adopted
    practice, the pitch, an upcoming event and the mission published; an approved comment
    with a rating, one waiting, a message about the pitch."""
    # Published without history entries: the pact page's history window (the latest 30)
    # stays what the query bounds measure (publishing is recorded: portal's own tests).
    from peyvand.accounts.versions import bump_office
    from peyvand.knowledge.models import Practice
    from peyvand.knowledge.services import practice_publish
    from peyvand.missions import services as missions
    from peyvand.opportunities.models import Pitch
    from peyvand.opportunities.services import pitch_publish
    from peyvand.partnerships.models import Activity, Outcome
    from peyvand.portal.models import Feedback, InboxMessage

    Activity.objects.filter(partnerships=p).update(published=True)
    Outcome.objects.filter(activity__partnerships=p).update(published=True)
    bump_office(office.pk)
    adopted = Practice.objects.for_office(office).get(stage="adopted")
    practice_publish(record=adopted, actor=director, published=True)
    pitch = Pitch.objects.for_office(office).order_by("pk")[0]
    pitch_publish(record=pitch, actor=director, published=True)
    upcoming = missions.event_create(
        office=office,
        actor=director,
        title_fa=d("همایش شهرهای هوشمند"),
        title_en=d("Smart City Expo"),
        kind="forum",
        starts_on=TODAY + dt.timedelta(days=30),
        ends_on=TODAY + dt.timedelta(days=32),
    )
    missions.event_publish(record=upcoming, actor=director, published=True)
    missions.mission_update(
        mission=mission,
        actor=director,
        changes={"public_summary_fa": d("بازدید از مترو وین"), "published": True},
    )
    approved = Feedback.objects.create(
        office=office, partnership=p, comment=d("همکاری خوبی است"), rating=5, status="approved"
    )
    waiting = Feedback.objects.create(
        office=office, practice=adopted, comment=d("کی در منطقه‌ی ما؟"), email="a@example.org"
    )
    InboxMessage.objects.create(
        office=office,
        pitch=pitch,
        name=d("Anna Berger"),
        email="anna@example.org",
        body=d("We would like the feasibility study."),
    )
    del approved
    return {
        "portal:home": {},
        "portal:partnership": {"pk": p.pk},
        "portal:practices": {},
        "portal:practice": {"pk": adopted.pk},
        "portal:pitches": {},
        "portal:pitch": {"pk": pitch.pk},
        "portal:events": {},
        "portal:data": {},
        "portal:download": {"name": "partnerships", "fmt": "csv"},
        "portal:feed": {},
        "portal_office:queue": {},
        "portal_office:feedback": {"pk": waiting.pk},
        "portal_office:inbox": {},
    }


def _knowledge_world(
    office: Any, director: Any, p: Any, mission: Any, contact: Any, d: Any
) -> dict[str, dict[str, Any]]:
    """A practice with everything on its page (links, a document, stays in three stages,
    a rejection's reason) made of the Vienna report's observation; an adopted one."""
    from peyvand.knowledge import services as knowledge
    from peyvand.missions.models import PracticeObserved

    seen = PracticeObserved.objects.get(report__mission=mission)
    practice = knowledge.practice_create(
        office=office,
        actor=director,
        title_fa=d("بلیت یکپارچه"),
        title_en=d("Integrated ticket"),
        summary_fa=d("بلیت ارزان برای همه‌ی شیوه‌های حمل‌ونقل"),
        body_en=d("One cheap ticket for every mode of public transport."),
        source_city=p.partner_city,
        areas=[area("transport")],
        sdgs=[11, 13],
        source_link="https://www.wienerlinien.at/",
        evidence=d("بیش از یک میلیون بلیت سالانه"),
        cost_band="medium",
        transferability="adapt",
        tags=[d("بلیت")],
        notes=d("با شرکت مترو هماهنگ شود"),
        partnerships=[p],
        missions=[mission],
        contacts=[contact],
        observation=seen,
        today=TODAY - dt.timedelta(days=20),
    )
    knowledge.practice_move(
        practice=practice, actor=director, stage="studied", today=TODAY - dt.timedelta(days=9)
    )
    knowledge.practice_move(
        practice=practice,
        actor=director,
        stage="rejected",
        reason=d("بودجه‌ی امسال کافی نیست"),
        today=TODAY - dt.timedelta(days=5),
    )
    knowledge.practice_move(practice=practice, actor=director, stage="studied", today=TODAY)
    document = knowledge.document_add(
        practice=practice,
        actor=director,
        kind="study",
        upload=SimpleUploadedFile("study.pdf", b"%PDF-1.4\n%%EOF\n"),
    )
    adopted = knowledge.practice_create(
        office=office, actor=director, title_fa=d("پیاده‌راه"), partnerships=[p]
    )
    for stage in ("piloting", "adopted"):
        adopted = knowledge.practice_move(practice=adopted, actor=director, stage=stage)
    # Its adoption's activity and outcome, written in the practice's language (Persian).
    activity = adopted.adoption_activity
    assert activity is not None
    d(activity.title)
    d(activity.outcomes.get().note)
    binned = knowledge.practice_create(
        office=office,
        actor=director,
        title_fa=d("پیاده‌راه موقت"),
        title_en=d("Pop-up pedestrian street"),
        summary_fa=d("خیابانی که آخر هفته‌ها پیاده‌راه می‌شود."),
        summary_en=d("A street closed to cars at weekends."),
    )
    knowledge.practice_delete(practice=binned, actor=director)
    return {
        "knowledge:list": {},
        "knowledge:board": {},
        "knowledge:create": {},
        "knowledge:detail": {"pk": practice.pk},
        "knowledge:edit": {"pk": practice.pk},
        "knowledge:delete": {"pk": practice.pk},
        "knowledge:document_delete": {"pk": document.pk},
        # The bin: a practice deleted into it, and a contact's confirmation page.
        "bin:list": {},
        "bin:delete": {"kind": "contact", "pk": contact.pk},
        "bin:purge": {"kind": "practice", "pk": binned.pk},
    }


def _opportunities_world(
    office: Any, director: Any, p: Any, contact: Any, d: Any
) -> dict[str, dict[str, Any]]:
    """A pitch in talks with a development bank (a follow-up done, one to come, a document),
    offered to a partner city and a contact; a funding call and an application to it."""
    from peyvand.opportunities import services as opportunities
    from peyvand.organizations.models import Organization

    adb = Organization.objects.get(acronym="ADB")
    d("ADB")
    pitch = opportunities.pitch_create(
        office=office,
        actor=director,
        title_fa=d("قطار سبک منطقهٔ ۲۲"),
        title_en=d("Light rail for district 22"),
        description_fa=d("خط قطار سبک که محله‌ها را به مترو می‌رساند"),
        description_en=d("A light-rail line linking the neighbourhoods to the metro"),
        area=area("transport"),
        location=d("بزرگراه همت"),
        district=22,
        budget=Decimal(450_000_000),
        financing_sought=Decimal(300_000_000),
        currency="EUR",
        instrument="loan",
        stage="feasibility",
    )
    opportunities.pitch_set_status(pitch=pitch, actor=director, status="in_talks")
    bank = opportunities.party_add(
        pitch=pitch, actor=director, organization=adb, note=d("به وام علاقه دارد")
    )
    done = opportunities.follow_up_add(
        party=bank, actor=director, date=TODAY - dt.timedelta(days=5), note=d("ارسال خلاصهٔ طرح")
    )
    opportunities.follow_up_done(follow_up=done, actor=director)
    opportunities.follow_up_add(
        party=bank, actor=director, date=TODAY + dt.timedelta(days=9), note=d("جلسهٔ برخط")
    )
    opportunities.party_add(pitch=pitch, actor=director, city=p.partner_city)
    person = opportunities.party_add(pitch=pitch, actor=director, contact=contact)
    document = opportunities.document_add(
        pitch=pitch,
        actor=director,
        kind="feasibility",
        upload=SimpleUploadedFile("study.pdf", b"%PDF-1.4\n%%EOF\n"),
    )
    call = opportunities.call_create(
        office=office,
        actor=director,
        funder=Organization.objects.get(acronym="WB"),
        title_fa=d("صندوق تاب‌آوری شهری"),
        title_en=d("Urban resilience facility"),
        deadline=TODAY + dt.timedelta(days=14),
        amount_min=Decimal(5_000_000),
        amount_max=Decimal(50_000_000),
        currency="USD",
        areas=[area("transport"), area("environment")],
        link="https://www.worldbank.org",
        notes=d("با تأیید وزارت اقتصاد"),
    )
    application = opportunities.application_create(
        office=office,
        actor=director,
        call=call,
        pitch=pitch,
        partner_cities=[p.partner_city],
        partner_organizations=[adb],
        amount_requested=Decimal(20_000_000),
        notes=d("پیش‌نویس آماده است"),
    )
    opportunities.application_transition(application=application, actor=director, action="submit")
    prefix = "opportunities:"
    return {
        f"{prefix}pitch_list": {},
        f"{prefix}pitch_create": {},
        f"{prefix}pitch_detail": {"pk": pitch.pk},
        f"{prefix}pitch_edit": {"pk": pitch.pk},
        f"{prefix}pitch_delete": {"pk": pitch.pk},
        f"{prefix}document_delete": {"pk": document.pk},
        f"{prefix}party_add": {"pk": pitch.pk},
        f"{prefix}party_edit": {"pk": bank.pk},
        f"{prefix}party_delete": {"pk": person.pk},
        f"{prefix}call_list": {},
        f"{prefix}call_create": {},
        f"{prefix}call_detail": {"pk": call.pk},
        f"{prefix}call_edit": {"pk": call.pk},
        f"{prefix}call_delete": {"pk": call.pk},
        f"{prefix}application_list": {},
        f"{prefix}application_create": {},
        f"{prefix}application_detail": {"pk": application.pk},
        f"{prefix}application_edit": {"pk": application.pk},
    }


def _reports_world(office: Any, director: Any) -> dict[str, dict[str, Any]]:
    """Annual reports in each state (their building is not run here): the report page of
    a finished one (its downloads), the progress of a queued one."""
    from peyvand.reports import services as reports
    from peyvand.reports.models import AnnualReport

    done = reports.report_request(
        office=office, actor=director, year=1404, calendar="jalali", language="fa"
    )
    AnnualReport.objects.filter(pk=done.pk).update(status="done", stage="done", progress=100)
    failed = reports.report_request(
        office=office, actor=director, year=2025, calendar="gregorian", language="en"
    )
    AnnualReport.objects.filter(pk=failed.pk).update(
        status="failed", stage="failed", failure="RuntimeError: out of paper 42"
    )
    queued = reports.report_request(
        office=office, actor=director, year=1403, calendar="jalali", language="en"
    )
    return {
        "reports:list": {},
        "reports:create": {},
        "reports:detail": {"pk": done.pk},
        "reports:progress": {"pk": queued.pk},
    }
