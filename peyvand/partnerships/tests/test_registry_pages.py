"""The registry pages, as a user meets them: refused inline forms keep what was typed and
show the error; a second pact with a partner links to the first; a pact's stage before
its health; the registry table first; no action shown to a role that would be refused."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from peyvand.accounts.actors import SYSTEM
from peyvand.partnerships import services
from peyvand.partnerships.models import Activity, Commitment, Outcome, Partnership
from peyvand.places.tests.factories import make_city, make_twinning

from .dom import Element, parse
from .factories import make_partnership, with_home_city
from .support import SIGNED, TODAY, url


def soup(response: Any) -> Element:
    return parse(response.content.decode())


def test_a_commitment_with_a_bad_date_reopens_with_the_text_and_the_error(
    office: Any, member_client: Any
) -> None:
    p = make_partnership(office, signed_on=SIGNED)
    client = member_client(office, "officer")
    response = client.post(
        url("commitment_add", office, pk=p.pk),
        {"title": "Joint air-quality workshop", "due_on": "1400-13-45"},
    )
    assert response.status_code == 200
    page = soup(response)
    box = page.one("[data-add-commitment]")
    assert box is not None and box.has_attr("open")
    assert box.one("[name=title]")["value"] == "Joint air-quality workshop"
    assert box.one("[name=due_on]")["value"] == "1400-13-45"
    assert box.select_one(".errorlist") is not None
    assert not Commitment.objects.exists()


def test_a_commitment_refused_by_the_service_keeps_the_text(
    office: Any, member_client: Any
) -> None:
    p = make_partnership(office, signed_on=SIGNED)
    client = member_client(office, "officer")
    response = client.post(
        url("commitment_add", office, pk=p.pk),
        {"title": "A workshop", "due_on": "1850-01-01"},
    )
    box = soup(response).one("[data-add-commitment]")
    assert box.has_attr("open")
    assert box.one("[name=title]")["value"] == "A workshop"
    assert "1900" in box.one(".errorlist").get_text()


def test_the_short_activity_form_reopens_with_the_error_beside_its_field(
    office: Any, member_client: Any
) -> None:
    p = make_partnership(office, signed_on=SIGNED)
    client = member_client(office, "officer")
    far = (TODAY + dt.timedelta(days=800)).isoformat()
    response = client.post(
        url("activity_log", office, pk=p.pk),
        {
            "inline": "1",
            "partnerships": [p.pk],
            "title": "Visit of the mayor",
            "kind": "visit_in",
            "initiated_by": "partner",
            "date": far,
        },
    )
    box = soup(response).one("[data-log-activity]")
    assert box.has_attr("open")
    assert box.one("[name=title]")["value"] == "Visit of the mayor"
    assert box.one("[name=kind] option[selected]")["value"] == "visit_in"
    date = box.one("[name=date]")
    assert date["value"] == far
    assert "year ahead" in date.next_with_class("errorlist").get_text()
    assert not Activity.objects.exists()


def test_an_outcome_value_without_a_kind_is_refused_not_dropped(
    office: Any, member_client: Any
) -> None:
    p = make_partnership(office, signed_on=SIGNED)
    client = member_client(office, "officer")
    response = client.post(
        url("activity_log", office, pk=p.pk),
        {
            "partnerships": [p.pk],
            "title": "Trade fair",
            "kind": "event",
            "initiated_by": "us",
            "date": TODAY.isoformat(),
            "outcome_value": "12",
            "outcome_unit": "contracts",
        },
    )
    assert response.status_code == 200
    assert "Choose the kind of outcome" in response.content.decode()
    assert not Activity.objects.exists() and not Outcome.objects.exists()


def test_a_refused_outcome_reopens_under_its_activity(office: Any, member_client: Any) -> None:
    p = make_partnership(office, signed_on=SIGNED)
    activity = services.activity_log(
        office=office, actor=SYSTEM, partnerships=[p], date=TODAY, kind="event", title="Fair"
    )
    client = member_client(office, "officer")
    response = client.post(
        url("outcome_add", office, pk=activity.pk),
        {"partnership": p.pk, "kind": "investment", "value": "-3", "unit": "million EUR"},
    )
    box = soup(response).one(f"[data-activity='{activity.pk}'] [data-record-outcome]")
    assert box.has_attr("open")
    assert box.one("[name=unit]")["value"] == "million EUR"
    assert box.one("[name=value]")["value"] == "-3"
    assert box.select_one(".errorlist") is not None
    assert not Outcome.objects.exists()


def test_ending_without_a_reason_reopens_the_status_form(office: Any, member_client: Any) -> None:
    p = make_partnership(office, signed_on=SIGNED)
    client = member_client(office, "officer")
    response = client.post(
        url("status", office, pk=p.pk), {"status": "ended", "reason": "", "version": p.version}
    )
    box = soup(response).one("[data-status-change]")
    assert box.has_attr("open")
    assert box.one("[name=status] option[selected]")["value"] == "ended"
    assert "reason" in box.one(".errorlist").get_text()
    assert Partnership.objects.get(pk=p.pk).status == "active"


def test_a_refused_commitment_update_keeps_the_typed_reason(
    office: Any, member_client: Any
) -> None:
    p = make_partnership(office, signed_on=SIGNED)
    c = services.commitment_create(partnership=p, actor=SYSTEM, title="Workshop", due_on=TODAY)
    client = member_client(office, "officer")
    response = client.post(
        url("commitment_status", office, pk=c.pk),
        {
            "status": "done",
            "done_on": "1850-01-01",
            "drop_reason": "",
            "version": c.version,
            "evidence_note": "Minutes of the meeting",
        },
    )
    row = soup(response).one(f"[data-commitment='{c.pk}']")
    assert row.select_one("[data-row-error]") is not None
    assert row.one("[name=evidence_note]")["value"] == "Minutes of the meeting"
    assert row.one("[name=status] option[selected]")["value"] == "done"
    assert Commitment.objects.get(pk=c.pk).status == "planned"


def test_a_second_pact_with_a_partner_links_to_the_first(office: Any, member_client: Any) -> None:
    warsaw = make_city("Warsaw", country="PL")
    first = make_partnership(office, partner_city=warsaw)
    client = member_client(office, "officer")
    response = client.post(
        url("create", office),
        {"partner": warsaw.code, "kind": "sister", "status": "proposed", "summary_en": "again"},
    )
    assert response.status_code == 200
    link = soup(response).one("[data-existing-pact] a")
    assert link["href"] == url("detail", office, pk=first.pk)
    assert Partnership.objects.filter(partner_city=warsaw).count() == 1


def test_a_long_summary_is_refused_beside_its_field(office: Any, member_client: Any) -> None:
    city = make_city("Warsaw", country="PL")
    client = member_client(office, "officer")
    response = client.post(
        url("create", office),
        {"partner": city.code, "kind": "sister", "status": "proposed", "summary_en": "x" * 40_000},
    )
    field = soup(response).one("[name=summary_en]")
    assert "at most" in field.next_with_class("errorlist").get_text()
    assert not Partnership.objects.exists()


def test_a_proposed_pact_shows_its_stage_not_dormant(office: Any, member_client: Any) -> None:
    p = make_partnership(office, status="proposed")
    assert (p.health_label, p.health_score, p.paper_only) == ("", None, False)
    client = member_client(office, "director")
    page = soup(client.get(url("detail", office, pk=p.pk)))
    stage = page.one("#health-badge [data-stage]")
    assert stage["data-stage"] == "proposed"
    assert "open the negotiation" in stage.get_text()
    assert page.select_one("[data-health-label]") is None
    assert page.select_one("[data-review]") is None
    assert page.select_one("[data-stage-card]") is not None
    review = client.get(url("review", office, pk=p.pk))
    assert review.status_code == 302
    listing = soup(client.get(url("list", office)))
    kpis = [k.get_text(" ", strip=True) for k in listing.select("[data-label-counts] .kpi")]
    assert all(k.startswith("0") for k in kpis)
    assert "not counted" in listing.one("[data-counts-explained]").get_text()


def test_the_registry_table_comes_before_the_public_links(office: Any, member_client: Any) -> None:
    with_home_city(office)
    make_partnership(office)
    make_twinning(office.home_city, make_city("Minsk", country="BY"))
    html = member_client(office, "viewer").get(url("list", office)).content.decode()
    assert html.index("data-partnership-table") < html.index("data-home-links")


def test_a_link_stated_by_one_source_is_doubtful_and_confirmed_before_adoption(
    office: Any, member_client: Any
) -> None:
    with_home_city(office)
    minsk = make_city("Minsk", country="BY")
    seoul = make_city("Seoul", country="KR")
    doubtful = make_twinning(office.home_city, minsk, year=1999)
    sure = make_twinning(office.home_city, seoul, sources="wikipedia_en;wikidata")
    client = member_client(office, "officer")
    listing = soup(client.get(url("list", office)))
    assert listing.select_one(f"[data-link='{minsk.code}'] [data-doubtful]") is not None
    assert listing.select_one(f"[data-link='{seoul.code}'] [data-doubtful]") is None
    adopt = url("link_adopt", office, twinning_id=doubtful.pk)
    assert soup(client.get(adopt)).select_one("[data-doubtful-warning]") is not None
    refused = client.post(adopt, {"status": "active", "signed_on": "1999-05-01"})
    assert "checked" in refused.content.decode()
    assert not Partnership.objects.exists()
    client.post(adopt, {"status": "active", "signed_on": "1999-05-01", "doubt_checked": "on"})
    assert Partnership.objects.get(partner_city=minsk).signed_on == dt.date(1999, 5, 1)
    no_date = client.post(url("link_adopt", office, twinning_id=sure.pk), {"status": "active"})
    assert "date the partnership was signed" in no_date.content.decode()
    client.post(url("link_adopt", office, twinning_id=sure.pk), {"status": "negotiating"})
    assert Partnership.objects.get(partner_city=seoul).status == "negotiating"


ACTIONS = {
    "list": [
        "data-new-partnership",
        "data-adopt-link",
        "data-not-ours-list",
        "Health score weights",
    ],
    "detail": [
        "data-log-activity",
        "/edit/",
        "data-review",
        "Add a commitment",
        "Require an approval",
        "Change status",
        "Record an outcome",
        "data-commitment-edit",
    ],
}


def _actions(html: str, names: list[str]) -> set[str]:
    return {name for name in names if re.search(re.escape(name), html)}


def test_viewers_and_liaisons_see_no_action_they_cannot_take(
    office: Any, member_client: Any
) -> None:
    with_home_city(office)
    make_twinning(office.home_city, make_city("Minsk", country="BY"))
    p = make_partnership(office, signed_on=SIGNED)
    services.commitment_create(partnership=p, actor=SYSTEM, title="Workshop", due_on=TODAY)
    services.activity_log(
        office=office, actor=SYSTEM, partnerships=[p], date=TODAY, kind="event", title="Fair"
    )
    p.refresh_from_db()
    assert p.health_label in ("active", "weakening", "dormant")
    seen = {}
    for role in ("viewer", "liaison", "officer", "director"):
        client = member_client(office, role)
        seen[role] = {
            page: _actions(client.get(url(page, office, **kw)).content.decode(), ACTIONS[page])
            for page, kw in (("list", {}), ("detail", {"pk": str(p.pk)}))
        }
    assert seen["viewer"] == {"list": set(), "detail": set()}
    assert seen["liaison"] == {"list": set(), "detail": {"data-log-activity"}}
    assert seen["officer"]["list"] == {
        "data-new-partnership",
        "data-adopt-link",
        "data-not-ours-list",
    }
    assert "data-review" not in seen["officer"]["detail"]
    assert "Change status" in seen["officer"]["detail"]


def test_the_health_kpi_is_not_worded_like_the_status_active(
    office: Any, member_client: Any
) -> None:
    """Today's defect: the KPI "Active" counted the health label while the table's status
    column, for the same pacts, also said "Active"."""
    make_partnership(office, signed_on=SIGNED)
    client = member_client(office, "viewer")
    for lang, status, healthy in (("en", "Active", "Highly active"), ("fa", "فعال", "پرفعالیت")):
        page = soup(client.get(url("list", office, lang)))
        labels = [a.get_text(strip=True) for a in page.select("[data-label-counts] .badge")]
        assert labels[0] == healthy and status not in labels
        cells = [row.select("td")[2].get_text(strip=True) for row in page.select("[data-pact]")]
        assert cells == [status]  # the status column keeps its word
        options = page.one("#f-label").get_text()
        assert healthy in options
