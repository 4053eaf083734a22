"""The current office (from the URL) and role checks: one way for views, API and services.

- Pages: `@office_view(minimum_role)`; the view receives an `OfficeRequest`.
- API: `office_request(request, slug, minimum_role)` in the first line of an endpoint; it
  answers 404 to a stranger and 403 (translated) to a member with too low a role.
- Services: `require_role(actor, minimum_role)` raises `PermissionDenied`.
- Kept pages (`core.pagecache`): `@office_page` under `@office_view` on an office's page,
  `@world_page` on a page of the shared world, `@office_answer` and `@world_answer` on the
  API's lists; the versions they are kept under are here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any, Concatenate, TypeVar, cast
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import connection, models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from peyvand.core.models import Counter
from peyvand.core.pagecache import cached_answer, cached_page
from peyvand.core.versions import WORLD, world_version

from .actors import Actor
from .models import ROLE_RANK, ApiToken, Office, OfficeMembership, Role

M = TypeVar("M", bound=models.Model)


class OfficeRequest(HttpRequest):
    """A request made within an office: the office of the URL and the user's membership."""

    office: Office
    membership: OfficeMembership
    seat: Seat


OfficeView = Callable[Concatenate[OfficeRequest, ...], HttpResponse]
View = Callable[..., HttpResponse]


@dataclass(frozen=True)
class Seat:
    """A member's place in an office, as one row: what every office request needs before
    its page (the role check, the versions a kept page is found under)."""

    membership_id: int
    role: str
    office_id: int
    office_version: int
    world_version: int
    two_factor_for_directors: bool = False

    @property
    def needs_two_factor(self) -> bool:
        return self.two_factor_for_directors and self.role == Role.DIRECTOR

    def has_role(self, minimum: str) -> bool:
        return ROLE_RANK[Role(self.role)] >= ROLE_RANK[Role(minimum)]


@functools.cache
def _seat_sql() -> str:
    m, o, c = OfficeMembership._meta, Office._meta, Counter._meta
    col = {f.name: f.column for f in (*m.concrete_fields, *o.concrete_fields)}
    return (
        f"SELECT m.{m.pk.column}, m.{col['role']}, o.{o.pk.column}, o.{col['data_version']}, "
        f"(SELECT c.value FROM {c.db_table} c WHERE c.name = %s), "
        f"o.{col['two_factor_for_directors']} "
        f"FROM {m.db_table} m INNER JOIN {o.db_table} o ON o.{o.pk.column} = m.{col['office']} "
        f"WHERE m.{col['user']} = %s AND o.{col['slug']} = %s"
    )


def seat_for(user: Any, office_slug: str) -> Seat:
    """The user's seat in the office named in the URL, in one small query compiled once
    per process (this runs on every office request); 404 for a stranger."""
    if not user.is_authenticated:
        raise Http404
    with connection.cursor() as cursor:
        cursor.execute(_seat_sql(), [WORLD, user.pk, office_slug])
        row = cursor.fetchone()
    if row is None:
        # Not revealing whether the office exists: a stranger sees 404, never 403.
        raise Http404
    return Seat(int(row[0]), row[1], int(row[2]), int(row[3]), int(row[4] or 0), bool(row[5]))


def membership_for(user: Any, office_slug: str) -> OfficeMembership:
    """The user's membership of the office named in the URL (with its office); 404 for a
    stranger."""
    seat = seat_for(user, office_slug)
    membership: OfficeMembership = OfficeMembership.objects.select_related("office").get(
        pk=seat.membership_id
    )
    return membership


def require_role(actor: Actor | Seat, minimum: str) -> None:
    """The one role check: `PermissionDenied` unless the actor holds at least `minimum`."""
    if not actor.has_role(minimum):
        raise PermissionDenied


LAST_OFFICE = "last_office"


class TwoFactorRequired(PermissionDenied):
    """A director of an office that requires two-factor sign-in, not signed in with it:
    pages send them to set it up; the API answers 403."""


