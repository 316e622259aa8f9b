#!/usr/bin/env python3
"""Prove that a speed-up changes no finding. (An analysis aid, never a test.)

    .venv/bin/python bench/golden.py record GOLDEN.json [DIR ...]
    .venv/bin/python bench/golden.py compare GOLDEN.json [DIR ...]

Checks every .txt/.md/.docx under the folders (default: the shared sample page, our clean
corpus, the FCGEC sentences one by one) with the default rules, and records each finding
(rule, span, replacements, applicability, severity, group, message) and each error
status. `compare` checks again and lists every difference: a refactor for speed must
print "identical". Use `bench/throughput.py --keep DIR` and `bench/accuracy.py --keep DIR`
to get large, error-rich folders to record.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from proofreader.batch import check_paths  # noqa: E402
from proofreader.engine import Checker  # noqa: E402


def snapshot(dirs: list[Path]) -> dict[str, list]:
    out: dict[str, list] = {}
    for r in check_paths(dirs, jobs=1):
        rows: list = [r.status, r.error or ""]
        rows += [
            [f.rule, f.offset, f.length, list(f.replacements), str(f.applicability),
             str(f.severity), f.group or "", f.message, f.message_en]
            for f in r.findings
        ]  # fmt: skip
        out[str(r.path)] = rows
    corpus = SHARED / "corpus" / "fcgec-correct-sentences.txt"
    if corpus.exists():
        checker = Checker()
        for i, line in enumerate(corpus.read_text(encoding="utf-8").splitlines()):
            found = checker.check_text(line)
            out[f"fcgec:{i}"] = [[f.rule, f.offset, f.length] for f in found]
    return out


def main() -> int:
    if len(sys.argv) < 3 or sys.argv[1] not in ("record", "compare"):
        print(__doc__)
        return 2
    mode, golden = sys.argv[1], Path(sys.argv[2])
    dirs = [Path(d) for d in sys.argv[3:]] or [SHARED / "samples", ROOT / "tests/fixtures/clean"]
    now = snapshot(dirs)
    total = sum(len(v) - 2 for v in now.values())
    if mode == "record":
        golden.write_text(json.dumps(now, ensure_ascii=False), encoding="utf-8")
        print(f"recorded {len(now)} texts, {total} findings in {golden}")
        return 0
    before = json.loads(golden.read_text(encoding="utf-8"))
    diffs = 0
    for key in sorted(set(before) | set(now)):
        a, b = before.get(key), now.get(key)
        if a == b:
            continue
        diffs += 1
        if diffs <= 20:
            print(f"--- {key}")
            a_set = {json.dumps(x, ensure_ascii=False) for x in (a or [])}
            b_set = {json.dumps(x, ensure_ascii=False) for x in (b or [])}
            for x in sorted(a_set - b_set)[:8]:
                print(f"  - {x}")
            for x in sorted(b_set - a_set)[:8]:
                print(f"  + {x}")
    verdict = "identical" if not diffs else f"{diffs} texts differ"
    print(verdict, f"({len(now)} texts, {total} findings)")
    return 1 if diffs else 0


if __name__ == "__main__":
    raise SystemExit(main())
