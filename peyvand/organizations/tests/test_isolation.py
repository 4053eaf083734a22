"""Office isolation: another office's memberships, seats and obligations answer 404 on
every page and in the API, and its membership never shows on an organisation's page."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from peyvand.accounts.actors import SYSTEM
from peyvand.organizations import services
from peyvand.organizations.models import Membership, Obligation, RoleHeld

from .factories import make_membership, shipped
from .support import api, url


def test_another_offices_records_answer_404(
    office: Any, other_office: Any, member_client: Any
) -> None:
    theirs = make_membership(other_office, shipped("UCLG"), notes="Their secret")
    role = services.role_create(membership=theirs, actor=SYSTEM, kind="board")
    obligation = services.obligation_create(
        membership=theirs, actor=SYSTEM, kind="report", title="R", due_on=dt.date(2030, 1, 1)
    )
    client = member_client(office, "director")
    for name, pk in (
        ("membership_detail", theirs.pk),
        ("membership_edit", theirs.pk),
        ("role_add", theirs.pk),
        ("obligation_add", theirs.pk),
        ("role_edit", role.pk),
        ("role_delete", role.pk),
        ("obligation_edit", obligation.pk),
        ("obligation_done", obligation.pk),
        ("obligation_delete", obligation.pk),
    ):
        assert client.post(url(name, office, pk=pk), {"version": 1}).status_code == 404, name
        if name != "obligation_done":
            assert client.get(url(name, office, pk=pk)).status_code == 404, name
    assert client.get(api(office, f"/memberships/{theirs.pk}")).status_code == 404
    patch = client.patch(
        api(office, f"/memberships/{theirs.pk}"),
        data=json.dumps({"status": "left"}),
        content_type="application/json",
    )
    assert patch.status_code == 404
    assert client.get(api(other_office, "/memberships")).status_code == 404
    assert client.get(url("memberships", other_office)).status_code == 404
    assert Membership.objects.get(pk=theirs.pk).status == "member"
    assert RoleHeld.objects.filter(pk=role.pk).exists()
    assert Obligation.objects.get(pk=obligation.pk).done_on is None


def test_an_organisation_page_shows_only_the_offices_own_membership(
    office: Any, other_office: Any, member_client: Any
) -> None:
    theirs = make_membership(other_office, shipped("UCLG"))
    client = member_client(office, "director")
    page = client.get(url("detail", office, pk=theirs.organization_id)).content.decode()
    assert "data-membership-link" not in page
    assert "data-join" in page
    listed = client.get(url("list", office)).content.decode()
    assert "data-ours" not in listed
    memberships = client.get(url("memberships", office)).content.decode()
    assert "data-empty" in memberships
    body = client.get(api(office, "/memberships")).json()
    assert body["count"] == 0
