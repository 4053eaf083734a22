"""Offices, their departments and members, and the base of every office-private model."""

from __future__ import annotations

from typing import Any, Self

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from peyvand.core.i18n import BilingualMixin
from peyvand.core.models import TimeStamped


class Office(BilingualMixin, TimeStamped):
    """A city's international-relations office: the tenant every private row belongs to."""

    slug = models.SlugField(_("URL name"), unique=True, max_length=60)
    name_fa = models.CharField(_("name (Persian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    home_city = models.ForeignKey(
        "places.City",
        verbose_name=_("home city"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="offices",
    )
    is_demo = models.BooleanField(_("demo"), default=False)
    # A director without a confirmed two-factor device is sent to set one up before any
    # page of the office (accounts.access, decision 0018).
    two_factor_for_directors = models.BooleanField(
        _("two-factor required for directors"), default=False, db_default=False
    )
    # Grows with every write to the office's data (accounts.versions): pages rendered from
    # the data are cached under it (core.pagecache).
    data_version = models.PositiveBigIntegerField(default=0, db_default=0, editable=False)

    class Meta:
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.tr("name")

    @property
    def name(self) -> str:
        return self.tr("name")

    def save(self, *args: Any, **kwargs: Any) -> None:
        # The version is only ever raised in the database (accounts.versions); an office
        # loaded earlier and saved again must not write its older number back.
        if not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                f.attname for f in self._meta.concrete_fields if not f.primary_key
            ]
            kwargs["update_fields"].remove("data_version")
        super().save(*args, **kwargs)


class OfficeScopedQuerySet(models.QuerySet[Any]):
    """`.for_office(office)`: the one way to scope a query to an office."""

    def for_office(self, office: Office) -> Self:
        return self.filter(office=office)


class Department(BilingualMixin, TimeStamped):
    """A department of the municipality (transport, environment, ...), per office."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="departments")
    name_fa = models.CharField(_("name (Persian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)

    objects: Any = OfficeScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["name_en"]
        constraints = [
            models.UniqueConstraint(fields=["office", "name_en"], name="department_unique_name_en"),
        ]

    def __str__(self) -> str:
        return self.tr("name")

    @property
    def name(self) -> str:
        return self.tr("name")


class Role(models.TextChoices):
    DIRECTOR = "director", _("Director")
    OFFICER = "officer", _("Officer")
    LIAISON = "liaison", _("Liaison")
    VIEWER = "viewer", _("Viewer")


# Roles in order of what they may do; a check for "officer" admits a director too.
ROLE_RANK = {Role.VIEWER: 0, Role.LIAISON: 1, Role.OFFICER: 2, Role.DIRECTOR: 3}


class OfficeMembership(TimeStamped):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
    )

    objects: Any = OfficeScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "office"], name="membership_unique_user_office"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.office.slug} ({self.role})"

    def has_role(self, minimum: str) -> bool:
        return ROLE_RANK[Role(self.role)] >= ROLE_RANK[Role(minimum)]

    @property
    def is_director(self) -> bool:
        return self.role == Role.DIRECTOR

    @property
    def can_edit(self) -> bool:
        return self.has_role(Role.OFFICER)


class OfficeScoped(TimeStamped):
    """Abstract base of every office-private model: each row carries its office."""

    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="+")

    objects: Any = OfficeScopedQuerySet.as_manager()

    class Meta:
        abstract = True


class InvitationState(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Invitation(TimeStamped):
    """A director's invitation to join the office (decision 0018): the person sees nothing
    of the office until they accept it, on their own account page or through the link the
    director hands over (only the link's hash is kept)."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="invitations")
    # The username or email address the director typed: matched, case aside, against the
    # account that signs in; never looked up when the invitation is made.
    invitee = models.CharField(_("username or email"), max_length=254)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    token_hash = models.CharField(_("link's secret"), max_length=64, unique=True, editable=False)
    state = models.CharField(
        _("state"), max_length=20, choices=InvitationState.choices, default=InvitationState.PENDING
    )
    expires_at = models.DateTimeField(_("expires"))
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    objects: Any = OfficeScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["invitee", "state"], name="invitation_invitee_state")]

    def __str__(self) -> str:
        return f"{self.invitee} -> {self.office_id} ({self.state})"

    @property
    def is_open(self) -> bool:
        return self.state == InvitationState.PENDING and self.expires_at > timezone.now()


class TokenScope(models.TextChoices):
    READ = "read", _("Read")
    READ_WRITE = "read_write", _("Read and write")


class ApiToken(models.Model):
    """A personal access token for scripts: one user, one office, read or read-write.

    Only the SHA-256 of the token is kept (`digest`); the token itself is shown once, when
    it is made. `hint` (the first characters) lets its owner tell tokens apart. A token
    acts as its user with the user's role in the office, never more (`accounts.api_auth`).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    office = models.ForeignKey(
        Office, verbose_name=_("office"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    scope = models.CharField(
        _("scope"), max_length=20, choices=TokenScope.choices, default=TokenScope.READ
    )
    digest = models.CharField(max_length=64, unique=True, editable=False)
    hint = models.CharField(max_length=16, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("access token")
        verbose_name_plural = _("access tokens")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.hint}…)"

    @property
    def can_write(self) -> bool:
        return self.scope == TokenScope.READ_WRITE
