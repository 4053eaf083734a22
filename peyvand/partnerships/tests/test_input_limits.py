"""Values beyond what a record holds are refused with 4xx by pages and API alike, and
nothing is written: one rule per field, in the services."""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from peyvand.accounts.actors import SYSTEM
from peyvand.core.api import MAX_OFFSET
from peyvand.partnerships import services
from peyvand.partnerships.models import (
    Activity,
    Agreement,
    Commitment,
    Outcome,
    Partnership,
)
from peyvand.places.tests.factories import make_city
from peyvand.records.tests.locking import current
from peyvand.records.tests.locking import version as version_of

from .factories import make_partnership, with_home_city
from .support import PDF

TODAY = dt.date(2025, 6, 1)


def api(office: Any) -> str:
    return f"/api/v1/offices/{office.slug}"


def page(name: str, office: Any, **kw: Any) -> str:
    with translation.override("en"):
        namespace = "records" if name == "download" else "partnerships"
        return reverse(f"{namespace}:{name}", kwargs={"office_slug": office.slug, **kw})


def send(client: Any, method: str, path: str, data: Any, **headers: Any) -> Any:
    body = data if isinstance(data, str) else json.dumps(data)
    return getattr(client, method)(
        path, data=body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en", **headers
    )


def counts() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (Partnership, Activity, Outcome, Commitment, Agreement))


def assert_refused(response: Any, field: str) -> None:
    assert response.status_code == 422, response.content
    body = response.json()
    assert isinstance(body["detail"], str) and body["detail"]
    assert field in body["errors"], body


def assert_pages_still_answer(client: Any, office: Any, pact: Partnership) -> None:
    assert client.get(page("detail", office, pk=pact.pk)).status_code == 200
    assert client.get(page("list", office)).status_code == 200
    assert client.get(api(office) + "/activities").status_code == 200
    for activity in Activity.objects.filter(office=office):
        assert client.get(page("activity_edit", office, pk=activity.pk)).status_code == 200
    out = io.StringIO()
    call_command("dumpdata", "partnerships", stdout=out)
    json.loads(out.getvalue())


@pytest.fixture
def setup(office: Any, member_client: Any) -> tuple[Any, Any, Partnership]:
    with_home_city(office)
    pact = make_partnership(office, signed_on=dt.date(2020, 1, 1))
    return office, member_client(office, "director"), pact


def activity_body(pact: Partnership, **kw: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "date": "2025-01-10",
        "kind": "event",
        "title": "Forum",
        "partnerships": [pact.pk],
    }
    body.update(kw)
    return body


# --- outcomes: the value beyond 14 digits was committed, then every page answered 500 ---


@pytest.mark.parametrize("value", [1e20, 12345678901234, "1e30", "Infinity"])
def test_an_outcome_value_beyond_its_digits_is_refused_before_any_write(
    setup: Any, value: Any
) -> None:
    office, client, pact = setup
    before = counts()
    body = activity_body(pact, outcomes=[{"kind": "investment", "value": value}])
    response = send(client, "post", api(office) + "/activities", body)
    assert_refused(response, "outcomes.0.value")
    assert counts() == before
    assert_pages_still_answer(client, office, pact)


