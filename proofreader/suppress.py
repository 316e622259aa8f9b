"""Suppression: findings an editor chose not to see again, by rule and by exact text.

Newspaper text has no room for comment markers, so suppression lives outside the draft:

- per desk, in `.proofreader.toml` beside the drafts (`[ignore] rules = [...]`, `texts =
  [{rule = …, text = …}]`), loaded by proofreader.style into `Config.ignore` (whole rules)
  and `Config.suppressed` (rule + text);
- per document, in the review sidecar `<draft>.proofreader.json` (its `ignored` list,
  written by proofreader.review when an editor picks "ignore everywhere").

An entry is (rule, text): `rule` is a rule id, a category name or "*" (any rule); `text` is
the exact flagged text. The Checker drops suppressed findings (Config.suppressed); the
document list is read with `document_entries` and applied with `drop`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from proofreader.model import Finding

ANY = "*"

Entry = tuple[str, str]


def is_suppressed(finding: Finding, text: str, entries: set[Entry]) -> bool:
    flagged = finding.text_in(text)
    return (
        (finding.rule, flagged) in entries
        or (str(finding.category), flagged) in entries
        or (ANY, flagged) in entries
    )


def drop(findings: Iterable[Finding], text: str, entries: set[Entry]) -> list[Finding]:
    """The findings not covered by `entries`."""
    if not entries:
        return list(findings)
    return [f for f in findings if not is_suppressed(f, text, entries)]


def document_entries(draft: Path) -> set[Entry]:
    """The per-document ignore list kept in the draft's review sidecar (empty if none)."""
    from proofreader.review import sidecar_for

    path = sidecar_for(draft)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    out: set[Entry] = set()
    for item in raw.get("ignored", []) if isinstance(raw, dict) else []:
        if isinstance(item, dict) and "rule" in item and "text" in item:
            out.add((str(item["rule"]), str(item["text"])))
    return out
