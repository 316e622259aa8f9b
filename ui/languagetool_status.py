"""LanguageTool in the window: its state in the status bar, grammar findings fetched off-thread.

`proofreader.languagetool.client` does the work and never raises for a network problem;
both of its calls block (a request bounded by the configured timeout), so they run on
Qt's thread pool and report back through signals, which Qt delivers in the GUI thread.
"""

from __future__ import annotations

import contextlib
import traceback

from proofreader.config import Config
from proofreader.languagetool.client import GrammarChecker, LanguageToolStatus
from proofreader.model import Finding
from ui.qt import QLabel, QObject, QRunnable, Qt, Signal


class _Signals(QObject):
    status = Signal(object)  # LanguageToolStatus
    findings = Signal(object, object, object)  # key, list[Finding], LanguageToolStatus
    failed = Signal(str)


def _emit(signal, *args: object) -> None:
    with contextlib.suppress(RuntimeError):  # the window closed while the request ran
        signal.emit(*args)


class ProbeTask(QRunnable):
    """Ask the server once whether it answers (`GrammarChecker.probe`)."""

    def __init__(self, grammar: GrammarChecker) -> None:
        super().__init__()
        self.grammar = grammar
        self.signals = _Signals()
        self.setAutoDelete(False)  # the owner keeps the wrapper (and its signals) alive

    def run(self) -> None:
        try:
            _emit(self.signals.status, self.grammar.probe())
        except Exception:
            _emit(self.signals.failed, traceback.format_exc())


class GrammarTask(QRunnable):
    """LanguageTool's findings for one text; `key` says which draft asked."""

    def __init__(self, grammar: GrammarChecker, text: str, key: object) -> None:
        super().__init__()
        self.grammar = grammar
        self.text = text
        self.key = key
        self.signals = _Signals()
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            found, state = self.grammar.check(self.text)
            _emit(self.signals.findings, self.key, found, state)
        except Exception:
            _emit(self.signals.failed, traceback.format_exc())


def new_findings(ours: list[Finding], theirs: list[Finding], config: Config) -> list[Finding]:
    """LanguageTool's findings the draft does not have: none overlapping one of ours (ours are
    tuned for newspaper copy) and none already there from an earlier fetch."""
    from proofreader.languagetool.client import merge

    have = {f.key for f in ours}
    kept = {id(f) for f in merge(ours, theirs, config)}
    return [f for f in theirs if id(f) in kept and f.key not in have]


class LanguageToolLabel(QLabel):
    """已连接 / 未配置 / 无法连接, with the reason as tooltip; a click opens the settings."""

    clicked = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.state: str | None = None
        self.show_checking()

    def show_checking(self) -> None:
        self.state = None
        self._show("#9aa0a6", self.tr("LanguageTool: checking…"), "")

    def show_status(self, st: LanguageToolStatus) -> None:
        self.state = st.state
        if st.state == "connected":
            self._show("#2e9d5b", self.tr("LanguageTool: connected"), st.url or "")
        elif st.state == "not-configured":
            self._show("#9aa0a6", self.tr("LanguageTool: not configured"), st.detail)
        else:
            reason = f"{st.url}: {st.detail}" if st.url else st.detail
            self._show("#c0392b", self.tr("LanguageTool: unreachable"), reason)

    def _show(self, colour: str, text: str, reason: str) -> None:
        self.setText(f"<span style='color:{colour}'>●</span> {text}")
        hint = self.tr("Click to set the LanguageTool server")
        self.setToolTip(f"{reason}\n{hint}" if reason else hint)

    def mouseReleaseEvent(self, e) -> None:  # e: QMouseEvent
        super().mouseReleaseEvent(e)
        if e.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
