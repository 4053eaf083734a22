"""The pages of partnerships, one module per entity (see urls.py)."""
