"""Background checking of files and folders on Qt's global thread pool.

A worker never touches a widget: it reports through the signals of `CheckSignals`, which Qt
delivers to receivers in the GUI thread as queued calls. A bad file is a result with status
"error" (an error row in the UI), never an exception; `failed` is only for the unexpected.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import traceback
from collections.abc import Iterable, Sequence
from pathlib import Path

from proofreader.batch import Cancelled, DeskCheckers, FileResult, check_file
from proofreader.config import Config
from proofreader.engine import Checker
from ui.qt import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger("proofreader.ui")


def _emit(signal, *args: object) -> None:
    """Emit unless the app is already gone (the editor quit while this thread was busy)."""
    with contextlib.suppress(RuntimeError):  # "Signal source has been deleted"
        signal.emit(*args)


class CheckSignals(QObject):
    started = Signal(int)  # number of files found
    progress = Signal(int, int, str)  # files done, files in total, path being checked next
    result = Signal(object, str)  # FileResult (one per file, as each finishes), the file's path
    error = Signal(str, str)  # a file that could not be checked: shown path, one-line reason
    failed = Signal(str)  # the worker itself broke: traceback text
    finished = Signal(bool)  # always emitted last; True if cancelled


class CheckWorker(QRunnable):
    """Check files and folders (recursively). Call `start()`, or hand it to a QThreadPool."""

    def __init__(self, paths: Iterable[str | Path], config: Config | None = None) -> None:
        super().__init__()
        self.paths = [Path(p) for p in paths]
        self.config = config or Config()
        self.signals = CheckSignals()
        self.results: list[FileResult] = []
        self._cancel = threading.Event()
        self._done = threading.Event()
        # The Python wrapper (and its signals) must outlive run(); the owner keeps a reference.
        self.setAutoDelete(False)

    # --- control, from the GUI thread --------------------------------------------------

    def start(self, pool: QThreadPool | None = None) -> CheckWorker:
        (pool or QThreadPool.globalInstance()).start(self)
        return self

    def cancel(self) -> None:
        """Ask the worker to stop; honoured between files and between the rules of a file."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until run() has returned (for tests and for closing the app)."""
        return self._done.wait(timeout)

    # --- the work, on a pool thread ----------------------------------------------------

    def run(self) -> None:
        cancelled = False
        try:
            from proofreader.formats import expand_paths

            targets: Sequence[tuple[Path, str]] = expand_paths(self.paths)
            self.signals.started.emit(len(targets))
            desks = DeskCheckers(self.config)  # each draft with its desk's .proofreader.toml
            for i, (path, shown) in enumerate(targets):
                if self.cancelled:
                    raise Cancelled()
                self.signals.progress.emit(i, len(targets), shown)
                result = self._check_one(path, shown, desks)
                self.results.append(result)
                self.signals.result.emit(result, str(path))
                if not result.ok:
                    self.signals.error.emit(shown, result.error or "")
            self.signals.progress.emit(len(targets), len(targets), "")
        except Cancelled:
            cancelled = True
        except Exception:
            self.signals.failed.emit(traceback.format_exc())
        finally:
            self._done.set()
            _emit(self.signals.finished, cancelled)

    def _check_one(self, path: Path, shown: str, desks: DeskCheckers) -> FileResult:
        # the batch's own per-file step; cancel is also honoured between the rules of a file
        return check_file(path, desks, shown, cancel=lambda: self.cancelled)


# A short draft that touches every lazily loaded part of the engine (jieba for the duplicate
# rule, OpenCC for the script rule, the word lists), so the first real check is fast.
WARM_UP_TEXT = "我们在在这里工作,今天天气很好。\n乾隆年间的“故事\n"


class WarmUpSignals(QObject):
    finished = Signal(float)  # seconds it took


class WarmUp(QRunnable):
    """Load the engine's dictionaries in the background at launch.

    Without it the first draft the editor opens pays about two seconds of loading (jieba's
    dictionary, OpenCC) on the GUI thread; with it that happens while the window is shown.
    """

    def __init__(self, config: Config | None = None) -> None:
        super().__init__()
        self.config = config or Config()
        self.signals = WarmUpSignals()
        self._done = threading.Event()
        self.setAutoDelete(False)

    def start(self, pool: QThreadPool | None = None) -> WarmUp:
        (pool or QThreadPool.globalInstance()).start(self)
        return self

    def wait(self, timeout: float | None = None) -> bool:
        return self._done.wait(timeout)

    def run(self) -> None:
        import time

        t0 = time.perf_counter()
        try:
            Checker(self.config).check_text(WARM_UP_TEXT)
        except Exception:  # a broken rule shows up on the real check, with a dialog
            log.exception("engine warm-up failed")
        finally:
            self._done.set()
            _emit(self.signals.finished, time.perf_counter() - t0)
