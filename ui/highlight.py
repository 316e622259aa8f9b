"""Colours per category and the ExtraSelections that paint findings into both panes.

ExtraSelections are built from QTextCursors, so on the corrected side they follow the text
as it is edited. Only the items in the visible range are painted (plus a margin), so a draft
with thousands of findings scrolls as smoothly as one with ten.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from functools import cache

from proofreader.model import Category, Status
from ui.draft import Item
from ui.qt import (
    QColor,
    QCoreApplication,
    QIcon,
    QPainter,
    QPixmap,
    Qt,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextEdit,
)

# Calm, distinguishable hues (Okabe–Ito-like), readable as a light wash behind CJK text.
CATEGORY_COLORS: dict[str, str] = {
    Category.DUPLICATE: "#d55e00",
    Category.QUOTE: "#8e44ad",
    Category.FRAGMENT: "#0072b2",
    Category.SCRIPT: "#009e73",
    Category.PUNCTUATION: "#e69f00",
    Category.GRAMMAR: "#cc3366",
    Category.WORDING: "#b8860b",
    Category.NUMBER: "#56b4e9",
    Category.OTHER: "#7f8c8d",
}
DELETED = "#c0392b"
INSERTED = "#1e8449"


def category_color(category: str) -> QColor:
    return QColor(CATEGORY_COLORS.get(category, CATEGORY_COLORS[Category.OTHER]))


def category_label(category: str) -> str:
    labels = {
        Category.DUPLICATE: QCoreApplication.translate("Category", "Duplicate"),
        Category.QUOTE: QCoreApplication.translate("Category", "Quotes"),
        Category.FRAGMENT: QCoreApplication.translate("Category", "Cut paragraph"),
        Category.SCRIPT: QCoreApplication.translate("Category", "Traditional/variant"),
        Category.PUNCTUATION: QCoreApplication.translate("Category", "Punctuation"),
        Category.GRAMMAR: QCoreApplication.translate("Category", "Grammar"),
        Category.WORDING: QCoreApplication.translate("Category", "Wording"),
        Category.NUMBER: QCoreApplication.translate("Category", "Numbers"),
        Category.OTHER: QCoreApplication.translate("Category", "Other"),
    }
    return labels.get(category, str(category))


def _wash(color: QColor, alpha: int) -> QColor:
    c = QColor(color)
    c.setAlpha(alpha)
    return c


@cache
def _pending_format(category: str, current: bool) -> QTextCharFormat:
    color = category_color(category)
    fmt = QTextCharFormat()
    fmt.setBackground(_wash(color, 110 if current else 48))
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(color)
    return fmt


@cache
def _deleted_format(current: bool) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(DELETED))
    fmt.setFontStrikeOut(True)
    fmt.setBackground(_wash(QColor(DELETED), 70 if current else 28))
    return fmt


@cache
def _inserted_format(current: bool) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(INSERTED))
    fmt.setBackground(_wash(QColor(INSERTED), 80 if current else 36))
    return fmt


@cache
def _dismissed_format(current: bool) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    fmt.setUnderlineColor(QColor("#9aa0a6"))
    if current:
        fmt.setBackground(QColor(0, 0, 0, 24))
    return fmt


@cache
def _deletion_point_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
    fmt.setUnderlineColor(QColor(DELETED))
    return fmt


@cache
def _marker_format() -> QTextCharFormat:
    """A removed line break has no visible span: mark the character before it."""
    fmt = QTextCharFormat()
    fmt.setBackground(_wash(QColor(DELETED), 60))
    return fmt


def _selection(doc: QTextDocument, start: int, end: int, fmt: QTextCharFormat,
               cursor: QTextCursor | None = None):
    sel = QTextEdit.ExtraSelection()
    if cursor is None or cursor.selectionStart() != start or cursor.selectionEnd() != end:
        cursor = QTextCursor(doc)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    sel.cursor = cursor
    sel.format = fmt
    return sel


def _only_breaks(doc: QTextDocument, s: int, e: int) -> bool:
    """A span of line breaks only (a cut paragraph's join): it has no visible text."""
    return e > s and e - s <= 8 and all(doc.characterAt(k) == "\u2029" for k in range(s, e))


@cache
def category_icon(category: str) -> QIcon:
    """A small round swatch of the category's colour, for lists and the legend."""
    pm = QPixmap(12, 12)
    pm.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pm)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(category_color(category))
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pm)


