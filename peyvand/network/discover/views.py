"""Office pages of partner discovery: suggestions, the city's network, peers, country notes."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peyvand.accounts.access import OfficeRequest, get_for_office, office_page, office_view
from peyvand.accounts.models import Role
from peyvand.places.models import City, Country
from peyvand.places.search import city_search

from .. import tasks
from ..models import CountryNote, Relations, TravelAdvice, VisaDifficulty
from . import explain, services
from .forms import CountryNoteForm, SuggestionFilterForm, peer_codes
from .glossary import GLOSSARY
from .selectors import cities, city_network, metrics
from .selectors.recommendations import recommend

DEFAULT_K = 20
PEER_OPTIONS = 8


def _propose_url(office_slug: str) -> str | None:
    try:
        return reverse("partnerships:create_proposed", kwargs={"office_slug": office_slug})
    except NoReverseMatch:
        return None


def _subject(request: OfficeRequest, form: SuggestionFilterForm | None = None) -> City | None:
    text = ""
    if form is not None and form.is_valid():
        text = form.cleaned_data.get("city") or ""
    else:
        text = request.GET.get("city", "")
    if text:
        return cities.city_lookup(text)
    home = request.office.home_city
    if home is not None:
        return City.objects.select_related("country").get(pk=home.pk)
    return None


@office_view(Role.VIEWER)
@office_page
def index(request: OfficeRequest) -> HttpResponse:
    return redirect("discover:recommendations", office_slug=request.office.slug)


@office_view(Role.VIEWER)
@office_page
def recommendations(request: OfficeRequest) -> HttpResponse:
    office = request.office
    form = SuggestionFilterForm(request.GET or None)
    valid = form.is_valid() if request.GET else True
    data: dict[str, Any] = form.cleaned_data if (request.GET and valid) else {}
    city = _subject(request, form if request.GET else None)
    city_text = request.GET.get("city", "")
    result = None
    if city is not None and valid:
        tasks.queue_fit_if_needed()
        result = recommend(
            city=city,
            office=office,
            k=data.get("k") or DEFAULT_K,
            country=data.get("country"),
            continent=data.get("continent") or "",
            exclude_flagged=bool(data.get("exclude_flagged")),
            areas=data.get("areas") or [],
        )
    rows = []
    if result is not None:
        for s in result.suggestions:
            rows.append(
                {
                    "s": s,
                    "reasons": [explain.reason_text(r, city, s.city) for r in s.reasons],  # type: ignore[arg-type]
                    "flags": explain.flag_labels(s.flags),
                }
            )
    show_flagged = request.GET.copy()
    show_flagged.pop("exclude_flagged", None)
    return render(
        request,
        "network/discover/recommendations.html",
        {
            "form": form,
            "city": city,
            "city_text": city_text,
            "unknown_city": bool(city_text) and city is None,
            "result": result,
            "rows": rows,
            "propose_url": _propose_url(office.slug),
            "show_flagged_query": show_flagged.urlencode(),
        },
    )


def _atlas_note(rows: list[metrics.CityMetricsRow]) -> metrics.CityMetricsRow | None:
    """The subject's row when some figure differs from the atlas's (the page says why)."""
    return rows[0] if rows and any(r.differs_from_atlas for r in rows) else None


@office_view(Role.VIEWER)
@office_page
def network(request: OfficeRequest) -> HttpResponse:
    office = request.office
    city = _subject(request)
    if request.GET.get("city") and city is None:
        raise Http404
    graph_data: dict[str, Any] = {"nodes": [], "edges": [], "legend": []}
    city_metrics = None
    if city is not None:
        tasks.queue_fit_if_needed()
        graph_data = city_network.ego_network(city=city, office=office)
        city_metrics = metrics.city_metrics(city=city, office=office)
    return render(
        request,
        "network/discover/network.html",
        {
            "city": city,
            "graph": graph_data,
            "metrics": city_metrics,
            "glossary": GLOSSARY,
            "atlas_note": _atlas_note([city_metrics] if city_metrics else []),
        },
    )


@office_view(Role.VIEWER)
@office_page
def peers(request: OfficeRequest) -> HttpResponse:
    office = request.office
    city = _subject(request)
    codes = peer_codes(request.GET)
    unknown: list[str] = []
    if codes:
        chosen, unknown = cities.peers_by_code(codes, subject=city)
    else:
        chosen = cities.default_peers(city) if city else []
    if city is not None:
        tasks.queue_fit_if_needed()
    rows = metrics.cities_metrics(cities=[city, *chosen], office=office) if city else []
    country_row = (
        metrics.country_metrics(country=city.country, office=office)
        if city is not None and city.country is not None
        else None
    )
    query = request.GET.get("q", "").strip()
    return render(
        request,
        "network/discover/peers.html",
        {
            "city": city,
            "rows": rows,
            "chosen": chosen,
            "unknown": unknown,
            "country_row": country_row,
            "glossary": GLOSSARY,
            "atlas_note": _atlas_note(rows),
            **_peer_options(query, city, chosen),
        },
    )


def _peer_options(query: str, city: City | None, chosen: list[City]) -> dict[str, Any]:
    """Cities matching the search box, by the atlas's city search (the subject and the
    cities already chosen left out; `matched` says whether the search found any)."""
    found = city_search(query[:100], limit=PEER_OPTIONS + len(chosen) + 1) if query else []
    skip = {c.pk for c in chosen} | ({city.pk} if city else set())
    options = [c for c in found if c.pk not in skip][:PEER_OPTIONS]
    return {"query": query, "options": options, "matched": bool(found)}


@office_view(Role.VIEWER)
def peer_search(request: OfficeRequest) -> HttpResponse:
    """The peers form's type-ahead: matching cities as checkboxes (an htmx fragment)."""
    city = _subject(request)
    chosen, _unknown = cities.peers_by_code(peer_codes(request.GET), subject=city)
    query = request.GET.get("q", "").strip()
    return render(
        request,
        "network/discover/peers.html#peer_options",
        _peer_options(query, city, chosen),
    )


