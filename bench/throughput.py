#!/usr/bin/env python3
"""How fast does proofreader check drafts? (A benchmark, never a test.)

Builds at least --size-mb of drafts in a temporary folder by varying the bundled sample
page (paragraphs shuffled and resampled, encodings gb18030 / utf-8 / utf-8-sig / utf-16,
LF or CRLF), then measures:

  engine   Checker.check_text on the already decoded texts (no I/O, no decoding)
  batch    proofreader.batch.check_paths on the folder: load + decode + check, --jobs N
  cli      `python -m proofreader check DIR --jobs N --format json -o REPORT`
           (process start-up, loading, checking, writing the JSON report); --no-cli
           skips it

Throughput is bytes of drafts on disk per second of wall time (MB = 10^6 bytes), per core
used, and per CPU-second (this process and its children: robust on a busy machine).

usage: .venv/bin/python bench/throughput.py [--size-mb 5] [--jobs 1 2] [--no-cli] [--rules]
                                            [--five-families] [--keep DIR]

--five-families checks with the rules of issue 2's five families only (duplicate, quote,
fragment, script, punctuation), the set its 5 MB/s-per-core target is stated for.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from proofreader.batch import check_paths  # noqa: E402
from proofreader.config import Config  # noqa: E402
from proofreader.engine import Checker  # noqa: E402
from proofreader.formats import load  # noqa: E402
from proofreader.rules import CORE_FAMILIES, CheckContext  # noqa: E402

FIVE_FAMILIES = [r.id for family in CORE_FAMILIES for r in family.RULES]

SAMPLE = ROOT / "resources" / "samples" / "jiaxing-daily-pinghu-page.txt"
CLEAN = ROOT / "tests" / "fixtures" / "clean"
ENCODINGS = ["utf-8", "utf-8", "gb18030", "gb18030", "utf-8-sig", "utf-16"]


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def make_drafts(out: Path, size_mb: float, seed: int = 2026) -> tuple[int, int]:
    """Write drafts until their bytes on disk reach size_mb; returns (files, bytes)."""
    rng = random.Random(seed)
    paras = paragraphs(SAMPLE.read_text(encoding="utf-8"))
    target = int(size_mb * 1_000_000)
    total = files = 0
    while total < target:
        chosen = rng.sample(paras, k=rng.randint(len(paras) // 2, len(paras)))
        text = rng.choice(["\n\n", "\n\n", "\n"]).join(chosen) + "\n"
        if rng.random() < 0.25:
            text = text.replace("\n", "\r\n")
        data = text.encode(rng.choice(ENCODINGS))
        (out / f"draft{files:04d}.txt").write_bytes(data)
        total += len(data)
        files += 1
    return files, total


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (pool workers, the CLI)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Best wall time and best CPU time of `repeat` runs.

    Wall time suffers when other programs share the machine; CPU time much less so:
    MB per CPU-second is the per-core figure that survives a busy machine.
    """
    wall = cpu = float("inf")
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), cpu_seconds()
        fn()
        wall = min(wall, time.perf_counter() - w0)
        cpu = min(cpu, cpu_seconds() - c0)
    return wall, cpu


def text_caches() -> list[Callable[..., object]]:
    """The engine's bounded memo caches (functools.lru_cache with a maxsize): they hold
    facts about short pieces of text (a paragraph's last characters, a head word).
    Unbounded caches (@cache) load word lists and dictionaries once: start-up, not memos."""
    found = []
    for name, mod in list(sys.modules.items()):
        if not name.startswith("proofreader") or mod is None:
            continue
        for obj in vars(mod).values():
            params = getattr(obj, "cache_parameters", None)
            if callable(params) and params()["maxsize"] is not None and obj not in found:
                found.append(obj)
    return found


def rule_profile(checker: Checker, texts: list[str]) -> None:
    """CPU time per rule (and for the paragraph structure they share) over the texts."""
    spent: dict[str, float] = {"(paragraph structure)": 0.0}
    for text in texts:
        ctx = CheckContext(text, checker.config)
        t = time.process_time()
        _ = ctx.paragraphs
        spent["(paragraph structure)"] += time.process_time() - t
        for rule in checker.rules:
            t = time.process_time()
            list(rule.check(ctx))
            spent[rule.id] = spent.get(rule.id, 0.0) + time.process_time() - t
    total = sum(spent.values())
    print(f"CPU time per rule ({total:.2f} s in all):")
    for name, sec in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<24} {sec:6.2f} s {100 * sec / total:5.1f} %")


