"""ui.workers: folder checks on the thread pool, with real files on disk."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from proofreader.batch import FileResult
from proofreader.config import Config
from ui.qt import Qt, QThread
from ui.workers import CheckWorker, WarmUp

GOOD = "我们在在这里工作。\n今天,天气很好。\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "稿件"
    (d / "sub").mkdir(parents=True)
    (d / "a-good.txt").write_text(GOOD, encoding="utf-8")
    (d / "sub" / "b-good.md").write_text("第二篇稿子。\n", encoding="utf-8")
    (d / "c-gbk.txt").write_bytes("用国标编码保存的稿子，内容正常。\n".encode("gb18030"))
    (d / "d-corrupt.docx").write_bytes(b"PK\x03\x04 this is not really a zip archive")
    (d / "e-binary.txt").write_bytes(bytes(range(256)) * 8)
    (d / ".hidden.txt").write_text("不检查", encoding="utf-8")
    return d


def run(qtbot, worker: CheckWorker) -> tuple[list[FileResult], bool]:
    got: list[FileResult] = []
    worker.signals.result.connect(lambda r, _path: got.append(r))
    with qtbot.waitSignal(worker.signals.finished, timeout=30_000) as finished:
        worker.start()
    assert worker.wait(10)
    qtbot.waitUntil(lambda: len(got) == len(worker.results))  # queued deliveries
    return got, finished.args[0]


def test_folder_with_bad_files_gives_error_rows(qtbot, folder: Path) -> None:
    worker = CheckWorker([folder], Config())
    started: list[int] = []
    failed: list[str] = []
    errors: list[tuple[str, str]] = []
    worker.signals.started.connect(started.append)
    worker.signals.failed.connect(failed.append)
    worker.signals.error.connect(lambda path, why: errors.append((Path(path).name, why)))
    results, cancelled = run(qtbot, worker)
    assert not cancelled and failed == []
    qtbot.waitUntil(lambda: len(errors) == 2)
    assert [name for name, _ in errors] == ["d-corrupt.docx", "e-binary.txt"]
    assert all(why for _, why in errors)
    assert started == [5]
    by_name = {Path(r.path).name: r for r in results}
    assert sorted(by_name) == ["a-good.txt", "b-good.md", "c-gbk.txt", "d-corrupt.docx",
                               "e-binary.txt"]
    for name in ("a-good.txt", "b-good.md", "c-gbk.txt"):
        assert by_name[name].ok, by_name[name].error
    assert by_name["a-good.txt"].document.text == GOOD
    for name in ("d-corrupt.docx", "e-binary.txt"):
        r = by_name[name]
        assert r.status == "error" and r.error and "\n" not in r.error
        assert r.findings == []


def test_results_and_progress_arrive_in_the_gui_thread(qtbot, folder: Path, qapp) -> None:
    worker = CheckWorker([folder])
    threads: set[bool] = set()
    progress: list[tuple[int, int, str]] = []
    paths: list[str] = []
    worker.signals.result.connect(
        lambda _r, p: (threads.add(QThread.currentThread() is qapp.thread()), paths.append(p))
    )
    worker.signals.progress.connect(lambda d, t, p: progress.append((d, t, p)))
    results, _ = run(qtbot, worker)
    assert threads == {True}
    assert all(Path(p).is_absolute() and Path(p).exists() for p in paths)
    qtbot.waitUntil(lambda: len(progress) == len(results) + 1)
    assert [d for d, _, _ in progress] == list(range(len(results) + 1))
    assert progress[-1] == (len(results), len(results), "")


def test_cancel_midway_stops_between_files(qtbot, tmp_path: Path) -> None:
    for i in range(40):
        (tmp_path / f"draft{i:02}.txt").write_text(f"第{i}篇稿子,内容。\n", encoding="utf-8")
    worker = CheckWorker([tmp_path])

    def cancel_after_three(_r: FileResult, _path: str) -> None:
        # Runs in the worker thread (direct connection), so the stop point is exact.
        if len(worker.results) == 3:
            worker.cancel()

    worker.signals.result.connect(cancel_after_three, Qt.ConnectionType.DirectConnection)
    results, cancelled = run(qtbot, worker)
    assert cancelled is True
    assert [Path(r.path).name for r in results] == ["draft00.txt", "draft01.txt", "draft02.txt"]


def test_cancel_from_the_gui_thread(qtbot, tmp_path: Path) -> None:
    for i in range(20):
        (tmp_path / f"draft{i:02}.txt").write_text("稿子,内容。\n" * 50, encoding="utf-8")
    worker = CheckWorker([tmp_path])
    gate = threading.Event()
    with qtbot.waitSignal(worker.signals.finished, timeout=30_000) as finished:
        with qtbot.waitSignal(worker.signals.result, timeout=30_000) as first:
            # The worker pauses after its first file until the GUI thread has pressed Cancel,
            # so the test does not depend on how fast either thread is. (Connected after
            # waitSignal's own slot, so the result is already posted to the GUI thread.)
            worker.signals.result.connect(
                lambda _r, _p: gate.wait(10), Qt.ConnectionType.DirectConnection
            )
            worker.start()
        assert first.args[0].path.endswith("draft00.txt")
        worker.cancel()
        gate.set()
    assert finished.args == [True]
    assert len(worker.results) == 1


def test_cancel_before_start(qtbot, folder: Path) -> None:
    worker = CheckWorker([folder])
    worker.cancel()
    results, cancelled = run(qtbot, worker)
    assert cancelled and results == []


def test_missing_path_is_an_error_row(qtbot, tmp_path: Path) -> None:
    results, cancelled = run(qtbot, CheckWorker([tmp_path / "没有这个文件.txt"]))
    assert not cancelled
    [r] = results
    assert r.status == "error" and r.error


def test_warm_up_runs_the_engine_in_the_background(qtbot) -> None:
    warm = WarmUp(Config())
    with qtbot.waitSignal(warm.signals.finished, timeout=60_000) as done:
        warm.start()
    assert warm.wait(10)
    assert done.args[0] >= 0


# --- wired into the main window -------------------------------------------------------


@pytest.fixture
def window(qtbot, tmp_path: Path):
    from ui.mainwindow import MainWindow
    from ui.qt import QSettings
    from ui.settings import Settings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "cfg"))
    w = MainWindow(settings=Settings())
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_open_folder_checks_in_the_background(qtbot, window, folder: Path) -> None:
    from ui.draft import DraftState

    window.open_paths([folder])
    assert window.folder_progress.isVisibleTo(window)
    assert len(window._folder_workers) == 1
    qtbot.waitUntil(lambda: not window._folder_workers, timeout=30_000)
    states = {d.path.name: d.state for d in window.drafts.drafts}
    assert states == {
        "a-good.txt": DraftState.CHECKED, "b-good.md": DraftState.CHECKED,
        "c-gbk.txt": DraftState.CHECKED, "d-corrupt.docx": DraftState.ERROR,
        "e-binary.txt": DraftState.ERROR,
    }
    assert not window.folder_progress.isVisibleTo(window)
    assert not window.folder_cancel.isVisibleTo(window)


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_cancel_button_stops_the_folder_check(qtbot, window, tmp_path: Path) -> None:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for i in range(30):
        (drafts / f"d{i:02}.txt").write_text("稿子,内容。\n" * 20, encoding="utf-8")
    window.open_paths([drafts])
    worker = window._folder_workers[0]
    assert window.folder_cancel.isVisibleTo(window)
    window.folder_cancel.click()
    assert worker.cancelled
    qtbot.waitUntil(lambda: not window._folder_workers, timeout=30_000)
    assert not window.folder_progress.isVisibleTo(window)


def test_cancel_is_honoured_within_a_file() -> None:
    """The engine polls `cancel` between rules: a long check stops part-way through."""
    from collections.abc import Iterable

    from proofreader.batch import Cancelled
    from proofreader.engine import Checker
    from proofreader.model import Category, Finding
    from proofreader.rules.base import CheckContext, Rule

    ran: list[str] = []
    stop = threading.Event()

    class First(Rule):
        id = "test-first"
        category = Category.OTHER
        name = name_en = description = "test"
        examples = ()

        def check(self, ctx: CheckContext) -> Iterable[Finding]:
            ran.append(self.id)
            stop.set()  # the editor pressed Cancel while this rule ran
            return []

    class Second(First):
        id = "test-second"

    checker = Checker(rules=[First, Second])
    assert checker.check_text("稿子。") == [] and ran == ["test-first", "test-second"]
    ran.clear()
    stop.clear()
    with pytest.raises(Cancelled):
        checker.check_text("稿子。", cancel=stop.is_set)
    assert ran == ["test-first"]


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_several_files_are_checked_in_the_background(qtbot, window, folder: Path) -> None:
    from ui.draft import DraftState

    files = [folder / "a-good.txt", folder / "sub" / "b-good.md", folder / "e-binary.txt"]
    window.open_paths(files)
    assert window.draft.path == files[0] and window.draft.checked
    qtbot.waitUntil(lambda: not window._folder_workers, timeout=30_000)
    assert [d.state for d in window.drafts.drafts] == [
        DraftState.CHECKED, DraftState.CHECKED, DraftState.ERROR]
