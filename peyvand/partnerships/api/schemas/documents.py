"""Agreements (with their files) and approvals in the API: what it answers and accepts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Field, Schema

from peyvand.core.api import InSchema, example

from ...models import Agreement

FILE_EXAMPLE: dict[str, Any] = {
    "id": 5,
    "name": "vienna-agreement-2019.pdf",
    "content_type": "application/pdf",
    "size": 182044,
    "uploaded_at": "2026-11-02T09:30:00Z",
}


class AgreementFileOut(Schema):
    """A file of an agreement (its content is served to the office's members by the page
    `/<lang>/o/<office>/files/agreement/<id>/`)."""

    model_config = example(**FILE_EXAMPLE)

    id: int
    name: str = Field(..., alias="original_name")
    content_type: str
    size: int
    uploaded_at: dt.datetime = Field(..., alias="created_at")


AGREEMENT_EXAMPLE: dict[str, Any] = {
    "id": 9,
    "partnership": 12,
    "title": "Sister city agreement",
    "languages": "Persian, German",
    "signatories": "The mayors of both cities",
    "signed_on": "2019-05-14",
    "valid_until": "2029-05-14",
    "files": [FILE_EXAMPLE],
    "version": 1,
}


class AgreementOut(Schema):
    model_config = example(**AGREEMENT_EXAMPLE)

    id: int
    partnership: int = Field(..., alias="partnership_id")
    title: str
    languages: str
    signatories: str
    signed_on: dt.date | None
    valid_until: dt.date | None
    files: list[AgreementFileOut]
    version: int

    @staticmethod
    def resolve_files(obj: Agreement) -> list[Any]:
        return list(obj.files.all())


class AgreementIn(InSchema):
    """An agreement of a pact (its files are added on the pact's page)."""

    model_config = example(
        title="Sister city agreement",
        languages="Persian, German",
        signatories="The mayors of both cities",
        signed_on="2019-05-14",
        valid_until="2029-05-14",
    )

    title: str = Field(..., max_length=300)
    languages: str = ""
    signatories: str = ""
    signed_on: dt.date | None = None
    valid_until: dt.date | None = None


class AgreementPatch(InSchema):
    """A correction of an agreement: the fields sent change, the others stay."""

    model_config = example(valid_until="2031-05-14")

    title: str | None = Field(None, max_length=300)
    languages: str | None = None
    signatories: str | None = None
    signed_on: dt.date | None = None
    valid_until: dt.date | None = None


APPROVAL_EXAMPLE: dict[str, Any] = {
    "id": 6,
    "partnership": 12,
    "body": "city_council",
    "body_name": "Tehran City Council",
    "status": "granted",
    "decided_on": "2019-04-30",
    "reference": "1398/4512",
    "has_document": True,
}


class ApprovalOut(Schema):
    """An approval the pact needs (its reference document is uploaded on the pact's page and
    downloaded by members from `/<lang>/o/<office>/files/approval/<id>/`)."""

    model_config = example(**APPROVAL_EXAMPLE)

    id: int
    partnership: int = Field(..., alias="partnership_id")
    body: str = Field(..., description="city_council, ministry or other.")
    body_name: str
    status: str = Field(..., description="pending, granted or refused.")
    decided_on: dt.date | None
    reference: str
    has_document: bool

    @staticmethod
    def resolve_has_document(obj: Any) -> bool:
        return bool(obj.document)


class ApprovalIn(InSchema):
    model_config = example(body="city_council", body_name="Tehran City Council")

    body: str
    body_name: str = ""
    reference: str = ""


class DecisionIn(InSchema):
    """The decision on an approval (pending again, granted or refused, with its date)."""

    model_config = example(status="granted", decided_on="2019-04-30", reference="1398/4512")

    status: str
    decided_on: dt.date | None = None
    reference: str = Field("", description="Kept as it was when empty.")
