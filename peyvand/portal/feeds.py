"""The Atom feed of an office's published activities (django.utils.feedgenerator through
the syndication framework), with the licence as the feed's rights."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from peyvand.accounts.models import Office

from . import opendata, selectors

ITEMS = 50


class ActivityFeed(Feed[Any, Office]):
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, office_slug: str) -> Office:
        return selectors.portal_office(office_slug)

    def title(self, office: Office) -> str:
        return _("%(office)s: activities of its partnerships") % {"office": office.name}

    def subtitle(self, office: Office) -> str:
        return _("What the published partnerships of %(office)s did, newest first.") % {
            "office": office.name
        }

    def link(self, office: Office) -> str:
        return reverse("portal:home", kwargs={"office_slug": office.slug})

    def feed_copyright(self, office: Office) -> str:
        return f"{opendata.LICENCE} ({opendata.LICENCE_URL}): {opendata.attribution(office)}"

    def items(self, office: Office) -> list[Any]:
        return list(selectors.public_activities(office)[:ITEMS])

    def item_title(self, item: Any) -> str:
        return str(item.title)

    def item_description(self, item: Any) -> str:
        cities = ", ".join(p.partner_city.name for p in item.public_pacts)
        parts = [f"{item.get_kind_display()} | {cities}"]
        if item.description:
            parts.append(item.description)
        parts.extend(str(o) for o in item.outcomes.all())
        return "\n".join(parts)

    def item_link(self, item: Any) -> str:
        pact = item.public_pacts[0]
        url = reverse("portal:partnership", kwargs={"office_slug": item.office.slug, "pk": pact.pk})
        return f"{url}#activity-{item.pk}"

    def item_guid(self, item: Any) -> str:
        return f"peyvand-activity-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Any) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(item.date, dt.time(12)))

    def item_updateddate(self, item: Any) -> dt.datetime:
        updated: dt.datetime = item.updated_at
        return updated
