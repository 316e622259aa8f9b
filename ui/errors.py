"""Unexpected exceptions: log them to a file and show a dialog; the app keeps running.

`install()` replaces sys.excepthook (and threading.excepthook). PySide6 routes exceptions
raised inside slots and event handlers through sys.excepthook, so one hook sees them all.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from ui.qt import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QStandardPaths,
    QStyle,
    Qt,
    QThread,
    QTimer,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger("proofreader.ui")

LOG_NAME = "proofreader.log"
MAX_OPEN_DIALOGS = 3  # an exception in a paint loop must not bury the screen in dialogs


def default_log_path() -> Path:
    """~/.local/share/proofreader/proofreader.log on Linux (AppData\\Local on Windows)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    return (Path(base) / "proofreader" if base else Path.home() / ".proofreader") / LOG_NAME


class ErrorDialog(QDialog):
    """Says what happened in one line, with the traceback under "Details"."""

    def __init__(self, summary: str, details: str, log_path: Path | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unexpected error"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)

        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
                       .pixmap(32, 32))
        head = QLabel(self.tr("Something went wrong. Your review decisions are saved as you "
                              "make them, so you can carry on working."))
        head.setWordWrap(True)
        self.summary_label = QLabel(summary)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bold = QFont(self.summary_label.font())
        bold.setBold(True)
        self.summary_label.setFont(bold)
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.addWidget(head)
        text.addWidget(self.summary_label)
        if log_path is not None:
            where = QLabel(self.tr("Details were written to %1").replace("%1", str(log_path)))
            where.setWordWrap(True)
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            where.setEnabled(False)  # greyed: secondary information
            text.addWidget(where)
        top = QHBoxLayout()
        top.setSpacing(14)
        top.addWidget(icon)
        top.addLayout(text, 1)
        layout.addLayout(top)

        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setMinimumHeight(180)
        self.details.setVisible(False)
        layout.addWidget(self.details, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.details_button = buttons.addButton(self.tr("Show details"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._toggle_details)
        copy = buttons.addButton(self.tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def _toggle_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_button.setText(self.tr("Hide details") if shown else self.tr("Show details"))
        self.adjustSize()


class ExceptionHandler:
    """The installed hook. Keeps the open dialogs alive and counts them."""

    def __init__(self, log_path: Path | None = None) -> None:
        self.log_path = log_path if log_path is not None else default_log_path()
        self.dialogs: list[ErrorDialog] = []
        self.handled = 0
        self._previous = sys.excepthook
        self._previous_thread = threading.excepthook
        self._handler: logging.Handler | None = None
        self._setup_log()

    def _setup_log(self) -> None:
        try:
            self.log_path.parent.mkdir(parents=True, exist_ok=True)
            self._handler = RotatingFileHandler(self.log_path, maxBytes=1_000_000,
                                                backupCount=2, encoding="utf-8")
        except OSError:
            self._handler = None  # a read-only home must not stop the app
            return
        self._handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        log.addHandler(self._handler)
        log.setLevel(logging.INFO)

    def install(self) -> ExceptionHandler:
        sys.excepthook = self
        threading.excepthook = self._thread_hook
        return self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous
        threading.excepthook = self._previous_thread
        if self._handler is not None:
            log.removeHandler(self._handler)
            self._handler.close()
            self._handler = None
        for d in list(self.dialogs):
            if _alive(d):
                d.close()
        self.dialogs.clear()

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        self(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)

    def __call__(self, exc_type: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous(exc_type, exc, tb)
            return
        self.handled += 1
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("unexpected exception\n%s", details)
        if self._handler is not None:
            self._handler.flush()
        summary = f"{exc_type.__name__}: {exc}" if str(exc) else exc_type.__name__
        app = QApplication.instance()
        if app is None:
            self._previous(exc_type, exc, tb)
            return
        if QThread.currentThread() is not app.thread():
            # Widgets belong to the GUI thread: hand the dialog over to it.
            QTimer.singleShot(0, app, lambda: self.show_dialog(summary, details))
        else:
            self.show_dialog(summary, details)

    def show_dialog(self, summary: str, details: str) -> ErrorDialog | None:
        self.dialogs = [d for d in self.dialogs if _alive(d)]
        if len(self.dialogs) >= MAX_OPEN_DIALOGS:
            return None
        parent = QApplication.activeWindow()
        dialog = ErrorDialog(summary, details, self.log_path if self._handler else None, parent)
        dialog.finished.connect(lambda _r, d=dialog: self._forget(d))
        self.dialogs.append(dialog)
        # Modeless: never start a nested event loop from inside a failing slot.
        dialog.show()
        dialog.raise_()
        return dialog

    def _forget(self, dialog: ErrorDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)


def _alive(widget: QWidget) -> bool:
    try:
        widget.isVisible()
    except RuntimeError:  # the C++ object was deleted (WA_DeleteOnClose)
        return False
    return True


def install(log_path: Path | None = None) -> ExceptionHandler:
    """Install the hook for the running app; returns it so tests and app.py can keep it."""
    return ExceptionHandler(log_path).install()
