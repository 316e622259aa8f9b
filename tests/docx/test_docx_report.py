"""The correction report as .docx: a real Word file with a table of findings and statuses."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import docx
from docx_helpers import body_docx

from proofreader.batch import FileResult
from proofreader.document import Document
from proofreader.engine import Checker
from proofreader.exporters.docx_report import DocxReportExporter
from proofreader.formats.docx import load_docx
from proofreader.model import Status

REV = 'w:author="甲" w:date="2026-01-01T00:00:00Z"'


def tables(data: bytes) -> list[list[list[str]]]:
    d = docx.Document(io.BytesIO(data))
    return [[[c.text for c in row.cells] for row in t.rows] for t in d.tables]


def test_report_lists_findings_with_status_and_errors(tmp_path: Path) -> None:
    text = "他说在在北京,上海都很好。\n第二段\x0b有控制符。"
    doc = Document(text=text, path=Path("page3.txt"))
    findings = Checker().check_text(text)
    assert {f.rule for f in findings} >= {"duplicate-char", "halfwidth-punct"}
    ok = FileResult(path="drafts/page3.txt", document=doc, findings=findings)
    ok.statuses[findings[0].key] = Status.ACCEPTED
    bad = FileResult(path="drafts/broken.docx", status="error",
                     error="corrupt .docx: not a zip archive")
    data = DocxReportExporter().export([ok, bad], lang="zh", editor="王编辑",
                                       created=datetime(2026, 11, 29, 16, 0, tzinfo=UTC))
    d = docx.Document(io.BytesIO(data))
    body = "\n".join(p.text for p in d.paragraphs)
    assert "校对报告" in body and "王编辑" in body and "2026-11-29 16:00" in body
    assert "无法检查：corrupt .docx: not a zip archive" in body
    summary, table = tables(data)
    assert summary[0] == ["类别", "数量"]
    assert ["重复", "1"] in summary and ["标点", "1"] in summary
    assert table[0] == ["位置", "类别", "原文", "建议", "说明", "状态"]
    dup = next(row for row in table if row[2] == "在在")
    assert dup[0] == "1行3列" and dup[3] == "在" and dup[5] == "已采纳"
    comma = next(row for row in table if row[2] == ",")
    assert comma[3] == "，" and comma[5] == "待处理"
    # a landscape page, Chinese text in an East Asian font
    section = d.sections[0]
    assert section.page_width > section.page_height
    assert b"w:eastAsia" in docx.Document(io.BytesIO(data)).styles.element.xml.encode()


def test_report_in_english_and_a_docx_with_revisions(tmp_path: Path) -> None:
    body = (f'<w:p><w:r><w:t>他说</w:t></w:r><w:ins w:id="1" {REV}>'
            "<w:r><w:t>在在</w:t></w:r></w:ins></w:p>")
    doc = load_docx(body_docx(tmp_path, body), 20 * 1024 * 1024)
    result = FileResult(path="a.docx", document=doc, findings=Checker().check_text(doc.text))
    clean = FileResult(path="b.txt", document=Document(text="很好。"), findings=[])
    data = DocxReportExporter().export([result, clean], lang="en")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "checked as if they were all accepted" in text
    assert "No findings." in text
    rows = tables(data)[1]
    assert rows[0][0] == "Position" and rows[1][2] == "在在" and rows[1][5] == "pending"