def test_an_outcome_value_beyond_its_digits_is_a_form_error_on_the_page(setup: Any) -> None:
    office, client, pact = setup
    before = counts()
    response = client.post(
        page("activity_log", office, pk=pact.pk),
        {
            "title": "Forum",
            "date": "2025-01-10",
            "kind": "event",
            "initiated_by": "us",
            "partnerships": [pact.pk],
            "outcome_kind": "investment",
            "outcome_value": "123456789012345",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert counts() == before
    assert_pages_still_answer(client, office, pact)


def test_outcome_add_refuses_too_many_digits_and_long_texts(setup: Any) -> None:
    office, _client, pact = setup
    activity = services.activity_log(
        office=office, actor=SYSTEM, partnerships=[pact], date=TODAY, kind="event", title="x"
    )
    cases: list[tuple[dict[str, Any], str]] = [
        ({"value": 10**20}, "value"),
        ({"unit": "u" * 5000}, "unit"),
        ({"note": "n" * 5000}, "note"),
        ({"note": "a\x00b"}, "note"),
    ]
    for kwargs, field in cases:
        with pytest.raises(ValidationError) as exc:
            services.outcome_add(activity=activity, actor=SYSTEM, kind="grant", **kwargs)
        assert field in exc.value.message_dict
    assert not activity.outcomes.exists()


@pytest.mark.parametrize(
    ("outcome", "field"),
    [
        ({"kind": "grant", "unit": "u" * 5000}, "outcomes.0.unit"),
        ({"kind": "grant", "note": "n" * 5000}, "outcomes.0.note"),
        ({"kind": "nonsense"}, "outcomes.0.kind"),
    ],
)
def test_outcome_texts_beyond_the_model_limits_are_refused(
    setup: Any, outcome: dict[str, Any], field: str
) -> None:
    office, client, pact = setup
    before = counts()
    response = send(
        client, "post", api(office) + "/activities", activity_body(pact, outcomes=[outcome])
    )
    assert_refused(response, field)
    assert counts() == before


# --- integers beyond the database's range ---


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"participants": 1e20}, "participants"),
        ({"participants": 2**63}, "participants"),
        ({"participants": 2**31}, "participants"),
        ({"partnerships": [1e30]}, "partnerships.0"),
        ({"partnerships": [2**63]}, "partnerships.0"),
        ({"title": "t" * 301}, "title"),
        ({"kind": None}, "kind"),
    ],
)
def test_activity_numbers_beyond_the_database_are_refused(
    setup: Any, changes: dict[str, Any], field: str
) -> None:
    office, client, pact = setup
    before = counts()
    response = send(client, "post", api(office) + "/activities", activity_body(pact, **changes))
    assert_refused(response, field)
    assert counts() == before
    assert_pages_still_answer(client, office, pact)


@pytest.mark.parametrize(
    "path",
    ["/partnerships", "/activities", "/activities?partnership=99999999999999999999"],
)
@pytest.mark.parametrize("offset", [2**63, MAX_OFFSET + 1, -1])
def test_offsets_beyond_the_cap_answer_422(setup: Any, path: str, offset: int) -> None:
    office, client, _pact = setup
    joiner = "&" if "?" in path else "?"
    response = client.get(api(office) + path + f"{joiner}offset={offset}")
    assert response.status_code == 422
    assert "errors" in response.json()


def test_the_world_cities_offset_is_capped_too(client: Any, db: Any) -> None:
    response = client.get(f"/api/v1/cities?offset={2**63}")
    assert response.status_code == 422
    assert "offset" in response.json()["errors"]


@pytest.mark.parametrize("pk", [2**63, 10**30])
def test_ids_beyond_the_database_in_the_path_answer_422(setup: Any, pk: int) -> None:
    office, client, _pact = setup
    for path in (f"/partnerships/{pk}", f"/activities/{pk}", f"/commitments/{pk}"):
        response = client.get(api(office) + path)
        assert response.status_code == 422
        assert "pk" in response.json()["errors"]


def test_a_department_id_beyond_the_database_is_refused(setup: Any) -> None:
    office, client, pact = setup
    before = counts()
    response = send(
        client,
        "post",
        api(office) + f"/partnerships/{pact.pk}/commitments",
        {"title": "x", "due_on": "2026-01-01", "department": 2**64},
    )
    assert_refused(response, "department")
    assert counts() == before


def test_malformed_json_answers_400_and_writes_nothing(setup: Any) -> None:
    office, client, _pact = setup
    before = counts()
    response = send(client, "post", api(office) + "/activities", "{not json")
    assert response.status_code == 400
    assert response.json()["detail"]
    assert counts() == before


def test_pydantic_errors_answer_in_the_projects_shape(setup: Any) -> None:
    office, client, _pact = setup
    response = send(client, "post", api(office) + "/activities", {"kind": "event"})
    assert response.status_code == 422
    body = response.json()
    assert isinstance(body["detail"], str)
    assert {"date", "title", "partnerships"} <= set(body["errors"])
    assert body["errors"]["date"] == ["This field is required."]


# --- required choices, unknown choices ---


