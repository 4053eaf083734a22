"""What citizens sent through the public portal to an office: moderated feedback on its
published pacts, practices and pitches, and messages about its published pitches.

Rules kept (`portal.services`): feedback only on a published record, exactly one target,
a rating of 1 to 5 or none; a moderated comment has its moderator and time, a pending one
neither; the email is erased when a comment is rejected, spam or answered; a handled
message has its handler.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from peyvand.knowledge.models import Practice
from peyvand.opportunities.models import Pitch
from peyvand.portal.models import Feedback, FeedbackStatus, InboxMessage, MessageStatus

from . import vocabulary as words
from .draw import pick

if TYPE_CHECKING:
    from .build import OfficeBuilder

STATUSES = [
    (FeedbackStatus.PENDING, 20),
    (FeedbackStatus.APPROVED, 55),
    (FeedbackStatus.REJECTED, 15),
    (FeedbackStatus.SPAM, 10),
]


def build_portal(b: OfficeBuilder) -> None:

    rng = b.rng
    office = b.office
    targets: list[tuple[str, object]] = [
        ("partnership", pact.p) for pact in b.pacts if pact.p.published
    ]
    targets += [
        ("practice", p)
        for p in Practice.objects.filter(office=office, published=True).order_by("pk")
    ]
    pitches = list(Pitch.objects.filter(office=office, published=True).order_by("pk"))
    targets += [("pitch", p) for p in pitches]
    feedback: list[Feedback] = []
    for kind, target in targets:
        for _ in range(rng.choice((0, 0, 1, 1, 2, 3, 5))):
            status = pick(rng, STATUSES)
            language, comment = rng.choice(words.FEEDBACK)
            if status == FeedbackStatus.SPAM:
                language, comment = "en", words.SPAM
            answered = status == FeedbackStatus.APPROVED and rng.random() < 0.3
            keeps_email = (
                status in (FeedbackStatus.PENDING, FeedbackStatus.APPROVED) and not answered
            )
            moderated = status != FeedbackStatus.PENDING
            when = b.day(b.until - rng.randint(0, 700))
            feedback.append(
                Feedback(
                    office=office,
                    **{kind: target},
                    comment=comment,
                    rating=rng.randint(1, 5) if rng.random() < 0.6 else None,
                    email=f"citizen{rng.randint(1, 99999)}@example.org"
                    if keeps_email and rng.random() < 0.5
                    else "",
                    language=language,
                    status=status,
                    answered=answered,
                    moderated_by=rng.choice(b.editors) if moderated else None,
                    moderated_at=dt.datetime.combine(when, dt.time(12), tzinfo=dt.UTC)
                    if moderated
                    else None,
                    version=2 if moderated else 1,
                )
            )
    Feedback.objects.bulk_create(feedback, batch_size=b.ctx.batch)
    messages: list[InboxMessage] = []
    for pitch in pitches:
        for _ in range(rng.randint(0, 3)):
            name, org, body = rng.choice(words.INBOX)
            handled = rng.random() < 0.6
            messages.append(
                InboxMessage(
                    office=office,
                    pitch=pitch,
                    name=name,
                    organization=org,
                    email=f"investor{rng.randint(1, 99999)}@example.org",
                    body=body,
                    status=MessageStatus.HANDLED if handled else MessageStatus.NEW,
                    handled_by=rng.choice(b.editors) if handled else None,
                )
            )
    InboxMessage.objects.bulk_create(messages, batch_size=b.ctx.batch)
    b.ctx.count(Feedback, len(feedback))
    b.ctx.count(InboxMessage, len(messages))
