"""Adding a person to an office invites them: they accept before they see anything, and
the director's answer never tells whether an account exists."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from peyvand.accounts import services
from peyvand.accounts.models import Invitation, InvitationState, OfficeMembership, Role
from peyvand.accounts.tests.factories import make_member, make_user

pytestmark = pytest.mark.django_db


def _url(name: str, **kwargs: Any) -> str:
    with translation.override("en"):
        return reverse(name, kwargs=kwargs or None)


def _invite(client: Client, office: Any, invitee: str, role: str = "officer") -> Any:
    return client.post(
        _url("accounts:members", office_slug=office.slug), {"invitee": invitee, "role": role}
    )


def _link(response: Any) -> str:
    match = re.search(r"data-invitation-link>([^<]+)<", response.content.decode())
    assert match, "no invitation link shown"
    return match.group(1).replace("http://testserver", "")


def _normalised(response: Any, invitee: str) -> str:
    """The answer less the pending list (which grows with each invitation): the message,
    the link and the form as shown again."""
    text = response.content.decode().replace(invitee, "INVITEE")
    text = re.sub(r"<table data-pending-invitations>.*?</table>", "", text, flags=re.S)
    text = re.sub(r"/invitation/[^/]+/", "/invitation/LINK/", text)
    return re.sub(r"[A-Za-z0-9]{32,}", "TOKEN", text)


def test_the_answer_is_the_same_for_an_existing_and_an_unknown_account(
    office: Any, other_office: Any, member_client: Any
) -> None:
    make_member(other_office, Role.OFFICER, user=make_user("known1"))
    director = member_client(office, Role.DIRECTOR)
    known = _invite(director, office, "known1")
    unknown = _invite(director, office, "nobod1")
    assert known.status_code == unknown.status_code == 200
    assert _normalised(known, "known1") == _normalised(unknown, "nobod1")
    # the same for email addresses
    user = make_user("withmail")
    user.email = "sara@example.org"
    user.save()
    by_mail = _invite(director, office, "sara@example.org")
    by_unknown_mail = _invite(director, office, "zara@example.org")
    assert _normalised(by_mail, "sara@example.org") == _normalised(
        by_unknown_mail, "zara@example.org"
    )


def test_inviting_creates_no_account_and_no_membership(office: Any, member_client: Any) -> None:
    from django.contrib.auth import get_user_model

    known = make_user("known1")
    director = member_client(office, Role.DIRECTOR)
    _invite(director, office, "known1")
    _invite(director, office, "newcomer")
    assert not OfficeMembership.objects.filter(user=known, office=office).exists()
    assert not get_user_model().objects.filter(username="newcomer").exists()
    assert Invitation.objects.filter(office=office, state=InvitationState.PENDING).count() == 2


def test_the_invited_person_sees_nothing_until_they_accept(office: Any, member_client: Any) -> None:
    person = make_user("known1")
    director = member_client(office, Role.DIRECTOR)
    _invite(director, office, "KNOWN1 ")  # case and spaces aside
    client = Client()
    client.force_login(person)
    home = _url("dashboard:home", office_slug=office.slug)
    assert client.get(home).status_code == 404
    assert client.get(f"/api/v1/offices/{office.slug}/alerts").status_code == 404
    account = client.get(_url("accounts:account"))
    assert b"data-invitation=" in account.content
    invitation = Invitation.objects.get(office=office)
    client.post(_url("accounts:invitation_accept", pk=invitation.pk))
    assert client.get(home).status_code == 200
    membership = OfficeMembership.objects.get(user=person, office=office)
    assert membership.role == Role.OFFICER


def test_someone_else_cannot_accept_or_decline_an_invitation_from_the_account_page(
    office: Any, member_client: Any
) -> None:
    make_user("known1")
    director = member_client(office, Role.DIRECTOR)
    _invite(director, office, "known1")
    invitation = Invitation.objects.get(office=office)
    intruder = Client()
    intruder.force_login(make_user("intruder"))
    assert intruder.post(_url("accounts:invitation_accept", pk=invitation.pk)).status_code == 404
    assert intruder.post(_url("accounts:invitation_decline", pk=invitation.pk)).status_code == 404
    invitation.refresh_from_db()
    assert invitation.state == InvitationState.PENDING


def test_a_declined_invitation_gives_no_access(office: Any, member_client: Any) -> None:
    person = make_user("known1")
    director = member_client(office, Role.DIRECTOR)
    _invite(director, office, "known1")
    client = Client()
    client.force_login(person)
    invitation = Invitation.objects.get(office=office)
    client.post(_url("accounts:invitation_decline", pk=invitation.pk))
    client.post(_url("accounts:invitation_accept", pk=invitation.pk))
    assert not OfficeMembership.objects.filter(user=person, office=office).exists()


def test_a_newcomer_makes_an_account_through_the_link_and_joins(
    office: Any, member_client: Any
) -> None:
    director = member_client(office, Role.DIRECTOR)
    link = _link(_invite(director, office, "newcomer@example.org", "viewer"))
    newcomer = Client()
    page = newcomer.get(link)
    assert page.status_code == 200 and b"data-sign-up" in page.content
    weak = newcomer.post(link, {"username": "nima", "password1": "123", "password2": "123"})
    assert (
        weak.status_code == 200
        and not OfficeMembership.objects.filter(office=office, user__username="nima").exists()
    )
    strong = "a-long-and-rare-passphrase-9"
    response = newcomer.post(link, {"username": "nima", "password1": strong, "password2": strong})
    assert response.status_code == 302
    membership = OfficeMembership.objects.get(office=office, user__username="nima")
    assert membership.role == Role.VIEWER
    # the link works once
    assert Client().get(link).status_code == 404


def test_a_withdrawn_invitation_and_its_link_stop_working(office: Any, member_client: Any) -> None:
    director = member_client(office, Role.DIRECTOR)
    link = _link(_invite(director, office, "someone"))
    invitation = Invitation.objects.get(office=office)
    director.post(_url("accounts:invitation_withdraw", office_slug=office.slug, pk=invitation.pk))
    assert Client().get(link).status_code == 404


def test_a_director_cannot_withdraw_another_offices_invitation(
    office: Any, other_office: Any, member_client: Any
) -> None:
    invitation, _token = services.invitation_create(
        office=other_office, invited_by=None, invitee="x", role=Role.VIEWER
    )
    director = member_client(office, Role.DIRECTOR)
    url = _url("accounts:invitation_withdraw", office_slug=office.slug, pk=invitation.pk)
    assert director.post(url).status_code == 404
    invitation.refresh_from_db()
    assert invitation.state == InvitationState.PENDING


@pytest.mark.parametrize("role", ["viewer", "liaison", "officer"])
def test_only_directors_invite(office: Any, member_client: Any, role: str) -> None:
    client = member_client(office, role)
    assert _invite(client, office, "someone").status_code == 403
    assert not Invitation.objects.exists()


def test_an_invitation_link_is_a_secret_kept_only_as_a_hash(office: Any) -> None:
    invitation, token = services.invitation_create(
        office=office, invited_by=None, invitee="x", role=Role.VIEWER
    )
    assert token not in invitation.token_hash
    assert invitation.token_hash == services.token_hash(token)
    assert Client().get(_url("accounts:invitation", token="not-a-token")).status_code == 404


def test_inviting_a_member_again_is_refused(office: Any, member_client: Any) -> None:
    director = member_client(office, Role.DIRECTOR)
    member = make_member(office, Role.VIEWER)
    response = _invite(director, office, member.user.username)
    assert response.status_code == 200 and b"data-invitation-link" not in response.content
    assert not Invitation.objects.exists()
