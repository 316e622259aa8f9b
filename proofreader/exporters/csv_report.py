"""CSV report: one row per finding, UTF-8 with a BOM so Excel and WPS open it without mojibake."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import datetime

from proofreader.batch import FileResult
from proofreader.exporters._common import rows, suggestion
from proofreader.model import Finding, finding_kind

COLUMNS = ("file", "line", "column", "rule", "category", "severity", "text", "suggestion",
           "message", "status")  # fmt: skip
# Header shown to the user; the order matches COLUMNS.
HEADERS = {
    "zh": ("文件", "行", "列", "规则", "类别", "级别", "原文", "建议", "说明", "状态"),
    "en": COLUMNS,
}


# A cell that starts like a formula would be evaluated by a spreadsheet (CSV injection):
# a leading apostrophe makes Excel and WPS show it as text (and hide the apostrophe).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


class _Cells:
    """The cells of one report, each encoded once as the csv writer of `export` writes it
    within a row (quoted when needed): the writer itself quotes, so the bytes cannot drift
    from csv.writer's. 10^5 findings have few distinct flagged texts and few kinds."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._buf = io.StringIO(newline="")
        self._writer = csv.writer(self._buf, lineterminator="\r\n")
        self._fields: dict[str, str] = {}
        self.flagged: dict[str, str] = {}  # flagged text -> its cell
        # (finding but its span, status) -> the cells before and after the flagged text
        self.templates: dict[tuple, tuple[str, str]] = {}

    def field(self, value: str) -> str:
        out = self._fields.get(value)
        if out is None:
            self._buf.seek(0)
            self._buf.truncate()
            # a second, empty cell: a row of one empty cell alone is written as ""
            self._writer.writerow((value, ""))
            out = self._fields[value] = self._buf.getvalue()[: -len(",\r\n")]
        return out

    def flagged_cell(self, text: str) -> str:
        cell = self.flagged[text] = self.field(_cell(text))
        return cell

    def template(self, key: tuple, f: Finding, status: str) -> tuple[str, str]:
        """The cells of a finding's row around the flagged text: (rule to severity,
        suggestion to status), with their commas and the line end."""
        field = self.field
        before = (f.rule, str(f.category), str(f.severity))
        after = (_cell(suggestion(f)), _cell(f.localized_message(self.lang)), status)
        parts = self.templates[key] = (
            "".join(field(v) + "," for v in before),
            "".join("," + field(v) for v in after) + "\r\n",
        )
        return parts


def _file_rows(result: FileResult, cells: _Cells) -> str:
    """The rows of one checked file's findings, as `export`'s csv writer would write them.
    Findings that differ only in their span (the 200 half-width commas of a page) share
    their other cells."""
    head = cells.field(_cell(result.path)) + ","
    templates, flagged_cells = cells.templates, cells.flagged
    out = []
    append = out.append
    for f, line, column, flagged, status in rows(result):
        key = (finding_kind(f), status)
        parts = templates.get(key) or cells.template(key, f, status)
        cell = flagged_cells.get(flagged)
        if cell is None:
            cell = cells.flagged_cell(flagged)
        append(f"{head}{line},{column},{parts[0]}{cell}{parts[1]}")
    return "".join(out)


class CsvExporter:
    name = "csv"
    extension = ".csv"
    media_type = "text/csv"

    def export(
        self,
        results: Sequence[FileResult],
        *,
        lang: str = "zh",
        editor: str | None = None,
        created: datetime | None = None,
    ) -> bytes:
        buf = io.StringIO(newline="")
        # QUOTE_MINIMAL plus CRLF rows: what spreadsheet programs expect (RFC 4180)
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(HEADERS["en" if lang.startswith("en") else "zh"])
        cells = _Cells(lang)
        for result in results:
            if not result.ok:
                w.writerow([_cell(result.path), "", "", "", "", "", "", "",
                            _cell(result.error or ""), "error"])  # fmt: skip
                continue
            buf.write(_file_rows(result, cells))
        return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")
