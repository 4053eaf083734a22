"""Publishing missions (their public summary) and events on the public portal: one service
per kind, through `records.publishing.set_published`."""

from __future__ import annotations

from typing import Any

from peyvand.accounts.actors import Actor
from peyvand.records.history import record_event, subject_of
from peyvand.records.publishing import set_published

from ..models import Event, Mission


def mission_publish(
    *, record: Mission, actor: Actor, published: Any, expected_version: int | None = None
) -> Mission:
    """The portal shows a published mission's title, dates and public summary only."""
    return set_published(
        record=record, actor=actor, published=published, expected_version=expected_version
    )


def event_publish(
    *, record: Event, actor: Actor, published: Any, expected_version: int | None = None
) -> Event:
    def recorded(current: Event, action: str, changes: dict[str, Any]) -> None:
        # An event keeps no history page: its entries name it as their subject.
        record_event(
            target=current,
            actor=actor,
            action=f"event_{action}",
            changes=changes,
            subject=subject_of(current),
            subject_version=current.version,
        )

    return set_published(
        record=record,
        actor=actor,
        published=published,
        expected_version=expected_version,
        recorder=recorded,
    )
