"""What the missions app adds to a pact's page (partnerships.panels)."""

from __future__ import annotations

from typing import Any

from peyvand.accounts.access import OfficeRequest
from peyvand.partnerships.models import Partnership

from .. import selectors


def pact_missions(request: OfficeRequest, p: Partnership) -> dict[str, Any]:
    """The pact's latest missions and how many it has."""
    return {
        "partnership": p,
        **selectors.missions_of_partnership(office=request.office, partnership=p),
    }
