"""Search everything: an FTS5 index over notes, reflections, commitments, patterns, next
steps, action items (and what later walks said of them) and walk details, kept by triggers.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 10:00:00

- `search_docs`: one row per searchable text — a note's text, a commitment's text or its
  review note, a walk's title, focus or school, a visit's room, grade, subject or teacher
  name… — with what it belongs to (`kind`: the table it comes from, `source_id`: that
  row's id, `field`: which of its columns), its walk and, for what a walker writes, its
  author. `id` is an INTEGER PRIMARY KEY, so it never changes (a VACUUM may renumber the
  implicit rowids of the other tables, whose keys are UUID strings).
- `search_fts`: the FTS5 index over `search_docs.body` (external content: the text is
  stored once, in `search_docs`), tokenized by `unicode61 remove_diacritics 2` (case- and
  accent-blind: "educacion" finds "educación") with prefix indexes of 2, 3 and 4
  characters (a prefix search reads one list instead of every word it starts).
- `search_terms`: FTS5's vocabulary of the index (how many texts hold each word).
- Triggers on the source tables keep `search_docs` in step in the same transaction as the
  change, whatever code makes it (a note's autosave on the bare sqlite3 connection, the
  merge of a notes file, an undo's restore of rows, a purge's ON DELETE CASCADE); triggers
  on `search_docs` keep `search_fts` in step with it. Rows with a tombstone (`deleted_at`)
  and empty texts are not indexed. Every text is indexed, private visit fields included:
  the search service leaves out at query time what the walk's privacy settings hold back,
  so switching a setting never has to rewrite the index, and never lets a text out.
- `search_docs.walk_id` refers to its walk (ON DELETE CASCADE): removing a walk for good
  removes its texts from the index even in a file whose rows are deleted by the walk
  alone (walkapp.storage.scrub's backups).

FTS5 is SQLite's: on another database (PostgreSQL, district mode) this migration does
nothing and the search service searches the tables themselves (walkapp.services.search).
Going back drops what was added.
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# Each source table: (the walk it belongs to, its author or None, the condition for it to
# be indexed or None, its searchable columns). `kind` in search_docs is the table's name.
_SOURCES: dict[str, tuple[str, str | None, str | None, tuple[str, ...]]] = {
    "notes": ("walk_id", "author_id", "deleted_at IS NULL", ("text",)),
    "reflections": ("walk_id", "author_id", "deleted_at IS NULL", ("text",)),
    "commitments": ("walk_id", "participant_id", "deleted_at IS NULL",
                    ("text", "review_note")),
    "patterns": ("walk_id", None, None, ("text",)),
    "next_steps": ("walk_id", None, None, ("text",)),
    "action_items": ("origin_walk_id", None, None, ("text", "owner_name")),
    "action_follow_ups": ("walk_id", None, None, ("text",)),
    "walks": ("id", None, None, ("title", "focus", "school")),
    "visits": ("walk_id", None, "deleted_at IS NULL",
               ("room", "grade", "subject", "teacher_name")),
}

_CREATE = (
    "CREATE TABLE search_docs ("
    " id INTEGER NOT NULL,"
    " kind VARCHAR(40) NOT NULL,"
    " field VARCHAR(40) NOT NULL,"
    " source_id VARCHAR(36) NOT NULL,"
    " walk_id VARCHAR(36) NOT NULL,"
    " author_id VARCHAR(36),"
    " body TEXT NOT NULL,"
    " CONSTRAINT pk_search_docs PRIMARY KEY (id),"
    " CONSTRAINT fk_search_docs_walk_id_walks FOREIGN KEY(walk_id) REFERENCES walks (id)"
    " ON DELETE CASCADE,"
    " CONSTRAINT uq_search_docs_kind UNIQUE (kind, source_id, field))",
    "CREATE INDEX ix_search_docs_walk_id ON search_docs (walk_id)",
)
# The index, made from what `search_docs` holds once it is filled.
_INDEX = (
    "CREATE VIRTUAL TABLE search_fts USING fts5(body, content='search_docs',"
    " content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4')",
    "INSERT INTO search_fts (search_fts) VALUES ('rebuild')",
    # How many texts hold each word: the search service's estimate of how many a query
    # matches, read before it chooses how to order them.
    "CREATE VIRTUAL TABLE search_terms USING fts5vocab(search_fts, row)",
    # The index follows its content table (the external-content pattern of FTS5's docs).
    "CREATE TRIGGER search_docs_added AFTER INSERT ON search_docs BEGIN"
    " INSERT INTO search_fts (rowid, body) VALUES (NEW.id, NEW.body); END",
    "CREATE TRIGGER search_docs_removed AFTER DELETE ON search_docs BEGIN"
    " INSERT INTO search_fts (search_fts, rowid, body) VALUES ('delete', OLD.id, OLD.body);"
    " END",
    "CREATE TRIGGER search_docs_changed AFTER UPDATE ON search_docs BEGIN"
    " INSERT INTO search_fts (search_fts, rowid, body) VALUES ('delete', OLD.id, OLD.body);"
    " INSERT INTO search_fts (rowid, body) VALUES (NEW.id, NEW.body); END",
)


def _adds(table: str, row: str) -> list[str]:
    """The INSERTs that index `row` (NEW, or a table alias when filling) of `table`."""
    walk, author, condition, fields = _SOURCES[table]
    author_sql = f"{row}.{author}" if author else "NULL"
    statements = []
    for field in fields:
        where = f"coalesce({row}.{field}, '') <> ''"
        if condition:
            where += f" AND {row}.{condition}"
        statements.append(
            "INSERT INTO search_docs (kind, field, source_id, walk_id, author_id, body)"
            f" SELECT '{table}', '{field}', {row}.id, {row}.{walk}, {author_sql},"
            f" {row}.{field}" + (f" FROM {table} {row}" if row not in ("NEW", "OLD") else "")
            + f" WHERE {where}")
    return statements


def _removes(table: str, row: str) -> str:
    return f"DELETE FROM search_docs WHERE kind = '{table}' AND source_id = {row}.id"


def _triggers() -> list[str]:
    statements = []
    for table, (walk, author, condition, fields) in _SOURCES.items():
        watched = [*fields, walk, *([author] if author else []),
                   *(["deleted_at"] if condition else [])]
        changed = " OR ".join(f"OLD.{column} IS NOT NEW.{column}" for column in watched)
        adds = "; ".join(_adds(table, "NEW"))
        statements += [
            f"CREATE TRIGGER search_{table}_added AFTER INSERT ON {table} BEGIN {adds}; END",
            f"CREATE TRIGGER search_{table}_removed AFTER DELETE ON {table} BEGIN"
            f" {_removes(table, 'OLD')}; END",
            # Only when what is indexed changed: a merge or a save that rewrites a row's
            # revision alone costs the index nothing.
            f"CREATE TRIGGER search_{table}_changed AFTER UPDATE OF {', '.join(watched)}"
            f" ON {table} WHEN {changed} BEGIN {_removes(table, 'OLD')}; {adds}; END",
        ]
    return statements


def trigger_names() -> list[str]:
    """Every trigger this migration makes (tests check they are all there)."""
    return ["search_docs_added", "search_docs_removed", "search_docs_changed"] + [
        f"search_{table}_{what}" for table in _SOURCES
        for what in ("added", "removed", "changed")]


def source_tables() -> tuple[str, ...]:
    return tuple(_SOURCES)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # FTS5 is SQLite's; the search service searches the tables elsewhere
    for statement in _CREATE:
        op.execute(statement)
    # What is there already, by the same rules as the triggers; then the index of it in
    # one go (a rebuild is faster than a trigger per row).
    for table in _SOURCES:
        for statement in _adds(table, "t"):
            op.execute(statement)
    for statement in (*_INDEX, *_triggers()):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in trigger_names():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS search_terms")
    op.execute("DROP TABLE IF EXISTS search_fts")
    op.execute("DROP TABLE IF EXISTS search_docs")
