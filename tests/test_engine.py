from __future__ import annotations

from proofreader.engine import apply_edits
from proofreader.model import Edit


def test_overlapping_edit_is_dropped_not_garbled():
    r = apply_edits("abcdef", [Edit(1, 3, "X"), Edit(2, 4, "Y"), Edit(5, 6, "Z")])
    assert r.text == "aXdeZ"
    assert r.dropped == [Edit(2, 4, "Y")]


def test_touching_edits_both_apply():
    assert apply_edits("abcd", [Edit(0, 2, "1"), Edit(2, 4, "2")]).text == "12"


def test_two_insertions_at_one_point_conflict():
    r = apply_edits("ab", [Edit(1, 1, "x"), Edit(1, 1, "y")])
    assert r.text == "axb" and len(r.dropped) == 1
