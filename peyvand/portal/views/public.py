"""The public portal's pages: no login, in Persian and English, only published records
(every read goes through `selectors`). GET pages are kept (`public_page`); the forms of a
page (feedback, contact) post to the page itself."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from peyvand.core.forms import apply_service_errors
from peyvand.core.pagination import paginate
from peyvand.partnerships.models import OutcomeKind

from .. import selectors, services
from ..forms import ContactForm, FeedbackForm
from ..models import TargetKind
from .common import page_context, public_page, shorten

PACTS_PER_PAGE = 50
ACTIVITIES_PER_PAGE = 20
LIST_PER_PAGE = 20
COMMENTS_SHOWN = 50
MAP_POINTS = 500


def _point(city: Any) -> dict[str, Any] | None:
    if city is None or city.lat is None or city.lon is None:
        return None
    return {"name": city.name, "lat": city.lat, "lon": city.lon}


@public_page
def home(request: HttpRequest, office_slug: str) -> HttpResponse:
    office = selectors.portal_office(office_slug)
    today = timezone.localdate()
    pacts = selectors.public_pacts(office)
    page = paginate(request, pacts, per_page=PACTS_PER_PAGE)
    partners = []
    for p in pacts[:MAP_POINTS]:
        point = _point(p.partner_city)
        if point:
            url = reverse("portal:partnership", kwargs={"office_slug": office.slug, "pk": p.pk})
            partners.append({**point, "url": url, "confirmed": True})
    map_data = {
        "countries": static("vendor/world-atlas/countries-110m.json"),
        "city": _point(office.home_city),
        "partners": partners,
    }
    counts = selectors.portal_counts(office, today)
    context = page_context(
        request,
        office,
        title=_("%(office)s: partnerships and what they delivered") % {"office": office.name},
        description=_(
            "The international partnerships of %(office)s, what each one delivered, the "
            "practices brought home, projects open to investors and upcoming events."
        )
        % {"office": office.name},
        section="home",
        page_obj=page,
        pacts=list(page.object_list),
        map_data=map_data,
        counts=counts,
        events=list(selectors.public_events(office, today)[:3]),
    )
    return render(request, "portal/home.html", context)


def _feedback_post(
    request: HttpRequest, office: Any, kind: str, record: Any
) -> tuple[FeedbackForm, HttpResponse | None]:
    """The feedback form of a public record's page: bound and checked on a POST, with
    the answer to send (a redirect when it went through) or None to show the page."""
    if request.method != "POST" or request.POST.get("form") != "feedback":
        return FeedbackForm(), None
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return form, None
    data = form.cleaned_data
    try:
        services.feedback_submit(
            office=office,
            kind=kind,
            target=record,
            comment=data["comment"],
            rating=data["rating"],
            email=data["email"],
            language=get_language() or "fa",
            sender=services.sender_of(request),
        )
    except services.Trapped:
        pass  # a robot: told what a person is told, nothing stored
    except services.RateLimited:
        return form, _limited(request, office)
    except ValidationError as exc:
        apply_service_errors(form, exc)
        return form, None
    messages.success(
        request,
        _("Thank you. Your comment will appear here once the office has reviewed it."),
    )
    return form, redirect(f"{request.path}#feedback")


def _limited(request: HttpRequest, office: Any) -> HttpResponse:
    context = page_context(
        request,
        office,
        title=_("Too many messages"),
        description=_("Too many messages were sent from your connection."),
        section="",
    )
    return render(request, "portal/limited.html", context, status=429)


def _feedback_context(kind: str, record: Any, form: FeedbackForm) -> dict[str, Any]:
    return {
        "feedback_kind": kind,
        "feedback_form": form,
        "comments": list(selectors.approved_feedback(kind, record)[:COMMENTS_SHOWN]),
        "rating": selectors.rating_of(kind, record),
    }


@public_page
def partnership(request: HttpRequest, office_slug: str, pk: int) -> HttpResponse:
    office = selectors.portal_office(office_slug)
    p = selectors.public_pact(office, pk)
    form, answer = _feedback_post(request, office, TargetKind.PARTNERSHIP, p)
    if answer is not None:
        return answer
    page = paginate(request, selectors.pact_activities(p), per_page=ACTIVITIES_PER_PAGE)
    partner = _point(p.partner_city)
    map_data = {
        "countries": static("vendor/world-atlas/countries-110m.json"),
        "city": _point(office.home_city),
        "partners": [{**partner, "confirmed": True}] if partner else [],
    }
    context = page_context(
        request,
        office,
        title=_("%(office)s and %(city)s") % {"office": office.name, "city": p.partner_city.name},
        description=p.summary
        or _("The partnership of %(office)s with %(city)s and what it delivered.")
        % {"office": office.name, "city": p.partner_city.name},
        section="partnership",
        p=p,
        show_health=selectors.shows_health(office) and p.in_force and bool(p.health_label),
        page_obj=page,
        activities=list(page.object_list),
        totals=[
            {"label": OutcomeKind(t["kind"]).label, "n": t["n"]}
            for t in selectors.pact_outcome_totals(p)
            if t["kind"] in OutcomeKind.values
        ],
        missions=list(selectors.pact_missions(p)[:20]),
        map_data=map_data,
        has_partner=partner is not None,
        **_feedback_context(TargetKind.PARTNERSHIP, p, form),
    )
    return render(request, "portal/partnership.html", context)


@public_page
def practices(request: HttpRequest, office_slug: str) -> HttpResponse:
    office = selectors.portal_office(office_slug)
    page = paginate(request, selectors.public_practices(office), per_page=LIST_PER_PAGE)
    context = page_context(
        request,
        office,
        title=_("Practices adopted by %(office)s") % {"office": office.name},
        description=_("Practices %(office)s learned from partner cities and adopted at home.")
        % {"office": office.name},
        section="practices",
        page_obj=page,
        items=list(page.object_list),
    )
    return render(request, "portal/practices.html", context)


@public_page
def practice(request: HttpRequest, office_slug: str, pk: int) -> HttpResponse:
    office = selectors.portal_office(office_slug)
    item = selectors.public_practice(office, pk)
    form, answer = _feedback_post(request, office, TargetKind.PRACTICE, item)
    if answer is not None:
        return answer
    context = page_context(
        request,
        office,
        title=item.title,
        description=item.tr("summary") or item.title,
        section="practices",
        item=item,
        **_feedback_context(TargetKind.PRACTICE, item, form),
    )
    return render(request, "portal/practice.html", context)


@public_page
def pitches(request: HttpRequest, office_slug: str) -> HttpResponse:
    office = selectors.portal_office(office_slug)
    page = paginate(request, selectors.public_pitches(office), per_page=LIST_PER_PAGE)
    context = page_context(
        request,
        office,
        title=_("Projects of %(office)s open to investors") % {"office": office.name},
        description=_("Projects %(office)s seeks partners and financing for.")
        % {"office": office.name},
        section="pitches",
        page_obj=page,
        items=list(page.object_list),
    )
    return render(request, "portal/pitches.html", context)


@public_page
def pitch(request: HttpRequest, office_slug: str, pk: int) -> HttpResponse:
    office = selectors.portal_office(office_slug)
    item = selectors.public_pitch(office, pk)
    form, answer = _feedback_post(request, office, TargetKind.PITCH, item)
    if answer is not None:
        return answer
    contact = ContactForm()
    if request.method == "POST" and request.POST.get("form") == "contact":
        contact = ContactForm(request.POST)
        if contact.is_valid():
            data = contact.cleaned_data
            try:
                services.message_send(
                    office=office,
                    pitch=item,
                    name=data["name"],
                    organization=data["organization"],
                    email=data["email"],
                    body=data["body"],
                    sender=services.sender_of(request),
                )
            except services.Trapped:
                pass
            except services.RateLimited:
                return _limited(request, office)
            except ValidationError as exc:
                apply_service_errors(contact, exc)
            if not contact.errors:
                messages.success(
                    request,
                    _("Thank you. Your message was sent to the office, which will answer you."),
                )
                return redirect(f"{request.path}#contact")
    context = page_context(
        request,
        office,
        title=item.title,
        description=shorten(item.tr("description")) or item.title,
        section="pitches",
        item=item,
        contact_form=contact,
        **_feedback_context(TargetKind.PITCH, item, form),
    )
    return render(request, "portal/pitch.html", context)


@public_page
def events(request: HttpRequest, office_slug: str) -> HttpResponse:
    office = selectors.portal_office(office_slug)
    today = timezone.localdate()
    page = paginate(request, selectors.public_events(office, today), per_page=LIST_PER_PAGE)
    context = page_context(
        request,
        office,
        title=_("Upcoming events of %(office)s") % {"office": office.name},
        description=_("International events %(office)s takes part in.") % {"office": office.name},
        section="events",
        page_obj=page,
        items=list(page.object_list),
    )
    return render(request, "portal/events.html", context)
