"""The one Finding type that flows from rules to the UI, the reports and the CLI.

Offsets and lengths are code points into the checked text exactly as decoded
(never normalised): a CRLF is two code points, 𠮷 is one.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum


class Category(StrEnum):
    """The categories of the report contract (shared/spec/report-json.md)."""

    DUPLICATE = "duplicate"
    QUOTE = "quote"
    FRAGMENT = "fragment"
    SCRIPT = "script"
    PUNCTUATION = "punctuation"
    GRAMMAR = "grammar"
    WORDING = "wording"
    NUMBER = "number"
    OTHER = "other"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Applicability(StrEnum):
    """How far a fix can be trusted (after ruff)."""

    SAFE = "safe"  # may be applied in bulk ("accept all safe fixes")
    UNSAFE = "unsafe"  # a person must look at it
    DISPLAY_ONLY = "display-only"  # no automatic fix is offered


class Status(StrEnum):
    """A reviewer's decision on a finding."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    IGNORED = "ignored"


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    category: Category
    severity: Severity
    offset: int
    length: int
    message: str  # Simplified Chinese
    replacements: tuple[str, ...] = ()
    applicability: Applicability = Applicability.SAFE
    message_en: str = ""
    # Findings with the same group key are shown and accepted together
    # (e.g. the 212 half-width commas of one page).
    group: str | None = None
    data: dict = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if self.offset < 0 or self.length < 0:
            raise ValueError(f"negative span in finding {self.rule}: {self.offset}+{self.length}")
        if not self.replacements and self.applicability != Applicability.DISPLAY_ONLY:
            object.__setattr__(self, "applicability", Applicability.DISPLAY_ONLY)

    @property
    def end(self) -> int:
        return self.offset + self.length

    @property
    def key(self) -> str:
        """Stable identity within one text: what review decisions are keyed by."""
        return f"{self.rule}@{self.offset}+{self.length}"

    @property
    def fixable(self) -> bool:
        return bool(self.replacements) and self.applicability != Applicability.DISPLAY_ONLY

    def text_in(self, text: str) -> str:
        return text[self.offset : self.end]

    def shifted(self, delta: int) -> Finding:
        return replace(self, offset=self.offset + delta)

    def localized_message(self, lang: str = "zh") -> str:
        return self.message_en if lang.startswith("en") and self.message_en else self.message

    def __reduce__(self) -> tuple:
        # Pool workers send back 10^5 findings: a flat argument tuple for _restore pickles
        # and unpickles several times faster than the dataclass's __getstate__/__setstate__.
        return (
            _restore,
            (
                self.rule,
                self.category,
                self.severity,
                self.offset,
                self.length,
                self.message,
                self.replacements,
                self.applicability,
                self.message_en,
                self.group,
                self.data or None,
            ),
        )


_set = object.__setattr__


def _restore(
    rule: str,
    category: Category,
    severity: Severity,
    offset: int,
    length: int,
    message: str,
    replacements: tuple[str, ...],
    applicability: Applicability,
    message_en: str,
    group: str | None,
    data: dict | None,
) -> Finding:
    """Unpickle a Finding that was valid when pickled (no __init__, no __post_init__)."""
    f = object.__new__(Finding)
    _set(f, "rule", rule)
    _set(f, "category", category)
    _set(f, "severity", severity)
    _set(f, "offset", offset)
    _set(f, "length", length)
    _set(f, "message", message)
    _set(f, "replacements", replacements)
    _set(f, "applicability", applicability)
    _set(f, "message_en", message_en)
    _set(f, "group", group)
    _set(f, "data", {} if data is None else data)
    return f


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace text[start:end] by replacement."""

    start: int
    end: int
    replacement: str

    @classmethod
    def of(cls, finding: Finding, choice: int = 0) -> Edit:
        return cls(finding.offset, finding.end, finding.replacements[choice])
