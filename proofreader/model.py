"""The one Finding type that flows from rules to the UI, the reports and the CLI.

Offsets and lengths are code points into the checked text exactly as decoded
(never normalised): a CRLF is two code points, 𠮷 is one.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from operator import itemgetter


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


_FIELDS = (
    "rule",
    "category",
    "severity",
    "offset",
    "length",
    "message",
    "replacements",
    "applicability",
    "message_en",
    "group",
    "data",
)


class Finding(tuple):
    """One finding: immutable, hashable, compared without `data`.

    A tuple underneath, not a dataclass: a page can yield 10^5 findings (half-width
    commas), and a tuple is built by one C call where a slotted dataclass needs eleven
    descriptor writes. The interface is a frozen dataclass's: keyword construction, named
    fields, `replace()`, equality and hash that ignore `data`.
    """

    __slots__ = ()

    rule: str
    category: Category
    severity: Severity
    offset: int
    length: int
    message: str  # Simplified Chinese
    replacements: tuple[str, ...]
    applicability: Applicability
    message_en: str
    # Findings with the same group key are shown and accepted together
    # (e.g. the 212 half-width commas of one page).
    group: str | None
    data: dict  # rule-specific extras; not part of equality

    def __new__(
        cls,
        rule: str,
        category: Category,
        severity: Severity,
        offset: int,
        length: int,
        message: str,
        replacements: tuple[str, ...] = (),
        applicability: Applicability = Applicability.SAFE,
        message_en: str = "",
        group: str | None = None,
        data: dict | None = None,
    ) -> Finding:
        if offset < 0 or length < 0:
            raise ValueError(f"negative span in finding {rule}: {offset}+{length}")
        if not replacements and applicability != Applicability.DISPLAY_ONLY:
            applicability = Applicability.DISPLAY_ONLY
        return _new(
            cls,
            (
                rule,
                category,
                severity,
                offset,
                length,
                message,
                tuple(replacements),
                applicability,
                message_en,
                group,
                {} if data is None else data,
            ),
        )

    @property
    def end(self) -> int:
        return self[3] + self[4]

    @property
    def key(self) -> str:
        """Stable identity within one text: what review decisions are keyed by."""
        return f"{self[0]}@{self[3]}+{self[4]}"

    @property
    def fixable(self) -> bool:
        return bool(self[6]) and self[7] != Applicability.DISPLAY_ONLY

    def text_in(self, text: str) -> str:
        return text[self[3] : self[3] + self[4]]

    def replace(self, **changes: object) -> Finding:
        """A copy with some fields changed (validated like a new finding)."""
        values = dict(zip(_FIELDS, self, strict=True))
        values.update(changes)
        return Finding(**values)  # type: ignore[arg-type]

    def shifted(self, delta: int) -> Finding:
        return self.moved(self[3] + delta, self[4])

    def moved(self, offset: int, length: int) -> Finding:
        """This finding at another span, without the checks of a new one: a rule that
        reports one mark 10^5 times (half-width commas) builds the finding once and moves
        copies."""
        if offset < 0 or length < 0:
            raise ValueError(f"negative span in finding {self[0]}: {offset}+{length}")
        r, c, s, _, _, m, rep, a, en, g, d = self
        return _new(Finding, (r, c, s, offset, length, m, rep, a, en, g, dict(d) if d else {}))

    def localized_message(self, lang: str = "zh") -> str:
        return self[8] if lang.startswith("en") and self[8] else self[5]

    def __eq__(self, other: object) -> bool:
        if type(other) is not Finding:
            return NotImplemented
        return self[:10] == other[:10]  # type: ignore[index]

    def __ne__(self, other: object) -> bool:
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    def __hash__(self) -> int:
        return hash(self[:10])

    def __repr__(self) -> str:
        inner = ", ".join(f"{k}={v!r}" for k, v in zip(_FIELDS, self, strict=True))
        return f"Finding({inner})"

    def __reduce__(self) -> tuple:
        # Pool workers send back 10^5 findings: the flat tuple pickles and unpickles
        # without calling __new__'s checks again.
        return (_restore, (tuple(self),))

    def __copy__(self) -> Finding:
        return self

    def __deepcopy__(self, memo: dict) -> Finding:
        return _new(Finding, (*self[:10], dict(self[10])))


for _i, _name in enumerate(_FIELDS):
    setattr(Finding, _name, property(itemgetter(_i), doc=f"field {_i}: {_name}"))
del _i, _name

_new = tuple.__new__


def _restore(values: tuple) -> Finding:
    """A Finding from values already validated (unpickling)."""
    return _new(Finding, values)


def copies_at(proto: Finding, offsets: Iterable[int], length: int) -> list[Finding]:
    """`proto` at each offset (with `length`): for a rule that reports one kind of finding
    thousands of times, built by one C-level loop (each copy gets its own empty `data`).
    The offsets must not be negative (regex match starts): they are not checked."""
    r, c, s, _, _, m, rep, a, en, g, d = proto
    if d:
        return [proto.moved(o, length) for o in offsets]
    if length < 0:
        raise ValueError(f"negative span in finding {r}: length {length}")
    return [_new(Finding, (r, c, s, o, length, m, rep, a, en, g, {})) for o in offsets]


# Findings in transit between processes: (prototypes, kinds, offsets, lengths, data). A
# prototype is a finding's fields but its span and data; kinds[i] indexes the prototype of
# finding i; data maps the index of a finding with extras to its `data`.
PackedFindings = tuple[list[tuple], "array[int]", "array[int]", "array[int]", dict[int, dict]]
# A finding's kind: every field but its span and `data` (rule, category, severity, message,
# replacements, applicability, message_en, group). Findings of one kind differ only in where
# they are: packing and the reports encode a kind once (the 200 commas of a page).
finding_kind = itemgetter(0, 1, 2, 5, 6, 7, 8, 9)
_OFFSET = itemgetter(3)
_LENGTH = itemgetter(4)
_DATA = itemgetter(10)


def pack(findings: list[Finding]) -> PackedFindings:
    """`findings` in a form that pickles and unpickles several times faster than 10^5
    separate objects: the 200 half-width commas of a page share one prototype."""
    index: dict[tuple, int] = {}
    add = index.setdefault
    kinds = array("q", [add(p, len(index)) for p in map(finding_kind, findings)])
    data = {i: d for i, d in enumerate(map(_DATA, findings)) if d}
    offsets = array("q", map(_OFFSET, findings))
    return list(index), kinds, offsets, array("q", map(_LENGTH, findings)), data


def unpack(packed: PackedFindings) -> list[Finding]:
    """The findings `pack` was given, equal and in order."""
    protos, kinds, offsets, lengths, data = packed
    out = []
    append = out.append
    for k, o, n in zip(kinds, offsets, lengths, strict=True):
        r, c, s, m, rep, a, en, g = protos[k]
        append(_new(Finding, (r, c, s, o, n, m, rep, a, en, g, {})))
    for i, d in data.items():
        out[i] = _new(Finding, (*out[i][:10], d))
    return out


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace text[start:end] by replacement."""

    start: int
    end: int
    replacement: str

    @classmethod
    def of(cls, finding: Finding, choice: int = 0) -> Edit:
        return cls(finding.offset, finding.end, finding.replacements[choice])
