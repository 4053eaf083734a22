"""Reads of the missions app, one module per entity; import from this package.

Selectors never write or enqueue."""

from __future__ import annotations

from .contacts import (
    MISSION_DONE,
    PANEL_SHOWN,
    TIMELINE_SHOWN,
    TimelineRow,
    contact_cities,
    contact_countries,
    contact_duplicates,
    contact_for_detail,
    contact_list,
    contact_organizations,
    contact_timeline,
    merge_candidates,
    normalised_name,
    office_pacts,
    pact_contacts,
    with_last_interaction,
)
from .events import event_for_detail, event_list, event_missions, event_years
from .missions import (
    BOARD_COLUMNS,
    REPORT_DUE_DAYS,
    board,
    mission_for_detail,
    mission_list,
    missions_of_partnership,
    report_due_on,
    report_parts,
    reports_due,
    status_counts,
)

__all__ = [
    "BOARD_COLUMNS",
    "MISSION_DONE",
    "PANEL_SHOWN",
    "REPORT_DUE_DAYS",
    "TIMELINE_SHOWN",
    "TimelineRow",
    "board",
    "contact_cities",
    "contact_countries",
    "contact_duplicates",
    "contact_for_detail",
    "contact_list",
    "contact_organizations",
    "contact_timeline",
    "event_for_detail",
    "event_list",
    "event_missions",
    "event_years",
    "merge_candidates",
    "mission_for_detail",
    "mission_list",
    "missions_of_partnership",
    "normalised_name",
    "office_pacts",
    "pact_contacts",
    "report_due_on",
    "report_parts",
    "reports_due",
    "status_counts",
    "with_last_interaction",
]
