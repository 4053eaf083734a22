"""Writes of the organisations app, one module per entity."""

from __future__ import annotations

from .shipped import link_shipped_headquarters

__all__ = ["link_shipped_headquarters"]
