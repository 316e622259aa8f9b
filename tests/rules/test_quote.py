"""The quote family: quotation marks and brackets (GB/T 15834-2011)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from proofreader.engine import Checker, apply_findings
from proofreader.model import Applicability, Category
from proofreader.rules import quote

CHECK = Checker(rules=quote.RULES)


def found(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(f.rule, f.text_in(text), f.replacements) for f in CHECK.check_text(text)]


def test_the_sample_page(sample_text: str) -> None:
    """One reversed mark; the quotation split by a cut paragraph (坚持“当 / 日事当日毕”) and
    the nested ‘志愿浙江·浙志援’ are right."""
    [f] = CHECK.check_text(sample_text)
    assert (f.rule, f.offset, f.length, f.replacements) == ("quote-reversed", 3798, 1, ("”",))
    # read from the context (a speaker follows): offered for a person to confirm
    assert f.category == Category.QUOTE and f.applicability == Applicability.UNSAFE
    fixed = apply_findings(sample_text, [f]).text
    assert "消杀等工作。”市交通运输局" in fixed
    # Turned round, the mark closes a quotation whose opening mark the source never had:
    # that is still reported, with no fix (where it opened is the editor's call).
    assert found(fixed) == [("quote-unbalanced", "”", ())]


def test_the_sample_in_crlf(sample_text: str) -> None:
    text = sample_text.replace("\n", "\r\n")
    [f] = CHECK.check_text(text)
    assert f.rule == "quote-reversed" and f.text_in(text) == "“"
    assert text[f.offset - 4 : f.offset + 4] == "等工作。“市交通"


@pytest.mark.parametrize(
    "text",
    [
        "他说：“大家都叫它‘志愿浙江·浙志援’平台。”",
        "“第一段。\n\n“第二段。\n\n“第三段，到此结束。”他说。",
        "　　“第一段。\r\n　　“第二段，到此结束。”",
        "“第一段。\n“第二段，到此结束。”",
        "让群众的“米袋子”“菜篮子”更加充实。",
        "坚持“当\n\n日事当日毕”，提高精密智控水平。",  # split by the layout: the fragment rule's
        "汇聚“你我他”之力,不胜不休\n\n■汪锦秀",
        "It’s the reporter’s notebook，他说。",
        'The sign read "No entry" in English.',
        "各村(社区)工作人员挨家挨户走访，详见《防控指南（第九版）》。",
        "1）加强排查；2）做好保障。\n一）稳定秩序\n二）做好宣传",
        "“他说‘要快’，我说‘要稳’。”",
        "",
    ],
)
def test_clean(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "rule", "span", "fixed"),
    [
        # the sample's case: a lone “ between the quoted speech and the speaker
        ("“并做好消杀等工作。“执法队副队长顾一诺说。", "quote-reversed", "“",
         "“并做好消杀等工作。”执法队副队长顾一诺说。"),
        ("他说：“我们一定能战胜疫情。“大家都笑了。", "quote-reversed", "“",
         "他说：“我们一定能战胜疫情。”大家都笑了。"),
        ("他说：”我们一定能战胜疫情。”大家都笑了。", "quote-reversed", "”",
         "他说：“我们一定能战胜疫情。”大家都笑了。"),
        ("他说：“这是‘志愿浙江‘平台。”", "quote-reversed", "‘", "他说：“这是‘志愿浙江’平台。”"),
        ('让群众的"米袋子"更加充实。', "quote-straight", '"', '让群众的“米袋子"更加充实。'),
    ],
)  # fmt: skip
def test_fixes(text: str, rule: str, span: str, fixed: str) -> None:
    hits = [f for f in CHECK.check_text(text) if f.rule == rule and f.text_in(text) == span]
    assert hits
    assert apply_findings(text, hits[:1]).text == fixed


def test_straight_quotes_pair_first_opens_second_closes() -> None:
    text = '他说："我们一定能战胜疫情。"大家都说"好"。'
    findings = CHECK.check_text(text)
    assert all(f.applicability == Applicability.SAFE for f in findings)
    assert [f.replacements for f in findings] == [("“",), ("”",), ("“",), ("”",)]
    assert apply_findings(text, findings).text == "他说：“我们一定能战胜疫情。”大家都说“好”。"


def test_straight_quotes_beside_curly_ones() -> None:
    text = '他说：“我们一定能战胜疫情。"大家都笑了。'
    assert found(text) == [("quote-straight", '"', ("”",))]


def test_an_odd_straight_quote_is_reported_without_a_fix() -> None:
    assert found('他说："我们一定能战胜疫情。') == [("quote-straight", '"', ())]


@pytest.mark.parametrize(
    ("text", "rule", "span"),
    [
        ("他说：“我们一定能战胜疫情。大家都很配合。", "quote-unbalanced", "“"),
        ("他说：我们一定能战胜疫情。”大家都很配合。", "quote-unbalanced", "”"),
        ("“我们接到通知后立刻前往现场。\n\n大家都很配合。", "quote-unbalanced", "“"),
        ("他说：“大家都叫它“志愿浙江”平台。”", "quote-nesting", "“"),
        ("独山港镇虎啸村（社区居民朱华国说。", "bracket-unbalanced", "（"),
        ("独山港镇虎啸村社区）居民朱华国说。", "bracket-unbalanced", "）"),
        ("他最喜欢读《红楼梦，每年都要读一遍。", "bracket-unbalanced", "《"),
    ],
)
def test_reported_without_a_fix(text: str, rule: str, span: str) -> None:
    hits = [f for f in CHECK.check_text(text) if f.rule == rule]
    assert [f.text_in(text) for f in hits] == [span]
    assert not hits[0].replacements and hits[0].applicability == Applicability.DISPLAY_ONLY


def test_the_unclosed_mark_is_the_one_reported() -> None:
    text = "“请大家戴好口罩，共同战胜疫情……昨天一早，“只要大家都配合好，就能战胜疫情。”居民说。"
    [f] = CHECK.check_text(text)
    assert f.rule == "quote-unbalanced" and f.offset == 0


def test_a_quotation_cut_by_a_truncated_paragraph_is_a_quote_error() -> None:
    """Without a continuation the open quotation is simply unclosed."""
    text = "他说：“我们一定\n\n本报讯 昨天，会议召开。"
    assert found(text) == [("quote-unbalanced", "“", ())]


def test_marks_of_headlines_are_checked_on_their_own() -> None:
    text = "“志愿浙江·浙志援”助力疫情防控\n\n■记者 李雨婷\n\n本报讯 “12名志愿者，15分钟完成招募。”"
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“他说。\r大家都很配合。", [("quote-unbalanced", "“", ())]),  # \r alone ends a line
        ("大家好。\r\n”我们走吧。", [("quote-unbalanced", "”", ())]),
        ("“甲”“乙”“\n丙。", [("quote-unbalanced", "“", ())]),
        ("他说：“好”。\r\n\r\n“对”他说”。", [("quote-unbalanced", "”", ())]),
        ("他说：“这是‘志愿浙江’平台（试行）。”\n“你好”", []),
        ("“第一段。\n\n“第二段”（注）。", []),
    ],
)
def test_paragraphs_passed_over_or_analysed(
    text: str, expected: list[tuple[str, str, tuple[str, ...]]]
) -> None:
    """Paragraphs whose marks plainly pair up are skipped by one scan of the text; every
    other one is analysed, whatever ends its lines."""
    assert found(text) == expected


LEAD = "按照既定路线“点对点”安全送达，并做好消杀等工作。“"


@pytest.mark.parametrize(
    ("attribution", "reversed_"),
    [
        ("执法队副队长顾一诺说。", True),  # 说 is the only word the clause can end with
        ("他笑着说。", True),  # 笑着说 or 说: both speech verbs
        ("队长Li说。", True),
        ("据说。", False),  # 据说 is one word, not a speaker and 说
        ("他在读小说。", False),
        ("他说a。", False),
    ],
)
def test_a_speaker_after_the_mark_is_read_from_the_last_word(
    attribution: str, reversed_: bool
) -> None:
    [f] = CHECK.check_text(LEAD + attribution)
    assert f.offset == len(LEAD) - 1
    assert f.rule == ("quote-reversed" if reversed_ else "quote-unbalanced")


# --- properties -------------------------------------------------------------------------------

SEGMENTS = [
    "昨天上午，", "市委书记", "在会上强调", "疫情防控", "，", "。", "独山港镇", "志愿者",
    "“要快速反应”", "“米袋子”“菜篮子”", "“他说‘要快’，我说‘要稳’。”", "（社区）", "《防控指南》",
    "“静下来”", "10月23日", "群众",
]  # fmt: skip


@st.composite
def clean_paragraph(draw: st.DrawFn) -> str:
    return "".join(draw(st.lists(st.sampled_from(SEGMENTS), min_size=1, max_size=12))) + "。"


@settings(max_examples=150, deadline=None)
@given(st.lists(clean_paragraph(), min_size=1, max_size=5), st.sampled_from(["\n", "\n\n", "\r\n"]))
def test_well_paired_text_is_clean(paras: list[str], sep: str) -> None:
    assert found(sep.join(paras)) == []


@settings(max_examples=150, deadline=None)
@given(clean_paragraph(), st.data())
def test_turning_one_mark_round_is_found_and_fixed(para: str, data: st.DataObject) -> None:
    marks = [i for i, ch in enumerate(para) if ch in "“”"]
    if not marks:
        return
    i = data.draw(st.sampled_from(marks))
    damaged = para[:i] + ("”" if para[i] == "“" else "“") + para[i + 1 :]
    hits = [f for f in CHECK.check_text(damaged) if f.rule == "quote-reversed"]
    assert [f.offset for f in hits] == [i]
    assert apply_findings(damaged, hits).text == para


ALPHABET = "群众时间起来的了我们在“”‘’\"'（）()《》【】，。！？,.、 　\n\r■记者本报讯ab1"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=80))
def test_any_text_gives_findings_in_bounds(text: str) -> None:
    from proofreader.rules import fragment

    findings = Checker(rules=quote.RULES + fragment.RULES).check_text(text)
    for f in findings:
        assert 0 <= f.offset <= f.end <= len(text)
        if f.rule == "paragraph-cut":  # a join only ever removes line breaks and indentation
            assert f.text_in(text).strip() == "" and f.replacements == ("",)
        if f.replacements and f.category == Category.QUOTE:
            assert len(f.text_in(text)) == 1 and f.replacements[0] in "“”‘’"
    apply_findings(text, findings)
