"""`proofreader fix draft.docx --out DIR [--track-changes]` and `check` on Word drafts."""

from __future__ import annotations

import json
from pathlib import Path

import docx
from docx_helpers import W_NS, new_doc, read_part, rejected_text, save
from lxml import etree

from proofreader.cli import main
from proofreader.commands.fix_docx import fix_docx
from proofreader.formats.docx import load_docx

MB = 1024 * 1024
NS = {"w": W_NS}


def draft(tmp_path: Path) -> Path:
    d = new_doc()
    d.add_heading("平湖新闻", level=1)
    p = d.add_paragraph("昨天晚上,我市召开疫情防控工作视频会议。")
    p.add_run("市委书记在在会上强调，要教育引导群众").bold = True
    d.add_paragraph("遵守封控规定。")
    d.add_paragraph("他说，这项工作准确反映社会面上的")
    return save(d, tmp_path / "draft.docx")


def test_fix_track_changes(tmp_path: Path, capsys) -> None:
    path = draft(tmp_path)
    before = path.read_bytes()
    code = main(["fix", str(path), "--out", str(tmp_path / "out"), "--track-changes",
                 "--author", "校对员", "--unsafe-fixes"])
    out = tmp_path / "out" / "draft.docx"
    assert code in (0, 1)
    assert "tracked changes" in capsys.readouterr().err
    assert path.read_bytes() == before  # the draft itself is never touched
    root = etree.fromstring(read_part(out, "word/document.xml"))
    authors = set(root.xpath("//w:ins/@w:author | //w:del/@w:author", namespaces=NS))
    assert authors == {"校对员"}
    fixed = load_docx(out, 20 * MB).text
    assert "在在" not in fixed and "晚上，我市" in fixed
    assert "教育引导群众遵守封控规定。" in fixed  # the cut paragraph was joined
    assert rejected_text(out, "校对员") == load_docx(path, 20 * MB).text
    # the truncated last paragraph has no fix: it became a comment
    comments = [c.text for c in docx.Document(str(out)).comments]
    assert len(comments) == 1 and "后文缺失" in comments[0]


def test_unapplied_unsafe_fix_becomes_a_comment_with_its_suggestion(tmp_path: Path) -> None:
    path = draft(tmp_path)
    main(["fix", str(path), "--out", str(tmp_path / "out"), "--track-changes"])
    out = tmp_path / "out" / "draft.docx"
    assert "引导群众\n遵守" in load_docx(out, 20 * MB).text  # the join was not applied…
    comments = [c.text for c in docx.Document(str(out)).comments]
    assert any("同一句话" in c and "建议删除" in c for c in comments)  # …but proposed


def test_fix_clean_and_in_place(tmp_path: Path) -> None:
    path = draft(tmp_path)
    main(["fix", str(path), "--out", str(tmp_path / "clean")])
    clean = tmp_path / "clean" / "draft.docx"
    root = etree.fromstring(read_part(clean, "word/document.xml"))
    assert not root.xpath("//w:ins | //w:del | //w:commentRangeStart", namespaces=NS)
    paras = [p.text for p in docx.Document(str(clean)).paragraphs]
    assert paras[1] == "昨天晚上，我市召开疫情防控工作视频会议。市委书记在会上强调，要教育引导群众"
    assert paras[1].startswith("昨天晚上，我市") and "在在" not in paras[1]
    assert paras[2] == "遵守封控规定。"  # an unsafe join waits for --unsafe-fixes
    original = path.read_bytes()
    main(["fix", str(path), "--in-place"])
    assert (tmp_path / "draft.docx.bak").read_bytes() == original
    assert load_docx(path, 20 * MB).text == load_docx(clean, 20 * MB).text


def test_fix_docx_function(tmp_path: Path) -> None:
    path = draft(tmp_path)
    target = fix_docx(path, tmp_path / "o", track_changes=True)
    assert target == tmp_path / "o" / "draft.docx"
    assert b"<w:ins " in read_part(target, "word/document.xml")


def test_check_docx_in_parallel_and_broken_files(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    draft(folder)
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not really")
    code = main(["check", str(folder), "--format", "json", "--jobs", "2",
                 "-o", str(tmp_path / "r.json")])
    assert code == 2
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    files = {Path(f["path"]).name: f for f in report["files"]}
    assert files["broken.docx"]["status"] == "error"
    assert files["broken.docx"]["error"].startswith("corrupt .docx")
    ok = files["draft.docx"]
    assert ok["format"] == "docx" and ok["status"] == "ok"
    rules = {f["rule"] for f in ok["findings"]}
    assert "duplicate-char" in rules


def test_json_report_says_revisions_were_accepted(tmp_path: Path) -> None:
    from docx_helpers import body_docx

    rev = 'w:author="甲" w:date="2026-01-01T00:00:00Z"'
    path = body_docx(tmp_path, f'<w:p><w:r><w:t>他说</w:t></w:r><w:ins w:id="1" {rev}>'
                               "<w:r><w:t>在在这里。</w:t></w:r></w:ins></w:p>")
    plain = save(new_doc(), tmp_path / "plain.docx")
    main(["check", str(path), str(plain), "--format", "json", "-o", str(tmp_path / "r.json")])
    files = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["files"]
    assert files[0]["revisions"] == "accepted"
    assert files[0]["findings"][0]["text"] == "在在"  # found inside the inserted text
    assert "revisions" not in files[1]