def _verified(request: HttpRequest) -> bool:
    is_verified = getattr(request.user, "is_verified", None)  # django_otp's middleware
    return bool(is_verified()) if callable(is_verified) else False


# The token a request was authenticated with (set by accounts.api_auth), on the request.
TOKEN_ATTRIBUTE = "api_token"


def request_token(request: HttpRequest) -> ApiToken | None:
    """The token a request was authenticated with, None for a session."""
    found = getattr(request, TOKEN_ATTRIBUTE, None)
    return found if isinstance(found, ApiToken) else None


def office_request(
    request: HttpRequest, office_slug: str, minimum: str = Role.VIEWER
) -> OfficeRequest:
    """Resolve the office of the URL on this request: 404 for a stranger, 403 below `minimum`."""
    seat = seat_for(request.user, office_slug)
    if seat.needs_two_factor and not _verified(request):
        raise TwoFactorRequired
    require_role(seat, minimum)
    scoped = cast(OfficeRequest, request)
    scoped.seat = seat
    # Loaded when the page reads them: a kept page (core.pagecache) needs the seat only.
    membership = SimpleLazyObject(
        lambda: OfficeMembership.objects.select_related("office").get(pk=seat.membership_id)
    )
    scoped.membership = cast(OfficeMembership, membership)
    scoped.office = cast(Office, SimpleLazyObject(lambda: scoped.membership.office))
    if request_token(request) is None and (request.session.get(LAST_OFFICE) != office_slug):
        request.session[LAST_OFFICE] = office_slug  # the menu keeps it on the atlas pages
    return scoped


def office_view(minimum: str = Role.VIEWER) -> Callable[[OfficeView], View]:
    """Resolve the office from the URL, require membership and at least `minimum` role.

    The view receives an `OfficeRequest`; the `office_slug` URL argument is consumed here.
    """

    def decorator(view: OfficeView) -> View:
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, office_slug: str, *args: Any, **kwargs: Any) -> Any:
            try:
                scoped = office_request(request, office_slug, minimum)
            except TwoFactorRequired:
                target = reverse("accounts:two_factor_setup")
                return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
            return view(scoped, *args, **kwargs)

        return wrapped

    return decorator


def get_for_office[T: models.Model](model: type[T], office: Office, **lookup: Any) -> T:
    """Fetch an office-private object; another office's object answers 404."""
    return get_object_or_404(model._default_manager.filter(office=office), **lookup)


def office_page_key(request: OfficeRequest, *args: Any, **kwargs: Any) -> tuple[int, ...]:
    """What an office's page shows: the office's data and the world's, as one member (role,
    department and own records) sees them."""
    seat = request.seat
    return (seat.office_id, seat.office_version, seat.world_version, seat.membership_id)


def world_page_key(request: HttpRequest, *args: Any, **kwargs: Any) -> tuple[Any, ...]:
    """What a page of the shared world shows: the world, and for a member the office whose
    menu (and private pacts) the page shows (the one last worked in)."""
    user = request.user
    if not user.is_authenticated:
        return (world_version(),)
    last = request.session.get(LAST_OFFICE)
    office_version = (
        Office.objects.filter(slug=last).values_list("data_version", flat=True).first()
        if last
        else None
    )
    return (world_version(), user.pk, last, office_version)


office_page = cached_page(office_page_key)
world_page = cached_page(world_page_key)


def office_answer_key(
    request: HttpRequest, slug: str, *args: Any, **kwargs: Any
) -> tuple[int, ...]:
    """An API answer about an office: as `office_page_key` (a stranger is answered 404 here,
    before anything is looked up; a director who must sign in with two factors and has not
    is answered 403 before a kept answer is looked up)."""
    seat = seat_for(request.user, slug)
    if seat.needs_two_factor and not _verified(request):
        raise TwoFactorRequired
    return (seat.office_id, seat.office_version, seat.world_version, seat.membership_id)


def world_answer_key(request: HttpRequest, *args: Any, **kwargs: Any) -> tuple[int, ...]:
    return (world_version(),)


office_answer = cached_answer(office_answer_key)
world_answer = cached_answer(world_answer_key)
