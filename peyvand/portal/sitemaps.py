"""The sitemap of the public portals: only what is public (read through `selectors`), in
both languages with their alternates (hreflang)."""

from __future__ import annotations

from typing import Any

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from . import selectors


class _Portal(Sitemap):  # type: ignore[type-arg]
    i18n = True
    languages = ["fa", "en"]
    alternates = True
    x_default = False
    limit = 5000


class PortalHomes(_Portal):
    """Each portal with something public, and its lists."""

    sections = ("portal:home", "portal:practices", "portal:pitches", "portal:events", "portal:data")

    def items(self) -> list[Any]:
        return [
            (office.slug, name)
            for office in selectors.offices_with_portal()
            for name in self.sections
        ]

    def location(self, item: Any) -> str:
        slug, name = item
        return reverse(name, kwargs={"office_slug": slug})


class PublicPartnerships(_Portal):
    def items(self) -> Any:
        return selectors.all_public_pacts()

    def location(self, item: Any) -> str:
        return reverse(
            "portal:partnership", kwargs={"office_slug": item.office.slug, "pk": item.pk}
        )

    def lastmod(self, item: Any) -> Any:
        return item.updated_at


class PublicPractices(_Portal):
    def items(self) -> Any:
        return selectors.all_public_practices()

    def location(self, item: Any) -> str:
        return reverse("portal:practice", kwargs={"office_slug": item.office.slug, "pk": item.pk})


class PublicPitches(_Portal):
    def items(self) -> Any:
        return selectors.all_public_pitches()

    def location(self, item: Any) -> str:
        return reverse("portal:pitch", kwargs={"office_slug": item.office.slug, "pk": item.pk})


SITEMAPS = {
    "portals": PortalHomes,
    "partnerships": PublicPartnerships,
    "practices": PublicPractices,
    "pitches": PublicPitches,
}
