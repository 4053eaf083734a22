"""Reasons and flags of partner suggestions, in words (fa and en through gettext)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext

from peyvand.core.templatetags.peyvand import num
from peyvand.places.models import City, Continent

from .selectors import Reason

FLAG_LABELS = {
    "relations": gettext_lazy("strained or no relations"),
    "sanctions": gettext_lazy("sanctions on payments"),
    "visa": gettext_lazy("visas are hard to get"),
    "travel": gettext_lazy("travel advised against"),
}

SIGNAL_LABELS = {
    "common_partners": gettext_lazy("Common partners"),
    "paths": gettext_lazy("Partners of partners"),
    "activity": gettext_lazy("Active in twinning"),
    "population": gettext_lazy("Population"),
    "distance": gettext_lazy("Distance"),
    "same_country": gettext_lazy("Same country"),
    "same_continent": gettext_lazy("Same continent"),
    "capitals": gettext_lazy("Capitals"),
    "country_pair": gettext_lazy("Countries that twin"),
    "country_activity": gettext_lazy("Active country"),
    "habit": gettext_lazy("Habits of the two cities"),
    "region_habit": gettext_lazy("Habits of the region"),
    "region": gettext_lazy("Regions that twin"),
    "namesake": gettext_lazy("Same name"),
}


def _names(cities: list[City]) -> str:
    return pgettext("list separator", ", ").join(c.name for c in cities)


def _country(obj: Any) -> str:
    return obj.name if obj is not None else _("an unknown country")


def reason_text(reason: Reason, city: City, partner: City) -> str:
    """One reason as a sentence; `city` is the city we look for partners for."""
    p = reason.params
    key = reason.key
    if key == "common_partners":
        count = int(p["count"])
        return ngettext(
            "Shares %(count)s partner with %(city)s: %(names)s",
            "Shares %(count)s partners with %(city)s: %(names)s",
            count,
        ) % {"count": num(count), "city": city.name, "names": _names(p.get("cities", []))}
    if key == "paths":
        return _("Close in the network: reached through partners of partners")
    if key == "activity":
        count = int(p["count"])
        return ngettext(
            "An active twinner with %(count)s sister city",
            "An active twinner with %(count)s sister cities",
            count,
        ) % {"count": num(count)}
    if key == "population":
        return _("A city of %(population)s inhabitants, a size that twins well with %(city)s") % {
            "population": num(int(p["population"])),
            "city": city.name,
        }
    if key == "distance":
        return _("%(km)s km from %(city)s") % {"km": num(int(p["km"])), "city": city.name}
    if key == "same_country":
        return _("In the same country: %(country)s") % {"country": _country(p.get("country"))}
    if key == "same_continent":
        return _("On the same continent: %(continent)s") % {
            "continent": Continent(p["continent"]).label
            if p["continent"] in Continent.values
            else p["continent"]
        }
    if key == "capitals":
        if p.get("both"):
            return _("Both are national capitals, and capitals twin with capitals")
        return _("A national capital")
    if key == "country_pair" and p.get("country_a_pk") == p.get("country_b_pk"):
        return ngettext(
            "Cities of %(country)s often twin with each other (%(links)s link)",
            "Cities of %(country)s often twin with each other (%(links)s links)",
            int(p["links"]),
        ) % {"country": _country(p.get("country_a")), "links": num(int(p["links"]))}
    if key == "country_pair":
        return ngettext(
            "Cities of %(country_a)s and %(country_b)s twin often (%(links)s link)",
            "Cities of %(country_a)s and %(country_b)s twin often (%(links)s links)",
            int(p["links"]),
        ) % {
            "country_a": _country(p.get("country_a")),
            "country_b": _country(p.get("country_b")),
            "links": num(int(p["links"])),
        }
    if key == "country_activity":
        return _("Cities of %(country)s have many sister cities") % {
            "country": _country(p.get("country"))
        }
    if key == "habit":
        count = int(p["count"])
        if p["side"] == "a":
            return ngettext(
                "%(city)s already has %(count)s partner in %(country)s",
                "%(city)s already has %(count)s partners in %(country)s",
                count,
            ) % {"city": city.name, "count": num(count), "country": _country(p.get("country"))}
        return ngettext(
            "%(partner)s already twins with %(count)s city of %(country)s",
            "%(partner)s already twins with %(count)s cities of %(country)s",
            count,
        ) % {"partner": partner.name, "count": num(count), "country": _country(p.get("country"))}
    if key == "region_habit":
        return _("Cities around %(city)s often twin with cities of %(country)s") % {
            "city": city.name,
            "country": _country(p.get("country")),
        }
    if key == "region":
        return _("Cities around %(city)s and around %(partner)s twin with each other") % {
            "city": city.name,
            "partner": partner.name,
        }
    if key == "namesake":
        return _("Shares its name with %(city)s") % {"city": city.name}
    return str(SIGNAL_LABELS.get(key, key))


def flag_labels(flags: list[str]) -> list[str]:
    return [str(FLAG_LABELS.get(f, f)) for f in flags]
