"""Run rules over a text; apply accepted fixes without ever garbling overlapping ones."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter

from proofreader.config import Config
from proofreader.gcpause import gc_paused
from proofreader.model import Edit, Finding
from proofreader.rules import ALL_RULES, CheckContext, Rule


class Checker:
    """A configured set of rules. Build once, check many texts (it holds no per-text state)."""

    def __init__(self, config: Config | None = None, rules: Sequence[type[Rule]] | None = None):
        self.config = config or Config()
        candidates = ALL_RULES if rules is None else rules
        self.rules: list[Rule] = [
            cls()
            for cls in candidates
            if self.config.rule_enabled(cls.id, str(cls.category), cls.enabled_by_default)
        ]
        # longest first, so that an allowed word is never cut short by a shorter one
        allowed = sorted(self.config.allowed_words, key=len, reverse=True)
        self._allowed_re = re.compile("|".join(map(re.escape, allowed))) if allowed else None

    def check_text(self, text: str, cancel: Callable[[], bool] | None = None) -> list[Finding]:
        """`cancel` is polled between rules, so a background check can stop within a long
        file; when it turns true, batch.Cancelled is raised."""
        ctx = CheckContext(text, self.config)
        findings: list[Finding] = []
        with gc_paused():
            for rule in self.rules:
                if cancel is not None and cancel():
                    from proofreader.batch import Cancelled  # batch imports this module

                    raise Cancelled()
                findings.extend(rule.check(ctx))
            return self._finish(text, findings)

    def _finish(self, text: str, findings: list[Finding]) -> list[Finding]:
        if self._allowed_re is not None:
            allowed = [(m.start(), m.end()) for m in self._allowed_re.finditer(text)]
            if allowed:
                findings = [f for f in findings if not _inside_any(f, allowed)]
        if self.config.suppressed:  # desk ignore list by exact text (proofreader.suppress)
            from proofreader.suppress import drop

            findings = drop(findings, text, self.config.suppressed)
        # C-level keys (a Finding is a tuple): one finding per rule and span, in text order
        unique = dict(zip(map(_IDENTITY, findings), findings, strict=True))
        return sorted(unique.values(), key=_TEXT_ORDER)


_IDENTITY = itemgetter(0, 3, 4)  # rule, offset, length
_TEXT_ORDER = itemgetter(3, 4, 0)  # offset, length, rule


def _inside_any(f: Finding, spans: list[tuple[int, int]]) -> bool:
    return any(s <= f.offset and f.end <= e for s, e in spans)


def check_text(text: str, config: Config | None = None) -> list[Finding]:
    return Checker(config).check_text(text)


@dataclass(frozen=True)
class FixResult:
    text: str
    applied: list[Edit]
    dropped: list[Edit]  # overlapped an edit that was applied first


def apply_edits(text: str, edits: Iterable[Edit]) -> FixResult:
    """Apply edits left to right; an edit that overlaps one already taken is dropped.

    Two edits conflict when their spans overlap, or when both insert at the same point
    (their order would be a guess). Touching spans do not conflict.
    """
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    applied: list[Edit] = []
    dropped: list[Edit] = []
    last_end = -1
    last_start = -1
    for e in ordered:
        if not (0 <= e.start <= e.end <= len(text)):
            dropped.append(e)
            continue
        conflict = e.start < last_end or (e.start == e.end == last_start == last_end)
        if conflict:
            dropped.append(e)
            continue
        applied.append(e)
        last_start, last_end = e.start, e.end
    parts: list[str] = []
    pos = 0
    for e in applied:
        parts.append(text[pos : e.start])
        parts.append(e.replacement)
        pos = e.end
    parts.append(text[pos:])
    return FixResult("".join(parts), applied, dropped)


def apply_findings(text: str, findings: Iterable[Finding]) -> FixResult:
    """Apply each finding's first replacement (findings without one are skipped)."""
    return apply_edits(text, (Edit.of(f) for f in findings if f.replacements))
