"""The JSON correction report: schema `proofreader-report/1` (shared/spec/report-json.md).

A public contract: fields may be added, never renamed, dropped or changed in meaning.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Sequence
from datetime import datetime
from json.encoder import encode_basestring as _str
from typing import Any

import proofreader
from proofreader.batch import FileResult
from proofreader.exporters._common import by_category, rows, timestamp
from proofreader.model import _PROTO, Finding, Status
from proofreader.textutil import LineIndex

SCHEMA = "proofreader-report/1"
_PENDING = Status.PENDING
# One encoder for every finding: json.dumps(…, ensure_ascii=False) builds a new one per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False)

# The findings' JSON, written by one %-format each: twice as fast as the C encoder on their
# dicts (10^5 findings). Used only for dicts with exactly these keys (else the encoder).
_FINDING_KEYS = {
    "rule", "category", "severity", "offset", "length", "line", "column", "text", "message",
    "replacements", "status", "applicability", "group", "message_en",
}  # fmt: skip
_FINDING_JSON = (
    '{"rule": %s, "category": %s, "severity": %s, "offset": %s, "length": %s, "line": %s, '
    '"column": %s, "text": %s, "message": %s, "replacements": [%s], "status": %s, '
    '"applicability": %s, "group": %s, "message_en": %s}'
)


# The span fields of _FINDING_JSON, formatted per finding; a placeholder for them first.
_SPAN_MARK = ("\x00", "\x01", "\x02", "\x03", "\x04")  # never in JSON text: escaped there
_SPAN_FORMAT = '"offset": \x00, "length": \x01, "line": \x02, "column": \x03, "text": \x04'
_SPAN_JSON = b'"offset": %d, "length": %d, "line": %d, "column": %d, "text": %s'
_FINDING_PAD = "\n" + " " * 8  # a finding's line in `dumps`: inside "findings": [ … ]
_FINDING_SEP = ("," + _FINDING_PAD).encode()


def _encode_finding(d: dict[str, Any]) -> str:
    """Exactly _ENCODER.encode(d) for a finding dict of file_entry (same key order)."""
    group, message_en = d["group"], d["message_en"]
    return _FINDING_JSON % (
        _str(d["rule"]),
        _str(d["category"]),
        _str(d["severity"]),
        d["offset"],
        d["length"],
        d["line"],
        d["column"],
        _str(d["text"]),
        _str(d["message"]),
        ", ".join(map(_str, d["replacements"])),
        _str(d["status"]),
        _str(d["applicability"]),
        "null" if group is None else _str(group),
        "null" if message_en is None else _str(message_en),
    )


def _encoded_findings(result: FileResult, english: bool) -> bytes:
    """The findings of file_entry as their JSON in UTF-8, one per line (as `dumps` lays
    them out), written straight from the findings: no dict per finding, and no 50 MB str
    encoded at the end. Findings that differ only in their span (the 200 half-width commas
    of a page) share one template: every other field is encoded once."""
    text = result.document.text if result.document is not None else ""
    starts = LineIndex(text).starts
    statuses = result.statuses
    templates: dict[tuple, tuple[bytes, bytes]] = {}
    out = []
    append = out.append
    for f in result.findings:
        status = statuses.get(f.key, _PENDING).value if statuses else "pending"
        key = (*_PROTO(f), status)  # every field but the span and `data`
        parts = templates.get(key)
        if parts is None:
            parts = templates[key] = _template(f, status, english)
        offset, length = f[3], f[4]
        line = bisect_right(starts, offset)
        column = offset - starts[line - 1] + 1
        flagged = _str(text[offset : offset + length]).encode()
        append(parts[0] + _SPAN_JSON % (offset, length, line, column, flagged) + parts[1])
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
    `dumps_utf8`)."""
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
        return dumps_utf8(report)


def dumps(report: dict[str, Any]) -> str:
    """Indented JSON with one finding per line: readable, diffable, and fast.

    `json.dumps(indent=…)` falls back to the pure-Python encoder (~60 µs a finding; a
    folder of pages has 10^5 findings); the compact C encoder is used for each finding.
    ensure_ascii=False keeps the Chinese readable.
    """
    return dumps_utf8(report)[:-1].decode("utf-8")


def dumps_utf8(report: dict[str, Any]) -> bytes:
    """`dumps(report)` and a final newline, in UTF-8 (without a BOM). The findings of a file
    may come as one block already encoded (file_entry(…, encoded=True))."""
    findings: list[list[dict[str, Any]] | bytes] = []
    files = []
    for entry in report["files"]:
        # a control character cannot occur unescaped in JSON text: a safe placeholder
        files.append(entry | {"findings": f"\x00{len(findings)}\x00"})
        findings.append(entry["findings"])
    text = json.dumps(report | {"files": files}, ensure_ascii=False, indent=2) + "\n"

    def block(m: re.Match[bytes]) -> bytes:
        items = findings[int(m.group(1))]
        if not items:
            return b"[]"
        if isinstance(items, bytes):  # file_entry(…, encoded=True)
            body = items
        else:
            encode = _encode_finding if all(d.keys() == _FINDING_KEYS for d in items) else None
            body = _FINDING_SEP.join(s.encode() for s in map(encode or _ENCODER.encode, items))
        return b"[" + _FINDING_PAD.encode() + body + b"\n" + b" " * 6 + b"]"

    return re.sub(rb'"\\u0000(\d+)\\u0000"', block, text.encode("utf-8"))
