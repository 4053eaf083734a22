"""Events the office plans around: summits, conferences, forums, fairs, webinars.

An event is office-private: an office's planning is its own (another office may record
the same summit as its own event).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from peyvand.accounts.models import OfficeScoped
from peyvand.core.i18n import BilingualMixin
from peyvand.records.models import Versioned

DESCRIPTION_MAX = 4000


class EventKind(models.TextChoices):
    SUMMIT = "summit", _("Summit")
    CONFERENCE = "conference", _("Conference")
    FORUM = "forum", _("Forum")
    FAIR = "fair", _("Fair")
    WEBINAR = "webinar", _("Webinar")
    OTHER = "other", _("Other")


class Event(BilingualMixin, Versioned, OfficeScoped):
    """An event (not to be confused with `records.Event`, an entry of a history)."""

    title_fa = models.CharField(_("title (Persian)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    kind = models.CharField(
        _("kind"), max_length=12, choices=EventKind.choices, default=EventKind.CONFERENCE
    )
    organizer_organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organiser (organisation)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    organizer_city = models.ForeignKey(
        "places.City",
        verbose_name=_("organiser (city)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    host_city = models.ForeignKey(
        "places.City",
        verbose_name=_("host city"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    areas = models.ManyToManyField(
        "partnerships.CooperationArea",
        verbose_name=_("cooperation areas"),
        blank=True,
        related_name="+",
    )
    website = models.URLField(_("website"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True, max_length=DESCRIPTION_MAX)
    # Among the upcoming events of the public portal: set only through event_publish.
    published = models.BooleanField(_("published"), default=False)
    is_demo = models.BooleanField(_("demo data"), default=False)

    stale_messages = {
        False: _(
            "Someone else changed this event while you were editing it; your changes were "
            "not saved. Review their changes below and make yours again."
        ),
        True: Versioned.stale_messages[True],
    }

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-starts_on", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return self.tr("title")
