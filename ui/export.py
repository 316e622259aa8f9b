"""Export a review as a report file (through the engine's exporters), print it, or save a PDF.

The reports carry each finding's review status (FileResult.statuses, filled by the main
window from the review session) and the editor's name from the settings. Print and PDF use
the HTML report laid out by QTextDocument, which knows a subset of CSS: custom properties
(`var(--x)`) are resolved here first so the colours survive.
"""

from __future__ import annotations

import html
import json
import os
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path

from proofreader.batch import FileResult
from proofreader.exporters import EXPORTERS
from ui.qt import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMarginsF,
    QMessageBox,
    QPageLayout,
    QPageSize,
    QPrintDialog,
    QPrinter,
    QPushButton,
    QRadioButton,
    QTextDocument,
    QtGui,
    QtPrintSupport,
    QUrl,
    QVBoxLayout,
    QWidget,
)
from ui.settings import Settings

FORMAT_ORDER = ("html", "docx", "csv", "json")
PRINTED_GROUP_PLACES = 12  # a group of 212 commas lists its first places, not all of them


def format_label(name: str) -> str:
    labels = {
        "html": QCoreApplication.translate("Export", "HTML page (to read, share or print)"),
        "csv": QCoreApplication.translate("Export", "CSV table (Excel, WPS)"),
        "json": QCoreApplication.translate("Export", "JSON (for other programs)"),
        "docx": QCoreApplication.translate("Export", "Word document (DOCX)"),
    }
    return labels.get(name, name.upper())


def available_formats() -> list[str]:
    known = [f for f in FORMAT_ORDER if f in EXPORTERS]
    return known + sorted(f for f in EXPORTERS if f not in known)


# --- the work, without widgets (tested directly) ------------------------------------------


def export_bytes(results: Sequence[FileResult], fmt: str, *, lang: str = "zh",
                 editor: str | None = None) -> bytes:
    return EXPORTERS[fmt].export(list(results), lang=lang, editor=editor or None)


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temp file beside path, then rename: a crash never leaves half a report."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export_report(results: Sequence[FileResult], fmt: str, path: str | os.PathLike[str], *,
                  lang: str = "zh", editor: str | None = None) -> Path:
    target = Path(path)
    write_atomic(target, export_bytes(results, fmt, lang=lang, editor=editor))
    return target


_VAR_DEF = re.compile(r"--([\w-]+)\s*:\s*([^;}]+)")
_VAR_USE = re.compile(r"var\(\s*--([\w-]+)\s*(?:,\s*([^)]+))?\)")


def printable_html(html: str) -> str:
    """Resolve CSS custom properties, which QTextDocument does not understand."""
    values = {name: value.strip() for name, value in _VAR_DEF.findall(html)}
    return _VAR_USE.sub(lambda m: values.get(m.group(1), (m.group(2) or "").strip()), html)


def report_document(results: Sequence[FileResult], *, lang: str = "zh",
                    editor: str | None = None) -> QTextDocument:
    """The report laid out for paper.

    The HTML report's own layout (CSS grid, <details>) needs a browser engine, which
    PySide6-Essentials does not ship; QTextDocument would stack it into a narrow column. So
    the print layout is built from the same report data (the JSON exporter's document, the
    public contract) as plain tables, which QTextDocument paginates well. Opening the HTML
    report in a browser and printing it from there uses the report's own print stylesheet.
    """
    report = json.loads(export_bytes(results, "json", lang=lang, editor=editor))
    doc = QTextDocument()
    font = doc.defaultFont()
    font.setPointSizeF(9.5)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setHtml(print_html(report, results, lang))
    return doc


