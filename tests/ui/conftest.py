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
