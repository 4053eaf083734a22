"""The practice pages in fa and en: list, board, detail, forms, moves from the page and
from the board (htmx, with the version; a stale one says so), documents, delete;
another office's practice answers 404; roles."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from peyvand.accounts.actors import SYSTEM
from peyvand.knowledge import services
from peyvand.knowledge.models import Practice, PracticeDocument
from peyvand.partnerships.tests.factories import area
from peyvand.partnerships.tests.support import PDF
from peyvand.places.tests.factories import make_city
from peyvand.records.tests.locking import version as version_of

from .factories import make_practice, walk

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}


def url(name: str, office: Any, lang: str = "en", **kw: Any) -> str:
    with translation.override(lang):
        return reverse(f"knowledge:{name}", kwargs={"office_slug": office.slug, **kw})


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_list_board_and_detail_render(office: Any, member_client: Any, lang: str) -> None:
    p = make_practice(office, title_fa="بلیت سالانه", title_en="Annual ticket")
    walk(make_practice(office, title_en="Bike lanes"), "studied")
    client = member_client(office, "viewer")
    page = client.get(url("list", office, lang))
    assert page.status_code == 200 and f'data-practice-row="{p.pk}"' in page.text
    board = client.get(url("board", office, lang))
    assert 'data-column="studied"' in board.text and "Bike lanes" in board.text
    assert "data-move-form" not in board.text  # a viewer is offered no move
    detail = client.get(url("detail", office, lang, pk=p.pk))
    assert detail.status_code == 200
    assert ("بلیت سالانه" if lang == "fa" else "Annual ticket") in detail.text
    assert "data-stage-times" in detail.text and "data-moves" not in detail.text


def test_the_list_filters_sorts_and_says_when_empty(office: Any, member_client: Any) -> None:
    vienna = make_city("Vienna", country="AT", code="gn:2761369")
    walk(
        make_practice(
            office, title_en="Alpha", areas=[area("waste")], source_city=vienna, tags=["Pilot"]
        ),
        "studied",
    )
    make_practice(office, title_en="Beta")
    client = member_client(office, "viewer")
    for query in ("stage=studied", "area=waste", "city=gn:2761369", "tag=pilot", "q=alp"):
        page = client.get(url("list", office) + "?" + query)
        assert "Alpha" in page.text and "Beta" not in page.text, query
    page = client.get(url("list", office) + "?sort=title")
    assert page.text.index("Alpha") < page.text.index("Beta")
    page = client.get(url("list", office) + "?stage=nope&sort=zz&tag=none")
    assert page.status_code == 200 and "data-empty" in page.text
    assert "data-empty" in client.get(url("list", office) + "?stage=adopted").text


def test_an_officer_creates_a_practice_with_the_city_type_ahead(
    office: Any, member_client: Any
) -> None:
    make_city("Vienna", country="AT", code="gn:2761369")
    client = member_client(office, "officer")
    assert client.get(url("create", office, "fa")).status_code == 200
    answer = client.post(
        url("create", office),
        {
            "title_fa": "پسماند",
            "source_city": "gn:2761369",
            "sdgs": ["11", "12"],
            "tags": "waste، Pilot",
            "areas": [area("waste").pk],
            "cost_band": "low",
        },
    )
    assert answer.status_code == 302
    p = Practice.objects.get()
    assert p.source_city is not None and p.source_city.code == "gn:2761369"
    assert p.sdg_goals == [11, 12]
    assert p.tags == ["waste", "pilot"] and p.created_by == client.membership.user
    # The type-ahead is the contacts' one, answering radio buttons for this field.
    found = client.get(
        reverse("contacts:city_search", kwargs={"office_slug": office.slug})
        + "?q=Vienna&field=source_city",
        headers=HX,
    )
    assert 'name="source_city" value="gn:2761369"' in found.text


def test_refused_input_is_shown_and_nothing_written(office: Any, member_client: Any) -> None:
    client = member_client(office, "officer")
    answer = client.post(url("create", office), {"title_en": ""})
    assert answer.status_code == 200 and "Give the practice a title" in answer.text
    answer = client.post(url("create", office), {"title_en": "A", "source_link": "javascript:x"})
    assert answer.status_code == 200 and "starting with http" in answer.text
    assert not Practice.objects.exists()


def test_editing_a_stale_practice_shows_what_changed(office: Any, member_client: Any) -> None:
    p = make_practice(office)
    loaded = p.version
    services.practice_update(practice=p, actor=SYSTEM, changes={"title_en": "Graz ticket"})
    client = member_client(office, "officer")
    answer = client.post(url("edit", office, pk=p.pk), {"title_en": "Mine", "version": loaded})
    assert answer.status_code == 409
    assert "data-stale" in answer.text and "Graz ticket" in answer.text
    assert Practice.objects.get(pk=p.pk).title_en == "Graz ticket"
    # Saved again from the stale page (it now carries the current version): it goes through.
    again = client.post(url("edit", office, pk=p.pk), {"title_en": "Mine", "version": loaded + 1})
    assert again.status_code == 302 and Practice.objects.get(pk=p.pk).title_en == "Mine"


def test_moves_from_the_page(office: Any, member_client: Any) -> None:
    p = make_practice(office)
    officer = member_client(office, "officer")
    detail = officer.get(url("detail", office, pk=p.pk)).text
    assert 'data-move-to="studied"' in detail and 'data-move-to="idea"' not in detail
    go = url("move", office, pk=p.pk)
    officer.post(go, {"stage": "studied", "version": p.version})
    assert Practice.objects.get(pk=p.pk).stage == "studied"
    page = officer.post(
        go, {"stage": "rejected", "reason": "", "version": version_of(p)}, follow=True
    )
    assert "Say why" in page.text and Practice.objects.get(pk=p.pk).stage == "studied"
    page = officer.post(go, {"stage": "adopted", "version": 1}, follow=True)
    assert "data-stale" not in page.text and "Someone else changed" in page.text
    assert Practice.objects.get(pk=p.pk).stage == "studied"
    for role in ("viewer", "liaison"):
        assert (
            member_client(office, role)
            .post(go, {"stage": "piloting", "version": version_of(p)})
            .status_code
            == 403
        )


def test_the_board_moves_a_card_with_htmx_and_redraws_the_counts(
    office: Any, member_client: Any
) -> None:
    p = walk(make_practice(office, title_en="Annual ticket"), "studied")
    officer = member_client(office, "officer")
    board = officer.get(url("board", office)).text
    assert f'data-move-form="{p.pk}"' in board
    answer = officer.post(
        url("move", office, pk=p.pk),
        {"stage": "piloting", "version": p.version, "from": "board"},
        headers=HX,
    )
    assert answer.status_code == 200 and "<html" not in answer.text
    assert 'id="practice-board"' in answer.text and "data-board-notice" in answer.text
    assert 'data-column-count="piloting">(1)' in answer.text
    assert 'data-column-count="studied">(0)' in answer.text
    assert Practice.objects.get(pk=p.pk).stage == "piloting"
    # The same card sent again with the version it had: stale, nothing moves.
    stale = officer.post(
        url("move", office, pk=p.pk),
        {"stage": "adopted", "version": p.version, "from": "board"},
        headers=HX,
    )
    assert "data-board-error" in stale.text and "Someone else changed this practice" in stale.text
    assert "data-stale-changes" in stale.text
    assert Practice.objects.get(pk=p.pk).stage == "piloting"
    # Without htmx the board is shown again with the message.
    plain = officer.post(
        url("move", office, pk=p.pk),
        {"stage": "idea", "version": p.version + 1, "from": "board"},
        follow=True,
    )
    assert plain.request["PATH_INFO"] == url("board", office) and "cannot go" in plain.text


def test_documents_are_added_and_removed_after_a_confirmation(
    office: Any, member_client: Any, media: Any
) -> None:
    p = make_practice(office)
    client = member_client(office, "officer")
    client.post(
        url("document_add", office, pk=p.pk),
        {"kind": "study", "file": SimpleUploadedFile("study.pdf", PDF)},
    )
    doc = PracticeDocument.objects.get()
    detail = client.get(url("detail", office, pk=p.pk)).text
    assert "study.pdf" in detail
    download = client.get(
        reverse(
            "records:download",
            kwargs={"office_slug": office.slug, "kind": "practice", "pk": doc.pk},
        )
    )
    assert download.status_code == 200
    refused = client.post(
        url("document_add", office, pk=p.pk),
        {"kind": "study", "file": SimpleUploadedFile("x.pdf", b"not a pdf")},
    )
    assert refused.status_code == 422 and PracticeDocument.objects.count() == 1
    ask = client.get(url("document_delete", office, pk=doc.pk))
    assert ask.status_code == 200 and "data-confirm-delete" in ask.text
    client.post(url("document_delete", office, pk=doc.pk))
    assert not PracticeDocument.objects.exists()


def test_a_practice_is_deleted_after_a_confirmation(office: Any, member_client: Any) -> None:
    p = make_practice(office)
    client = member_client(office, "officer")
    ask = client.get(url("delete", office, pk=p.pk))
    assert ask.status_code == 200 and "data-confirm-delete" in ask.text
    assert Practice.objects.exists()
    stale = client.post(url("delete", office, pk=p.pk), {"version": p.version + 3})
    assert stale.status_code == 409 and Practice.objects.exists()
    assert client.post(url("delete", office, pk=p.pk), {"version": p.version}).status_code == 302
    assert not Practice.objects.exists()


def test_another_offices_practice_answers_404(
    office: Any, other_office: Any, member_client: Any, media: Any
) -> None:
    theirs = make_practice(other_office)
    doc = services.document_add(
        practice=theirs, actor=SYSTEM, kind="study", upload=SimpleUploadedFile("a.pdf", PDF)
    )
    client = member_client(office, "director")
    for name in ("detail", "edit", "delete"):
        assert client.get(url(name, office, pk=theirs.pk)).status_code == 404, name
    assert client.post(url("move", office, pk=theirs.pk), {"stage": "studied"}).status_code == 404
    assert client.get(url("document_delete", office, pk=doc.pk)).status_code == 404
    assert (
        client.get(url("list", office) + f"?q={theirs.title_en}").text.count("data-practice-row")
        == 0
    )
    assert Practice.objects.get(pk=theirs.pk).stage == "idea"


def test_viewers_read_but_do_not_write(office: Any, member_client: Any) -> None:
    p = make_practice(office)
    viewer = member_client(office, "viewer")
    assert viewer.get(url("create", office)).status_code == 403
    assert viewer.get(url("edit", office, pk=p.pk)).status_code == 403
    assert viewer.get(url("delete", office, pk=p.pk)).status_code == 403
    assert "data-edit-practice" not in viewer.get(url("detail", office, pk=p.pk)).text
