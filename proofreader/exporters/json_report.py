"""The JSON correction report: schema `proofreader-report/1` (shared/spec/report-json.md).

A public contract: fields may be added, never renamed, dropped or changed in meaning.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import proofreader
from proofreader.batch import FileResult
from proofreader.exporters._common import by_category, rows, timestamp

SCHEMA = "proofreader-report/1"


def file_entry(result: FileResult, lang: str = "zh") -> dict[str, Any]:
    if not result.ok:
        return {"path": result.path, "status": "error", "error": result.error, "findings": []}
    doc = result.document
    findings = [
        {
            "rule": r.finding.rule,
            "category": str(r.finding.category),
            "severity": str(r.finding.severity),
            "offset": r.finding.offset,
            "length": r.finding.length,
            "line": r.line,
            "column": r.column,
            "text": r.text,
            "message": r.finding.localized_message(lang),
            "replacements": list(r.finding.replacements),
            "status": r.status,
            # additions to the contract
            "applicability": str(r.finding.applicability),
            "group": r.finding.group,
            "message_en": r.finding.message_en or None,
        }
        for r in rows(result)
    ]
    return {
        "path": result.path,
        "format": doc.format if doc else None,
        "encoding": doc.encoding if doc else None,
        "length": doc.length if doc else 0,
        "status": "ok",
        "error": None,
        "findings": findings,
    }


def build_report(
    results: Sequence[FileResult],
    *,
    lang: str = "zh",
    editor: str | None = None,
    created: datetime | None = None,
) -> dict[str, Any]:
    files = [file_entry(r, lang) for r in results]
    report: dict[str, Any] = {
        "schema": SCHEMA,
        "generator": {"name": "proofreader", "version": proofreader.__version__},
        "created": timestamp(created).isoformat(timespec="seconds"),
        "files": files,
        "summary": {
            "files": len(results),
            "files_with_errors": sum(1 for r in results if not r.ok),
            "findings": sum(len(f["findings"]) for f in files),
            "by_category": by_category(results),
        },
    }
    if editor:
        report["editor"] = editor
    return report


class JsonExporter:
    name = "json"
    extension = ".json"
    media_type = "application/json"

    def export(
        self,
        results: Sequence[FileResult],
        *,
        lang: str = "zh",
        editor: str | None = None,
        created: datetime | None = None,
    ) -> bytes:
        report = build_report(results, lang=lang, editor=editor, created=created)
        # ensure_ascii=False: the report stays readable Chinese; UTF-8 without BOM
        return (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
