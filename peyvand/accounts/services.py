"""Writes for offices and members."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import string
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from peyvand.core.validation import validate_fields

from .models import Department, Invitation, InvitationState, Office, OfficeMembership, Role

INVITATION_DAYS = 14

_ALPHABET = "".join(c for c in string.ascii_letters + string.digits if c not in "0O1lI")


def generate_password(length: int = 14) -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))


def _check_department(office: Office, role: str, department: Department | None) -> None:
    if department is not None and department.office_id != office.pk:
        raise ValidationError(_("That department belongs to another office."))
    if role == Role.LIAISON and department is None:
        raise ValidationError(_("A liaison must belong to a department."))


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def normalize_invitee(invitee: str) -> str:
    return invitee.strip().casefold()


@transaction.atomic
def invitation_create(
    *,
    office: Office,
    invited_by: Any,
    invitee: str,
    role: str,
    department: Department | None = None,
) -> tuple[Invitation, str]:
    """Invite the person named by a username or an email address to the office.

    No account is looked up: the answer is the same whether one exists or not (the only
    refusal naming a person is for a member the director already sees on the members
    page). Returns the invitation and the secret of its link, shown to the director once;
    the person accepts on their account page, or through the link.
    """
    _check_department(office, role, department)
    invitee = normalize_invitee(invitee)
    if not invitee:
        raise ValidationError({"invitee": _("Enter a username or an email address.")})
    members = OfficeMembership.objects.for_office(office).filter(
        Q(user__username__iexact=invitee) | Q(user__email__iexact=invitee)
    )
    if members.exists():
        raise ValidationError(
            {"invitee": _("%(invitee)s is already a member of this office.") % {"invitee": invitee}}
        )
    # A new invitation to the same person replaces the pending one (and its link).
    Invitation.objects.for_office(office).filter(
        invitee=invitee, state=InvitationState.PENDING
    ).update(state=InvitationState.WITHDRAWN, answered_at=timezone.now())
    token = secrets.token_urlsafe(24)
    invitation = Invitation(
        office=office,
        invitee=invitee,
        role=role,
        department=department,
        invited_by=invited_by,
        token_hash=token_hash(token),
        expires_at=timezone.now() + dt.timedelta(days=INVITATION_DAYS),
    )
    validate_fields(invitation)
    invitation.save()
    return invitation, token


def _matches(invitation: Invitation, user: Any) -> bool:
    names = {user.get_username().casefold()}
    if user.email:
        names.add(user.email.strip().casefold())
    return invitation.invitee in names


def _open(invitation: Invitation) -> None:
    if invitation.state != InvitationState.PENDING or invitation.expires_at <= timezone.now():
        raise ValidationError(_("This invitation is no longer open."))


@transaction.atomic
def invitation_accept(
    *, invitation: Invitation, user: Any, by_link: bool = False
) -> OfficeMembership:
    """The invited person joins the office: from their account page (the invitation names
    their username or email address) or through the invitation's link (`by_link`)."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    _open(invitation)
    if not by_link and not _matches(invitation, user):
        raise ValidationError(_("This invitation is no longer open."))
    existing: OfficeMembership | None = OfficeMembership.objects.filter(
        user=user, office_id=invitation.office_id
    ).first()
    invitation.state = InvitationState.ACCEPTED
    invitation.answered_by = user
    invitation.answered_at = timezone.now()
    invitation.save(update_fields=["state", "answered_by", "answered_at", "updated_at"])
    if existing is not None:
        return existing
    membership: OfficeMembership = OfficeMembership.objects.create(
        user=user,
        office_id=invitation.office_id,
        role=invitation.role,
        department=invitation.department,
    )
    return membership


@transaction.atomic
def invitation_decline(*, invitation: Invitation, user: Any) -> None:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    _open(invitation)
    if not _matches(invitation, user):
        raise ValidationError(_("This invitation is no longer open."))
    invitation.state = InvitationState.DECLINED
    invitation.answered_by = user
    invitation.answered_at = timezone.now()
    invitation.save(update_fields=["state", "answered_by", "answered_at", "updated_at"])


@transaction.atomic
def invitation_withdraw(*, invitation: Invitation) -> None:
    if invitation.state != InvitationState.PENDING:
        raise ValidationError(_("This invitation is no longer open."))
    invitation.state = InvitationState.WITHDRAWN
    invitation.answered_at = timezone.now()
    invitation.save(update_fields=["state", "answered_at", "updated_at"])


@transaction.atomic
def office_security_update(*, office: Office, two_factor_for_directors: bool) -> Office:
    office.two_factor_for_directors = two_factor_for_directors
    office.save(update_fields=["two_factor_for_directors", "updated_at"])
    return office


@transaction.atomic
def member_update(
    *, membership: OfficeMembership, role: str, department: Department | None
) -> OfficeMembership:
    _check_department(membership.office, role, department)
    if membership.role == Role.DIRECTOR and role != Role.DIRECTOR:
        _ensure_another_director(membership)
    membership.role = role
    membership.department = department
    membership.save(update_fields=["role", "department", "updated_at"])
    return membership


def _ensure_another_director(membership: OfficeMembership) -> None:
    others = (
        OfficeMembership.objects.for_office(membership.office)
        .filter(role=Role.DIRECTOR)
        .exclude(pk=membership.pk)
    )
    if not others.exists():
        raise ValidationError(_("An office must keep at least one director."))


@transaction.atomic
def member_remove(*, membership: OfficeMembership) -> None:
    if membership.role == Role.DIRECTOR:
        _ensure_another_director(membership)
    membership.delete()


@transaction.atomic
def department_create(*, office: Office, name_fa: str, name_en: str) -> Department:
    if Department.objects.for_office(office).filter(name_en__iexact=name_en).exists():
        raise ValidationError(_("This office already has a department with that name."))
    return Department.objects.create(office=office, name_fa=name_fa, name_en=name_en)


def set_password(user: Any) -> str:
    password = generate_password()
    user.set_password(password)
    user.save(update_fields=["password"])
    return password
