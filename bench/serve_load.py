"""Load test of `proofreader serve` on loopback: N requests from T client threads.

    .venv/bin/python bench/serve_load.py [--requests 2000] [--threads 8] [--max-seconds 300]

Starts the server in this process (ThreadingHTTPServer on a free loopback port), sends
POST /v2/check requests built from the sample page's paragraphs (each a few sentences, the
way editors' clients send them) over keep-alive sessions, checks every answer (HTTP 200, JSON
with a `matches` list) and prints p50/p90/p99 latency and requests per second. Exits 1 on any
error or when the time bound is hit before all requests were sent.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from proofreader.languagetool.server import start_in_thread  # noqa: E402

SAMPLE = ROOT / "resources" / "samples" / "jiaxing-daily-pinghu-page.txt"


def payloads() -> list[str]:
    paras = [p for p in SAMPLE.read_text(encoding="utf-8").splitlines() if len(p.strip()) > 20]
    # pairs of paragraphs: 50–600 characters a request
    return [paras[i] + "\n" + paras[(i + 1) % len(paras)] for i in range(len(paras))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--max-seconds", type=float, default=300.0, help="bound on the whole run")
    args = ap.parse_args()

    texts = payloads()
    server, thread = start_in_thread(host="127.0.0.1", port=0)
    url = server.url + "v2/check"
    # warm up: rule resources (OpenCC, jieba, word lists) load on first use
    t0 = time.perf_counter()
    with requests.Session() as s:
        for text in texts:
            s.post(url, data={"text": text, "language": "zh-CN"}, timeout=60).raise_for_status()
    print(f"warm-up: {len(texts)} distinct texts in {time.perf_counter() - t0:.2f} s")

    latencies: list[float] = []
    errors: list[str] = []
    matches = 0
    lock = threading.Lock()
    counter = iter(range(args.requests))
    deadline = time.monotonic() + args.max_seconds

    def worker() -> None:
        nonlocal matches
        with requests.Session() as session:
            for i in counter:  # shared iterator: next() on it is atomic under the GIL
                if time.monotonic() > deadline:
                    with lock:
                        errors.append("time bound reached")
                    return
                data = {"text": texts[i % len(texts)], "language": "zh-CN"}
                t0 = time.perf_counter()
                try:
                    r = session.post(url, data=data, timeout=60)
                    ok = r.status_code == 200 and isinstance(r.json().get("matches"), list)
                    n = len(r.json()["matches"]) if ok else 0
                    problem = None if ok else f"HTTP {r.status_code}: {r.text[:100]}"
                except (requests.RequestException, ValueError) as e:
                    problem, n = f"{type(e).__name__}: {e}", 0
                dt = time.perf_counter() - t0
                with lock:
                    latencies.append(dt)
                    matches += n
                    if problem:
                        errors.append(problem)

    threads = [threading.Thread(target=worker) for _ in range(args.threads)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    server.shutdown()
    server.server_close()
    thread.join(5)

    ms = sorted(x * 1000 for x in latencies)
    q = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else ms * 99
    print(f"serve load: {len(ms)} requests, {args.threads} threads, {wall:.2f} s wall")
    print(f"  errors: {len(errors)}" + (f" (first: {errors[0]})" if errors else ""))
    print(f"  latency ms: p50 {q[49]:.1f}  p90 {q[89]:.1f}  p99 {q[98]:.1f}  max {ms[-1]:.1f}")
    print(f"  throughput: {len(ms) / wall:.0f} requests/s; {matches} matches returned")
    return 1 if errors or len(ms) < args.requests else 0


if __name__ == "__main__":
    raise SystemExit(main())
