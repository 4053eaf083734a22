"""An empty value for a field of choices that may not be blank is refused by the house's
field rules (found by the API's property test: a pitch with the status "" broke the
search index and the pages that show it)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from peyvand.accounts.actors import SYSTEM
from peyvand.missions import services as missions
from peyvand.opportunities import services
from peyvand.opportunities.models import Pitch


@pytest.mark.parametrize("field", ["status", "instrument", "stage"])
def test_a_pitch_without_a_status_instrument_or_stage_is_refused(office: Any, field: str) -> None:
    with pytest.raises(ValidationError) as refused:
        values: dict[str, Any] = {"title_en": "Tram", field: ""}
        services.pitch_create(office=office, actor=SYSTEM, **values)
    assert field in refused.value.message_dict
    assert not Pitch.objects.exists()


def test_a_contact_without_a_kind_is_refused(office: Any) -> None:
    with pytest.raises(ValidationError) as refused:
        missions.contact_create(
            office=office, actor=SYSTEM, name_en="Anna", kind="", confirm_duplicate=True
        )
    assert "kind" in refused.value.message_dict
