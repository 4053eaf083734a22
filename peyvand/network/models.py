"""The public sister-city network: links between any two cities of the world."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from peyvand.places.models import City


class Twinning(models.Model):
    """An unordered pair stored once, the city with the smaller pk first."""

    city_a = models.ForeignKey(City, on_delete=models.PROTECT, related_name="twinnings_a")
    city_b = models.ForeignKey(City, on_delete=models.PROTECT, related_name="twinnings_b")
    kind = models.CharField(_("kind"), max_length=60, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    sources = models.CharField(_("sources"), max_length=200, blank=True)
    n_sources = models.PositiveSmallIntegerField(_("number of sources"), default=1)

    class Meta:
        verbose_name = _("twinning")
        verbose_name_plural = _("twinnings")
        constraints = [
            models.CheckConstraint(
                condition=Q(city_a__lt=F("city_b")), name="twinning_ordered_distinct_pair"
            ),
            models.UniqueConstraint(fields=["city_a", "city_b"], name="twinning_unique_pair"),
        ]
        indexes = [models.Index(fields=["city_b"], name="twinning_city_b_idx")]

    def __str__(self) -> str:
        return f"{self.city_a_id}–{self.city_b_id}"

    @property
    def confirmed(self) -> bool:
        return self.n_sources > 1
