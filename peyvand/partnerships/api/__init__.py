"""Partnerships API: the same services, rules and roles as the pages, under an office.

Optimistic locking: the ETag of a versioned record (a pact, an agreement, a commitment, an
activity, an outcome) is its version ("v<version>"); send it back in If-Match when updating
or deleting. A stale If-Match answers 412 with what changed
meanwhile (and the current ETag); without If-Match the update is not checked.
"""

from __future__ import annotations

from ninja import Router

from peyvand.accounts.api_auth import api_auth

from . import activities, agreements, approvals, commitments, outcomes, partnerships, reviews

router = Router(auth=api_auth)
router.add_router("", partnerships.router)
router.add_router("", commitments.router)
router.add_router("", activities.router)
router.add_router("", outcomes.router)
router.add_router("", agreements.router)
router.add_router("", approvals.router)
router.add_router("", reviews.router)
