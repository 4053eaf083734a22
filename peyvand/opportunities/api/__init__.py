"""Opportunities API: pitches, funding calls and applications (with their workflow),
through the same services, rules and roles as the pages."""

from __future__ import annotations

from ninja import Router
from ninja.security import django_auth

from . import applications, calls, pitches

router = Router(auth=django_auth)
router.add_router("", pitches.router)
router.add_router("", calls.router)
router.add_router("", applications.router)
