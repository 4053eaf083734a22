"""Writes of the calendar: a member regenerates their feed's secret address."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from peyvand.accounts.access import require_role
from peyvand.accounts.models import Office, OfficeMembership, Role
from peyvand.accounts.versions import bump_office

from .feeds import feed_token
from .models import FeedKey


@transaction.atomic
def feed_regenerate(*, office: Office, actor: OfficeMembership) -> str:
    """A new secret address for the actor's own feed; every older one stops answering."""
    require_role(actor, Role.VIEWER)
    key, created = FeedKey.objects.select_for_update().get_or_create(
        office=office, user=actor.user, defaults={"generation": 2}
    )
    if not created:
        FeedKey.objects.filter(pk=key.pk).update(generation=F("generation") + 1)
    FeedKey.objects.filter(pk=key.pk).update(regenerated_at=timezone.now())
    bump_office(office.pk)  # the kept pages show the address
    return feed_token(office, actor.user)
