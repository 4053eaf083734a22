"""An office's partnerships (filled in by the partnerships issue)."""
