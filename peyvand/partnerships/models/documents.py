"""What makes a pact official: approvals, agreements and their files."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from peyvand.accounts.models import OfficeScoped
from peyvand.records.models import LivePartsManager, Versioned

from .partnerships import Partnership
from .storage import private_upload_to


class ApprovalBody(models.TextChoices):
    CITY_COUNCIL = "city_council", _("City council")
    MINISTRY = "ministry", _("National ministry")
    OTHER = "other", _("Other authority")


class ApprovalStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    GRANTED = "granted", _("Granted")
    REFUSED = "refused", _("Refused")


class Approval(OfficeScoped):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="approvals")
    body = models.CharField(_("approving body"), max_length=20, choices=ApprovalBody.choices)
    body_name = models.CharField(_("name of the body"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ApprovalStatus.choices, default=ApprovalStatus.PENDING
    )
    decided_on = models.DateField(_("date"), null=True, blank=True)
    reference = models.CharField(_("reference"), max_length=200, blank=True)
    document = models.FileField(
        _("reference document"), upload_to=private_upload_to, blank=True, max_length=200
    )

    class Meta:
        verbose_name = _("approval")
        verbose_name_plural = _("approvals")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.body_name or str(self.get_body_display())


class LiveAgreements(LivePartsManager):
    parent = "partnership"


class Agreement(Versioned, OfficeScoped):
    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="agreements"
    )
    title = models.CharField(_("title"), max_length=300)
    languages = models.CharField(_("languages"), max_length=120, blank=True)
    signatories = models.TextField(_("signatories"), blank=True, max_length=1000)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)

    stale_messages = {
        False: _(
            "Someone else changed this agreement while you were editing it; your changes "
            "were not saved. Review their changes below and make yours again."
        ),
        True: Versioned.stale_messages[True],
    }

    # Hidden while its partnership is in the bin.
    objects: ClassVar[LiveAgreements] = LiveAgreements()

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["-signed_on", "pk"]

    def __str__(self) -> str:
        return self.title


class AgreementFile(OfficeScoped):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(_("file"), upload_to=private_upload_to, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("agreement file")
        verbose_name_plural = _("agreement files")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.original_name
