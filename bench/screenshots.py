"""`make screenshots`: PNGs of the application on the bundled sample page.

    .venv/bin/python bench/screenshots.py [OUT_DIR]      (default docs/screenshots/)

Without a DISPLAY it starts a private Xvfb server (or, when Xvfb is missing, renders with
Qt's offscreen platform). It uses a throwaway settings folder and a copy of the sample page,
so neither the editor's own settings nor the repository get review files. Written:

    main-window.png        the sample page just opened (zh_CN interface)
    side-by-side.png       the review area after a few fixes were accepted
    settings.png           the Settings dialog (General), settings-rules.png (Rules tab),
                           settings-dictionary.png (Dictionary tab)
    export.png             the Export report dialog
    main-window-en.png     the main window with the English interface
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "jiaxing-daily-pinghu-page.txt"
SCREEN = "1600x1000x24"


def start_display() -> subprocess.Popen | None:
    """A private Xvfb when there is no display; None if one exists or Xvfb is missing."""
    if os.environ.get("DISPLAY") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return None
    for n in range(90, 120):
        if Path(f"/tmp/.X11-unix/X{n}").exists() or Path(f"/tmp/.X{n}-lock").exists():
            continue
        proc = subprocess.Popen([xvfb, f":{n}", "-screen", "0", SCREEN, "-nolisten", "tcp"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(50):
            if Path(f"/tmp/.X11-unix/X{n}").exists():
                os.environ["DISPLAY"] = f":{n}"
                return proc
            if proc.poll() is not None:
                break
            time.sleep(0.1)
        proc.kill()
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return None


def settle(app, seconds: float = 0.3) -> None:
    from ui.qt import QEvent

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        # deleteLater() runs only from an event loop; this script drives events by hand
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        time.sleep(0.01)


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    xvfb = start_display()
    try:
        return shoot(out)
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(5)


def shoot(out: Path) -> int:
    sys.path.insert(0, str(ROOT))
    from ui.qt import QApplication, QSettings

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("proofreader")
    app.setOrganizationName("proofreader")
    work = Path(tempfile.mkdtemp(prefix="proofreader-shots-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "config"))

    from ui.export import ExportDialog
    from ui.i18n import install_translator
    from ui.mainwindow import MainWindow
    from ui.settings import Settings
    from ui.settings_dialog import SettingsDialog

    settings = Settings()
    settings.editor_name = "王校对"
    settings.proper_names = ["乾隆"]
    settings.allowed_words = ["不了了之"]
    page = work / SAMPLE.name
    shutil.copy(SAMPLE, page)
    written: list[Path] = []

    def save(widget, name: str) -> None:
        target = out / name
        if not widget.grab().save(str(target)):
            raise RuntimeError(f"could not write {target}")
        written.append(target)

    def window_for(lang: str) -> MainWindow:
        install_translator(app, lang)
        settings.language = lang
        w = MainWindow(config=settings.engine_config(), settings=settings)
        w.resize(1440, 900)
        w.show()
        settle(app)
        w.open_paths([page])
        settle(app, 0.5)
        return w

    window = window_for("zh_CN")
    save(window, "main-window.png")

    # accept a few fixes: the doubled 在在, the first cut paragraph join and a few commas
    draft = window.draft
    chosen = []
    for rule in ("duplicate-char", "paragraph-cut", "halfwidth-punct", "quote-reversed"):
        chosen += [i for i in draft.items if i.finding.rule == rule and i.fixable][:2]
    if not chosen:
        chosen = [i for i in draft.items if i.fixable][:4]
    for item in chosen:
        window.select_item(item)
        window.accept()
        settle(app, 0.05)
    if chosen:
        window.select_item(chosen[0])
    settle(app, 0.5)
    save(window, "side-by-side.png")
    save(window.review, "side-by-side-panes.png")

    dialog = SettingsDialog(settings, window)
    dialog.resize(720, 520)
    dialog.show()
    for i, name in enumerate(("settings.png", "settings-rules.png", "settings-dictionary.png")):
        dialog.tabs.setCurrentIndex(i)
        settle(app, 0.2)
        save(dialog, name)
    dialog.close()

    results, current = window.report_results()
    export = ExportDialog(results, settings, window, current=current)
    export.show()
    settle(app, 0.2)
    save(export, "export.png")
    export.close()
    window.hide()  # close() would ask about the unsaved corrections

    english = window_for("en")
    save(english, "main-window-en.png")
    english.hide()
    install_translator(app, "zh_CN")

    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
