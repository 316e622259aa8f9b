"""The main window: draft list, side-by-side review, findings panel, detail pane, status bar.

Organised for additions: actions are attributes (`self.act_export`, `self.act_settings`,
`self.act_open_folder`…) created in `_build_actions()`, menus in `_build_menus()`, the
toolbar in `_build_toolbar()`, status bar widgets in `_build_status_bar()`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from proofreader.batch import DeskCheckers
from proofreader.config import Config
from proofreader.engine import Checker
from proofreader.model import Category, Status
from proofreader.style import StyleError
from ui.commands import StatusCommand, TypingCommand
from ui.detail_pane import DetailPane
from ui.document_list import DraftListModel, DraftListView
from ui.draft import Draft, DraftState, Item, corrected_path, is_docx
from ui.findings_model import FindingsFilter, FindingsModel
from ui.highlight import category_label
from ui.qt import (
    QAbstractItemView,
    QAction,
    QCloseEvent,
    QComboBox,
    QDialog,
    QDragEnterEvent,
    QDropEvent,
    QEvent,
    QFileDialog,
    QFont,
    QHBoxLayout,
    QHeaderView,
    QIcon,
    QItemSelectionModel,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QModelIndex,
    QProgressBar,
    QSplitter,
    Qt,
    QTextDocument,
    QTimer,
    QToolBar,
    QToolButton,
    QTreeView,
    QUndoGroup,
    QVBoxLayout,
    QWidget,
)
from ui.review_view import ReviewView

STYLE = """
QMainWindow { background: #f6f7f9; }
#draftList { background: #fbfbfc; border: none; border-right: 1px solid #e3e5e8; }
#draftList::item:selected { background: #e3ebfb; color: #1d2b4f; }
#draftList::item:hover { background: #f0f4fc; }
#paneTitle { color: #5f6670; padding: 6px 12px; background: #f0f2f5;
             border-bottom: 1px solid #e3e5e8; font-weight: 600; }
#originalPane, #correctedPane { background: #ffffff; selection-background-color: #cfe0ff;
             selection-color: #111; }
#paneColumn { border: 1px solid #e3e5e8; }
#detailPane { background: #ffffff; border: none; border-left: 1px solid #e3e5e8;
              padding: 6px; }
#findingsPanel QTreeView { background: #ffffff; border: none; alternate-background-color: #fafbfc; }
#findingsPanel QTreeView::item { padding: 3px 2px; }
#findingsPanel QTreeView::item:selected { background: #e8eefb; color: #1d2b4f; }
#filterBar { background: #f0f2f5; border-top: 1px solid #e3e5e8;
             border-bottom: 1px solid #e3e5e8; }
#sectionTitle { color: #5f6670; font-weight: 600; padding: 6px 10px; }
QToolBar { background: #ffffff; border: none; border-bottom: 1px solid #e3e5e8; spacing: 4px;
           padding: 3px 6px; }
