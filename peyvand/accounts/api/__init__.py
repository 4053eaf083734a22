"""Accounts in the API: the user's own tokens (`router`, session only) and the office's
departments and members (`office_router`), through the same services and roles as the
pages."""

from __future__ import annotations

from ninja import Router

from ..api_auth import api_auth
from . import departments, members
from .tokens import router

office_router = Router(auth=api_auth)
office_router.add_router("", departments.router)
office_router.add_router("", members.router)

__all__ = ["office_router", "router"]
