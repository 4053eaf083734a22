"""Reads for partnerships: lists, alerts, the public links of the home city, the trend.

One module per concern; import from this package. Selectors never write or enqueue."""

from __future__ import annotations

from .alerts import Alert, alerts
from .health import health_facts, health_trend, health_weights, portal_shows_health
from .links import (
    HomeLink,
    home_city_links,
    office_pacts_version,
    registry_partner_cities,
    signed_partner_edges,
)
from .office_lists import (
    CommitmentState,
    activity_list,
    commitment_list,
    commitment_state_filter,
    date_range,
    office_pacts,
    outcome_list,
)
from .parts import (
    activities_of,
    activity_count,
    agreements_of,
    commitments_of,
    history_of,
    outcome_totals,
    pacts_of_activity,
)
from .registry import (
    city_search,
    label_counts,
    office_activities,
    partner_countries,
    partnership_for_detail,
    partnership_list,
    responsible_officers,
)

__all__ = [
    "Alert",
    "CommitmentState",
    "HomeLink",
    "activities_of",
    "activity_count",
    "activity_list",
    "agreements_of",
    "alerts",
    "city_search",
    "commitment_list",
    "commitment_state_filter",
    "commitments_of",
    "date_range",
    "health_facts",
    "health_trend",
    "health_weights",
    "history_of",
    "home_city_links",
    "label_counts",
    "office_activities",
    "office_pacts",
    "office_pacts_version",
    "outcome_list",
    "outcome_totals",
    "pacts_of_activity",
    "partner_countries",
    "partnership_for_detail",
    "partnership_list",
    "portal_shows_health",
    "registry_partner_cities",
    "responsible_officers",
    "signed_partner_edges",
]
