"""Signals of the network app.

`world_imported` is sent after a successful `import_world` (kwargs: `changed`, the number
of rows created, updated or deleted); the recommender connects to it to recompute.
"""

from __future__ import annotations

import django.dispatch

world_imported = django.dispatch.Signal()
