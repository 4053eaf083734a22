"""What the scale data takes from the imported world: home cities, partners, areas.

Every list is ordered by values of the data (population, code), never by database ids, so
that two databases holding the same world give the same choices.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from peyvand.network.models import Twinning
from peyvand.partnerships.models import CooperationArea
from peyvand.places.models import City

HOME_COUNTRY = "IR"
# Partners beyond the home city's real links: the largest cities abroad.
FOREIGN_POOL = 3000


@dataclass
class World:
    homes: list[City]
    foreign: list[City]
    # home city pk -> [(partner, year of the link or None)], sorted by the partner's code
    twins: dict[int, list[tuple[City, int | None]]] = field(default_factory=dict)
    areas: list[CooperationArea] = field(default_factory=list)

    @property
    def area_by_code(self) -> dict[str, CooperationArea]:
        return {a.code: a for a in self.areas}


def _by_size(qs: QuerySet[City]) -> list[City]:
    return list(
        qs.filter(population__isnull=False)
        .select_related("country")
        .order_by("-population", "code")
    )


def load_world(n_offices: int) -> World:
    """The home cities of `n_offices` offices (Iranian cities by population, then the
    largest cities elsewhere), the pool of large foreign partners and the real links."""
    homes = _by_size(City.objects.filter(country__code=HOME_COUNTRY))[:n_offices]
    if len(homes) < n_offices:
        taken = {c.pk for c in homes}
        more = _by_size(City.objects.exclude(country__code=HOME_COUNTRY).exclude(country=None))
        homes += [c for c in more if c.pk not in taken][: n_offices - len(homes)]
    foreign = _by_size(City.objects.exclude(country__code=HOME_COUNTRY).exclude(country=None))[
        :FOREIGN_POOL
    ]
    home_ids = [c.pk for c in homes]
    twins: dict[int, list[tuple[City, int | None]]] = {pk: [] for pk in home_ids}
    links = Twinning.objects.filter(Q(city_a_id__in=home_ids) | Q(city_b_id__in=home_ids))
    for t in links.select_related("city_a__country", "city_b__country"):
        for home, partner in ((t.city_a, t.city_b), (t.city_b, t.city_a)):
            if home.pk in twins and partner.pk != home.pk:
                twins[home.pk].append((partner, t.year))
    for home_pk, pairs in twins.items():
        # The query's order is the database's: sort, then keep one link per partner.
        pairs.sort(key=lambda pair: (pair[0].code, pair[1] is None, pair[1] or 0))
        kept: dict[int, tuple[City, int | None]] = {}
        for partner, year in pairs:
            kept.setdefault(partner.pk, (partner, year))
        twins[home_pk] = list(kept.values())
    return World(
        homes=homes,
        foreign=foreign,
        twins=twins,
        areas=list(CooperationArea.objects.order_by("code")),
    )
