"""Atlas pages: search (page and htmx fragment), about the data, the name review."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peyvand.accounts.access import world_page
from peyvand.core.forms import apply_service_errors
from peyvand.core.pagination import paginate, querystring_without

from . import selectors, services
from .forms import CityAddForm, ConfirmNameForm, ReviewFilterForm, SearchForm
from .models import City

RESULTS = 12
REVIEW_PERMISSION = "places.review_names"


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # the views below require a login
    return request.user


def _search_context(request: HttpRequest) -> dict[str, object]:
    form = SearchForm(request.GET or None)
    query, country, results = "", None, []
    if form.is_valid():
        query = form.cleaned_data["q"].strip()
        country = form.cleaned_data["country"]
        if query:
            results = selectors.city_search(
                query, country=country.code if country else None, limit=RESULTS
            )
    return {"form": form, "query": query, "results": results}


@world_page
def search(request: HttpRequest) -> HttpResponse:
    """The atlas home: one type-ahead box; without JavaScript the form shows results here."""
    context = _search_context(request)
    context["top_cities"] = selectors.top_cities(20)
    context["countries"] = selectors.countries_in_network()[:30]
    context["can_review"] = request.user.has_perm(REVIEW_PERMISSION)
    return render(request, "places/search.html", context)


def search_results(request: HttpRequest) -> HttpResponse:
    """The htmx fragment: the result list for the box."""
    return render(request, "places/search.html#results", _search_context(request))


@world_page
def about_data(request: HttpRequest) -> HttpResponse:
    return render(request, "places/about_data.html", selectors.atlas_size())


@login_required
@permission_required(REVIEW_PERMISSION, raise_exception=True)
def review(request: HttpRequest) -> HttpResponse:
    """The Persian-name review queue, most-linked cities first."""
    form = ReviewFilterForm(request.GET or None)
    country, suggested = None, False
    if form.is_valid():
        country = form.cleaned_data["country"]
        suggested = form.cleaned_data["suggested"]
    queue = selectors.review_queue(
        country=country.code if country else None, only_suggested=suggested
    )
    return render(
        request,
        "places/review.html",
        {
            "form": form,
            "page_obj": paginate(request, queue),
            "querystring": querystring_without(request, "page"),
            "recent": selectors.reviews_recent(),
        },
    )


@require_POST
@login_required
@permission_required(REVIEW_PERMISSION, raise_exception=True)
def review_confirm(request: HttpRequest, code: str) -> HttpResponse:
    city = get_object_or_404(City.objects.select_related("country"), code=code)
    form = ConfirmNameForm(request.POST)
    error = ""
    if form.is_valid():
        try:
            services.city_name_confirm(
                city=city,
                name=form.cleaned_data["name"],
                reviewer=_user(request),
                action=form.cleaned_data["action"],
            )
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            city.refresh_from_db()
    else:
        error = _("Type a Persian name.")
    if request.headers.get("HX-Request"):
        return render(
            request,
            "places/review.html#row",
            {"city": city, "error": error, "done": not error},
        )  # 200 even for an error: htmx swaps only 2xx answers, and the row shows it
    if error:
        messages.error(request, error)
    else:
        messages.success(
            request,
            _("Persian name of %(city)s confirmed: %(name)s")
            % {"city": city.name_en, "name": city.name_fa_confirmed},
        )
    next_url = request.POST.get("next", "")
    if next_url.startswith("/") and not next_url.startswith("//"):
        return redirect(next_url)
    return redirect("places:review")


@login_required
@permission_required(REVIEW_PERMISSION, raise_exception=True)
def city_add(request: HttpRequest) -> HttpResponse:
    form = CityAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            city = services.city_add(
                name_en=data["name_en"],
                name_fa=data["name_fa"],
                country=data["country"],
                lat=data["lat"],
                lon=data["lon"],
                population=data["population"],
                user=_user(request),
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("City added: %(city)s") % {"city": city.name_en})
            return redirect("network:city", code=city.code)
    return render(request, "places/city_add.html", {"form": form})