def print_html(report: dict, results: Sequence[FileResult], lang: str = "zh") -> str:
    """Qt-friendly HTML (tables, inline colours) for a `proofreader-report/1` document."""
    from proofreader.exporters import html_report as hr

    key = "en" if lang.startswith("en") else "zh"
    t = hr.UI[key]
    cats = hr.CATEGORY_NAMES[key]
    statuses = hr.STATUS_NAMES[key]
    colours = {"accepted": "#145c2c", "rejected": "#a3161a", "ignored": "#6b717a",
               "pending": "#8a4b00"}
    e = html.escape

    def status(name: str) -> str:
        colour = colours.get(name, "#1f2328")
        return f'<span style="color:{colour}">{e(statuses.get(name, name))}</span>'

    def row(f: dict, ctx: str, message: str, state: str) -> str:
        cat = e(cats.get(f["category"], f["category"]))
        cells = (pos(f), cat, ctx, fix(f), message, state)
        return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"

    def context(text: str, f: dict) -> str:
        start, end = f["offset"], f["offset"] + f["length"]
        before = hr.visible(text[max(0, start - 12):start])
        flagged = hr.visible(text[start:end]) or "∅"
        after = hr.visible(text[end:end + 12])
        return (f'<span style="color:#6b717a">{e(before)}</span>'
                f'<span style="background-color:#fde2e1;color:#a3161a">{e(flagged)}</span>'
                f'<span style="color:#6b717a">{e(after)}</span>')

    def fix(f: dict) -> str:
        if not f["replacements"]:
            return f'<span style="color:#6b717a">{e(t["no_fix"])}</span>'
        rep = f["replacements"][0]
        shown = hr.visible(rep) if rep else t["delete"]
        return f'<span style="background-color:#dcf3e3;color:#145c2c">{e(shown)}</span>'

    def pos(f: dict) -> str:
        return e(t["line_col"].format(line=f["line"], column=f["column"]))

    out = [
        "<html><body>",
        f'<h1 style="color:#9b1c1c">{e(t["title"])}</h1>',
        "<p>",
    ]
    if report.get("editor"):
        out.append(f'{e(t["editor"])}：<b>{e(report["editor"])}</b><br>')
    created = str(report["created"]).replace("T", " ")[:16]
    out.append(f'{e(t["created"])}：{e(created)}<br>'
               f'{e(t["generator"])}：{e(report["generator"]["name"])} '
               f'{e(report["generator"]["version"])}</p>')
    summary = report["summary"]
    cells = [(t["files"], summary["files"]), (t["findings"], summary["findings"]),
             (t["files_with_errors"], summary["files_with_errors"])]
    cells += [(cats.get(c, c), n) for c, n in summary["by_category"].items()]
    out.append('<table cellspacing="0" cellpadding="4" border="1" '
               'style="border-color:#d8dce1;border-style:solid"><tr>')
    out += [f'<th style="background-color:#f5f6f8">{e(str(label))}</th>' for label, _ in cells]
    out.append("</tr><tr>")
    out += [f'<td align="center"><b>{n}</b></td>' for _, n in cells]
    out.append("</tr></table>")

    columns = ((t["position"], 11), (t["category"], 7), (t["context"], 34), (t["suggestion"], 10),
               (t["message"], 26), (t["status"], 12))
    head = "".join(f'<th align="left" width="{w}%" style="background-color:#f5f6f8">{e(h)}</th>'
                   for h, w in columns)
    for file, result in zip(report["files"], results, strict=False):
        out.append(f'<h3 style="border-bottom:2px solid #1f2328">{e(file["path"])}</h3>')
        if file["status"] != "ok":
            out.append(f'<p style="color:#a3161a">{e(t["error"])}：{e(file["error"] or "")}</p>')
            continue
        findings = file["findings"]
        if not findings:
            out.append(f"<p>{e(t['clean'])}</p>")
            continue
        text = result.document.text if result.document is not None else ""
        groups: dict[str, list[dict]] = {}
        for f in findings:
            if f.get("group"):
                groups.setdefault(f["group"], []).append(f)
        out.append(f'<table width="100%" cellspacing="0" cellpadding="3" border="1" '
                   f'style="border-color:#d8dce1;border-style:solid"><thead><tr>{head}</tr>'
                   "</thead>")
        done: set[str] = set()
        for f in findings:
            members = groups.get(f.get("group") or "", [])
            if len(members) >= hr.COLLAPSE_AT:
                if f["group"] in done:
                    continue
                done.add(f["group"])
                where = "、".join(t["line_col"].format(line=m["line"], column=m["column"])
                                 for m in members[:PRINTED_GROUP_PLACES])
                if len(members) > PRINTED_GROUP_PLACES:
                    where += " …"
                counts: dict[str, int] = {}
                for m in members:
                    counts[m["status"]] = counts.get(m["status"], 0) + 1
                state = "<br>".join(f"{status(s)} {n}" for s, n in counts.items())
                count = e(t["group_count"].format(count=len(members)))
                where_html = f'<br><small style="color:#6b717a">{e(where)}</small>'
                out.append(row(f, context(text, f) + where_html,
                               f"{e(f['message'])} <b>{count}</b>", state))
                continue
            out.append(row(f, context(text, f), e(f["message"]), status(f["status"])))
        out.append("</table>")
    out.append("</body></html>")
    return "".join(out)


