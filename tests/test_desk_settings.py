"""A batch applies each draft's desk file (.proofreader.toml) and its sidecar ignore list."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from proofreader.batch import check_paths
from proofreader.review import sidecar_for

DRAFT = "本报讯 记者昨天在新冠肺炎防控会议上说，各部门要再接再励。\n"


@pytest.fixture(autouse=True)
def _no_user_sheet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROOFREADER_CONFIG_DIR", str(tmp_path / "user-config"))


def _rules(results) -> dict[str, list[str]]:
    # keyed by the last two parts of the path: display paths start with the folder as named
    return {"/".join(Path(r.path).parts[-2:]): sorted(f.rule for f in r.findings) for r in results}


def test_desk_file_applies_to_its_folder_only(tmp_path: Path) -> None:
    desk = tmp_path / "desk"
    other = tmp_path / "other"
    desk.mkdir()
    other.mkdir()
    (desk / "a.txt").write_text(DRAFT, encoding="utf-8")
    (other / "b.txt").write_text(DRAFT, encoding="utf-8")
    (desk / ".proofreader.toml").write_text(
        '[style]\nentries = ["新冠肺炎 → 新冠病毒感染"]\n', encoding="utf-8"
    )
    by_path = _rules(check_paths([tmp_path]))
    assert "house-style" in by_path["desk/a.txt"]
    assert "house-style" not in by_path["other/b.txt"]
    assert "misused-word" in by_path["other/b.txt"]


def test_desk_ignore_and_sidecar_ignore(tmp_path: Path) -> None:
    draft = tmp_path / "a.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    assert "misused-word" in _rules(check_paths([draft]))[f"{tmp_path.name}/a.txt"]
    sidecar_for(draft).write_text(
        json.dumps({"ignored": [{"rule": "misused-word", "text": "再接再励"}]}), encoding="utf-8"
    )
    assert "misused-word" not in _rules(check_paths([draft]))[f"{tmp_path.name}/a.txt"]


def test_broken_desk_file_is_an_error_row_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / ".proofreader.toml").write_text("[style\n", encoding="utf-8")
    [result] = check_paths([tmp_path])
    assert result.status == "error" and "desk style sheet" in (result.error or "")
