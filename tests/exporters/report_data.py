"""Results and findings the exporter tests share (a uniquely named module: `conftest` is
ambiguous when the whole suite runs)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from proofreader.batch import FileResult
from proofreader.document import Document
from proofreader.model import Applicability, Category, Finding, Severity, Status

# Line 1 ends with CRLF (the \r is part of line 1); 𠮷 (outside the BMP) is one code point.
TEXT = "标题行\r\n■记者 王小明\n本报讯 𠮷在在这里,说“好”。\n"
CREATED = datetime(2026, 11, 29, 16, 0, tzinfo=timezone(timedelta(hours=8)))


def finding(text: str, span: str, rule: str, category: Category, replacement: str | None,
            message: str = "消息", start: int = 0, **kw) -> Finding:
    offset = text.index(span, start)
    return Finding(rule, category, Severity.ERROR, offset, len(span), message,
                   () if replacement is None else (replacement,), **kw)


def draft_result() -> FileResult:
    dup = finding(TEXT, "在在", "duplicate-char", Category.DUPLICATE, "在", "重复的字“在在”",
                  message_en="doubled character")
    comma = finding(TEXT, ",", "half-width-punctuation", Category.PUNCTUATION, "，",
                    "半角逗号", group="half-width:,")
    doc = Document(text=TEXT, path=Path("drafts/page.txt"), encoding="gb18030", newline="\r\n")
    result = FileResult("drafts/page.txt", document=doc, findings=[dup, comma])
    result.statuses[comma.key] = Status.ACCEPTED
    return result


def broken_result() -> FileResult:
    return FileResult("drafts/broken.txt", status="error", error="not a text file (binary content)")


def many_commas(n: int) -> FileResult:
    """A page with n half-width commas of one group, as the punctuation rule reports them."""
    text = "".join(f"第{i}句话,接着说" for i in range(n)) + "。"
    findings = []
    pos = 0
    for _ in range(n):
        pos = text.index(",", pos)
        findings.append(Finding("half-width-punctuation", Category.PUNCTUATION, Severity.ERROR,
                                pos, 1, "半角逗号", ("，",), Applicability.SAFE,
                                group="half-width:,"))
        pos += 1
    return FileResult("drafts/commas.txt", document=Document(text=text), findings=findings)
