from __future__ import annotations

import csv
import io

from report_data import CREATED, finding

from proofreader.batch import FileResult
from proofreader.document import Document
from proofreader.exporters import EXPORTERS
from proofreader.model import Category, Status


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


def writer_rows(results: list[FileResult], lang: str) -> bytes:
    """The CSV report written row by row by csv.writer: what the exporter must match."""
    from proofreader.exporters._common import rows, suggestion
    from proofreader.exporters.csv_report import HEADERS, _cell

    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(HEADERS["en" if lang.startswith("en") else "zh"])
    for result in results:
        if not result.ok:
            w.writerow([_cell(result.path), "", "", "", "", "", "", "",
                        _cell(result.error or ""), "error"])  # fmt: skip
            continue
        for r in rows(result):
            f = r.finding
            w.writerow([_cell(result.path), r.line, r.column, f.rule, str(f.category),
                        str(f.severity), _cell(r.text), _cell(suggestion(f)),
                        _cell(f.localized_message(lang)), r.status])  # fmt: skip
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")


def test_rows_are_what_csv_writer_writes() -> None:
    """Cells are encoded once per distinct value: the bytes must still be csv.writer's."""
    text = ' a,b"c\r\n=1+2\t-x\r@y\n\n"",,，“引”\u2028末 '
    findings = []
    for i in range(len(text) + 1):  # every span of length 0, 1 and 2, three kinds
        for n in (0, 1, 2):
            if i + n <= len(text):
                rep = ("", ",", '"', "=a", " ", None)[(i + n) % 6]
                findings.append(finding(text, text[i : i + n], f"r{n}", Category.OTHER, rep,
                                        message=(',"消息"', "-m", "m\n")[i % 3], start=i,
                                        message_en=("", "en,", "@en")[n], group="g"))
    result = FileResult("dir,x/\"a\".txt", document=Document(text=text), findings=findings)
    for k, f in enumerate(findings):
        if k % 3:
            result.statuses[f.key] = (Status.ACCEPTED, Status.REJECTED)[k % 2]
    twin = FileResult("=twin.txt", document=Document(text=text), findings=findings[::-1])
    broken = FileResult("-broken,.txt", status="error", error='bad "file"\r\n')
    results = [result, broken, twin, FileResult("empty.txt", document=Document(text=""))]
    for lang in ("zh", "en"):
        assert EXPORTERS["csv"].export(results, lang=lang) == writer_rows(results, lang)
