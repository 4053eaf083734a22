"""Writes of the portal: citizens' feedback and its moderation, messages to the office."""

from __future__ import annotations

from peyvand.records.history import StaleVersion

from .feedback import MODERATION, feedback_moderate, feedback_submit
from .guard import RateLimited, Sender, Trapped, sender_of
from .inbox import message_handle, message_send

__all__ = [
    "MODERATION",
    "RateLimited",
    "Sender",
    "StaleVersion",
    "Trapped",
    "feedback_moderate",
    "feedback_submit",
    "message_handle",
    "message_send",
    "sender_of",
]
