"""Cities for the discover pages: one found by its code or a name, default peers."""

from __future__ import annotations

from django.db.models import Q

from peyvand.places.models import City

from ...atlas.selectors import city_get


def city_lookup(text: str) -> City | None:
    """A city by its code (gn:112931) or by a name, the most linked first."""
    text = (text or "").strip()
    if not text:
        return None
    found = city_get(text)
    if found is not None:
        return found
    return (
        City.objects.select_related("country")
        .filter(
            Q(name_en__iexact=text)
            | Q(name_fa=text)
            | Q(name_fa_shown=text)
            | Q(name_fa_confirmed=text)
        )
        .order_by("-degree", "-population", "pk")
        .first()
    )


def default_peers(city: City, limit: int = 10) -> list[City]:
    """The most populous cities of the city's continent (the city itself excluded)."""
    qs = City.objects.select_related("country").exclude(pk=city.pk)
    if city.country_id and city.country and city.country.continent:
        qs = qs.filter(country__continent=city.country.continent)
    return list(qs.filter(population__isnull=False).order_by("-population", "pk")[:limit])


def peers_by_code(codes: list[str], *, subject: City | None) -> tuple[list[City], list[str]]:
    """(the cities these ids name, in order, the subject left out; the ids naming none)."""
    if not codes:
        return [], []
    found = {c.code: c for c in City.objects.select_related("country").filter(code__in=codes)}
    chosen = [
        found[c] for c in codes if c in found and (subject is None or found[c].pk != subject.pk)
    ]
    return chosen, [c for c in codes if c not in found]
