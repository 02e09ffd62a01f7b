"""Reading an owner's export back: every value checked before anything is written.

The file is refused as a whole, with one sentence that says what is wrong, when it is not
an export, was made by a newer walkapp, is damaged anywhere (a value of the wrong kind, a
text too long or that cannot be stored, a row of a walk the file does not list, an id
twice), or when its notes, reflections, commitments, feedback answers and counts do not
check out as a notes file's would (`walkapp.bundles.merge.parse_incoming`: each version
id over its content, the history whole, no loops). Limits are those of notes files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Table

from walkapp import formatting as fmt
from walkapp.bundles import schema as s
from walkapp.bundles.archive import parse_json, read_file_bytes
from walkapp.bundles.errors import BundleError
from walkapp.bundles.merge import Incoming, parse_incoming
from walkapp.bundles.versions import ENTITIES, TALLY, EntitySpec, content_of
from walkapp.exports import format as xf
from walkapp.exports.tables import decode, exported_tables, scope_of
from walkapp.storage import models as m

Row = dict[str, Any]
TRAVELLING: tuple[EntitySpec, ...] = (*ENTITIES, TALLY)


@dataclass(frozen=True)
class WalkOut:
    id: str
    title: str
    walk_date: str


@dataclass
class DataFile:
    """A checked owner's export: its walks, each table's rows (decoded, by column), and
    each walk's travelling rows as the notes-file merge takes them."""

    walks: tuple[WalkOut, ...]
    tables: dict[str, list[Row]]
    parts: dict[tuple[str, str], Incoming]

    def rows_of(self, table: str, walk_id: str) -> list[Row]:
        return [r for r in self.tables.get(table, []) if walk_of(table, r, self) == walk_id]


def walk_of(table_name: str, row: Row, data: DataFile | None = None,
            notes: dict[str, str] | None = None) -> str | None:
    """The walk a row belongs to (None: a person, who belongs to no walk)."""
    table = m.Base.metadata.tables[table_name]
    scope = scope_of(table)
    if scope[0] == "column":
        value = row[scope[1]]
        return value if isinstance(value, str) else None
    if scope[0] == "via":
        if notes is None:
            assert data is not None
            notes = {r["id"]: r["walk_id"] for r in data.tables.get(scope[2], [])}
        return notes.get(row[scope[1]])
    return None


def not_an_export() -> BundleError:
    return BundleError(fmt.tr("This is not a walkapp data export (an owner's export is a "
                              ".json file written by “Export data…” or `walkapp export "
                              "--owner`)."))


def read_data_file(path: Path) -> DataFile:
    data = read_file_bytes(path)
    if data[:4] == b"PK\x03\x04":
        raise BundleError(fmt.tr("This is a zip file: a walk kit, a notes file or a CSV "
                                 "export. Only the JSON of an owner's export imports; open "
                                 "kits and notes files with their own commands."))
    return parse_data(parse_json(data, path.name))


def parse_data(value: Any) -> DataFile:
    if not isinstance(value, dict) or value.get("format") != xf.FORMAT:
        raise not_an_export()
    version = value.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BundleError(fmt.tr("The export's format version is damaged."))
    if version > xf.FORMAT_VERSION:
        raise BundleError(fmt.tr("This export was made by a newer walkapp (format version "
                                 "{version}; this walkapp reads up to {newest}). Update "
                                 "walkapp to import it.").format(
                                     version=version, newest=xf.FORMAT_VERSION))
    kind = value.get("kind")
    if kind == xf.SHARED:
        raise BundleError(fmt.tr("This is a shared export: it leaves out what the walks' "
                                 "privacy settings hold back, so it cannot be imported. "
                                 "Import an owner's export instead."))
    if kind != xf.OWNER:
        raise s.damaged(fmt.tr("the export"), fmt.tr("it says neither “owner” nor "
                                                     "“shared”"))
    walks = _walks(value.get("walks"))
    tables = _tables(value.get("tables"), {w.id for w in walks})
    result = DataFile(walks=walks, tables=tables, parts={})
    result.parts = _travelling(result)
    return result


def _walks(raw: Any) -> tuple[WalkOut, ...]:
    listed = s.items(raw, fmt.tr("the list of walks"), xf.MAX_WALKS)
    walks: list[WalkOut] = []
    for index, entry in enumerate(listed):
        at = fmt.tr("walk {n}").format(n=index + 1)
        data = s.obj(entry, at)
        walks.append(WalkOut(s.uid(data, "id", at), s.text(data, "title", at, 300),
                             s.day(data, "walk_date", at)))
    if not walks:
        raise s.damaged(fmt.tr("the list of walks"), fmt.tr("it is empty"))
    if len({w.id for w in walks}) != len(walks):
        raise s.damaged(fmt.tr("the list of walks"), fmt.tr("a walk is listed twice"))
    return tuple(walks)


def _newer(what: str) -> BundleError:
    return BundleError(fmt.tr("The export holds {what}, which this walkapp does not know: it "
                              "was made by a newer walkapp. Update walkapp to import it."
                              ).format(what=what))


def _tables(raw: Any, walk_ids: set[str]) -> dict[str, list[Row]]:
    known = {t.name: t for t in exported_tables()}
    data = s.obj(raw, fmt.tr("the tables"))
    for name in data:
        if name not in known:
            # (parse_json refused a name that cannot be stored; a long one is cut)
            raise _newer(fmt.tr("a table “{name}”").format(name=name[:60]))
    tables: dict[str, list[Row]] = {}
    total = 0
    for name, table in known.items():
        part = data.get(name)
        if part is None:  # an older export, from before the table existed
            tables[name] = []
            continue
        rows = _table(table, part)
        total += len(rows)
        if total > xf.MAX_ROWS:
            raise s.damaged(fmt.tr("the tables"), fmt.tr("they hold more than {limit} rows"
                                                         ).format(limit=fmt.number(xf.MAX_ROWS)))
        tables[name] = rows
    _check_walks(tables, walk_ids)
    return tables


