"""Check many files: used by the CLI and by the UI's background worker.

`check_paths` never raises for a bad file: the file gets status "error" and a one-line
reason, and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from proofreader.config import Config
from proofreader.document import Document, LoadError
from proofreader.engine import Checker
from proofreader.model import Finding, Status


@dataclass
class FileResult:
    path: str  # as the user named it, or relative to the folder that was named
    status: str = "ok"  # "ok" or "error"
    error: str | None = None
    document: Document | None = field(default=None, repr=False)
    findings: list[Finding] = field(default_factory=list)
    # review decisions by Finding.key; absent means pending
    statuses: dict[str, Status] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def status_of(self, finding: Finding) -> Status:
        return self.statuses.get(finding.key, Status.PENDING)


class Cancelled(Exception):
    pass


ProgressFn = Callable[[int, int, FileResult], None]  # (done, total, result just finished)


def check_document(doc: Document, checker: Checker, display_path: str | None = None) -> FileResult:
    return FileResult(
        path=display_path or (str(doc.path) if doc.path else "<text>"),
        document=doc,
        findings=checker.check_text(doc.text),
    )


def check_file(path: Path, checker: Checker, display_path: str | None = None) -> FileResult:
    from proofreader.formats import load

    shown = display_path or str(path)
    try:
        doc = load(path, max_size=checker.config.max_file_size)
    except LoadError as e:
        return FileResult(path=shown, status="error", error=str(e))
    return check_document(doc, checker, shown)


def check_paths(
    paths: Iterable[str | Path],
    config: Config | None = None,
    on_progress: ProgressFn | None = None,
    cancel: Callable[[], bool] | None = None,
) -> list[FileResult]:
    """Check files and folders (recursively). Raises Cancelled if cancel() turns true."""
    from proofreader.formats import expand_paths

    checker = Checker(config)
    targets = expand_paths(paths)
    results: list[FileResult] = []
    for i, (path, shown) in enumerate(targets):
        if cancel is not None and cancel():
            raise Cancelled()
        result = check_file(path, checker, shown)
        results.append(result)
        if on_progress is not None:
            on_progress(i + 1, len(targets), result)
    return results
