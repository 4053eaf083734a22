"""Knowledge API: the office's practices and their pipeline, through the same services,
rules and roles as the pages."""

from __future__ import annotations

from ninja import Router

from peyvand.accounts.api_auth import api_auth

from . import practices

router = Router(auth=api_auth)
router.add_router("", practices.router)
