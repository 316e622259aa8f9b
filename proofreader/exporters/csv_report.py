"""CSV report: one row per finding, UTF-8 with a BOM so Excel and WPS open it without mojibake."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import datetime

from proofreader.batch import FileResult
from proofreader.exporters._common import rows, suggestion

COLUMNS = ("file", "line", "column", "rule", "category", "severity", "text", "suggestion",
           "message", "status")
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
        for result in results:
            if not result.ok:
                w.writerow([_cell(result.path), "", "", "", "", "", "", "",
                            _cell(result.error or ""), "error"])
                continue
            for r in rows(result):
                f = r.finding
                w.writerow([_cell(result.path), r.line, r.column, f.rule, str(f.category),
                            str(f.severity), _cell(r.text), _cell(suggestion(f)),
                            _cell(f.localized_message(lang)), r.status])
        return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")
