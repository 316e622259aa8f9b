"""Save As for corrected drafts: a .docx is written with tracked changes or as a clean copy.

The choice is the file-type filter of the dialog (修订模式 / 清洁稿), so it costs the editor no
extra click; the last choice is remembered (QSettings when the window has settings) and
Ctrl+S uses it too. Tracked changes is the default: the editor-in-chief wants to see what
the copy desk changed.
"""

from __future__ import annotations

from pathlib import Path

from ui.qt import QCoreApplication, QFileDialog, QWidget

TRACKED_KEY = "save/docx_tracked"


def docx_filters() -> tuple[str, str]:
    """(tracked, clean) name filters, in the order the dialog lists them."""
    return (QCoreApplication.translate("SaveAsDialog", "Word document, tracked changes (*.docx)"),
            QCoreApplication.translate("SaveAsDialog", "Word document, clean copy (*.docx)"))


def remembered_tracked(settings) -> bool:
    q = getattr(settings, "q", None)
    if q is None:
        return True
    return bool(q.value(TRACKED_KEY, True, type=bool))


def remember_tracked(settings, tracked: bool) -> None:
    q = getattr(settings, "q", None)
    if q is not None:
        q.setValue(TRACKED_KEY, bool(tracked))


class SaveAsDialog(QFileDialog):
    """A save dialog for one draft; for a .docx its filters choose tracked or clean."""

    def __init__(self, parent: QWidget | None, start: Path, docx: bool, tracked: bool) -> None:
        super().__init__(parent, self.tr("Save Corrected Draft"), str(start))
        self.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        self.setFileMode(QFileDialog.FileMode.AnyFile)
        self.docx = docx
        if docx:
            # Qt's own dialog: a native one may not report which of two *.docx filters was
            # chosen, and the choice is the point here
            self.setOption(QFileDialog.Option.DontUseNativeDialog, True)
            self.setNameFilters(list(docx_filters()))
            self.selectNameFilter(docx_filters()[0 if tracked else 1])
            self.setDefaultSuffix("docx")
        else:
            suffix = start.suffix.lstrip(".")
            self.setNameFilters([self.tr("Same type (*.%s)") % suffix if suffix else "*",
                                 self.tr("All files (*)")])
        self.selectFile(str(start))

    @property
    def tracked(self) -> bool:
        return not self.docx or self.selectedNameFilter() != docx_filters()[1]

    def target(self) -> Path | None:
        files = self.selectedFiles()
        return Path(files[0]) if files else None
