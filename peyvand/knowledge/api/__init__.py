"""Knowledge API, through the same services, rules and roles as the pages."""

from __future__ import annotations

from ninja import Router
from ninja.security import django_auth

router = Router(auth=django_auth)
