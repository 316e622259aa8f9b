"""What every report format shares: the exporter interface and per-finding facts
(line/column, flagged text, review status) computed once per file."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import datetime
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


class Row(NamedTuple):
    """One finding as every report shows it (a tuple: reports make 10^5 of these)."""

    finding: Finding
    line: int
    column: int
    text: str  # the flagged text, exactly as in the draft
    status: str


def rows(result: FileResult) -> Iterator[Row]:
    """The findings of one checked file with their positions, in text order."""
    text = result.document.text if result.document is not None else ""
    index = LineIndex(text)
    statuses = result.statuses
    for f in result.findings:
        line, column = index.line_col(f.offset)
        status = statuses.get(f.key, Status.PENDING).value if statuses else "pending"
        yield Row(f, line, column, text[f.offset : f.offset + f.length], status)


def timestamp(created: datetime | None) -> datetime:
    """`created`, or now; always timezone-aware (a naive time is taken as local time)."""
    when = created or datetime.now()
    return when if when.tzinfo is not None else when.astimezone()


def by_category(results: Sequence[FileResult]) -> dict[str, int]:
    """Finding counts per category, in the contract's category order, zeros left out."""
    counts = Counter(str(f.category) for r in results if r.ok for f in r.findings)
    return {str(c): counts[str(c)] for c in Category if counts[str(c)]}


def suggestion(f: Finding) -> str:
    return f.replacements[0] if f.replacements else ""
