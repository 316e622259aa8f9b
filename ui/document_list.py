"""The draft list on the left: each opened file with its finding count and review state."""

from __future__ import annotations

from proofreader.model import Status
from ui.draft import Draft, DraftState
from ui.qt import (
    QAbstractListModel,
    QColor,
    QFont,
    QListView,
    QModelIndex,
    QPainter,
    QPersistentModelIndex,
    QSize,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
)

DraftRole = Qt.ItemDataRole.UserRole + 1
BadgeRole = Qt.ItemDataRole.UserRole + 2
StateRole = Qt.ItemDataRole.UserRole + 3  # "unchecked", "pending", "done", "error"


class DraftListModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.drafts: list[Draft] = []

    def add(self, draft: Draft) -> int:
        for i, d in enumerate(self.drafts):
            if d.path is not None and draft.path is not None and d.path == draft.path:
                return i
        row = len(self.drafts)
        self.beginInsertRows(QModelIndex(), row, row)
        self.drafts.append(draft)
        self.endInsertRows()
        draft.stateChanged.connect(lambda d=draft: self._changed(d))
        draft.statusChanged.connect(lambda _items, d=draft: self._changed(d))
        draft.itemsChanged.connect(lambda d=draft: self._changed(d))
        return row

    def remove(self, row: int) -> Draft:
        self.beginRemoveRows(QModelIndex(), row, row)
        draft = self.drafts.pop(row)
        self.endRemoveRows()
        return draft

    def row_of(self, draft: Draft) -> int:
        for i, d in enumerate(self.drafts):
            if d is draft:
                return i
        return -1

    def find(self, path) -> Draft | None:
        for d in self.drafts:
            if d.path is not None and d.path.resolve() == path.resolve():
                return d
        return None

    def _changed(self, draft: Draft) -> None:
        row = self.row_of(draft)
        if row >= 0:
            idx = self.index(row)
            self.dataChanged.emit(idx, idx)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.drafts)

    def state_of(self, draft: Draft) -> tuple[str, str]:
        """(state key, badge text) for a draft."""
        if draft.state == DraftState.ERROR:
            return "error", self.tr("Error")
        if draft.state == DraftState.UNCHECKED:
            return "unchecked", self.tr("Unchecked")
        pending = sum(1 for i in draft.items if i.status == Status.PENDING)
        if pending == 0:
            return "done", self.tr("Done")
        return "pending", self.tr("%n pending", "", pending)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: E501
        if not index.isValid() or not 0 <= index.row() < len(self.drafts):
            return None
        d = self.drafts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return d.name + ("  •" if d.modified else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = str(d.path) if d.path else d.name
            if d.error:
                tip += "\n" + d.error
            elif d.checked:
                tip += "\n" + self.tr("%n finding(s)", "", len(d.items))
            return tip
        if role == DraftRole:
            return d
        if role == StateRole:
            return self.state_of(d)[0]
        if role == BadgeRole:
            return self.state_of(d)[1]
        if role == Qt.ItemDataRole.ForegroundRole and d.state == DraftState.ERROR:
            return QColor("#c0392b")
        return None


_BADGE_COLORS = {
    "error": ("#fdecea", "#c0392b"),
    "unchecked": ("#eef0f2", "#6b7280"),
    "pending": ("#fff4e0", "#9a5b00"),
    "done": ("#e6f4ea", "#1e8449"),
}


class DraftDelegate(QStyledItemDelegate):
    """Name on the left, a small state badge on the right; the error reason underneath."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        base = super().sizeHint(option, index)
        d: Draft = index.data(DraftRole)
        lines = 2 if d is not None and d.error else 1
        return QSize(base.width(), option.fontMetrics.height() * lines + 14)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        badge = index.data(BadgeRole) or ""
        state = index.data(StateRole) or "unchecked"
        d: Draft = index.data(DraftRole)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        r = option.rect.adjusted(10, 6, -8, -6)
        fm = option.fontMetrics
        bw = fm.horizontalAdvance(badge) + 14
        bg, fg = _BADGE_COLORS.get(state, _BADGE_COLORS["unchecked"])
        badge_rect = r.adjusted(r.width() - bw, 0, 0, 0)
        badge_rect.setHeight(fm.height() + 2)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(bg))
        painter.drawRoundedRect(badge_rect, 8, 8)
        painter.setPen(QColor(fg))
        painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, badge)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        name_rect = r.adjusted(0, 0, -bw - 8, 0)
        name_rect.setHeight(fm.height() + 2)
        painter.setPen(QColor("#1d2b4f") if selected else option.palette.text().color())
        name = fm.elidedText(
            index.data(Qt.ItemDataRole.DisplayRole) or "", Qt.TextElideMode.ElideMiddle,
            name_rect.width(),
        )
        left = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        painter.drawText(name_rect, left, name)
        if d is not None and d.error:
            err_rect = r.adjusted(0, fm.height() + 2, 0, 0)
            small = QFont(option.font)
            small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.9))
            painter.setFont(small)
            painter.setPen(QColor("#c0392b"))
            painter.drawText(
                err_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                fm.elidedText(d.error, Qt.TextElideMode.ElideRight, err_rect.width()),
            )
        painter.restore()


class DraftListView(QListView):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setItemDelegate(DraftDelegate(self))
        self.setUniformItemSizes(False)
        self.setObjectName("draftList")
