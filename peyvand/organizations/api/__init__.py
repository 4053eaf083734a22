"""Organisations API: the shared bodies (world data) and the office's memberships, through
the same services, rules and roles as the pages."""

from __future__ import annotations

from ninja import Router

from peyvand.accounts.api_auth import api_auth

from . import memberships, obligations, organizations, roles

router = Router(auth=api_auth)
router.add_router("", organizations.router)
router.add_router("", memberships.router)
router.add_router("", roles.router)
router.add_router("", obligations.router)
