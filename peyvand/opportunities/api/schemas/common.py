"""What the opportunities API's schemas share: the bounds of what they parse and the
examples of the OpenAPI document (each validates against its schema)."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from ninja import Field

from peyvand.core.validation import TEXT_MAX

from ...models.pitches import DISTRICT_MAX

# A follow-up's note (PartyFollowUp.note).
FOLLOW_UP_MAX = 500

# Bounds of what the schema parses; the records' own limits (a title's 300 characters,
# an amount's 15 digits) are the services' rules, answered with their translated words.
Text = Annotated[str, Field(max_length=TEXT_MAX)]
Code = Annotated[str, Field(max_length=80)]
Amount = Annotated[Decimal, Field(ge=0, le=Decimal(10**18))]
District = Annotated[int, Field(ge=1, le=DISTRICT_MAX)]
LIST_MAX = 50


# The examples of the OpenAPI document (each validates against its schema).
FOLLOW_UP_EXAMPLE = {
    "id": 7,
    "date": "2026-12-10",
    "note": "Send the feasibility study",
    "done": False,
}
PARTY_EXAMPLE = {
    "id": 3,
    "kind": "organization",
    "contact_id": None,
    "organization_id": 12,
    "city": None,
    "note": "Keen on co-financing the first phase.",
    "follow_ups": [FOLLOW_UP_EXAMPLE],
    "version": 1,
}
PITCH_EXAMPLE = {
    "id": 5,
    "title_fa": "قطار سبک منطقهٔ ۲۲",
    "title_en": "Light rail for district 22",
    "description_fa": "",
    "description_en": "A 9 km light rail line linking district 22 to the metro.",
    "area": "transport",
    "location": "District 22",
    "district": 22,
    "budget": "450000000",
    "financing_sought": "300000000",
    "currency": "EUR",
    "instrument": "loan",
    "stage": "feasibility",
    "status": "in_talks",
    "parties": [PARTY_EXAMPLE],
    "documents": ["concept-note.pdf"],
    "published": False,
    "version": 2,
    "is_demo": False,
}
PITCH_IN_EXAMPLE = {
    "title_fa": "قطار سبک منطقهٔ ۲۲",
    "title_en": "Light rail for district 22",
    "area": "transport",
    "district": 22,
    "budget": "450000000",
    "financing_sought": "300000000",
    "currency": "EUR",
    "instrument": "loan",
    "stage": "feasibility",
}
CALL_EXAMPLE = {
    "id": 4,
    "funder_id": 12,
    "title_fa": "فراخوان شهرهای پایدار",
    "title_en": "Sustainable cities call",
    "deadline": "2027-03-31",
    "amount_min": "100000",
    "amount_max": "2000000",
    "currency": "EUR",
    "areas": ["environment", "transport"],
    "link": "https://example.org/calls/sustainable-cities",
    "notes": "",
    "application_ids": [9],
    "version": 1,
    "is_demo": False,
}
CALL_IN_EXAMPLE = {
    "funder_id": 12,
    "title_en": "Sustainable cities call",
    "deadline": "2027-03-31",
    "amount_max": "2000000",
    "currency": "EUR",
    "areas": ["environment"],
}
APPLICATION_EXAMPLE = {
    "id": 9,
    "call_id": 4,
    "pitch_id": 5,
    "status": "preparation",
    "status_reason": "",
    "partner_cities": ["gn:2950159"],
    "partner_organization_ids": [12],
    "amount_requested": "1500000",
    "amount_granted": None,
    "currency": "EUR",
    "notes": "",
    "deadline": "2027-03-31",
    "version": 1,
    "is_demo": False,
}
DOCUMENT_EXAMPLE = {
    "id": 2,
    "kind": "concept_note",
    "name": "concept-note.pdf",
    "content_type": "application/pdf",
    "size": 48213,
    "uploaded_at": "2026-11-20T09:30:00Z",
}
