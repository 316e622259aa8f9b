"""LibreOffice reads our revisions as revisions: accept all gives the corrected text, reject
all the original, and the tracked output converts to PDF and to text with changes shown.

Needs Debian's libreoffice-writer-nogui (soffice) and python3-uno; skipped without them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from docx_helpers import body_docx, new_doc, save, shown_text
from lxml import etree

from proofreader.engine import apply_edits
from proofreader.formats.docx import load_docx
from proofreader.formats.docx_write import write_docx
from proofreader.model import Applicability, Category, Edit, Finding, Severity

MB = 1024 * 1024
HERE = Path(__file__).parent
SOFFICE = shutil.which("soffice")
SYSTEM_PY = "/usr/bin/python3"
REV = 'w:author="甲" w:date="2026-01-01T00:00:00Z"'

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: "
                       "apt-get install libreoffice-writer-nogui"),
]


def _has_uno() -> bool:
    if not Path(SYSTEM_PY).exists():
        return False
    probe = subprocess.run([SYSTEM_PY, "-c", "import uno"], capture_output=True, check=False)
    return probe.returncode == 0


def fix(text: str, old: str, new: str, nth: int = 0) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = text.index(old, start + 1)
    return Finding("t", Category.OTHER, Severity.ERROR, start, len(old), "测试", (new,))


def build_cases(tmp: Path) -> dict[str, tuple[Path, str, str, list[Finding]]]:
    """name -> (tracked output, original text, corrected text, fixes)."""
    cases = {}

    d = new_doc()
    p = d.add_paragraph("记者在在现场看到，")
    r = p.add_run("志愿者们,忙着")
    r.bold = True
    r.font.size = Pt(14)
    p.add_run("分发物资。").italic = True
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "单元格的的内容。"
    table.cell(0, 1).text = "另一格。"
    d.add_paragraph("市里要求各社区教育引导群众")
    d.add_paragraph("遵守封控规定。")
    d.add_paragraph("准确反映社会面上的")
    src = save(d, tmp / "mixed.docx")
    doc = load_docx(src, 20 * MB)
    t = doc.text
    join = t.index("群众\n") + 2
    fixes = [fix(t, "在在", "在"), fix(t, ",", "，"), fix(t, "的的", "的"),
             Finding("fragment-join", Category.FRAGMENT, Severity.ERROR, join, 1, "截断", ("",))]
    cut = t.index("准确反映社会面上的")
    notes = [Finding("fragment-truncated", Category.FRAGMENT, Severity.WARNING, cut, 9,
                     "段落不完整，后文缺失", (), Applicability.DISPLAY_ONLY)]
    out = tmp / "mixed.tracked.docx"
    write_docx(doc, fixes, out, track_changes=True)
    corrected = apply_edits(t, [Edit.of(f) for f in fixes]).text
    cases["mixed"] = (out, t, corrected, fixes)
    # LibreOffice 7.4 (nogui) cannot open a commented document through UNO with a frame,
    # so comments are checked on a separate file, through a plain conversion to .odt.
    out = tmp / "commented.tracked.docx"
    write_docx(doc, fixes, out, track_changes=True, comments_for=notes)
    cases["commented"] = (out, t, corrected, fixes)

    body = (
        '<w:p><w:r><w:t xml:space="preserve">详见</w:t></w:r>'
        '<w:hyperlink r:id="rId99"><w:r><w:t>新华网网站</w:t></w:r></w:hyperlink></w:p>'
        f'<w:p><w:r><w:t>他说</w:t></w:r><w:ins w:id="1" {REV}><w:r><w:t>今天天天,晴</w:t></w:r>'
        f'</w:ins><w:del w:id="2" {REV}><w:r><w:delText>昨天</w:delText></w:r></w:del>'
        "<w:r><w:t>。</w:t></w:r></w:p>"
    )
    src = body_docx(tmp, body, "revs.docx")
    doc = load_docx(src, 20 * MB)
    t = doc.text
    fixes = [fix(t, "网网", "网"), fix(t, "天天", "", nth=1), fix(t, ",", "，")]
    out = tmp / "revs.tracked.docx"
    write_docx(doc, fixes, out, track_changes=True)
    cases["revisions"] = (out, t, apply_edits(t, [Edit.of(f) for f in fixes]).text, fixes)

    # ruby, a tab and a soft break, a two-paragraph table cell, East Asian fonts, and a
    # paragraph mark deleted by an earlier author (LibreOffice does not export text boxes
    # as text and recomputes fields, so those are left to the XML-level tests)
    body = (
        '<w:p><w:r><w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/></w:rPr><w:t>标题,</w:t></w:r>'
        "<w:r><w:t>正文</w:t><w:tab/><w:t>甲乙</w:t><w:br/><w:t>丙丁</w:t></w:r></w:p>"
        '<w:p><w:r><w:rPr><w:rFonts w:eastAsia="宋体"/><w:i/></w:rPr><w:t>第二段</w:t></w:r>'
        "<w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>zhù</w:t></w:r></w:rt>"
        "<w:rubyBase><w:r><w:t>注音</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>格一</w:t></w:r></w:p><w:p><w:r><w:t>格一下</w:t>"
        "</w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>格二</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        f'<w:p><w:pPr><w:rPr><w:del w:id="3" {REV}/></w:rPr></w:pPr><w:r><w:t>前半</w:t></w:r>'
        "</w:p><w:p><w:r><w:t>后半,末段。</w:t></w:r></w:p>"
    )
    src = body_docx(tmp, body, "rich.docx")
    doc = load_docx(src, 20 * MB)
    t = doc.text
    assert t == "标题,正文\t甲乙\n丙丁\n第二段注音\n格一\n格一下\n格二\n前半后半,末段。"
    fixes = [fix(t, ",", "，"), fix(t, "甲乙", "乙"), fix(t, "注音", "注"),
             fix(t, "格一下", "格下"), fix(t, ",", "，", nth=1), fix(t, "\n丙", "丙")]
    out = tmp / "rich.tracked.docx"
    write_docx(doc, fixes, out, track_changes=True)
    cases["rich"] = (out, t, apply_edits(t, [Edit.of(f) for f in fixes]).text, fixes)

    # a cut paragraph whose continuation is formatted differently (centred, no indent)
    d = new_doc()
    d.add_paragraph("市里要求各社区教育引导群众").paragraph_format.first_line_indent = Pt(21)
    d.add_paragraph("遵守封控规定。").alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph("下一段。")
    doc = load_docx(save(d, tmp / "join.docx"), 20 * MB)
    t = doc.text
    fixes = [Finding("fragment-join", Category.FRAGMENT, Severity.ERROR, t.index("\n"), 1,
                     "截断", ("",))]
    out = tmp / "join.tracked.docx"
    write_docx(doc, fixes, out, track_changes=True)
    cases["join"] = (out, t, apply_edits(t, [Edit.of(f) for f in fixes]).text, fixes)
    return cases


@pytest.fixture(scope="module")
def lo(tmp_path_factory: pytest.TempPathFactory) -> dict:
    tmp = tmp_path_factory.mktemp("lo")
    cases = build_cases(tmp)
    profile = tmp / "profile"
    # Plain command-line conversions, as a desk would run them (each start of LibreOffice
    # costs seconds, so the UNO session below makes the other files' PDFs).
    commented = str(cases["commented"][0])
    for fmt in ("pdf", "txt:Text (encoded):UTF8", "odt"):
        subprocess.run(
            [SOFFICE, "--headless", f"-env:UserInstallation={profile.as_uri()}",
             "--convert-to", fmt, "--outdir", str(tmp / "conv"), commented],
            check=True, capture_output=True, timeout=180,
        )
    uno = None
    if _has_uno():
        uno_files = [str(c[0]) for name, c in cases.items() if name != "commented"]
        run = subprocess.run([SYSTEM_PY, str(HERE / "lo_revisions.py"), str(profile),
                              *uno_files],
                             check=True, capture_output=True, timeout=300)
        uno = json.loads(run.stdout)
    return {"cases": cases, "tmp": tmp, "uno": uno}


def test_command_line_converts_to_pdf_and_text_with_changes_shown(lo: dict) -> None:
    out, *_ = lo["cases"]["commented"]
    conv = lo["tmp"] / "conv"
    pdf = (conv / out.with_suffix(".pdf").name).read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000
    text = (conv / out.with_suffix(".txt").name).read_text(encoding="utf-8-sig")
    assert text.rstrip("\n") == shown_text(out)


@pytest.mark.parametrize("name", ["mixed", "revisions", "rich"])
def test_libreoffice_shows_the_changes_and_prints_them(lo: dict, name: str) -> None:
    if lo["uno"] is None:
        pytest.skip("python3-uno is not installed (LibreOffice's Python bridge)")
    out, *_ = lo["cases"][name]
    assert lo["uno"][str(out)]["shown"].rstrip("\n") == shown_text(out)
    pdf = out.with_suffix(".pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000


@pytest.mark.parametrize("name", ["mixed", "revisions", "rich", "join"])
def test_accept_all_and_reject_all_in_libreoffice(lo: dict, name: str) -> None:
    if lo["uno"] is None:
        pytest.skip("python3-uno is not installed (LibreOffice's Python bridge)")
    out, original, corrected, _ = lo["cases"][name]
    seen = lo["uno"][str(out)]
    assert seen["accepted"].rstrip("\n") == corrected
    ours = [t for t, author in seen["redlines"] if author == "proofreader"]
    assert "Delete" in ours
    if name in ("mixed", "join"):  # drafts without earlier revisions: reject = original
        assert seen["rejected"].rstrip("\n") == original
    if name == "mixed":
        # 3 replacements (a deletion and an insertion each) and one deleted paragraph mark
        assert sorted(ours) == ["Delete"] * 4 + ["Insert"] * 3
    elif name in ("revisions", "rich"):
        # the other author's revisions are still there, ours sit beside them
        assert "Insert" in ours
        assert any(author == "甲" for _, author in seen["redlines"])


def test_reject_all_restores_what_the_author_had(lo: dict) -> None:
    """With an earlier author's revisions present, rejecting everything (theirs too) gives
    the text before either of us touched it; rejecting only ours is checked at XML level."""
    if lo["uno"] is None:
        pytest.skip("python3-uno is not installed (LibreOffice's Python bridge)")
    out, *_ = lo["cases"]["revisions"]
    assert lo["uno"][str(out)]["rejected"].rstrip("\n") == "详见新华网网站\n他说昨天。"
    assert docx.Document(str(out)).paragraphs[0].text.startswith("详见")


def test_comments_and_revisions_survive_conversion_to_odt(lo: dict) -> None:
    out, *_ = lo["cases"]["commented"]
    odt = lo["tmp"] / "conv" / out.with_suffix(".odt").name
    with zipfile.ZipFile(odt) as z:
        content = etree.fromstring(z.read("content.xml"))
    ns = {
        "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
        "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
        "dc": "http://purl.org/dc/elements/1.1/",
    }
    notes = content.xpath("//office:annotation", namespaces=ns)
    assert len(notes) == 1
    assert notes[0].xpath("./dc:creator/text()", namespaces=ns) == ["proofreader"]
    assert "".join(notes[0].xpath(".//text:p//text()", namespaces=ns)) == "段落不完整，后文缺失"
    regions = content.xpath("//text:changed-region", namespaces=ns)
    kinds = sorted(etree.QName(r[0]).localname for r in regions)
    assert kinds == ["deletion"] * 4 + ["insertion"] * 3
    creators = content.xpath("//text:changed-region//dc:creator/text()", namespaces=ns)
    assert set(creators) == {"proofreader"}


def test_joined_paragraph_keeps_the_first_paragraphs_formatting(lo: dict) -> None:
    if lo["uno"] is None:
        pytest.skip("python3-uno is not installed (LibreOffice's Python bridge)")
    out, *_ = lo["cases"]["join"]
    seen = lo["uno"][str(out)]
    assert sorted(t for t, _ in seen["redlines"]) == ["Delete", "ParagraphFormat"]
    joined, following = seen["paragraphs"]
    # 0 = left (not centred); 21 pt = 7.41 mm first-line indent
    assert joined == ["市里要求各社区教育引导群众遵守封控规定。", 0, 741]
    assert following == ["下一段。", 0, 0]
