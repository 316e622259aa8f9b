from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ui.textpos import OffsetMap, display_text, from_utf16, to_utf16


def utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def test_extension_b_takes_two_units():
    text = "𠮷野家𠀀在在"
    assert to_utf16(text, 0) == 0
    assert to_utf16(text, 1) == 2
    assert to_utf16(text, 4) == 6  # after 𠮷野家𠀀
    assert from_utf16(text, 6) == 4
    assert from_utf16(text, 1) == 0  # inside the surrogate pair of 𠮷
    m = OffsetMap(text)
    assert [m.to_qt(i) for i in range(len(text) + 1)] == [0, 2, 3, 4, 6, 7, 8]
    assert [m.to_engine(p) for p in (0, 2, 3, 4, 6, 7, 8)] == list(range(7))


def test_crlf_is_one_qt_position():
    text = "甲\r\n乙\r丙\n丁"
    m = OffsetMap(text)
    shown = display_text(text)
    assert shown == "甲\n乙\n丙\n丁"
    for i, ch in enumerate(text):
        if ch == "\n" and text[i - 1 : i] == "\r":
            continue  # the second half of a CRLF has no position of its own
        q = m.to_qt(i)
        assert shown[q] == ("\n" if ch in "\r\n" else ch)
        assert m.to_engine(q) == i


def test_clamps_out_of_range():
    m = OffsetMap("ab")
    assert m.to_qt(-3) == 0
    assert m.to_qt(10) == 2
    assert m.to_engine(99) == 2


chars = st.sampled_from(["a", "在", "，", "𠮷", "𠀀", "\n", "\r\n", "\r", " "])


@given(st.lists(chars, max_size=40))
def test_offset_map_agrees_with_utf16_of_display_text(parts):
    text = "".join(parts)
    m = OffsetMap(text)
    shown = display_text(text)
    for i in range(len(text) + 1):
        if 0 < i < len(text) and text[i - 1] == "\r" and text[i] == "\n":
            continue  # between the two halves of a CRLF
        expected = utf16_len(display_text(text[:i]))
        assert m.to_qt(i) == expected
        assert m.to_engine(expected) == i
    assert m.to_qt(len(text)) == utf16_len(shown)


@given(st.text(alphabet=st.sampled_from("a在𠮷𠀀，"), max_size=30))
def test_pair_roundtrip(text):
    for i in range(len(text) + 1):
        assert to_utf16(text, i) == utf16_len(text[:i])
        assert from_utf16(text, to_utf16(text, i)) == i
