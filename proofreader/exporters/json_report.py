"""The JSON correction report: schema `proofreader-report/1` (shared/spec/report-json.md).

A public contract: fields may be added, never renamed, dropped or changed in meaning.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import datetime
from json.encoder import encode_basestring as _str
from typing import Any

import proofreader
from proofreader.batch import FileResult
from proofreader.exporters._common import by_category, rows, timestamp
from proofreader.model import Finding, finding_kind

SCHEMA = "proofreader-report/1"
# A finding's JSON; written with every field but its span filled in once per kind.
_FINDING_JSON = (
    '{"rule": %s, "category": %s, "severity": %s, "offset": %s, "length": %s, "line": %s, '
    '"column": %s, "text": %s, "message": %s, "replacements": [%s], "status": %s, '
    '"applicability": %s, "group": %s, "message_en": %s}'
)


# The span fields of _FINDING_JSON, formatted per finding; a placeholder for them first.
_SPAN_MARK = ("\x00", "\x01", "\x02", "\x03", "\x04")  # never in JSON text: escaped there
_SPAN_FORMAT = '"offset": \x00, "length": \x01, "line": \x02, "column": \x03, "text": \x04'
_SPAN_JSON = b'"offset": %d, "length": %d, "line": %d, "column": %d, "text": %s'
_FINDING_PAD = "\n" + " " * 8  # a finding's line in `_dumps`: inside "findings": [ … ]
_FINDING_SEP = ("," + _FINDING_PAD).encode()


def _encoded_findings(result: FileResult, english: bool) -> bytes:
    """The findings of file_entry as their JSON in UTF-8, one per line (as `_dumps` lays
    them out), written straight from the findings: no dict per finding, and no 50 MB str
    encoded at the end. Findings that differ only in their span (the 200 half-width commas
    of a page) share one template: every other field is encoded once."""
    templates: dict[tuple, tuple[bytes, bytes]] = {}
    out = []
    append = out.append
    for f, line, column, flagged, status in rows(result):
        key = (finding_kind(f), status)
        parts = templates.get(key)
        if parts is None:
            parts = templates[key] = _template(f, status, english)
        span = _SPAN_JSON % (f[3], f[4], line, column, _str(flagged).encode())
        append(parts[0] + span + parts[1])
    return _FINDING_SEP.join(out)


def _template(f: Finding, status: str, english: bool) -> tuple[bytes, bytes]:
    """_FINDING_JSON around the span fields, every other field filled in, in UTF-8:
    (head, tail)."""
    msg = f.message_en if english and f.message_en else f.message
    whole = _FINDING_JSON % (
        _str(f.rule),
        _str(f.category),
        _str(f.severity),
        *_SPAN_MARK,
        _str(msg),
        ", ".join(map(_str, f.replacements)),
        _str(status),
        _str(f.applicability),
        "null" if f.group is None else _str(f.group),
        _str(f.message_en) if f.message_en else "null",
    )
    head, tail = whole.split(_SPAN_FORMAT)
    return head.encode(), tail.encode()


def file_entry(result: FileResult, lang: str = "zh", *, encoded: bool = False) -> dict[str, Any]:
    """One file of the report. `encoded`: its findings as one block of JSON in UTF-8 (for
    `_dumps`)."""
    if not result.ok:
        return {"path": result.path, "status": "error", "error": result.error, "findings": []}
    doc = result.document
    english = lang.startswith("en")  # as Finding.localized_message, without a call per finding
    findings: list[Any] | bytes = (
        _encoded_findings(result, english)
        if encoded
        else [
            {
                "rule": f.rule,
                "category": f.category.value,
                "severity": f.severity.value,
                "offset": f.offset,
                "length": f.length,
                "line": line,
                "column": column,
                "text": text,
                "message": f.message_en if english and f.message_en else f.message,
                "replacements": list(f.replacements),
                "status": status,
                # additions to the contract
                "applicability": f.applicability.value,
                "group": f.group,
                "message_en": f.message_en or None,
            }
            for f, line, column, text, status in rows(result)
        ]
    )
    entry = {
        "path": result.path,
        "format": doc.format if doc else None,
        "encoding": doc.encoding if doc else None,
        "length": doc.length if doc else 0,
        "status": "ok",
        "error": None,
        "findings": findings,
    }
    if doc is not None and getattr(doc.source, "had_revisions", False):
        # addition: a .docx holding tracked changes was checked as if all were accepted
        entry["revisions"] = "accepted"
    return entry


def build_report(
    results: Sequence[FileResult],
    *,
    lang: str = "zh",
    editor: str | None = None,
    created: datetime | None = None,
) -> dict[str, Any]:
    return _report(results, [file_entry(r, lang) for r in results], editor, created)


def _report(
    results: Sequence[FileResult],
    files: list[dict[str, Any]],
    editor: str | None,
    created: datetime | None,
) -> dict[str, Any]:
    report: dict[str, Any] = {
        "schema": SCHEMA,
        "generator": {"name": "proofreader", "version": proofreader.__version__},
        "created": timestamp(created).isoformat(timespec="seconds"),
        "files": files,
        "summary": {
            "files": len(results),
            "files_with_errors": sum(1 for r in results if not r.ok),
            "findings": sum(len(r.findings) for r in results if r.ok),
            "by_category": by_category(results),
        },
    }
    if editor:
        report["editor"] = editor
    from proofreader.languagetool.client import batch_status  # addition: the grammar step

    grammar = batch_status(results)
    if grammar is not None:
        report["languagetool"] = grammar.as_json()
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
        files = [file_entry(r, lang, encoded=True) for r in results]
        report = _report(results, files, editor, created)
        return _dumps(report)


def _dumps(report: dict[str, Any]) -> bytes:
    """The report as indented JSON in UTF-8 (no BOM) with one finding per line: readable,
    diffable, and fast. Each file's findings come as one block already encoded
    (file_entry(…, encoded=True)); `json.dumps(indent=…)` on 10^5 finding dicts would fall
    back to the pure-Python encoder (~60 µs a finding). ensure_ascii=False keeps the
    Chinese readable."""
    blocks: list[bytes] = []
    files = []
    for entry in report["files"]:
        # a control character cannot occur unescaped in JSON text: a safe placeholder
        files.append(entry | {"findings": f"\x00{len(blocks)}\x00"})
        blocks.append(entry["findings"])
    text = json.dumps(report | {"files": files}, ensure_ascii=False, indent=2) + "\n"

    def block(m: re.Match[bytes]) -> bytes:
        body = blocks[int(m.group(1))]
        if not body:
            return b"[]"
        return b"[" + _FINDING_PAD.encode() + body + b"\n" + b" " * 6 + b"]"

    return re.sub(rb'"\\u0000(\d+)\\u0000"', block, text.encode("utf-8"))
