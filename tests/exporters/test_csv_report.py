from __future__ import annotations

import csv
import io

from report_data import CREATED, finding

from proofreader.batch import FileResult
from proofreader.document import Document
from proofreader.exporters import EXPORTERS
from proofreader.model import Category


def read(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_bom_header_and_rows(results: list[FileResult]) -> None:
    data = EXPORTERS["csv"].export(results, created=CREATED)
    assert data.startswith(b"\xef\xbb\xbf")
    header, dup, comma, broken = read(data)
    assert header == ["文件", "行", "列", "规则", "类别", "级别", "原文", "建议", "说明", "状态"]
    assert dup == ["drafts/page.txt", "3", "6", "duplicate-char", "duplicate", "error", "在在",
                   "在", "重复的字“在在”", "pending"]
    assert comma[6:8] == [",", "，"]
    assert comma[9] == "accepted"
    assert broken[0] == "drafts/broken.txt"
    assert broken[8] == "not a text file (binary content)"
    assert broken[9] == "error"


def test_english_header(results: list[FileResult]) -> None:
    header = read(EXPORTERS["csv"].export(results, lang="en"))[0]
    assert header == ["file", "line", "column", "rule", "category", "severity", "text",
                      "suggestion", "message", "status"]


def test_awkward_text_round_trips() -> None:
    text = '他说"好,的"\n\n下一段，再见。'
    fs = [finding(text, '"好,的"\n\n下', "quote-straight", Category.QUOTE, "“好，的”下"),
          finding(text, "，", "other", Category.OTHER, None, message='含,逗号与"引号"')]
    result = FileResult("a,b \"c\".txt", document=Document(text=text), findings=fs)
    _, first, second = read(EXPORTERS["csv"].export([result]))
    assert first[0] == 'a,b "c".txt'
    assert first[6] == '"好,的"\n\n下'
    assert first[7] == "“好，的”下"
    assert second[7] == ""  # no suggestion
    assert second[8] == '含,逗号与"引号"'


def test_formula_like_cells_are_neutralised() -> None:
    text = "=SUM(A1)在在"
    f = finding(text, "=SUM(A1)", "other", Category.OTHER, "+1")
    row = read(EXPORTERS["csv"].export([FileResult("x.txt", document=Document(text=text),
                                                    findings=[f])]))[1]
    assert row[6] == "'=SUM(A1)"
    assert row[7] == "'+1"
