"""Exports of a fixed set of results compared byte for byte with stored references
(ruff-style snapshots): any change to a public format shows up in review as a diff.

Regenerate after an intended change: PROOFREADER_UPDATE_REFERENCES=1 pytest tests/exporters
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from report_data import CREATED

import proofreader
from proofreader.batch import FileResult
from proofreader.exporters import EXPORTERS

REFERENCE = Path(__file__).resolve().parent / "reference"


# HTML is left out: it shows the rules' titles, which their authors may reword.
@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_reference_output(fmt: str, results: list[FileResult]) -> None:
    data = EXPORTERS[fmt].export(results, editor="王小明", created=CREATED)
    # the version changes with every release; the format must not
    data = data.replace(proofreader.__version__.encode(), b"VERSION")
    path = REFERENCE / f"report{EXPORTERS[fmt].extension}"
    if os.environ.get("PROOFREADER_UPDATE_REFERENCES"):
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
    assert data == path.read_bytes(), f"{fmt} export differs from {path}"
