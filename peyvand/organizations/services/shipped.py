"""The shipped organisations' headquarters, linked once the atlas holds their cities."""

from __future__ import annotations

from typing import Any

from peyvand.places.models import City

from ..models import Organization
from ..seed import SHIPPED


def link_shipped_headquarters(sender: Any = None, **kwargs: Any) -> int:
    """Give each shipped organisation without a headquarters its city (receiver of
    `network.signals.world_imported`; a headquarters someone set is kept). Returns how
    many were linked."""
    codes = {name_en: code for name_en, _fa, _acr, _kind, _web, code in SHIPPED}
    cities = {c.code: c for c in City.objects.filter(code__in=codes.values())}
    linked = 0
    for org in Organization.objects.filter(name_en__in=codes, headquarters__isnull=True):
        city = cities.get(codes[org.name_en])
        if city is not None:
            org.headquarters = city
            org.save(update_fields=["headquarters", "updated_at"])
            linked += 1
    return linked
