"""ui.i18n and the zh_CN catalogue: complete, compiled, loaded, and used by the menus."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from ui.i18n import install_translator, qm_path, remove_translators, ts_path
from ui.qt import QAction, QCoreApplication, QMenu, QSettings

BIN = Path(sys.executable).parent
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def zh(qapp) -> Iterator[None]:
    assert install_translator(qapp, "zh_CN")
    yield
    remove_translators(qapp)


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [(ctx.findtext("name") or "", m.findtext("source") or "", m)
            for ctx in root.iter("context") for m in ctx.iter("message")]


def test_catalogue_is_complete() -> None:
    unfinished = [
        (ctx, src) for ctx, src, m in _messages(ts_path("zh_CN"))
        if m.find("translation").get("type") is not None
        or not ("".join(m.find("translation").itertext()).strip())
    ]
    assert unfinished == []
    assert not any(ctx == "" for ctx, _, _ in _messages(ts_path("zh_CN")))


def test_format_placeholders_survive_translation() -> None:
    for ctx, src, m in _messages(ts_path("zh_CN")):
        text = "".join(m.find("translation").itertext())
        for mark in ("%s", "%d", "%1", "%n"):
            assert src.count(mark) == text.count(mark), (ctx, src, text)


@pytest.mark.skipif(not (BIN / "pyside6-lupdate").exists(), reason="needs pyside6-lupdate")
def test_catalogue_covers_every_ui_string(tmp_path: Path) -> None:
    """Every tr() string in ui/*.py is in the committed .ts (run tools/update_translations.py)."""
    root = Path(__file__).resolve().parents[2]
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (root / "ui").glob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-ts", str(fresh), "-silent"],
                   check=True, cwd=root)
    committed = {(ctx, src) for ctx, src, _ in _messages(ts_path("zh_CN"))}
    found = {src for _, src, _ in _messages(fresh)}
    missing = sorted(found - {src for _, src in committed})
    assert missing == [], "run: .venv/bin/python tools/update_translations.py"
    # what lupdate's parser misses (self.tr inside f-strings, `tr = self.tr`), by context
    tool = _tool()
    scanned = {(ctx, src) for p in sorted((root / "ui").glob("*.py"))
               for ctx, src, _line, _n in tool.source_strings(p)}
    assert sorted(scanned - committed) == [], "run: .venv/bin/python tools/update_translations.py"


def _tool():
    import importlib.util

    path = Path(__file__).resolve().parents[2] / "tools" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_scanner_finds_what_lupdate_misses(tmp_path: Path) -> None:
    src = tmp_path / "w.py"
    src.write_text(
        "from x import QCoreApplication\n"
        "class Pane:\n"
        "    def f(self):\n"
        "        tr = self.tr\n"
        "        a = tr('Alias')\n"
        "        b = f\"<b>{self.tr('Inside')}</b>\"\n"
        "        c = self.tr('%n item(s)', '', 3)\n"
        "def g():\n"
        "    return QCoreApplication.translate('Ctx', 'Free')\n",
        encoding="utf-8")
    got = {(c, s, n) for c, s, _line, n in _tool().source_strings(src)}
    assert got == {("Pane", "Alias", False), ("Pane", "Inside", False),
                   ("Pane", "%n item(s)", True), ("Ctx", "Free", False)}


@pytest.mark.skipif(not (BIN / "pyside6-lrelease").exists(), reason="needs pyside6-lrelease")
def test_committed_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    out = tmp_path / "check.qm"
    subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(ts_path("zh_CN")),
                    "-qm", str(out)], check=True)
    assert out.read_bytes() == qm_path("zh_CN").read_bytes()


def test_zh_cn_and_english(qapp) -> None:
    try:
        assert install_translator(qapp, "zh_CN")
        assert QCoreApplication.translate("SettingsDialog", "Settings") == "设置"
        assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
        # Qt's own strings (standard buttons) come from Qt's catalogue
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
        assert install_translator(qapp, "en")
        assert QCoreApplication.translate("SettingsDialog", "Settings") == "Settings"
    finally:
        remove_translators(qapp)
    assert QCoreApplication.translate("SettingsDialog", "Settings") == "Settings"


def test_numerus_form(zh) -> None:
    text = QCoreApplication.translate("ExportDialog", "All open drafts (%n)", "", 3)
    assert text == "全部已打开的稿件（3 篇）"


def _actions(menu: QMenu) -> Iterator[QAction]:
    for act in menu.actions():
        if act.isSeparator():
            continue
        sub = act.menu()
        if sub is not None and sub.objectName() == "recentMenu":
            yield act  # its entries are file names
        elif sub is not None:
            yield act
            yield from _actions(sub)
        else:
            yield act


def test_main_window_menus_are_chinese(zh, qtbot, tmp_path: Path) -> None:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    from ui.mainwindow import MainWindow
    from ui.settings import Settings

    window = MainWindow(settings=Settings())
    qtbot.addWidget(window)
    texts = [m.title() for m in window.menuBar().findChildren(QMenu)
             if m.parent() is window.menuBar()]
    for menu in window.menuBar().findChildren(QMenu):
        if menu.parent() is window.menuBar():
            texts += [a.text() for a in _actions(menu) if a.isVisible()]
    assert texts
    english = [t for t in texts if not CJK.search(t)]
    assert english == []


def test_settings_dialog_in_chinese(zh, qtbot, tmp_path: Path) -> None:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    from ui.settings import Settings
    from ui.settings_dialog import SettingsDialog

    d = SettingsDialog(Settings())
    qtbot.addWidget(d)
    assert d.windowTitle() == "设置"
    assert [d.tabs.tabText(i) for i in range(d.tabs.count())] == ["常规", "规则", "词典"]
