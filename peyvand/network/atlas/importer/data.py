"""What the world import reads and reports: the files, the validated data, the counts.

File layout and meaning: data/world/README.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

FILES = {
    "countries": "countries.csv",
    "cities": "cities.csv",
    "names": "city_names_fa.csv",
    "reviewed": "city_names_fa_reviewed.csv",
    "aliases": "city_alternate_names.csv",
    "geonames_aliases": "city_alternate_names_geonames.csv",
    "country_names": "country_names_fa_reviewed.csv",
    "twinnings": "twinnings.csv",
}
# Files a data folder may lack (the slice of an older cut, a test folder).
OPTIONAL = ("names", "reviewed", "aliases", "geonames_aliases", "country_names")
REQUIRED_COLUMNS = {
    "countries": ["country_code", "name_en"],
    "cities": ["id", "name_en", "country_code", "lat", "lon"],
    "names": ["id", "name_fa", "source"],
    "reviewed": ["code", "name_fa", "basis"],
    "aliases": ["code", "name"],
    "geonames_aliases": ["code", "name"],
    "country_names": ["country_code", "name_fa"],
    "twinnings": ["city_a_id", "city_b_id"],
}


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass
class WorldData:
    countries: dict[str, dict[str, Any]] = field(default_factory=dict)
    cities: dict[str, dict[str, Any]] = field(default_factory=dict)
    links: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    reviewed: dict[str, tuple[str, str]] = field(default_factory=dict)  # code -> (name, basis)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    missing: list[str] = field(default_factory=list)
    missing_pks: list[int] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # missing, but something refers to them

    @property
    def changed(self) -> int:
        return self.created + self.updated + self.deleted


@dataclass
class ImportReport:
    countries: Counts = field(default_factory=Counts)
    cities: Counts = field(default_factory=Counts)
    links: Counts = field(default_factory=Counts)
    reviewed_names: int = 0  # shipped reviewed names newly confirmed
    protected: list[str] = field(default_factory=list)  # explanations of kept rows

    @property
    def changed(self) -> int:
        counts = self.countries.changed + self.cities.changed + self.links.changed
        return counts + self.reviewed_names
