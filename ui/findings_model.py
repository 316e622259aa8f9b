"""The findings panel's model: a tree of the current draft's findings.

Top-level rows are single findings or groups (findings sharing a `group` key, e.g. the 212
half-width commas of one page); a group row expands to its members. A
QSortFilterProxyModel (`FindingsFilter`) filters by category, rule, status and text. The
model holds no widgets: thousands of findings cost thousands of small Python objects only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from proofreader.model import Applicability, Status
from ui.draft import Draft, Item
from ui.highlight import category_icon, category_label
from ui.qt import (
    QAbstractItemModel,
    QBrush,
    QColor,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

ItemRole = Qt.ItemDataRole.UserRole + 1
CategoryRole = Qt.ItemDataRole.UserRole + 2
RuleRole = Qt.ItemDataRole.UserRole + 3
StatusRole = Qt.ItemDataRole.UserRole + 4
IsGroupRole = Qt.ItemDataRole.UserRole + 5

COLUMNS = ("category", "rule", "location", "text", "suggestion", "fix", "status")


@dataclass(eq=False)
class Entry:
    """A top-level row: one item, or a group of items."""

    row: int
    items: list[Item] = field(default_factory=list)
    group: str | None = None

    @property
    def is_group(self) -> bool:
        return self.group is not None


def _short(s: str, n: int = 24) -> str:
    s = s.replace("\r\n", "⏎").replace("\n", "⏎").replace("\u2029", "⏎")
    return s if len(s) <= n else s[: n - 1] + "…"


class FindingsModel(QAbstractItemModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.draft: Draft | None = None
        self._entries: list[Entry] = []
        self._entry_of: dict[int, Entry] = {}  # id(item) -> entry
        self._row_of: dict[int, int] = {}  # id(item) -> row within its group
        self._root = object()  # internal pointer of top-level indexes
        self._headers = {
            "category": self.tr("Category"),
            "rule": self.tr("Rule"),
            "location": self.tr("Line:Col"),
            "text": self.tr("Text"),
            "suggestion": self.tr("Suggestion"),
            "fix": self.tr("Fix"),
            "status": self.tr("Status"),
        }

    # --- binding to a draft -----------------------------------------------------------

    def set_draft(self, draft: Draft | None) -> None:
        if self.draft is not None:
            try:
                self.draft.itemsChanged.disconnect(self.rebuild)
                self.draft.statusChanged.disconnect(self._on_status)
            except (RuntimeError, TypeError):
                pass
        self.draft = draft
        if draft is not None:
            draft.itemsChanged.connect(self.rebuild)
            draft.statusChanged.connect(self._on_status)
        self.rebuild()

    def rebuild(self) -> None:
        self.beginResetModel()
        self._entries = []
        self._entry_of = {}
        self._row_of = {}
        groups: dict[str, Entry] = {}
        if self.draft is not None:
            members: dict[str, int] = {}
            for item in self.draft.items:
                if item.finding.group:
                    members[item.finding.group] = members.get(item.finding.group, 0) + 1
            for item in self.draft.items:
                g = item.finding.group
                if g and members[g] > 1:
                    entry = groups.get(g)
                    if entry is None:
                        entry = groups[g] = Entry(len(self._entries), group=g)
                        self._entries.append(entry)
                    self._row_of[id(item)] = len(entry.items)
                    entry.items.append(item)
                else:
                    entry = Entry(len(self._entries), [item])
                    self._entries.append(entry)
                    self._row_of[id(item)] = 0
                self._entry_of[id(item)] = entry
        self.endResetModel()

    def _on_status(self, items: list[Item]) -> None:
        last = self.columnCount() - 1
        if len(items) > 64:  # a bulk decision: one signal per range, not one per row
            if self._entries:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._entries) - 1, last))
            for entry in self._entries:
                if entry.is_group:
                    parent = self.index(entry.row, 0)
                    self.dataChanged.emit(self.index(0, 0, parent),
                                          self.index(len(entry.items) - 1, last, parent))
            return
        parents: set[int] = set()
        for item in items:
            idx = self.index_of(item)
            if idx.isValid():
                self.dataChanged.emit(idx, idx.siblingAtColumn(last))
            entry = self._entry_of.get(id(item))
            if entry is not None and entry.is_group:
                parents.add(entry.row)
        for row in parents:
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    # --- lookup -----------------------------------------------------------------------

    def index_of(self, item: Item) -> QModelIndex:
        entry = self._entry_of.get(id(item))
        if entry is None:
            return QModelIndex()
        if entry.is_group:
            return self.createIndex(self._row_of[id(item)], 0, entry)
        return self.createIndex(entry.row, 0, self._root)

    def item_at(self, index: QModelIndex) -> Item | None:
        """The item of a finding row (None for a group row)."""
        entry, child = self._resolve(index)
        if entry is None:
            return None
        if child is not None:
            return entry.items[child]
        return None if entry.is_group else entry.items[0]

    def items_at(self, index: QModelIndex) -> list[Item]:
        """All items under a row (a group's members, or the one finding)."""
        entry, child = self._resolve(index)
        if entry is None:
            return []
        return [entry.items[child]] if child is not None else list(entry.items)

    def _resolve(self, index: QModelIndex) -> tuple[Entry | None, int | None]:
        if not index.isValid():
            return None, None
        ptr = index.internalPointer()
        if ptr is self._root:
            return (self._entries[index.row()] if index.row() < len(self._entries) else None), None
        if isinstance(ptr, Entry) and 0 <= index.row() < len(ptr.items):
            return ptr, index.row()
        return None, None

    # --- QAbstractItemModel -----------------------------------------------------------

    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008, E501
        if column < 0 or column >= len(COLUMNS) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row >= len(self._entries):
                return QModelIndex()
            return self.createIndex(row, column, self._root)
        if parent.internalPointer() is not self._root or parent.column() != 0:
            return QModelIndex()
        entry = self._entries[parent.row()]
        if not entry.is_group or row >= len(entry.items):
            return QModelIndex()
        return self.createIndex(row, column, entry)

    def parent(self, index: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        ptr = index.internalPointer()
        if isinstance(ptr, Entry):
            return self.createIndex(ptr.row, 0, self._root)
        return QModelIndex()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._entries)
        if parent.column() != 0 or parent.internalPointer() is not self._root:
            return 0
        entry = self._entries[parent.row()]
        return len(entry.items) if entry.is_group else 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: E501
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return self._headers[COLUMNS[section]]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: E501
        entry, child = self._resolve(index)
        if entry is None:
            return None
        if entry.is_group and child is None:
            return self._group_data(entry, COLUMNS[index.column()], role)
        item = entry.items[child if child is not None else 0]
        return self._item_data(item, COLUMNS[index.column()], role)

    # --- cell contents ----------------------------------------------------------------

    def _status_label(self, status: Status) -> str:
        return {
            Status.PENDING: self.tr("Pending"),
            Status.ACCEPTED: self.tr("Accepted"),
            Status.REJECTED: self.tr("Rejected"),
            Status.IGNORED: self.tr("Ignored"),
        }[status]

    def _fix_label(self, item: Item) -> str:
        a = item.finding.applicability
        if not item.fixable or a == Applicability.DISPLAY_ONLY:
            return self.tr("No auto fix")
        return self.tr("Safe") if a == Applicability.SAFE else self.tr("Check")

    def _location(self, item: Item) -> tuple[int, int]:
        doc = self.draft.left_doc if item.left is not None else self.draft.right_doc
        pos = item.left[0] if item.left is not None else item.span[0]
        block = doc.findBlock(pos)
        return block.blockNumber() + 1, pos - block.position() + 1

    def _text(self, item: Item) -> str:
        if item.left is not None and self.draft.document is not None:
            return item.finding.text_in(self.draft.original)
        return item.cursor.selectedText() if item.status != Status.ACCEPTED else ""

    def _item_data(self, item: Item, col: str, role: int):
        f = item.finding
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "category":
                return category_label(f.category)
            if col == "rule":
                return f.rule
            if col == "location":
                line, c = self._location(item)
                return f"{line}:{c}"
            if col == "text":
                return _short(self._text(item))
            if col == "suggestion":
                if not f.replacements:
                    return ""
                r = f.replacements[0]
                if r:
                    return _short(r)
                old = f.text_in(self.draft.original) if item.origin else ""
                return self.tr("(join)") if old and not old.strip() else self.tr("(delete)")
            if col == "fix":
                return self._fix_label(item)
            if col == "status":
                return self._status_label(item.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f.message
        if role == Qt.ItemDataRole.DecorationRole and col == "category":
            return category_icon(f.category)
        if role == Qt.ItemDataRole.ForegroundRole:
            if item.status == Status.ACCEPTED:
                return QBrush(QColor("#1e8449"))
            if item.status in (Status.REJECTED, Status.IGNORED):
                return QBrush(QColor("#9aa0a6"))
        if role == ItemRole:
            return item
        if role == CategoryRole:
            return str(f.category)
        if role == RuleRole:
            return f.rule
        if role == StatusRole:
            return str(item.status)
        if role == IsGroupRole:
            return False
        return None

    def _group_data(self, entry: Entry, col: str, role: int):
        first = entry.items[0].finding
        if role == Qt.ItemDataRole.DisplayRole:
            n = len(entry.items)
            if col == "category":
                return category_label(first.category)
            if col == "rule":
                return first.rule
            if col == "location":
                return self.tr("%n finding(s)", "", n)
            if col == "text":
                return _short(first.message, 30)
            if col == "suggestion":
                reps = {i.finding.replacements[0] for i in entry.items if i.finding.replacements}
                return _short(next(iter(reps))) if len(reps) == 1 else ""
            if col == "fix":
                return self._fix_label(entry.items[0])
            if col == "status":
                pending = sum(1 for i in entry.items if i.status == Status.PENDING)
                if pending == 0:
                    return self.tr("Done")
                return self.tr("%n pending", "", pending)
        if role == Qt.ItemDataRole.ToolTipRole:
            return first.message
        if role == Qt.ItemDataRole.DecorationRole and col == "category":
            return category_icon(first.category)
        if role == Qt.ItemDataRole.FontRole and col in ("location", "category"):
            return None
        if role == CategoryRole:
            return str(first.category)
        if role == RuleRole:
            return first.rule
        if role == StatusRole:
            return ""
        if role == IsGroupRole:
            return True
        return None


class FindingsFilter(QSortFilterProxyModel):
    """Filter finding rows by category, rule, status and text; a group row stays while any
    of its members passes (recursive filtering)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.category: str | None = None
        self.rule: str | None = None
        self.status: str | None = None
        self.text = ""

    def set_filter(self, *, category=..., rule=..., status=..., text=...) -> None:
        if category is not ...:
            self.category = category or None
        if rule is not ...:
            self.rule = rule or None
        if status is not ...:
            self.status = status or None
        if text is not ...:
            self.text = text or ""
        self.beginFilterChange()
        self.endFilterChange()

    @property
    def active(self) -> bool:
        return bool(self.category or self.rule or self.status or self.text)

    def accepts_item(self, item: Item) -> bool:
        """Whether a finding passes the filter (navigation steps through these only)."""
        f = item.finding
        if self.category and str(f.category) != self.category:
            return False
        if self.rule and f.rule != self.rule:
            return False
        if self.status and str(item.status) != self.status:
            return False
        if self.text:
            hay = f"{f.message} {f.rule} {self.sourceModel()._text(item)}"
            return self.text.lower() in hay.lower()
        return True

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self.active:
            return True
        model = self.sourceModel()
        entry, child = model._resolve(model.index(row, 0, parent))
        if entry is None:
            return False
        if entry.is_group and child is None:
            return False  # its members decide (recursive filtering)
        return self.accepts_item(entry.items[child if child is not None else 0])
