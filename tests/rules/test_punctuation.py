"""The punctuation family: half-width marks, ellipsis, dash and spaces before marks."""

from __future__ import annotations

import pytest

from proofreader.engine import Checker, apply_findings
from proofreader.model import Applicability, Category
from proofreader.rules import punctuation

CHECK = Checker(rules=punctuation.RULES)


def spans(text: str) -> list[tuple[str, str, str]]:
    return [(f.rule, f.text_in(text), f.replacements[0]) for f in CHECK.check_text(text)]


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("今天天气很好,我们去公园。", "今天天气很好，我们去公园。"),
        ("风险隐患;隔离转运", "风险隐患；隔离转运"),
        ("栏目统筹: 黄金凤", "栏目统筹： 黄金凤"),
        ("你吃饭了吗?我吃了!", "你吃饭了吗？我吃了！"),
        ("虎啸村(社区)居民朱华国说", "虎啸村（社区）居民朱华国说"),
        ("世界卫生组织(WHO)发布通知。", "世界卫生组织（WHO）发布通知。"),
        ("他使用GPS,很方便。", "他使用GPS，很方便。"),
        ("“好的,”他说。", "“好的，”他说。"),
        ("时间:10:30,地点:礼堂。", "时间：10:30，地点：礼堂。"),
        ("共有1,000人参加,增长3.5%。", "共有1,000人参加，增长3.5%。"),
        ("他沉默了...然后走了。", "他沉默了……然后走了。"),
        ("嘉兴--一座江南水城。", "嘉兴——一座江南水城。"),
        ("今天天气很好 ，我们去公园。", "今天天气很好，我们去公园。"),
    ],
)
def test_fixes(text: str, fixed: str) -> None:
    findings = CHECK.check_text(text)
    assert findings, text
    assert all(f.category == Category.PUNCTUATION for f in findings)
    assert all(f.applicability == Applicability.SAFE for f in findings)
    assert apply_findings(text, findings).text == fixed
    assert CHECK.check_text(fixed) == []


@pytest.mark.parametrize(
    "text",
    [
        "增长了3.5%，达到1,000万元，会议于10:30开始，比分3:1。",
        "详见 https://www.example.com/path?a=1,b=2 的说明。",
        "详见http://example.com/a,b;c的说明。",
        "请发邮件至 editor@example.com，或致电。",
        "He said: Hello, world! (really?) Yes; no.",
        "引用文献：Smith, J. (2020). Title, Journal 3: 1-10.",
        "“3?15”不是什么特定的节日。",
        "版本号为1.2.3，电话0573-12345678。",
        "Wait... what? a -- b",
        "认真复盘 举一反三 打赢疫情防控阻击战",
        "■记者 林旭东",
        "本报讯 昨天晚上，我市召开会议。",
        "他说 “好的。”",
        "这对整个社会贻害无穷 。",
    ],
)
def test_left_alone(text: str) -> None:
    assert spans(text) == []


def test_both_parentheses_of_a_pair_convert_when_either_touches_chinese() -> None:
    text = "参见(see chapter 2)一节。"
    assert [s[1] for s in spans(text)] == ["(", ")"]
    text = "详见附件(Annex A)。"
    assert apply_findings(text, CHECK.check_text(text)).text == "详见附件（Annex A）。"


def test_latin_parentheses_stay() -> None:
    assert spans("The WHO (World Health Organization) said so.") == []


def test_findings_are_grouped_per_mark() -> None:
    text = "甲,乙,丙;丁(戊)己"
    groups = [f.group for f in CHECK.check_text(text)]
    assert groups == [
        "halfwidth:,",
        "halfwidth:,",
        "halfwidth:;",
        "halfwidth:(",
        "halfwidth:)",
    ]


def test_messages_in_both_languages() -> None:
    (f,) = CHECK.check_text("甲,乙")
    assert "，" in f.message and "," in f.message
    assert f.message_en and "full-width" in f.message_en
    assert f.localized_message("en") == f.message_en


def test_space_in_headlines_and_bylines_is_not_flagged() -> None:
    text = (
        "仲旭东在部署疫情防控工作时强调 以问题为导向强化工作举措\n\n■记者 林旭东\n\n"
        "本报讯 昨天，我市召开会议 。大家都来了。"
    )
    found = spans(text)
    assert found == [("space-before-punct", " ", "")]


def test_sample_page_commas_are_one_group(sample_text: str) -> None:
    findings = CHECK.check_text(sample_text)
    commas = [f for f in findings if f.group == "halfwidth:,"]
    assert len(commas) == 212
    assert all(f.replacements == ("，",) and f.applicability == Applicability.SAFE for f in commas)
    others = sorted(f.text_in(sample_text) for f in findings if f.group != "halfwidth:,")
    assert others == ["(", "(", ")", ")", ":", ";", ";", ";"]
    fixed = apply_findings(sample_text, findings).text
    assert "," not in fixed
    assert CHECK.check_text(fixed) == []


def test_crlf_offsets() -> None:
    text = "第一段。\r\n第二段,继续。"
    (f,) = CHECK.check_text(text)
    assert text[f.offset] == ","
