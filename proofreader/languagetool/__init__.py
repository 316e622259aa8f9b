"""LanguageTool both ways.

- `client`: the optional `grammar` family, findings from a LanguageTool server
  (`GrammarChecker`, `status()`, `merge()`); never part of `ALL_RULES`, which stays offline.
- `server`: our own checks served over LanguageTool's HTTP API v2 (`proofreader serve`).
- `convert`: code point ↔ UTF-16 offsets (LanguageTool counts UTF-16 units).
"""

from __future__ import annotations

from proofreader.languagetool.client import (
    ENV_URL,
    GrammarChecker,
    LanguageToolStatus,
    merge,
    resolve_source,
    status,
)

__all__ = ["ENV_URL", "GrammarChecker", "LanguageToolStatus", "merge", "resolve_source", "status"]