@pytest.mark.parametrize(
    ("patch", "field"),
    [
        ({"status": None}, "status"),
        ({"kind": None}, "kind"),
        ({"end_reason": None}, "end_reason"),
        ({"published": None}, "published"),
        ({"status": "bogus"}, "status"),
        ({"kind": "bogus"}, "kind"),
        ({"signed_on": "0001-01-01"}, "signed_on"),
        ({"valid_until": "2999-01-01"}, "valid_until"),
        ({"summary_en": "a\u0000b"}, "summary_en"),
    ],
)
def test_a_partnership_patch_with_a_bad_value_answers_422(
    setup: Any, patch: dict[str, Any], field: str
) -> None:
    office, client, pact = setup
    version = Partnership.objects.get(pk=pact.pk).version
    response = send(
        client, "patch", api(office) + f"/partnerships/{pact.pk}", patch, **current(pact)
    )
    assert_refused(response, field)
    fresh = Partnership.objects.get(pk=pact.pk)
    assert fresh.version == version
    assert fresh.kind == "sister" and fresh.status == "active"
    assert_pages_still_answer(client, office, pact)


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"kind": "bogus"}, "kind"),
        ({"status": "bogus"}, "status"),
        ({"signed_on": "2999-12-31"}, "signed_on"),
    ],
)
def test_a_partnership_create_with_a_bad_value_answers_422(
    setup: Any, extra: dict[str, Any], field: str
) -> None:
    office, client, _pact = setup
    before = counts()
    city = make_city("Graz", country="AT")
    response = send(
        client, "post", api(office) + "/partnerships", {"partner_city": city.code, **extra}
    )
    assert_refused(response, field)
    assert counts() == before


def test_services_refuse_unknown_choices(setup: Any) -> None:
    office, _client, _pact = setup
    city = make_city("Linz", country="AT")
    with pytest.raises(ValidationError) as exc:
        services.partnership_create(office=office, actor=SYSTEM, partner_city=city, kind="x")
    assert "kind" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.approval_add(partnership=_pact, actor=SYSTEM, body="nobody")
    assert "body" in exc.value.message_dict
    assert not _pact.approvals.exists()


# --- links, texts, NUL, dates ---


@pytest.mark.parametrize(
    "link",
    ["javascript:alert(3)", "not a url", "ftp://example.org/x", "https://e.org/" + "a" * 10000],
)
def test_an_evidence_link_must_be_a_web_link_within_the_limit(setup: Any, link: str) -> None:
    office, client, pact = setup
    c = services.commitment_create(partnership=pact, actor=SYSTEM, title="x", due_on=TODAY)
    response = send(
        client, "patch", api(office) + f"/commitments/{c.pk}", {"evidence_link": link}, **current(c)
    )
    assert_refused(response, "evidence_link")
    c.refresh_from_db()
    assert c.evidence_link == "" and c.version == 1
    # The page refuses it too, with a form error.
    response = client.post(
        page("commitment_edit", office, pk=c.pk),
        {
            "title": "x",
            "due_on": "2025-06-01",
            "status": "planned",
            "evidence_link": link,
            "version": version_of(c),
        },
    )
    assert response.status_code == 200
    assert "evidence_link" in response.context["form"].errors
    c.refresh_from_db()
    assert c.evidence_link == ""
    assert client.get(page("detail", office, pk=pact.pk)).status_code == 200


def test_an_https_evidence_link_is_kept(setup: Any) -> None:
    office, client, pact = setup
    c = services.commitment_create(partnership=pact, actor=SYSTEM, title="x", due_on=TODAY)
    response = send(
        client,
        "patch",
        api(office) + f"/commitments/{c.pk}",
        {"evidence_link": "https://e.org/r"},
        **current(c),
    )
    assert response.status_code == 200
    assert response.json()["evidence_link"] == "https://e.org/r"


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/activities", "activity", "title"),
        ("/activities", "activity-description", "description"),
        ("/partnerships", "pact", "summary_fa"),
    ],
)
def test_nul_characters_are_refused_by_the_api(
    setup: Any, path: str, body: str, field: str
) -> None:
    office, client, pact = setup
    before = counts()
    if body == "activity":
        data = activity_body(pact, title="Fo\x00rum")
    elif body == "activity-description":
        data = activity_body(pact, description="a\x00")
    else:
        data = {"partner_city": make_city("Basel", country="CH").code, "summary_fa": "\x00"}
    response = send(client, "post", api(office) + path, data)
    assert_refused(response, field)
    assert counts() == before


