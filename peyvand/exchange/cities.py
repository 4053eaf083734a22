"""City names in a file, matched to the atlas through its search index; never guessed.

A cell may hold a city's public id (`gn:2761369`) or one of its spellings in any language
(the atlas's search keys, `places.CityName`, whole spellings only). One city: matched. More
than one (Springfield; or a name two countries share when the row gives no country): the
name is *ambiguous* and listed with its candidates for the user to pick (`picks`: the name
as typed -> the chosen city's id). None: *unknown*, an error of its row. All names of a
file are looked up in two queries, whatever its length.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from peyvand.core.text import search_key
from peyvand.places.models import City, CityName

from .kinds.base import CellError, text_of

CANDIDATES_MAX = 10


@dataclass
class CityMatcher:
    picks: Mapping[str, str] = field(default_factory=dict)  # search key of a name -> code
    by_code: dict[str, City] = field(default_factory=dict)
    by_key: dict[str, list[City]] = field(default_factory=dict)
    # what the preview lists: a name (as first typed) -> its candidates
    ambiguous: dict[str, list[City]] = field(default_factory=dict)
    unknown: set[str] = field(default_factory=set)

    def load(self, cells: Iterable[object]) -> None:
        """Look every name and id of the file up at once."""
        texts = {text_of(c) for c in cells} - {""}
        codes = {t for t in texts if ":" in t} | set(self.picks.values())
        keys = {search_key(t) for t in texts if ":" not in t} - {""}
        self.by_code = {
            c.code: c for c in City.objects.select_related("country").filter(code__in=codes)
        }
        ids: dict[str, set[int]] = {}
        for key, city_id in CityName.objects.filter(key__in=keys, full=True).values_list(
            "key", "city_id"
        ):
            ids.setdefault(key, set()).add(city_id)
        cities = City.objects.select_related("country").in_bulk(
            {pk for found in ids.values() for pk in found}
        )
        self.by_key = {
            key: sorted(
                (cities[pk] for pk in found if pk in cities),
                key=lambda c: (-c.degree, -(c.population or 0), c.name_en, c.pk),
            )
            for key, found in ids.items()
        }

    def resolve(self, value: object, country: str = "") -> City | None:
        text = text_of(value)
        if not text:
            return None
        if ":" in text:
            city = self.by_code.get(text)
            if city is None:
                raise CellError(_("There is no city with the id %(id)s.") % {"id": text})
            return city
        key = search_key(text)
        found = self.by_key.get(key, [])
        if country:
            found = [c for c in found if c.country and c.country.code == country.upper()]
        picked = self.picks.get(key)
        if picked and picked in self.by_code and self.by_code[picked] in found:
            return self.by_code[picked]
        if len(found) == 1:
            return found[0]
        if not found:
            self.unknown.add(text)
            raise CellError(
                _("No city of the atlas is called %(name)s: write it as the atlas does.")
                % {"name": text}
            )
        self.ambiguous.setdefault(text, found[:CANDIDATES_MAX])
        raise CellError(
            _("Several cities are called %(name)s: pick one on the preview.") % {"name": text}
        )
