"""The dormancy review of a pact: the director revives or retires it."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from peyvand.accounts.access import OfficeRequest, office_view
from peyvand.accounts.models import Role
from peyvand.core.forms import apply_service_errors

from .. import selectors, services
from ..forms import (
    ReviewForm,
)
from ..letters import retire_letters, revive_letters
from .common import (
    back_to_detail,
)


@office_view(Role.DIRECTOR)
def review(request: OfficeRequest, pk: int) -> HttpResponse:
    office = request.office
    p = selectors.partnership_for_detail(office=office, pk=pk)
    refusal = services.review_refusal(p)
    if refusal:
        messages.error(request, refusal)
        return back_to_detail(office.slug, p.pk)
    today = timezone.localdate()
    deadline = today + dt.timedelta(days=180)
    revive_fa, revive_en = revive_letters(p, deadline)
    retire_fa, retire_en = retire_letters(p)
    form = ReviewForm(
        request.POST or None,
        office=office,
        initial={"deadline": deadline, "letter_fa": revive_fa, "letter_en": revive_en},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["decision"] == "revive":
                services.dormancy_review_revive(
                    partnership=p,
                    actor=request.membership,
                    deadline=data["deadline"],
                    commitments=form.plan(),
                    letter_fa=data["letter_fa"],
                    letter_en=data["letter_en"],
                )
                messages.success(request, _("The partnership has a rejuvenation plan."))
            else:
                # The form opens on the revive letters: unchanged, they are the retire ones.
                services.dormancy_review_retire(
                    partnership=p,
                    actor=request.membership,
                    reason=data["reason"],
                    letter_fa=None if data["letter_fa"] == revive_fa else data["letter_fa"],
                    letter_en=None if data["letter_en"] == revive_en else data["letter_en"],
                )
                messages.success(request, _("The partnership was retired."))
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            return back_to_detail(office.slug, p.pk, "history")
    context = {
        "form": form,
        "p": p,
        "letters": {
            "revive_fa": revive_fa,
            "revive_en": revive_en,
            "retire_fa": retire_fa,
            "retire_en": retire_en,
        },
    }
    return render(request, "partnerships/review.html", context)
