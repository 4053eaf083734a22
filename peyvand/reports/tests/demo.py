"""The demo office as `make run` builds it, on a small slice of the world: Tehran with some
of its public sister cities, then every module's demo data."""

from __future__ import annotations

from typing import Any

from peyvand.accounts.demo import demo_office_create
from peyvand.places.tests.factories import make_city, make_country, make_twinning

# (code, English, Persian, country, country in English, country in Persian)
PARTNERS = [
    ("gn:2950159", "Berlin", "برلین", "DE", "Germany", "آلمان"),
    ("gn:2988507", "Paris", "پاریس", "FR", "France", "فرانسه"),
    ("gn:3169070", "Rome", "رم", "IT", "Italy", "ایتالیا"),
    ("gn:1816670", "Beijing", "پکن", "CN", "China", "چین"),
    ("gn:1835848", "Seoul", "سئول", "KR", "South Korea", "کره جنوبی"),
    ("gn:323786", "Ankara", "آنکارا", "TR", "Turkey", "ترکیه"),
    ("gn:1174872", "Karachi", "کراچی", "PK", "Pakistan", "پاکستان"),
    ("gn:3646738", "Caracas", "کاراکاس", "VE", "Venezuela", "ونزوئلا"),
    ("gn:360630", "Cairo", "قاهره", "EG", "Egypt", "مصر"),
    ("gn:1275339", "Mumbai", "بمبئی", "IN", "India", "هند"),
]


def make_demo_office() -> Any:
    iran = make_country("IR", "Iran", "ایران")
    office, _logins = demo_office_create()
    office.home_city = make_city(
        "Tehran", country=iran, code="gn:112931", name_fa="تهران", population=8_700_000
    )
    office.save(update_fields=["home_city"])
    for code, en, fa, country, country_en, country_fa in PARTNERS:
        partner = make_city(
            en, country=make_country(country, country_en, country_fa), code=code, name_fa=fa
        )
        make_twinning(office.home_city, partner, year=None)
    from peyvand.dashboard.demo import load_demo_modules
    from peyvand.partnerships.demo import load_demo_partnerships

    load_demo_partnerships(office)
    load_demo_modules(office)
    return office