def _left_key(item: Item) -> int:
    return item.left[0] if item.left else item.span[0]


def _right_key(item: Item) -> int:
    return item.cursor.selectionStart()


def visible_slice(items: Sequence[Item], lo: int, hi: int, left: bool) -> Sequence[Item]:
    """The items whose span may touch [lo, hi]. `items` are in document order, so two
    bisections find them without looking at the thousands outside the window."""
    key: Callable[[Item], int] = _left_key if left else _right_key
    a = bisect_left(items, lo - 200, key=key)  # a span starts at most this far before it
    b = bisect_right(items, hi, key=key)
    return items[a:b]


def _left_cursor(doc: QTextDocument, item: Item) -> QTextCursor:
    if item.left_cursor is None:  # the original never changes: build each span once
        c = QTextCursor(doc)
        c.setPosition(item.left[0])
        c.setPosition(item.left[1], QTextCursor.MoveMode.KeepAnchor)
        item.left_cursor = c
    return item.left_cursor


def _utf16_len(s: str) -> int:
    return len(s) + sum(1 for ch in s if ord(ch) > 0xFFFF)


def changed_part(old: str, new: str) -> tuple[int, int]:
    """UTF-16 lengths of the common prefix and suffix of `old` and `new`: an accepted
    "在在" → "在" strikes out one 在, not both; a "，" for "," marks just the mark."""
    p = 0
    while p < min(len(old), len(new)) and old[p] == new[p]:
        p += 1
    q = 0
    while q < min(len(old), len(new)) - p and old[-1 - q] == new[-1 - q]:
        q += 1
    return _utf16_len(old[:p]), (_utf16_len(old[len(old) - q :]) if q else 0)


def _trim(s: int, e: int, item: Item) -> tuple[int, int]:
    """The span of an accepted item narrowed to what its fix actually changed (the common
    prefix and suffix are the same text on both sides, so the same UTF-16 lengths)."""
    old = item.replaced if item.replaced is not None else ""
    new = item.finding.replacements[0] if item.finding.replacements else ""
    p, q = changed_part(old.replace("\n", "\u2029"), new.replace("\n", "\u2029"))
    return s + p, max(s + p, e - q)


def left_selections(doc: QTextDocument, items: Sequence[Item], current: Item | None) -> list:
    """The original: pending findings washed in their category colour, accepted ones struck
    through in red, rejected/ignored ones a grey dotted underline."""
    out = []
    for item in items:
        if item.left is None:
            continue
        s, e = item.left
        cur = item is current
        if item.status == Status.ACCEPTED and item.fixable:
            s, e = _trim(s, e, item)
            if e == s:
                continue
            if _only_breaks(doc, s, e):  # joined paragraphs: mark where they meet
                out.append(_selection(doc, max(0, s - 1), s, _marker_format()))
            else:
                out.append(_selection(doc, s, e, _deleted_format(cur)))
        elif item.status in (Status.REJECTED, Status.IGNORED):
            out.append(_selection(doc, s, max(e, s + 1), _dismissed_format(cur)))
        else:
            if e == s or _only_breaks(doc, s, e):
                s, e = max(0, s - 1), max(e, s + 1)
            fmt = _pending_format(item.finding.category, cur)
            out.append(_selection(doc, s, e, fmt, _left_cursor(doc, item)))
    return out


def right_selections(doc: QTextDocument, items: Sequence[Item], current: Item | None) -> list:
    """The corrected text: inserted text green; pending findings underlined as on the left."""
    out = []
    for item in items:
        s, e = item.span
        cur = item is current
        if item.status == Status.ACCEPTED and item.fixable:
            s, e = _trim(s, e, item)
            if e > s:
                out.append(_selection(doc, s, e, _inserted_format(cur), item.cursor))
            elif cur and s > 0:  # a pure deletion: mark the character it happened after
                out.append(_selection(doc, s - 1, s, _deletion_point_format()))
        elif item.status == Status.PENDING:
            if e == s or _only_breaks(doc, s, e):
                s, e = max(0, s - 1), max(e, s + 1)
            fmt = _pending_format(item.finding.category, cur)
            out.append(_selection(doc, s, e, fmt, item.cursor))
        elif cur:
            out.append(_selection(doc, s, max(e, s + 1), _dismissed_format(True)))
    return out
