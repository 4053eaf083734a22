"""A member's calendar feed: nothing secret is stored, only the feed's generation (the
secret URL is signed over the member, the office and the generation; regenerating raises
the generation, and every older URL stops working)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from peyvand.accounts.models import OfficeScoped


class FeedKey(OfficeScoped):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    generation = models.PositiveIntegerField(_("generation"), default=1)
    regenerated_at = models.DateTimeField(_("regenerated at"), null=True, blank=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")
        constraints = [
            models.UniqueConstraint(fields=["office", "user"], name="feed_key_office_user")
        ]

    def __str__(self) -> str:
        return f"feed of {self.user_id} in {self.office_id}"
