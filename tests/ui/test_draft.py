"""The per-draft review state: spans, decisions with undo, typing with re-check, sessions."""

from __future__ import annotations

from pathlib import Path

from proofreader.engine import apply_findings
from proofreader.model import Status
from ui.commands import StatusCommand, TypingCommand
from ui.draft import Draft, DraftState
from ui.highlight import left_selections, right_selections
from ui.qt import QTextCursor

EXT_B = "𠮷野家𠀀说,我们在在这里。\n第二段没有问题。\n"


def _draft(tmp_path: Path, text: str, checker, name: str = "d.txt", **kw) -> Draft:
    p = tmp_path / name
    p.write_text(text, encoding=kw.get("encoding", "utf-8"), newline="")
    d = Draft(p, checker)
    d.load()
    assert d.state == DraftState.CHECKED, d.error
    return d


def _qt_text(doc, start: int, end: int) -> str:
    c = QTextCursor(doc)
    c.setPosition(start)
    c.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return c.selectedText()


def test_extension_b_characters_before_a_finding_highlight_the_right_text(qapp, tmp_path, checker):
    d = _draft(tmp_path, EXT_B, checker)
    comma = next(i for i in d.items if i.finding.rule == "halfwidth-punct")
    assert comma.finding.offset == 5  # code points: 𠮷 野 家 𠀀 说 then ,
    assert comma.left == (7, 8)  # Qt positions: 𠮷 and 𠀀 take two each
    sels = left_selections(d.left_doc, d.items, None)
    assert "," in [s.cursor.selectedText() for s in sels]
    assert _qt_text(d.right_doc, *comma.span) == ","
    dup = [i for i in d.items if i.finding.rule == "duplicate-char"]
    for item in dup:  # when the duplicate rule is present, its span is right too
        assert _qt_text(d.left_doc, *item.left) == "在在"


def test_accept_updates_corrected_text_and_undo_redo(qapp, tmp_path, checker):
    d = _draft(tmp_path, EXT_B, checker)
    comma = next(i for i in d.items if i.finding.rule == "halfwidth-punct")
    d.undo_stack.push(StatusCommand(d, [comma], Status.ACCEPTED, "accept"))
    assert comma.status == Status.ACCEPTED
    assert _qt_text(d.right_doc, *comma.span) == "，"
    assert d.corrected_text() == apply_findings(d.original, [comma.finding]).text
    sels = right_selections(d.right_doc, d.items, None)
    assert "，" in [s.cursor.selectedText() for s in sels]
    assert d.modified
    d.undo_stack.undo()
    assert comma.status == Status.PENDING
    assert d.right_doc.toPlainText() == d.left_doc.toPlainText()
    assert d.session.status(comma.finding) == Status.PENDING
    d.undo_stack.redo()
    assert comma.status == Status.ACCEPTED
    assert d.session.status(comma.finding) == Status.ACCEPTED


def test_decisions_resume_from_the_sidecar(qapp, tmp_path, checker):
    d = _draft(tmp_path, EXT_B, checker)
    comma = next(i for i in d.items if i.finding.rule == "halfwidth-punct")
    d.undo_stack.push(StatusCommand(d, [comma], Status.ACCEPTED, "accept"))
    again = Draft(d.path, checker)
    again.load()
    resumed = next(i for i in again.items if i.finding.key == comma.finding.key)
    assert resumed.status == Status.ACCEPTED
    assert "，" in again.right_doc.toPlainText()
    assert not again.draft_changed


def test_typing_rechecks_the_paragraph_and_highlights_follow(qapp, tmp_path, checker):
    d = _draft(tmp_path, "第一段写得很好。\n\n我们,去北京。\n\n第三段也好。\n", checker)
    comma = next(i for i in d.items if i.finding.rule == "halfwidth-punct")
    before = comma.span
    c = QTextCursor(d.right_doc)
    c.setPosition(0)
    c.insertText("今天")  # typed before the finding: its span moves with the text
    d.flush_recheck()
    assert comma.span == (before[0] + 2, before[1] + 2)
    assert _qt_text(d.right_doc, *comma.span) == ","
    # typing a new error in the third paragraph: the re-check finds it
    block = d.right_doc.findBlockByNumber(4)
    c.setPosition(block.position() + 2)
    c.insertText(",")
    d.flush_recheck()
    fresh = [i for i in d.items if not i.origin]
    assert [i.finding.rule for i in fresh] == ["halfwidth-punct"]
    assert _qt_text(d.right_doc, *fresh[0].span) == ","
    assert d.hand_edited
    assert d.corrected_text() == "今天第一段写得很好。\n\n我们,去北京。\n\n第三,段也好。\n"
    assert d.last_recheck_ms > 0


def test_typing_is_undoable_through_the_draft_stack(qapp, tmp_path, checker):
    d = _draft(tmp_path, "我们去北京。\n", checker)
    d.textEdited.connect(
        lambda pos, _n, removed, added: d.undo_stack.push(
            TypingCommand(d, pos, removed, added, "typing")
        )
    )
    c = QTextCursor(d.right_doc)
    c.setPosition(2)
    c.insertText("一")
    c.insertText("起")
    assert d.undo_stack.count() == 1  # consecutive keystrokes merge
    assert d.right_doc.toPlainText() == "我们一起去北京。\n"
    d.undo_stack.undo()
    assert d.right_doc.toPlainText() == "我们去北京。\n"
    d.undo_stack.redo()
    assert d.right_doc.toPlainText() == "我们一起去北京。\n"


