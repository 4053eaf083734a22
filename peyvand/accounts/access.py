"""The current office (from the URL) and role checks used by every office view."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from .models import Office, OfficeMembership, Role

M = TypeVar("M", bound=models.Model)
View = Callable[..., HttpResponse]


def membership_for(user: Any, office_slug: str) -> OfficeMembership:
    """The user's membership of the office named in the URL; 404 for a stranger."""
    if not user.is_authenticated:
        raise Http404
    membership = (
        OfficeMembership.objects.select_related("office", "office__home_city", "department")
        .filter(user=user, office__slug=office_slug)
        .first()
    )
    if membership is None:
        # Not revealing whether the office exists: a stranger sees 404, never 403.
        raise Http404
    return membership


def office_view(minimum: str = Role.VIEWER) -> Callable[[View], View]:
    """Resolve the office from the URL, require membership and at least `minimum` role.

    The view receives `request.office` and `request.membership`; the `office_slug` URL
    argument is consumed here.
    """

    def decorator(view: View) -> View:
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, office_slug: str, *args: Any, **kwargs: Any) -> Any:
            membership = membership_for(request.user, office_slug)
            if not membership.has_role(minimum):
                raise PermissionDenied
            request.office = membership.office  # type: ignore[attr-defined]
            request.membership = membership  # type: ignore[attr-defined]
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def get_for_office[M: models.Model](model: type[M], office: Office, **lookup: Any) -> M:
    """Fetch an office-private object; another office's object answers 404."""
    return get_object_or_404(model._default_manager.filter(office=office), **lookup)


def require_role(membership: OfficeMembership, minimum: str) -> None:
    if not membership.has_role(minimum):
        raise PermissionDenied