@office_view(Role.VIEWER)
@office_page
def notes(request: OfficeRequest) -> HttpResponse:
    office = request.office
    membership = request.membership
    form = CountryNoteForm(request.POST or None)
    if request.method == "POST":
        if not membership.can_edit:
            raise PermissionDenied
        if form.is_valid():
            d = form.cleaned_data
            services.country_note_save(
                office=office,
                country=d["country"],
                editor=request.user,
                relations=d["relations"],
                payment_sanctions=d["payment_sanctions"],
                visa=d["visa"],
                travel_advice=d["travel_advice"],
                notes=d["notes"],
            )
            messages.success(request, _("The country note was saved."))
            return redirect("discover:notes", office_slug=office.slug)
    edit_code = request.GET.get("country", "")
    if request.method == "GET" and edit_code:
        note = CountryNote.objects.for_office(office).filter(country__code=edit_code).first()
        initial: dict[str, Any] = {"country": edit_code}
        if note is not None:
            initial.update(
                relations=note.relations,
                payment_sanctions=note.payment_sanctions,
                visa=note.visa,
                travel_advice=note.travel_advice,
                notes=note.notes,
            )
        form = CountryNoteForm(initial=initial)
    items = list(CountryNote.objects.for_office(office).select_related("country"))
    return render(
        request,
        "network/discover/notes.html",
        {
            "form": form,
            "items": [{"note": n, "flags": explain.flag_labels(n.flags())} for n in items],
        },
    )


@office_view(Role.VIEWER)
def note_history(request: OfficeRequest, pk: int) -> HttpResponse:
    note = get_for_office(CountryNote, request.office, pk=pk)
    revisions = [
        {
            "at": r.created_at,
            "editor": r.editor,
            "relations": _label(Relations, r.data.get("relations")),
            "payment_sanctions": bool(r.data.get("payment_sanctions")),
            "visa": _label(VisaDifficulty, r.data.get("visa")),
            "travel_advice": _label(TravelAdvice, r.data.get("travel_advice")),
            "notes": r.data.get("notes", ""),
        }
        for r in note.revisions.select_related("editor")
    ]
    return render(
        request,
        "network/discover/note_history.html",
        {"note": note, "revisions": revisions, "country": Country.objects.get(pk=note.country_id)},
    )


def _label(choices: Any, value: Any) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value or "—")


@require_POST
@office_view(Role.OFFICER)
def note_delete(request: OfficeRequest, pk: int) -> HttpResponse:
    office = request.office
    note = get_for_office(CountryNote, office, pk=pk)
    if request.POST.get("confirm") != "yes":
        return render(request, "network/discover/note_confirm_delete.html", {"note": note})
    services.country_note_delete(note=note)
    messages.success(request, _("The country note was deleted."))
    return redirect("discover:notes", office_slug=office.slug)
