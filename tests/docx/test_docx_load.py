"""Loading .docx: the checked text, the run map, existing revisions, hostile packages."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Pt
from docx_helpers import body_docx, new_doc, replace_parts, save, zip_bomb
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proofreader.document import LoadError
from proofreader.formats.docx import RunRef, load_docx
from proofreader.formats.ziplimits import ZipLimits

MB = 1024 * 1024
REV = 'w:author="甲" w:date="2026-01-01T00:00:00Z"'


def test_paragraphs_and_table_cells_in_document_order(tmp_path: Path) -> None:
    d = new_doc()
    p = d.add_paragraph("记者")
    p.add_run("张三").bold = True
    p.add_run("报道。")
    table = d.add_table(rows=2, cols=2)
    for i, cell in enumerate(table._cells):
        cell.text = f"格{i}"
    d.add_paragraph("末段。")
    doc = load_docx(save(d, tmp_path / "a.docx"), 20 * MB)
    assert doc.text == "记者张三报道。\n格0\n格1\n格2\n格3\n末段。"
    assert doc.format == "docx" and doc.encoding == "utf-8" and doc.newline == "\n"
    src = doc.source
    assert src.had_revisions is False
    # "张三" is the second run of the first paragraph; "格3" the only run of paragraph 4.
    assert src.runs_touched(2, 4) == [RunRef(0, 1)]
    assert src.runs_touched(1, 5) == [RunRef(0, 0), RunRef(0, 1), RunRef(0, 2)]
    assert src.runs_touched(doc.text.index("格3"), doc.text.index("格3") + 2) == [RunRef(4, 0)]
    assert [w for _, _, w in src.paragraphs] == ["body", "table", "table", "table", "table", "body"]


def test_text_matches_python_docx_for_plain_documents(tmp_path: Path) -> None:
    d = new_doc()
    d.add_heading("标题", level=1)
    d.add_paragraph("第一段，有\t制表符。")
    d.add_paragraph("")
    r = d.add_paragraph("第二段").add_run("斜体")
    r.italic = True
    r.font.size = Pt(14)
    path = save(d, tmp_path / "b.docx")
    expected = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert load_docx(path, 20 * MB).text == expected


def test_hyperlink_field_and_nested_containers(tmp_path: Path) -> None:
    body = (
        '<w:p><w:r><w:t xml:space="preserve">见 </w:t></w:r>'
        '<w:hyperlink r:id="rIdX"><w:r><w:t>新华网</w:t></w:r></w:hyperlink>'
        '<w:fldSimple w:instr="PAGE"><w:r><w:t>3</w:t></w:r></w:fldSimple>'
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>DATE</w:instrText></w:r>"
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>今天</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        "<w:sdt><w:sdtContent><w:r><w:t>控件</w:t></w:r></w:sdtContent></w:sdt>"
        '<w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0" w:name="b"/>'
        '<w:smartTag w:uri="u" w:element="e"><w:r><w:t>标记</w:t></w:r></w:smartTag>'
        '<w:customXml w:element="c"><w:r><w:t>自定义</w:t></w:r></w:customXml>'
        '<w:bookmarkEnd w:id="0"/><w:r><w:t>。</w:t><w:footnoteReference w:id="1"/></w:r></w:p>'
    )
    doc = load_docx(body_docx(tmp_path, body), 20 * MB)
    assert doc.text == "见 新华网3今天控件标记自定义。"
    assert doc.source.runs_touched(2, 5) == [RunRef(0, 1)]


def test_existing_revisions_read_as_accepted(tmp_path: Path) -> None:
    body = (
        "<w:p><w:r><w:t>他说</w:t></w:r>"
        f'<w:ins w:id="1" {REV}><w:r><w:t>今天</w:t></w:r></w:ins>'
        f'<w:del w:id="2" {REV}><w:r><w:delText>昨天</w:delText>'
        "<w:tab/></w:r></w:del><w:r><w:t>下雨。</w:t></w:r></w:p>"
        # a deleted paragraph mark: the two paragraphs read as one
        f'<w:p><w:pPr><w:rPr><w:del w:id="3" {REV}/></w:rPr>'
        "</w:pPr><w:r><w:t>前半</w:t></w:r></w:p><w:p><w:r><w:t>后半。</w:t></w:r></w:p>"
        f'<w:tbl><w:tr><w:trPr><w:del w:id="4" {REV}/></w:trPr>'
        "<w:tc><w:p><w:r><w:t>删掉的行</w:t></w:r></w:p></w:tc></w:tr>"
        "<w:tr><w:tc><w:p><w:r><w:t>留下的行</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    )
    path = body_docx(tmp_path, body)
    doc = load_docx(path, 20 * MB)
    assert doc.text == "他说今天下雨。\n前半后半。\n留下的行"
    assert doc.source.had_revisions is True
    # python-docx alone silently loses the inserted word: why we read the XML ourselves
    assert docx.Document(str(path)).paragraphs[0].text == "他说下雨。"


def test_text_box_paragraphs_follow_their_anchor_once(tmp_path: Path) -> None:
    box = "<w:txbxContent><w:p><w:r><w:t>框内文字。</w:t></w:r></w:p></w:txbxContent>"
    body = (
        "<w:p><w:r><w:t>正文。</w:t></w:r><w:r><mc:AlternateContent>"
        f"<mc:Choice Requires=\"wps\"><w:drawing><wps:txbx>{box}</wps:txbx></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:textbox>{box}</v:textbox></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p><w:p><w:r><w:t>下一段。</w:t></w:r></w:p>"
    )
    doc = load_docx(body_docx(tmp_path, body), 20 * MB)
    assert doc.text == "正文。\n框内文字。\n下一段。"
    assert doc.source.text_boxes == 1
    assert doc.source.paragraphs[1][2] == "textbox"


def test_empty_document(tmp_path: Path) -> None:
    doc = load_docx(body_docx(tmp_path, ""), 20 * MB)
    assert doc.text == ""


# ---- hostile and broken input ---------------------------------------------------------


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "x.docx"
    path.write_text("这不是压缩包", encoding="utf-8")
    with pytest.raises(LoadError, match=r"^corrupt \.docx: not a zip archive$"):
        load_docx(path, 20 * MB)


def test_truncated_zip(tmp_path: Path) -> None:
    good = save(new_doc(), tmp_path / "good.docx").read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(good[: len(good) // 2])
    with pytest.raises(LoadError, match=r"^corrupt \.docx"):
        load_docx(path, 20 * MB)


def test_legacy_doc(tmp_path: Path) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(LoadError, match=r"legacy \.doc"):
        load_docx(path, 20 * MB)


def test_missing_document_part(tmp_path: Path) -> None:
    base = save(new_doc(), tmp_path / "base.docx")
    path = replace_parts(base, tmp_path / "nodoc.docx", {}, drop=("word/document.xml",))
    with pytest.raises(LoadError, match=r"^corrupt \.docx: no word/document.xml"):
        load_docx(path, 20 * MB)


def test_malformed_xml(tmp_path: Path) -> None:
    base = save(new_doc(), tmp_path / "base.docx")
    path = replace_parts(base, tmp_path / "bad.docx", {"word/document.xml": b"<w:document"})
    with pytest.raises(LoadError, match="not well-formed XML"):
        load_docx(path, 20 * MB)


def test_file_over_max_size(tmp_path: Path) -> None:
    path = save(new_doc(), tmp_path / "big.docx")
    with pytest.raises(LoadError, match=r"^file too large"):
        load_docx(path, max_size=1000)


def test_zip_bomb_refused_from_the_central_directory(tmp_path: Path) -> None:
    """A real bomb: 300 MB of zeros in well under 1 MB. Refused before decompression."""
    base = save(new_doc(), tmp_path / "base.docx")
    path = zip_bomb(base, tmp_path / "bomb.docx", megabytes=300)
    assert path.stat().st_size < MB
    with zipfile.ZipFile(path) as z:  # a valid archive that really expands that far
        info = z.getinfo("word/media/bomb.bin")
        assert info.file_size == 300 * MB
        with z.open(info) as f:
            assert f.read(4 * MB) == b"\0" * (4 * MB)
    with pytest.raises(LoadError, match=r"^refused \.docx \(possible zip bomb\)"):
        load_docx(path, 20 * MB)


def test_zip_bomb_by_ratio_and_by_count(tmp_path: Path) -> None:
    base = save(new_doc(), tmp_path / "base.docx")
    path = replace_parts(base, tmp_path / "r.docx", {"word/media/z.bin": b"\0" * (8 * MB)})
    with pytest.raises(LoadError, match=r"compresses \d+:1"):
        load_docx(path, 20 * MB)
    many = {f"word/media/x{i}.bin": b"x" for i in range(60)}
    path = replace_parts(base, tmp_path / "n.docx", many)
    with pytest.raises(LoadError, match="entries"):
        load_docx(path, 20 * MB, limits=ZipLimits(max_entries=50))
    with pytest.raises(LoadError, match="expands to"):
        load_docx(path, 20 * MB, limits=ZipLimits(max_total_uncompressed=1000))


def test_lying_directory_is_caught_while_reading(tmp_path: Path) -> None:
    """An entry whose real data is longer than its declared size never yields more."""
    base = save(new_doc(), tmp_path / "base.docx")
    data = bytearray(base.read_bytes())
    # Corrupt the declared size of document.xml in the central directory: zipfile then
    # fails the CRC/size check, which must surface as a one-line LoadError.
    with zipfile.ZipFile(base) as z:
        info = z.getinfo("word/document.xml")
    cd = data.rfind(b"PK\x01\x02", 0)
    while cd != -1:
        name_len = int.from_bytes(data[cd + 28 : cd + 30], "little")
        if data[cd + 46 : cd + 46 + name_len] == b"word/document.xml":
            data[cd + 24 : cd + 28] = (info.file_size // 2).to_bytes(4, "little")
            break
        cd = data.rfind(b"PK\x01\x02", 0, cd)
    path = tmp_path / "liar.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(LoadError, match=r"^(corrupt|refused) \.docx"):
        load_docx(path, 20 * MB)


XXE_SYSTEM_DOCTYPE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
    '<!DOCTYPE w:document SYSTEM "file:///etc/passwd">\n'
)
XXE_ENTITY_DOCTYPE = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
)


@pytest.mark.parametrize("prolog", [XXE_SYSTEM_DOCTYPE, XXE_ENTITY_DOCTYPE])
def test_external_entities_are_never_resolved(tmp_path: Path, prolog: str) -> None:
    base = save(new_doc(), tmp_path / "base.docx")
    xml = (
        f'{prolog}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>前&xxe;后</w:t></w:r></w:p></w:body></w:document>"
    )
    if "ENTITY" not in prolog:
        xml = xml.replace("&xxe;", "")
    path = replace_parts(base, tmp_path / "xxe.docx", {"word/document.xml": xml.encode()})
    with pytest.raises(LoadError, match="declares a DTD") as info:
        load_docx(path, 20 * MB)
    assert "root:" not in str(info.value)
    # Defence in depth: python-docx's own parser does not expand it either.
    if "ENTITY" in prolog:
        text = docx.Document(str(path)).paragraphs[0].text
        assert "root:" not in text


@pytest.fixture(scope="module")
def good_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    d = new_doc()
    d.add_paragraph("一段文字，用来做变异测试。")
    d.add_table(rows=1, cols=1).cell(0, 0).text = "表格"
    return save(d, tmp_path_factory.mktemp("fuzz") / "g.docx").read_bytes()


@settings(max_examples=100, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_damaged_packages_fail_with_a_load_error_only(
    good_bytes: bytes, tmp_path: Path, data: st.DataObject
) -> None:
    """Flipped bytes, truncations and splices anywhere in a real package: the loader either
    reads it or raises LoadError with one line, never another exception."""
    raw = bytearray(good_bytes)
    for _ in range(data.draw(st.integers(1, 8))):
        kind = data.draw(st.sampled_from(["flip", "cut", "splice"]))
        at = data.draw(st.integers(0, len(raw) - 1))
        if kind == "flip":
            raw[at] ^= data.draw(st.integers(1, 255))
        elif kind == "cut":
            del raw[at : at + data.draw(st.integers(1, 4000))]
        else:
            raw[at:at] = data.draw(st.binary(min_size=1, max_size=64))
        if not raw:
            raw = bytearray(b"PK")
    path = tmp_path / "f.docx"
    path.write_bytes(bytes(raw))
    try:
        doc = load_docx(path, 20 * MB)
    except LoadError as e:
        assert "\n" not in str(e) and str(e)
    else:
        assert isinstance(doc.text, str)
