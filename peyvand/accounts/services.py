"""Writes for offices and members."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import string
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from peyvand.core.text import normalize_display
from peyvand.core.validation import create_valid, validate_fields

from .models import (
    ApiToken,
    Department,
    Invitation,
    InvitationState,
    Office,
    OfficeMembership,
    Role,
    TokenScope,
)

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
    if role not in Role.values:
        raise ValidationError({"role": [_("Choose a valid role.")]})
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
    """A department of the office, named in both languages (the Persian name normalised)."""
    name_fa, name_en = normalize_display(name_fa or ""), (name_en or "").strip()
    errors: dict[str, list[str]] = {}
    for name, value in (("name_fa", name_fa), ("name_en", name_en)):
        if not value:
            errors[name] = [_("Enter the department's name in Persian and in English.")]
    if errors:
        raise ValidationError(errors)
    if Department.objects.for_office(office).filter(name_en__iexact=name_en).exists():
        raise ValidationError(
            {"name_en": [_("This office already has a department with that name.")]}
        )
    return create_valid(Department, office=office, name_fa=name_fa, name_en=name_en)


def set_password(user: Any) -> str:
    password = generate_password()
    user.set_password(password)
    user.save(update_fields=["password"])
    return password


# A token reads `pvd_` and 43 URL-safe characters: a secret scanner (and a person) can
# tell it is Peyvand's.
TOKEN_PREFIX = "pvd_"
# Last use is written at most once a minute per token (a script's every request would
# otherwise be a write).
TOKEN_TOUCH_SECONDS = 60


def token_digest(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


@transaction.atomic
def token_create(
    *, user: Any, office: Office | None, name: str, scope: str, expires_on: dt.date | None
) -> tuple[ApiToken, str]:
    """A new token of `user` in `office`; returns it and its secret, shown only this once.

    The user must be a member of the office; the token acts with the user's role there."""
    errors: dict[str, list[str]] = {}
    if office is None or not OfficeMembership.objects.filter(user=user, office=office).exists():
        errors["office"] = [_("Choose an office you are a member of.")]
    if not name.strip():
        errors["name"] = [_("Give the token a name (what the script is for).")]
    if scope not in TokenScope.values:
        errors["scope"] = [_("Choose read or read and write.")]
    if expires_on is not None and expires_on < timezone.localdate():
        errors["expires_on"] = [_("The expiry date cannot be in the past.")]
    if errors:
        raise ValidationError(errors)
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = create_valid(
        ApiToken,
        user=user,
        office=office,
        name=name.strip(),
        scope=scope,
        expires_on=expires_on,
        digest=token_digest(raw),
        hint=raw[: len(TOKEN_PREFIX) + 6],
    )
    return token, raw


@transaction.atomic
def token_revoke(*, token: ApiToken, user: Any) -> None:
    """Revoke one of the user's own tokens: it answers 401 from the next request on."""
    if token.user_id != user.pk:
        raise PermissionDenied
    token.delete()


def token_touch(*, token: ApiToken) -> None:
    """Record a token's use, at most once a minute (a script may send many requests)."""
    now = timezone.now()
    last = token.last_used_at
    if last is None or (now - last).total_seconds() >= TOKEN_TOUCH_SECONDS:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
