"""Storage: SQLAlchemy 2 models, engine, idempotent upserts and the review-state commands.

Everything that reads or writes the database goes through functions in this package, each with an
explicit transaction. Works on SQLite (the embedded default) and PostgreSQL.
"""
