"""The batch: bad files become error results, the batch goes on, order is kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from proofreader.batch import Cancelled, FileResult, check_paths, exit_code
from proofreader.config import Config

CLEAN = "今天天气很好。\n"
HALF = "他说,我们走吧。\n"  # one half-width comma between Chinese characters


def make_folder(root: Path) -> Path:
    root.mkdir()
    (root / "a-clean.txt").write_text(CLEAN, encoding="utf-8")
    (root / "b-binary.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (root / "c-gb.txt").write_bytes(HALF.replace("\n", "\r\n").encode("gb18030"))
    (root / "d-empty.md").write_bytes(b"")
    (root / "e-big.txt").write_text(CLEAN * 200, encoding="utf-8")
    (root / "f-broken.docx").write_bytes(b"this is not a zip file at all")
    return root


def test_batch_goes_on_past_bad_files(tmp_path):
    folder = make_folder(tmp_path / "drafts")
    results = check_paths([folder, tmp_path / "missing.txt"], Config(max_file_size=1000))
    by_name = {Path(r.path).name: r for r in results}
    assert list(by_name) == [
        "a-clean.txt",
        "b-binary.txt",
        "c-gb.txt",
        "d-empty.md",
        "e-big.txt",
        "f-broken.docx",
        "missing.txt",
    ]
    assert by_name["a-clean.txt"].ok and by_name["a-clean.txt"].findings == []
    assert by_name["b-binary.txt"].error == "not a text file (binary content)"
    assert by_name["d-empty.md"].error == "empty file"
    assert "too large" in by_name["e-big.txt"].error
    assert not by_name["f-broken.docx"].ok and by_name["f-broken.docx"].error
    assert by_name["missing.txt"].error == "file not found"
    gb = by_name["c-gb.txt"]
    assert gb.ok and gb.document.encoding == "gb18030" and gb.document.newline == "\r\n"
    assert [f.category for f in gb.findings] == ["punctuation"]
    assert gb.document.text[gb.findings[0].offset] == ","
    assert exit_code(results) == 2
    assert all("\n" not in (r.error or "") for r in results)


def test_exit_codes():
    ok = FileResult("a")
    assert exit_code([]) == 0
    assert exit_code([ok]) == 0
    from proofreader.engine import check_text

    findings = FileResult("b", findings=check_text(HALF))
    assert findings.findings
    assert exit_code([ok, findings]) == 1
    assert exit_code([FileResult("c", status="error", error="x"), findings]) == 2


def test_progress_and_cancel_between_files(tmp_path):
    folder = make_folder(tmp_path / "drafts")
    seen: list[tuple[int, int, str]] = []
    check_paths([folder], on_progress=lambda d, t, r: seen.append((d, t, Path(r.path).name)))
    assert [(d, t) for d, t, _ in seen] == [(i, 6) for i in range(1, 7)]

    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 2  # let two files through, then stop

    done: list[int] = []
    with pytest.raises(Cancelled):
        check_paths([folder], on_progress=lambda d, t, r: done.append(d), cancel=cancel)
    assert done == [1, 2]


def test_parallel_results_equal_sequential_in_input_order(tmp_path):
    folder = make_folder(tmp_path / "drafts")
    for i in range(4):
        (folder / f"g{i}.txt").write_text(HALF * (i + 1), encoding="utf-8")
    config = Config(max_file_size=1000)
    seq = check_paths([folder], config)
    progress: list[int] = []
    par = check_paths([folder], config, on_progress=lambda d, t, r: progress.append(d), jobs=2)
    assert [r.path for r in par] == [r.path for r in seq]
    assert [(r.status, r.error, r.findings) for r in par] == [
        (r.status, r.error, r.findings) for r in seq
    ]
    assert progress == list(range(1, len(seq) + 1))
    assert par[-1].document.text == HALF * 4


def test_include_exclude_pass_through(tmp_path):
    folder = make_folder(tmp_path / "drafts")
    results = check_paths([folder], include=["*.txt"], exclude=["b-*"])
    assert [Path(r.path).name for r in results] == ["a-clean.txt", "c-gb.txt", "e-big.txt"]


def test_parallel_with_threads_running_uses_spawn_and_still_works(tmp_path):
    """The UI has threads; forking then is unsafe, so the pool spawns fresh workers."""
    import threading

    from proofreader.batch import _pool_context

    folder = make_folder(tmp_path / "drafts")
    stop = threading.Event()
    t = threading.Thread(target=stop.wait)
    t.start()
    try:
        assert _pool_context().get_start_method() == "spawn"
        results = check_paths([folder], Config(max_file_size=1000), jobs=2)
    finally:
        stop.set()
        t.join()
    assert [r.ok for r in results] == [True, False, True, False, False, False]
    assert results[2].findings


def test_pool_chunks_cover_every_file_once_in_order(tmp_path):
    from proofreader.batch import _chunks

    targets = []
    for i in range(40):
        p = tmp_path / f"d{i:02}.txt"
        p.write_text("字" * (1000 * (i % 7) + 1), encoding="utf-8")
        targets.append((p, p.name))
    for first in (0, 1):
        chunks = list(_chunks(targets, first, jobs=2))
        assert len(chunks) > 2  # files travel in groups, yet in several of them
        flat = [t for _, chunk in chunks for t in chunk]
        assert flat == targets[first:]
        assert [start for start, _ in chunks] == [
            first + sum(len(c) for _, c in chunks[:k]) for k in range(len(chunks))
        ]


def test_gc_paused_restores_the_collector():
    import gc

    from proofreader.gcpause import gc_paused

    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), gc_paused():
        raise RuntimeError("a failing batch")
    assert gc.isenabled()


def test_findings_sent_back_by_pool_workers_arrive_equal_with_their_data(sample_text):
    import pickle

    from proofreader.engine import Checker
    from proofreader.model import pack, unpack

    found = Checker().check_text(sample_text)
    found.append(found[0].replace(data={"reason": "a rule's extras"}))
    back = unpack(pickle.loads(pickle.dumps(pack(found))))
    assert back == found
    assert [f.data for f in back] == [f.data for f in found]
    assert [type(f.category) for f in back] == [type(f.category) for f in found]
