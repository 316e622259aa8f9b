#!/usr/bin/env python3
"""Precision, recall and fix accuracy at scale. (A benchmark, never a test.)

1. Generates drafts with injected, labelled errors from our clean paragraphs
   (tests/fixtures/clean/paragraphs.txt) with shared/bench/make_drafts.py, several seeds.
2. Checks them with proofreader.batch and writes the JSON report (proofreader-report/1).
3. Scores the report with shared/bench/score.py and prints its table; then does the same
   for the real sample page and its gold file in shared/samples.

usage: .venv/bin/python bench/accuracy.py [--seeds 1 2 3 4 5] [--keep DIR] [--details]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from proofreader.batch import check_paths  # noqa: E402
from proofreader.exporters import EXPORTERS  # noqa: E402

PARAGRAPHS = ROOT / "tests" / "fixtures" / "clean" / "paragraphs.txt"
MAKE_DRAFTS = SHARED / "bench" / "make_drafts.py"
SCORE = SHARED / "bench" / "score.py"
SAMPLES = SHARED / "samples"


def run(cmd: list[str]) -> str:
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{done.stderr}")
    return done.stdout


def check_and_score(folder: Path, report: Path, details: bool) -> str:
    results = check_paths([folder], jobs=2)
    report.write_bytes(EXPORTERS["json"].export(results))
    cmd = [sys.executable, str(SCORE), str(report), str(folder)]
    return run([*cmd, "--details"] if details else cmd)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3, 4, 5, 6, 7, 8])
    ap.add_argument("--paragraphs", type=Path, default=PARAGRAPHS)
    ap.add_argument("--keep", type=Path, help="write drafts and reports here and keep them")
    ap.add_argument("--details", action="store_true", help="list every FP and FN")
    a = ap.parse_args()
    for needed in (MAKE_DRAFTS, SCORE):
        if not needed.exists():
            raise SystemExit(f"missing {needed} (the shared folder beside the checkout)")

    with tempfile.TemporaryDirectory(prefix="proofreader-accuracy-") as tmp:
        work = a.keep or Path(tmp)
        drafts = work / "drafts"
        drafts.mkdir(parents=True, exist_ok=True)
        for seed in a.seeds:
            # a prefix per seed: the scorer matches report entries to gold files by name
            out = run([sys.executable, str(MAKE_DRAFTS), str(a.paragraphs), str(drafts),
                       "--seed", str(seed), "--prefix", f"s{seed}-"])
            print(f"seed {seed}: {out.strip()}")
        n = len(list(drafts.glob("*.gold.json")))
        print(f"\n== generated drafts: {n} files from {a.paragraphs.name}, seeds {a.seeds} ==")
        print(check_and_score(drafts, work / "drafts-report.json", a.details))

        if (SAMPLES / "jiaxing-daily-pinghu-page.gold.json").exists():
            print("== the real sample page (shared/samples) ==")
            print(check_and_score(SAMPLES, work / "sample-report.json", a.details))
        if a.keep:
            print(f"drafts, gold files and reports kept in {work}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