def _setup_page(printer: QPrinter) -> None:
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)


def _print(doc: QTextDocument, printer: QPrinter) -> None:
    # Paginate to the printable area ourselves: otherwise print_() adds a 2 cm margin of its
    # own inside the printer's margins.
    doc.setPageSize(printer.pageRect(QPrinter.Unit.Point).size())
    doc.print_(printer)


def write_pdf(results: Sequence[FileResult], path: str | os.PathLike[str], *,
              lang: str = "zh", editor: str | None = None) -> Path:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    printer.setDocName(target.stem)
    _setup_page(printer)
    _print(report_document(results, lang=lang, editor=editor), printer)
    return target


def print_report(results: Sequence[FileResult], parent: QWidget | None = None, *,
                 lang: str = "zh", editor: str | None = None, preview: bool = True) -> bool:
    """Show the report as it will print (its toolbar has the Print button, which opens the
    system print dialog), or with preview=False go straight to the print dialog."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _setup_page(printer)
    doc = report_document(results, lang=lang, editor=editor)
    title = QCoreApplication.translate("Export", "Print report")
    if preview:
        dialog = print_preview(doc, printer, parent)
        dialog.setWindowTitle(title)
        return dialog.exec() == QDialog.DialogCode.Accepted
    chooser = QPrintDialog(printer, parent)
    chooser.setWindowTitle(title)
    if chooser.exec() != QDialog.DialogCode.Accepted:
        return False
    _print(doc, printer)
    return True


def print_preview(doc: QTextDocument, printer: QPrinter,
                  parent: QWidget | None = None) -> QDialog:
    dialog = QtPrintSupport.QPrintPreviewDialog(printer, parent)
    dialog.paintRequested.connect(lambda p: _print(doc, p))
    dialog.resize(900, 760)
    return dialog


def default_report_path(results: Sequence[FileResult], fmt: str, folder: str | None = None) -> Path:
    """`<draft>.report.<ext>` beside a single draft, else `proofreading-report.<ext>`."""
    ext = EXPORTERS[fmt].extension if fmt in EXPORTERS else f".{fmt}"
    paths = [Path(r.document.path) for r in results if r.document and r.document.path]
    if len(results) == 1 and paths:
        return paths[0].with_name(f"{paths[0].stem}.report{ext}")
    base = Path(folder) if folder else (paths[0].parent if paths else Path.home())
    return base / f"proofreading-report{ext}"


# --- the dialog ---------------------------------------------------------------------------


class ExportDialog(QDialog):
    """Choose drafts, format, language and file; then Export, Print… or Save as PDF…."""

    def __init__(self, results: Sequence[FileResult], settings: Settings | None,
                 parent: QWidget | None = None, current: FileResult | None = None) -> None:
        super().__init__(parent)
        self.all_results = list(results)
        self.current = current
        self.settings = settings
        self.written: Path | None = None  # the last file written, for the caller's status bar
        self.setWindowTitle(self.tr("Export report"))
        self.setMinimumWidth(640)

        form = QFormLayout()
        self.scope = QComboBox()
        if current is not None:
            name = Path(current.path).name
            self.scope.addItem(self.tr("This draft: %1").replace("%1", name), "current")
        self.scope.addItem(self.tr("All open drafts (%n)", "", len(self.all_results)), "all")
        self.scope.setEnabled(self.scope.count() > 1)
        form.addRow(self.tr("Drafts:"), self.scope)

        self.format_buttons = QButtonGroup(self)
        formats = QVBoxLayout()
        for i, fmt in enumerate(available_formats()):
            radio = QRadioButton(format_label(fmt))
            radio.setProperty("format", fmt)
            self.format_buttons.addButton(radio, i)
            formats.addWidget(radio)
        self.format_buttons.buttons()[0].setChecked(True)
        self.format_buttons.buttonToggled.connect(self._format_changed)
        form.addRow(self.tr("Format:"), formats)

        self.language = QComboBox()
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        lang = settings.report_lang if settings is not None else "zh"
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        form.addRow(self.tr("Report language:"), self.language)

        self.editor = QLineEdit(settings.editor_name if settings is not None else "")
        self.editor.setPlaceholderText(self.tr("Your name, printed on the report"))
        form.addRow(self.tr("Editor:"), self.editor)

        self.path = QLineEdit()
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        form.addRow(self.tr("Save to:"), where)
        self.open_after = QCheckBox(self.tr("Open the report when it is written"))
        self.open_after.setChecked(True)
        form.addRow("", self.open_after)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(self.tr("Export"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        self.print_button = self.buttons.addButton(self.tr("Print…"),
                                                   QDialogButtonBox.ButtonRole.ActionRole)
        self.pdf_button = self.buttons.addButton(self.tr("Save as PDF…"),
                                                 QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self._print)
        self.pdf_button.clicked.connect(self._pdf)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        folder = settings.last_folder if settings is not None else None
        self.path.setText(str(default_report_path(self.results(), self.format(), folder)))

    # --- state -------------------------------------------------------------------------

    def results(self) -> list[FileResult]:
        if self.scope.currentData() == "current" and self.current is not None:
            return [self.current]
        return self.all_results

    def format(self) -> str:
        return str(self.format_buttons.checkedButton().property("format"))

    def set_format(self, fmt: str) -> None:
        for b in self.format_buttons.buttons():
            if b.property("format") == fmt:
                b.setChecked(True)

    def lang(self) -> str:
        return str(self.language.currentData())

    def editor_name(self) -> str:
        return self.editor.text().strip()

    def _format_changed(self, _button: QRadioButton, checked: bool) -> None:
        if not checked:
            return
        ext = EXPORTERS[self.format()].extension
        text = self.path.text().strip()
        if text:
            self.path.setText(str(Path(text).with_suffix(ext)))

    def _browse(self) -> None:
        fmt = self.format()
        ext = EXPORTERS[fmt].extension
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export report"), self.path.text(),
            f"{format_label(fmt)} (*{ext})",
        )
        if chosen:
            self.path.setText(str(Path(chosen).with_suffix(ext)))

    def _remember(self) -> None:
        if self.settings is not None and self.editor_name() != self.settings.editor_name:
            self.settings.editor_name = self.editor_name()

    # --- actions -----------------------------------------------------------------------

    def export(self) -> Path | None:
        """Write the chosen report; errors are reported in a message box, not raised."""
        text = self.path.text().strip()
        if not text:
            QMessageBox.warning(self, self.windowTitle(), self.tr("Choose where to save."))
            return None
        try:
            self.written = export_report(self.results(), self.format(), Path(text),
                                         lang=self.lang(), editor=self.editor_name())
        except OSError as e:
            QMessageBox.critical(self, self.windowTitle(),
                                 self.tr("Could not write the report:\n%1")
                                 .replace("%1", f"{text}\n{e.strerror or e}"))
            return None
        self._remember()
        if self.settings is not None:
            self.settings.last_folder = self.written.parent
        return self.written

    def accept(self) -> None:
        written = self.export()
        if written is None:
            return
        if self.open_after.isChecked():
            QtGui.QDesktopServices.openUrl(QUrl.fromLocalFile(str(written)))
        super().accept()

    def _print(self) -> None:
        self._remember()
        if print_report(self.results(), self, lang=self.lang(), editor=self.editor_name()):
            super().accept()

    def save_pdf(self, path: Path) -> Path | None:
        try:
            self.written = write_pdf(self.results(), path, lang=self.lang(),
                                     editor=self.editor_name())
        except OSError as e:
            QMessageBox.critical(self, self.windowTitle(),
                                 self.tr("Could not write the report:\n%1")
                                 .replace("%1", f"{path}\n{e.strerror or e}"))
            return None
        self._remember()
        return self.written

    def _pdf(self) -> None:
        suggested = Path(self.path.text().strip() or "report").with_suffix(".pdf")
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), str(suggested),
                                                self.tr("PDF document (*.pdf)"))
        if chosen and self.save_pdf(Path(chosen).with_suffix(".pdf")) is not None:
            super().accept()
