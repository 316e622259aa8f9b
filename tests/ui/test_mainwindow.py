"""The editor's session on the sample page, driven through the keyboard and the mouse."""

from __future__ import annotations

import pytest

from proofreader.engine import Checker, apply_findings
from proofreader.model import Status
from ui.findings_model import IsGroupRole, RuleRole
from ui.mainwindow import MainWindow
from ui.qt import QItemSelectionModel, QKeySequence, Qt, QTextCursor

# the offscreen platform cannot size or raise windows; it says so, harmlessly
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def _window(qtbot, paths=()) -> MainWindow:
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()  # window shortcuts only fire in the active window
    qtbot.waitUntil(w.isActiveWindow)
    if paths:
        w.open_paths(paths)
    return w


def _click_highlight(qtbot, pane, pos: int) -> None:
    c = QTextCursor(pane.document())
    c.setPosition(pos)
    pane.setTextCursor(c)
    pane.centerCursor()
    rect = pane.cursorRect(c)  # a caret-wide rectangle just before the character
    point = rect.center()
    point.setX(point.x() + 4)
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=point)


def _select_group(w: MainWindow, rule: str) -> None:
    proxy = w.proxy
    for r in range(proxy.rowCount()):
        idx = proxy.index(r, 0)
        if idx.data(IsGroupRole) and idx.data(RuleRole) == rule:
            w.tree.selectionModel().setCurrentIndex(
                idx, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            return
    raise AssertionError(f"no group row for {rule}")


def test_review_the_sample_page_from_the_keyboard(qtbot, sample_page):
    w = _window(qtbot, [sample_page])
    d = w.draft
    assert d is not None and d.checked and d.items
    original = d.original
    items = d.items
    tree = w.tree
    tree.setFocus()

    # stepping: the first pending finding is selected on open
    assert w.current is items[0]
    qtbot.keyClick(tree, Qt.Key.Key_F8)
    assert w.current is items[1]
    qtbot.keyClick(tree, Qt.Key.Key_Down, ALT)
    assert w.current is items[2]
    qtbot.keyClick(tree, Qt.Key.Key_Up, ALT)
    assert w.current is items[1]
    qtbot.keyClick(tree, Qt.Key.Key_F8, SHIFT)
    assert w.current is items[0]

    # 在在: click its highlight in the original, accept with Enter, undo, redo
    dup = next(i for i in items if i.finding.rule == "duplicate-char")
    assert dup.finding.text_in(original) == "在在"
    _click_highlight(qtbot, w.review.left, dup.left[0])
    assert w.current is dup
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert dup.status == Status.ACCEPTED
    assert dup.cursor.selectedText() == "在"
    assert w.current is not dup  # moved on to the next pending finding
    assert w.current.status == Status.PENDING
    qtbot.keyClick(tree, Qt.Key.Key_Z, CTRL)
    assert dup.status == Status.PENDING
    assert dup.cursor.selectedText() == "在在"
    qtbot.keyClick(tree, Qt.Key.Key_Z, CTRL | SHIFT)
    assert dup.status == Status.ACCEPTED

    # all half-width commas at once: select their group row, Enter
    _select_group(w, "halfwidth-punct")
    group = w._selected_group_items()
    assert group and len(group) > 100
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert all(i.status == Status.ACCEPTED for i in group)

    # join the cut paragraphs one by one (unsafe fixes: each needs a look)
    cuts = [i for i in items if i.finding.rule == "paragraph-cut"]
    assert cuts
    for cut in cuts:
        w.select_item(cut)
        qtbot.keyClick(tree, Qt.Key.Key_Return)
        assert cut.status == Status.ACCEPTED

    # a rejection with Backspace, an ignore with I: both move on and change no text
    pending = [i for i in items if i.status == Status.PENDING and i.fixable]
    if len(pending) >= 2:
        w.select_item(pending[0])
        qtbot.keyClick(tree, Qt.Key.Key_Backspace)
        assert pending[0].status == Status.REJECTED
        w.select_item(pending[1])
        qtbot.keyClick(tree, Qt.Key.Key_I)
        assert pending[1].status == Status.IGNORED
        assert w.current is not pending[1]

    # save: name.corrected.txt beside the draft, equal to the engine's own application
    qtbot.keyClick(tree, Qt.Key.Key_S, CTRL)
    saved = sample_page.with_name("page.corrected.txt")
    assert saved.exists()
    findings = Checker().check_text(original)
    comma_group = group[0].finding.group
    chosen = [f for f in findings
              if f.rule in ("duplicate-char", "paragraph-cut")
              or (f.rule == "halfwidth-punct" and f.group == comma_group)]
    expected = apply_findings(original, chosen).text
    assert saved.read_text(encoding="utf-8") == expected
    assert "在在" not in expected.replace(dup.finding.text_in(original), "", 0)
    assert not d.modified
    # the right pane shows the same text
    assert d.right_doc.toPlainText() == expected


def test_shortcuts_are_shown(qtbot):
    w = _window(qtbot)
    assert w.act_accept_rule.shortcut() == QKeySequence("Ctrl+Return")
    assert "F8" in w.act_next.toolTip()
    assert [k.toString() for k in w.act_next.shortcuts()] == ["Alt+Down", "F8"]
    assert w.act_open_folder.shortcut() == QKeySequence("Ctrl+Shift+O")
    for act in (w.act_export, w.act_settings, w.act_open_folder, w.act_save, w.act_find):
        assert act in w.actions()


def test_typing_in_the_corrected_pane_does_not_trigger_review_keys(qtbot, tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("我们,去北京。\n", encoding="utf-8")
    w = _window(qtbot, [p])
    d = w.draft
    pane = w.review.right
    pane.setFocus()
    c = pane.textCursor()
    c.movePosition(QTextCursor.MoveOperation.End)
    pane.setTextCursor(c)
    qtbot.keyClicks(pane, "i")
    qtbot.keyClick(pane, Qt.Key.Key_Return)
    qtbot.keyClick(pane, Qt.Key.Key_Backspace)
    assert all(i.status == Status.PENDING for i in d.items if i.origin)
    assert d.right_doc.toPlainText().endswith("i")
    qtbot.keyClick(pane, Qt.Key.Key_Z, CTRL)  # the window's undo, through the draft's stack
    assert not d.right_doc.toPlainText().endswith("i")
    d.undo_stack.setClean()  # no unsaved-changes question when the test closes the window


def _answer_next_dialog(qtbot, button) -> None:
    """Press `button` in the message box that is about to open (it runs its own loop)."""
    from ui.qt import QApplication, QMessageBox, QTimer

    def press() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.button(button).click()
        else:
            QTimer.singleShot(20, press)

    QTimer.singleShot(20, press)


def test_closing_with_unsaved_decisions_asks_first(qtbot, tmp_path):
    from ui.qt import QMessageBox

    p = tmp_path / "a.txt"
    p.write_text("我们,去北京。\n", encoding="utf-8")
    w = _window(qtbot, [p])
    w.accept()
    assert w.draft.modified
    _answer_next_dialog(qtbot, QMessageBox.StandardButton.Cancel)
    assert not w.close()
    assert w.isVisible()
    _answer_next_dialog(qtbot, QMessageBox.StandardButton.Save)
    assert w.close()
    assert (tmp_path / "a.corrected.txt").read_text(encoding="utf-8") == "我们，去北京。\n"


def test_folder_with_a_broken_file_shows_an_error_row(qtbot, tmp_path):
    (tmp_path / "good.txt").write_text("我们,去北京。\n", encoding="utf-8")
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01\x02\x03" * 300)
    w = _window(qtbot, [tmp_path])
    names = [d.name for d in w.drafts.drafts]
    assert sorted(names) == ["broken.txt", "good.txt"]
    broken = next(d for d in w.drafts.drafts if d.name == "broken.txt")
    w.show_draft(broken)
    assert broken.error
    assert w.draft is None or not w.draft.checked
    good = next(d for d in w.drafts.drafts if d.name == "good.txt")
    w.show_draft(good)
    assert w.draft is good and good.items


def test_drop_files_to_open_them(qtbot, tmp_path):
    from ui.qt import QDropEvent, QMimeData, QPointF, QUrl

    p = tmp_path / "dropped.txt"
    p.write_text("我们,去北京。\n", encoding="utf-8")
    w = _window(qtbot)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    w.dropEvent(event)
    assert w.draft is not None and w.draft.path == p and w.draft.items


def test_find_and_filter(qtbot, sample_page):
    w = _window(qtbot, [sample_page])
    qtbot.keyClick(w.tree, Qt.Key.Key_F, CTRL)
    assert w.filter_text.hasFocus()
    w.filter_text.insert("在在")  # (QTest cannot type CJK characters)
    assert all(w.proxy.accepts_item(i) == ("在在" in i.finding.message
                                           or "在在" in i.finding.text_in(w.draft.original))
               for i in w.draft.items)
    qtbot.keyClick(w.filter_text, Qt.Key.Key_Return)  # find it in the corrected text
    assert w.review.right.textCursor().selectedText() == "在在"
    w.filter_text.clear()
    w.filter_category.setCurrentIndex(w.filter_category.findData("duplicate"))
    assert w.proxy.rowCount() == sum(1 for i in w.draft.items if i.finding.category == "duplicate")


def test_extension_b_highlight_in_the_window(qtbot, tmp_path):
    p = tmp_path / "names.txt"
    p.write_text("记者𠮷𠀀报道,今天天气好。\n", encoding="utf-8")
    w = _window(qtbot, [p])
    w.review.refresh()
    comma = next(i for i in w.draft.items if i.finding.rule == "halfwidth-punct")
    assert comma.finding.offset == 6
    shown = [s.cursor.selectedText() for s in w.review.left.extraSelections()]
    assert shown == [","]
    assert [s.cursor.selectedText() for s in w.review.right.extraSelections()] == [","]


def test_layout_is_remembered(qtbot, tmp_path):
    from ui.qt import QSettings

    class Prefs:  # the settings object's QSettings, in a private file
        q = QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat)
        font_size = 14

    w = MainWindow(settings=Prefs())
    qtbot.addWidget(w)
    w.show()
    w.main_split.setSizes([333, 1000])
    w._save_layout()
    again = MainWindow(settings=Prefs())
    qtbot.addWidget(again)
    again.show()
    assert again.main_split.sizes()[0] == 333


def _real_settings(tmp_path):
    from ui.qt import QSettings
    from ui.settings import Settings

    ini = str(tmp_path / "cfg" / "proofreader.ini")
    return Settings(QSettings(ini, QSettings.Format.IniFormat))


def test_add_to_dictionary_ignores_the_word_everywhere_and_remembers_it(qtbot, tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("我们,去北京。\n他们,去上海。\n", encoding="utf-8")
    settings = _real_settings(tmp_path)
    w = MainWindow(settings=settings)
    qtbot.addWidget(w)
    w.open_paths([p])
    commas = [i for i in w.draft.items if i.finding.text_in(w.draft.original) == ","]
    assert len(commas) == 2
    w.select_item(commas[0])
    w.ignore_and_add_to_dictionary()
    assert [i.status for i in commas] == [Status.IGNORED, Status.IGNORED]
    assert "," in settings.allowed_words
    w.draft.undo_stack.undo()  # one step
    assert [i.status for i in commas] == [Status.PENDING, Status.PENDING]
    w.draft.undo_stack.setClean()
    assert str(p.resolve()) in settings.recent_files()


def test_hover_shows_the_message(qtbot, tmp_path):
    from ui.qt import QEvent, QHelpEvent, QToolTip

    p = tmp_path / "a.txt"
    p.write_text("我们,去北京。\n", encoding="utf-8")
    w = _window(qtbot, [p])
    pane = w.review.left
    comma = w.draft.items[0]
    c = QTextCursor(pane.document())
    c.setPosition(comma.left[0])
    point = pane.cursorRect(c).center()
    point.setX(point.x() + 3)  # over the right half of the narrow ","
    event = QHelpEvent(QEvent.Type.ToolTip, point, pane.viewport().mapToGlobal(point))
    pane.viewportEvent(event)
    assert comma.finding.message in QToolTip.text()
