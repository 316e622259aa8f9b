"""ui.errors: an unexpected exception is logged and shown; the app keeps running."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from ui.errors import MAX_OPEN_DIALOGS, ErrorDialog, ExceptionHandler, install
from ui.qt import QPushButton, QTimer

# The offscreen platform cannot raise windows or propagate size hints, and says so.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def handler(tmp_path: Path, qapp) -> Iterator[ExceptionHandler]:
    h = install(tmp_path / "logs" / "proofreader.log")
    yield h
    h.uninstall()  # closes (and so deletes) the dialogs it opened


def _raise(exc: BaseException) -> None:
    try:
        raise exc
    except BaseException:
        sys.excepthook(*sys.exc_info())


def test_hook_logs_and_shows_a_dialog(handler: ExceptionHandler, qtbot) -> None:
    assert sys.excepthook is handler
    _raise(ValueError("稿件坏了"))
    assert handler.handled == 1
    log = handler.log_path.read_text(encoding="utf-8")
    assert "ValueError: 稿件坏了" in log and "Traceback" in log
    [dialog] = handler.dialogs
    assert isinstance(dialog, ErrorDialog) and dialog.isVisible()
    assert dialog.summary_label.text() == "ValueError: 稿件坏了"
    assert not dialog.details.isVisible()
    dialog.details_button.click()
    assert dialog.details.isVisible()
    assert "稿件坏了" in dialog.details.toPlainText()
    dialog.close()
    assert handler.dialogs == []


def test_exception_in_a_slot_reaches_the_dialog_and_the_loop_goes_on(
    handler: ExceptionHandler, qtbot
) -> None:
    button = QPushButton("boom")
    qtbot.addWidget(button)

    def broken() -> None:
        raise RuntimeError("slot failed")

    button.clicked.connect(broken)
    button.click()
    assert handler.handled == 1
    ticks: list[int] = []
    QTimer.singleShot(0, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: ticks == [1])  # the event loop still runs
    assert "RuntimeError: slot failed" in handler.dialogs[0].summary_label.text()


def test_exception_in_a_thread_is_shown_by_the_gui_thread(
    handler: ExceptionHandler, qtbot
) -> None:
    def work() -> None:
        raise KeyError("线程")

    t = threading.Thread(target=work)
    t.start()
    t.join()
    qtbot.waitUntil(lambda: len(handler.dialogs) == 1)
    assert "KeyError" in handler.dialogs[0].summary_label.text()
    assert "KeyError" in handler.log_path.read_text(encoding="utf-8")


def test_a_storm_of_errors_opens_few_dialogs(handler: ExceptionHandler, qtbot) -> None:
    for i in range(10):
        _raise(ValueError(i))
    assert handler.handled == 10
    assert len(handler.dialogs) == MAX_OPEN_DIALOGS


def test_uninstall_restores_the_previous_hook(tmp_path: Path, qapp) -> None:
    before = sys.excepthook
    h = ExceptionHandler(tmp_path / "x.log").install()
    assert sys.excepthook is h
    h.uninstall()
    assert sys.excepthook is before
