"""ui.settings against a real QSettings .ini in a temp folder (never the user's own)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from proofreader.config import Config
from proofreader.engine import Checker
from proofreader.model import Category, Finding, Severity
from proofreader.rules.base import CheckContext, Rule
from ui.qt import QByteArray, QDialog, QDialogButtonBox, QSettings, Qt
from ui.settings import MAX_RECENT, Settings, engine_config, read_word_file
from ui.settings_dialog import SettingsDialog


@pytest.fixture
def settings(tmp_path: Path, qapp) -> Settings:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    return Settings()


def reopen(s: Settings) -> Settings:
    s.sync()
    return Settings()


def test_lives_in_the_temp_folder(settings: Settings, tmp_path: Path) -> None:
    assert settings.config_dir == (tmp_path / "proofreader").resolve()


def test_defaults(settings: Settings) -> None:
    assert settings.language == "zh_CN"
    assert settings.report_lang == "zh"
    assert settings.font_size == 14
    assert settings.editor_name == ""
    assert settings.recent_files() == []
    assert settings.allowed_words == []
    assert settings.rule_states() == {}
    assert settings.window_geometry() is None


def test_values_survive_a_new_instance(settings: Settings) -> None:
    settings.editor_name = "  王校对 "
    settings.font_size = 18
    settings.language = "en"
    settings.set_rule_enabled("duplicate-char", False)
    settings.set_severity("quote-unbalanced", Severity.WARNING)
    again = reopen(settings)
    assert again.editor_name == "王校对"
    assert again.font_size == 18
    assert again.language == "en"
    assert again.report_lang == "en"
    assert again.rule_states() == {"duplicate-char": False}
    assert again.severity_overrides() == {"quote-unbalanced": Severity.WARNING}
    again.set_rule_enabled("duplicate-char", None)
    again.set_severity("quote-unbalanced", None)
    assert again.rule_states() == {} and again.severity_overrides() == {}


def test_bad_values_fall_back(settings: Settings) -> None:
    with pytest.raises(ValueError):
        settings.language = "fr"
    settings.q.setValue("view/language", "xx")
    settings.q.setValue("severity/x", "fatal")
    settings.font_size = 500
    assert settings.language == "zh_CN"
    assert settings.severity_overrides() == {}
    assert settings.font_size == 32


def test_recent_files_newest_first_capped_and_unique(settings: Settings, tmp_path: Path) -> None:
    paths = [tmp_path / f"稿件{i}.txt" for i in range(MAX_RECENT + 3)]
    for p in paths:
        p.write_text("x", encoding="utf-8")
        settings.add_recent_file(p)
    settings.add_recent_file(paths[5])
    recent = reopen(settings).recent_files()
    assert len(recent) == MAX_RECENT
    assert recent[0] == str(paths[5].resolve())
    assert recent[1] == str(paths[-1].resolve())
    assert len(set(recent)) == MAX_RECENT
    paths[-1].unlink()
    assert str(paths[-1].resolve()) not in settings.recent_files(existing_only=True)
    settings.clear_recent_files()
    assert settings.recent_files() == []


def test_single_recent_file_reads_back_as_a_list(settings: Settings, tmp_path: Path) -> None:
    settings.add_recent_file(tmp_path / "一.txt")
    assert reopen(settings).recent_files() == [str((tmp_path / "一.txt").resolve())]


def test_last_folder(settings: Settings, tmp_path: Path) -> None:
    draft = tmp_path / "drafts" / "a.txt"
    draft.parent.mkdir()
    draft.write_text("x", encoding="utf-8")
    settings.last_folder = draft  # a file names its folder
    assert reopen(settings).last_folder == str(draft.parent)
    settings.q.setValue("files/last_folder", str(tmp_path / "gone"))
    assert settings.last_folder == str(Path.home())


def test_window_geometry_round_trip(settings: Settings) -> None:
    settings.save_window(QByteArray(b"\x01\x02geometry"), QByteArray(b"state"))
    again = reopen(settings)
    assert bytes(again.window_geometry().data()) == b"\x01\x02geometry"
    assert bytes(again.window_state().data()) == b"state"


def test_user_dictionary_is_plain_utf8_files(settings: Settings) -> None:
    settings.allowed_words = ["在在", " 不了了之 ", "在在", ""]
    settings.proper_names = ["乾隆", "蔣經國"]
    allowed = settings.allowed_words_path
    assert allowed.parent == settings.config_dir
    text = allowed.read_text(encoding="utf-8")
    assert text.startswith("#") and text.endswith("在在\n不了了之\n")
    assert settings.allowed_words == ["在在", "不了了之"]
    assert reopen(settings).proper_names == ["乾隆", "蔣經國"]
    assert settings.add_allowed_word("洋洋洒洒") is True
    assert settings.add_allowed_word("洋洋洒洒") is False
    assert read_word_file(allowed)[-1] == "洋洋洒洒"
    assert not list(settings.config_dir.glob("*.tmp"))


def test_hand_edited_dictionary_with_bom_and_comments(settings: Settings) -> None:
    settings.config_dir.mkdir(parents=True, exist_ok=True)
    settings.proper_names_path.write_bytes(
        "\ufeff# 人名\n乾隆  # 清朝\n\n  嚴復\r\n".encode()
    )
    assert settings.proper_names == ["乾隆", "嚴復"]


class _Doubled(Rule):
    """A tiny real rule for the test: flags 在在."""

    id = "test-doubled"
    category = Category.DUPLICATE
    name = "重复"
    name_en = "Doubled"
    description = "测试用。"
    examples = ()

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        start = ctx.text.find("在在")
        if start >= 0:
            yield self.finding(ctx, start, 2, "重复的字“在在”", ["在"])


class _OffByDefault(_Doubled):
    id = "test-off"
    enabled_by_default = False


def test_engine_config_reflects_settings(settings: Settings) -> None:
    settings.set_rule_enabled("punctuation-halfwidth", False)
    settings.set_severity("test-doubled", "info")
    settings.allowed_words = ["不了了之"]
    settings.proper_names = ["乾隆"]
    settings.language = "en"
    cfg = engine_config(settings, rules=[_Doubled, _OffByDefault])
    assert isinstance(cfg, Config)
    assert "punctuation-halfwidth" in cfg.ignore
    assert cfg.select == set()  # nothing off-by-default was switched on
    assert cfg.severity == {"test-doubled": Severity.INFO}
    assert cfg.allowed_words == {"不了了之"} and cfg.proper_names == {"乾隆"}
    assert cfg.lang == "en"
    found = Checker(cfg, rules=[_Doubled]).check_text("我们在在这里。")
    assert [(f.rule, f.severity) for f in found] == [("test-doubled", Severity.INFO)]


def test_engine_config_switches_on_a_default_off_rule(settings: Settings) -> None:
    settings.set_rule_enabled("test-off", True)
    cfg = engine_config(settings, rules=[_Doubled, _OffByDefault])
    assert cfg.select == {"test-doubled", "test-off"}
    checker = Checker(cfg, rules=[_Doubled, _OffByDefault])
    assert [r.id for r in checker.rules] == ["test-doubled", "test-off"]


def test_allowed_words_silence_the_engine(settings: Settings) -> None:
    settings.allowed_words = ["在在"]
    cfg = settings.engine_config()
    assert Checker(cfg, rules=[_Doubled]).check_text("我们在在这里。") == []


# --- the dialog ------------------------------------------------------------------------


@pytest.fixture
def dialog(settings: Settings, qtbot) -> SettingsDialog:
    settings.editor_name = "李编辑"
    settings.allowed_words = ["不了了之"]
    d = SettingsDialog(settings, rules=[_Doubled, _OffByDefault])
    qtbot.addWidget(d)
    return d


def test_dialog_shows_the_stored_values(dialog: SettingsDialog) -> None:
    assert dialog.editor_name.text() == "李编辑"
    assert dialog.language.currentData() == "zh_CN"
    assert dialog.font_size.value() == 14
    assert dialog.allowed_words.toPlainText() == "不了了之"
    on = [dialog.rule_table.item(r, 0).checkState() for r in range(2)]
    assert on == [Qt.CheckState.Checked, Qt.CheckState.Unchecked]
    assert dialog.rule_table.item(0, 1).toolTip().startswith("test-doubled")


def test_dialog_ok_writes_everything(dialog: SettingsDialog, settings: Settings, qtbot) -> None:
    dialog.editor_name.setText("张三")
    dialog.font_size.setValue(20)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.rule_table.item(0, 0).setCheckState(Qt.CheckState.Unchecked)
    dialog.rule_table.item(1, 0).setCheckState(Qt.CheckState.Checked)
    box = dialog.severity_boxes[0]
    box.setCurrentIndex(box.findData("warning"))
    dialog.allowed_words.setPlainText("不了了之\n在在\n")
    dialog.proper_names.setPlainText("乾隆")
    with qtbot.waitSignal(dialog.applied):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    again = reopen(settings)
    assert again.editor_name == "张三" and again.font_size == 20 and again.language == "en"
    assert again.rule_states() == {"test-doubled": False, "test-off": True}
    assert again.severity_overrides() == {"test-doubled": Severity.WARNING}
    assert again.allowed_words == ["不了了之", "在在"]
    assert again.proper_names == ["乾隆"]


def test_dialog_cancel_writes_nothing(dialog: SettingsDialog, settings: Settings) -> None:
    dialog.editor_name.setText("不要保存")
    dialog.rule_table.item(0, 0).setCheckState(Qt.CheckState.Unchecked)
    dialog.reject()
    assert settings.editor_name == "李编辑"
    assert settings.rule_states() == {}


def test_dialog_restore_defaults_and_filter(dialog: SettingsDialog, settings: Settings) -> None:
    dialog._set_all_rules(True)
    dialog._restore_rule_defaults()
    dialog.apply()
    assert settings.rule_states() == {}  # defaults are not stored
    dialog.rule_filter.setText("test-off")
    assert [dialog.rule_table.isRowHidden(r) for r in range(2)] == [True, False]
    dialog.rule_filter.clear()
    assert not any(dialog.rule_table.isRowHidden(r) for r in range(2))


def test_dialog_lists_every_real_rule(settings: Settings, qtbot) -> None:
    from proofreader.rules import ALL_RULES

    d = SettingsDialog(settings)
    qtbot.addWidget(d)
    assert d.rule_table.rowCount() == len(ALL_RULES)


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_main_window_applies_new_settings(settings: Settings, qtbot) -> None:
    from ui.mainwindow import MainWindow

    w = MainWindow(settings=settings)
    qtbot.addWidget(w)
    assert "在在" not in w.checker.config.allowed_words
    settings.allowed_words = ["在在"]
    settings.editor_name = "赵六"
    settings.language = "en"
    w.apply_settings()
    assert "在在" in w.checker.config.allowed_words
    assert w.lang == "en"
    assert all(f.rule != "duplicate-char" for f in w.checker.check_text("我们在在这里。"))


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_add_to_dictionary_reaches_the_checker(settings: Settings, qtbot, sample_page) -> None:
    from ui.mainwindow import MainWindow

    w = MainWindow(settings=settings)
    qtbot.addWidget(w)
    w.show()
    w.open_paths([sample_page])
    trad = next(i for i in w.draft.items if i.finding.rule == "traditional-char")
    word = trad.finding.text_in(w.draft.original)
    w.select_item(trad)
    w.ignore_and_add_to_dictionary()
    assert word in settings.allowed_words
    assert word in w.checker.config.allowed_words and w.draft.checker is w.checker
    w.draft.undo_stack.setClean()
