from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from report_data import CREATED, TEXT, finding

import proofreader
from proofreader.batch import FileResult, check_document
from proofreader.document import Document
from proofreader.engine import Checker
from proofreader.exporters import EXPORTERS, build_report
from proofreader.model import Category

SHARED = Path(__file__).resolve().parents[3] / "shared"
SPEC = SHARED / "spec" / "report-json.md"
SCORE = SHARED / "bench" / "score.py"


def export(results: list[FileResult], **kw) -> dict:
    data = EXPORTERS["json"].export(results, created=CREATED, **kw)
    assert isinstance(data, bytes)
    return json.loads(data.decode("utf-8"))


def spec_example() -> dict:
    block = re.search(r"```json\n(.*?)```", SPEC.read_text(encoding="utf-8"), re.S)
    assert block is not None
    return json.loads(block.group(1))


def test_registry() -> None:
    assert set(EXPORTERS) >= {"json", "csv", "html"}
    for name, e in EXPORTERS.items():
        assert e.name == name
        assert e.extension == "." + name
        assert "/" in e.media_type
        assert isinstance(e.export([]), bytes)


def test_top_level(results: list[FileResult]) -> None:
    report = export(results, editor="王小明")
    assert report["schema"] == "proofreader-report/1"
    assert report["generator"] == {"name": "proofreader", "version": proofreader.__version__}
    assert report["created"] == "2026-11-29T16:00:00+08:00"
    assert report["editor"] == "王小明"
    assert report["summary"] == {"files": 2, "files_with_errors": 1, "findings": 2,
                                 "by_category": {"duplicate": 1, "punctuation": 1}}


def test_created_always_has_a_timezone(results: list[FileResult]) -> None:
    for created in (None, datetime(2026, 11, 29, 16, 0)):
        stamp = build_report(results, created=created)["created"]
        assert datetime.fromisoformat(stamp).tzinfo is not None


@pytest.mark.skipif(not SPEC.exists(), reason="shared spec not present")
def test_same_shape_as_the_spec_example(results: list[FileResult]) -> None:
    want = spec_example()
    got = export(results)
    assert set(got) >= set(want)
    assert set(got["summary"]) >= set(want["summary"])
    assert set(got["generator"]) == set(want["generator"])
    ok_want, err_want = want["files"]
    ok_got, err_got = got["files"]
    assert set(ok_got) >= set(ok_want)
    assert set(err_got) == set(err_want)  # the error entry is exactly the spec's
    f_want = ok_want["findings"][0]
    for f_got in ok_got["findings"]:
        assert set(f_got) >= set(f_want)
        for key, value in f_want.items():
            assert type(f_got[key]) is type(value), key
    for key, value in ok_want.items():
        if key != "error":
            assert type(ok_got[key]) is type(value), key


def test_file_and_findings(results: list[FileResult]) -> None:
    entry = export(results)["files"][0]
    assert entry | {"findings": None} == {
        "path": "drafts/page.txt", "format": "txt", "encoding": "gb18030", "length": len(TEXT),
        "status": "ok", "error": None, "findings": None}
    dup, comma = entry["findings"]
    offset = TEXT.index("在在")
    assert dup == {
        "rule": "duplicate-char", "category": "duplicate", "severity": "error",
        "offset": offset, "length": 2,
        # line 3 starts after "标题行\r\n" (5 code points) and "■记者 王小明\n" (8)
        "line": 3, "column": offset - 13 + 1, "text": "在在", "message": "重复的字“在在”",
        "replacements": ["在"], "status": "pending",
        "applicability": "safe", "group": None, "message_en": "doubled character"}
    assert dup["column"] == len("本报讯 𠮷") + 1  # 𠮷 counts as one column
    assert comma["status"] == "accepted"
    assert comma["text"] == ","
    assert comma["group"] == "half-width:,"


def test_error_file_entry(results: list[FileResult]) -> None:
    assert export(results)["files"][1] == {
        "path": "drafts/broken.txt", "status": "error",
        "error": "not a text file (binary content)", "findings": []}


def test_english_messages_fall_back_to_chinese(results: list[FileResult]) -> None:
    dup, comma = export(results, lang="en")["files"][0]["findings"]
    assert dup["message"] == "doubled character"
    assert comma["message"] == "半角逗号"


def test_real_checker_output_is_valid(sample_text: str) -> None:
    doc = Document(text=sample_text, path=Path("page.txt"))
    result = check_document(doc, Checker(), "page.txt")
    report = export([result])
    entry = report["files"][0]
    assert entry["length"] == len(sample_text)
    assert report["summary"]["findings"] == len(result.findings)
    for f in entry["findings"]:
        assert sample_text[f["offset"] : f["offset"] + f["length"]] == f["text"]
        line_start = sample_text.rfind("\n", 0, f["offset"]) + 1
        assert f["column"] == f["offset"] - line_start + 1
        assert f["line"] == sample_text.count("\n", 0, f["offset"]) + 1


@pytest.mark.skipif(not SCORE.exists(), reason="shared scorer not present")
def test_the_scorer_reads_it(tmp_path: Path, draft_result: FileResult) -> None:
    (tmp_path / "page.txt").write_bytes(TEXT.encode("gb18030"))
    gold = {"schema": "proofreader-gold/1", "file": "page.txt", "encoding": "gb18030",
            "errors": [{"category": f.category.value, "offset": f.offset, "length": f.length,
                        "replacement": f.replacements[0]} for f in draft_result.findings],
            "neutral": []}
    (tmp_path / "page.txt.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    report = tmp_path / "report.json"
    report.write_bytes(EXPORTERS["json"].export([draft_result]))
    out = tmp_path / "scores.json"
    subprocess.run([sys.executable, str(SCORE), str(report), str(tmp_path), "--json", str(out)],
                   check=True, capture_output=True)
    scores = json.loads(out.read_text())["scores"]
    for cat in ("duplicate", "punctuation"):
        assert scores[cat]["precision"] == scores[cat]["recall"] == 1.0
        assert scores[cat]["fix_accuracy"] == 1.0


def test_awkward_text_round_trips() -> None:
    text = '他说"\\0"\x00\n\r\t“好”\u2028𠮷'
    fs = [finding(text, text[i : i + 2], "other", Category.OTHER, text[i : i + 2][::-1], start=i)
          for i in range(0, len(text) - 1, 2)]
    results = [FileResult("a\x01b.txt", document=Document(text=text), findings=fs),
               FileResult("empty.txt", document=Document(text="")),
               FileResult("bad.txt", status="error", error='"\x000\x00"')]
    report = export(results)
    assert report == json.loads(json.dumps(build_report(results, created=CREATED)))
    assert [f["text"] for f in report["files"][0]["findings"]] == [f.text_in(text) for f in fs]
    assert report["files"][2]["error"] == '"\x000\x00"'
