"""Alembic migration scripts for walkapp's schema."""
