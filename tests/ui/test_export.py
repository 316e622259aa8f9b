"""ui.export: reports through the engine's exporters, PDF through QPrinter, the dialog."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from proofreader.batch import FileResult
from proofreader.document import Document
from proofreader.model import Category, Finding, Severity, Status
from ui.export import (
    ExportDialog,
    available_formats,
    default_report_path,
    export_report,
    printable_html,
    report_document,
    write_pdf,
)
from ui.qt import QSettings
from ui.settings import Settings

TEXT = "我们在在这里工作,今天天气很好。\n"


def _result(folder: Path, name: str = "第一版.txt") -> FileResult:
    path = folder / name
    path.write_text(TEXT, encoding="utf-8")
    doc = Document(TEXT, path=path)
    dup = Finding("duplicate-char", Category.DUPLICATE, Severity.ERROR, 2, 2,
                  "重复的字“在在”", ("在",), message_en="Doubled character")
    comma = Finding("punctuation-halfwidth", Category.PUNCTUATION, Severity.WARNING, 8, 1,
                    "中文里用了半角逗号", ("，",))
    return FileResult(path=name, document=doc, findings=[dup, comma],
                      statuses={dup.key: Status.ACCEPTED, comma.key: Status.REJECTED})


@pytest.fixture
def settings(tmp_path: Path, qapp) -> Settings:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "config"))
    s = Settings()
    s.editor_name = "王校对"
    return s


def test_formats_come_from_the_engine() -> None:
    formats = available_formats()
    assert formats[0] == "html" and {"csv", "json"} <= set(formats)


def test_json_report_has_statuses_and_editor(tmp_path: Path) -> None:
    out = export_report([_result(tmp_path)], "json", tmp_path / "out" / "r.json",
                        lang="zh", editor="王校对")
    report = json.loads(out.read_text(encoding="utf-8"))
    [file] = report["files"]
    assert [(f["rule"], f["status"]) for f in file["findings"]] == [
        ("duplicate-char", "accepted"), ("punctuation-halfwidth", "rejected")]
    assert "王校对" in out.read_text(encoding="utf-8")
    assert not list(out.parent.glob("*.tmp"))


def test_csv_and_html_reports(tmp_path: Path) -> None:
    results = [_result(tmp_path)]
    csv_text = export_report(results, "csv", tmp_path / "r.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(csv_text)))
    assert any("accepted" in row or "已接受" in row for row in rows[1:])
    html = export_report(results, "html", tmp_path / "r.html", editor="王校对",
                         lang="en").read_text(encoding="utf-8")
    assert "王校对" in html and "在在" in html


def test_printable_html_resolves_css_variables() -> None:
    html = ":root { --ink: #123456; --line: #abcdef; } p { color: var(--ink); " \
           "border: 1px solid var(--line); background: var(--missing, white) }"
    out = printable_html(html)
    assert "var(" not in out
    assert "color: #123456" in out and "solid #abcdef" in out and "background: white" in out


def test_report_document_and_pdf(tmp_path: Path, qapp) -> None:
    results = [_result(tmp_path)]
    doc = report_document(results, lang="zh", editor="王校对")
    assert "在在" in doc.toPlainText() and "王校对" in doc.toPlainText()
    pdf = write_pdf(results, tmp_path / "pdf" / "报告.pdf", editor="王校对")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 2000


def test_default_report_path(tmp_path: Path) -> None:
    one = _result(tmp_path)
    assert default_report_path([one], "html") == tmp_path / "第一版.report.html"
    two = _result(tmp_path, "第二版.txt")
    assert default_report_path([one, two], "csv") == tmp_path / "proofreading-report.csv"


def test_dialog_exports_the_chosen_format(tmp_path: Path, settings: Settings, qtbot) -> None:
    results = [_result(tmp_path), _result(tmp_path, "第二版.txt")]
    dialog = ExportDialog(results, settings, current=results[0])
    qtbot.addWidget(dialog)
    assert dialog.editor.text() == "王校对"
    assert dialog.format() == "html"
    assert dialog.path.text() == str(tmp_path / "第一版.report.html")
    dialog.set_format("json")
    assert dialog.path.text().endswith("第一版.report.json")
    dialog.scope.setCurrentIndex(dialog.scope.findData("all"))
    assert len(dialog.results()) == 2
    dialog.editor.setText("李编辑")
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    target = tmp_path / "reports" / "all.json"
    dialog.path.setText(str(target))
    assert dialog.open_after.isChecked()
    dialog.open_after.setChecked(False)  # no browser in a test
    dialog.export_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.written == target
    report = json.loads(target.read_text(encoding="utf-8"))
    assert [f["path"] for f in report["files"]] == ["第一版.txt", "第二版.txt"]
    assert "李编辑" in target.read_text(encoding="utf-8")
    assert settings.editor_name == "李编辑"  # remembered for next time
    assert settings.last_folder == str(target.parent)


def test_dialog_save_pdf(tmp_path: Path, settings: Settings, qtbot) -> None:
    dialog = ExportDialog([_result(tmp_path)], settings)
    qtbot.addWidget(dialog)
    assert not dialog.scope.isEnabled()
    out = dialog.save_pdf(tmp_path / "r.pdf")
    assert out is not None and out.read_bytes().startswith(b"%PDF")


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_main_window_reports_the_review_decisions(tmp_path: Path, settings: Settings,
                                                  qtbot, sample_page: Path) -> None:
    from ui.mainwindow import MainWindow

    w = MainWindow(settings=settings)
    qtbot.addWidget(w)
    w.show()
    w.open_paths([sample_page])
    dup = next(i for i in w.draft.items if i.finding.rule == "duplicate-char")
    w.select_item(dup)
    w.accept()
    results, current = w.report_results()
    assert results == [current]
    assert current.status_of(dup.finding) == Status.ACCEPTED
    out = export_report(results, "json", tmp_path / "page.json", editor=settings.editor_name)
    report = json.loads(out.read_text(encoding="utf-8"))
    statuses = {f["rule"]: f["status"] for f in report["files"][0]["findings"]
                if f["rule"] == "duplicate-char"}
    assert statuses == {"duplicate-char": "accepted"}
    assert report["editor"] == "王校对"
    w.draft.undo_stack.setClean()  # closing must not ask about saving


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_print_preview_renders_the_report(tmp_path: Path, qtbot) -> None:
    from ui.export import print_preview
    from ui.qt import QPrinter

    doc = report_document([_result(tmp_path)], editor="王校对")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = print_preview(doc, printer)
    qtbot.addWidget(dialog)
    painted: list[object] = []
    dialog.paintRequested.connect(painted.append)
    dialog.show()
    qtbot.waitUntil(lambda: bool(painted))
    assert doc.pageCount() >= 1
