"""full-text search over posts

SQLite: an FTS5 external-content table `posts_fts` (title, text, author) kept in step with `posts`
by triggers, so the text is stored once. PostgreSQL: a generated `search_vector` tsvector column
with a GIN index. Neither is in the ORM models: `store.search` is the only reader.

Also an index on posts(source_id, published_at), which the dashboard's source health and source
activity read (a full scan of a million posts otherwise), and one on audit_log(review_item_id) for
an item's history in the review queue.

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_FTS_COLUMNS = "title, content_text, author"

SQLITE_UP = [
    f"""CREATE VIRTUAL TABLE posts_fts USING fts5({_FTS_COLUMNS}, content='posts', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    f"""CREATE TRIGGER posts_fts_ai AFTER INSERT ON posts BEGIN
        INSERT INTO posts_fts(rowid, {_FTS_COLUMNS}) VALUES (new.id, new.title, new.content_text, new.author);
    END""",
    f"""CREATE TRIGGER posts_fts_ad AFTER DELETE ON posts BEGIN
        INSERT INTO posts_fts(posts_fts, rowid, {_FTS_COLUMNS})
        VALUES ('delete', old.id, old.title, old.content_text, old.author);
    END""",
    f"""CREATE TRIGGER posts_fts_au AFTER UPDATE OF title, content_text, author ON posts BEGIN
        INSERT INTO posts_fts(posts_fts, rowid, {_FTS_COLUMNS})
        VALUES ('delete', old.id, old.title, old.content_text, old.author);
        INSERT INTO posts_fts(rowid, {_FTS_COLUMNS}) VALUES (new.id, new.title, new.content_text, new.author);
    END""",
    # Index whatever was stored before this revision.
    "INSERT INTO posts_fts(posts_fts) VALUES ('rebuild')",
]

SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS posts_fts_au",
    "DROP TRIGGER IF EXISTS posts_fts_ad",
    "DROP TRIGGER IF EXISTS posts_fts_ai",
    "DROP TABLE IF EXISTS posts_fts",
]

# 'english'::regconfig makes to_tsvector immutable, which a generated column requires.
POSTGRES_UP = [
    """ALTER TABLE posts ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
        setweight(to_tsvector('english'::regconfig, coalesce(content_text, '')), 'B') ||
        setweight(to_tsvector('simple'::regconfig, coalesce(author, '')), 'C')
    ) STORED""",
    "CREATE INDEX ix_posts_search_vector ON posts USING GIN (search_vector)",
]

POSTGRES_DOWN = [
    "DROP INDEX IF EXISTS ix_posts_search_vector",
    "ALTER TABLE posts DROP COLUMN IF EXISTS search_vector",
]


def _run(statements) -> None:
    for sql in statements:
        op.execute(sql)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.create_index("ix_posts_source_published", "posts", ["source_id", "published_at"])
    op.create_index("ix_audit_log_review_item", "audit_log", ["review_item_id", "at"])
    if dialect == "sqlite":
        _run(SQLITE_UP)
    elif dialect == "postgresql":
        _run(POSTGRES_UP)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.drop_index("ix_posts_source_published", table_name="posts")
    op.drop_index("ix_audit_log_review_item", table_name="audit_log")
    if dialect == "sqlite":
        _run(SQLITE_DOWN)
    elif dialect == "postgresql":
        _run(POSTGRES_DOWN)
