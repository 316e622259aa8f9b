"""Properties of findings and fixes over random drafts (hypothesis).

Drafts are built from pieces of Chinese prose, legitimate reduplications, half-width and
full-width punctuation, doubled characters, quotes and line breaks. For every draft:
offsets are in bounds; applying all fixes keeps every character outside the fixed spans;
and checking the corrected text again finds nothing of the same rule at the same place.
"""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from proofreader.engine import Checker, apply_findings
from proofreader.model import Edit

WORDS = [
    "今天", "天气", "很好", "我们", "在", "的", "了", "记者", "平湖市", "坚持", "防控",
    "教育引导群众", "遵守封控规定", "人人", "常常", "渐渐", "个个", "不了了之", "高高兴兴",
    "看了看", "试一试", "绿油油", "2020年", "3.5", "10:30", "11000", "GDP", "Hello world",
    "https://example.com/a,b", "news@example.com", "𠮷", "後来", "乾净", "頭髮", "這個",
]  # fmt: skip
PUNCT = [
    "，", "。", "、", "；", "：", "？", "！", ",", ";", ":", "?", "!", "(", ")", "（", "）",
    "...", "……", "--", "——", " ", "  ", "“", "”", "‘", "’", '"', "'", "《", "》", "【", "】",
]  # fmt: skip
BREAKS = ["\n", "\r\n", "\n\n", "\r\n\r\n"]
SINGLE = ["在", "的", "了", "是", "我", "，", "。", "！"]

piece = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS),  # weighted: mostly prose
    st.sampled_from(PUNCT),
    st.sampled_from(SINGLE).map(lambda c: c * 2),  # a doubled character
    st.sampled_from(WORDS[:12]).map(lambda w: w * 2),  # a doubled word
    st.sampled_from(BREAKS),
)
drafts = st.lists(piece, min_size=1, max_size=40).map("".join)

CHECKER = Checker()
SETTINGS = settings(
    max_examples=50,
    deadline=None,
    derandomize=True,  # deterministic: the same drafts on every run
    database=None,  # and nothing written into the checkout
    suppress_health_check=[HealthCheck.too_slow],
)


def fixable(findings):
    return [f for f in findings if f.replacements]


@SETTINGS
@given(drafts)
def test_offsets_in_bounds(text):
    for f in CHECKER.check_text(text):
        assert 0 <= f.offset <= f.end <= len(text), f
        for rep in f.replacements:
            assert isinstance(rep, str)


@SETTINGS
@given(drafts)
def test_characters_outside_fixed_spans_survive(text):
    findings = CHECKER.check_text(text)
    result = apply_findings(text, findings)
    applied = sorted(result.applied, key=lambda e: e.start)
    # applied edits never overlap; each dropped one overlaps (or shares an insertion point
    # with) an applied one
    for a, b in itertools.pairwise(applied):
        assert a.end <= b.start
    for d in result.dropped:
        assert any(_conflict(d, a) for a in applied), d
    # walk the output: the text between edits is the original text, unchanged
    out, pos, prev = result.text, 0, 0
    for e in applied:
        keep = text[prev : e.start]
        assert out[pos : pos + len(keep)] == keep
        pos += len(keep)
        assert out[pos : pos + len(e.replacement)] == e.replacement
        pos += len(e.replacement)
        prev = e.end
    assert out[pos:] == text[prev:]


def _conflict(d: Edit, a: Edit) -> bool:
    return (d.start < a.end and a.start < d.end) or (d.start == d.end == a.start == a.end)


@SETTINGS
@given(drafts)
@example("他说,我们走吧...在在这里--好的!\r\n“你好\"")
@example("今天天气很好 ，我们我们去了了公园。\n\n他说:“好的。”")
def test_recheck_finds_nothing_of_the_same_rule_where_a_fix_was_applied(text):
    """Each rule's fixes, applied, leave nothing for that rule to flag where they were.

    Rule by rule: fixes of different rules can meet and form a new error (joining the
    paragraphs 了了 / 了了 makes 了了 again); a re-check catches that one, which is right."""
    findings = fixable(CHECKER.check_text(text))
    for rule in sorted({f.rule for f in findings}):
        _assert_fixed_for_good(text, [f for f in findings if f.rule == rule], rule)


def _assert_fixed_for_good(text: str, findings, rule: str) -> None:
    result = apply_findings(text, findings)
    # where each applied replacement sits in the corrected text
    places = []
    shift = 0
    for e in sorted(result.applied, key=lambda e: e.start):
        start = e.start + shift
        places.append((start, start + len(e.replacement)))
        shift += len(e.replacement) - (e.end - e.start)
    for f in CHECKER.check_text(result.text):
        if f.rule != rule:
            continue
        for start, end in places:
            same_place = (f.offset, f.end) == (start, end) or (
                start < end and f.offset < end and start < f.end and f.offset >= start
            )
            assert not same_place, (rule, result.text[max(0, start - 5) : end + 5], f)
