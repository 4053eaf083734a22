"""The rows of every module besides the pacts and activities, office by office: their own
files, called by `OfficeBuilder.build` after the activities (and before the scores and the
search index, which read them)."""

from __future__ import annotations

from .build import OfficeBuilder
from .knowledge import build_practices
from .missions import build_contacts, build_events, build_missions
from .opportunities import build_opportunities
from .organizations import build_memberships
from .portal import build_portal


def build_modules(b: OfficeBuilder) -> None:
    orgs = b.ctx.organizations
    build_memberships(b, orgs)
    contacts = build_contacts(b, orgs)
    events = build_events(b, orgs)
    observed = build_missions(b, contacts, events)
    build_practices(b, observed)
    build_opportunities(b, orgs, contacts)
    build_portal(b)
