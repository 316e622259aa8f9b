"""Saving from the window: .docx tracked or clean (issue 4); UTF-8 when Big5 cannot hold a fix."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from proofreader.model import Status
from ui.mainwindow import MainWindow
from ui.qt import QApplication, QFileDialog, QMessageBox, QTimer
from ui.save_dialog import SaveAsDialog, docx_filters

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _make_docx(path: Path) -> Path:
    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("记者昨天在在平湖")
    bold = p.add_run("采访")
    bold.bold = True
    p.add_run("了当地的农民。")
    d.add_paragraph("第二段没有问题。")
    d.save(str(path))
    return path


def _window(qtbot, path: Path) -> MainWindow:
    w = MainWindow()
    qtbot.addWidget(w)
    w.open_paths([path])
    return w


def _accept_dup(w: MainWindow):
    d = w.draft
    dup = next(i for i in d.items if i.finding.rule == "duplicate-char")
    w.select_item(dup)
    w.accept()
    assert dup.status == Status.ACCEPTED
    return d


def _body_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode("utf-8")


def _text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_save_docx_with_tracked_changes_then_clean(qtbot, tmp_path):
    src = _make_docx(tmp_path / "draft.docx")
    w = _window(qtbot, src)
    d = _accept_dup(w)
    assert w.act_docx_tracked.isChecked()  # the default: the chief sees what changed

    assert w.save()
    out = tmp_path / "draft.corrected.docx"
    xml = _body_xml(out)
    assert "<w:ins " in xml and "<w:del " in xml
    assert not d.modified

    w.act_docx_tracked.setChecked(False)  # clean copy
    w.select_item(next(i for i in d.items if i.status == Status.ACCEPTED))
    assert w.save()
    xml = _body_xml(out)
    assert "<w:ins " not in xml and "<w:del " not in xml
    assert _text(out) == "记者昨天在平湖采访了当地的农民。\n第二段没有问题。"
    assert (tmp_path / "draft.corrected.docx.bak").exists()  # the tracked copy, kept
    assert _text(src) == "记者昨天在在平湖采访了当地的农民。\n第二段没有问题。"  # untouched


def test_tracked_revision_carries_the_editors_name(qtbot, tmp_path):
    src = _make_docx(tmp_path / "draft.docx")
    w = _window(qtbot, src)
    w.draft.editor = "张编辑"
    _accept_dup(w)
    assert w.save()
    xml = _body_xml(tmp_path / "draft.corrected.docx")
    assert 'w:author="张编辑"' in xml


def test_typed_text_is_saved_into_the_docx(qtbot, tmp_path):
    src = _make_docx(tmp_path / "draft.docx")
    w = _window(qtbot, src)
    d = w.draft
    w.act_docx_tracked.setChecked(False)
    start = d.right_doc.toPlainText().index("农民")
    d.replace_text(start, start + 2, "果农")  # the editor's own change in the right pane
    assert w.save()
    assert _text(tmp_path / "draft.corrected.docx").startswith("记者昨天在在平湖采访了当地的果农")


def test_save_as_dialog_offers_tracked_and_clean(qtbot, tmp_path):
    src = _make_docx(tmp_path / "draft.docx")
    w = _window(qtbot, src)
    _accept_dup(w)
    target = tmp_path / "out" / "chief.docx"
    target.parent.mkdir()

    def choose_clean() -> None:
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, SaveAsDialog)
        assert dlg.nameFilters() == list(docx_filters())
        assert dlg.selectedNameFilter() == docx_filters()[0]  # tracked by default
        assert dlg.selectedFiles()[0].endswith("draft.corrected.docx")
        dlg.selectNameFilter(docx_filters()[1])
        dlg.selectFile(str(target))
        dlg.accept()

    QTimer.singleShot(0, choose_clean)
    assert w.save_as()
    assert not w.act_docx_tracked.isChecked()  # remembered for the next Save
    assert "<w:ins " not in _body_xml(target)
    assert _text(target).startswith("记者昨天在平湖")


def test_save_as_dialog_for_a_text_draft_has_no_word_choice(qtbot, tmp_path):
    dlg = SaveAsDialog(None, tmp_path / "a.corrected.txt", docx=False, tracked=True)
    assert dlg.tracked
    assert dlg.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    assert not any("Word" in f for f in dlg.nameFilters())


def _answer(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    seen.append(box.text())
    box.button(button).click()


def test_big5_draft_that_cannot_hold_a_fix_is_saved_as_utf8_when_asked(qtbot, tmp_path):
    src = tmp_path / "big5.txt"
    src.write_bytes("記者昨天在在平湖採訪了當地的農民，他們說今年收成很好。\n".encode("big5"))
    w = _window(qtbot, src)
    d = w.draft
    assert d.document.encoding.startswith(("big5", "cp950"))
    pos = d.right_doc.toPlainText().index("農民")
    d.replace_text(pos, pos, "𠮷")  # a character Big5 has no code for
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _answer(QMessageBox.StandardButton.Yes, seen))
    assert w.save()
    assert seen and "UTF-8" in seen[0]
    out = tmp_path / "big5.corrected.txt"
    assert "𠮷農民" in out.read_bytes().decode("utf-8")
    assert not d.modified
    assert src.read_bytes().decode("big5").startswith("記者")  # the original is untouched


def test_big5_save_cancelled_writes_nothing(qtbot, tmp_path):
    src = tmp_path / "big5.txt"
    src.write_bytes("記者昨天在平湖採訪了當地的農民，他們說今年收成很好。\n".encode("big5"))
    w = _window(qtbot, src)
    d = w.draft
    d.replace_text(0, 0, "𠮷")
    seen: list[str] = []

    def cancel_then_close_the_failure_notice() -> None:
        _answer(QMessageBox.StandardButton.Cancel, seen)
        QTimer.singleShot(0, lambda: _answer(QMessageBox.StandardButton.Ok, seen))

    QTimer.singleShot(0, cancel_then_close_the_failure_notice)
    assert not w.save()
    assert len(seen) == 2
    assert not (tmp_path / "big5.corrected.txt").exists()
