"""The demo office's people, events and missions (marked as demo data)."""
