"""Project pitches: the city's own projects offered to partners and financiers, their
documents, and the parties interested in them with the follow-ups of each."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from peyvand.accounts.models import OfficeScoped
from peyvand.core.i18n import BilingualMixin
from peyvand.core.uploads import PrivatePath
from peyvand.records.models import Versioned

DESCRIPTION_MAX = 6000
NOTE_MAX = 2000
# Amounts are whole units of their currency (rials run to trillions): 15 digits, exact on
# both databases.
AMOUNT_DIGITS = 15
# A municipality's districts are numbered (Tehran has 22).
DISTRICT_MAX = 99

private_upload_to = PrivatePath("opportunities")


class Instrument(models.TextChoices):
    GRANT = "grant", _("Grant")
    LOAN = "loan", _("Loan")
    PPP = "ppp", _("Public–private partnership")
    TECHNICAL_ASSISTANCE = "technical_assistance", _("Technical assistance")
    OTHER = "other", _("Other")


class PitchStage(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    PRE_FEASIBILITY = "pre_feasibility", _("Pre-feasibility")
    FEASIBILITY = "feasibility", _("Feasibility")
    READY = "ready", _("Ready to finance")


class PitchStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OFFERED = "offered", _("Offered")
    IN_TALKS = "in_talks", _("In talks")
    FINANCED = "financed", _("Financed")
    CLOSED = "closed", _("Closed")


class Pitch(BilingualMixin, Versioned, OfficeScoped):
    """One of the city's projects, offered to financiers: what it costs, how much financing
    it seeks and how, how far it is prepared, and who is interested."""

    title_fa = models.CharField(_("title (Persian)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    description_fa = models.TextField(
        _("description (Persian)"), blank=True, max_length=DESCRIPTION_MAX
    )
    description_en = models.TextField(
        _("description (English)"), blank=True, max_length=DESCRIPTION_MAX
    )
    area = models.ForeignKey(
        "partnerships.CooperationArea",
        verbose_name=_("cooperation area"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    location = models.CharField(_("location"), max_length=300, blank=True)
    district = models.PositiveSmallIntegerField(
        _("municipal district"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(DISTRICT_MAX)],
    )
    budget = models.DecimalField(
        _("total budget"),
        max_digits=AMOUNT_DIGITS,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    financing_sought = models.DecimalField(
        _("financing sought"),
        max_digits=AMOUNT_DIGITS,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    instrument = models.CharField(
        _("instrument"), max_length=24, choices=Instrument.choices, default=Instrument.OTHER
    )
    stage = models.CharField(
        _("stage"), max_length=16, choices=PitchStage.choices, default=PitchStage.CONCEPT
    )
    status = models.CharField(
        _("status"), max_length=10, choices=PitchStatus.choices, default=PitchStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # On the public portal for investors: set only through pitch_publish.
    published = models.BooleanField(_("published"), default=False)
    is_demo = models.BooleanField(_("demo data"), default=False)

    stale_messages = {
        False: _(
            "Someone else changed this pitch while you were editing it; your changes were "
            "not saved. Review their changes below and make yours again."
        ),
        True: _(
            "Someone else changed this pitch after you opened this page; it was not "
            "deleted. Review their changes below and confirm again if it should still go."
        ),
    }
    keeps_history = True
    events = GenericRelation(
        "records.Event", content_type_field="target_type", object_id_field="target_id"
    )

    class Meta:
        verbose_name = _("pitch")
        verbose_name_plural = _("pitches")
        ordering = ["-updated_at", "-pk"]
        indexes = [
            models.Index(fields=["office", "status"], name="pitch_office_status_idx"),
            models.Index(fields=["office", "-updated_at"], name="pitch_office_updated_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return self.tr("title")

    @property
    def description(self) -> str:
        return self.tr("description")


class PitchDocumentKind(models.TextChoices):
    CONCEPT_NOTE = "concept_note", _("Concept note")
    FEASIBILITY_STUDY = "feasibility", _("Feasibility study")
    PRESENTATION = "presentation", _("Presentation")
    OTHER = "other", _("Other")


class PitchDocument(OfficeScoped):
    """A file of a pitch, checked and stored like a mission's documents (core.uploads)."""

    pitch = models.ForeignKey(Pitch, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=16, choices=PitchDocumentKind.choices)
    file = models.FileField(_("file"), upload_to=private_upload_to, max_length=200)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("pitch document")
        verbose_name_plural = _("pitch documents")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.original_name


class InterestedParty(Versioned, OfficeScoped):
    """Someone interested in a pitch: a contact, an organisation or a partner city (exactly
    one), with a note. Its changes are recorded in the pitch's history."""

    pitch = models.ForeignKey(Pitch, on_delete=models.CASCADE, related_name="parties")
    contact = models.ForeignKey(
        "missions.Contact",
        verbose_name=_("contact"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    city = models.ForeignKey(
        "places.City",
        verbose_name=_("partner city"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True, max_length=NOTE_MAX)

    stale_messages = {
        False: _(
            "Someone else changed this interested party while you were editing it; your "
            "changes were not saved. Review their changes below and make yours again."
        ),
        True: _(
            "Someone else changed this interested party after you opened this page; it was "
            "not removed. Review their changes below and confirm again if it should still go."
        ),
    }

    class Meta:
        verbose_name = _("interested party")
        verbose_name_plural = _("interested parties")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(contact__isnull=False, organization__isnull=True, city__isnull=True)
                    | models.Q(contact__isnull=True, organization__isnull=False, city__isnull=True)
                    | models.Q(contact__isnull=True, organization__isnull=True, city__isnull=False)
                ),
                name="party_exactly_one",
            ),
        ]

    def __str__(self) -> str:
        party = self.contact or self.organization or self.city
        return str(party) if party is not None else ""

    @property
    def kind(self) -> str:
        if self.contact_id is not None:
            return "contact"
        return "organization" if self.organization_id is not None else "city"


class PartyFollowUp(OfficeScoped):
    """A dated step with an interested party (a call, a meeting, papers to send)."""

    party = models.ForeignKey(InterestedParty, on_delete=models.CASCADE, related_name="follow_ups")
    date = models.DateField(_("date"))
    note = models.CharField(_("follow-up"), max_length=500)
    done = models.BooleanField(_("done"), default=False)

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return self.note
