"""Search API, through the same services, rules and roles as the pages."""

from __future__ import annotations

from ninja import Router

from peyvand.accounts.api_auth import api_auth

router = Router(auth=api_auth)
