"""The pact page and its inline forms.

Every small form of the page (log an activity, change the status, require or decide an
approval, add a file, add a commitment, update one, record an outcome) posts to its own
view. When the service refuses the input, that view renders the pact page again with its
form bound (`render_detail(request, p, inline=...)`): the form is open, keeps what the
user typed and shows each error beside its field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.http import HttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.utils import timezone
from django.utils.translation import gettext as _

from peyvand.accounts.access import OfficeRequest
from peyvand.accounts.models import Role
from peyvand.core.dates import format_date
from peyvand.core.pagination import paginate, querystring_without
from peyvand.places.models import City

from .. import selectors, services
from ..forms import (
    ActivityForm,
    ApprovalDecideForm,
    ApprovalForm,
    CommitmentForm,
    OutcomeForm,
    StatusForm,
)
from ..models import CommitmentStatus, Partnership
from ..panels import pact_panels
from ..presenters import components_rows, history_rows


@dataclass
class Inline:
    """The refused inline form to show again: `name` is its place on the page (a form of
    the page, or one of a row named by `row`), `form` the bound form, `error` what to
    say when the form cannot show it beside a field (a file input, a row's status)."""

    name: str
    form: forms.BaseForm | None = None
    row: int | None = None
    error: str = ""
    posted: dict[str, Any] = field(default_factory=dict)


def _trend_data(p: Partnership) -> dict[str, Any]:
    points = selectors.health_trend(partnership=p)
    return {
        "labels": [format_date(day) for day, _score in points],
        "scores": [score for _day, score in points],
        "title": _("Health score"),
    }


def _map_data(p: Partnership) -> dict[str, Any]:
    def point(city: City | None) -> dict[str, Any] | None:
        if city is None or city.lat is None or city.lon is None:
            return None
        return {"name": city.name, "lat": city.lat, "lon": city.lon}

    # The shape static/js/atlas.js draws (the atlas's helper, reused here).
    partner = point(p.partner_city)
    return {
        "countries": static("vendor/world-atlas/countries-110m.json"),
        "city": point(p.office.home_city),
        "partners": [{**partner, "confirmed": True}] if partner else [],
        "has_partner": partner is not None,
    }


ACTIVITIES_PER_PAGE = 20
HISTORY_SHOWN = 30

# The ids of the page's forms' inputs: several forms of one page have fields of the same name.
AUTO_IDS = {
    "activity_form": "log-%s",
    "commitment_form": "plan-%s",
    "approval_form": "approval-%s",
    "status_form": "status-%s",
}


def _row_forms(rows: list[Any], inline: Inline | None, name: str, make: Any = None) -> None:
    """Give each row its own form (the refused one bound) under `row.<name>_form`, its
    inputs' ids named after the row, and the refusal under `<name>_error`/`_posted`."""
    for row in rows:
        mine = inline if inline and inline.name == name and inline.row == row.pk else None
        form = mine.form if mine else None
        if form is None and make is not None:
            form = make(row)
        if form is not None:
            form.auto_id = f"{name}{row.pk}-%s"
        setattr(row, f"{name}_form", form)
        setattr(row, f"{name}_error", mine.error if mine else "")
        setattr(row, f"{name}_posted", mine.posted if mine else {})


def commitment_rows(request: OfficeRequest, rows: list[Any], inline: Inline | None) -> None:
    """What a commitment's row of the plan shows: whether the member may update it, and
    its refused status update if that is the one `inline` names (the page and the row
    that htmx redraws alone use the same)."""
    for c in rows:
        c.can_update = services.can_update_commitment(request.membership, c)
    _row_forms(rows, inline, "status")


def detail_context(
    request: OfficeRequest, p: Partnership, inline: Inline | None = None
) -> dict[str, Any]:
    office = request.office
    membership = request.membership
    today = timezone.localdate()
    commitments = list(selectors.commitments_of(p))
    commitment_rows(request, commitments, inline)
    # The timeline a page at a time, newest first: a busy pact has thousands of activities.
    activity_page = paginate(
        request,
        selectors.activities_of(p),
        per_page=ACTIVITIES_PER_PAGE,
        count=selectors.activity_count(p),
    )
    activities = list(activity_page.object_list)
    for a in activities:
        a.can_edit = services.can_edit_activity(membership, a)
    _row_forms(activities, inline, "outcome", lambda a: OutcomeForm())
    approvals = list(p.approvals.all())
    _row_forms(
        approvals,
        inline,
        "decide",
        lambda a: ApprovalDecideForm(initial={"decided_on": today}),
    )
    agreements = list(selectors.agreements_of(p))
    _row_forms(agreements, inline, "file")
    page_forms: dict[str, forms.BaseForm] = {
        "activity_form": ActivityForm(
            office=office,
            initial={"date": today, "partnerships": [p], "kind": "online_meeting"},
        ),
        "commitment_form": CommitmentForm(office=office),
        "approval_form": ApprovalForm(),
        "status_form": StatusForm(initial={"status": p.status, "version": p.version}),
    }
    if inline is not None and inline.row is None and inline.form is not None:
        page_forms[inline.name] = inline.form
    for name, page_form in page_forms.items():
        page_form.auto_id = AUTO_IDS[name]
    return {
        "p": p,
        "approvals": approvals,
        "agreements": agreements,
        "commitments": commitments,
        "activities": activities,
        "page_obj": activity_page,
        "querystring": querystring_without(request, "page"),
        "outcome_totals": selectors.outcome_totals(p),
        "components": components_rows(p.health_components or {}),
        "trend": _trend_data(p) if p.in_force else None,
        "map": _map_data(p),
        "history": history_rows(list(selectors.history_of(p, limit=HISTORY_SHOWN))),
        "history_shown": HISTORY_SHOWN,
        "reviews": list(p.reviews.select_related("decided_by")),
        "panels": pact_panels(request, p),
        **page_forms,
        "inline": inline,
        "today": today,
        "commitment_statuses": CommitmentStatus.choices,
        "can_edit": membership.has_role(Role.OFFICER),
        "can_log": membership.has_role(Role.LIAISON),
        "is_director": membership.has_role(Role.DIRECTOR),
        "can_review": membership.has_role(Role.DIRECTOR)
        and p.in_force
        and p.health_label == "dormant",
    }


def render_detail(
    request: OfficeRequest, p: Partnership, inline: Inline | None = None
) -> HttpResponse:
    """The pact page; with `inline`, the refused form open with the user's input."""
    return render(request, "partnerships/detail.html", detail_context(request, p, inline))
