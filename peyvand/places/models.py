"""Countries and cities of the world: shared by every office (no office here)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from peyvand.core.i18n import BilingualMixin


class Continent(models.TextChoices):
    AFRICA = "AF", _("Africa")
    ANTARCTICA = "AN", _("Antarctica")
    ASIA = "AS", _("Asia")
    EUROPE = "EU", _("Europe")
    NORTH_AMERICA = "NA", _("North America")
    OCEANIA = "OC", _("Oceania")
    SOUTH_AMERICA = "SA", _("South America")


class Country(BilingualMixin, models.Model):
    code = models.CharField(_("ISO code"), max_length=2, unique=True)
    iso3 = models.CharField(_("ISO alpha-3 code"), max_length=3, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_fa = models.CharField(_("name (Persian)"), max_length=120, blank=True)
    capital = models.CharField(_("capital"), max_length=120, blank=True)
    population = models.BigIntegerField(_("population"), null=True, blank=True)
    continent = models.CharField(
        _("continent"), max_length=2, choices=Continent.choices, blank=True
    )
    cities_in_network = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.tr("name")

    @property
    def name(self) -> str:
        return self.tr("name")


class CityQuerySet(models.QuerySet["City"]):
    def linked(self) -> CityQuerySet:
        return self.filter(degree__gt=0)


class City(models.Model):
    """A place of the world. `code` (e.g. gn:112931) is its stable public id."""

    code = models.CharField(_("id"), max_length=80, unique=True)
    wikidata_qid = models.CharField(_("Wikidata item"), max_length=20, blank=True)
    geonames_id = models.BigIntegerField(_("GeoNames id"), null=True, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_geonames = models.CharField(_("GeoNames name"), max_length=200, blank=True)
    name_native = models.CharField(_("native name"), max_length=200, blank=True)
    # Persian names in tiers (see docs/decisions and the data README):
    name_fa = models.CharField(_("name (Persian)"), max_length=200, blank=True)
    name_fa_source = models.CharField(max_length=30, blank=True)  # cldr / geonames-alt
    name_fa_shown = models.CharField(max_length=200, blank=True)  # csc+geonames tier
    name_fa_suggestion = models.CharField(max_length=200, blank=True)  # csc tier (review only)
    name_fa_candidate = models.CharField(max_length=200, blank=True)  # GeoNames (review only)
    name_fa_confirmed = models.CharField(_("confirmed Persian name"), max_length=200, blank=True)
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cities",
    )
    lat = models.FloatField(_("latitude"), null=True, blank=True)
    lon = models.FloatField(_("longitude"), null=True, blank=True)
    population = models.BigIntegerField(_("population"), null=True, blank=True)
    degree = models.PositiveIntegerField(_("sister cities"), default=0)
    sources = models.CharField(max_length=200, blank=True)
    match_method = models.CharField(max_length=80, blank=True)
    attributes_from = models.CharField(max_length=40, blank=True)
    other_qids = models.CharField(max_length=200, blank=True)
    names_in_sources = models.TextField(blank=True)
    # Other common spellings and exonyms (e.g. Kiev): search keys only, never shown.
    # A database default too: rows written by code that predates the field (older
    # migrations' models, bulk inserts naming their columns) get an empty list.
    search_aliases = models.TextField(
        blank=True, default="", db_default="", help_text="other spellings, one per line"
    )
    search_text = models.TextField(blank=True, help_text="normalised spellings, one per line")
    added_by_hand = models.BooleanField(_("added by hand"), default=False)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = CityQuerySet.as_manager()

    class Meta:
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        ordering = ["-degree", "name_en"]
        permissions = [("review_names", _("Can review Persian city names and add cities"))]
        indexes = [models.Index(fields=["-degree", "-population"], name="city_rank_idx")]

    def __str__(self) -> str:
        return self.name

    @property
    def has_position(self) -> bool:
        return self.lat is not None and self.lon is not None

    @property
    def name_fa_display(self) -> str:
        """The Persian name fit to show, by tier; empty when there is none."""
        return self.name_fa or self.name_fa_shown or self.name_fa_confirmed

    @property
    def name(self) -> str:
        from django.utils.translation import get_language

        if (get_language() or "fa").startswith("fa"):
            return self.name_fa_display or self.name_en
        return self.name_en or self.name_fa_display


class CityName(models.Model):
    """One search key of a city: a whole spelling (`full`) or a word start inside one.

    Prefix search is a range scan on the indexed `key` (see peyvand.places.search).
    Rebuilt from City.search_text whenever a city's spellings change.
    """

    city = models.ForeignKey(City, on_delete=models.CASCADE, related_name="search_names")
    key = models.CharField(max_length=200, db_index=True)
    full = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["city", "key"], name="cityname_unique_key"),
        ]

    def __str__(self) -> str:
        return self.key


class ReviewAction(models.TextChoices):
    SUGGESTION = "suggestion", _("confirmed the suggestion")
    CANDIDATE = "candidate", _("confirmed the GeoNames candidate")
    TYPED = "typed", _("typed a name")
    ADDED = "added", _("added the city")
    # The reviewed names shipped with the product (data/world/city_names_fa_reviewed.csv):
    SHIPPED_CANDIDATE = "shipped_candidate", _("reviewed list: a candidate name confirmed")
    SHIPPED_EXONYM = "shipped_exonym", _("reviewed list: the standard Persian exonym")


class CityNameReview(models.Model):
    """Who confirmed which Persian name of a city, and when.

    Kept by city code as well as by foreign key, so a confirmed name is restored when a
    re-import brings back a city that was pruned in between.
    """

    city = models.ForeignKey(
        City, on_delete=models.SET_NULL, null=True, blank=True, related_name="name_reviews"
    )
    city_code = models.CharField(_("city id"), max_length=80, db_index=True)
    name = models.CharField(_("confirmed Persian name"), max_length=200, blank=True)
    previous_name = models.CharField(_("previous confirmed name"), max_length=200, blank=True)
    action = models.CharField(_("action"), max_length=20, choices=ReviewAction.choices)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("Persian name review")
        verbose_name_plural = _("Persian name reviews")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.city_code}: {self.name}"
