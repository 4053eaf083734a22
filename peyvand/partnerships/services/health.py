"""Writes of the health score: refreshing stored scores, an office's weights."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peyvand.accounts.access import require_role
from peyvand.accounts.actors import Actor
from peyvand.accounts.models import Office, Role
from peyvand.accounts.versions import bump_office
from peyvand.core.validation import validate_fields

from .. import health as hs
from .. import selectors
from ..models import (
    HealthSettings,
    Partnership,
)

# The pacts whose refresh waits for the end of a bulk write (`health_deferred`); per
# context (thread or task), never shared between requests.
_deferred: ContextVar[dict[int, Partnership] | None] = ContextVar("health_deferred", default=None)


@contextmanager
def health_deferred(*, refresh: bool = True) -> Iterator[dict[int, Partnership]]:
    """Within the block, `health_refresh` only notes its pacts; at the end each is
    refreshed once (a spreadsheet import of thousands of rows), or not at all with
    `refresh=False` (a preview whose transaction is rolled back; the caller gets the
    pacts noted)."""
    pending: dict[int, Partnership] = {}
    token = _deferred.set(pending)
    try:
        yield pending
    finally:
        _deferred.reset(token)
    if refresh and pending:
        health_refresh(partnerships=list(pending.values()))


def health_refresh(*, partnerships: Sequence[Partnership], today: dt.date | None = None) -> None:
    """Recompute and store the score of these pacts (same transaction as the caller).

    Only a pact in force has a health: a proposed or negotiating one (or an ended one)
    is stored without score or label, so nothing counts it as dormant or paper only."""
    pending = _deferred.get()
    if pending is not None:
        pending.update((p.pk, p) for p in partnerships)
        return
    today = today or timezone.localdate()
    facts = selectors.health_facts(p.pk for p in partnerships)
    weights_by_office: dict[int, hs.Weights] = {}
    for p in partnerships:
        if p.office_id not in weights_by_office:
            weights_by_office[p.office_id] = selectors.health_weights(p.office)
        activities, commitments = facts[p.pk]
        stored: dict[str, Any] = {
            "health_score": None,
            "health_label": "",
            "paper_only": False,
            "health_components": {},
            "dormant_projected_on": None,
            "health_trend": [],
        }
        if p.in_force:
            weights = weights_by_office[p.office_id]
            facts_of: dict[str, Any] = {"activities": activities, "commitments": commitments}
            result = hs.compute_health(
                **facts_of, signed_on=p.signed_on, as_of=today, weights=weights
            )
            stored = {
                "health_score": result.score,
                "health_label": result.label,
                "paper_only": result.paper_only,
                "health_components": result.components,
                "dormant_projected_on": hs.project_dormancy(
                    **facts_of, signed_on=p.signed_on, as_of=today, weights=weights
                ),
                "health_trend": [
                    [day.isoformat(), score]
                    for day, score in hs.trend(
                        **facts_of, signed_on=p.signed_on, as_of=today, weights=weights
                    )
                ],
            }
        stored["health_computed_on"] = today
        for name, value in stored.items():
            setattr(p, name, value)
        # A queryset update: refreshing the score is not an edit (no version bump).
        Partnership.objects.filter(pk=p.pk).update(**stored)
    for office_id in weights_by_office:  # the pages showing the scores change
        bump_office(office_id)


def health_refresh_all(*, today: dt.date | None = None, batch: int = 500) -> int:
    """Refresh every pact of every office; returns how many were refreshed."""
    done = 0
    ids = list(Partnership.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch):
        with transaction.atomic():
            chunk = list(
                Partnership.objects.filter(pk__in=ids[start : start + batch]).select_related(
                    "office"
                )
            )
            health_refresh(partnerships=chunk, today=today)
            done += len(chunk)
    return done


@transaction.atomic
def health_settings_update(
    *, office: Office, actor: Actor, weights: dict[str, int]
) -> HealthSettings:
    require_role(actor, Role.DIRECTOR)
    if any(int(w) < 0 or int(w) > 100 for w in weights.values()):
        raise ValidationError(_("Each weight must be between 0 and 100."))
    if sum(int(w) for w in weights.values()) <= 0:
        raise ValidationError(_("At least one weight must be above zero."))
    row, _created = HealthSettings.objects.get_or_create(office=office)
    for name in hs.COMPONENTS:
        if name in weights:
            setattr(row, f"w_{name}", int(weights[name]))
    validate_fields(row)
    row.save()
    health_refresh(partnerships=list(Partnership.objects.for_office(office)))
    return row


@transaction.atomic
def portal_health_set(*, office: Office, actor: Actor, shown: Any) -> HealthSettings:
    """Whether the public portal shows the health label of a published pact in force
    (director only; off until the director chooses it)."""
    require_role(actor, Role.DIRECTOR)
    if not isinstance(shown, bool):
        raise ValidationError({"portal_health": [_("Say whether the labels are shown.")]})
    row, _created = HealthSettings.objects.get_or_create(office=office)
    if row.portal_health != shown:
        row.portal_health = shown
        row.save(update_fields=["portal_health", "updated_at"])
    return row