QToolButton { padding: 4px 8px; border-radius: 4px; color: #2c3440; }
QToolButton:hover { background: #eef1f6; }
QStatusBar { background: #ffffff; border-top: 1px solid #e3e5e8; color: #4b5563; }
QStatusBar QLabel { padding: 0 8px; }
QSplitter::handle { background: #e3e5e8; }
"""


def app_icon() -> QIcon:
    from proofreader import resources

    return QIcon(str(resources.path("icons", "proofreader.svg")))


class FindBox(QLineEdit):
    """The find field: plain keys (Enter, Backspace, I…) are typing here, not review actions."""

    _EDIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Backspace, Qt.Key.Key_Delete)

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ShortcutOverride:
            plain = not (e.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier
                                           | Qt.KeyboardModifier.KeypadModifier))
            if plain and (e.key() < Qt.Key.Key_Escape or e.key() in self._EDIT_KEYS):
                e.accept()
                return True
        return super().event(e)


class MainWindow(QMainWindow):
    def __init__(self, config: Config | None = None, settings=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.config = config or Config()
        self.checker = Checker(self.config)
        self.desks = DeskCheckers(self.config, default=self.checker)
        self.lang = getattr(settings, "report_lang", "zh") if settings is not None else "zh"
        self.current: Item | None = None
        self._selecting = False  # guard: selection changes we make ourselves
        self._folder_workers: list = []
        self._lt_tasks: list = []  # LanguageTool requests in flight (kept alive until done)
        self.grammar = None  # GrammarChecker, made by _reset_grammar()
        self.settings_dialog = None

        self.setWindowTitle(self.tr("Proofreader"))
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.resize(1440, 900)
        self.setStyleSheet(STYLE)

        self.undo_group = QUndoGroup(self)
        self.drafts = DraftListModel(self)
        self.findings = FindingsModel(self)
        self.proxy = FindingsFilter(self)
        self.proxy.setSourceModel(self.findings)

        self._build_actions()
        self._build_central()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self._apply_font()
        self._restore_layout()
        self._update_actions()
        self._reset_grammar()

    # --- construction -----------------------------------------------------------------

    def _action(self, text: str, shortcuts: Sequence[QKeySequence | str] = (), slot=None,
                tip: str | None = None) -> QAction:
        act = QAction(text, self)
        keys = [QKeySequence(k) for k in shortcuts]
        if keys:
            act.setShortcuts(keys)
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            shown = " / ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
            act.setToolTip(f"{tip or text.replace('&', '').rstrip('…')} ({shown})")
        elif tip:
            act.setToolTip(tip)
        if slot is not None:
            act.triggered.connect(lambda _checked=False: slot())
        self.addAction(act)  # shortcuts work whatever has focus in the window
        return act

    def _build_actions(self) -> None:
        tr = self.tr
        self.act_open = self._action(tr("&Open…"), [QKeySequence.StandardKey.Open],
                                     self.open_files_dialog)
        self.act_open_folder = self._action(tr("Open &Folder…"), ["Ctrl+Shift+O"],
                                            self.open_folder_dialog)
        self.act_save = self._action(tr("&Save Corrected"), [QKeySequence.StandardKey.Save],
                                     self.save, tr("Save as name.corrected.ext beside the draft"))
        self.act_save_as = self._action(tr("Save Corrected &As…"), ["Ctrl+Shift+S"], self.save_as)
        self.act_overwrite = self._action(tr("Overwrite Original…"), [], self.overwrite_original,
                                          tr("Replace the draft itself (a backup is kept)"))
        from ui.save_dialog import remembered_tracked

        self.act_docx_tracked = self._action(
            tr("Word: Save with &Tracked Changes"), [], None,
            tr("Checked: accepted fixes become Word revisions (修订模式); "
               "unchecked: a clean copy (清洁稿)"))
        self.act_docx_tracked.setCheckable(True)
        self.act_docx_tracked.setChecked(remembered_tracked(self.settings))
        self.act_docx_tracked.toggled.connect(self._on_docx_mode)
        self.save_notice: QMessageBox | None = None
        self.act_export = self._action(tr("&Export Report…"), ["Ctrl+E"], self.export_report)
        self.act_print = self._action(tr("&Print Report…"), [QKeySequence.StandardKey.Print],
                                      self.print_report)
        self.act_close_draft = self._action(tr("&Close Draft"), [QKeySequence.StandardKey.Close],
                                            self.close_current_draft)
        self.act_quit = self._action(tr("&Quit"), ["Ctrl+Q"], self.close)
        self.act_settings = self._action(tr("&Settings…"), ["Ctrl+,"], self.open_settings)

        self.act_undo = self.undo_group.createUndoAction(self, tr("&Undo"))
        self.act_undo.setShortcuts([QKeySequence("Ctrl+Z")])
        self.act_redo = self.undo_group.createRedoAction(self, tr("&Redo"))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for act in (self.act_undo, self.act_redo):
            self.addAction(act)
        self.act_find = self._action(tr("&Find…"), [QKeySequence.StandardKey.Find], self.focus_find)

        self.act_next = self._action(tr("&Next Finding"), ["Alt+Down", "F8"], self.next_finding)
        self.act_prev = self._action(tr("&Previous Finding"), ["Alt+Up", "Shift+F8"],
                                     self.prev_finding)
        self.act_accept = self._action(tr("&Accept"), ["Return", "Enter"], self.accept,
                                       tr("Accept the fix and go to the next finding"))
        self.act_reject = self._action(tr("&Reject"), ["Backspace", "Delete"], self.reject,
                                       tr("Reject: the text is right as it is"))
        self.act_ignore = self._action(tr("&Ignore"), ["I"], self.ignore, tr("Ignore this once"))
        self.act_add_word = self._action(tr("Ignore and Add to &Dictionary"), [],
                                         self.ignore_and_add_to_dictionary)
        self.act_accept_rule = self._action(tr("Accept All of This &Rule"), ["Ctrl+Return"],
                                            self.accept_rule)
        self.act_accept_safe = self._action(tr("Accept All &Safe Fixes"), ["Ctrl+Shift+Return"],
                                            self.accept_safe,
                                            tr("Accept every pending safe fix in this draft"))
        self.act_shortcuts = self._action(tr("&Keyboard Shortcuts"), ["F1"], self.show_shortcuts)
        self.act_about = self._action(tr("&About Proofreader"), [], self.show_about)

    def _build_central(self) -> None:
        self.draft_view = DraftListView()
        self.draft_view.setModel(self.drafts)
        self.draft_view.selectionModel().currentChanged.connect(self._on_draft_selected)
        self.draft_view.setMinimumWidth(180)

        self.review = ReviewView()
        self.review.itemClicked.connect(self.select_item)
        self.review.cursorMoved.connect(self._on_cursor_moved)

        # findings panel: filter bar + tree
        self.tree = QTreeView()
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAllColumnsShowFocus(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((150, 140, 84, 170, 110, 84, 90)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current)

        self.filter_category = QComboBox()
        self.filter_rule = QComboBox()
        self.filter_status = QComboBox()
        self.filter_text = FindBox()
        self.filter_text.setPlaceholderText(self.tr("Find (Ctrl+F)"))
        self.filter_text.setClearButtonEnabled(True)
        self.filter_text.textChanged.connect(lambda t: self._set_filter(text=t))
        self.filter_text.returnPressed.connect(self.find_in_text)
        self.filter_category.currentIndexChanged.connect(
            lambda _i: self._set_filter(category=self.filter_category.currentData()))
        self.filter_rule.currentIndexChanged.connect(
            lambda _i: self._set_filter(rule=self.filter_rule.currentData()))
        self.filter_status.addItem(self.tr("All statuses"), None)
        for st, label in ((Status.PENDING, self.tr("Pending")),
                          (Status.ACCEPTED, self.tr("Accepted")),
                          (Status.REJECTED, self.tr("Rejected")),
                          (Status.IGNORED, self.tr("Ignored"))):
            self.filter_status.addItem(label, str(st))
        self.filter_status.currentIndexChanged.connect(
            lambda _i: self._set_filter(status=self.filter_status.currentData()))

        bar = QWidget()
        bar.setObjectName("filterBar")
        bl = QHBoxLayout(bar)
        bl.setContentsMargins(8, 4, 8, 4)
        title = QLabel(self.tr("Findings"))
        title.setObjectName("sectionTitle")
        bl.addWidget(title)
        bl.addWidget(self.filter_category)
        bl.addWidget(self.filter_rule)
        bl.addWidget(self.filter_status)
        bl.addWidget(self.filter_text, 1)

        panel = QWidget()
        panel.setObjectName("findingsPanel")
        pl = QVBoxLayout(panel)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.setSpacing(0)
        pl.addWidget(bar)
        pl.addWidget(self.tree, 1)

        self.detail = DetailPane()
        self.detail.lang = self.lang

        self.bottom = QSplitter(Qt.Orientation.Horizontal)
        self.bottom.addWidget(panel)
        self.bottom.addWidget(self.detail)
        self.bottom.setStretchFactor(0, 3)
        self.bottom.setStretchFactor(1, 2)

        self.center = QSplitter(Qt.Orientation.Vertical)
        self.center.addWidget(self.review)
        self.center.addWidget(self.bottom)
        self.center.setStretchFactor(0, 3)
        self.center.setStretchFactor(1, 2)

        self.main_split = QSplitter(Qt.Orientation.Horizontal)
        self.main_split.addWidget(self.draft_view)
        self.main_split.addWidget(self.center)
        self.main_split.setStretchFactor(1, 1)
        self.main_split.setSizes([220, 1220])
        self.center.setSizes([540, 320])
        self.bottom.setSizes([760, 460])
        self.setCentralWidget(self.main_split)
        self._fill_filters()

    def _build_menus(self) -> None:
        mb = self.menuBar()
        self.menu_file = mb.addMenu(self.tr("&File"))
        self.menu_file.addActions([self.act_open, self.act_open_folder])
        self.menu_recent = QMenu(self.tr("Open &Recent"), self)
        self.menu_recent.aboutToShow.connect(self._fill_recent_menu)
        self.menu_file.addMenu(self.menu_recent)
        self.menu_file.addSeparator()
        self.menu_file.addActions([self.act_save, self.act_save_as, self.act_overwrite,
                                   self.act_docx_tracked])
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_export)
        self.menu_file.addAction(self.act_print)
        self.menu_file.addSeparator()
        self.menu_file.addActions([self.act_close_draft, self.act_settings, self.act_quit])

        self.menu_edit = mb.addMenu(self.tr("&Edit"))
        self.menu_edit.addActions([self.act_undo, self.act_redo])
        self.menu_edit.addSeparator()
        self.menu_edit.addAction(self.act_find)

        self.menu_review = mb.addMenu(self.tr("&Review"))
        self.menu_review.addActions([self.act_prev, self.act_next])
        self.menu_review.addSeparator()
        self.menu_review.addActions([self.act_accept, self.act_reject, self.act_ignore,
                                     self.act_add_word])
        self.menu_review.addSeparator()
        self.menu_review.addActions([self.act_accept_rule, self.act_accept_safe])

        self.menu_help = mb.addMenu(self.tr("&Help"))
        self.menu_help.addActions([self.act_shortcuts, self.act_about])

    def _build_toolbar(self) -> None:
        tb = QToolBar(self.tr("Main"))
        tb.setObjectName("mainToolbar")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        tb.addActions([self.act_open, self.act_open_folder, self.act_save])
        tb.addSeparator()
        tb.addActions([self.act_prev, self.act_next])
        tb.addSeparator()
        tb.addActions([self.act_accept, self.act_reject, self.act_ignore])
        tb.addSeparator()
        tb.addActions([self.act_accept_rule, self.act_accept_safe])
        tb.addSeparator()
        # the group's undo/redo actions carry the step's name ("Undo Accept 3 findings");
        # the toolbar keeps short labels and mirrors their state
        for src, label in ((self.act_undo, self.tr("Undo")), (self.act_redo, self.tr("Redo"))):
            short = QAction(label, self)
            short.setToolTip(src.toolTip() or label)
            short.triggered.connect(src.trigger)
            short.setEnabled(src.isEnabled())
            src.changed.connect(lambda s=src, a=short: (a.setEnabled(s.isEnabled()),
                                                        a.setToolTip(s.text().replace("&", ""))))
            tb.addAction(short)
        tb.addSeparator()
        tb.addAction(self.act_export)
        self.toolbar = tb
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, tb)

    def _build_status_bar(self) -> None:
        sb = self.statusBar()
        self.status_encoding = QLabel()
        self.status_position = QLabel()
        self.status_counts = QLabel()
        self.status_counts.setTextFormat(Qt.TextFormat.RichText)
        sb.addPermanentWidget(self.status_counts)
        from ui.languagetool_status import LanguageToolLabel

        self.status_lt = LanguageToolLabel()
        # opened after the click is handled: a modal loop inside a mouse event is fragile
        self.status_lt.clicked.connect(
            lambda: QTimer.singleShot(0, lambda: self.open_settings(languagetool=True)))
        sb.addPermanentWidget(self.status_lt)
        sb.addPermanentWidget(self.status_position)
        sb.addPermanentWidget(self.status_encoding)
        # background folder checks (ui.workers): hidden while idle
        self.folder_progress = QProgressBar()
        self.folder_progress.setMaximumWidth(220)
        self.folder_progress.setFormat(self.tr("Checking %v of %m"))
        self.folder_cancel = QToolButton()
        self.folder_cancel.setText(self.tr("Cancel"))
        self.folder_cancel.setToolTip(self.tr("Stop checking the folder"))
        self.folder_cancel.clicked.connect(self.cancel_folder_checks)
        for w in (self.folder_progress, self.folder_cancel):
            w.hide()
            sb.addWidget(w)

    def _apply_font(self) -> None:
        size = getattr(self.settings, "font_size", 14) if self.settings is not None else 14
        font = QFont()
        font.setFamilies(["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei",
                          "PingFang SC", "WenQuanYi Micro Hei"])
        font.setPointSize(int(size))
        self.review.set_font(font)

    # --- opening ----------------------------------------------------------------------

    @property
    def draft(self) -> Draft | None:
        return self.review.draft

    def open_paths(self, paths: Iterable[str | Path]) -> None:
        """Open files and folders: files are checked at once, folder contents as selected
        (or by the background worker when ui.workers is available)."""
        first: Draft | None = None
        files: list[Path] = []
        for p in paths:
            path = Path(p)
            if path.is_dir():
                d = self._open_folder(path)
            else:
                d = self._add_draft(path)
                self._remember_recent(path)
                files.append(path)
            first = first or d
        if len(files) > 1:  # several files: the others are checked while the first is shown
            self._check_in_background(files[1:])
        if first is not None:
            self.show_draft(first)

    def _checker_for(self, path: Path | None) -> Checker:
        """The rules for a draft: the settings plus its desk's `.proofreader.toml`, if any."""
        if path is None:
            return self.checker
        try:
            return self.desks.for_path(path)
        except (StyleError, OSError) as e:
            self.statusBar().showMessage(self.tr("Desk style sheet ignored: %s") % e, 10000)
            return self.checker

    def _add_draft(self, path: Path) -> Draft:
        existing = self.drafts.find(path)
        if existing is not None:
            return existing
        d = Draft(path, self._checker_for(path), self)
        d.editor = getattr(self.settings, "editor_name", None) if self.settings else None
        d.textEdited.connect(lambda pos, _n, removed, added, d=d: self._on_typed(d, pos, removed,
                                                                                  added))
        self.undo_group.addStack(d.undo_stack)
        self.drafts.add(d)
        return d

    def _open_folder(self, folder: Path) -> Draft | None:
        from proofreader.formats import expand_paths

        if self.settings is not None:
            self.settings.last_folder = str(folder)
        drafts = [self._add_draft(p) for p, _shown in expand_paths([folder])]
        if drafts:
            self._check_in_background(folder)
        return drafts[0] if drafts else None

    def ensure_checked(self, d: Draft) -> None:
        if d.state == DraftState.UNCHECKED:
            self.setCursor(Qt.CursorShape.WaitCursor)
            try:
                d.load()
            finally:
                self.unsetCursor()
            self.fetch_grammar(d)
            if d.checked and d.draft_changed:
                self.statusBar().showMessage(
                    self.tr("%s changed on disk since the last review: %n decision(s) could not "
                            "be placed again", "", len(d.unanchored)) % d.name, 10000)

    def show_draft(self, d: Draft) -> None:
        row = self.drafts.row_of(d)
        if row >= 0 and self.draft_view.currentIndex().row() != row:
            self.draft_view.setCurrentIndex(self.drafts.index(row))  # comes back through here
            return
        self.ensure_checked(d)
        if self.draft is not None:
            try:
                self.draft.itemsChanged.disconnect(self._after_items_changed)
                self.draft.statusChanged.disconnect(self._after_status_changed)
            except (RuntimeError, TypeError):
                pass
        self.current = None
        self.review.set_draft(d if d.checked else None)
        self.findings.set_draft(d if d.checked else None)
        self.undo_group.setActiveStack(d.undo_stack)
        if d.checked:
            d.itemsChanged.connect(self._after_items_changed)
            d.statusChanged.connect(self._after_status_changed)
            self.review.draft = d
        self.review.left_title.setText(self.tr("Original — %s") % d.name)
        self.detail.show_item(None)
        if d.state == DraftState.ERROR:
            self.detail.setHtml(f"<p style='color:#c0392b'><b>{d.name}</b><br/>{d.error}</p>")
        self._fill_filters()
        self._update_status()
        self._update_actions()
        self.setWindowTitle(f"{d.name} — " + self.tr("Proofreader"))
        if d.checked and d.items:
            self.select_item(self._first_pending() or d.items[0])

    def _on_draft_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.show_draft(self.drafts.drafts[current.row()])

    def open_files_dialog(self) -> None:
        start = getattr(self.settings, "last_folder", "") if self.settings else ""
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Open Drafts"), start,
            self.tr("Drafts (*.txt *.md *.text *.docx);;All files (*)"))
        if files:
            if self.settings is not None:
                self.settings.last_folder = str(Path(files[0]).parent)
            self.open_paths(files)

    def open_folder_dialog(self) -> None:
        start = getattr(self.settings, "last_folder", "") if self.settings else ""
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open Folder"), start)
        if folder:
            self.open_paths([folder])

    def _remember_recent(self, path: Path) -> None:
        if self.settings is not None and hasattr(self.settings, "add_recent_file"):
            self.settings.add_recent_file(path)

    def _fill_recent_menu(self) -> None:
        self.menu_recent.clear()
        recent = self.settings.recent_files(existing_only=True) if self.settings else []
        for p in recent:
            act = self.menu_recent.addAction(p)
            act.triggered.connect(lambda _c=False, p=p: self.open_paths([p]))
        if not recent:
            self.menu_recent.addAction(self.tr("(none)")).setEnabled(False)

    def dragEnterEvent(self, e: QDragEnterEvent) -> None:
        if e.mimeData().hasUrls():
            e.acceptProposedAction()

    def dropEvent(self, e: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in e.mimeData().urls() if u.isLocalFile()]
        if paths:
            e.acceptProposedAction()
            self.open_paths(paths)

    def close_current_draft(self) -> None:
        d = self.draft
        row = self.draft_view.currentIndex().row()
        if row < 0:
            return
        d = self.drafts.drafts[row]
        if d.modified and not self._confirm_discard([d]):
            return
        self.review.set_draft(None)
        self.findings.set_draft(None)
        self.undo_group.removeStack(d.undo_stack)
        self.drafts.remove(row)
        if self.drafts.drafts:
            self.show_draft(self.drafts.drafts[min(row, len(self.drafts.drafts) - 1)])
        self._update_actions()

    # --- selection and navigation -----------------------------------------------------

    def select_item(self, item: Item | None) -> None:
        """Make `item` the current finding: tree row, both panes, detail pane."""
        self.current = item
        self.review.show_item(item)
        if item is not None and self.draft is not None:
            text = item.finding.text_in(self.draft.original) if item.origin else ""
            self.detail.show_item(item, text)
            idx = self.proxy.mapFromSource(self.findings.index_of(item))
            if idx.isValid():
                self._selecting = True
                try:
                    if idx.parent().isValid():
                        self.tree.expand(idx.parent())
                    self.tree.selectionModel().setCurrentIndex(
                        idx, QItemSelectionModel.SelectionFlag.ClearAndSelect
                        | QItemSelectionModel.SelectionFlag.Rows)
                    self.tree.scrollTo(idx)
                finally:
                    self._selecting = False
        else:
            self.detail.show_item(None)
        self._update_actions()

    def _on_tree_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._selecting or not current.isValid():
            return
        src = self.proxy.mapToSource(current)
        item = self.findings.item_at(src)
        if item is None:  # a group row: show its first member, keep the group selected
            members = self.findings.items_at(src)
            if members:
                self.current = members[0]
                self.review.show_item(members[0])
                text = members[0].finding.text_in(self.draft.original) if members[0].origin else ""
                self.detail.show_item(members[0], text)
            self._update_actions()
            return
        self.select_item(item)

    def _selected_group_items(self) -> list[Item] | None:
        idx = self.tree.currentIndex()
        if not idx.isValid():
            return None
        src = self.proxy.mapToSource(idx)
        if self.findings.item_at(src) is None:
            return [i for i in self.findings.items_at(src) if self.proxy.accepts_item(i)]
        return None

    def _navigable(self) -> list[Item]:
        return [i for i in self.draft.items if self.proxy.accepts_item(i)] if self.draft else []

    def _first_pending(self) -> Item | None:
        return next((i for i in self._navigable() if i.status == Status.PENDING), None)

    def _step(self, forward: bool, pending_only: bool = False) -> Item | None:
        items = self._navigable()
        if not items:
            return None
        if self.current is None or self.current not in items:
            pos = self.current.span[0] if self.current is not None else -1
            order = items if forward else list(reversed(items))
            cands = [i for i in order if (i.span[0] > pos if forward else i.span[0] < pos)]
        else:
            k = items.index(self.current)
            after, before = items[k + 1:], items[:k]
            cands = after + before if forward else before[::-1] + after[::-1]
        for i in cands:
            if not pending_only or i.status == Status.PENDING:
                return i
        return None

    def next_finding(self) -> None:
        nxt = self._step(True)
        if nxt is not None:
            self.select_item(nxt)

    def prev_finding(self) -> None:
        prv = self._step(False)
        if prv is not None:
            self.select_item(prv)

    # --- decisions --------------------------------------------------------------------

    def _decide(self, items: list[Item], status: Status, label: str, move_on: bool = True) -> int:
        d = self.draft
        if d is None or not items:
            return 0
        todo = [i for i in items if i.status != status]
        if not todo:
            return 0
        cmd = StatusCommand(d, todo, status, label)
        d.undo_stack.push(cmd)  # a step that changed nothing marks itself obsolete: dropped
        if cmd.changed == 0:
            if status == Status.ACCEPTED:
                self.statusBar().showMessage(
                    self.tr("This fix overlaps one already accepted; undo that one first."), 6000)
            return 0
        if move_on:
            nxt = self._step(True, pending_only=True)
            self.select_item(nxt or self.current)
        return cmd.changed

    def _targets(self) -> list[Item]:
        group = self._selected_group_items()
        if group is not None:
            return group
        return [self.current] if self.current is not None else []

    def accept(self) -> None:
        targets = self._targets()
        self._decide(targets, Status.ACCEPTED, self.tr("Accept %n finding(s)", "", len(targets)))

    def reject(self) -> None:
        targets = self._targets()
        self._decide(targets, Status.REJECTED, self.tr("Reject %n finding(s)", "", len(targets)))

    def ignore(self) -> None:
        targets = self._targets()
        self._decide(targets, Status.IGNORED, self.tr("Ignore %n finding(s)", "", len(targets)))

    def ignore_and_add_to_dictionary(self) -> None:
        item = self.current
        if item is None or not item.origin or self.draft is None:
            return
        word = item.finding.text_in(self.draft.original).strip()
        if word and self.settings is not None and hasattr(self.settings, "add_allowed_word"):
            self.settings.add_allowed_word(word)
            if hasattr(self.settings, "engine_config"):
                self.apply_settings()  # re-checks after typing must not flag the word again
            self.statusBar().showMessage(self.tr("Added “%s” to your dictionary") % word, 5000)
        # the word is right wherever it stands: every pending finding on it is ignored too
        same = [i for i in self.draft.items if i.origin and i.status == Status.PENDING
                and i.finding.text_in(self.draft.original).strip() == word]
        targets = [item, *[i for i in same if i is not item]]
        self._decide(targets, Status.IGNORED,
                     self.tr("Ignore %n finding(s)", "", len(targets)))

    def accept_rule(self) -> None:
        if self.current is None or self.draft is None:
            return
        rule = self.current.finding.rule
        items = [i for i in self.draft.items if i.finding.rule == rule
                 and i.status == Status.PENDING and i.fixable]
        n = self._decide(items, Status.ACCEPTED,
                         self.tr("Accept all of %s") % rule)
        if n:
            self.statusBar().showMessage(self.tr("Accepted %n fix(es)", "", n), 5000)

    def accept_safe(self) -> None:
        if self.draft is None:
            return
        items = [i for i in self.draft.items if i.status == Status.PENDING and i.safe]
        n = self._decide(items, Status.ACCEPTED, self.tr("Accept all safe fixes"))
        if n:
            self.statusBar().showMessage(self.tr("Accepted %n fix(es)", "", n), 5000)

    def _on_typed(self, d: Draft, pos: int, removed: str, added: str) -> None:
        d.undo_stack.push(TypingCommand(d, pos, removed, added, self.tr("Typing")))

    def _after_items_changed(self) -> None:
        if self.current is not None and self.draft and self.current not in self.draft.items:
            self.current = None
        self._fill_filters()
        self._update_status()
        self._update_actions()

    def _after_status_changed(self, _items: list) -> None:
        self._update_status()
        self._update_actions()

    # --- filters and find -------------------------------------------------------------

    def _set_filter(self, **kw) -> None:
        self.proxy.set_filter(**kw)
        if self.proxy.active and self.proxy.rowCount() < 40:
            self.tree.expandToDepth(0)  # a narrow filter: show the findings, not just groups

    def _fill_filters(self) -> None:
        items = self.draft.items if self.draft is not None else []
        cats = sorted({str(i.finding.category) for i in items}, key=list(Category).index)
        rules = sorted({i.finding.rule for i in items})
        for combo, values, all_label, label in (
            (self.filter_category, cats, self.tr("All categories"), category_label),
            (self.filter_rule, rules, self.tr("All rules"), str),
        ):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(all_label, None)
            for v in values:
                combo.addItem(label(v), v)
            i = combo.findData(keep) if keep is not None else 0
            combo.setCurrentIndex(max(0, i))
            combo.blockSignals(False)

    def focus_find(self) -> None:
        self.filter_text.setFocus()
        self.filter_text.selectAll()

    def find_in_text(self) -> None:
        """Enter in the find box: find the text in the corrected pane (wrapping around)."""
        text = self.filter_text.text()
        pane = self.review.right
        if not text or self.draft is None:
            return
        if not pane.find(text):
            c = pane.textCursor()
            c.movePosition(c.MoveOperation.Start)
            pane.setTextCursor(c)
            if not pane.find(text, QTextDocument.FindFlag(0)):
                self.statusBar().showMessage(self.tr("Not found: %s") % text, 4000)
                return
        pane.centerCursor()

    # --- saving -----------------------------------------------------------------------

    def save(self) -> bool:
        d = self.draft
        if d is None or not d.checked or d.path is None:
            return False
        return self._save_to(d, corrected_path(d.path), overwrite=False)

    def save_as(self) -> bool:
        from ui.save_dialog import SaveAsDialog

        d = self.draft
        if d is None or not d.checked or d.path is None:
            return False
        dialog = SaveAsDialog(self, corrected_path(d.path), is_docx(d.path),
                              self.act_docx_tracked.isChecked())
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.target() is None:
            return False
        target = dialog.target()
        if dialog.docx:
            self.act_docx_tracked.setChecked(dialog.tracked)  # remembered for Ctrl+S too
        overwrite = target.resolve() == d.path.resolve()
        return self._save_to(d, target, overwrite=overwrite)

    def _on_docx_mode(self, tracked: bool) -> None:
        from ui.save_dialog import remember_tracked

        remember_tracked(self.settings, tracked)

    def overwrite_original(self) -> bool:
        d = self.draft
        if d is None or not d.checked or d.path is None:
            return False
        answer = QMessageBox.question(
            self, self.tr("Overwrite Original"),
            self.tr("Replace %s with the corrected text? The current file is kept as a backup "
                    "beside it.") % d.path.name)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self._save_to(d, d.path, overwrite=True)

    def _save_to(self, d: Draft, target: Path, overwrite: bool) -> bool:
        from proofreader.formats.text import SaveError

        tracked = self.act_docx_tracked.isChecked()
        try:
            try:
                written = d.save(target, overwrite_original=overwrite, track_changes=tracked)
            except SaveError as e:
                if d.document is None or d.document.format == "docx" or not self._offer_utf8(e):
                    raise
                written = d.save(target, overwrite_original=overwrite, encoding="utf-8")
        except Exception as e:  # SaveError, DocxWriteError and OSError: one human line
            QMessageBox.warning(self, self.tr("Save Failed"), str(e))
            return False
        if is_docx(written):
            mode = self.tr("tracked changes") if tracked else self.tr("clean copy")
            self.statusBar().showMessage(self.tr("Saved %s (%s)") % (written, mode), 6000)
        else:
            self.statusBar().showMessage(self.tr("Saved %s") % written, 6000)
        dropped = d.last_save.dropped if d.last_save is not None else 0
        if dropped:
            # not modal: the file is written, this is for the editor to check by hand
            self.save_notice = QMessageBox(
                QMessageBox.Icon.Warning, self.tr("Some Edits Not Saved"),
                self.tr("%n edit(s) could not be written into the Word document (for example "
                        "a new paragraph typed in the corrected pane); check %s by hand.",
                        "", dropped) % written.name, QMessageBox.StandardButton.Ok, self)
            self.save_notice.open()
        return True

    def _offer_utf8(self, error: Exception) -> bool:
        """The draft's encoding cannot hold the corrected text (Big5 and 𠮷): UTF-8 instead?"""
        answer = QMessageBox.question(
            self, self.tr("Save as UTF-8?"),
            self.tr("%s\n\nSave the corrected draft as UTF-8 instead? (The original file is "
                    "not changed.)") % error,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Yes)
        return answer == QMessageBox.StandardButton.Yes

    # --- export, print, settings, folder checks (ui.export, ui.settings_dialog, ui.workers) ---

    def report_results(self) -> tuple[list, object]:
        """FileResults of the open drafts with their decisions, and the current draft's."""
        from proofreader.batch import FileResult

        results: list[FileResult] = []
        current = None
        for d in self.drafts.drafts:
            shown = str(d.path) if d.path else d.name
            if d.state == DraftState.ERROR:
                r = FileResult(path=shown, status="error", error=d.error)
            elif d.checked:
                # findings of a re-check after typing point into the corrected text, not the
                # draft the report quotes: the report lists the draft's own findings
                own = [i for i in d.items if i.origin]
                r = FileResult(path=shown, document=d.document, findings=[i.finding for i in own],
                               statuses={i.finding.key: i.status for i in own
                                         if i.status != Status.PENDING})
            else:
                continue
            results.append(r)
            if d is self.draft:
                current = r
        return results, current

    def export_report(self) -> None:
        from ui.export import ExportDialog

        results, current = self.report_results()
        if not results:
            return
        dialog = ExportDialog(results, self.settings, self, current=current)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.written is not None:
            self.statusBar().showMessage(self.tr("Report written to %s") % dialog.written, 8000)

    def print_report(self) -> None:
        from ui.export import print_report

        results, current = self.report_results()
        if results:
            editor = getattr(self.settings, "editor_name", "") or None
            print_report([current] if current is not None else results, self, lang=self.lang,
                         editor=editor)

    def open_settings(self, languagetool: bool = False) -> None:
        from ui.settings import Settings
        from ui.settings_dialog import SettingsDialog

        if self.settings is None:
            self.settings = Settings()
        dialog = SettingsDialog(self.settings, self)
        dialog.applied.connect(self.apply_settings)
        if languagetool and hasattr(dialog, "show_languagetool"):
            dialog.show_languagetool()
        self.settings_dialog = dialog  # reachable while it is open (tests, screenshots)
        try:
            dialog.exec()
        finally:
            self.settings_dialog = None
            dialog.deleteLater()

    # --- LanguageTool (ui.languagetool_status): state in the status bar, extra findings ----

    def _reset_grammar(self) -> None:
        """A GrammarChecker for the current config, and its state probed in the background."""
        from proofreader.languagetool.client import GrammarChecker
        from ui.languagetool_status import ProbeTask

        self.grammar = GrammarChecker(self.config)
        if self.grammar.source.kind == "none":
            self.status_lt.show_status(self.grammar.status)
            return
        self.status_lt.show_checking()
        task = ProbeTask(self.grammar)
        task.signals.status.connect(lambda st, g=self.grammar: self._on_lt_status(g, st))
        self._start_lt(task)

    def _start_lt(self, task) -> None:
        from ui.qt import QThreadPool

        self._lt_tasks.append(task)
        task.signals.status.connect(lambda *_a, t=task: self._lt_done(t))
        task.signals.findings.connect(lambda *_a, t=task: self._lt_done(t))
        task.signals.failed.connect(lambda tb, t=task: (self._lt_done(t), self.statusBar()
                                    .showMessage(tb.strip().splitlines()[-1], 8000)))
        QThreadPool.globalInstance().start(task)

    def _lt_done(self, task) -> None:
        if task in self._lt_tasks:
            self._lt_tasks.remove(task)

    def _on_lt_status(self, grammar, st) -> None:
        if grammar is self.grammar:  # not the answer for settings replaced meanwhile
            self.status_lt.show_status(st)

    def fetch_grammar(self, d: Draft) -> None:
        """After the draft's own check: LanguageTool's findings, in the background."""
        from ui.languagetool_status import GrammarTask

        g = self.grammar
        if g is None or g.source.kind == "none" or not d.checked or d.document is None:
            return
        task = GrammarTask(g, d.original, d)
        task.signals.findings.connect(
            lambda draft, found, st, g=g: self._on_grammar_findings(g, draft, found, st))
        self._start_lt(task)

    def _on_grammar_findings(self, grammar, d: Draft, found: list, st) -> None:
        from ui.languagetool_status import new_findings

        self._on_lt_status(grammar, st)
        if d not in self.drafts.drafts or not d.checked or grammar is not self.grammar:
            return  # closed, reloaded or other settings meanwhile
        fresh = new_findings(d.findings, found, self.config)
        if fresh and d.add_findings(fresh):
            self.statusBar().showMessage(
                self.tr("LanguageTool: %n more finding(s)", "", len(fresh)), 5000)

    def apply_settings(self) -> None:
        """New rules, dictionary and font from the settings; they apply to the next check."""
        self.config = self.settings.engine_config()
        self.checker = Checker(self.config)
        self.desks = DeskCheckers(self.config, default=self.checker)
        self.lang = self.settings.report_lang
        self.detail.lang = self.lang
        for d in self.drafts.drafts:
            d.checker = self._checker_for(d.path)
            d.editor = self.settings.editor_name or None
        self._apply_font()
        self._reset_grammar()
        for d in self.drafts.drafts:  # a server set just now: fetch for the open drafts too
            self.fetch_grammar(d)

    def _check_in_background(self, paths: Path | Sequence[Path]) -> None:
        from ui.workers import CheckWorker

        worker = CheckWorker([paths] if isinstance(paths, Path) else paths, self.config)
        worker.signals.started.connect(lambda n: self._on_folder_progress(0, n, ""))
        worker.signals.progress.connect(self._on_folder_progress)
        worker.signals.result.connect(self._on_folder_result)
        worker.signals.failed.connect(
            lambda tb: self.statusBar().showMessage(tb.strip().splitlines()[-1], 8000))
        worker.signals.finished.connect(
            lambda cancelled, w=worker: self._on_folder_finished(w, cancelled))
        self._folder_workers.append(worker)
        self.folder_progress.setRange(0, 0)
        self.folder_progress.show()
        self.folder_cancel.show()
        worker.start()

    def _on_folder_progress(self, done: int, total: int, _path: str) -> None:
        self.folder_progress.setRange(0, max(total, 1))
        self.folder_progress.setValue(done)

    def _on_folder_result(self, result, path: str) -> None:
        d = self.drafts.find(Path(path))
        if d is None or d.state != DraftState.UNCHECKED:
            return  # closed meanwhile, or already checked because the editor opened it
        if result.ok:
            d.set_checked(result.document, result.findings)
            if getattr(result, "languagetool", None) is None:  # the batch did not ask it
                self.fetch_grammar(d)
        else:
            d.set_error(result.error or "")

    def _on_folder_finished(self, worker, cancelled: bool) -> None:
        if worker in self._folder_workers:
            self._folder_workers.remove(worker)
        if not self._folder_workers:
            self.folder_progress.hide()
            self.folder_cancel.hide()
        if cancelled:
            self.statusBar().showMessage(self.tr("Folder check cancelled"), 5000)

    def cancel_folder_checks(self) -> None:
        for worker in self._folder_workers:
            worker.cancel()

    # --- help -------------------------------------------------------------------------

    def show_shortcuts(self) -> None:
        rows = []
        for act in (self.act_next, self.act_prev, self.act_accept, self.act_reject, self.act_ignore,
                    self.act_accept_rule, self.act_accept_safe, self.act_undo, self.act_redo,
                    self.act_open, self.act_open_folder, self.act_save, self.act_export,
                    self.act_find):
            keys = " / ".join(k.toString(QKeySequence.SequenceFormat.NativeText)
                              for k in act.shortcuts())
            rows.append(f"<tr><td>{act.text().replace('&', '')}</td>"
                        f"<td style='padding-left:16px'><b>{keys}</b></td></tr>")
        QMessageBox.information(self, self.tr("Keyboard Shortcuts"),
                                "<table>" + "".join(rows) + "</table>")

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Proofreader"),
                          self.tr("Proofreader — a proofing tool for Chinese newspaper copy."))

    # --- status -----------------------------------------------------------------------

    def _on_cursor_moved(self, line: int, col: int) -> None:
        self.status_position.setText(self.tr("Ln %d, Col %d") % (line, col))

    def _update_status(self) -> None:
        d = self.draft
        if d is None or d.document is None:
            self.status_encoding.setText("")
            self.status_counts.setText("")
            return
        nl = {"\r\n": "CRLF", "\r": "CR"}.get(d.document.newline, "LF")
        self.status_encoding.setText(f"{d.document.encoding.upper()} · {nl}")
        by_cat: dict[str, int] = {}
        for i in d.items:
            if i.status == Status.PENDING:
                by_cat[i.finding.category] = by_cat.get(i.finding.category, 0) + 1
        from ui.highlight import category_color

        ranked = sorted(by_cat.items(), key=lambda kv: -kv[1])
        parts = [f"<span style='color:{category_color(c).name()}'>●</span> "
                 f"{category_label(c)} {n}" for c, n in ranked]
        counts = d.counts()
        summary = self.tr("%d pending · %d accepted") % (counts[Status.PENDING],
                                                         counts[Status.ACCEPTED])
        self.status_counts.setText("&nbsp;&nbsp;".join([*parts, summary]))

    def _update_actions(self) -> None:
        d = self.draft
        checked = d is not None and d.checked
        has_item = checked and self.current is not None
        for act in (self.act_accept, self.act_reject, self.act_ignore, self.act_add_word):
            act.setEnabled(has_item)
        self.act_accept_rule.setEnabled(has_item)
        for act in (self.act_next, self.act_prev, self.act_accept_safe, self.act_save,
                    self.act_save_as, self.act_overwrite, self.act_export, self.act_print):
            act.setEnabled(checked)
        self.act_close_draft.setEnabled(self.draft_view.currentIndex().isValid())

    # --- closing ----------------------------------------------------------------------

    def _confirm_discard(self, drafts: list[Draft]) -> bool:
        names = ", ".join(d.name for d in drafts[:5])
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Unsaved Corrections"))
        box.setText(self.tr("Save the corrected text of %s?") % names)
        box.setInformativeText(self.tr("Your decisions are kept in the review file either way; "
                                       "the corrected text is not written until you save."))
        box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                               | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Cancel:
            return False
        if answer == QMessageBox.StandardButton.Save:
            return all(self._save_to(d, corrected_path(d.path), False) for d in drafts if d.path)
        return True

    def _splitters(self) -> dict[str, QSplitter]:
        return {"main": self.main_split, "center": self.center, "bottom": self.bottom,
                "panes": self.review.splitter}

    def _save_layout(self) -> None:
        """Splitter positions (saveState() covers only toolbars and docks)."""
        q = getattr(self.settings, "q", None)
        if q is None:
            return
        for name, splitter in self._splitters().items():
            q.setValue(f"layout/{name}", splitter.saveState())
        q.setValue("layout/findings_header", self.tree.header().saveState())

    def _restore_layout(self) -> None:
        q = getattr(self.settings, "q", None)
        if q is None:
            return
        for name, splitter in self._splitters().items():
            state = q.value(f"layout/{name}")
            if state is not None:
                splitter.restoreState(state)
        state = q.value("layout/findings_header")
        if state is not None:
            self.tree.header().restoreState(state)

    def closeEvent(self, e: QCloseEvent) -> None:
        unsaved = [d for d in self.drafts.drafts if d.modified]
        if unsaved and not self._confirm_discard(unsaved):
            e.ignore()
            return
        if self.settings is not None and hasattr(self.settings, "save_window"):
            self.settings.save_window(self.saveGeometry(), self.saveState())
        self._save_layout()
        self.cancel_folder_checks()
        e.accept()