def test_nul_characters_are_refused_by_the_pages(setup: Any) -> None:
    office, client, pact = setup
    before = counts()
    response = client.post(
        page("commitment_add", office, pk=pact.pk), {"title": "a\x00b", "due_on": "2025-06-01"}
    )
    assert response.status_code == 400
    assert client.get(page("list", office) + "?q=a%00b").status_code == 400
    assert counts() == before
    assert client.get(page("detail", office, pk=pact.pk)).status_code == 200


def test_services_refuse_nul_where_no_form_stands_before_them(setup: Any) -> None:
    _office, _client, pact = setup
    with pytest.raises(ValidationError) as exc:
        services.commitment_create(partnership=pact, actor=SYSTEM, title="a\x00", due_on=TODAY)
    assert "title" in exc.value.message_dict
    assert not Commitment.objects.exists()


@pytest.mark.parametrize("day", ["0001-01-01", "2999-01-01", "1899-12-31", "2101-01-01"])
def test_dates_outside_the_sane_range_are_refused(setup: Any, day: str) -> None:
    office, client, pact = setup
    before = counts()
    response = send(client, "post", api(office) + "/activities", activity_body(pact, date=day))
    assert_refused(response, "date")
    response = send(
        client,
        "post",
        api(office) + f"/partnerships/{pact.pk}/commitments",
        {"title": "x", "due_on": day},
    )
    assert_refused(response, "due_on")
    assert counts() == before
    assert_pages_still_answer(client, office, pact)


def test_every_date_the_services_take_is_in_range(setup: Any) -> None:
    _office, _client, pact = setup
    far = dt.date(2999, 1, 1)
    with pytest.raises(ValidationError) as exc:
        services.agreement_create(partnership=pact, actor=SYSTEM, title="A", signed_on=far)
    assert "signed_on" in exc.value.message_dict
    c = services.commitment_create(partnership=pact, actor=SYSTEM, title="x", due_on=TODAY)
    with pytest.raises(ValidationError) as exc:
        services.commitment_update(commitment=c, actor=SYSTEM, status="done", done_on=far)
    assert "done_on" in exc.value.message_dict
    approval = services.approval_add(partnership=pact, actor=SYSTEM, body="city_council")
    with pytest.raises(ValidationError) as exc:
        services.approval_decide(
            approval=approval, actor=SYSTEM, status="granted", decided_on=dt.date(1, 1, 1)
        )
    assert "decided_on" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.dormancy_review_revive(
            partnership=pact,
            actor=SYSTEM,
            deadline=far,
            commitments=[{"title": "y"}],
            letter_fa="",
            letter_en="Dear partner",
            today=TODAY,
        )
    assert "deadline" in exc.value.message_dict
    assert not Agreement.objects.exists()
    assert not pact.reviews.exists()
    assert Commitment.objects.get(pk=c.pk).status == "planned"


# --- page filters and hidden fields ---


def test_a_huge_responsible_filter_is_ignored_and_the_registry_answers(setup: Any) -> None:
    office, client, _pact = setup
    for value in ("999999999999999999999", "9223372036854775808", "abc", "-1"):
        response = client.get(page("list", office) + f"?responsible={value}")
        assert response.status_code == 200


@pytest.mark.parametrize("city", ["abc", "999999999999999999999", "", "1.5"])
def test_a_bad_city_on_the_not_ours_form_answers_404(setup: Any, city: str) -> None:
    office, client, _pact = setup
    response = client.post(page("not_ours", office), {"city": city})
    assert response.status_code == 404


# --- uploads: the type comes from the content ---


@pytest.mark.parametrize("name", ["x.html", "x.svg", "y" * 300 + ".pdf", "z" * 300 + ".html"])
def test_a_pdf_is_served_as_a_pdf_whatever_its_name(setup: Any, media: Any, name: str) -> None:
    office, client, pact = setup
    agreement = services.agreement_create(
        partnership=pact, actor=SYSTEM, title="A", files=[SimpleUploadedFile(name, PDF)]
    )
    row = agreement.files.get()
    assert row.original_name.endswith(".pdf")
    assert len(row.original_name) <= 200
    response = client.get(page("download", office, kind="agreement", pk=row.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment")
    assert ".pdf" in disposition
    assert ".html" not in disposition and ".svg" not in disposition
