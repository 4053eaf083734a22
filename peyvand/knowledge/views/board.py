"""The board by stage and the pipeline's moves: from the board (htmx redraws the board,
its counts included) and from the practice's page."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peyvand.accounts.access import OfficeRequest, get_for_office, office_page, office_view
from peyvand.accounts.models import Role
from peyvand.core.validation import NotAllowedNow

from .. import selectors, services
from ..forms import MoveForm
from ..models import Practice, Stage
from ..presenters import history_rows


def board_context(request: OfficeRequest) -> dict[str, Any]:
    columns = selectors.board(office=request.office)
    membership = request.membership
    for column in columns:
        column["cards"] = [
            {"p": p, "moves": services.allowed_moves(p, membership)} for p in column["practices"]
        ]
    return {"columns": columns}


@office_view()
@office_page
def practice_board(request: OfficeRequest) -> HttpResponse:
    return render(request, "knowledge/board.html", board_context(request))


@require_POST
@office_view(Role.OFFICER)
def practice_move(request: OfficeRequest, pk: int) -> HttpResponse:
    """A move on the pipeline, with the version the mover saw (a stale one is refused and
    says what changed). From the board through htmx the answer is the board again."""
    office = request.office
    p = get_for_office(Practice, office, pk=pk)
    form = MoveForm(request.POST)
    on_board = request.POST.get("from") == "board"
    error, changed, done = "", [], None
    if not form.is_valid():
        error = _("Choose a stage of the pipeline.")
    else:
        data = form.cleaned_data
        try:
            done = services.practice_move(
                practice=p,
                actor=request.membership,
                stage=data["stage"],
                reason=data["reason"],
                expected_version=data["version"],
            )
        except services.StaleVersion as exc:
            error, changed = exc.message, history_rows(exc.events)
        except NotAllowedNow as exc:
            error = exc.message
        except ValidationError as exc:
            error = " ".join(exc.messages)
    notice = (
        _("“%(title)s” is now at “%(stage)s”.")
        % {"title": done.title, "stage": Stage(done.stage).label}
        if done is not None
        else ""
    )
    if on_board and request.headers.get("HX-Request"):
        context = {
            **board_context(request),
            "notice": notice,
            "error": error,
            "stale_changes": changed,
            "moved": done.pk if done else None,
        }
        return render(request, "knowledge/board.html#board", context)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, notice)
    if on_board:
        return redirect(reverse("knowledge:board", kwargs={"office_slug": office.slug}))
    return redirect(
        reverse("knowledge:detail", kwargs={"office_slug": office.slug, "pk": p.pk}) + "#stage"
    )
