#!/usr/bin/env python3
"""CPU time of the five core rule families over a folder of drafts. (An analysis aid.)

    .venv/bin/python bench/prof5.py [tottime|cumtime N] [--dir /tmp/drafts]

Make the folder with `bench/throughput.py --keep /tmp/drafts`. Prints the CPU seconds of
one warmed-up Checker over every draft; with a sort key and N, a cProfile listing too.
"""

from __future__ import annotations

import sys
from pathlib import Path

# bench/profile.py would shadow the standard library's `profile` (which cProfile imports).
BENCH = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != BENCH]

import cProfile  # noqa: E402
import pstats  # noqa: E402
import time  # noqa: E402

from proofreader.config import Config  # noqa: E402
from proofreader.engine import Checker  # noqa: E402
from proofreader.formats.text import decode  # noqa: E402
from proofreader.rules import duplicate, fragment, punctuation, quote, script  # noqa: E402

FIVE = [r.id for m in (duplicate, quote, fragment, script, punctuation) for r in m.RULES]


def main() -> None:
    args = sys.argv[1:]
    folder = Path("/tmp/drafts")
    if "--dir" in args:
        i = args.index("--dir")
        folder = Path(args[i + 1])
        del args[i : i + 2]
    texts = [decode(p.read_bytes())[0] for p in sorted(folder.glob("*.txt"))]
    checker = Checker(Config(select=set(FIVE)))
    for t in texts[:20]:
        checker.check_text(t)  # lazy start-up (jieba, OpenCC, word lists) is not measured
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        for t in texts:
            checker.check_text(t)
        best = min(best, time.process_time() - t0)
    size = sum(p.stat().st_size for p in folder.glob("*.txt")) / 1e6
    print(f"cpu {best:.3f} s (best of 3), {size:.2f} MB, {size / best:.2f} MB/cpu-s")
    if args:
        prof = cProfile.Profile()
        prof.enable()
        for t in texts:
            checker.check_text(t)
        prof.disable()
        pstats.Stats(prof).sort_stats(args[0]).print_stats(int(args[1]) if len(args) > 1 else 40)


if __name__ == "__main__":
    main()
