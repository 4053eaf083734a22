"""Reads of the missions app, one module per entity."""

from __future__ import annotations

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
    "REPORT_DUE_DAYS",
    "board",
    "mission_for_detail",
    "mission_list",
    "missions_of_partnership",
    "report_due_on",
    "report_parts",
    "reports_due",
    "status_counts",
]