def line(label: str, nbytes: int, spent: tuple[float, float], cores: int, extra: str = "") -> None:
    wall, cpu = spent
    rate = nbytes / wall / 1e6
    print(f"{label:<24} {wall:7.2f} s {rate:7.2f} MB/s {rate / cores:7.2f} MB/s/core"
          f" {nbytes / cpu / 1e6:7.2f} MB/cpu-s  {extra}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--size-mb", type=float, default=5.0)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement (best is kept)")
    ap.add_argument("--no-cli", dest="cli", action="store_false",
                    help="skip timing the command line")
    ap.add_argument("--keep", type=Path, help="write the drafts here and keep them")
    ap.add_argument("--rules", action="store_true", help="also print CPU time per rule")
    ap.add_argument("--five-families", action="store_true",
                    help="only the rules of issue 2's five families")
    a = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="proofreader-bench-") as tmp:
        folder = a.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        files, nbytes = make_drafts(folder, a.size_mb)
        print(f"drafts: {files} files, {nbytes / 1e6:.2f} MB in {folder}")
        load1, load5, _ = os.getloadavg()
        print(f"machine: {os.cpu_count()} logical cores, load average {load1:.2f} / {load5:.2f}"
              f" (1 / 5 min), Python {sys.version.split()[0]}")

        docs = [load(p) for p in sorted(folder.glob("*.txt"))]
        nchars = sum(d.length for d in docs)
        config = Config(select=set(FIVE_FAMILIES)) if a.five_families else Config()
        select = ["--select", ",".join(FIVE_FAMILIES)] if a.five_families else []
        checker = Checker(config)
        start = time.perf_counter()
        checker.check_text(docs[0].text)  # first call: lazy initialisation (jieba, OpenCC)
        print(f"first check (lazy start-up): {time.perf_counter() - start:.2f} s")
        print(f"rules: {', '.join(r.id for r in checker.rules)}")
        print()

        found = 0

        def engine() -> None:
            nonlocal found
            found = sum(len(checker.check_text(d.text)) for d in docs)

        t = timed(engine, a.repeat)
        line("engine (check_text)", nbytes, t, 1,
             f"{nchars / t[0] / 1e6:.2f} M chars/s, {found} findings")

        # The drafts are variants of one page, so the memo caches keyed on short pieces of
        # text hit far more often than on real copy: this line empties them before every
        # draft, a pessimistic bound (real copy repeats its common words within a draft).
        caches = text_caches()

        def engine_cold() -> None:
            for d in docs:
                for c in caches:
                    c.cache_clear()  # type: ignore[attr-defined]
                checker.check_text(d.text)

        line("engine, caches emptied", nbytes, timed(engine_cold, a.repeat), 1,
             f"before each draft ({len(caches)} memo caches)")

        results: list = []
        if a.rules:
            rule_profile(checker, [d.text for d in docs])

        # The sample page is a worst case (~200 half-width commas a page, each a finding);
        # clean copy is what most drafts look like: our clean corpus, repeated to ~1 MB.
        clean = [p.read_text(encoding="utf-8") for p in sorted(CLEAN.glob("[0-9]*.txt"))]
        clean = clean * max(1, 1_000_000 // sum(len(c.encode("utf-8")) for c in clean))
        clean_bytes = sum(len(c.encode("utf-8")) for c in clean)
        clean_found = 0

        def engine_clean() -> None:
            nonlocal clean_found
            clean_found = sum(len(checker.check_text(c)) for c in clean)

        line("engine, clean prose", clean_bytes, timed(engine_clean, a.repeat), 1,
             f"{clean_found} findings (utf-8 bytes)")

        for jobs in a.jobs:

            def batch(jobs: int = jobs) -> None:
                results[:] = check_paths([folder], config, jobs=jobs)

            t = timed(batch, a.repeat)
            failed = sum(1 for r in results if not r.ok)
            line(f"batch check_paths jobs={jobs}", nbytes, t, min(jobs, os.cpu_count() or 1),
                 f"{len(results)} files, {failed} errors")

        if a.cli:
            report = Path(tmp) / "report.json"
            # As installed by pip, which compiles the modules: a sandbox that sets
            # PYTHONDONTWRITEBYTECODE would otherwise compile them at every start (~0.1 s).
            env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
            subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "proofreader")],
                           check=True, env=env)
            for jobs in a.jobs:
                cmd = [sys.executable, "-m", "proofreader", "check", str(folder),
                       "--jobs", str(jobs), "--format", "json", "-o", str(report), *select]

                runs: list[subprocess.CompletedProcess[str]] = []

                def cli(
                    cmd: list[str] = cmd, runs: list[subprocess.CompletedProcess[str]] = runs
                ) -> None:
                    report.unlink(missing_ok=True)
                    runs.append(subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True,
                                               env=env))

                t = timed(cli, a.repeat)
                # exit status 1 means "findings" (expected here), but so does a traceback:
                # the (last) report tells whether the runs got through. Read outside the
                # timing: parsing 50 MB of JSON is not the CLI's time.
                try:
                    checked = json.loads(report.read_text(encoding="utf-8"))["summary"]
                except (OSError, ValueError, KeyError):
                    checked = {}
                if checked.get("files") != files or any(r.returncode not in (0, 1) for r in runs):
                    done = runs[-1]
                    raise SystemExit(f"{' '.join(cmd)} failed (exit status "
                                     f"{done.returncode}):\n{done.stderr[-2000:]}")
                line(f"cli check --jobs {jobs}", nbytes, t, min(jobs, os.cpu_count() or 1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
