"""One open draft under review: the original, the corrected text, the findings and decisions.

The original is shown read-only on the left; the corrected text is a QTextDocument on the
right that the editor may also type into. Each finding is an `Item` whose span in the
corrected document is a QTextCursor, so it follows every edit (Frescobaldi's approach);
its span in the original is fixed. Accepting a fix replaces the item's span in the corrected
document; decisions go to the engine's review session, which writes the sidecar as they are
made. No checking logic lives here: the engine's Checker does all of it, also for the
incremental re-check of the paragraphs the editor typed in.

Thin adapters (marked below) stand in for engine pieces that may not exist yet.
"""

from __future__ import annotations

import contextlib
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from itertools import accumulate
from pathlib import Path

from proofreader.document import Document, LoadError
from proofreader.engine import Checker, apply_findings
from proofreader.model import Applicability, Finding, Status
from ui.qt import (
    QObject,
    QPlainTextDocumentLayout,
    QTextCursor,
    QTextDocument,
    QTimer,
    QUndoStack,
    Signal,
)
from ui.textpos import OffsetMap, display_text

# a decision that changes more fixes than this rebuilds the corrected text in one go
BULK_EDITS = 300


class DraftState(StrEnum):
    UNCHECKED = "unchecked"
    CHECKED = "checked"
    ERROR = "error"


def utf16_len(s: str) -> int:
    return len(s) + sum(1 for ch in s if ord(ch) > 0xFFFF)


@dataclass(eq=False)
class Item:
    """A finding under review. `cursor` spans it in the corrected document."""

    finding: Finding
    cursor: QTextCursor
    left: tuple[int, int] | None  # Qt span in the original; None for findings of a re-check
    status: Status = Status.PENDING
    replaced: str | None = None  # the text an accepted fix replaced (to undo it)
    left_cursor: QTextCursor | None = None  # cached span in the (read-only) original

    @property
    def origin(self) -> bool:
        return self.left is not None

    @property
    def span(self) -> tuple[int, int]:
        return self.cursor.selectionStart(), self.cursor.selectionEnd()

    @property
    def fixable(self) -> bool:
        return self.finding.fixable

    @property
    def safe(self) -> bool:
        return self.finding.fixable and self.finding.applicability == Applicability.SAFE


# --- adapters over engine pieces ------------------------------------------------------


def load_document(path: Path, max_size: int) -> Document:
    """The engine's loader; raises LoadError with one human line."""
    from proofreader.formats import load

    return load(path, max_size=max_size)


class _MemorySession:
    """Stand-in for proofreader.review.ReviewSession while it is not available (no sidecar)."""

    draft_changed = False
    unanchored: list = []  # noqa: RUF012 - read-only default

    def __init__(self, document: Document, findings: list[Finding]) -> None:
        self.document = document
        self.findings = findings
        self.statuses: dict[str, Status] = {}

    def status(self, f: Finding) -> Status:
        return self.statuses.get(f.key, Status.PENDING)

    def set_status(self, f: Finding | str, status: Status) -> None:
        key = f if isinstance(f, str) else f.key
        if status == Status.PENDING:
            self.statuses.pop(key, None)
        else:
            self.statuses[key] = status

    def accepted(self) -> list[Finding]:
        return [f for f in self.findings if self.status(f) == Status.ACCEPTED]

    def corrected_text(self) -> str:
        return apply_findings(self.document.text, self.accepted()).text


def open_session(document: Document, findings: list[Finding], editor: str | None = None):
    """The engine's review session, resumed from the sidecar beside the draft if any."""
    try:
        from proofreader.review import ReviewSession
    except ImportError:
        return _MemorySession(document, findings)
    if document.path is not None:
        return ReviewSession.load_for(document, findings, editor=editor)
    return ReviewSession(document, findings, editor=editor, autosave=False)


@dataclass(frozen=True)
class SaveOutcome:
    """What Save wrote: the path, and what the writer could not carry over (if anything)."""

    path: Path
    dropped: int = 0  # .docx: edits that could not be placed (e.g. typed new paragraphs)
    encoding: str | None = None
    note: str | None = None


