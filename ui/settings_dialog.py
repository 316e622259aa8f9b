"""The Settings dialog: editor name, font size, UI language, rules, the user dictionary."""

from __future__ import annotations

from collections.abc import Sequence

from proofreader.model import Severity
from proofreader.rules.base import Rule
from ui.highlight import category_label
from ui.qt import (
    QAbstractItemView,
    QComboBox,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.settings import FONT_SIZES, Settings


def severity_label(severity: Severity | str) -> str:
    labels = {
        Severity.ERROR: QCoreApplication.translate("Severity", "Error"),
        Severity.WARNING: QCoreApplication.translate("Severity", "Warning"),
        Severity.INFO: QCoreApplication.translate("Severity", "Info"),
    }
    return labels.get(Severity(severity), str(severity))


class SettingsDialog(QDialog):
    """Edits a Settings object; nothing is written until OK (or Apply) is pressed."""

    applied = Signal()  # after the settings were written

    COL_ON, COL_NAME, COL_CATEGORY, COL_SEVERITY = range(4)

    def __init__(self, settings: Settings, parent: QWidget | None = None,
                 rules: Sequence[type[Rule]] | None = None) -> None:
        super().__init__(parent)
        if rules is None:
            from proofreader.rules import ALL_RULES

            rules = ALL_RULES
        self.settings = settings
        self.rules = list(rules)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumSize(640, 480)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._general_tab(), self.tr("General"))
        self.tabs.addTab(self._rules_tab(), self.tr("Rules"))
        self.tabs.addTab(self._dictionary_tab(), self.tr("Dictionary"))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self.load()

    # --- tabs --------------------------------------------------------------------------

    def _general_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)

        you = QGroupBox(self.tr("Editor"))
        form = QFormLayout(you)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.editor_name = QLineEdit()
        self.editor_name.setPlaceholderText(self.tr("Shown in exported reports"))
        form.addRow(self.tr("Editor name:"), self.editor_name)
        layout.addWidget(you)

        display = QGroupBox(self.tr("Display"))
        form = QFormLayout(display)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.font_size = QSpinBox()
        self.font_size.setRange(*FONT_SIZES)
        self.font_size.setSuffix(self.tr(" pt"))
        self.font_size.setMinimumWidth(90)
        form.addRow(self.tr("Text font size:"), self.font_size)
        self.language = QComboBox()
        # Each language is named in itself, so an editor can always find their own.
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setMinimumWidth(140)
        form.addRow(self.tr("Interface language:"), self.language)
        note = QLabel(self.tr("A new interface language takes effect when the application "
                              "is restarted."))
        note.setEnabled(False)  # greyed: a hint, not a setting
        form.addRow("", note)
        layout.addWidget(display)

        lt = QGroupBox(self.tr("LanguageTool (grammar checks)"))
        form = QFormLayout(lt)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.languagetool_url = QLineEdit()
        self.languagetool_url.setPlaceholderText("http://127.0.0.1:8010")
        self.languagetool_url.setToolTip(self.tr("A LanguageTool server (a newsroom's own, or "
                                                 "one on this computer); empty: none"))
        form.addRow(self.tr("Server URL:"), self.languagetool_url)
        self.languagetool_timeout = QSpinBox()
        self.languagetool_timeout.setRange(1, 120)
        self.languagetool_timeout.setSuffix(self.tr(" s"))
        form.addRow(self.tr("Timeout:"), self.languagetool_timeout)
        layout.addWidget(lt)
        layout.addStretch(1)
        return page

    def _rules_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(self.tr("Choose which checks run and how serious their findings are. "
                               "Changes apply to the next check."))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.rule_filter = QLineEdit()
        self.rule_filter.setPlaceholderText(self.tr("Filter rules"))
        self.rule_filter.setClearButtonEnabled(True)
        self.rule_filter.textChanged.connect(self._filter_rules)
        layout.addWidget(self.rule_filter)

        self.rule_table = QTableWidget(len(self.rules), 4)
        self.rule_table.setHorizontalHeaderLabels(
            [self.tr("On"), self.tr("Rule"), self.tr("Category"), self.tr("Severity")]
        )
        self.rule_table.verticalHeader().setVisible(False)
        self.rule_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rule_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rule_table.setAlternatingRowColors(True)
        header = self.rule_table.horizontalHeader()
        header.setSectionResizeMode(self.COL_ON, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.COL_CATEGORY, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COL_SEVERITY, QHeaderView.ResizeMode.ResizeToContents)
        english = self.settings.language == "en"
        self.severity_boxes: list[QComboBox] = []
        for row, rule in enumerate(self.rules):
            on = QTableWidgetItem()
            on.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                        | Qt.ItemFlag.ItemIsSelectable)
            on.setData(Qt.ItemDataRole.UserRole, rule.id)
            self.rule_table.setItem(row, self.COL_ON, on)
            name = QTableWidgetItem(rule.name_en if english and rule.name_en else rule.name)
            desc = (rule.description_en or rule.description) if english else rule.description
            name.setToolTip(f"{rule.id}\n\n{desc.strip()}")
            self.rule_table.setItem(row, self.COL_NAME, name)
            self.rule_table.setItem(row, self.COL_CATEGORY,
                                    QTableWidgetItem(category_label(rule.category)))
            box = QComboBox()
            box.addItem(self.tr("Default (%1)").replace("%1", severity_label(rule.severity)), None)
            for sev in Severity:
                box.addItem(severity_label(sev), str(sev))
            self.rule_table.setCellWidget(row, self.COL_SEVERITY, box)
            self.severity_boxes.append(box)
        layout.addWidget(self.rule_table, 1)

        row_buttons = QHBoxLayout()
        all_on = QPushButton(self.tr("Turn all on"))
        all_on.clicked.connect(lambda: self._set_all_rules(True))
        defaults = QPushButton(self.tr("Restore defaults"))
        defaults.clicked.connect(self._restore_rule_defaults)
        row_buttons.addWidget(all_on)
        row_buttons.addWidget(defaults)
        row_buttons.addStretch(1)
        layout.addLayout(row_buttons)
        return page

    def _dictionary_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(self.tr("One entry per line. Allowed words are never flagged; proper "
                               "names (people, places) keep their characters exactly as "
                               "written."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        lists = QHBoxLayout()
        self.allowed_words = QPlainTextEdit()
        self.proper_names = QPlainTextEdit()
        for title, edit, path in (
            (self.tr("Allowed words"), self.allowed_words, self.settings.allowed_words_path),
            (self.tr("Proper names"), self.proper_names, self.settings.proper_names_path),
        ):
            group = QGroupBox(title)
            box = QVBoxLayout(group)
            edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
            edit.setTabChangesFocus(True)
            box.addWidget(edit)
            where = QLabel(str(path))
            where.setToolTip(self.tr("Stored in this file, which you can also edit by hand"))
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            where.setWordWrap(True)
            where.setEnabled(False)
            box.addWidget(where)
            lists.addWidget(group)
        layout.addLayout(lists, 1)
        return page

    # --- settings ↔ widgets ------------------------------------------------------------

    def load(self) -> None:
        s = self.settings
        self.editor_name.setText(s.editor_name)
        self.font_size.setValue(s.font_size)
        self.languagetool_url.setText(s.languagetool_url)
        self.languagetool_timeout.setValue(round(s.languagetool_timeout))
        self.language.setCurrentIndex(max(0, self.language.findData(s.language)))
        states = s.rule_states()
        severities = s.severity_overrides()
        for row, rule in enumerate(self.rules):
            on = states.get(rule.id, rule.enabled_by_default)
            self.rule_table.item(row, self.COL_ON).setCheckState(
                Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
            )
            box = self.severity_boxes[row]
            sev = severities.get(rule.id)
            box.setCurrentIndex(0 if sev is None else max(0, box.findData(str(sev))))
        self.allowed_words.setPlainText("\n".join(s.allowed_words))
        self.proper_names.setPlainText("\n".join(s.proper_names))

    def apply(self) -> None:
        s = self.settings
        s.editor_name = self.editor_name.text()
        s.font_size = self.font_size.value()
        s.languagetool_url = self.languagetool_url.text()
        s.languagetool_timeout = self.languagetool_timeout.value()
        s.language = self.language.currentData()
        for row, rule in enumerate(self.rules):
            on = self.rule_table.item(row, self.COL_ON).checkState() == Qt.CheckState.Checked
            # Store only departures from the default, so a rule's new default reaches editors.
            s.set_rule_enabled(rule.id, None if on == rule.enabled_by_default else on)
            s.set_severity(rule.id, self.severity_boxes[row].currentData())
        s.allowed_words = self.allowed_words.toPlainText().splitlines()
        s.proper_names = self.proper_names.toPlainText().splitlines()
        s.sync()
        self.applied.emit()

    def accept(self) -> None:
        self.apply()
        super().accept()

    def show_languagetool(self) -> None:
        """Open on the LanguageTool server field (the status bar's LanguageTool label)."""
        self.tabs.setCurrentIndex(0)
        self.languagetool_url.setFocus()
        self.languagetool_url.selectAll()

    # --- helpers -----------------------------------------------------------------------

    def _set_all_rules(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for row in range(self.rule_table.rowCount()):
            self.rule_table.item(row, self.COL_ON).setCheckState(state)

    def _restore_rule_defaults(self) -> None:
        for row, rule in enumerate(self.rules):
            self.rule_table.item(row, self.COL_ON).setCheckState(
                Qt.CheckState.Checked if rule.enabled_by_default else Qt.CheckState.Unchecked
            )
            self.severity_boxes[row].setCurrentIndex(0)

    def _filter_rules(self, text: str) -> None:
        needle = text.strip().lower()
        for row, rule in enumerate(self.rules):
            hay = " ".join((rule.id, rule.name, rule.name_en, str(rule.category),
                            category_label(rule.category))).lower()
            self.rule_table.setRowHidden(row, bool(needle) and needle not in hay)
