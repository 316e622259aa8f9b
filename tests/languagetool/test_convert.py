"""UTF-16 ↔ code point offsets, and what language-tool-python's own Match does with 𠮷."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from language_tool_python.match import Match

from proofreader.languagetool.convert import OffsetMap, utf16_len

texts = st.text(
    alphabet=st.sampled_from(["a", "中", "，", "\n", "𠮷", "😀", "\U0002a6a5", "é"]), max_size=40
)


@given(texts)
def test_offsets_agree_with_python_utf16_encoding(text: str) -> None:
    omap = OffsetMap(text)
    assert omap.utf16_length == utf16_len(text) == len(text.encode("utf-16-le")) // 2
    for i in range(len(text) + 1):
        u = omap.to_utf16(i)
        assert u == len(text[:i].encode("utf-16-le")) // 2
        assert omap.to_code_point(u) == i


def test_astral_character_takes_two_units() -> None:
    text = "𠮷野家在在"
    omap = OffsetMap(text)
    assert omap.span_to_utf16(3, 2) == (4, 2)
    assert omap.span_to_code_points(4, 2) == (3, 2)
    assert omap.span_to_utf16(0, 1) == (0, 2)  # the 𠮷 itself
    assert omap.span_to_code_points(0, 2) == (0, 1)


def test_offset_inside_a_surrogate_pair_is_rounded_outwards() -> None:
    omap = OffsetMap("a𠮷b")
    assert omap.to_code_point(2) == 1
    assert omap.to_code_point(2, round_up=True) == 2
    assert omap.span_to_code_points(2, 1) == (1, 1)  # still covers the 𠮷


def test_out_of_range_offsets_are_refused() -> None:
    omap = OffsetMap("𠮷")
    with pytest.raises(ValueError):
        omap.to_utf16(2)
    with pytest.raises(ValueError):
        omap.to_code_point(3)


def _lt_match(offset: int, length: int, message: str = "m") -> dict:
    return {
        "message": message,
        "replacements": [{"value": "x"}],
        "offset": offset,
        "length": length,
        "context": {"text": "", "offset": 0, "length": length},
        "rule": {"id": "R", "issueType": "grammar", "category": {"id": "C", "name": "c"}},
    }


def test_language_tool_python_match_fixes_the_offset_not_the_length() -> None:
    """Why the client converts offsets itself (language-tool-python 3.4): `Match` moves the
    offset back over each 𠮷 before it, but leaves `error_length` in UTF-16 units when the
    match covers one, and NFKC-normalises Chinese full-width punctuation in the message."""
    text = "𠮷野家在在杭州"
    after = Match(_lt_match(4, 2), text)  # 在在: UTF-16 4, code point 3
    assert after.offset == 3 and after.error_length == 2
    covering = Match(_lt_match(0, 3), text)  # 𠮷野: 3 UTF-16 units, 2 code points
    assert covering.offset == 0
    assert covering.error_length == 3  # not converted
    assert OffsetMap(text).span_to_code_points(0, 3) == (0, 2)
    assert Match(_lt_match(4, 2, "您的意思是“再接再厉”吗？"), text).message.endswith("?")
