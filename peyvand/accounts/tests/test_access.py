from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from peyvand.accounts import services
from peyvand.accounts.demo import demo_logins_reset, demo_office_create
from peyvand.accounts.models import OfficeMembership, Role
from peyvand.accounts.tests.factories import make_department, make_member

pytestmark = pytest.mark.django_db


def test_a_stranger_gets_404_not_403_on_another_office(
    office: Any, other_office: Any, member_client: Any
) -> None:
    client = member_client(other_office, Role.DIRECTOR)
    response = client.get(reverse("dashboard:home", kwargs={"office_slug": office.slug}))
    assert response.status_code == 404
    response = client.get(reverse("accounts:members", kwargs={"office_slug": office.slug}))
    assert response.status_code == 404


def test_anonymous_users_are_sent_to_login(client: Any, office: Any) -> None:
    response = client.get(reverse("dashboard:home", kwargs={"office_slug": office.slug}))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


@pytest.mark.parametrize(
    ("role", "status"), [("viewer", 403), ("liaison", 403), ("officer", 403), ("director", 200)]
)
def test_only_directors_manage_members(
    office: Any, member_client: Any, role: str, status: int
) -> None:
    client = member_client(office, role)
    response = client.get(reverse("accounts:members", kwargs={"office_slug": office.slug}))
    assert response.status_code == status


def test_director_cannot_edit_another_offices_membership(
    office: Any, other_office: Any, member_client: Any
) -> None:
    foreign = make_member(other_office, Role.OFFICER)
    client = member_client(office, Role.DIRECTOR)
    url = reverse("accounts:member_edit", kwargs={"office_slug": office.slug, "pk": foreign.pk})
    assert client.post(url, {"role": "viewer"}).status_code == 404
    url = reverse("accounts:member_remove", kwargs={"office_slug": office.slug, "pk": foreign.pk})
    assert client.post(url).status_code == 404
    foreign.refresh_from_db()
    assert foreign.role == Role.OFFICER


def test_director_cannot_give_a_member_another_offices_department(
    office: Any, other_office: Any, member_client: Any
) -> None:
    foreign_department = make_department(other_office)
    member = make_member(office, Role.OFFICER)
    client = member_client(office, Role.DIRECTOR)
    url = reverse("accounts:member_edit", kwargs={"office_slug": office.slug, "pk": member.pk})
    response = client.post(url, {"role": "liaison", "department": foreign_department.pk})
    assert response.status_code == 200  # the form is shown again with an error
    member.refresh_from_db()
    assert member.role == Role.OFFICER and member.department is None


def test_a_liaison_needs_a_department(office: Any) -> None:
    with translation.override("en"), pytest.raises(ValidationError, match="department"):
        services.invitation_create(office=office, invited_by=None, invitee="x", role=Role.LIAISON)


def test_the_last_director_cannot_be_removed_or_demoted(office: Any) -> None:
    director = make_member(office, Role.DIRECTOR)
    with translation.override("en"), pytest.raises(ValidationError, match="director"):
        services.member_remove(membership=director)
    with translation.override("en"), pytest.raises(ValidationError, match="director"):
        services.member_update(membership=director, role=Role.VIEWER, department=None)


def test_member_removal_asks_for_confirmation_first(office: Any, member_client: Any) -> None:
    member = make_member(office, Role.VIEWER)
    client = member_client(office, Role.DIRECTOR)
    url = reverse("accounts:member_remove", kwargs={"office_slug": office.slug, "pk": member.pk})
    assert client.get(url).status_code == 200
    assert OfficeMembership.objects.filter(pk=member.pk).exists()
    client.post(url)
    assert not OfficeMembership.objects.filter(pk=member.pk).exists()


def test_user_with_two_offices_chooses_one(
    office: Any, other_office: Any, member_client: Any
) -> None:
    client = member_client(office, Role.VIEWER)
    make_member(other_office, Role.VIEWER, user=client.membership.user)
    response = client.get(reverse("accounts:home"))
    assert response.status_code == 200
    assert (
        office.slug.encode() in response.content and other_office.slug.encode() in response.content
    )


def test_user_with_one_office_goes_straight_to_it(office: Any, member_client: Any) -> None:
    client = member_client(office, Role.VIEWER)
    response = client.get(reverse("accounts:home"))
    assert response.status_code == 302
    assert office.slug in response["Location"]


def test_demo_office_has_a_user_per_role_with_generated_hashed_passwords(db: Any) -> None:
    office, logins = demo_office_create()
    assert office.is_demo
    assert sorted(role for role, _u, _p in logins) == ["director", "liaison", "officer", "viewer"]
    passwords = {p for _r, _u, p in logins}
    assert len(passwords) == 4
    user = OfficeMembership.objects.get(office=office, role="director").user
    assert user.password.startswith(("md5$", "pbkdf2"))  # stored hashed
    old = dict((u, p) for _r, u, p in logins)
    fresh = demo_logins_reset()
    assert all(old[u] != p for _r, u, p in fresh)
    user.refresh_from_db()
    assert user.check_password(dict((u, p) for _r, u, p in fresh)[user.username])


def test_pages_render_in_both_languages_with_direction(office: Any, member_client: Any) -> None:
    client = member_client(office, Role.DIRECTOR)
    fa = client.get(f"/fa/o/{office.slug}/")
    assert b'dir="rtl"' in fa.content and b'lang="fa"' in fa.content
    en = client.get(f"/en/o/{office.slug}/")
    assert b'dir="ltr"' in en.content and b"Dashboard" in en.content


def test_error_pages_are_translated(client: Any) -> None:
    response = client.get("/en/o/nowhere/")
    assert response.status_code in {302, 404}
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert b"Page not found" in response.content
