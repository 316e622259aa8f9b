"""Properties of loading and saving (hypothesis): a draft is never corrupted.

Whatever bytes a file holds, loading either refuses it with a one-line reason or gives a
text that, written back unchanged, reproduces the file byte for byte. A draft written in a
promised encoding comes back as exactly its text (line endings and all).
"""

from __future__ import annotations

import codecs
from pathlib import Path

import opencc
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proofreader.document import LoadError
from proofreader.formats import load
from proofreader.formats.text import save_text

SAMPLE = Path(__file__).resolve().parents[2] / "resources/samples/jiaxing-daily-pinghu-page.txt"
S2T = opencc.OpenCC("s2t")
SETTINGS = settings(
    max_examples=50,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

PIECES = [
    "市交通运输局", "相关负责人", "顾一诺说", "今天天气很好", "教育引导群众", "遵守封控规定",
    "，", "。", "“", "”", "、", "：", "……", "——", ",", ".", " ", "GDP", "3.5%", "2020年",
    "\n", "\r\n", "\r", "\n\n", "\t",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), min_size=4, max_size=60).map("".join)

# Real copy for the encodings that need detection: a few paragraphs of the sample page,
# joined by any line ending and cut anywhere (detection is certain for copy, not for a
# handful of punctuation marks, which is all the pieces above may give).
PARAGRAPHS = [p for p in SAMPLE.read_text(encoding="utf-8").split("\n") if len(p) > 15]
copy = st.builds(
    lambda paras, nl, cut: nl.join(paras)[: max(20, cut)],
    st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=4),
    st.sampled_from(["\n", "\r\n", "\n\n", "\r\n\r\n"]),
    st.integers(min_value=0, max_value=3000),
)

@SETTINGS
@given(data=st.binary(min_size=1, max_size=400))
def test_any_bytes_load_and_save_back_identically_or_are_refused(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("b")
    p = folder / "x.txt"
    p.write_bytes(data)
    try:
        doc = load(p)
    except LoadError as e:
        assert str(e) and "\n" not in str(e)
        return
    saved = save_text(doc, doc.text, folder / "y.txt")
    assert saved.path.read_bytes() == data, doc.encoding


@SETTINGS
@given(text=texts, codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_text_with_a_certain_encoding_comes_back_exactly(tmp_path_factory, text, codec):
    _round_trip(tmp_path_factory, text, codec)


@SETTINGS
@given(text=copy, codec=st.sampled_from(["gb18030", "gbk", "big5"]))
def test_copy_in_a_detected_encoding_comes_back_exactly(tmp_path_factory, text, codec):
    if codec == "big5":
        text = S2T.convert(text)
    _round_trip(tmp_path_factory, text, codec)


def _round_trip(tmp_path_factory, text: str, codec: str) -> None:
    folder = tmp_path_factory.mktemp("t")
    p = folder / "draft.txt"
    data = text.encode(codec, errors="replace")
    text = data.decode(codec)
    p.write_bytes(data)
    doc = load(p)
    assert doc.text == text
    assert save_text(doc, doc.text, folder / "copy.txt").path.read_bytes() == data
    assert doc.bom == (codec in ("utf-8-sig", "utf-16"))
    expected = {"utf-8-sig": "utf-8", "utf-16": "utf-16-le", "gbk": "gb18030"}.get(codec, codec)
    assert doc.encoding == expected or text.isascii()


def test_utf8_bom_and_utf16_marks_are_the_ones_we_know():
    assert codecs.BOM_UTF8 == b"\xef\xbb\xbf"
    assert "x".encode("utf-16")[:2] == codecs.BOM_UTF16_LE  # this machine is little-endian
