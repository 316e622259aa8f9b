from __future__ import annotations

import pytest
import report_data

from proofreader.batch import FileResult


@pytest.fixture
def draft_result() -> FileResult:
    return report_data.draft_result()


@pytest.fixture
def broken_result() -> FileResult:
    return report_data.broken_result()


@pytest.fixture
def results(draft_result: FileResult, broken_result: FileResult) -> list[FileResult]:
    return [draft_result, broken_result]
