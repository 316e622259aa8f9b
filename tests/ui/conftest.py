from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import ui.qt  # noqa: F401  (its PySide6 workaround must be in place before any Qt call)

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / (
    "jiaxing-daily-pinghu-page.txt"
)


@pytest.fixture
def sample_page(tmp_path: Path) -> Path:
    """A private copy of the sample page (sidecars and saved copies land beside it)."""
    target = tmp_path / "page.txt"
    shutil.copy(SAMPLE, target)
    return target


@pytest.fixture(scope="session")
def checker():
    from proofreader.engine import Checker

    return Checker()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item):
    """A test that fails midway may leave unsaved decisions; pytest-qt then closes the window
    and the unsaved-changes prompt would wait forever. Answer it "discard" at teardown only
    (this runs before pytest-qt closes the widgets)."""
    from ui.qt import QApplication

    if QApplication.instance() is not None:
        from ui.mainwindow import MainWindow

        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow):
                w._confirm_discard = lambda _drafts: True
    return (yield)
