"""The mission pages in fa and en: list, board, detail, forms, the workflow's buttons, the
report form, documents; refused input shows why and writes nothing; another office: 404."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from peyvand.missions.models import Mission, MissionDocument
from peyvand.partnerships.models import Commitment
from peyvand.partnerships.tests.factories import make_partnership
from peyvand.partnerships.tests.support import PDF
from peyvand.records.tests.locking import version as version_of

from .factories import TODAY, make_mission, move

pytestmark = pytest.mark.django_db


def url(name: str, office: Any, lang: str = "en", **kw: Any) -> str:
    with translation.override(lang):
        return reverse(f"missions:{name}", kwargs={"office_slug": office.slug, **kw})


def form_data(**kw: Any) -> dict[str, Any]:
    data = {
        "direction": "outgoing",
        "title_fa": "سفر وین",
        "title_en": "Vienna trip",
        "start_date": (TODAY - dt.timedelta(days=6)).isoformat(),
        "end_date": (TODAY - dt.timedelta(days=3)).isoformat(),
        "objectives": "See the metro\nMeet UNIDO",
        "people-TOTAL_FORMS": "3",
        "people-INITIAL_FORMS": "0",
    }
    data.update(kw)
    return data


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_list_board_and_detail_render(office: Any, member_client: Any, lang: str) -> None:
    m = make_mission(office, title_en="Vienna trip", title_fa="سفر وین")
    move(make_mission(office, title_en="Sent"), "submit")
    client = member_client(office, "viewer")
    page = client.get(url("list", office, lang))
    assert page.status_code == 200
    assert f'data-mission-row="{m.pk}"' in page.text
    board = client.get(url("board", office, lang))
    assert 'data-column="submitted"' in board.text and "Sent" in board.text
    detail = client.get(url("detail", office, lang, pk=m.pk))
    assert detail.status_code == 200
    assert ("سفر وین" if lang == "fa" else "Vienna trip") in detail.text
    assert "data-objectives" in detail.text
    assert "data-actions" not in detail.text  # a viewer is offered no action


def test_the_list_filters_sorts_and_says_when_empty(office: Any, member_client: Any) -> None:
    move(make_mission(office, title_en="Alpha"), "submit")
    make_mission(office, title_en="Beta", direction="incoming")
    client = member_client(office, "viewer")
    page = client.get(url("list", office) + "?status=submitted")
    assert "Alpha" in page.text and "Beta" not in page.text
    page = client.get(url("list", office) + "?direction=incoming")
    assert "Beta" in page.text and "Alpha" not in page.text
    page = client.get(url("list", office) + "?q=zzz&year=abc&event=x&partnership=-1")
    assert page.status_code == 200 and "data-empty" in page.text
    page = client.get(url("list", office) + "?sort=title")
    assert page.text.index("Alpha") < page.text.index("Beta")


def test_an_officer_creates_a_draft_with_objectives_and_people(
    office: Any, member_client: Any
) -> None:
    pact = make_partnership(office)
    client = member_client(office, "officer")
    assert client.get(url("create", office, "fa")).status_code == 200
    answer = client.post(
        url("create", office),
        form_data(
            partnerships=[pact.pk],
            **{"people-0-member": client.membership.user.pk, "people-0-role": "Head"},
        ),
    )
    assert answer.status_code == 302
    m = Mission.objects.get()
    assert m.status == "draft" and list(m.partnerships.all()) == [pact]
    assert [o.text for o in m.objectives.all()] == ["See the metro", "Meet UNIDO"]
    person = m.participants.get()
    assert person.user == client.membership.user and person.role == "Head"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"end_date": (TODAY - dt.timedelta(days=30)).isoformat()}, "cannot end before"),
        ({"title_fa": "", "title_en": ""}, "Give the mission a title"),
        ({"budget_planned": "۱۲۰۰"}, "currency"),
    ],
)
def test_refused_input_is_shown_and_nothing_written(
    office: Any, member_client: Any, data: dict[str, Any], message: str
) -> None:
    client = member_client(office, "officer")
    answer = client.post(url("create", office), form_data(**data))
    assert answer.status_code == 200
    assert message in answer.text
    assert not Mission.objects.exists()


def test_persian_digits_are_read_in_the_budget(office: Any, member_client: Any) -> None:
    client = member_client(office, "officer")
    client.post(url("create", office), form_data(budget_planned="۱۲۰۰", budget_currency="eur"))
    m = Mission.objects.get()
    assert (m.budget_planned, m.budget_currency) == (Decimal(1200), "EUR")


def test_the_workflow_from_the_page(office: Any, member_client: Any) -> None:
    m = make_mission(office)
    officer, director = member_client(office, "officer"), member_client(office, "director")
    go = url("transition", office, pk=m.pk)
    officer.post(go, {"action": "submit", "version": version_of(m)})
    assert Mission.objects.get(pk=m.pk).status == "submitted"
    # An officer is not offered the approval and is refused it.
    assert 'data-action="approve"' not in officer.get(url("detail", office, pk=m.pk)).text
    assert officer.post(go, {"action": "approve", "version": version_of(m)}).status_code == 403
    assert 'data-action="approve"' in director.get(url("detail", office, pk=m.pk)).text
    # A rejection without a reason is refused with a message; nothing changes.
    page = director.post(
        go, {"action": "reject", "reason": "", "version": version_of(m)}, follow=True
    )
    assert "Say why" in page.text
    assert Mission.objects.get(pk=m.pk).status == "submitted"
    director.post(go, {"action": "approve", "version": version_of(m)})
    # Approving twice: a translated refusal, no change.
    page = director.post(go, {"action": "approve", "version": version_of(m)}, follow=True)
    assert "Only a submitted mission can be approved" in page.text
    assert (
        member_client(office, "viewer")
        .post(go, {"action": "cancel", "version": version_of(m)})
        .status_code
        == 403
    )


def test_editing_a_stale_mission_shows_what_changed(office: Any, member_client: Any) -> None:
    m = make_mission(office)
    client = member_client(office, "officer")
    loaded = m.version
    from peyvand.accounts.actors import SYSTEM
    from peyvand.missions import services

    services.mission_update(mission=m, actor=SYSTEM, changes={"title_en": "Graz trip"})
    answer = client.post(url("edit", office, pk=m.pk), form_data(version=loaded))
    assert answer.status_code == 409
    assert "data-stale" in answer.text and "Graz trip" in answer.text
    assert Mission.objects.get(pk=m.pk).title_en == "Graz trip"


def test_the_report_form_files_the_report_and_the_follow_up(
    office: Any, member_client: Any
) -> None:
    pact = make_partnership(office)
    m = move(make_mission(office, partnerships=[pact]), "submit", "approve", "complete")
    first, second = m.objectives.all()
    client = member_client(office, "officer")
    page = client.get(url("report", office, "fa", pk=m.pk))
    assert page.status_code == 200 and f'data-objective-outcome="{first.pk}"' in page.text
    data = {
        "summary": "Good trip",
        f"objective_{first.pk}": "met",
        f"objective_{second.pk}": "not_met",
        "lessons": "Plan early",
        "people_exchanged": "۴",
        "practices-TOTAL_FORMS": "2",
        "practices-INITIAL_FORMS": "0",
        "practices-0-title": "Night buses",
        "follow-TOTAL_FORMS": "2",
        "follow-INITIAL_FORMS": "0",
        "follow-0-partnership": pact.pk,
        "follow-0-title": "Send the study",
        "follow-0-due_on": (TODAY + dt.timedelta(days=30)).isoformat(),
    }
    refused = client.post(url("report", office, pk=m.pk), {**data, f"objective_{second.pk}": ""})
    assert refused.status_code == 200 and "partly met or not met" in refused.text
    assert not Commitment.objects.exists()
    done = client.post(url("report", office, pk=m.pk), data)
    assert done.status_code == 302
    m.refresh_from_db()
    assert m.status == "reported" and m.report.people_exchanged == 4
    assert Commitment.objects.get().title == "Send the study"
    detail = client.get(url("detail", office, pk=m.pk))
    assert "data-follow-ups" in detail.text and "Night buses" in detail.text


def test_a_report_before_completion_is_refused(office: Any, member_client: Any) -> None:
    m = make_mission(office)
    answer = member_client(office, "officer").get(url("report", office, pk=m.pk))
    assert answer.status_code == 302


def test_documents_upload_and_removal_asks_first(
    office: Any, member_client: Any, media: Any
) -> None:
    m = make_mission(office)
    client = member_client(office, "officer")
    client.post(
        url("document_add", office, pk=m.pk),
        {"kind": "agenda", "file": SimpleUploadedFile("agenda.pdf", PDF)},
    )
    doc = MissionDocument.objects.get()
    bad = client.post(
        url("document_add", office, pk=m.pk),
        {"kind": "agenda", "file": SimpleUploadedFile("x.pdf", b"not a pdf")},
    )
    assert bad.status_code == 422 and MissionDocument.objects.count() == 1
    ask = client.get(url("document_delete", office, pk=doc.pk))
    assert "data-confirm-delete" in ask.text and MissionDocument.objects.exists()
    client.post(url("document_delete", office, pk=doc.pk))
    assert not MissionDocument.objects.exists()


def test_another_office_gets_404(
    office: Any, other_office: Any, member_client: Any, media: Any
) -> None:
    from peyvand.accounts.actors import SYSTEM
    from peyvand.missions import services

    theirs = make_mission(other_office)
    doc = services.document_add(
        mission=theirs, actor=SYSTEM, kind="agenda", upload=SimpleUploadedFile("a.pdf", PDF)
    )
    client = member_client(office, "director")
    for name in ("detail", "edit", "report"):
        assert client.get(url(name, office, pk=theirs.pk)).status_code == 404
    assert (
        client.post(url("transition", office, pk=theirs.pk), {"action": "submit"}).status_code
        == 404
    )
    assert client.get(url("document_delete", office, pk=doc.pk)).status_code == 404
    assert client.get(url("list", other_office)).status_code == 404
    assert Mission.objects.get(pk=theirs.pk).status == "draft"


def test_the_pact_page_shows_its_missions(office: Any, member_client: Any) -> None:
    pact = make_partnership(office)
    m = make_mission(office, partnerships=[pact], title_en="Vienna trip")
    with translation.override("en"):
        page = member_client(office, "viewer").get(
            reverse("partnerships:detail", kwargs={"office_slug": office.slug, "pk": pact.pk})
        )
    assert f'data-pact-mission="{m.pk}"' in page.text
