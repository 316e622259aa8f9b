"""Writing corrections back into .docx: tracked changes, clean, comments, preservation."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from docx_helpers import (
    W_NS,
    body_docx,
    new_doc,
    ooxml_problems,
    read_part,
    rejected_text,
    save,
    tiny_png,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from proofreader.engine import apply_edits
from proofreader.formats.docx import load_docx
from proofreader.formats.docx_write import DocxWriteError, render_docx, write_docx
from proofreader.model import Applicability, Category, Edit, Finding, Severity

MB = 1024 * 1024
NS = {"w": W_NS}
WHEN = datetime(2026, 11, 29, 8, 0, tzinfo=UTC)
REV = 'w:author="甲" w:date="2026-01-01T00:00:00Z"'


def fix(text: str, old: str, new: str, *, nth: int = 0, rule: str = "test-fix") -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = text.index(old, start + 1)
    return Finding(rule, Category.OTHER, Severity.ERROR, start, len(old), "测试", (new,))


def note(text: str, span: str, message: str = "段落不完整") -> Finding:
    start = text.index(span)
    return Finding("fragment-truncated", Category.FRAGMENT, Severity.WARNING, start, len(span),
                   message, (), Applicability.DISPLAY_ONLY)


def doc_xml(path: Path) -> etree._Element:
    return etree.fromstring(read_part(path, "word/document.xml"))


def xp(el: etree._Element, path: str) -> list:
    return el.xpath(path, namespaces=NS)


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """Mixed formatting, CJK East Asian fonts, a table, a header, numbering and an image."""
    d = new_doc()
    d.sections[0].header.paragraphs[0].text = "嘉兴日报 平湖新闻"
    d.sections[0].footer.paragraphs[0].text = "第3版"
    d.add_heading("平湖新闻", level=1)
    p = d.add_paragraph("记者在在现场看到，")
    bold = p.add_run("志愿者们,忙着")
    bold.bold = True
    bold.font.size = Pt(14)
    bold.font.name = "Times New Roman"
    bold._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "黑体")
    p.add_run("分发物资。").italic = True
    p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    d.add_paragraph("第一条", style="List Number")
    d.add_picture(io.BytesIO(tiny_png()))
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "单元格的的内容。"
    table.cell(0, 1).text = "另一格。"
    d.add_paragraph("末段。")
    return save(d, tmp_path / "mixed.docx")


def test_tracked_changes_keep_the_run_formatting(mixed: Path, tmp_path: Path) -> None:
    doc = load_docx(mixed, 20 * MB)
    t = doc.text
    fixes = [fix(t, "在在", "在"), fix(t, ",", "，"), fix(t, "的的", "的")]
    out = tmp_path / "tracked.docx"
    res = write_docx(doc, fixes, out, track_changes=True, author="校对组", date=WHEN)
    assert len(res.applied) == 3 and not res.dropped
    root = doc_xml(out)
    dels = xp(root, "//w:del")
    inss = xp(root, "//w:ins")
    assert ["".join(xp(d, ".//w:delText/text()")) for d in dels] == ["在在", ",", "的的"]
    assert ["".join(xp(i, ".//w:t/text()")) for i in inss] == ["在", "，", "的"]
    for rev in dels + inss:
        assert rev.get(qn("w:author")) == "校对组"
        assert rev.get(qn("w:date")) == "2026-11-29T08:00:00Z"
    ids = [int(x) for x in xp(root, "//w:del/@w:id | //w:ins/@w:id")]
    assert len(set(ids)) == len(ids)
    # the comma sat in the bold 14pt run with a 黑体 East Asian font: so do both revisions
    for rev in (dels[1], inss[1]):
        rpr = xp(rev, "./w:r/w:rPr")[0]
        assert xp(rpr, "./w:b") and xp(rpr, "./w:sz/@w:val") == ["28"]
        assert xp(rpr, "./w:rFonts/@w:eastAsia") == ["黑体"]
    # the text reads corrected once accepted, and as before once rejected
    assert load_docx(out, 20 * MB).text == apply_edits(t, [Edit.of(f) for f in fixes]).text
    assert rejected_text(out, "校对组") == t
    # python-docx (hence Word-compatible tooling) still opens it
    assert docx.Document(str(out)).paragraphs[1].runs[-1].italic is True
    assert ooxml_problems(out) == []


def test_clean_output_applies_fixes_and_keeps_formatting(mixed: Path, tmp_path: Path) -> None:
    doc = load_docx(mixed, 20 * MB)
    t = doc.text
    fixes = [fix(t, "在在", "在"), fix(t, ",", "，"), fix(t, "的的", "的")]
    out = tmp_path / "clean.docx"
    write_docx(doc, fixes, out, track_changes=False)
    root = doc_xml(out)
    assert not xp(root, "//w:del | //w:ins")
    expected = apply_edits(t, [Edit.of(f) for f in fixes]).text
    assert load_docx(out, 20 * MB).text == expected
    para = docx.Document(str(out)).paragraphs[1]
    assert para.text == "记者在现场看到，志愿者们，忙着分发物资。"
    # each edited run is one run again, as in the draft
    assert [r.text for r in para.runs] == ["记者在现场看到，", "志愿者们，忙着", "分发物资。"]
    assert para.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    bold = [r for r in para.runs if r.bold]
    assert "".join(r.text for r in bold) == "志愿者们，忙着"
    for r in bold:
        assert r.font.size == Pt(14)
        assert r._element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"


def test_untouched_parts_and_runs_are_preserved(mixed: Path, tmp_path: Path) -> None:
    doc = load_docx(mixed, 20 * MB)
    out = tmp_path / "out.docx"
    write_docx(doc, [fix(doc.text, "在在", "在")], out, track_changes=True)
    with zipfile.ZipFile(mixed) as a, zipfile.ZipFile(out) as b:
        assert a.namelist() == b.namelist()
        for name in a.namelist():
            if name != "word/document.xml":
                assert a.read(name) == b.read(name), name  # header, footer, styles, image…
    # document.xml is byte for byte the same outside the edited paragraph
    raw, new = read_part(mixed, "word/document.xml"), read_part(out, "word/document.xml")
    at = raw.index("记者".encode())
    p_start = raw.rindex(b"<w:p>", 0, at) if b"<w:p>" in raw[:at] else raw.rindex(b"<w:p ", 0, at)
    p_end = raw.index(b"</w:p>", at) + len(b"</w:p>")
    assert new.startswith(raw[:p_start]) and new.endswith(raw[p_end:])
    before, after = doc_xml(mixed), doc_xml(out)
    # every paragraph other than the edited one is serialised identically
    ps_before, ps_after = xp(before, "//w:body/w:p"), xp(after, "//w:body/w:p")
    assert len(ps_before) == len(ps_after)
    changed = [i for i, (x, y) in enumerate(zip(ps_before, ps_after, strict=True))
               if etree.tostring(x) != etree.tostring(y)]
    assert changed == [1]
    # in the edited paragraph the runs after the edit are untouched
    runs_b, runs_a = xp(ps_before[1], "./w:r"), xp(ps_after[1], "./w:r")
    assert [etree.tostring(r) for r in runs_b[1:]] == [etree.tostring(r) for r in runs_a[-2:]]
    assert etree.tostring(xp(before, "//w:body/w:sectPr")[0]) == etree.tostring(
        xp(after, "//w:body/w:sectPr")[0]
    )


def test_nothing_to_change_copies_the_original(mixed: Path, tmp_path: Path) -> None:
    doc = load_docx(mixed, 20 * MB)
    out = tmp_path / "same.docx"
    write_docx(doc, [], out, track_changes=True)
    assert out.read_bytes() == mixed.read_bytes()


def test_hyperlink_text_is_revised_inside_the_link(tmp_path: Path) -> None:
    body = (
        '<w:p><w:r><w:t xml:space="preserve">详见</w:t></w:r>'
        '<w:hyperlink r:id="rId99"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr>'
        "<w:t>新华网网站</w:t></w:r></w:hyperlink><w:r><w:t>。</w:t></w:r></w:p>"
    )
    path = body_docx(tmp_path, body)
    doc = load_docx(path, 20 * MB)
    out = tmp_path / "t.docx"
    write_docx(doc, [fix(doc.text, "网网", "网")], out, track_changes=True)
    root = doc_xml(out)
    link = xp(root, "//w:hyperlink")[0]
    assert "".join(xp(link, "./w:del//w:delText/text()")) == "网网"
    assert "".join(xp(link, "./w:ins//w:t/text()")) == "网"
    assert xp(link, "./w:ins/w:r/w:rPr/w:rStyle/@w:val") == ["Hyperlink"]
    assert load_docx(out, 20 * MB).text == "详见新华网站。"
    clean = tmp_path / "c.docx"
    write_docx(doc, [fix(doc.text, "网网", "网")], clean, track_changes=False)
    assert "".join(xp(doc_xml(clean), "//w:hyperlink//w:t/text()")) == "新华网站"


def test_fix_inside_existing_revisions(tmp_path: Path) -> None:
    body = (
        f'<w:p><w:r><w:t>他说</w:t></w:r><w:ins w:id="1" {REV}><w:r><w:t>今天天天</w:t></w:r>'
        f'<w:r><w:t>晴</w:t></w:r></w:ins><w:del w:id="2" {REV}><w:r><w:delText>昨天</w:delText>'
        "</w:r></w:del><w:r><w:t>。</w:t></w:r></w:p>"
    )
    path = body_docx(tmp_path, body)
    doc = load_docx(path, 20 * MB)
    assert doc.text == "他说今天天天晴。" and doc.source.had_revisions
    f = fix(doc.text, "天天", "", nth=1)
    out = tmp_path / "t.docx"
    write_docx(doc, [Finding(f.rule, f.category, f.severity, f.offset, 2, "重复", ("",))], out,
               track_changes=True)
    root = doc_xml(out)
    # their insertion still holds our deletion; the other author's deletion is untouched
    assert "".join(xp(root, "//w:ins[@w:author='甲']/w:del/w:r/w:delText/text()")) == "天天"
    assert xp(root, "//w:del[@w:author='甲']//w:delText/text()") == ["昨天"]
    assert load_docx(out, 20 * MB).text == "他说今天晴。"
    assert rejected_text(out) == "他说今天天天晴。"


def test_insertion_inside_someone_elses_insertion_is_not_nested(tmp_path: Path) -> None:
    body = f'<w:p><w:ins w:id="1" {REV}><w:r><w:t>北京,上海</w:t></w:r></w:ins></w:p>'
    doc = load_docx(body_docx(tmp_path, body), 20 * MB)
    out = tmp_path / "t.docx"
    write_docx(doc, [fix(doc.text, ",", "，")], out, track_changes=True)
    root = doc_xml(out)
    assert not xp(root, "//w:ins//w:ins")
    assert xp(root, "//w:ins[@w:author='proofreader']//w:t/text()") == ["，"]
    assert load_docx(out, 20 * MB).text == "北京，上海"
    # their insertion was split in two around ours, with distinct ids
    theirs = xp(root, "//w:ins[@w:author='甲']")
    assert len(theirs) == 2 and theirs[0].get(qn("w:id")) != theirs[1].get(qn("w:id"))


def test_joining_cut_paragraphs(tmp_path: Path) -> None:
    d = new_doc()
    p1 = d.add_paragraph("市里要求各社区教育引导群众")
    p1.paragraph_format.first_line_indent = Pt(21)
    p2 = d.add_paragraph("遵守封控规定。")
    p2.alignment = WD_ALIGN_PARAGRAPH.CENTER
    path = save(d, tmp_path / "cut.docx")
    doc = load_docx(path, 20 * MB)
    i = doc.text.index("\n")
    join = Finding("fragment-join", Category.FRAGMENT, Severity.ERROR, i, 1, "段落被截断", ("",))

    tracked = tmp_path / "t.docx"
    write_docx(doc, [join], tracked, track_changes=True)
    root = doc_xml(tracked)
    ps = xp(root, "//w:body/w:p")
    assert len(ps) == 2
    assert xp(ps[0], "./w:pPr/w:rPr/w:del/@w:author") == ["proofreader"]
    # after acceptance the second paragraph carries the first one's properties
    assert xp(ps[1], "./w:pPr/w:ind/@w:firstLine") == ["420"]
    assert xp(ps[1], "./w:pPr/w:pPrChange/w:pPr/w:jc/@w:val") == ["center"]
    assert load_docx(tracked, 20 * MB).text == "市里要求各社区教育引导群众遵守封控规定。"
    assert rejected_text(tracked) == doc.text
    assert ooxml_problems(tracked) == []

    clean = tmp_path / "c.docx"
    write_docx(doc, [join], clean, track_changes=False)
    paras = docx.Document(str(clean)).paragraphs
    assert [p.text for p in paras] == ["市里要求各社区教育引导群众遵守封控规定。"]
    assert paras[0].paragraph_format.first_line_indent == Pt(21)
    assert paras[0].alignment is None


def test_edit_across_table_cells_is_dropped(tmp_path: Path) -> None:
    d = new_doc()
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "甲"
    table.cell(0, 1).text = "乙"
    doc = load_docx(save(d, tmp_path / "t.docx"), 20 * MB)
    bad = Finding("x", Category.OTHER, Severity.ERROR, 1, 1, "m", ("",))
    res = write_docx(doc, [bad], tmp_path / "o.docx", track_changes=False)
    assert res.dropped == [Edit(1, 2, "")] and not res.applied
    assert load_docx(tmp_path / "o.docx", 20 * MB).text == "甲\n乙"


def test_comments_for_findings_without_a_fix(mixed: Path, tmp_path: Path) -> None:
    doc = load_docx(mixed, 20 * MB)
    t = doc.text
    out = tmp_path / "c.docx"
    res = write_docx(doc, [fix(t, "在在", "在")], out, track_changes=True, author="校对组",
                     comments_for=[note(t, "分发物资。", "此段疑似不完整"), note(t, "另一格。")],
                     date=WHEN)
    assert res.comments == 2
    assert ooxml_problems(out) == []
    root = doc_xml(out)
    starts = xp(root, "//w:commentRangeStart/@w:id")
    assert starts == xp(root, "//w:commentRangeEnd/@w:id") == xp(
        root, "//w:r/w:commentReference/@w:id"
    )
    # the anchored range covers exactly the finding's text
    start_el = xp(root, "//w:commentRangeStart")[0]
    covered = []
    for el in start_el.itersiblings():
        if el.tag == qn("w:commentRangeEnd"):
            break
        covered.extend(xp(el, ".//w:t/text()"))
    assert "".join(covered) == "分发物资。"
    comments = etree.fromstring(read_part(out, "word/comments.xml"))
    assert xp(comments, "//w:comment/@w:id") == starts
    assert xp(comments, "//w:comment/@w:author") == ["校对组", "校对组"]
    assert "".join(xp(comments, "//w:comment[1]//w:t/text()")) == "此段疑似不完整"
    assert b"/word/comments.xml" in read_part(out, "[Content_Types].xml")
    assert b"comments.xml" in read_part(out, "word/_rels/document.xml.rels")
    # python-docx reads the comments back
    reopened = docx.Document(str(out))
    assert [c.text for c in reopened.comments] == ["此段疑似不完整", "段落不完整"]
    assert load_docx(out, 20 * MB).text == apply_edits(t, [Edit.of(fix(t, "在在", "在"))]).text


def test_comments_added_to_an_existing_comments_part(tmp_path: Path) -> None:
    d = new_doc()
    p = d.add_paragraph("原有批注的段落。")
    d.add_comment(p.runs, text="编辑的批注", author="编辑")
    path = save(d, tmp_path / "withc.docx")
    doc = load_docx(path, 20 * MB)
    out = tmp_path / "o.docx"
    write_docx(doc, [], out, track_changes=True, comments_for=[note(doc.text, "段落")])
    reopened = docx.Document(str(out))
    assert [c.text for c in reopened.comments] == ["编辑的批注", "段落不完整"]
    ids = [c.comment_id for c in reopened.comments]
    assert len(set(ids)) == 2


def test_writes_are_atomic_and_back_up_an_existing_target(mixed: Path, tmp_path: Path) -> None:
    doc = load_docx(mixed, 20 * MB)
    original = mixed.read_bytes()
    f = fix(doc.text, "在在", "在")
    with pytest.raises(DocxWriteError, match="refusing to overwrite the original"):
        write_docx(doc, [f], mixed, track_changes=False)
    assert mixed.read_bytes() == original
    res = write_docx(doc, [f], mixed, track_changes=False, overwrite_original=True, backup=False)
    assert res.backup is not None and res.backup.read_bytes() == original
    assert load_docx(mixed, 20 * MB).text.startswith("平湖新闻\n记者在现场")
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*.tmp"))
    other = tmp_path / "other.docx"
    write_docx(doc, [f], other, track_changes=True)
    assert res.backup.read_bytes() == original  # the source is never touched


def test_text_mismatch_is_refused(mixed: Path) -> None:
    doc = load_docx(mixed, 20 * MB)
    doc.text = doc.text + "改过"
    with pytest.raises(DocxWriteError):
        render_docx(doc, [], track_changes=True)


# ---- a property: any set of edits round-trips in both modes ----------------------------

RUNS = ["今天", "天气", ",很好", "\t", "。他说", "“北京", "上海”"]


@pytest.fixture(scope="module")
def many_runs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("prop")
    d = new_doc()
    for k in range(3):
        p = d.add_paragraph()
        for i, text in enumerate(RUNS):
            run = p.add_run(text)
            run.bold = (i + k) % 2 == 0
        link_body = d.add_table(rows=1, cols=1) if k == 1 else None
        if link_body is not None:
            link_body.cell(0, 0).text = "表格里的字"
    return save(d, tmp / "many.docx")


@settings(max_examples=30, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_edits_round_trip(many_runs: Path, data: st.DataObject) -> None:
    doc = load_docx(many_runs, 20 * MB)
    n = len(doc.text)
    raw = data.draw(st.lists(
        st.tuples(st.integers(0, n), st.integers(0, 4), st.sampled_from(["", "，", "改", "新字"])),
        max_size=6,
    ))
    edits = [Edit(s, min(n, s + k), r) for s, k, r in raw]
    findings = [Finding("p", Category.OTHER, Severity.ERROR, e.start, e.end - e.start, "m",
                        (e.replacement,)) for e in edits if (e.start, e.end) != (0, 0) or
                e.replacement]
    for tracked in (True, False):
        data_bytes, res = render_docx(doc, findings, track_changes=tracked)
        out = many_runs.parent / f"prop-{tracked}.docx"
        out.write_bytes(data_bytes)
        expected = apply_edits(doc.text, res.applied).text
        assert load_docx(out, 20 * MB).text == expected
        assert ooxml_problems(out) == []
        if tracked:
            assert rejected_text(out) == doc.text
            docx.Document(str(out))  # still a package python-docx accepts


def test_ruby_base_text_is_checked_and_fixed(tmp_path: Path) -> None:
    ruby = (
        '<w:r><w:ruby><w:rubyPr><w:rubyAlign w:val="center"/></w:rubyPr>'
        "<w:rt><w:r><w:t>chóng</w:t></w:r></w:rt>"
        "<w:rubyBase><w:r><w:t>重重</w:t></w:r></w:rubyBase></w:ruby></w:r>"
    )
    body = f"<w:p><w:r><w:t>困难</w:t></w:r>{ruby}<w:r><w:t>,但</w:t></w:r></w:p>"
    doc = load_docx(body_docx(tmp_path, body), 20 * MB)
    assert doc.text == "困难重重,但"  # the phonetic guide is not part of the text
    out = tmp_path / "t.docx"
    write_docx(doc, [fix(doc.text, ",", "，"), fix(doc.text, "重重", "重")], out,
               track_changes=True)
    assert load_docx(out, 20 * MB).text == "困难重，但"
    root = doc_xml(out)
    assert xp(root, "//w:rubyBase/w:del//w:delText/text()") == ["重重"]
    assert xp(root, "//w:rt//w:t/text()") == ["chóng"]
    assert rejected_text(out) == doc.text


def test_soft_line_break_and_tab(tmp_path: Path) -> None:
    body = "<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t><w:tab/><w:t>尾</w:t></w:r></w:p>"
    doc = load_docx(body_docx(tmp_path, body), 20 * MB)
    assert doc.text == "第一行\n第二行\t尾"
    i = doc.text.index("\n")
    join = Finding("fragment-join", Category.FRAGMENT, Severity.ERROR, i, 1, "截断", ("",))
    tab = fix(doc.text, "\t", "\t\t")
    for tracked in (True, False):
        out = tmp_path / f"o{tracked}.docx"
        write_docx(doc, [join, tab], out, track_changes=tracked)
        assert load_docx(out, 20 * MB).text == "第一行第二行\t\t尾"
        root = doc_xml(out)
        if tracked:
            assert len(xp(root, "//w:del/w:r/w:br")) == 1
            assert rejected_text(out) == doc.text
        else:
            assert not xp(root, "//w:br")


RICH_BODY = (
    '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>标题,</w:t></w:r>'
    '<w:hyperlink r:id="rId99"><w:r><w:t>链接文字</w:t></w:r></w:hyperlink>'
    f'<w:ins w:id="1" {REV}><w:r><w:t>插入的</w:t></w:r></w:ins>'
    f'<w:del w:id="2" {REV}><w:r><w:delText>删去的</w:delText></w:r></w:del>'
    "<w:r><w:t>正文</w:t><w:tab/><w:t>甲乙</w:t><w:br/><w:t>丙丁</w:t></w:r></w:p>"
    '<w:p><w:r><w:rPr><w:rFonts w:eastAsia="宋体"/><w:i/></w:rPr><w:t xml:space="preserve">第二段 '
    "</w:t></w:r><w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>zhù</w:t></w:r></w:rt>"
    "<w:rubyBase><w:r><w:t>注音</w:t></w:r></w:rubyBase></w:ruby></w:r>"
    '<w:fldSimple w:instr="PAGE"><w:r><w:t>12</w:t></w:r></w:fldSimple></w:p>'
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>格一</w:t></w:r></w:p><w:p><w:r><w:t>格一下</w:t></w:r>"
    "</w:p></w:tc><w:tc><w:p><w:r><w:t>格二</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    "<w:p><w:r><w:t>框前</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\">"
    "<w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent>"
    "</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p>"
    "<w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback>"
    "</mc:AlternateContent></w:r><w:r><w:t>框后</w:t></w:r></w:p>"
    "<w:p/><w:p><w:r><w:t>末段。</w:t></w:r></w:p>"
)


@pytest.fixture(scope="module")
def rich(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return body_docx(tmp_path_factory.mktemp("rich"), RICH_BODY)


@settings(max_examples=25, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_edits_round_trip_on_a_rich_document(rich: Path, data: st.DataObject) -> None:
    doc = load_docx(rich, 20 * MB)
    n = len(doc.text)
    raw = data.draw(st.lists(
        st.tuples(st.integers(0, n), st.integers(0, 5), st.sampled_from(["", "，", "改字"])),
        max_size=5,
    ))
    findings = [Finding("p", Category.OTHER, Severity.ERROR, s, min(n, s + k) - s, "m", (r,))
                for s, k, r in raw if min(n, s + k) > s or r]
    notes = [Finding("q", Category.OTHER, Severity.INFO, s, min(n, s + k) - s, "注")
             for s, k, _ in raw[:2]]
    for tracked in (True, False):
        data_bytes, res = render_docx(doc, findings, track_changes=tracked, comments_for=notes)
        out = rich.parent / f"rich-{tracked}.docx"
        out.write_bytes(data_bytes)
        assert load_docx(out, 20 * MB).text == apply_edits(doc.text, res.applied).text
        assert res.comments == len(notes)
        assert ooxml_problems(out) == []
        if tracked:
            assert rejected_text(out) == doc.text


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("甲乙丙\n丁戊", "甲丙\n丁戊己"),
        ("第一段\n第二段\n第三段", "第一段\n第三段"),
        ("第一段\n第二段\n第三段", "第二段\n第三段"),
        ("第一段\n第二段", "第一段第二段"),
        ("abc", "abc"),
        ("前\n中\n后", "前\n后"),
    ],
)
def test_diff_edits_rebuild_the_new_text(old: str, new: str) -> None:
    from proofreader.formats.docx import diff_edits

    assert apply_edits(old, diff_edits(old, new)).text == new


def test_write_reviewed_docx_uses_the_chosen_replacement_and_typing(tmp_path: Path) -> None:
    from proofreader.engine import Checker
    from proofreader.formats.docx import write_reviewed_docx
    from proofreader.model import Status
    from proofreader.review import ReviewSession

    d = new_doc()
    d.add_paragraph("他说在在北京,上海都好。")
    d.add_paragraph("准确反映社会面上的")
    d.add_paragraph("多余的一段。")
    doc = load_docx(save(d, tmp_path / "r.docx"), 20 * MB)
    findings = Checker().check_text(doc.text)
    session = ReviewSession(doc, findings, autosave=False)
    dup = next(f for f in findings if f.rule == "duplicate-char")
    comma = next(f for f in findings if f.rule == "halfwidth-punct")
    session.set_status(dup, Status.ACCEPTED)
    session.set_status(comma, Status.ACCEPTED, replacement="、")
    out = tmp_path / "tracked.docx"
    res = write_reviewed_docx(session, out, track_changes=True, author="编辑甲")
    assert load_docx(out, 20 * MB).text.startswith("他说在北京、上海都好。")
    assert res.comments >= 1  # the truncated paragraph, still pending
    # the editor also typed: deleted the last paragraph and a word
    typed = session.corrected_text().replace("都好", "好").replace("\n多余的一段。", "")
    out2 = tmp_path / "typed.docx"
    res = write_reviewed_docx(session, out2, track_changes=False, new_text=typed)
    assert load_docx(out2, 20 * MB).text == typed and not res.dropped
    assert [p.text for p in docx.Document(str(out2)).paragraphs] == typed.split("\n")


def test_replacement_xml_cannot_hold_is_dropped_not_crashing(mixed: Path, tmp_path: Path) -> None:
    doc = load_docx(mixed, 20 * MB)
    bad = fix(doc.text, "在在", "在\x0b")
    note_ = Finding("n", Category.OTHER, Severity.INFO, 0, 2, "说明\x00里有控制符")
    res = write_docx(doc, [bad], tmp_path / "o.docx", track_changes=True, comments_for=[note_])
    assert res.dropped == [Edit.of(bad)] and res.comments == 1
    assert load_docx(tmp_path / "o.docx", 20 * MB).text == doc.text


def test_deleting_text_keeps_notes_images_and_field_characters(tmp_path: Path) -> None:
    body = (
        '<w:p><w:r><w:t>正文。。</w:t><w:footnoteReference w:id="1"/></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/><w:t>甲甲</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    doc = load_docx(body_docx(tmp_path, body), 20 * MB)
    fixes = [fix(doc.text, "。。", "。"), fix(doc.text, "甲甲", "")]
    for tracked in (True, False):
        out = tmp_path / f"n{tracked}.docx"
        write_docx(doc, fixes, out, track_changes=tracked)
        root = doc_xml(out)
        assert len(xp(root, "//w:footnoteReference[not(ancestor::w:del)]")) == 1
        assert len(xp(root, "//w:fldChar[not(ancestor::w:del)]")) == 2
        assert load_docx(out, 20 * MB).text == "正文。"
        assert ooxml_problems(out) == []


def test_text_box_edit_reaches_its_vml_fallback(tmp_path: Path) -> None:
    box = "<w:txbxContent><w:p><w:r><w:t>框内的的文字。</w:t></w:r></w:p></w:txbxContent>"
    body = (
        "<w:p><w:r><w:t>正文。</w:t></w:r><w:r><mc:AlternateContent>"
        f'<mc:Choice Requires="wps"><w:drawing><wps:txbx>{box}</wps:txbx></w:drawing></mc:Choice>'
        f"<mc:Fallback><w:pict><v:textbox>{box}</v:textbox></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
    )
    doc = load_docx(body_docx(tmp_path, body), 20 * MB)
    for tracked in (True, False):
        out = tmp_path / f"b{tracked}.docx"
        write_docx(doc, [fix(doc.text, "的的", "的")], out, track_changes=tracked)
        root = doc_xml(out)
        ns = {**NS, "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"}
        choice = root.xpath("//mc:Choice//w:txbxContent", namespaces=ns)[0]
        fallback = root.xpath("//mc:Fallback//w:txbxContent", namespaces=ns)[0]
        assert etree.tostring(choice).split(b">", 1)[1] == etree.tostring(fallback).split(
            b">", 1)[1]
        assert load_docx(out, 20 * MB).text == "正文。\n框内的文字。"
        assert ooxml_problems(out) == []
