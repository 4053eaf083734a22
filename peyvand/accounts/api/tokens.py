"""The user's own access tokens in the API: list, make (the secret answered once), revoke.

Session only (`session_auth`): a token cannot make or list tokens.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema

from peyvand.core.api import ErrorOut, InSchema, RecordIdPath, ValidationOut, example

from .. import services
from ..api_auth import session_auth
from ..models import ApiToken, Office
from ..selectors import tokens_of

router = Router(auth=session_auth, tags=["tokens"])


TOKEN_EXAMPLE: dict[str, Any] = {
    "id": 2,
    "name": "Document system sync",
    "office": "tehran",
    "scope": "read_write",
    "hint": "pv_3fK9",
    "created_at": "2026-11-02T09:30:00Z",
    "expires": "2027-11-02",
    "last_used_at": None,
}


class TokenOut(Schema):
    model_config = example(**TOKEN_EXAMPLE)

    id: int
    name: str
    office: str = Field(..., description="The office's URL name (slug).")
    scope: str = Field(..., examples=["read_write"])
    hint: str = Field(..., description="The first characters of the token.")
    created_at: dt.datetime
    expires: dt.date | None = Field(None, alias="expires_on")
    last_used_at: dt.datetime | None

    @staticmethod
    def resolve_office(obj: ApiToken) -> str:
        return obj.office.slug


class TokenCreated(TokenOut):
    model_config = example(**TOKEN_EXAMPLE, token="pv_3fK9hQ2mX7vLw0aZ8eRt5yUi1oPs4dFg")

    token: str = Field(
        ..., description="The secret: shown only in this answer. Send it as Authorization: Bearer."
    )


class TokenIn(InSchema):
    model_config = example(
        office="tehran", scope="read", name="Document system sync", expires="2030-01-01"
    )

    office: str = Field(..., max_length=60, examples=["tehran"])
    scope: Literal["read", "read_write"] = "read"
    name: str = Field(..., max_length=100, examples=["Document system sync"])
    expires: dt.date | None = Field(None, examples=["2030-01-01"])


@router.get("/me/tokens", response={200: list[TokenOut]})
def list_tokens(request: HttpRequest) -> Any:
    return list(tokens_of(user=request.user))


@router.post("/me/tokens", response={201: TokenCreated, 422: ValidationOut})
def create_token(request: HttpRequest, payload: TokenIn) -> Any:
    """Make a token of yours in one of your offices; its secret is in this answer only."""
    office = Office.objects.filter(slug=payload.office).first()
    token, raw = services.token_create(
        user=request.user,
        office=office,  # none, or not the user's: refused as a field error
        name=payload.name,
        scope=payload.scope,
        expires_on=payload.expires,
    )
    token.token = raw  # type: ignore[attr-defined]
    return 201, token


@router.delete("/me/tokens/{pk}", response={204: None, 404: ErrorOut})
def revoke_token(request: HttpRequest, pk: RecordIdPath) -> Any:
    token = get_object_or_404(tokens_of(user=request.user), pk=pk)
    services.token_revoke(token=token, user=request.user)
    return 204, None
