"""The one Finding type that flows from rules to the UI, the reports and the CLI.

Offsets and lengths are code points into the checked text exactly as decoded
(never normalised): a CRLF is two code points, 𠮷 is one.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
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

    def moved(self, offset: int, length: int) -> Finding:
        """This finding at another span, without __init__'s cost: a rule that reports one
        mark 10^5 times (half-width commas) builds the finding once and moves copies."""
        if offset < 0 or length < 0:
            raise ValueError(f"negative span in finding {self.rule}: {offset}+{length}")
        return _restore(
            self.rule,
            self.category,
            self.severity,
            offset,
            length,
            self.message,
            self.replacements,
            self.applicability,
            self.message_en,
            self.group,
            dict(self.data) if self.data else None,
        )

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
    """A Finding from values already validated (unpickling, `moved`): no __init__, no
    __post_init__; the slots are written through their descriptors, the cheapest way."""
    f = _new(Finding)
    _s_rule(f, rule)
    _s_category(f, category)
    _s_severity(f, severity)
    _s_offset(f, offset)
    _s_length(f, length)
    _s_message(f, message)
    _s_replacements(f, replacements)
    _s_applicability(f, applicability)
    _s_message_en(f, message_en)
    _s_group(f, group)
    _s_data(f, {} if data is None else data)
    return f


_new = object.__new__
(
    _s_rule,
    _s_category,
    _s_severity,
    _s_offset,
    _s_length,
    _s_message,
    _s_replacements,
    _s_applicability,
    _s_message_en,
    _s_group,
    _s_data,
) = (getattr(Finding, f.name).__set__ for f in fields(Finding))


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace text[start:end] by replacement."""

    start: int
    end: int
    replacement: str

    @classmethod
    def of(cls, finding: Finding, choice: int = 0) -> Edit:
        return cls(finding.offset, finding.end, finding.replacements[choice])
