"""Opportunities API: pitches (with their interested parties and follow-ups), funding
calls and applications (with their workflow), through the same services, rules and roles
as the pages."""

from __future__ import annotations

from ninja import Router

from peyvand.accounts.api_auth import api_auth

from . import applications, calls, parties, pitches

router = Router(auth=api_auth)
router.add_router("", pitches.router)
router.add_router("", parties.router)
router.add_router("", calls.router)
router.add_router("", applications.router)