def _table(table: Table, part: Any) -> list[Row]:
    where = fmt.tr("table “{name}”").format(name=table.name)
    body = s.obj(part, where)
    names = s.items(body.get("columns"), f"{where}: columns", 1000)
    columns = {c.name: c for c in table.columns}
    for name in names:
        if not isinstance(name, str):
            raise s.damaged(where, fmt.tr("a column name should be text"))
        if name not in columns:
            raise _newer(fmt.tr("a column “{column}” in the table “{name}”").format(
                column=name[:60], name=table.name))
    if len(set(names)) != len(names):
        raise s.damaged(where, fmt.tr("a column is listed twice"))
    missing = [c for c in table.columns if c.name not in names]
    for column in missing:  # from before the column existed: its default, if it has one
        if not (column.nullable or (column.default is not None and column.default.is_scalar)
                or column.server_default is not None):
            raise s.damaged(where, fmt.tr("the column “{column}” is missing").format(
                column=column.name))
    rows: list[Row] = []
    keys: set[tuple[Any, ...]] = set()
    primary = [c.name for c in table.primary_key.columns]
    for index, raw in enumerate(s.items(body.get("rows"), f"{where}: rows", xf.MAX_ROWS)):
        at = fmt.tr("{table}, row {n}").format(table=where, n=index + 1)
        if not isinstance(raw, list) or len(raw) != len(names):
            raise s.damaged(at, fmt.tr("it should hold one value per column"))
        row = {name: decode(columns[name], value, at) for name, value in zip(names, raw,
                                                                             strict=True)}
        for column in missing:
            row[column.name] = _default(column)
        key = tuple(row[k] for k in primary)
        if key in keys:
            raise s.damaged(at, fmt.tr("its id is used by another row of the table"))
        keys.add(key)
        rows.append(row)
    return rows


def _default(column: Any) -> Any:
    if column.default is not None and column.default.is_scalar:
        return column.default.arg
    if column.server_default is not None:
        arg = getattr(column.server_default, "arg", None)
        text = str(getattr(arg, "text", arg))
        return {"0": False, "false": False, "1": True}.get(text, text.strip("'"))
    return None


def _check_walks(tables: dict[str, list[Row]], walk_ids: set[str]) -> None:
    """Every row belongs to a walk the file lists (people: to a row that names them), and
    every walk listed has its row: a file cannot slip rows into another walk here."""
    if {r["id"] for r in tables["walks"]} != walk_ids:
        raise s.damaged(fmt.tr("table “{name}”").format(name="walks"),
                        fmt.tr("its walks are not the ones the export lists"))
    notes = {r["id"]: r["walk_id"] for r in tables["notes"]}
    named: set[str] = set()
    for name, rows in tables.items():
        table = m.Base.metadata.tables[name]
        scope = scope_of(table)
        people_columns = [c.name for c in table.columns
                          if any(k.column.table.name == "people" for k in c.foreign_keys)]
        for index, row in enumerate(rows):
            named.update(row[c] for c in people_columns if row[c] is not None)
            if scope[0] != "used" and walk_of(name, row, notes=notes) not in walk_ids:
                raise s.damaged(fmt.tr("{table}, row {n}").format(
                    table=fmt.tr("table “{name}”").format(name=name), n=index + 1),
                    fmt.tr("it belongs to a walk the export does not list"))
    if any(r["id"] not in named for r in tables["people"]):
        raise s.damaged(fmt.tr("table “{name}”").format(name="people"),
                        fmt.tr("it lists someone no walk of the export names"))


def _travelling(data: DataFile) -> dict[tuple[str, str], Incoming]:
    """Each walk's notes (reflections, commitments, feedback answers, counts) as the parts
    of a notes file, checked exactly as one is."""
    tags: dict[str, list[str]] = {}
    for link in data.tables["note_look_fors"]:
        tags.setdefault(link["note_id"], []).append(link["look_for_id"])
    shown = {(r["entity"], r["row_id"]): r for r in data.tables["sync_rows"]}
    parts: dict[tuple[str, str], Incoming] = {}
    for walk in data.walks:
        for spec in TRAVELLING:
            versions = [{"id": v["id"], "family": v["family_id"], "lane": v["lane_id"],
                         "parents": v["parents"].split()}
                        for v in data.tables["sync_versions"]
                        if v["walk_id"] == walk.id and v["entity"] == spec.name]
            items = []
            for row in data.tables[spec.model.__tablename__]:
                if row["walk_id"] != walk.id:
                    continue
                sync = shown.get((spec.name, row["id"]))
                if sync is None or sync["base_revision"] != row["revision"]:
                    raise s.damaged(spec.member, fmt.tr(
                        "{what} has no version that matches it (was the export edited?)"
                        ).format(what=fmt.tr(spec.words.one)))
                values = SimpleNamespace(**row)
                every = tags.get(row["id"], []) + (row.get("stale_look_for_ids") or ""
                                                   ).split() if spec.has_tags else []
                items.append({"version": sync["version_id"],
                              "content": content_of(spec, values, every)})
            parts[(walk.id, spec.name)] = parse_incoming(
                spec, {"items": items, "versions": versions}, walk.id)
    return parts
