"""Paired marks and dashes: title marks nested, half a dash, ？！ repeated, illegal pairs."""

from __future__ import annotations

import pytest

from proofreader.engine import Checker, apply_findings
from proofreader.rules import marks

BAD = [
    (
        "他写了《读《红楼梦》有感》。",
        "title-mark-nesting",
        "《红楼梦》",
        "他写了《读〈红楼梦〉有感》。",
    ),
    ("《关于《民法典》的解读》", "title-mark-nesting", "《民法典》", "《关于〈民法典〉的解读》"),
    (
        "学习《〈论语〉选读》和《读《史记》札记》",
        "title-mark-nesting",
        "《史记》",
        "学习《〈论语〉选读》和《读〈史记〉札记》",
    ),
    ("“快走—”他喊道。", "lone-dash", "—", "“快走——”他喊道。"),
    ("他停了一下，—然后走了。", "lone-dash", "—", "他停了一下，——然后走了。"),
    ("答案只有一个—。", "lone-dash", "—", "答案只有一个——。"),
    ("她说：“我—”", "lone-dash", "—", "她说：“我——”"),
    ("这是真的吗？？？？", "repeated-mark", "？？？？", "这是真的吗？"),
    ("太好了！！！！！", "repeated-mark", "！！！！！", "太好了！"),
    ("什么？！？！", "repeated-mark", "？！？！", "什么？"),
    ("真的？？？？？？", "repeated-mark", "？？？？？？", "真的？"),
    ("会议结束了，。", "illegal-mark-pair", "，。", "会议结束了。"),
    ("苹果、，香蕉", "illegal-mark-pair", "、，", "苹果，香蕉"),
    ("你去吗？。", "illegal-mark-pair", "？。", "你去吗？"),
    ("要求如下：，一是快。", "illegal-mark-pair", "：，", "要求如下：一是快。"),
    ("他来了。，我们走吧。", "illegal-mark-pair", "。，", "他来了。我们走吧。"),
    ("第一；，第二", "illegal-mark-pair", "；，", "第一；第二"),
    ("好的！，走吧", "illegal-mark-pair", "！，", "好的！走吧"),
    ("苹果，、香蕉", "illegal-mark-pair", "，、", "苹果，香蕉"),
    ("他说，：好", "illegal-mark-pair", "，：", "他说：好"),
    ("结束了；。", "illegal-mark-pair", "；。", "结束了。"),
]

GOOD = [
    "他写了《读〈红楼梦〉有感》。",
    "《红楼梦》和《西游记》",
    "他最喜欢读《红楼梦，每年都要读一遍。",
    "《人民日报》发表评论《〈共产党宣言〉的当代意义》。",
    "“快走——”他喊道。",
    "从北京—上海的列车",
    "2020—2021赛季",
    "嘉兴——一座江南水城。",
    "第一章—第三章",
    "这是真的吗？",
    "这是真的吗？？？",
    "什么？！",
    "太好了！！！",
    "会议结束了。",
    "真的吗？！",
    "今天，，我们去公园。",
    "他说：“好。”",
    "他问：“去吗？”我说：“去。”",
    "苹果、香蕉、橘子。",
    "他沉默了……然后走了。",
    "“好！”他说，“走吧。”",
]


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(rules=marks.RULES)


def test_enough_examples() -> None:
    assert len(BAD) >= 20 and len(GOOD) >= 20


@pytest.mark.parametrize(("text", "rule", "span", "fixed"), BAD, ids=[b[0] for b in BAD])
def test_bad(checker: Checker, text: str, rule: str, span: str, fixed: str) -> None:
    hits = [f for f in checker.check_text(text) if f.text_in(text) == span and f.rule == rule]
    assert hits, [(f.rule, f.text_in(text)) for f in checker.check_text(text)]
    assert apply_findings(text, hits[:1]).text == fixed


@pytest.mark.parametrize("text", GOOD)
def test_good(checker: Checker, text: str) -> None:
    found = checker.check_text(text)
    assert found == [], [(f.rule, f.text_in(text)) for f in found]


def test_doubled_marks_are_left_to_the_duplicate_rule() -> None:
    text = "今天，，我们去公园。。"
    found = Checker().check_text(text)
    assert {f.rule for f in found} == {"duplicate-punct"}


def test_unbalanced_title_marks_are_left_to_the_bracket_rule(checker: Checker) -> None:
    assert checker.check_text("《读《红楼梦》有感") == []