def test_save_keeps_encoding_and_line_endings(qapp, tmp_path, checker):
    text = "我们,去北京。\r\n第二段。\r\n"
    d = _draft(tmp_path, text, checker, "gbk.txt", encoding="gb18030")
    comma = next(i for i in d.items if i.finding.rule == "halfwidth-punct")
    d.undo_stack.push(StatusCommand(d, [comma], Status.ACCEPTED, "accept"))
    written = d.save()
    assert written == tmp_path / "gbk.corrected.txt"
    assert written.read_bytes().decode(d.document.encoding) == "我们，去北京。\r\n第二段。\r\n"
    assert not d.modified
    assert (tmp_path / "gbk.txt").read_bytes() == text.encode("gb18030")


def test_binary_file_is_an_error_not_a_crash(qapp, tmp_path, checker):
    p = tmp_path / "broken.txt"
    p.write_bytes(b"\x00\x01\x02PK\x03\x04" * 200)
    d = Draft(p, checker)
    d.load()
    assert d.state == DraftState.ERROR
    assert d.error
    assert d.items == []


def test_a_draft_changed_on_disk_says_so_and_reanchors(qapp, tmp_path, checker):
    d = _draft(tmp_path, EXT_B, checker)
    comma = next(i for i in d.items if i.finding.rule == "halfwidth-punct")
    d.undo_stack.push(StatusCommand(d, [comma], Status.ACCEPTED, "accept"))
    d.path.write_text("新加的一行。\n" + EXT_B, encoding="utf-8")
    again = Draft(d.path, checker)
    again.load()
    assert again.draft_changed
    moved = next(i for i in again.items if i.finding.rule == "halfwidth-punct")
    assert moved.finding.offset == comma.finding.offset + 7
    assert moved.status == Status.ACCEPTED
    assert _qt_text(again.right_doc, *moved.span) == "，"


def test_overlapping_fixes_cannot_both_be_applied(qapp, tmp_path, checker):
    d = _draft(tmp_path, EXT_B, checker)
    comma = next(i for i in d.items if i.finding.rule == "halfwidth-punct")
    # a second finding over the same character, as another rule might report it
    other_finding = comma.finding.replace(rule="other-rule", replacements=("、",))
    from ui.draft import Item

    other = Item(other_finding, d._cursor(*comma.span), comma.left)
    d.items.append(other)
    d.items.sort(key=lambda i: i.span)
    d.undo_stack.push(StatusCommand(d, [comma], Status.ACCEPTED, "accept"))
    before = d.undo_stack.count()
    assert not d.can_accept(other)
    d.undo_stack.push(StatusCommand(d, [other], Status.ACCEPTED, "accept"))
    assert other.status == Status.PENDING
    assert d.undo_stack.count() == before  # the no-op step was dropped, nothing to undo
    assert "，" in d.right_doc.toPlainText() and "、" not in d.right_doc.toPlainText()


def test_bulk_decisions_rebuild_the_text_exactly(qapp, sample_page, checker, monkeypatch):
    """Past BULK_EDITS fixes the corrected text is rebuilt in one go: same result as fix by fix."""
    import ui.draft

    results = []
    for threshold in (10_000, 1):
        monkeypatch.setattr(ui.draft, "BULK_EDITS", threshold)
        sample_page.with_name("page.txt.proofreader.json").unlink(missing_ok=True)
        d = Draft(sample_page, checker)
        d.load()
        safe = [i for i in d.items if i.safe]
        d.undo_stack.push(StatusCommand(d, safe, Status.ACCEPTED, "accept all safe"))
        accepted = [i.finding for i in d.items if i.status == Status.ACCEPTED]
        expected = apply_findings(d.original, accepted).text
        shown = d.right_doc.toRawText().replace("\u2029", "\n")
        assert shown == expected.replace("\r\n", "\n")
        assert d.corrected_text() == expected
        taken = [i.left for i in d.items if i.status == Status.ACCEPTED]
        for i in d.items:  # every span still covers its text (unless a fix took it over)
            if i.status == Status.ACCEPTED:
                want = i.finding.replacements[0]
            elif any(a < i.left[1] and i.left[0] < b for a, b in taken):
                continue
            else:
                want = i.finding.text_in(d.original)
            assert i.cursor.selectedText() == want.replace("\n", "\u2029")
        free = [i.span for i in d.items if i.status == Status.ACCEPTED
                or not any(a < i.left[1] and i.left[0] < b for a, b in taken)]
        results.append((shown, free))
        d.undo_stack.undo()
        assert d.right_doc.toPlainText() == d.left_doc.toPlainText()
        assert all(i.status == Status.PENDING for i in d.items)
        d.undo_stack.redo()
        assert d.right_doc.toRawText().replace("\u2029", "\n") == shown
        d.undo_stack.setClean()
    assert results[0] == results[1]
