from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS_3
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from peyvand.accounts.access import OfficeRequest, office_page, office_view
from peyvand.accounts.alerts import office_alerts
from peyvand.accounts.calendar import calendar_items
from peyvand.accounts.models import Office
from peyvand.core.dates import JALALI, JALALI_MONTHS, language_year
from peyvand.core.text import to_persian_digits
from peyvand.missions.models import MissionStatus
from peyvand.partnerships.models import HealthLabel, Partnership

from . import figures
from .forms import DateConverterForm
from .kpis import Kpis, grouped, office_kpis

HOME_ALERTS = 15  # the most urgent; the API lists them all
UPCOMING_DAYS = 30
UPCOMING_SHOWN = 12
# The health labels' colours, as the partnerships pages show them (static/css).
LABEL_COLOURS: dict[str, str] = {
    HealthLabel.ACTIVE: "#1f7a4d",
    HealthLabel.WEAKENING: "#b26a00",
    HealthLabel.DORMANT: "#b3261e",
}
NO_LABEL_COLOUR = "#6b7a80"


@office_view()
@office_page
def home(request: OfficeRequest) -> HttpResponse:
    """The director's morning page: the year's figures beside last year's, each a link to
    the list it counts; charts; the partners on a map; every alert; the next 30 days."""
    office = request.office
    today = timezone.localdate()
    span = language_year(get_language(), today)
    kpis = office_kpis(office, span, today)
    alerts = office_alerts(office, today)
    upcoming = calendar_items(
        office, today, today + dt.timedelta(days=UPCOMING_DAYS), kinds=("event", "mission")
    )
    context = {
        "span": span,
        "previous_span": kpis.previous_span,
        "cards": figures.cards(kpis, office.slug),
        "charts": _charts(kpis),
        "map_data": _map_data(office),
        "label_colours": [(LABEL_COLOURS[v], label) for v, label in HealthLabel.choices],
        "alerts": alerts[:HOME_ALERTS],
        "alerts_count": len(alerts),
        "upcoming": upcoming[:UPCOMING_SHOWN],
        "upcoming_count": len(upcoming),
        "upcoming_days": UPCOMING_DAYS,
    }
    return render(request, "dashboard/home.html", context)


def _year_text(year: int) -> str:
    return to_persian_digits(str(year)) if get_language() == "fa" else str(year)


def _charts(kpis: Kpis) -> dict[str, Any]:
    """What static/js/dashboard.js draws, in the page's language (its digits included)."""
    months = (
        list(JALALI_MONTHS)
        if kpis.span.calendar == JALALI
        else [str(MONTHS_3[m]).capitalize() for m in range(1, 13)]
    )
    missions = grouped(kpis.figures, "missions.")
    pacts = grouped(kpis.figures, "pacts.")
    return {
        "activities": {
            "title": _("Activities per month, %(year)s") % {"year": _year_text(kpis.span.year)},
            "labels": months,
            "values": kpis.activity_months,
        },
        "missions": {
            "title": _("Missions by status"),
            "labels": [str(label) for _v, label in MissionStatus.choices],
            "values": [int(missions[v].current) for v in MissionStatus.values],
        },
        "pacts": {
            "title": _("Partnerships by health"),
            "labels": [str(label) for _v, label in HealthLabel.choices],
            "values": [int(pacts[v].current) for v in HealthLabel.values],
            "colour": [LABEL_COLOURS[v] for v in HealthLabel.values],
        },
    }


def _map_data(office: Office) -> dict[str, Any]:
    """The office's pacts on the world map (static/js/atlas.js), each partner city coloured
    by its pact's label, its popup a link to the pact. One query."""
    rows = (
        Partnership.objects.for_office(office)
        .filter(archived=False, partner_city__lat__isnull=False, partner_city__lon__isnull=False)
        .select_related("partner_city")
        .order_by("partner_city__name_en", "pk")
    )
    labels = dict(HealthLabel.choices)
    partners = []
    for p in rows:
        city = p.partner_city
        label = str(labels.get(p.health_label, _("No health label")))
        partners.append(
            {
                "name": f"{city.name}: {label}",
                "lat": city.lat,
                "lon": city.lon,
                "url": reverse(
                    "partnerships:detail", kwargs={"office_slug": office.slug, "pk": p.pk}
                ),
                "colour": LABEL_COLOURS.get(p.health_label, NO_LABEL_COLOUR),
            }
        )
    home = office.home_city
    return {
        "countries": static("vendor/world-atlas/countries-110m.json"),
        "city": (
            {"name": home.name, "lat": home.lat, "lon": home.lon}
            if home is not None and home.has_position
            else None
        ),
        "partners": partners,
        "links": False,
    }


@office_view()
@office_page
def date_converter(request: OfficeRequest) -> HttpResponse:
    """Jalali <-> Gregorian, for letters to partners abroad."""
    form = DateConverterForm(request.GET or None)
    parsed = form.cleaned_data["date"] if form.is_bound and form.is_valid() else None
    return render(request, "dashboard/date_converter.html", {"form": form, "parsed": parsed})
