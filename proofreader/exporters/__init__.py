"""Report formats. `EXPORTERS[name].export(results, lang=…, editor=…, created=…) -> bytes`."""

from __future__ import annotations

from proofreader.exporters._common import Exporter
from proofreader.exporters.csv_report import CsvExporter
from proofreader.exporters.docx_report import DocxReportExporter
from proofreader.exporters.html_report import HtmlExporter
from proofreader.exporters.json_report import JsonExporter, build_report

EXPORTERS: dict[str, Exporter] = {
    e.name: e for e in (JsonExporter(), CsvExporter(), HtmlExporter(), DocxReportExporter())
}

__all__ = [
    "EXPORTERS",
    "CsvExporter",
    "DocxReportExporter",
    "Exporter",
    "HtmlExporter",
    "JsonExporter",
    "build_report",
]
