#!/usr/bin/env python3
"""Where does a check spend its time? (An analysis aid, never a test.)

Checks drafts built like bench/throughput.py's (or the files you name) with one warmed-up
Checker, then prints:

  1. CPU time per rule and for the shared paragraph structure (no profiler overhead);
  2. the top functions of a cProfile run over the same texts (--sort tottime or cumtime).

cProfile inflates pure-Python code relative to C (regex, str methods), so trust (1) for the
split between rules and (2) for what to look at inside one. The lazy start-up (jieba's
dictionary, OpenCC, word lists) is paid before measuring; `--cold` profiles it too.

usage: .venv/bin/python bench/profile.py [--size-mb 1] [--top 30] [--sort tottime]
                                         [--cold] [--times N] [--five-families] [FILE ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
# This file is named profile.py: keep it from shadowing the standard library's `profile`
# (which cProfile imports) when run as a script.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != BENCH]
sys.path.insert(0, str(ROOT))

import argparse  # noqa: E402
import cProfile  # noqa: E402
import importlib.util  # noqa: E402
import pstats  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

from proofreader.config import Config  # noqa: E402
from proofreader.engine import Checker  # noqa: E402
from proofreader.formats import load  # noqa: E402
from proofreader.rules import CORE_FAMILIES, CheckContext  # noqa: E402


def make_drafts(out: Path, size_mb: float) -> None:
    """bench/throughput.py's drafts (loaded by path: bench/ is not on sys.path)."""
    spec = importlib.util.spec_from_file_location("throughput", BENCH / "throughput.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    mod.make_drafts(out, size_mb)


def per_rule(checker: Checker, texts: list[str]) -> None:
    spent: dict[str, float] = {"(paragraph structure)": 0.0, "(engine: dedupe, sort)": 0.0}
    for text in texts:
        ctx = CheckContext(text, checker.config)
        t = time.process_time()
        _ = ctx.paragraphs
        spent["(paragraph structure)"] += time.process_time() - t
        found = []
        for rule in checker.rules:
            t = time.process_time()
            found.extend(rule.check(ctx))
            spent[rule.id] = spent.get(rule.id, 0.0) + time.process_time() - t
        t = time.process_time()
        checker._finish(text, found)
        spent["(engine: dedupe, sort)"] += time.process_time() - t
    total = sum(spent.values())
    print(f"CPU time per rule ({total:.2f} s in all):")
    for name, sec in sorted(spent.items(), key=lambda kv: -kv[1]):
        if sec >= 0.005:
            print(f"  {name:<26} {sec:6.2f} s {100 * sec / total:5.1f} %")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path, help="drafts to check (default: generated)")
    ap.add_argument("--size-mb", type=float, default=1.0, help="size of the generated drafts")
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--sort", choices=("tottime", "cumtime"), default="tottime")
    ap.add_argument("--cold", action="store_true", help="include the lazy start-up")
    ap.add_argument("--times", type=int, default=1, help="check the texts this many times")
    ap.add_argument("--five-families", action="store_true",
                    help="only issue 2's five core families (duplicate, quote, fragment, "
                    "script, punctuation)")  # fmt: skip
    a = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="proofreader-profile-") as tmp:
        paths = a.files
        if not paths:
            make_drafts(Path(tmp), a.size_mb)
            paths = sorted(Path(tmp).glob("*.txt"))
        texts = [load(p).text for p in paths] * a.times
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    chars = sum(map(len, texts)) / 1e6
    print(f"{len(texts)} texts, {chars:.2f} M chars, {nbytes / 1e6:.2f} MB UTF-8")

    core = {r.id for family in CORE_FAMILIES for r in family.RULES}
    checker = Checker(Config(select=core) if a.five_families else None)
    if not a.cold:
        checker.check_text(texts[0])
        t = time.process_time()
        found = sum(len(checker.check_text(x)) for x in texts)
        cpu = time.process_time() - t
        print(f"check_text: {cpu:.2f} CPU-s, {nbytes / cpu / 1e6:.2f} MB/cpu-s, {found} findings\n")
        per_rule(checker, texts)
        print()

    prof = cProfile.Profile()
    prof.enable()
    for x in texts:
        checker.check_text(x)
    prof.disable()
    stats = pstats.Stats(prof, stream=sys.stdout)
    stats.strip_dirs().sort_stats(a.sort).print_stats(a.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
