"""Variant word forms (GF 1001-2001): every non-recommended form fires, every recommended
form is clean, short forms respect word boundaries, desks switch entries off and on."""

from __future__ import annotations

import pytest

from proofreader.config import Config
from proofreader.engine import Checker, apply_findings
from proofreader.rules.variants import VariantForm, variant_entries

STANDARD = [e for e in variant_entries() if e.note != "house"]
FRAMES = ["他说：{}。", "“{}”，他说。", "{}"]


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(rules=[VariantForm])


def test_the_standard_is_entered_as_data() -> None:
    assert len(STANDARD) >= 250
    assert len({e.right for e in STANDARD}) >= 230


@pytest.mark.parametrize("entry", STANDARD, ids=[e.wrong for e in STANDARD])
def test_entry_fires_and_recommended_form_is_clean(checker: Checker, entry) -> None:
    for frame in FRAMES:
        text = frame.format(entry.wrong)
        hits = [f for f in checker.check_text(text) if f.text_in(text) == entry.wrong]
        assert hits, text
        assert apply_findings(text, hits[:1]).text == frame.format(entry.right)
        assert checker.check_text(frame.format(entry.right)) == []


BAD = [
    ("这个字的笔划很多。", "笔划", "笔画"),
    ("食品的成份表。", "成份", "成分"),
    ("这种说法很含胡。", "含胡", "含糊"),
    ("今晚的演出十分精采。", "精采", "精彩"),
    ("节日里五采缤纷的灯光。", "五采缤纷", "五彩缤纷"),
    ("那是一段值得记念的日子。", "记念", "纪念"),
    ("全场观众喝采。", "喝采", "喝彩"),
    ("他说话有些卤莽。", "卤莽", "鲁莽"),
    ("我们的合作伙伴又称火伴。", "火伴", "伙伴"),
    ("他这个人一向胡涂。", "胡涂", "糊涂"),
    ("这是个错误，对此你要负责，不要推委。", "推委", "推诿"),
    ("场面轰轰烈烈，一时哄动全城。", "哄动", "轰动"),
    ("每个人的思惟方式不同。", "思惟", "思维"),
    ("这件事我要仔细盘算，不能担搁。", "担搁", "耽搁"),
    ("古老的斑驳城墙和班驳的树影。", "班驳", "斑驳"),
    ("他的脚跟和脚根都受了伤。", "脚根", "脚跟"),
    ("文章写得很简炼。", "简炼", "简练"),
    ("他的希奇故事。", "希奇", "稀奇"),
    ("工厂的股分制改造。", "股分", "股份"),
    ("一个模胡的身影。", "模胡", "模糊"),
    ("新年计画已经制订。", "计画", "计划"),
    ("这件事的影响很深，真是发人深醒。", "发人深醒", "发人深省"),
]

GOOD = [
    "这个字的笔画很多。",
    "食品的成分表。",
    "首先要确定单位的性质。",
    "他点了一份外卖。",
    "这是一篇记叙文。",
    "孩子细心地照顾小狗。",
    "炽热中子的研究。",
    "修行要守清规戒律。",
    "他把热乎乎的包子递给我。",
    "其它事项另行通知。",
    "这一年格外忙碌。",
    "他们在交流中学习。",
    "给出一定单价的参考。",
    "约定货物的交付日期。",
    "他苦干与实干。",
    "进入坐标系之后再计算。",
    "这本书的序言写得好。",
    "这个人的相貌很普通。",
    "我们去录像厅。",
    "他的分内工作做得很好。",
    "这个队员的关联交易。",
    "全场响起喝彩声。",
]


@pytest.mark.parametrize(("text", "span", "right"), BAD, ids=[b[1] for b in BAD])
def test_bad(checker: Checker, text: str, span: str, right: str) -> None:
    hits = [f for f in checker.check_text(text) if f.text_in(text) == span]
    assert hits, [f.text_in(text) for f in checker.check_text(text)]
    assert hits[0].replacements[0] == right


@pytest.mark.parametrize("text", GOOD)
def test_good(checker: Checker, text: str) -> None:
    assert checker.check_text(text) == [], [f.text_in(text) for f in checker.check_text(text)]


def test_house_choice_is_off_until_switched_on() -> None:
    text = "其它事项另行通知。"
    assert Checker(rules=[VariantForm]).check_text(text) == []
    for enabled in ({"其它"}, {"variant-form:其它"}):
        found = Checker(Config(enabled_entries=enabled), rules=[VariantForm]).check_text(text)
        assert [(f.text_in(text), f.replacements[0]) for f in found] == [("其它", "其他")]
        assert "本社" in found[0].message


def test_a_desk_switches_a_standard_entry_off() -> None:
    text = "这个字的笔划很多，成份复杂。"
    found = Checker(Config(disabled_entries={"笔划"}), rules=[VariantForm]).check_text(text)
    assert [f.text_in(text) for f in found] == ["成份"]


def test_settings_changed_between_checks_are_honoured() -> None:
    config = Config()
    checker = Checker(config, rules=[VariantForm])
    text = "这个字的笔划很多。"
    assert checker.check_text(text)
    config.disabled_entries.add("笔划")
    assert checker.check_text(text) == []
