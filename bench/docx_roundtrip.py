"""The sample page as a Word draft, end to end: load, check, score, write back both ways.

usage: python bench/docx_roundtrip.py [OUT_DIR]

Builds a .docx from resources/samples/jiaxing-daily-pinghu-page.txt (one paragraph per
line; headlines bold in 黑体, body in 宋体 with a first-line indent), then:
- loads it and checks that its text is the .txt's text exactly (so offsets agree);
- writes a JSON report named after the .txt and scores it with shared/bench/score.py;
- writes the corrected copy with tracked changes (all fixes a reviewer accepting safe and
  unsafe ones would apply, the rest as comments) and clean, and times each step;
- if LibreOffice's Python bridge is there, accepts all changes in LibreOffice and compares
  the result with the clean copy.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Pt  # noqa: E402

from proofreader.batch import FileResult  # noqa: E402
from proofreader.engine import Checker, apply_findings  # noqa: E402
from proofreader.exporters import EXPORTERS  # noqa: E402
from proofreader.formats.docx import load_docx, render_docx, write_docx  # noqa: E402
from proofreader.model import Applicability  # noqa: E402
from proofreader.structure import Kind, paragraphs  # noqa: E402

SAMPLE = ROOT / "resources" / "samples" / "jiaxing-daily-pinghu-page.txt"
SHARED = ROOT.parent / "shared"


def build(text: str, path: Path) -> None:
    d = docx.Document()
    kinds = {p.start: p.kind for p in paragraphs(text)}
    start = 0
    for line in text.split("\n"):
        p = d.add_paragraph()
        run = p.add_run(line)
        kind = kinds.get(start)
        headline = kind in (Kind.HEADLINE,)
        run.bold = headline
        run.font.size = Pt(16 if headline else 10.5)
        run._element.get_or_add_rPr().get_or_add_rFonts().set(
            qn("w:eastAsia"), "黑体" if headline else "宋体"
        )
        if not headline:
            p.paragraph_format.first_line_indent = Pt(21)
        start += len(line) + 1
    d.save(str(path))


def best_of(fn, n: int = 5) -> float:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="docxrt-"))
    out.mkdir(parents=True, exist_ok=True)
    text = SAMPLE.read_text(encoding="utf-8")
    draft = out / "page.docx"
    build(text, draft)

    doc = load_docx(draft, 20 * 1024 * 1024)
    t_load = best_of(lambda: load_docx(draft, 20 * 1024 * 1024))
    assert doc.text == text, "the .docx text differs from the .txt"
    t0 = time.perf_counter()
    findings = Checker().check_text(doc.text)
    t_check = time.perf_counter() - t0

    result = FileResult(path=SAMPLE.name, document=doc, findings=findings)
    report = out / "report.json"
    report.write_bytes(EXPORTERS["json"].export([result]))
    score = SHARED / "bench" / "score.py"
    if score.exists():
        run = subprocess.run([sys.executable, str(score), str(report), str(SHARED / "samples")],
                             capture_output=True, text=True, check=False)
        print(run.stdout.strip())

    fixes = [f for f in findings if f.fixable]
    rest = [f for f in findings if not f.fixable]
    unsafe = sum(1 for f in fixes if f.applicability == Applicability.UNSAFE)
    timings = {}
    for tracked in (True, False):
        target = out / ("page.tracked.docx" if tracked else "page.clean.docx")
        res = write_docx(doc, fixes, target, track_changes=tracked,
                         comments_for=rest if tracked else ())
        timings[tracked] = best_of(lambda t=tracked: render_docx(
            doc, fixes, track_changes=t, comments_for=rest if t else ()))
        print(f"{target.name}: {len(res.applied)} fixes applied, {len(res.dropped)} dropped, "
              f"{res.comments} comments, {target.stat().st_size} bytes")
    expected = apply_findings(text, fixes).text
    assert load_docx(out / "page.clean.docx", 20 * 1024 * 1024).text == expected
    assert load_docx(out / "page.tracked.docx", 20 * 1024 * 1024).text == expected
    print(f"{len(findings)} findings, {len(fixes)} fixable ({unsafe} unsafe), "
          f"{len(rest)} without a fix")
    print(f"best of 5: load {t_load * 1000:.1f} ms, check {t_check * 1000:.1f} ms, render "
          f"tracked {timings[True] * 1000:.1f} ms, render clean {timings[False] * 1000:.1f} ms")

    lo = ROOT / "tests" / "docx" / "lo_revisions.py"
    if shutil.which("soffice") and Path("/usr/bin/python3").exists():
        tracked_copy = out / "page.tracked.nocomments.docx"
        write_docx(doc, fixes, tracked_copy, track_changes=True)
        run = subprocess.run(["/usr/bin/python3", str(lo), str(out / "lo-profile"),
                              str(tracked_copy)], capture_output=True, text=True, check=False)
        if run.returncode == 0:
            seen = json.loads(run.stdout)[str(tracked_copy)]
            ok_accept = seen["accepted"].rstrip("\n") == expected
            ok_reject = seen["rejected"].rstrip("\n") == text
            print(f"LibreOffice: {len(seen['redlines'])} revisions; accept all = clean copy: "
                  f"{ok_accept}; reject all = original: {ok_reject}")
        else:
            print("LibreOffice check failed:", run.stderr.strip()[-300:])
    print(f"files in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
