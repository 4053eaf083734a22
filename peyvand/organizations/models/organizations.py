"""The international bodies cities join: shared by every office, like the atlas."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _

from peyvand.core.i18n import BilingualMixin
from peyvand.core.models import TimeStamped
from peyvand.records.models import Versioned


class OrganizationKind(models.TextChoices):
    CITY_NETWORK = "city_network", _("City network")
    UN_BODY = "un_body", _("UN body")
    DEVELOPMENT_BANK = "development_bank", _("Development bank")
    ASSOCIATION = "association", _("Association")
    OTHER = "other", _("Other")


class Organization(BilingualMixin, Versioned, TimeStamped):
    """An international body (UCLG, Metropolis, UNIDO...). World data: every office reads
    it; an office adds one it misses, a director corrects one, and each change is recorded
    in its history (entries carry the office of whoever made them)."""

    name_fa = models.CharField(_("name (Persian)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=OrganizationKind.choices, default=OrganizationKind.OTHER
    )
    website = models.URLField(_("website"), max_length=300, blank=True)
    headquarters = models.ForeignKey(
        "places.City",
        verbose_name=_("headquarters"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    areas = models.ManyToManyField(
        "partnerships.CooperationArea",
        verbose_name=_("cooperation areas"),
        blank=True,
        related_name="+",
    )
    # Which office added it (None: shipped with Peyvand).
    added_by_office = models.ForeignKey(
        "accounts.Office", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    stale_messages = {
        False: _(
            "Someone else changed this organisation while you were editing it; your changes "
            "were not saved. Review their changes below and make yours again."
        ),
        True: Versioned.stale_messages[True],
    }
    keeps_history = True
    events = GenericRelation(
        "records.Event", content_type_field="target_type", object_id_field="target_id"
    )

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name_en", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["name_en"], name="organization_name_en_unique")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.tr("name")

    @property
    def short_name(self) -> str:
        """The acronym where it has one ("UCLG"), else the name."""
        return self.acronym or self.name
