"""Publishing pacts, activities and outcomes on the public portal: one service per kind,
each through `records.publishing.set_published` (officer and up, optimistic locking, the
change in the pact's history). What the portal shows of them is the portal's rule: an
activity under a published pact, an outcome of a shown activity."""

from __future__ import annotations

from typing import Any

from peyvand.accounts.actors import Actor
from peyvand.records.history import named, record_event, subject_of
from peyvand.records.publishing import Recorder, set_published

from .. import selectors
from ..models import Activity, Outcome, Partnership


def _in_pacts(actor: Actor, pacts: list[Partnership], extra: dict[str, Any]) -> Recorder:
    """A part's change recorded in the history of each pact it concerns."""

    def record(current: Any, action: str, changes: dict[str, Any]) -> None:
        for p in pacts:
            record_event(
                target=p,
                actor=actor,
                action=f"{current._meta.model_name}_{action}",
                changes={**extra, **changes},
                subject=subject_of(current),
                subject_version=current.version,
            )

    return record


def partnership_publish(
    *, record: Partnership, actor: Actor, published: Any, expected_version: int | None = None
) -> Partnership:
    return set_published(
        record=record, actor=actor, published=published, expected_version=expected_version
    )


def activity_publish(
    *, record: Activity, actor: Actor, published: Any, expected_version: int | None = None
) -> Activity:
    pacts = selectors.pacts_of_activity(record)
    return set_published(
        record=record,
        actor=actor,
        published=published,
        expected_version=expected_version,
        recorder=_in_pacts(actor, pacts, {"activity": record.title}),
    )


def outcome_publish(
    *, record: Outcome, actor: Actor, published: Any, expected_version: int | None = None
) -> Outcome:
    activity = record.activity
    pacts = selectors.pacts_of_activity(activity)
    return set_published(
        record=record,
        actor=actor,
        published=published,
        expected_version=expected_version,
        recorder=_in_pacts(actor, pacts, {"activity": activity.title, "outcome": named(record)}),
    )
