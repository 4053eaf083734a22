"""The people the office works with: partner-city officials, organisation and embassy
staff, and the city ambassadors (people of civil institutions who speak for the city)."""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _

from peyvand.core.i18n import BilingualMixin
from peyvand.records.models import Binned, Versioned, bin_index

NOTE_MAX = 4000


class ContactKind(models.TextChoices):
    PARTNER_OFFICIAL = "partner_official", _("Partner-city official")
    ORGANIZATION_STAFF = "organization_staff", _("Organisation staff")
    EMBASSY_STAFF = "embassy_staff", _("Embassy staff")
    CITY_AMBASSADOR = "city_ambassador", _("City ambassador")
    OTHER = "other", _("Other")


class Contact(BilingualMixin, Binned):
    """A person. Their last interaction is derived from the activities and missions they
    took part in (`selectors`), never typed."""

    name_fa = models.CharField(_("name (Persian)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=ContactKind.choices, default=ContactKind.OTHER
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    city = models.ForeignKey(
        "places.City",
        verbose_name=_("city"),
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
    email = models.EmailField(_("email"), max_length=254, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    # Language codes ("fa", "en", "de"), and free tags ("culture", "ambassador-2026").
    languages = models.JSONField(_("languages"), default=list, blank=True)
    tags = models.JSONField(_("tags"), default=list, blank=True)
    notes = models.TextField(_("notes"), blank=True, max_length=NOTE_MAX)
    partnerships = models.ManyToManyField(
        "partnerships.Partnership",
        verbose_name=_("partnerships"),
        blank=True,
        related_name="contacts",
    )
    # The activities of the pacts they took part in (a mission's activities get its
    # contacts): one source of the derived last interaction.
    activities = models.ManyToManyField(
        "partnerships.Activity", blank=True, related_name="contacts"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    stale_messages = {
        False: _(
            "Someone else changed this contact while you were editing it; your changes were "
            "not saved. Review their changes below and make yours again."
        ),
        True: Versioned.stale_messages[True],
    }
    keeps_history = True
    events = GenericRelation(
        "records.Event", content_type_field="target_type", object_id_field="target_id"
    )

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["name_en", "name_fa", "pk"]
        indexes = [
            models.Index(fields=["office", "email"], name="contact_office_email_idx"),
            bin_index("contact_bin_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.tr("name")
