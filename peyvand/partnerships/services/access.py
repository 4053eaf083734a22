"""Who may edit which part of a pact, beyond the role: the rules shared by pages and API."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from peyvand.accounts.actors import Actor
from peyvand.accounts.models import Role

from ..models import Activity, Commitment


def can_update_commitment(membership: Actor, commitment: Commitment) -> bool:
    if membership.has_role(Role.OFFICER):
        return True
    return (
        membership.role == Role.LIAISON
        and membership.department_id is not None
        and commitment.department_id == membership.department_id
    )


def can_edit_activity(membership: Actor, activity: Activity) -> bool:
    """Officers edit any activity; a liaison those logged by their department or by them."""
    if membership.has_role(Role.OFFICER):
        return True
    if membership.role != Role.LIAISON:
        return False
    if membership.department_id is not None and activity.department_id == membership.department_id:
        return True
    return activity.created_by_id is not None and activity.created_by_id == getattr(
        membership, "user_id", None
    )


def require_activity_editor(actor: Actor, activity: Activity) -> None:
    if not can_edit_activity(actor, activity):
        raise PermissionDenied
