"""The app checks a draft with its desk's .proofreader.toml, like the command line does."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _no_user_sheet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROOFREADER_CONFIG_DIR", str(tmp_path / "user-config"))


def test_desk_style_sheet_applies_in_the_window(qtbot, tmp_path: Path) -> None:
    from ui.mainwindow import MainWindow

    desk = tmp_path / "desk"
    desk.mkdir()
    draft = desk / "a.txt"
    draft.write_text("会议研究了新冠肺炎防控工作。\n", encoding="utf-8")
    (desk / ".proofreader.toml").write_text(
        '[style]\nentries = ["新冠肺炎 → 新冠病毒感染"]\n', encoding="utf-8"
    )
    w = MainWindow()
    qtbot.addWidget(w)
    w.open_paths([draft])
    qtbot.waitUntil(lambda: w.draft is not None and w.draft.document is not None)
    rules = {i.finding.rule for i in w.draft.items}
    assert "house-style" in rules


def test_broken_desk_file_falls_back_to_the_settings(qtbot, tmp_path: Path) -> None:
    from ui.mainwindow import MainWindow

    draft = tmp_path / "a.txt"
    draft.write_text("我们,去北京。\n", encoding="utf-8")
    (tmp_path / ".proofreader.toml").write_text("[style\n", encoding="utf-8")
    w = MainWindow()
    qtbot.addWidget(w)
    w.open_paths([draft])
    qtbot.waitUntil(lambda: w.draft is not None and w.draft.document is not None)
    assert {i.finding.rule for i in w.draft.items} == {"halfwidth-punct"}
