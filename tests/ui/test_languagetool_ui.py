"""LanguageTool in the window (issue 5): the status bar's state label and grammar findings
fetched in the background, against `proofreader serve` on a free loopback port."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from proofreader.config import Config
from proofreader.languagetool import client
from proofreader.languagetool.server import ProofreaderHTTPServer, serving
from proofreader.model import Status
from ui.mainwindow import MainWindow
from ui.qt import QApplication, QSettings, Qt, QTimer
from ui.settings import Settings
from ui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture(autouse=True)
def _offline(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No LanguageTool from the environment unless a test names one; a fresh answer cache."""
    monkeypatch.delenv(client.ENV_URL, raising=False)
    monkeypatch.delenv(client.ENV_LTP_PATH, raising=False)
    client.clear_cache()
    yield
    client.clear_cache()


@pytest.fixture
def serve() -> Iterator[ProofreaderHTTPServer]:
    with serving(host="127.0.0.1", port=0) as server:
        yield server


def _window(qtbot, config: Config | None = None, settings=None) -> MainWindow:
    w = MainWindow(config=config, settings=settings)
    qtbot.addWidget(w)
    return w


def test_not_configured_and_every_other_check_works(qtbot, sample_page):
    w = _window(qtbot)
    assert w.status_lt.state == "not-configured"
    assert "not configured" in w.status_lt.text()
    assert "PROOFREADER_LANGUAGETOOL_URL" in w.status_lt.toolTip()
    w.open_paths([sample_page])
    assert len(w.draft.items) == 229
    assert not w._lt_tasks  # nothing asked in the background


def test_connected_to_a_server(qtbot, serve):
    w = _window(qtbot, Config(languagetool_url=serve.url))
    qtbot.waitUntil(lambda: w.status_lt.state == "connected")
    assert "connected" in w.status_lt.text()
    assert serve.url.rstrip("/") in w.status_lt.toolTip()


def test_unreachable_server(qtbot):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    w = _window(qtbot, Config(languagetool_url=f"http://127.0.0.1:{port}", languagetool_timeout=2))
    qtbot.waitUntil(lambda: w.status_lt.state == "unreachable")
    assert "unreachable" in w.status_lt.text()
    assert str(port) in w.status_lt.toolTip()


def test_grammar_findings_arrive_in_the_background_and_merge(qtbot, serve, tmp_path):
    # our own duplicate-char rule is off in the window but on in the server: its finding
    # comes back as LanguageTool's, the only one that overlaps none of ours
    page = tmp_path / "draft.txt"
    page.write_text("记者昨天在在平湖采访了当地的农民,他们说今年收成很好。\n", encoding="utf-8")
    cfg = Config(languagetool_url=serve.url)
    cfg.ignore.add("duplicate-char")
    w = _window(qtbot, cfg)
    w.open_paths([page])
    d = w.draft
    assert [i.finding.rule for i in d.items] == ["halfwidth-punct"]  # before LanguageTool
    # accept the comma first: the later finding must still land on the right characters
    w.select_item(d.items[0])
    w.accept()
    with qtbot.waitSignal(d.itemsChanged, timeout=10_000):
        pass
    lt = [i for i in d.items if i.finding.rule.startswith("languagetool:")]
    assert [i.finding.rule for i in lt] == ["languagetool:duplicate-char"]
    assert lt[0].finding.text_in(d.original) == "在在"
    assert lt[0].cursor.selectedText() == "在在"
    assert w.findings.rowCount() >= 2  # the findings panel shows it
    w.select_item(lt[0])
    w.accept()
    assert lt[0].status == Status.ACCEPTED
    assert d.corrected_text() == "记者昨天在平湖采访了当地的农民，他们说今年收成很好。\n"
    assert w.status_lt.state == "connected"
    d.undo_stack.setClean()


def test_the_label_opens_the_settings_on_the_languagetool_field(qtbot, tmp_path, serve):
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    w = _window(qtbot, settings=settings)
    assert w.status_lt.state == "not-configured"
    seen: list[bool] = []

    def set_url() -> None:
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, SettingsDialog)
        seen.append(dlg.tabs.currentIndex() == 0 and dlg.focusWidget() is dlg.languagetool_url)
        dlg.languagetool_url.setText(serve.url)
        dlg.languagetool_timeout.setValue(5)
        dlg.accept()

    QTimer.singleShot(0, lambda: QTimer.singleShot(0, set_url))  # once the dialog is open
    qtbot.mouseClick(w.status_lt, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: seen == [True])
    assert settings.languagetool_url == serve.url.strip()
    assert w.config.languagetool_url == serve.url.strip()
    assert w.config.languagetool_timeout == 5
    qtbot.waitUntil(lambda: w.status_lt.state == "connected")


def test_settings_feed_the_engine_config(tmp_path):
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert settings.engine_config().languagetool_url is None
    assert settings.engine_config().languagetool_timeout == 10
    settings.languagetool_url = " http://lt.example:8010 "
    settings.languagetool_timeout = 500  # clamped
    cfg = settings.engine_config()
    assert cfg.languagetool_url == "http://lt.example:8010"
    assert cfg.languagetool_timeout == 120
