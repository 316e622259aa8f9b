from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from report_data import CREATED, finding, many_commas

from proofreader import resources
from proofreader.batch import FileResult
from proofreader.document import Document
from proofreader.exporters import EXPORTERS
from proofreader.exporters.html_report import COLLAPSE_AT, CONTEXT
from proofreader.model import Category, Finding, Severity


def render(results: list[FileResult], **kw) -> str:
    data = EXPORTERS["html"].export(results, created=CREATED, **kw)
    return data.decode("utf-8")


class Tags(HTMLParser):
    """Every start tag with its attributes: what a browser would build."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


def test_template_comes_from_resources() -> None:
    assert (resources.path("templates") / "report.html.j2").is_file()


def test_summary_findings_and_errors(results: list[FileResult]) -> None:
    html = render(results, editor="王小明")
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="zh-CN">' in html
    assert "校对报告" in html and "按类别统计" in html and "按文件统计" in html
    assert "王小明" in html
    assert "drafts/page.txt" in html
    assert "gb18030" in html
    # the flagged text and the suggestion are highlighted
    assert '<mark class="flag">在在</mark>' in html
    assert '<ins class="fix">在</ins>' in html
    assert "已采纳" in html and "待处理" in html
    # the file that could not be checked is listed with its reason
    assert "drafts/broken.txt" in html and "not a text file (binary content)" in html
    assert "@media print" in html


def test_english(results: list[FileResult]) -> None:
    html = render(results, lang="en", editor="Wang")
    assert '<html lang="en">' in html
    assert "Proofreading report" in html and "校对报告" not in html
    assert "doubled character" in html


def test_self_contained(results: list[FileResult]) -> None:
    html = render(results)
    for tag, attrs in tags(html):
        assert tag not in {"script", "link", "img", "iframe", "object", "embed"}
        for name, value in attrs.items():
            assert not name.startswith("on")
            if name in {"href", "src"}:
                assert value is not None and value.startswith("#")
    assert "url(" not in html and "@import" not in html


def test_draft_markup_is_escaped() -> None:
    evil = "<script>alert(1)</script>"
    text = f"本报讯 {evil}在在这里。<img src=x onerror=alert(2)>"
    f = finding(text, "在在", "duplicate-char", Category.DUPLICATE, "<b>在</b>",
                message=f"消息{evil}")
    ok = FileResult(f"drafts/{evil}.txt", document=Document(text=text), findings=[f])
    bad = FileResult(f"{evil}.docx", status="error", error=f"corrupt {evil}")
    html = render([ok, bad], editor=evil)
    found = tags(html)
    assert not any(tag in {"script", "img"} for tag, _ in found)
    assert "&lt;b&gt;在&lt;/b&gt;" in html
    assert not any(k.startswith("on") for _, attrs in found for k in attrs)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script" not in html.lower()


def test_context_around_the_finding() -> None:
    text = "甲" * 50 + "在在" + "乙" * 50
    f = finding(text, "在在", "duplicate-char", Category.DUPLICATE, "在")
    html = render([FileResult("x.txt", document=Document(text=text), findings=[f])])
    shown = re.sub(r"<[^>]+>", "", html)
    assert "…" + "甲" * CONTEXT + "在在" + "乙" * CONTEXT + "…" in shown
    assert "甲" * (CONTEXT + 1) not in shown


def test_line_breaks_in_context_are_drawn() -> None:
    text = "他说：“我们要\r\n\r\n坚持下去。”"
    f = finding(text, "要\r\n\r\n坚", "fragment-split", Category.FRAGMENT, "要坚")
    html = render([FileResult("x.txt", document=Document(text=text), findings=[f])])
    assert '<mark class="flag">要↵↵坚</mark>' in html


def test_large_groups_collapse() -> None:
    html = render([many_commas(212)])
    assert html.count("<details") == 1
    assert "212" in html
    assert html.count("<li>") == 212
    # only the group's summary row is a table row of findings
    body = html.split('<table class="findings">', 1)[1]
    assert body.count('<tr class="group">') == 1
    assert body.count('<tr class="members">') == 1
    assert body.split("</thead>", 1)[1].count("<tr") == 2


def test_small_groups_stay_rows() -> None:
    html = render([many_commas(COLLAPSE_AT - 1)])
    assert "<details" not in html
    body = html.split('<table class="findings">', 1)[1].split("</thead>", 1)[1]
    assert body.count("<tr") == COLLAPSE_AT - 1


def test_clean_file_and_no_files() -> None:
    clean = FileResult("clean.txt", document=Document(text="一切正常。"))
    assert "未发现问题" in render([clean])
    assert "<html" in render([])


def test_grammar_step_state_is_shown(draft_result: FileResult) -> None:
    assert "语法检查" not in render([draft_result])  # the step did not run
    draft_result.languagetool = {"status": "not-configured", "detail": "", "url": None}
    assert "语法检查：未运行（未配置 LanguageTool 服务）" in render([draft_result])
    assert "Grammar checks: not run" in render([draft_result], lang="en")


def test_tracked_changes_are_mentioned(tmp_path: Path) -> None:
    import docx

    from proofreader.formats import load

    # a real .docx whose body holds a tracked insertion (python-docx has no API for it)
    base = tmp_path / "base.docx"
    docx.Document().save(str(base))
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{w}">'
            '<w:body><w:p><w:r><w:t>正文</w:t></w:r><w:ins w:id="1" w:author="编辑" '
            'w:date="2026-11-29T00:00:00Z"><w:r><w:t>。</w:t></w:r></w:ins></w:p>'
            "<w:sectPr/></w:body></w:document>")
    revised = tmp_path / "revised.docx"
    with zipfile.ZipFile(base) as zin, zipfile.ZipFile(revised, "w") as zout:
        for item in zin.infolist():
            data = body.encode() if item.filename == "word/document.xml" else zin.read(item)
            zout.writestr(item, data)
    doc = load(revised)
    assert doc.text == "正文。"
    assert "含修订痕迹" in render([FileResult("revised.docx", document=doc)])
    assert "含修订痕迹" not in render([FileResult("plain.docx", document=load(base))])


def expected_context(text: str, offset: int, length: int) -> str:
    """A finding's context cell as the template wrote it from each finding's slices."""
    from markupsafe import escape

    from proofreader.exporters.html_report import shorten, visible

    end = offset + length
    lo, hi = max(0, offset - CONTEXT), min(len(text), end + CONTEXT)
    flagged = visible(shorten(text[offset:end]))
    caret = '<span class="caret">‸</span>'
    mark = f'<mark class="flag">{escape(flagged)}</mark>' if flagged else caret
    cut = '<span class="cut">…</span>'
    return (f'<span class="ctx">{cut if lo > 0 else ""}{escape(visible(text[lo:offset]))}'
            f'{mark}{escape(visible(text[end:hi]))}{cut if hi < len(text) else ""}</span>')


@pytest.mark.parametrize("text", [
    "甲乙丙丁戊\r\n己庚,辛壬\r\n\r\n癸\t子丑寅卯\r辰巳午未申酉\n戌亥\r\n" * 2,  # CRLFs cut anywhere
    "甲乙\r↵丙丁\r\n戊己,庚辛壬癸\r\n子丑寅卯辰巳午未申酉戌亥↵\r\n",  # a drawn CRLF in the draft
    "<b>甲&amp;乙</b>'丙\"丁\r\n戊己<庚辛>壬癸&子丑寅卯辰巳午未申酉戌亥\t",  # markup
    "平平无奇的一段话，没有换行也没有标记符号，只有汉字和标点。" * 2,
])
@pytest.mark.parametrize("group", [None, "g"])
def test_context_of_every_span(text: str, group: str | None) -> None:
    """The contexts are cut from the text drawn once per file: every span gives what
    visible() and escape() give on its own slices (rows, and members of a group)."""
    spans = [(i, n) for i in range(len(text) + 1) for n in (0, 1, 2) if i + n <= len(text)]
    fs = [Finding("x", Category.OTHER, Severity.INFO, i, n, "m", group=group) for i, n in spans]
    html = render([FileResult("x.txt", document=Document(text=text), findings=fs)])
    if group:  # one summary row (the first member's context), then every member
        member = r'<li><span class="pos">[^<]*</span>(<span class="ctx">.*?) <span class="arrow">'
        found = re.findall(member, html)
        assert html.count('<tr class="group">') == 1
    else:
        found = re.findall(r'<td>(<span class="ctx">.*?)</td>', html)
    assert found == [expected_context(text, i, n) for i, n in spans]


def test_rows_mark_in_a_draft_is_only_text() -> None:
    """The page is put together around a mark standing for each table's rows; a draft
    holding that mark is escaped like any other text."""
    text = "<rows/>在在<rows/>"
    f = finding(text, "在在", "duplicate-char", Category.DUPLICATE, "<rows/>", message="<rows/>")
    html = render([FileResult("<rows/>.txt", document=Document(text=text), findings=[f])],
                  editor="<rows/>")
    assert "<rows/>" not in html
    # title, editor x2, by-file table, heading, context x2, suggestion, message
    assert html.count("&lt;rows/&gt;") == 9
