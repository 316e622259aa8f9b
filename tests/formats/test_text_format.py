"""Loading and saving plain-text drafts: real files on disk in every encoding we promise."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from proofreader.document import LoadError
from proofreader.formats import load
from proofreader.formats.text import SaveError, corrected_name, decode, save_text

ZH = (
    "市交通运输局相关负责人顾一诺说，今年以来，平湖市坚持“当日事当日毕”。\n"
    "教育引导群众遵守封控规定。\n"
)
ZH_CRLF = ZH.replace("\n", "\r\n")
ZH_TRAD = (
    "市交通運輸局相關負責人顧一諾說，今年以來，平湖市堅持「當日事當日畢」。\r\n"
    "教育引導群眾遵守規定。\r\n"
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def no_temp_files(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(
    ("codec", "text", "expected_codec"),
    [
        ("gb18030", ZH_CRLF, "gb18030"),
        ("gbk", ZH, "gb18030"),
        ("gb2312", ZH_CRLF, "gb18030"),
        ("big5", ZH_TRAD, "big5"),
        ("utf-8", ZH_CRLF, "utf-8"),
    ],
)
def test_detects_encoding_and_keeps_line_endings(tmp_path, codec, text, expected_codec):
    p = write(tmp_path, "draft.txt", text.encode(codec))
    doc = load(p)
    assert doc.text == text  # CRLF stays two code points: offsets match the file
    assert doc.encoding == expected_codec
    assert doc.bom is False
    assert doc.newline == ("\r\n" if "\r\n" in text else "\n")
    assert doc.path == p and doc.format == "txt"


def test_gb18030_crlf_round_trip_is_byte_identical(tmp_path):
    original = ZH_CRLF.encode("gb18030")
    p = write(tmp_path, "page.txt", original)
    doc = load(p)
    saved = save_text(doc, doc.text)
    assert saved.path == tmp_path / "page.corrected.txt"
    assert saved.path.read_bytes() == original
    assert saved.backup is None


def test_utf8_bom(tmp_path):
    p = write(tmp_path, "bom.md", codecs.BOM_UTF8 + ZH.encode("utf-8"))
    doc = load(p)
    assert doc.text == ZH  # the mark is not part of the text: offsets start at the first char
    assert (doc.encoding, doc.bom, doc.format) == ("utf-8", True, "md")
    out = save_text(doc, doc.text.replace("，", ",", 1)).path
    assert out.read_bytes().startswith(codecs.BOM_UTF8)
    assert load(out).text == doc.text.replace("，", ",", 1)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path, codec):
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    data = bom + ZH_CRLF.encode(codec)
    p = write(tmp_path, "u16.txt", data)
    doc = load(p)
    assert doc.text == ZH_CRLF and doc.encoding == codec and doc.bom
    assert save_text(doc, doc.text).path.read_bytes() == data


def test_big5_round_trip(tmp_path):
    data = ZH_TRAD.encode("big5")
    doc = load(write(tmp_path, "trad.txt", data))
    assert save_text(doc, doc.text).path.read_bytes() == data


def test_rare_name_character_in_gb2312_draft_is_written_as_gb18030_with_a_note(tmp_path):
    data = ZH.encode("gb2312")
    doc = load(write(tmp_path, "gb.txt", data))
    new = doc.text.replace("顾一诺", "𠮷一诺")
    saved = save_text(doc, new)
    assert saved.encoding == "gb18030" and saved.note and "GB18030" in saved.note
    assert saved.path.read_bytes().decode("gb18030") == new


def test_character_missing_from_big5_is_a_clear_error_and_nothing_is_written(tmp_path):
    doc = load(write(tmp_path, "trad.txt", ZH_TRAD.encode("big5")))
    with pytest.raises(SaveError, match="U\\+20BB7"):
        save_text(doc, doc.text + "𠮷")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["trad.txt"]
    # the way out: an explicit encoding
    saved = save_text(doc, doc.text + "𠮷", encoding="utf-8")
    assert saved.path.read_text(encoding="utf-8").endswith("𠮷")


def test_mixed_line_endings_are_kept_exactly(tmp_path):
    text = "第一段。\r\n第二段。\n第三段。\r第四段。"
    doc = load(write(tmp_path, "mixed.txt", text.encode("utf-8")))
    assert doc.text == text
    assert save_text(doc, doc.text).path.read_bytes() == text.encode("utf-8")


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("bom-only.txt", codecs.BOM_UTF8, "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        ("random.txt", bytes((i * 37 + 11) % 255 + 1 for i in range(4000)), "binary"),
        ("broken.txt", ZH.encode("utf-8")[:-5] + b"\xff\xfe" + ZH.encode("utf-8"), "undecodable"),
        ("odd16.txt", codecs.BOM_UTF16_LE + "好".encode("utf-16-le") + b"\x00", "undecodable"),
    ],
)
def test_bad_input_is_a_load_error_with_a_reason(tmp_path, name, data, reason):
    p = write(tmp_path, name, data)
    with pytest.raises(LoadError, match=reason) as info:
        load(p)
    assert "\n" not in str(info.value)


def test_file_over_the_size_limit(tmp_path):
    p = write(tmp_path, "big.txt", ZH.encode("utf-8") * 100)
    with pytest.raises(LoadError, match="too large"):
        load(p, max_size=1000)
    assert load(p, max_size=1_000_000).text == ZH * 100


def test_missing_path_and_folder(tmp_path):
    with pytest.raises(LoadError, match="not found"):
        load(tmp_path / "nope.txt")
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(LoadError, match="folder"):
        load(folder)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file(tmp_path):
    p = write(tmp_path, "secret.txt", ZH.encode("utf-8"))
    p.chmod(0)
    try:
        with pytest.raises(LoadError, match="permission denied"):
            load(p)
    finally:
        p.chmod(0o644)


def test_unsupported_extensions_say_what_to_do(tmp_path):
    with pytest.raises(LoadError, match="docx"):
        load(write(tmp_path, "old.doc", b"\xd0\xcf\x11\xe0" + b"\x00" * 100))


def test_unknown_extension_is_tried_as_text(tmp_path):
    assert load(write(tmp_path, "page3.v2", ZH.encode("gb18030"))).text == ZH


def test_decode_prefers_strict_utf8():
    # Valid UTF-8 is taken as UTF-8 even when another codec could also decode it.
    text, codec, bom = decode("平湖".encode())
    assert (text, codec, bom) == ("平湖", "utf-8", False)


def test_save_overwriting_an_existing_copy_keeps_numbered_backups(tmp_path):
    doc = load(write(tmp_path, "a.txt", ZH.encode("gb18030")))
    target = corrected_name(doc.path)
    first = save_text(doc, "一")
    second = save_text(doc, "二")
    third = save_text(doc, "三")
    assert first.backup is None
    assert second.backup == tmp_path / "a.corrected.txt.bak"
    assert third.backup == tmp_path / "a.corrected.txt.1.bak"
    assert second.backup.read_bytes() == "一".encode("gb18030")
    assert third.backup.read_bytes() == "二".encode("gb18030")
    assert target.read_bytes() == "三".encode("gb18030")
    assert no_temp_files(tmp_path)


def test_overwriting_the_original_needs_consent_and_keeps_a_backup(tmp_path):
    original = ZH_CRLF.encode("gb18030")
    p = write(tmp_path, "page.txt", original)
    doc = load(p)
    with pytest.raises(SaveError, match="refusing"):
        save_text(doc, "改", p)
    assert p.read_bytes() == original
    saved = save_text(doc, doc.text.replace("，", ","), overwrite_original=True)
    assert saved.path == p and saved.backup == tmp_path / "page.txt.bak"
    assert saved.backup.read_bytes() == original
    assert p.read_bytes() == doc.text.replace("，", ",").encode("gb18030")
    assert no_temp_files(tmp_path)


def test_new_file_gets_ordinary_permissions(tmp_path):
    doc = load(write(tmp_path, "a.txt", b"abc"))
    out = save_text(doc, "abcd").path
    assert out.stat().st_mode & 0o600 == 0o600
    assert out.stat().st_mode & 0o044  # not the 0600 of a temporary file (usual umask 022)


@pytest.mark.parametrize("codec", ["gb18030", "big5", "utf-8"])
def test_whole_sample_page_in_each_encoding(tmp_path, sample_text, codec):
    import opencc

    text = opencc.OpenCC("s2t").convert(sample_text) if codec == "big5" else sample_text
    text = text.replace("\n", "\r\n")
    doc = load(write(tmp_path, "page.txt", text.encode(codec, errors="replace")))
    assert doc.encoding == codec and doc.newline == "\r\n"
    assert doc.text == text.encode(codec, errors="replace").decode(codec)


def test_western_windows_1252_copy(tmp_path):
    text = "He said “hello” – and left. Café déjà vu.\n"
    doc = load(write(tmp_path, "en.txt", text.encode("cp1252")))
    assert doc.text == text and doc.encoding == "cp1252"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(LoadError, match="not a regular file"):
        load(fifo)
