from __future__ import annotations

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import URLPattern, URLResolver, include, path

from peyvand.agenda.urls import feed_patterns
from peyvand.api.urls import api
from peyvand.core.views import favicon, healthz
from peyvand.portal.sitemaps import SITEMAPS
from peyvand.portal.urls import office_patterns as portal_office_patterns
from peyvand.records.urls import bin_patterns, publish_patterns

urlpatterns: list[URLPattern | URLResolver] = [
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    # Browsers ask for /favicon.ico whatever the page says.
    path("favicon.ico", favicon),
    # The baseline of every load figure (bench/load.py); monitoring asks it too.
    path("healthz", healthz),
    # What is public (the portals), in both languages: for search engines.
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("", include("peyvand.accounts.urls")),
    # The shared world: the atlas (places) and the public network pages.
    path("world/", include("peyvand.places.urls")),
    path("world/", include("peyvand.network.atlas.urls")),
    # Office pages: the office is always in the URL.
    path("o/<slug:office_slug>/", include("peyvand.dashboard.urls")),
    path("o/<slug:office_slug>/partnerships/", include("peyvand.partnerships.urls")),
    path("o/<slug:office_slug>/discover/", include("peyvand.network.discover.urls")),
    path("o/<slug:office_slug>/organizations/", include("peyvand.organizations.urls")),
    path("o/<slug:office_slug>/contacts/", include("peyvand.missions.urls.contacts")),
    path("o/<slug:office_slug>/events/", include("peyvand.missions.urls.events")),
    path("o/<slug:office_slug>/missions/", include("peyvand.missions.urls.missions")),
    path("o/<slug:office_slug>/practices/", include("peyvand.knowledge.urls")),
    path("o/<slug:office_slug>/opportunities/", include("peyvand.opportunities.urls")),
    path("o/<slug:office_slug>/exchange/", include("peyvand.exchange.urls")),
    path("o/<slug:office_slug>/search/", include("peyvand.search.urls")),
    path("o/<slug:office_slug>/calendar/", include("peyvand.agenda.urls")),
    path("o/<slug:office_slug>/reports/", include("peyvand.reports.urls")),
    # A member's calendar feed: no login, its signed address is the key.
    path("feeds/calendar/", include((feed_patterns, "feeds"))),
    path("o/<slug:office_slug>/files/", include("peyvand.records.urls")),
    path("o/<slug:office_slug>/audit/", include("peyvand.audit.urls")),
    path(
        "o/<slug:office_slug>/portal/",
        include((portal_office_patterns, "portal_office")),
    ),
    # The public transparency portal of an office: no login, published records only.
    path("p/<slug:office_slug>/", include("peyvand.portal.urls")),
    path("o/<slug:office_slug>/publish/", include((publish_patterns, "publishing"))),
    path("o/<slug:office_slug>/bin/", include((bin_patterns, "bin"))),
    prefix_default_language=True,
)

handler403 = "peyvand.core.views.permission_denied"
handler404 = "peyvand.core.views.page_not_found"
handler500 = "peyvand.core.views.server_error"
