"""The pages the load benchmark (bench/load.py) drives: one list, in one place.

Every module adds its main pages and API lists here; an issue that adds a page is resolved
once the page meets the target below in `make bench-load` (docs/architecture.md).

A path is a format string over the benchmark's context, which `bench/load.py` reads from the
database it runs against: `office` (the office's slug), `partnership` (its pact with the
most activities), `public_partnership` (its published pact with the most activities),
`city` (the office's city code), and one key per entry of `RECORDS`: the
office's newest record of that model (a page whose record the office lacks is skipped, and
the skip is printed).
"""

from __future__ import annotations

from dataclasses import dataclass

# The target every page meets with 8 clients: p95 under this many milliseconds, and at least
# this share of the throughput of /healthz measured right before and after it.
P95_TARGET_MS = 150
SHARE_TARGET = 0.35


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    # "page" answers HTML to a logged-in member; "api" answers JSON.
    kind: str = "page"


# Context key -> the model ("app_label.Model") whose newest office record a detail page shows.
RECORDS: dict[str, str] = {
    "mission": "missions.Mission",
    "contact": "missions.Contact",
    "event": "missions.Event",
    "membership": "organizations.Membership",
    "practice": "knowledge.Practice",
    "pitch": "opportunities.Pitch",
    "call": "opportunities.FundingCall",
    "application": "opportunities.Application",
}

PAGES: list[Page] = [
    Page("office home", "/fa/o/{office}/"),
    Page("partnership list", "/fa/o/{office}/partnerships/"),
    Page("activities list", "/fa/o/{office}/partnerships/activities/"),
    Page("commitments list", "/fa/o/{office}/partnerships/commitments/"),
    Page("outcomes list", "/fa/o/{office}/partnerships/outcomes/"),
    Page("partnership detail", "/fa/o/{office}/partnerships/{partnership}/"),
    Page("city page", "/fa/world/cities/{city}/"),
    Page("atlas search", "/fa/world/?q=%D8%AA%D9%87%D8%B1%D8%A7%D9%86"),
    Page("discover suggestions", "/fa/o/{office}/discover/suggestions/"),
    Page("discover network", "/fa/o/{office}/discover/network/"),
    Page("missions list", "/fa/o/{office}/missions/"),
    Page("missions board", "/fa/o/{office}/missions/board/"),
    Page("memberships list", "/fa/o/{office}/organizations/memberships/"),
    Page("organisations list", "/fa/o/{office}/organizations/"),
    Page("contacts list", "/fa/o/{office}/contacts/"),
    Page("events list", "/fa/o/{office}/events/"),
    Page("mission detail", "/fa/o/{office}/missions/{mission}/"),
    Page("contact detail", "/fa/o/{office}/contacts/{contact}/"),
    Page("event detail", "/fa/o/{office}/events/{event}/"),
    Page("membership detail", "/fa/o/{office}/organizations/memberships/{membership}/"),
    Page("calendar month", "/fa/o/{office}/calendar/"),
    Page("calendar agenda", "/fa/o/{office}/calendar/agenda/"),
    Page("practices list", "/fa/o/{office}/practices/"),
    Page("practices board", "/fa/o/{office}/practices/board/"),
    Page("pitches list", "/fa/o/{office}/opportunities/pitches/"),
    Page("funding calls list", "/fa/o/{office}/opportunities/calls/"),
    Page("applications list", "/fa/o/{office}/opportunities/applications/"),
    Page("practice detail", "/fa/o/{office}/practices/{practice}/"),
    Page("pitch detail", "/fa/o/{office}/opportunities/pitches/{pitch}/"),
    Page("funding call detail", "/fa/o/{office}/opportunities/calls/{call}/"),
    Page("application detail", "/fa/o/{office}/opportunities/applications/{application}/"),
    Page("annual reports list", "/fa/o/{office}/reports/"),
    # The one search, for «همکاری» (a word in most records) and a city's name.
    Page("search", "/fa/o/{office}/search/?q=%D9%87%D9%85%DA%A9%D8%A7%D8%B1%DB%8C"),
    Page("audit log", "/fa/o/{office}/audit/"),
    Page("bin", "/fa/o/{office}/bin/"),
    Page("portal home", "/fa/p/{office}/"),
    Page("portal partnership", "/fa/p/{office}/partnerships/{public_partnership}/"),
    Page("portal practices", "/fa/p/{office}/practices/"),
    Page("portal pitches", "/fa/p/{office}/pitches/"),
    Page("portal events", "/fa/p/{office}/events/"),
    Page("portal open data", "/fa/p/{office}/data/"),
    Page("import and export", "/fa/o/{office}/exchange/"),
    Page("API office partnerships", "/api/v1/offices/{office}/partnerships", kind="api"),
    Page("API office activities", "/api/v1/offices/{office}/activities", kind="api"),
    Page("API office missions", "/api/v1/offices/{office}/missions", kind="api"),
    Page("API office alerts", "/api/v1/offices/{office}/alerts", kind="api"),
    Page("API office dashboard", "/api/v1/offices/{office}/dashboard", kind="api"),
    Page(
        "API office calendar",
        "/api/v1/offices/{office}/calendar?start=2026-11-01&end=2027-01-31",
        kind="api",
    ),
    Page("API office practices", "/api/v1/offices/{office}/practices", kind="api"),
    Page("API office pitches", "/api/v1/offices/{office}/pitches", kind="api"),
    Page("API office calls", "/api/v1/offices/{office}/calls", kind="api"),
    Page("API office applications", "/api/v1/offices/{office}/applications", kind="api"),
    Page("API office reports", "/api/v1/offices/{office}/reports", kind="api"),
    Page("API office audit", "/api/v1/offices/{office}/audit", kind="api"),
    Page("API office bin", "/api/v1/offices/{office}/bin", kind="api"),
    Page("API office commitments", "/api/v1/offices/{office}/commitments", kind="api"),
    Page("API office outcomes", "/api/v1/offices/{office}/outcomes", kind="api"),
    Page("API office memberships", "/api/v1/offices/{office}/memberships", kind="api"),
    Page("API office contacts", "/api/v1/offices/{office}/contacts", kind="api"),
    Page("API office events", "/api/v1/offices/{office}/events", kind="api"),
    Page("API office departments", "/api/v1/offices/{office}/departments", kind="api"),
    Page("API office members", "/api/v1/offices/{office}/members", kind="api"),
    Page("API organisations", "/api/v1/organizations", kind="api"),
    Page("API countries", "/api/v1/countries", kind="api"),
    Page("API my tokens", "/api/v1/me/tokens", kind="api"),
    Page("API cities search", "/api/v1/cities?q=tehran", kind="api"),
    Page("API office search", "/api/v1/offices/{office}/search?q=vienna", kind="api"),
    Page("API public partnerships", "/api/v1/public/offices/{office}/partnerships", kind="api"),
    Page("API public activities", "/api/v1/public/offices/{office}/activities", kind="api"),
    Page("API public practices", "/api/v1/public/offices/{office}/practices", kind="api"),
    Page("API public pitches", "/api/v1/public/offices/{office}/pitches", kind="api"),
]

HEALTHZ = Page("/healthz", "/healthz")
