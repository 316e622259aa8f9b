"""Desktop application timings (issue 3's performance bar). Prints figures; asserts nothing.

    .venv/bin/python bench/ui_bench.py [--runs N]

  launch      process start → main window shown (a fresh interpreter each run)   ≤ 1.5 s
  warm-up     the first check in a process (jieba, OpenCC), done in the background at launch
  open 100k   a 100,000-character draft opened, checked and highlighted          ≤ 1.5 s
  retype      one character typed in the corrected pane → re-checked, re-lit     ≤ 100 ms
  scroll      page-by-page through a draft with ≥ 5,000 findings, per frame      smooth

Uses Xvfb when there is no DISPLAY (as bench/screenshots.py does), else the offscreen
platform; a throwaway settings folder; drafts built from the bundled sample page.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from screenshots import SAMPLE, start_display  # noqa: E402

CHILD = r"""
import sys, time, tempfile
sys.path.insert(0, {root!r})
from ui.qt import QApplication, QSettings, QTimer
app = QApplication([sys.argv[0]])
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
from ui import errors, i18n
from ui.settings import Settings
settings = Settings()
i18n.install_translator(app, settings.language)
errors.install()
from ui.mainwindow import MainWindow
from ui.workers import WarmUp
warm_up = WarmUp(settings.engine_config()).start()
w = MainWindow(config=settings.engine_config(), settings=settings)
w.show()
def shown():
    print("shown", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""


def fmt_ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def bench_launch(runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", CHILD.format(root=str(ROOT))],
                                stdout=subprocess.PIPE, text=True)
        line = proc.stdout.readline()
        t1 = time.perf_counter()
        proc.wait(30)
        if line.strip() != "shown":
            raise RuntimeError("the window did not show")
        times.append(t1 - t0)
    return times


def big_draft(folder: Path, size: int = 100_000) -> Path:
    page = SAMPLE.read_text(encoding="utf-8")
    text = ""
    while len(text) < size:
        text += page.rstrip("\n") + "\n\n"
    cut = text.rfind("\n", 0, size)
    text = text[:cut + 1] if cut > size - 2000 else text[:size]
    path = folder / "big-100k.txt"
    path.write_text(text, encoding="utf-8")
    return path


def drain(app, rounds: int = 5) -> None:
    from ui.qt import QEvent

    for _ in range(rounds):
        app.processEvents()
        # deleteLater() runs only from an event loop; the bench drives events by hand
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def main() -> int:
    ap = argparse.ArgumentParser(description="UI timings")
    ap.add_argument("--runs", type=int, default=3, help="launch and open repetitions")
    args = ap.parse_args()
    xvfb = start_display()
    try:
        return run(args.runs)
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(5)


def run(runs: int) -> int:
    from proofreader.engine import Checker
    from ui.qt import QApplication, QEvent, QKeyEvent, QSettings, Qt

    platform = os.environ.get("QT_QPA_PLATFORM") or f"xcb {os.environ.get('DISPLAY', '')}"
    print(f"platform: {platform}   python {sys.version.split()[0]}")

    launch = bench_launch(runs)
    print(f"launch → window shown        median {fmt_ms(statistics.median(launch))}"
          f"   (runs: {', '.join(f'{t:.2f}s' for t in launch)})")

    app = QApplication.instance() or QApplication([sys.argv[0]])
    work = Path(tempfile.mkdtemp(prefix="proofreader-bench-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "cfg"))
    from ui.mainwindow import MainWindow
    from ui.settings import Settings

    settings = Settings()
    draft_path = big_draft(work)
    text = draft_path.read_text(encoding="utf-8")

    # what the app's background WarmUp absorbs at launch: the first check in a process
    from ui.workers import WarmUp

    t0 = time.perf_counter()
    WarmUp(settings.engine_config()).run()
    print(f"engine warm-up (background at launch) {fmt_ms(time.perf_counter() - t0).strip()}")

    opens: list[float] = []
    window = None
    for i in range(runs):
        if window is not None:
            window.hide()
            window.deleteLater()
            drain(app)
        copy = work / f"run{i}" / draft_path.name
        copy.parent.mkdir()
        copy.write_text(text, encoding="utf-8")
        window = MainWindow(config=settings.engine_config(), settings=settings)
        window.resize(1440, 900)
        window.show()
        drain(app)
        t0 = time.perf_counter()
        window.open_paths([copy])
        drain(app)
        opens.append(time.perf_counter() - t0)
    checker = Checker(settings.engine_config())
    engine: list[float] = []
    for _ in range(2):
        t0 = time.perf_counter()
        findings = checker.check_text(text)
        engine.append(time.perf_counter() - t0)

    draft = window.draft
    print(f"100k draft: {len(text):,} chars, {len(findings):,} findings; engine check alone "
          f"{fmt_ms(min(engine)).strip()}")
    print(f"open + check + highlight     median {fmt_ms(statistics.median(opens))}"
          f"   (runs: {', '.join(f'{t:.2f}s' for t in opens)})")

    # typing one character in the corrected pane, at points spread through the draft
    pane = window.review.right
    pane.setFocus()
    retype: list[float] = []
    engine_ms: list[float] = []
    doc_len = pane.document().characterCount()
    for k in range(1, 21):
        c = pane.textCursor()
        c.setPosition(doc_len * k // 22)
        pane.setTextCursor(c)
        drain(app)
        press = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "的")
        t0 = time.perf_counter()
        QApplication.sendEvent(pane, press)
        drain(app)
        retype.append(time.perf_counter() - t0)
        engine_ms.append(draft.last_recheck_ms)
    print(f"type 1 char → re-checked     median {fmt_ms(statistics.median(retype))}"
          f"   max {fmt_ms(max(retype)).strip()}   (re-check itself median "
          f"{statistics.median(engine_ms):.1f} ms)")

    # scrolling: page by page through the whole draft, each step painted synchronously
    for name, view in (("original pane", window.review.left), ("findings tree", window.tree)):
        if view is window.tree:
            window.tree.expandAll()
            drain(app)
        bar = view.verticalScrollBar()
        bar.setValue(0)
        drain(app)
        frames: list[float] = []
        step = max(1, bar.pageStep())
        value = 0
        while value < bar.maximum() and len(frames) < 400:
            value = min(bar.maximum(), value + step)
            t0 = time.perf_counter()
            bar.setValue(value)
            view.viewport().repaint()
            app.processEvents()
            frames.append(time.perf_counter() - t0)
        print(f"scroll {name:<14} {len(frames):4d} pages"
              f"   median {fmt_ms(statistics.median(frames))}"
              f"   p95 {fmt_ms(percentile(frames, 0.95)).strip()}"
              f"   max {fmt_ms(max(frames)).strip()}")
    window.hide()
    draft.undo_stack.setClean()  # the typing above is not to be saved
    return 0


if __name__ == "__main__":
    sys.exit(main())
