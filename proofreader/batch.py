"""Check many files: used by the CLI and by the UI's background worker.

`check_paths` never raises for a bad file: the file gets status "error" and a one-line
reason, and the batch goes on. With `jobs > 1` files are checked in a process pool; the
results come back in input order either way.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from proofreader.config import Config
from proofreader.document import Document, LoadError
from proofreader.engine import Checker
from proofreader.gcpause import gc_paused
from proofreader.model import Finding, PackedFindings, Status, pack, unpack

if TYPE_CHECKING:
    from proofreader.languagetool.client import GrammarChecker


@dataclass
class FileResult:
    path: str  # as the user named it, or relative to the folder that was named
    status: str = "ok"  # "ok" or "error"
    error: str | None = None
    document: Document | None = field(default=None, repr=False)
    findings: list[Finding] = field(default_factory=list)
    # review decisions by Finding.key; absent means pending
    statuses: dict[str, Status] = field(default_factory=dict)
    # state of the optional LanguageTool step (LanguageToolStatus.as_json()); None: not run
    languagetool: dict | None = None

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def status_of(self, finding: Finding) -> Status:
        return self.statuses.get(finding.key, Status.PENDING)


class Cancelled(Exception):
    pass


ProgressFn = Callable[[int, int, FileResult], None]  # (done, total, result just finished)


def check_document(
    doc: Document,
    checker: Checker,
    display_path: str | None = None,
    grammar: GrammarChecker | None = None,
    cancel: Callable[[], bool] | None = None,
) -> FileResult:
    findings = checker.check_text(doc.text, cancel)
    languagetool = None
    if grammar is not None:  # the optional LanguageTool step, after our rules
        from proofreader.languagetool.client import merge

        theirs, state = grammar.check(doc.text)
        findings = merge(findings, theirs, checker.config)
        languagetool = state.as_json()
    return FileResult(
        path=display_path or (str(doc.path) if doc.path else "<text>"),
        document=doc,
        findings=findings,
        languagetool=languagetool,
    )


def check_file(
    path: Path,
    checker: Checker | DeskCheckers,
    display_path: str | None = None,
    grammar: GrammarChecker | None = None,
    cancel: Callable[[], bool] | None = None,
) -> FileResult:
    """Load and check one file; any failure becomes an error result, never an exception
    (but Cancelled, raised when `cancel()` turns true between rules).

    Given `DeskCheckers`, the file is checked with its desk's style sheet
    (`.proofreader.toml`) and the per-document ignore list of its review sidecar.
    """
    from proofreader.formats import load

    shown = display_path or str(path)
    ignored: set[tuple[str, str]] = set()
    if isinstance(checker, DeskCheckers):
        from proofreader.style import StyleError
        from proofreader.suppress import document_entries

        try:
            checker = checker.for_path(path)
        except (StyleError, OSError) as e:
            return FileResult(path=shown, status="error", error=f"desk style sheet: {_one_line(e)}")
        ignored = document_entries(path)
    try:
        doc = load(path, max_size=checker.config.max_file_size)
    except LoadError as e:
        return FileResult(path=shown, status="error", error=str(e) or "cannot be read")
    except Exception as e:  # a reader bug must not end a batch of 300 files
        return FileResult(path=shown, status="error", error=f"cannot be read: {_one_line(e)}")
    try:
        result = check_document(doc, checker, shown, grammar, cancel)
    except Cancelled:
        raise
    except Exception as e:  # likewise for a rule that trips over an odd draft
        return FileResult(
            path=shown,
            status="error",
            error=f"internal error while checking: {_one_line(e)}",
            document=doc,
        )
    if ignored:
        from proofreader.suppress import drop

        result.findings = drop(result.findings, doc.text, ignored)
    return result


class DeskCheckers:
    """One Checker per desk: the user's house style sheet plus the nearest `.proofreader.toml`.

    Drafts of one desk share a Checker (building one compiles every rule's patterns), and a
    folder's desk file is looked up once.
    """

    def __init__(self, config: Config, default: Checker | None = None) -> None:
        self.config = config
        self._default = default  # used as is where neither a desk file nor a user sheet adds
        self._user_sheet: list | None = None
        self._desk_of_folder: dict[Path, Path | None] = {}
        self._by_desk: dict[Path | None, Checker] = {}

    def for_path(self, path: Path) -> Checker:
        from proofreader.style import apply, find_desk_file, load_desk, load_user_sheet

        folder = path.parent
        if folder not in self._desk_of_folder:
            self._desk_of_folder[folder] = find_desk_file(path)
        desk = self._desk_of_folder[folder]
        if desk not in self._by_desk:
            if self._user_sheet is None:
                self._user_sheet = load_user_sheet()
            settings = load_desk(desk) if desk else None
            if settings is None and not self._user_sheet and self._default is not None:
                self._by_desk[desk] = self._default
            else:
                self._by_desk[desk] = Checker(apply(self.config, settings, self._user_sheet))
        return self._by_desk[desk]


def _one_line(e: BaseException) -> str:
    msg = " ".join(str(e).split())
    return f"{type(e).__name__}: {msg}" if msg else type(e).__name__


def check_paths(
    paths: Iterable[str | Path],
    config: Config | None = None,
    on_progress: ProgressFn | None = None,
    cancel: Callable[[], bool] | None = None,
    *,
    jobs: int = 1,
    include: Sequence[str] | None = None,
    exclude: Sequence[str] | None = None,
) -> list[FileResult]:
    """Check files and folders (recursively). Raises Cancelled if cancel() turns true.

    `cancel` is polled between files. Results are in input order (the order of
    `formats.expand_paths`), whatever `jobs` is.
    """
    from proofreader.formats import expand_paths

    targets = expand_paths(paths, include=include, exclude=exclude)
    return check_targets(targets, config, on_progress, cancel, jobs=jobs)


def check_targets(
    targets: Sequence[tuple[Path, str]],
    config: Config | None = None,
    on_progress: ProgressFn | None = None,
    cancel: Callable[[], bool] | None = None,
    *,
    jobs: int = 1,
) -> list[FileResult]:
    """Check (path, display path) pairs as returned by `formats.expand_paths`."""
    config = config or Config()
    if jobs > 1 and len(targets) > 1:
        return _check_parallel(targets, config, on_progress, cancel, min(jobs, len(targets)))
    checker = DeskCheckers(config)
    grammar = _grammar(config)
    results: list[FileResult] = []
    with gc_paused():
        for i, (path, shown) in enumerate(targets):
            if cancel is not None and cancel():
                raise Cancelled()
            result = check_file(path, checker, shown, grammar)
            results.append(result)
            if on_progress is not None:
                on_progress(i + 1, len(targets), result)
    return results


# --- process pool -------------------------------------------------------------------------

_worker_checker: DeskCheckers | None = None
_worker_grammar: GrammarChecker | None = None


def _init_worker(config: Config) -> None:
    global _worker_checker, _worker_grammar
    _worker_checker = DeskCheckers(config)
    _worker_grammar = _grammar(config)


def _check_in_worker(chunk: list[tuple[Path, str]]) -> list[tuple[FileResult, PackedFindings]]:
    assert _worker_checker is not None
    with gc_paused():
        return [
            _packed(check_file(path, _worker_checker, shown, _worker_grammar))
            for path, shown in chunk
        ]


def _packed(result: FileResult) -> tuple[FileResult, PackedFindings]:
    """The result as sent back: its findings packed (model.pack), not 10^5 objects."""
    findings, result.findings = result.findings, []
    return result, pack(findings)


def _unpacked(item: tuple[FileResult, PackedFindings]) -> FileResult:
    result, packed = item
    result.findings = unpack(packed)
    return result


def _chunks(
    targets: Sequence[tuple[Path, str]], first: int, jobs: int
) -> Iterator[tuple[int, list[tuple[Path, str]]]]:
    """(index of the first file, files) in runs of about 1/(8·jobs) of the total size, at
    most 64 KB unless one file is larger: one round trip per chunk instead of per file,
    small enough that the workers finish together and progress moves."""
    sizes = [_size_of(path) for path, _ in targets[first:]]
    limit = max(16 * 1024, min(_CHUNK_BYTES, sum(sizes) // (8 * jobs)))
    start, chunk, size = first, [], 0
    for i, target in enumerate(targets[first:], start=first):
        chunk.append(target)
        size += sizes[i - first]
        if size >= limit:
            yield start, chunk
            start, chunk, size = i + 1, [], 0
    if chunk:
        yield start, chunk


_CHUNK_BYTES = 64 * 1024


def _size_of(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _grammar(config: Config) -> GrammarChecker:
    """The optional LanguageTool step; when none is configured it only records why."""
    from proofreader.languagetool.client import GrammarChecker

    return GrammarChecker(config)


def _pool_context() -> multiprocessing.context.BaseContext:
    # Forked workers start at once with the engine already loaded, but forking a process
    # that runs threads (the UI, a worker pool) can deadlock: then pay for "spawn".
    # Linux only (fork is unreliable on macOS), and threads counted by the OS: Qt's threads
    # are invisible to `threading`.
    if sys.platform.startswith("linux") and _os_thread_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _os_thread_count() -> int:
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count()


def _check_parallel(
    targets: Sequence[tuple[Path, str]],
    config: Config,
    on_progress: ProgressFn | None,
    cancel: Callable[[], bool] | None,
    jobs: int,
) -> list[FileResult]:
    ctx = _pool_context()
    results: list[FileResult | None] = [None] * len(targets)
    local: DeskCheckers | None = None
    first = 0
    if ctx.get_start_method() == "fork" and len(targets) > jobs:
        # Check the first file here before forking: what the rules load lazily (jieba's
        # dictionary, ~1.5 s of CPU, word lists, OpenCC) is then loaded once and shared by
        # the forked workers instead of once in each of them.
        local = DeskCheckers(config)
        results[0] = check_file(targets[0][0], local, targets[0][1], _grammar(config))
        first = 1
        if on_progress is not None:
            on_progress(1, len(targets), results[0])
        # Keep the collector off the inherited objects: its passes would copy their pages.
        gc.freeze()
    # The collector stays off while results arrive (and in the forked workers, which
    # inherit that): re-enabled after each chunk, it walked every finding received so far.
    try:
        with gc_paused():
            _collect(targets, config, on_progress, cancel, jobs, ctx, results, first, local)
    finally:
        if first:
            gc.unfreeze()
    return [r for r in results if r is not None]


def _collect(
    targets: Sequence[tuple[Path, str]],
    config: Config,
    on_progress: ProgressFn | None,
    cancel: Callable[[], bool] | None,
    jobs: int,
    ctx: multiprocessing.context.BaseContext,
    results: list[FileResult | None],
    first: int,
    local: DeskCheckers | None,
) -> None:
    """Check targets[first:] in a pool of `jobs` workers into `results` (by index)."""
    pool = ProcessPoolExecutor(
        max_workers=jobs, mp_context=ctx, initializer=_init_worker, initargs=(config,)
    )
    try:
        futures: dict[Future[list[FileResult]], tuple[int, int]] = {
            pool.submit(_check_in_worker, chunk): (start, len(chunk))
            for start, chunk in _chunks(targets, first, jobs)
        }
        done = first
        for fut in as_completed(futures):
            if cancel is not None and cancel():
                raise Cancelled()
            start, count = futures[fut]
            try:
                chunk_results = [_unpacked(item) for item in fut.result()]
            except Exception:
                # The worker died or its results could not be sent back (e.g. unpicklable
                # reader data): check these files here instead of losing them.
                local = local or DeskCheckers(config)
                grammar = _grammar(config)
                chunk_results = [
                    check_file(path, local, shown, grammar)
                    for path, shown in targets[start : start + count]
                ]
            for i, result in enumerate(chunk_results, start=start):
                results[i] = result
                done += 1
                if on_progress is not None:
                    on_progress(done, len(targets), result)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def exit_code(results: Iterable[FileResult]) -> int:
    """0 clean, 1 findings, 2 a file could not be checked (2 wins)."""
    code = 0
    for r in results:
        if not r.ok:
            return 2
        if r.findings:
            code = 1
    return code
