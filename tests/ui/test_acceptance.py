"""Issue 3's acceptance test, as written: open the sample page, step through findings with the
keyboard, accept the 在在 fix, undo it, redo it, accept all half-width commas, join the four
cut paragraphs, save, and compare the saved file with the expected corrected text.

The expected text (tests/fixtures/sample-page.corrected.txt) was generated once by the engine
(apply_findings with 在在, the 212 half-width commas and the four paragraph-cut joins) and
reviewed by hand: the four joins read 引导群众遵守封控, 坚持“当日事当日毕”, 积极主动起来,
检测的时间地点.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from proofreader.model import Status
from ui.findings_model import IsGroupRole, RuleRole
from ui.mainwindow import MainWindow
from ui.qt import QItemSelectionModel, Qt

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

EXPECTED = Path(__file__).resolve().parents[1] / "fixtures" / "sample-page.corrected.txt"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def _select_group(w: MainWindow, rule: str) -> list:
    proxy = w.proxy
    for r in range(proxy.rowCount()):
        idx = proxy.index(r, 0)
        if idx.data(IsGroupRole) and idx.data(RuleRole) == rule:
            w.tree.selectionModel().setCurrentIndex(
                idx, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            return w._selected_group_items()
    raise AssertionError(f"no group row for {rule}")


def test_sample_page_review_matches_the_expected_corrected_text(qtbot, sample_page):
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()  # window shortcuts fire only in the active window
    qtbot.waitUntil(w.isActiveWindow)
    w.open_paths([sample_page])
    d = w.draft
    items = d.items
    assert len(items) == 229
    tree = w.tree
    tree.setFocus()

    # step through findings with the keyboard
    assert w.current is items[0]
    for key, mod, expected in ((Qt.Key.Key_F8, Qt.KeyboardModifier.NoModifier, 1),
                               (Qt.Key.Key_Down, ALT, 2), (Qt.Key.Key_Up, ALT, 1),
                               (Qt.Key.Key_F8, SHIFT, 0)):
        qtbot.keyClick(tree, key, mod)
        assert w.current is items[expected]

    # accept 在在, undo, redo
    dup = next(i for i in items if i.finding.rule == "duplicate-char")
    w.select_item(dup)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert dup.status == Status.ACCEPTED and dup.cursor.selectedText() == "在"
    qtbot.keyClick(tree, Qt.Key.Key_Z, CTRL)
    assert dup.status == Status.PENDING and dup.cursor.selectedText() == "在在"
    qtbot.keyClick(tree, Qt.Key.Key_Z, CTRL | SHIFT)
    assert dup.status == Status.ACCEPTED

    # accept all half-width commas: their group row, Enter
    commas = _select_group(w, "halfwidth-punct")
    assert len(commas) == 212 and {i.finding.group for i in commas} == {"halfwidth:,"}
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert all(i.status == Status.ACCEPTED for i in commas)

    # join the four cut paragraphs
    cuts = [i for i in items if i.finding.rule == "paragraph-cut"]
    assert [i.finding.offset for i in cuts] == [1538, 1749, 2225, 3187]
    for cut in cuts:
        w.select_item(cut)
        qtbot.keyClick(tree, Qt.Key.Key_Return)
        assert cut.status == Status.ACCEPTED
        assert cut.cursor.selectedText() == ""  # the paragraph break is gone

    # save, compare exactly
    qtbot.keyClick(tree, Qt.Key.Key_S, CTRL)
    saved = sample_page.with_name("page.corrected.txt")
    expected = EXPECTED.read_text(encoding="utf-8")
    assert saved.read_text(encoding="utf-8") == expected
    assert d.right_doc.toPlainText() == expected
    assert d.counts()[Status.ACCEPTED] == 1 + 212 + 4
    assert not d.modified
