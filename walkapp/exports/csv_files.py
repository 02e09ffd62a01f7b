"""Tables as CSV files a spreadsheet opens as they are: one file per table, header first.

- UTF-8 **with** a byte-order mark: Excel reads a CSV without one in the computer's old
  code page (“Ã©” for “é”); LibreOffice, Numbers, Python and R read the mark and skip it.
- Rows end in CRLF and every field that needs it is quoted (RFC 4180), so a note with
  line breaks, commas or quotes stays one cell.
- **Formula injection**: a text cell that begins with `=`, `+`, `-`, `@`, a tab or a
  carriage return — what a spreadsheet takes for a formula — is written with an
  apostrophe in front (`'=SUM(A1)`), the mark spreadsheets use for “text, not a
  formula”. Numbers are written as numbers, never marked. A reader that wants the text
  back removes a leading apostrophe that comes before one of those characters.
"""

from __future__ import annotations

import csv
import io
import time
import zipfile
from collections.abc import Sequence
from typing import Any

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> str:
    """One cell's text (None is empty; true/false for flags; a formula-like text marked)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_bytes(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([safe_cell(c) for c in columns])
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return (BOM + out.getvalue()).encode("utf-8")


def zip_bytes(files: dict[str, bytes]) -> bytes:
    """The CSV files (and the export's manifest) in one zip, in the order given."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=time.localtime()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            archive.writestr(info, data)
    return out.getvalue()


def table_files(tables: dict[str, dict[str, Any]]) -> dict[str, bytes]:
    """`{name: {"columns": [...], "rows": [[...]]}}` as `{name.csv: bytes}`."""
    return {f"{name}.csv": csv_bytes(part["columns"], part["rows"])
            for name, part in tables.items()}
