"""The side-by-side review area: the original on the left, the corrected text on the right.

Both panes are QPlainTextEdits over the draft's two QTextDocuments. They scroll together
line by line (the line at the top of one pane is matched to the same text in the other), so
unchanged paragraphs stay side by side. Hovering a highlight shows its message; clicking
one selects its finding.
"""

from __future__ import annotations

import contextlib
from bisect import bisect_right
from collections.abc import Callable

from proofreader.model import Status
from ui.draft import Draft, Item
from ui.highlight import (
    category_color,
    category_label,
    left_selections,
    right_selections,
    visible_slice,
)
from ui.qt import (
    QEvent,
    QFont,
    QFrame,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QPlainTextDocumentLayout,
    QPlainTextEdit,
    QSplitter,
    Qt,
    QTextCursor,
    QTextDocument,
    QTextOption,
    QTimer,
    QToolTip,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.textpos import from_utf16

# Keys that are review actions in the read-only original (they must reach the window's
# actions instead of being swallowed as text-navigation keys).
_REVIEW_KEYS = {
    Qt.Key.Key_Return,
    Qt.Key.Key_Enter,
    Qt.Key.Key_Backspace,
    Qt.Key.Key_Delete,
    Qt.Key.Key_I,
}
# Keys the corrected pane must leave to the window (its own undo is replaced by the draft's).
_WINDOW_SEQUENCES = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


def _empty_document() -> QTextDocument:
    doc = QTextDocument()
    doc.setDocumentLayout(QPlainTextDocumentLayout(doc))
    return doc


class Pane(QPlainTextEdit):
    """One side of the review. `lookup(pos)` answers which item sits at a Qt position."""

    clicked = Signal(object)  # Item

    def __init__(self, editable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editable = editable
        self.lookup: Callable[[int], Item | None] = lambda _pos: None
        self.setReadOnly(not editable)
        if not editable:
            self.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        self.setCenterOnScroll(False)
        self.setMouseTracking(True)
        self._press_pos = None

    def char_at(self, point) -> int:
        """The position of the character under `point` (cursorForPosition gives the nearest
        gap between characters, which is after the character over its right half)."""
        c = self.cursorForPosition(point)
        pos = c.position()
        if pos > 0 and self.cursorRect(c).left() > point.x():
            before = QTextCursor(c)
            before.setPosition(pos - 1)
            if before.blockNumber() == c.blockNumber():
                return pos - 1
        return pos

    def top_line(self) -> int:
        return self.verticalScrollBar().value()

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ShortcutOverride:
            if not self.editable and e.key() in _REVIEW_KEYS and not e.modifiers():
                e.ignore()
                return False
            if any(e.matches(k) for k in _WINDOW_SEQUENCES) or (
                e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and e.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                e.ignore()
                return False
        return super().event(e)

    def viewportEvent(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip:
            item = self.lookup(self.char_at(e.pos()))
            if item is not None:
                QToolTip.showText(e.globalPos(), _tooltip(item), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(e)

    def mousePressEvent(self, e) -> None:
        self._press_pos = e.position().toPoint()
        super().mousePressEvent(e)

    def mouseReleaseEvent(self, e) -> None:
        super().mouseReleaseEvent(e)
        if e.button() != Qt.MouseButton.LeftButton or self._press_pos is None:
            return
        moved = (e.position().toPoint() - self._press_pos).manhattanLength()
        self._press_pos = None
        if moved <= 3 and not self.textCursor().hasSelection():
            item = self.lookup(self.char_at(e.position().toPoint()))
            if item is not None:
                self.clicked.emit(item)


def _tooltip(item: Item) -> str:
    f = item.finding
    color = category_color(f.category).name()
    sugg = ""
    if f.replacements:
        shown = f.replacements[0].replace("\n", "⏎") or "∅"
        sugg = f"<br/>→ <b>{_esc(shown)}</b>"
    return (
        f"<span style='color:{color}'>■</span> <b>{_esc(category_label(f.category))}</b>"
        f" · <span style='color:#666'>{_esc(f.rule)}</span><br/>{_esc(f.message)}{sugg}"
    )


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Legend(QWidget):
    """One chip per category present in the draft, with its count."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(12)
        self._labels: list[QLabel] = []

    def set_counts(self, counts: dict[str, int]) -> None:
        for label in self._labels:
            label.deleteLater()
        self._labels = []
        for cat, n in counts.items():
            color = category_color(cat).name()
            label = QLabel(
                f"<span style='color:{color}; font-size:15px'>●</span> "
                f"{_esc(category_label(cat))} <span style='color:#777'>{n}</span>"
            )
            label.setObjectName("legendChip")
            self._layout.addWidget(label)
            self._labels.append(label)


class ReviewView(QWidget):
    itemClicked = Signal(object)  # Item
    cursorMoved = Signal(int, int)  # 1-based line and column (code points) in the focused pane

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft: Draft | None = None
        self.current: Item | None = None
        self._syncing = False

        self.left = Pane(editable=False)
        self.right = Pane(editable=True)
        self.left.setObjectName("originalPane")
        self.right.setObjectName("correctedPane")
        self._blank = (_empty_document(), _empty_document())
        self.left.setDocument(self._blank[0])
        self.right.setDocument(self._blank[1])
        for pane in (self.left, self.right):
            pane.lookup = self._lookup_for(pane)
            pane.clicked.connect(self.itemClicked)
            pane.cursorPositionChanged.connect(lambda p=pane: self._cursor_moved(p))
            pane.verticalScrollBar().valueChanged.connect(lambda _v, p=pane: self._scrolled(p))

        self.left_title = QLabel(self.tr("Original"))
        self.right_title = QLabel(self.tr("Corrected — you can edit here"))
        for t in (self.left_title, self.right_title):
            t.setObjectName("paneTitle")
        self.legend = Legend()

        header = QHBoxLayout()
        header.setContentsMargins(10, 6, 10, 4)
        header.addWidget(self.legend)
        header.addStretch(1)

        def column(title: QLabel, pane: Pane) -> QWidget:
            w = QWidget()
            w.setObjectName("paneColumn")
            lay = QVBoxLayout(w)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.setSpacing(0)
            lay.addWidget(title)
            lay.addWidget(pane)
            return w

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(column(self.left_title, self.left))
        self.splitter.addWidget(column(self.right_title, self.right))
        self.splitter.setChildrenCollapsible(False)
        self.splitter.splitterMoved.connect(lambda *_: self._refresh_later())

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addLayout(header)
        lay.addWidget(self.splitter, 1)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)

    # --- content ----------------------------------------------------------------------

    def set_font(self, font: QFont) -> None:
        for pane in (self.left, self.right):
            pane.setFont(font)
            pane.document().setDefaultFont(font)

    def set_draft(self, draft: Draft | None) -> None:
        if self.draft is not None:
            for sig, slot in self._draft_slots():
                with contextlib.suppress(RuntimeError, TypeError):
                    sig.disconnect(slot)
        self.draft = draft
        self.current = None
        ok = draft is not None and draft.left_doc is not None
        font = self.left.font()
        self.left.setDocument(draft.left_doc if ok else self._blank[0])
        self.right.setDocument(draft.right_doc if ok else self._blank[1])
        for pane in (self.left, self.right):
            pane.document().setDefaultFont(font)
        self.right.setReadOnly(not ok)
        if draft is not None:
            for sig, slot in self._draft_slots():
                sig.connect(slot)
        self._update_legend()
        self.refresh()

    def _draft_slots(self):
        d = self.draft
        return [
            (d.itemsChanged, self._on_items_changed),
            (d.statusChanged, self._on_status_changed),
        ]

    def _on_items_changed(self) -> None:
        if self.current is not None and self.draft and self.current not in self.draft.items:
            self.current = None
        self._update_legend()
        self._refresh_later()

    def _on_status_changed(self, _items: list) -> None:
        self._update_legend()  # the legend counts what is still pending
        self._refresh_later()

    def _update_legend(self) -> None:
        counts: dict[str, int] = {}
        if self.draft is not None:
            for item in self.draft.items:
                if item.status == Status.PENDING:
                    counts[item.finding.category] = counts.get(item.finding.category, 0) + 1
        self.legend.set_counts(dict(sorted(counts.items(), key=lambda kv: -kv[1])))

    # --- highlights -------------------------------------------------------------------

    def _refresh_later(self) -> None:
        self._refresh_timer.start()

    def refresh(self) -> None:
        """Repaint the highlights of the visible range of both panes."""
        self._refresh_timer.stop()
        d = self.draft
        if d is None or d.left_doc is None:
            self.left.setExtraSelections([])
            self.right.setExtraSelections([])
            return
        lo, hi = self._visible_range(self.left)
        self.left.setExtraSelections(
            left_selections(d.left_doc, visible_slice(d.items, lo, hi, True), self.current)
        )
        lo, hi = self._visible_range(self.right)
        self.right.setExtraSelections(
            right_selections(d.right_doc, visible_slice(d.items, lo, hi, False), self.current)
        )

    @staticmethod
    def _visible_range(pane: Pane) -> tuple[int, int]:
        vp = pane.viewport().rect()
        top = pane.cursorForPosition(vp.topLeft()).position()
        bottom = pane.cursorForPosition(vp.bottomRight()).position()
        # a margin of a few lines either way, for the half-painted lines at the edges
        return max(0, top - 300), bottom + 300

    # --- selection and scrolling ------------------------------------------------------

    def show_item(self, item: Item | None) -> None:
        """Make `item` current: highlight it strongly and bring it into view in both panes."""
        self.current = item
        if item is not None and self.draft is not None:
            self._syncing = True
            try:
                if item.left is not None:
                    self._center(self.left, item.left[0])
                self._center(self.right, item.span[0])
            finally:
                self._syncing = False
        self.refresh()

    @staticmethod
    def _center(pane: Pane, pos: int) -> None:
        c = QTextCursor(pane.document())
        c.setPosition(min(pos, pane.document().characterCount() - 1))
        pane.setTextCursor(c)
        pane.centerCursor()

    def _lookup_for(self, pane: Pane) -> Callable[[int], Item | None]:
        def lookup(pos: int) -> Item | None:
            if self.draft is None:
                return None
            best = None
            for item in self.draft.items:
                span = item.left if pane is self.left else item.span
                if span is None:
                    continue
                s, e = span
                hit = s <= pos < max(e, s + 1) or (e == s and pos == s - 1)
                if hit and (best is None or (e - s) < (best[1] - best[0])):
                    best = (s, e, item)
            return best[2] if best else None

        return lookup

    def _scrolled(self, pane: Pane) -> None:
        self._refresh_later()
        if self._syncing or self.draft is None:
            return
        other = self.right if pane is self.left else self.left
        self._syncing = True
        try:
            self._align(pane, other)
        finally:
            self._syncing = False

    def _align(self, src: Pane, dst: Pane) -> None:
        """Scroll `dst` so that the text at the top of `src` is at its top too."""
        pos = src.cursorForPosition(src.viewport().rect().topLeft()).position()
        target = self._corresponding(pos, from_left=src is self.left)
        block = dst.document().findBlock(target)
        if not block.isValid():
            return
        layout = block.layout()
        line_in_block = 0
        if layout is not None and layout.lineCount():
            line_in_block = layout.lineForTextPosition(target - block.position()).lineNumber()
            line_in_block = max(0, line_in_block)
        dst.verticalScrollBar().setValue(block.firstLineNumber() + line_in_block)

    def _corresponding(self, pos: int, from_left: bool) -> int:
        """The position in the other pane that shows the same text as `pos`.

        Findings are anchors present in both panes; between two anchors the text is the
        same, so the offset from the nearest preceding anchor carries over."""
        anchors = [i for i in self.draft.items if i.left is not None]
        key = (lambda i: i.left[1]) if from_left else (lambda i: i.cursor.selectionEnd())
        k = bisect_right(anchors, pos, key=key)
        if k == 0:
            return pos
        best = anchors[k - 1]
        if from_left:
            return best.span[1] + (pos - best.left[1])
        return best.left[1] + (pos - best.span[1])

    def _cursor_moved(self, pane: Pane) -> None:
        if not pane.hasFocus() and pane is not self.left:
            return
        c = pane.textCursor()
        block = c.block()
        col = from_utf16(block.text(), c.positionInBlock()) + 1
        self.cursorMoved.emit(block.blockNumber() + 1, col)

    def resizeEvent(self, e) -> None:
        super().resizeEvent(e)
        self._refresh_later()
