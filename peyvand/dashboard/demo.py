"""The demo office's data, module by module, in the order they build on each other."""

from __future__ import annotations

import datetime as dt

from peyvand.accounts.models import Office


def load_demo_modules(office: Office, *, today: dt.date | None = None) -> list[str]:
    """Everything after the pacts: memberships, people and events, missions, practices,
    pitches and funding, and what the portal publishes. Each part is loaded once (an office
    that has it keeps it), so an older demo office gains what a newer release brings.
    Returns one sentence a part."""
    from peyvand.knowledge.demo import load_demo_practices
    from peyvand.missions.demo.missions import load_demo_missions
    from peyvand.missions.demo.people import load_demo_people
    from peyvand.opportunities.demo import load_demo_opportunities
    from peyvand.organizations.demo import load_demo_memberships
    from peyvand.portal.demo import load_demo_portal

    said = [load_demo_memberships(office, today=today)]
    people = load_demo_people(office, today=today)
    said.append(load_demo_missions(office, people=people, today=today))
    said.append(load_demo_practices(office, today=today))
    said.append(load_demo_opportunities(office, today=today))
    said.append(load_demo_portal(office, today=today))
    return said
