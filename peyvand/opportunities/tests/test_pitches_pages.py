"""The pitch pages in fa and en: list (filters, sort, pages, empty), detail (parties with
follow-ups, documents, history), create, edit (stale), delete (confirmed), the parties
and follow-ups; refused input shows why and writes nothing; another office's: 404."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from peyvand.accounts.actors import SYSTEM
from peyvand.opportunities import services
from peyvand.opportunities.models import InterestedParty, PartyFollowUp, Pitch, PitchDocument
from peyvand.partnerships.tests.factories import make_partnership
from peyvand.partnerships.tests.support import PDF

from .factories import TODAY, bank, make_application, make_pitch

pytestmark = pytest.mark.django_db


def url(name: str, office: Any, lang: str = "en", **kw: Any) -> str:
    with translation.override(lang):
        return reverse(f"opportunities:{name}", kwargs={"office_slug": office.slug, **kw})


def form_data(**kw: Any) -> dict[str, Any]:
    data = {
        "title_fa": "قطار سبک منطقهٔ ۲۲",
        "title_en": "Light rail for district 22",
        "instrument": "loan",
        "stage": "feasibility",
        "status": "draft",
        "area": "",
        "district": "۲۲",
        "budget": "۴۵۰٬۰۰۰٬۰۰۰",
        "financing_sought": "300000000",
        "currency": "eur",
    }
    data.update(kw)
    return data


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_list_and_detail_render_with_parties_follow_ups_and_history(
    office: Any, member_client: Any, lang: str
) -> None:
    p = make_pitch(office, district=22)
    party = services.party_add(pitch=p, actor=SYSTEM, organization=bank("ADB"), note="Keen")
    services.follow_up_add(party=party, actor=SYSTEM, date=TODAY, note="Send the study")
    client = member_client(office, "viewer")
    page = client.get(url("pitch_list", office, lang))
    assert page.status_code == 200 and f'data-pitch-row="{p.pk}"' in page.text
    assert ("خط ۱۰ مترو" if lang == "fa" else "Line 10 of the metro") in page.text
    detail = client.get(url("pitch_detail", office, lang, pk=p.pk))
    assert detail.status_code == 200
    assert f'data-party="{party.pk}"' in detail.text and "Send the study" in detail.text
    assert ("۳۰۰٬۰۰۰٬۰۰۰" if lang == "fa" else "300,000,000") in detail.text
    assert "data-history" in detail.text
    assert "data-add-party" not in detail.text and "data-pitch-status" not in detail.text


def test_the_list_filters_sorts_pages_and_says_when_empty(office: Any, member_client: Any) -> None:
    client = member_client(office, "viewer")
    empty = client.get(url("pitch_list", office))
    assert "data-empty" in empty.text and "No pitches yet" in empty.text
    make_pitch(office, title_en="Alpha", instrument="grant", status="offered")
    make_pitch(office, title_en="Beta", instrument="ppp", financing_sought=None, budget=None)
    page = client.get(url("pitch_list", office) + "?instrument=grant")
    assert "Alpha" in page.text and "Beta" not in page.text
    page = client.get(url("pitch_list", office) + "?status=offered&area=transport")
    assert "data-empty" in page.text and "No pitch matches" in page.text
    page = client.get(url("pitch_list", office) + "?sort=title&status=x&instrument=gift&area=<b>")
    assert page.status_code == 200 and page.text.index("Alpha") < page.text.index("Beta")
    for n in range(26):
        make_pitch(office, title_en=f"Gamma {n}")
    first = client.get(url("pitch_list", office))
    assert 'class="pagination"' in first.text
    assert client.get(url("pitch_list", office) + "?page=2").status_code == 200


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_an_officer_creates_a_pitch_in_persian_or_latin_digits(
    office: Any, member_client: Any, lang: str
) -> None:
    client = member_client(office, "officer")
    assert client.get(url("pitch_create", office, lang)).status_code == 200
    answer = client.post(url("pitch_create", office, lang), form_data())
    assert answer.status_code == 302, answer.content.decode()[:2000]
    p = Pitch.objects.get()
    assert (p.budget, p.financing_sought, p.district, p.currency) == (
        Decimal(450_000_000),
        Decimal(300_000_000),
        22,
        "EUR",
    )
    assert answer["Location"].endswith(f"/pitches/{p.pk}/")


def test_a_refused_pitch_shows_the_services_errors_on_the_form(
    office: Any, member_client: Any
) -> None:
    client = member_client(office, "officer")
    answer = client.post(
        url("pitch_create", office),
        form_data(title_fa="", title_en="", budget="10", financing_sought="20", currency="$"),
    )
    assert answer.status_code == 200
    text = answer.text
    assert "Give the pitch a title" in text and "cannot exceed the total budget" in text
    assert "three-letter code" in text
    assert not Pitch.objects.exists()


def test_editing_a_stale_pitch_shows_what_changed(office: Any, member_client: Any) -> None:
    p = make_pitch(office)
    services.pitch_update(pitch=p, actor=SYSTEM, changes={"title_en": "Metro line 10, east"})
    client = member_client(office, "officer")
    assert client.get(url("pitch_edit", office, pk=p.pk)).status_code == 200
    answer = client.post(url("pitch_edit", office, pk=p.pk), form_data(version="1"))
    assert answer.status_code == 409
    assert "data-stale" in answer.text and "Metro line 10, east" in answer.text
    assert Pitch.objects.get().title_en == "Metro line 10, east"
    again = client.post(url("pitch_edit", office, pk=p.pk), form_data(version="2"))
    assert again.status_code == 302 and Pitch.objects.get().title_en.startswith("Light rail")


def test_the_status_changes_from_the_detail_page(office: Any, member_client: Any) -> None:
    p = make_pitch(office)
    client = member_client(office, "officer")
    client.post(url("pitch_status", office, pk=p.pk), {"status": "in_talks", "version": "1"})
    assert Pitch.objects.get().status == "in_talks"
    stale = client.post(url("pitch_status", office, pk=p.pk), {"status": "closed", "version": "1"})
    assert stale.status_code == 302 and Pitch.objects.get().status == "in_talks"
    assert client.get(url("pitch_status", office, pk=p.pk)).status_code == 405


def test_delete_asks_first_and_refuses_a_pitch_with_an_application(
    office: Any, member_client: Any
) -> None:
    p = make_pitch(office)
    kept = make_pitch(office, title_en="Kept")
    make_application(office, pitch=kept)
    client = member_client(office, "officer")
    ask = client.get(url("pitch_delete", office, pk=p.pk))
    assert ask.status_code == 200 and "data-confirm-page" in ask.text
    assert Pitch.objects.count() == 2
    refused = client.post(url("pitch_delete", office, pk=kept.pk), {"version": "1"}, follow=True)
    assert "cannot be deleted" in refused.text and Pitch.objects.count() == 2
    stale = client.post(url("pitch_delete", office, pk=p.pk), {"version": "7"})
    assert stale.status_code == 409 and Pitch.objects.count() == 2
    done = client.post(url("pitch_delete", office, pk=p.pk), {"version": "1"})
    assert done.status_code == 302 and list(Pitch.objects.all()) == [kept]


def test_parties_are_added_edited_removed_and_followed_up(office: Any, member_client: Any) -> None:
    p = make_pitch(office)
    pact = make_partnership(office)
    client = member_client(office, "officer")
    form = client.get(url("party_add", office, pk=p.pk))
    assert form.status_code == 200 and f'value="{pact.partner_city.pk}"' in form.text
    both = client.post(
        url("party_add", office, pk=p.pk),
        {"organization": str(bank().pk), "city": str(pact.partner_city.pk)},
    )
    assert both.status_code == 200 and "data-party-errors" in both.text
    assert not InterestedParty.objects.exists()
    added = client.post(url("party_add", office, pk=p.pk), {"organization": str(bank().pk)})
    assert added.status_code == 302
    party = InterestedParty.objects.get()
    edit = client.post(
        url("party_edit", office, pk=party.pk),
        {"organization": str(bank().pk), "note": "Keen", "version": "1"},
    )
    assert edit.status_code == 302 and InterestedParty.objects.get().note == "Keen"
    stale = client.post(
        url("party_edit", office, pk=party.pk),
        {"organization": str(bank().pk), "note": "Late", "version": "1"},
    )
    assert stale.status_code == 409 and "data-stale" in stale.text
    client.post(url("follow_up_add", office, pk=party.pk), {"date": TODAY.isoformat(), "note": ""})
    assert not PartyFollowUp.objects.exists()
    client.post(
        url("follow_up_add", office, pk=party.pk), {"date": TODAY.isoformat(), "note": "Call"}
    )
    row = PartyFollowUp.objects.get()
    client.post(url("follow_up_done", office, pk=row.pk))
    assert PartyFollowUp.objects.get().done
    detail = client.get(url("pitch_detail", office, pk=p.pk))
    assert f'data-follow-up="{row.pk}" data-done' in detail.text
    ask = client.get(url("party_delete", office, pk=party.pk))
    assert ask.status_code == 200 and InterestedParty.objects.exists()
    client.post(url("party_delete", office, pk=party.pk), {"version": "2"})
    assert not InterestedParty.objects.exists()


def test_documents_are_added_and_removed_after_asking(
    office: Any, member_client: Any, media: Any
) -> None:
    p = make_pitch(office)
    client = member_client(office, "officer")
    bad = client.post(
        url("document_add", office, pk=p.pk),
        {"kind": "feasibility", "file": SimpleUploadedFile("x.pdf", b"<script>")},
    )
    assert bad.status_code == 422 and not PitchDocument.objects.exists()
    client.post(
        url("document_add", office, pk=p.pk),
        {"kind": "feasibility", "file": SimpleUploadedFile("study.pdf", PDF)},
    )
    doc = PitchDocument.objects.get()
    detail = client.get(url("pitch_detail", office, pk=p.pk))
    download = f"/files/pitch/{doc.pk}/"
    assert download in detail.text
    fetched = client.get(f"/en/o/{office.slug}{download}")
    assert fetched.status_code == 200 and fetched["Content-Type"] == "application/pdf"
    assert client.get(url("document_delete", office, pk=doc.pk)).status_code == 200
    assert PitchDocument.objects.exists()
    client.post(url("document_delete", office, pk=doc.pk))
    assert not PitchDocument.objects.exists()


def test_roles_and_isolation(
    office: Any, other_office: Any, member_client: Any, media: Any
) -> None:
    p = make_pitch(office)
    party = services.party_add(pitch=p, actor=SYSTEM, organization=bank())
    row = services.follow_up_add(party=party, actor=SYSTEM, date=TODAY, note="Call")
    doc = services.document_add(
        pitch=p, actor=SYSTEM, kind="other", upload=SimpleUploadedFile("a.pdf", PDF)
    )
    viewer = member_client(office, "viewer")
    for name in ("pitch_create",):
        assert viewer.get(url(name, office)).status_code == 403
    for name in ("pitch_edit", "pitch_delete", "party_add"):
        assert viewer.get(url(name, office, pk=p.pk)).status_code == 403
    assert viewer.post(url("follow_up_done", office, pk=row.pk)).status_code == 403
    stranger = member_client(other_office, "director")
    for name, pk in (
        ("pitch_detail", p.pk),
        ("pitch_edit", p.pk),
        ("pitch_delete", p.pk),
        ("party_add", p.pk),
        ("party_edit", party.pk),
        ("party_delete", party.pk),
        ("document_delete", doc.pk),
    ):
        assert stranger.get(url(name, other_office, pk=pk)).status_code == 404, name
    for name, pk in (
        ("follow_up_done", row.pk),
        ("follow_up_add", party.pk),
        ("pitch_status", p.pk),
    ):
        assert (
            stranger.post(url(name, other_office, pk=pk), {"status": "closed"}).status_code == 404
        )
    assert not PartyFollowUp.objects.get().done and Pitch.objects.get().status == "draft"
    assert viewer.get(f"/en/o/{other_office.slug}/opportunities/pitches/").status_code == 404
