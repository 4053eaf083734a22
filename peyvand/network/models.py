"""The public sister-city network: links between any two cities of the world."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from peyvand.accounts.models import OfficeScoped
from peyvand.places.models import City, Country


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


# ------------------------------------------------------------------ partner discovery


class NetworkSnapshot(models.Model):
    """One fit of the partner recommender on the public network (after a world import).

    The fitted additive model (its knots and weights) lives here, so every process uses
    the same one; the arrays derived from the network live in the cache framework under
    keys carrying `version` and are rebuilt from the database when missing.
    """

    version = models.CharField(max_length=40, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    cities = models.PositiveIntegerField(default=0)
    links = models.PositiveIntegerField(default=0)
    model = models.JSONField(default=dict)
    fit_seconds = models.FloatField(default=0.0)

    class Meta:
        verbose_name = _("network snapshot")
        verbose_name_plural = _("network snapshots")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.version


class Relations(models.TextChoices):
    GOOD = "good", _("Good")
    NEUTRAL = "neutral", _("Neutral")
    STRAINED = "strained", _("Strained")
    NONE = "none", _("No diplomatic relations")


class VisaDifficulty(models.TextChoices):
    EASY = "easy", _("Easy")
    MODERATE = "moderate", _("Moderate")
    HARD = "hard", _("Hard")


class TravelAdvice(models.TextChoices):
    NORMAL = "normal", _("Normal")
    CAUTION = "caution", _("Exercise caution")
    AVOID = "avoid", _("Avoid travel")


class CountryNote(OfficeScoped):
    """What an office knows about working with a country; shown as flags on suggestions."""

    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="+"
    )
    relations = models.CharField(
        _("relations"), max_length=20, choices=Relations.choices, default=Relations.NEUTRAL
    )
    payment_sanctions = models.BooleanField(_("sanctions on payments"), default=False)
    visa = models.CharField(
        _("visa difficulty"),
        max_length=20,
        choices=VisaDifficulty.choices,
        default=VisaDifficulty.MODERATE,
    )
    travel_advice = models.CharField(
        _("travel advice"), max_length=20, choices=TravelAdvice.choices, default=TravelAdvice.NORMAL
    )
    notes = models.TextField(_("notes"), blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("country note")
        verbose_name_plural = _("country notes")
        ordering = ["country__name_en"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "country"], name="countrynote_unique_country"
            ),
        ]

    def __str__(self) -> str:
        return str(self.country)

    def flags(self) -> list[str]:
        """Keys of what stands in the way (see discover.explain.FLAG_LABELS)."""
        out = []
        if self.relations in (Relations.STRAINED, Relations.NONE):
            out.append("relations")
        if self.payment_sanctions:
            out.append("sanctions")
        if self.visa == VisaDifficulty.HARD:
            out.append("visa")
        if self.travel_advice == TravelAdvice.AVOID:
            out.append("travel")
        return out

    @property
    def flagged(self) -> bool:
        return bool(self.flags())


class CountryNoteRevision(OfficeScoped):
    """The state of a country note after each edit, with who made it."""

    note = models.ForeignKey(CountryNote, on_delete=models.CASCADE, related_name="revisions")
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    data = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("country note revision")
        verbose_name_plural = _("country note revisions")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.note_id} @ {self.created_at:%Y-%m-%d}"
