"""Missions API: contacts, events and missions (with their workflow and trip report),
through the same services, rules and roles as the pages."""

from __future__ import annotations

from ninja import Router

from peyvand.accounts.api_auth import api_auth

from . import contacts, events, missions

router = Router(auth=api_auth)
router.add_router("", contacts.router)
router.add_router("", events.router)
router.add_router("", missions.router)
