"""What every report format shares: the exporter interface and per-finding facts
(line/column, flagged text, review status) computed once per file."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import datetime
from operator import itemgetter
from typing import NamedTuple, Protocol

from proofreader.batch import FileResult
from proofreader.model import Category, Finding, Status
from proofreader.textutil import LineIndex


class Exporter(Protocol):
    name: str  # the --format value
    extension: str  # with the dot: ".json"
    media_type: str

    def export(
        self,
        results: Sequence[FileResult],
        *,
        lang: str = "zh",
        editor: str | None = None,
        created: datetime | None = None,
    ) -> bytes: ...


_CATEGORY = itemgetter(1)  # Finding.category


class Row(NamedTuple):
    """One finding as every report shows it (a tuple: reports make 10^5 of these)."""

    finding: Finding
    line: int
    column: int
    text: str  # the flagged text, exactly as in the draft
    status: str


def rows(result: FileResult) -> Iterator[Row]:
    """The findings of one checked file with their positions, in text order. (Reports walk
    10^5 of these: the line is found inline, as LineIndex.line_col does, and each Row is
    built by one C call.)"""
    text = result.document.text if result.document is not None else ""
    starts = LineIndex(text).starts
    for f, status in zip(result.findings, status_values(result), strict=True):
        offset = f[3]
        line = bisect_right(starts, offset)
        column = offset - starts[line - 1] + 1
        yield _new(Row, (f, line, column, text[offset : offset + f[4]], status))


_new = tuple.__new__


def status_values(result: FileResult) -> list[str]:
    """The review status of each finding of `result`, in order ("pending" when undecided)."""
    statuses = result.statuses
    if not statuses:  # the common case: no decision yet, no key built per finding
        return ["pending"] * len(result.findings)
    get = statuses.get
    pending = Status.PENDING
    return [get(f.key, pending).value for f in result.findings]


def timestamp(created: datetime | None) -> datetime:
    """`created`, or now; always timezone-aware (a naive time is taken as local time)."""
    when = created or datetime.now()
    return when if when.tzinfo is not None else when.astimezone()


def by_category(results: Sequence[FileResult]) -> dict[str, int]:
    """Finding counts per category, in the contract's category order, zeros left out."""
    counts: Counter[str] = Counter()
    for r in results:
        if r.ok:
            # keyed by the categories themselves (a StrEnum: equal to its value, same hash)
            counts.update(map(_CATEGORY, r.findings))
    return {str(c): counts[c] for c in Category if counts[c]}


def suggestion(f: Finding) -> str:
    return f.replacements[0] if f.replacements else ""