def save_corrected(document: Document, text: str, target: Path | None, overwrite: bool,
                   encoding: str | None = None) -> SaveOutcome:
    """Write a text draft through the engine's writer (atomic, original encoding, backup).
    Raises SaveError when the encoding cannot hold the text (`encoding` overrides it)."""
    from proofreader.formats.text import save_text

    r = save_text(document, text, target, overwrite_original=overwrite, encoding=encoding)
    return SaveOutcome(Path(r.path), encoding=r.encoding, note=r.note)


def save_docx(session, target: Path, *, track_changes: bool, author: str | None,
              new_text: str | None, overwrite: bool) -> SaveOutcome:
    """Write a reviewed .docx: accepted fixes as Word revisions (tracked) or applied (clean)."""
    from proofreader.formats.docx import write_reviewed_docx

    r = write_reviewed_docx(session, target, track_changes=track_changes,
                            author=author or "proofreader", new_text=new_text,
                            overwrite_original=overwrite)
    return SaveOutcome(Path(r.path), dropped=len(r.dropped))


def is_docx(path: Path | None) -> bool:
    return path is not None and path.suffix.lower() == ".docx"


def corrected_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}.corrected{path.suffix}")


# --- the draft -----------------------------------------------------------------------


def _new_document(text: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setDocumentLayout(QPlainTextDocumentLayout(doc))
    doc.setUndoRedoEnabled(False)  # every change goes through the draft's QUndoStack
    doc.setPlainText(text)
    return doc


class Draft(QObject):
    """The review state of one file. Signals let the views follow without polling."""

    itemsChanged = Signal()  # the list of items was replaced (load, re-check)
    statusChanged = Signal(list)  # items whose decision changed
    stateChanged = Signal()  # loaded / checked / error / saved / dirty flag
    textEdited = Signal(int, int, str, str)  # pos, charsRemoved text, added text (typing)

    def __init__(self, path: Path | None, checker: Checker, parent: QObject | None = None):
        super().__init__(parent)
        self.path = Path(path) if path is not None else None
        self.checker = checker
        self.state = DraftState.UNCHECKED
        self.error: str | None = None
        self.document: Document | None = None
        self.findings: list[Finding] = []
        self.session = None
        self.items: list[Item] = []
        self.left_doc: QTextDocument | None = None
        self.right_doc: QTextDocument | None = None
        self.left_map: OffsetMap | None = None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.hand_edited = False  # the editor typed in the corrected pane
        self.last_save: SaveOutcome | None = None
        self.editor: str | None = None  # the reviewer's name, recorded in the sidecar
        self.last_recheck_ms = 0.0
        self._silent = 0  # >0 while the draft itself changes the corrected document
        self._shadow = b""  # the corrected text as UTF-16-LE, to know what a change removed
        self._dirty_range: tuple[int, int] | None = None
        self._recheck_timer = QTimer(self)
        self._recheck_timer.setSingleShot(True)
        self._recheck_timer.setInterval(0)
        self._recheck_timer.timeout.connect(self.flush_recheck)

    def _on_clean_changed(self, _clean: bool) -> None:
        self.stateChanged.emit()

    # --- identity ---------------------------------------------------------------------

    @property
    def name(self) -> str:
        return self.path.name if self.path else self.tr("Untitled")

    @property
    def original(self) -> str:
        return self.document.text if self.document else ""

    @property
    def checked(self) -> bool:
        return self.state == DraftState.CHECKED

    @property
    def modified(self) -> bool:
        """Decisions or edits since the last save."""
        return not self.undo_stack.isClean()

    def pending(self) -> list[Item]:
        return [i for i in self.items if i.status == Status.PENDING]

    # --- loading ----------------------------------------------------------------------

    def load(self) -> None:
        """Load and check synchronously (a single file; folders go through ui.workers)."""
        assert self.path is not None
        try:
            doc = load_document(self.path, self.checker.config.max_file_size)
        except LoadError as e:
            self.set_error(str(e))
            return
        except OSError as e:
            self.set_error(e.strerror or str(e))
            return
        self.set_checked(doc, self.checker.check_text(doc.text))

    def set_error(self, message: str) -> None:
        self.state = DraftState.ERROR
        self.error = message
        self.items = []
        self.itemsChanged.emit()
        self.stateChanged.emit()

    def set_checked(self, doc: Document, findings: list[Finding]) -> None:
        """Take a loaded document and its findings (from load() or a FileResult)."""
        self.document = doc
        if self.path is None and doc.path is not None:
            self.path = Path(doc.path)
        self.findings = list(findings)
        self.session = open_session(doc, self.findings, self.editor)
        shown = display_text(doc.text)
        self.left_doc = _new_document(shown)
        self.right_doc = _new_document(shown)
        self._shadow = _utf16(self.right_doc)
        self.right_doc.contentsChange.connect(self._on_contents_change)
        self.left_map = OffsetMap(doc.text)
        to_qt = self.left_map.to_qt
        self.items = []
        # Inside an edit block a QTextCursor does not lay out its line to find its x
        # position: thousands of cursors cost milliseconds instead of a second.
        block = QTextCursor(self.right_doc)
        block.beginEditBlock()
        for f in self.findings:
            a, b = to_qt(f.offset), to_qt(f.end)
            self.items.append(Item(f, self._cursor(a, b), (a, b)))
        block.endEditBlock()
        # resume a saved review: re-apply accepted fixes, last first so spans stay put
        statuses = getattr(self.session, "statuses", {}) or {}
        for item in reversed(self.items):
            st = statuses.get(item.finding.key, Status.PENDING)
            if st == Status.ACCEPTED and item.fixable and not self._conflicts(item):
                self._apply_fix(item)
            item.status = Status(st)
        self.state = DraftState.CHECKED
        self.error = None
        self.undo_stack.clear()
        self.hand_edited = False
        self.itemsChanged.emit()
        self.stateChanged.emit()

    def add_findings(self, extra: list[Finding]) -> list[Item]:
        """Findings of the draft's original that arrived later (LanguageTool, fetched in the
        background). Decisions on them stored in the sidecar are taken up again.

        Placed through the accepted fixes (which never overlap them: LanguageTool findings
        overlapping ours are dropped before); not placed once the editor has typed in the
        corrected pane, where their positions are no longer known."""
        if not extra or self.document is None or self.hand_edited or self.left_map is None:
            return []
        self.findings.extend(extra)
        session = self.session
        if session is not None and hasattr(session, "rebase"):
            session.rebase(session.document, [*session.findings, *extra])
        to_qt = self.left_map.to_qt
        # the corrected document is the original with the accepted fixes: shift by them
        shifts = sorted((i.left[1], utf16_len(i.cursor.selectedText()) - (i.left[1] - i.left[0]))
                        for i in self.items
                        if i.origin and i.status == Status.ACCEPTED and i.replaced is not None)
        ends = [e for e, _ in shifts]
        total = [0, *accumulate(d for _, d in shifts)]

        def right(p: int) -> int:
            return p + total[bisect_right(ends, p)]

        added: list[Item] = []
        statuses = getattr(session, "statuses", {}) or {}
        for f in extra:
            a, b = to_qt(f.offset), to_qt(f.end)
            item = Item(f, self._cursor(right(a), right(b)), (a, b))
            added.append(item)
        self.items = sorted([*self.items, *added], key=lambda i: i.span)
        for item in added:
            st = Status(statuses.get(item.finding.key, Status.PENDING))
            if st == Status.ACCEPTED and item.fixable and not self._conflicts(item):
                self._apply_fix(item)
            item.status = st
        self.itemsChanged.emit()
        return added

    @property
    def draft_changed(self) -> bool:
        return bool(getattr(self.session, "draft_changed", False))

    @property
    def unanchored(self) -> list:
        return list(getattr(self.session, "unanchored", []) or [])

    # --- spans ------------------------------------------------------------------------

    def _cursor(self, start: int, end: int) -> QTextCursor:
        c = QTextCursor(self.right_doc)
        c.setPosition(start)
        c.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return c

    def _conflicts(self, item: Item) -> Item | None:
        """An accepted item whose span overlaps this one (its fix would garble the other)."""
        s = item.cursor.selectionStart()
        items = self.items
        # items are in document order: look at the neighbours only (a bulk accept of
        # thousands of findings must not compare every pair)
        k = bisect_left(items, s, key=lambda i: i.cursor.selectionStart())
        nearby = items[max(0, k - 16) : k + 16]
        for other in nearby:
            if other is item or other.status != Status.ACCEPTED or other.replaced is None:
                continue
            # two findings of the original conflict as the engine's apply_edits sees it (a
            # fix replacing the other's text collapses its cursor, so compare the originals)
            a, b = (item.left, other.left) if item.left and other.left else (item.span, other.span)
            if (a[0] < b[1] and b[0] < a[1]) or (a[0] == a[1] == b[0] == b[1]):
                return other
        return None

    def _replace(self, start: int, end: int, text: str) -> None:
        c = self._cursor(start, end)
        self._silent += 1
        try:
            c.beginEditBlock()
            c.insertText(text)
            c.endEditBlock()
        finally:
            self._silent -= 1

    def _apply_fix(self, item: Item) -> None:
        s, e = item.span
        item.replaced = _plain(item.cursor.selectedText())
        new = display_text(item.finding.replacements[0])
        self._replace(s, e, new)
        item.cursor = self._cursor(s, s + utf16_len(new))

    def _revert_fix(self, item: Item) -> None:
        s, e = item.span
        old = item.replaced or ""
        self._replace(s, e, old)
        item.cursor = self._cursor(s, s + utf16_len(old))
        item.replaced = None

    # --- decisions (called by ui.commands, which makes them undoable) -----------------

    def can_accept(self, item: Item) -> bool:
        return not (item.fixable and item.status != Status.ACCEPTED and self._conflicts(item))

    def set_status(self, item: Item, status: Status, *, notify: bool = True) -> bool:
        """Change one decision, applying or reverting its fix. False if it cannot be done."""
        if item.status == status:
            return False
        if status == Status.ACCEPTED and item.fixable:
            if self._conflicts(item):
                return False
            self._apply_fix(item)
        elif item.status == Status.ACCEPTED and item.replaced is not None:
            self._revert_fix(item)
        item.status = status
        if item.origin and self.session is not None:
            self.session.set_status(item.finding, status)
        if notify:
            self.statusChanged.emit([item])
        return True

    def set_many(self, changes: list[tuple[Item, Status]]) -> list[tuple[Item, Status]]:
        """Change many decisions; returns (item, old status) for those that changed.

        Past BULK_EDITS fixes the corrected text is rebuilt in one replacement and every
        cursor placed again: each single edit costs time in proportion to the number of
        cursors in the document, so 5,000 edits one by one would take seconds."""
        moving = [(i, st) for i, st in changes if i.status != st]
        edits = sum(1 for i, st in moving if (st == Status.ACCEPTED and i.fixable)
                    or (i.status == Status.ACCEPTED and i.replaced is not None))
        if edits < BULK_EDITS or self.right_doc is None:
            done = []
            for item, st in moving:
                old = item.status
                if self.set_status(item, st, notify=False):
                    done.append((item, old))
            return done
        return self._set_many_rebuilding(moving)

    def _set_many_rebuilding(self, moving: list[tuple[Item, Status]]) -> list[tuple[Item, Status]]:
        old_text = self._shadow
        done: list[tuple[Item, Status]] = []
        edits: list[tuple[int, int, str, Item, bool]] = []  # start, end, new text, item, apply
        for item, st in moving:
            old_status = item.status
            if st == Status.ACCEPTED and item.fixable:
                if self._conflicts(item):
                    continue
                s, e = item.span
                edits.append((s, e, display_text(item.finding.replacements[0]), item, True))
                item.replaced = ""  # mark it applied now: later items of the batch see it
            elif item.status == Status.ACCEPTED and item.replaced is not None:
                s, e = item.span
                edits.append((s, e, item.replaced, item, False))
            item.status = st
            done.append((item, old_status))
        edits.sort(key=lambda x: (x[0], x[1]))
        parts: list[bytes] = []
        pos = 0
        kept: list[tuple[int, int, str, Item, bool]] = []
        for s, e, new, item, apply in edits:
            if s < pos:  # cannot happen for conflict-free fixes; never garble the text
                continue
            parts.append(old_text[2 * pos : 2 * s])
            parts.append(new.encode("utf-16-le", "surrogatepass"))
            kept.append((s, e, new, item, apply))
            pos = e
        parts.append(old_text[2 * pos :])
        new_text = b"".join(parts).decode("utf-16-le", "surrogatepass")
        starts = [k[0] for k in kept]
        ends = [k[1] for k in kept]
        lens = [utf16_len(k[2]) for k in kept]
        shift = [0, *accumulate(n - (e - s) for s, e, n in zip(starts, ends, lens, strict=True))]

        def mapped(p: int) -> int:
            k = bisect_right(ends, p)
            if k < len(kept) and starts[k] < p:  # inside a replaced span
                return starts[k] + shift[k] + min(p - starts[k], lens[k])
            return p + shift[k]

        spans = {id(i): (mapped(i.span[0]), mapped(i.span[1])) for i in self.items}
        for k, (s, _e, _new, item, apply) in enumerate(kept):
            a = s + shift[k]
            spans[id(item)] = (a, a + lens[k])
            item.replaced = _decode(old_text, s, _e) if apply else None
        for item in self.items:  # drop the old cursors first: each one the document still
            item.cursor = QTextCursor()  # tracks is updated at every new paragraph
        doc = self.right_doc
        self._silent += 1
        try:
            c = QTextCursor(doc)
            c.beginEditBlock()
            c.select(QTextCursor.SelectionType.Document)
            c.insertText(new_text)
            for item in self.items:  # inside the edit block: no layout per cursor
                item.cursor = self._cursor(*spans[id(item)])
            c.endEditBlock()
        finally:
            self._silent -= 1
        self._shadow = _utf16(doc)
        if self.session is not None:
            for item, _old in done:
                if item.origin:
                    self.session.set_status(item.finding, item.status)
        return done

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Many decisions, one sidecar write (accepting 212 commas must not write 212 times)."""
        deferred = getattr(self.session, "deferred_save", None)
        with deferred() if deferred is not None else contextlib.nullcontext():
            if self.right_doc is None:
                yield
                return
            # one edit block: the document reports one change and lays out once at the end
            block = QTextCursor(self.right_doc)
            self._silent += 1
            try:
                block.beginEditBlock()
                try:
                    yield
                finally:
                    block.endEditBlock()
            finally:
                self._silent -= 1

    def counts(self) -> dict[Status, int]:
        out = dict.fromkeys(Status, 0)
        for i in self.items:
            out[i.status] += 1
        return out

    # --- the corrected text -----------------------------------------------------------

    def corrected_text(self) -> str:
        """What Save writes. Without hand edits, exactly the engine's application of the
        accepted fixes to the original (line endings untouched); with them, the corrected
        pane's text with the draft's own line ending."""
        if self.document is None:
            return ""
        if not self.hand_edited and self.session is not None:
            return self.session.corrected_text()
        text = self.right_doc.toRawText().replace("\u2029", "\n")
        nl = self.document.newline or "\n"
        return text if nl == "\n" else text.replace("\n", nl)

    def save(self, target: Path | None = None, overwrite_original: bool = False, *,
             track_changes: bool = True, encoding: str | None = None) -> Path:
        """Write the corrected draft (by default `name.corrected.ext` beside the original).

        A .docx goes through the engine's Word writer: `track_changes` makes each accepted
        fix a revision (author: the editor's name), else the fixes are applied (clean copy).
        A text draft keeps its encoding unless `encoding` is given; SaveError otherwise.
        Returns the path written; `last_save` tells what could not be carried over."""
        assert self.document is not None
        if self.document.format == "docx":
            if self.session is None or not hasattr(self.session, "replacement_for"):
                raise OSError("no review session to write the .docx from")
            out = save_docx(
                self.session, target or corrected_path(Path(self.document.path)),
                track_changes=track_changes, author=self.editor,
                new_text=self.corrected_text() if self.hand_edited else None,
                overwrite=overwrite_original)
        else:
            out = save_corrected(self.document, self.corrected_text(), target,
                                 overwrite_original, encoding)
        self.last_save = out
        self.undo_stack.setClean()
        self.stateChanged.emit()
        return out.path

    # --- typing in the corrected pane -------------------------------------------------

    def replace_text(self, start: int, end: int, text: str) -> None:
        """A programmatic edit that counts as the editor's (used by undo/redo of typing)."""
        c = self._cursor(start, end)
        self._silent += 1
        try:
            c.insertText(text)
        finally:
            self._silent -= 1
        self.hand_edited = True
        self._mark_dirty(start, start + utf16_len(text))

    def _on_contents_change(self, pos: int, removed: int, added: int) -> None:
        old = self._shadow
        new_part = _text_range(self.right_doc, pos, added)
        removed_text = old[2 * pos : 2 * (pos + removed)].decode("utf-16-le", "surrogatepass")
        self._shadow = old[: 2 * pos] + new_part.encode("utf-16-le", "surrogatepass") + old[
            2 * (pos + removed) :
        ]
        if len(self._shadow) // 2 != self.right_doc.characterCount() - 1:
            # Qt reports a change that reaches the end of the document (or ends an edit
            # block of many changes) with counts that include the final paragraph mark
            self._shadow = _utf16(self.right_doc)
        if self._silent:
            return
        self.hand_edited = True
        self._mark_dirty(pos, pos + added)
        self.textEdited.emit(pos, removed, removed_text, new_part)

    def _mark_dirty(self, start: int, end: int) -> None:
        if self._dirty_range is None:
            self._dirty_range = (start, end)
        else:
            a, b = self._dirty_range
            self._dirty_range = (min(a, start), max(b, end))
        self._recheck_timer.start()

    def flush_recheck(self) -> None:
        """Re-check the paragraphs touched since the last call (± one paragraph)."""
        self._recheck_timer.stop()
        if self._dirty_range is None or self.right_doc is None:
            return
        start, end = self._dirty_range
        self._dirty_range = None
        self.recheck_range(start, end)

    def recheck_range(self, start: int, end: int) -> None:
        import time

        t0 = time.perf_counter()
        doc = self.right_doc
        end = min(end, doc.characterCount() - 1)
        first = _neighbour(doc.findBlock(max(0, start)), -1)
        last = _neighbour(doc.findBlock(max(0, end)), +1)
        seg_start = first.position()
        seg_end = last.position() + last.length() - 1
        blocks, b = [], first
        while b.isValid():
            blocks.append(b.text())
            if b == last:
                break
            b = b.next()
        segment = "\n".join(blocks)
        fresh = self.checker.check_text(segment)
        seg_map = OffsetMap(segment)
        # items already there: keep decided ones, keep pending ones the check finds again
        inside = [i for i in self.items if seg_start <= i.span[0] and i.span[1] <= seg_end]
        by_span = {(i.finding.rule, *i.span): i for i in inside}
        keep: set[int] = {id(i) for i in inside if i.status != Status.PENDING}
        added: list[Item] = []
        for f in fresh:
            a = seg_start + seg_map.to_qt(f.offset)
            z = seg_start + seg_map.to_qt(f.end)
            old = by_span.get((f.rule, a, z))
            if old is not None:
                keep.add(id(old))
                continue
            added.append(Item(f, self._cursor(a, z), None))
        gone = {id(i) for i in inside} - keep
        if gone or added:
            self.items = [i for i in self.items if id(i) not in gone] + added
            self.items.sort(key=lambda i: i.span)
            self.itemsChanged.emit()
        self.last_recheck_ms = (time.perf_counter() - t0) * 1000


def _decode(utf16: bytes, start: int, end: int) -> str:
    return utf16[2 * start : 2 * end].decode("utf-16-le", "surrogatepass")


def _neighbour(block, step: int):
    """The block one paragraph away (skipping blank lines), or `block` at the edge."""
    b = block.previous() if step < 0 else block.next()
    while b.isValid() and not b.text().strip():
        b = b.previous() if step < 0 else b.next()
    return b if b.isValid() else block


def _plain(selected: str) -> str:
    return selected.replace("\u2029", "\n")


def _utf16(doc: QTextDocument) -> bytes:
    return doc.toRawText().replace("\u2029", "\n").encode("utf-16-le", "surrogatepass")


def _text_range(doc: QTextDocument, pos: int, n: int) -> str:
    if n <= 0:
        return ""
    c = QTextCursor(doc)
    c.setPosition(pos)
    c.setPosition(pos + n, QTextCursor.MoveMode.KeepAnchor)
    return _plain(c.selectedText())
