"""Banned and cautious terms: warnings with the reason and the preferred wording, no fix."""

from __future__ import annotations

import pytest

from proofreader.config import Config, TermEntry
from proofreader.engine import Checker
from proofreader.model import Applicability, Severity
from proofreader.rules.terms import BannedTerm, CautiousTerm, SuperlativeClaim
from proofreader.rules.wording import term_list

BANNED_BAD = [
    ("村里的瞎子老王每天早起。", "瞎子"),
    ("他小时候被人叫作聋子。", "聋子"),
    ("那个哑巴比划着说话。", "哑巴"),
    ("路口坐着一个瘸子。", "瘸子"),
    ("大家都叫他傻子。", "傻子"),
    ("这孩子被说成弱智。", "弱智"),
    ("他从小被叫作独眼龙。", "独眼龙"),
    ("他说自己成了残废。", "残废"),
    ("大家都说他是个疯子。", "疯子"),
    ("别骂人家白痴。", "白痴"),
    ("网友直呼太牛逼了。", "牛逼"),
    ("他在网上自称屌丝。", "屌丝"),
    ("她因为是剩女而被催婚。", "剩女"),
    ("城里人叫他乡巴佬。", "乡巴佬"),
    ("别在朋友圈装逼。", "装逼"),
    ("他骂了一句他妈的。", "他妈的"),
    ("有人在评论里写脑残。", "脑残"),
    ("他被同学叫作娘娘腔。", "娘娘腔"),
    ("他嘲笑对方是矮子。", "矮子"),
    ("有人把他们叫作低能儿。", "低能儿"),
    ("他们骂对方是洋鬼子。", "洋鬼子"),
]

BANNED_GOOD = [
    "村里的盲人老王每天早起。",
    "他吃了个哑巴亏。",
    "这真是哑巴吃黄连。",
    "这是个书呆子。",
    "她患有侏儒症。",
    "妈妈的手艺很好。",
    "我靠自己的努力考上了大学。",
    "残废军人的抚恤金提高了。",
    "他是一名视力障碍者。",
    "聋人朋友用手语交流。",
    "这是一家智力障碍者康复中心。",
    "他们把农村的小伙子请来帮忙。",
    "矮子里面拔将军。",
    "尼玛次仁是一名教师。",
    "黑人球员表现出色。",
    "大龄未婚女性的婚恋问题。",
    "这位老人耳朵有点背。",
    "乡村振兴离不开农民。",
    "他的口才很好，从不骂人。",
    "他们的牛肉面很好吃。",
    "学校的残疾人坡道修好了。",
]

CAUTIOUS_BAD = [
    ("台湾政府宣布了新政策。", "台湾政府"),
    ("台湾总统发表讲话。", "台湾总统"),
    ("大陆和香港的交流日益密切。", "大陆和香港"),
    ("大陆与香港两地。", "大陆与香港"),
    ("大陆和澳门的合作。", "大陆和澳门"),
    ("大陆与澳门的合作。", "大陆与澳门"),
    ("中港两地的货运。", "中港两地"),
    ("推进中港合作。", "中港合作"),
    ("研究中台关系。", "中台关系"),
    ("北朝鲜发射了一枚导弹。", "北朝鲜"),
    ("南朝鲜的经济增长。", "南朝鲜"),
    ("警方抓获了杀人犯张某。", "杀人犯"),
    ("这名强奸犯已被刑拘。", "强奸犯"),
    ("抢劫犯被当场抓获。", "抢劫犯"),
    ("警方抓获杀人犯3名。", "杀人犯"),
    ("对方把他推上被告席。", "推上被告席"),
    ("中华民国总统选举。", "中华民国总统"),
    ("台湾政府和民众。", "台湾政府"),
    ("“台湾政府”一词不应出现。", "台湾政府"),
    ("北朝鲜和韩国。", "北朝鲜"),
]

CAUTIOUS_GOOD = [
    "台湾当局宣布了新政策。",
    "台湾地区领导人发表讲话。",
    "内地和香港的交流日益密切。",
    "内地与澳门的合作。",
    "警方抓获了犯罪嫌疑人张某。",
    "朝鲜半岛局势缓和。",
    "韩国和朝鲜举行会谈。",
    "两岸关系和平发展。",
    "法院以故意杀人罪判处被告人死刑。",
    "香港特别行政区政府发布公告。",
    "中国大陆的经济增长。",
    "大陆地区的游客。",
    "台湾同胞来大陆投资。",
    "内地和香港两地的货运。",
    "民事案件中原告和被告地位平等。",
    "台湾的国际航班恢复。",
    "粤港澳大湾区建设。",
    "他被推上领奖台。",
    "犯罪嫌疑人已被依法刑事拘留。",
    "中国台湾地区的选手。",
    "严厉打击犯罪分子。",
    "杀人犯法，天理难容。",
    "这是一起强奸犯罪案件。",
    "东北朝鲜族的传统节日。",
]


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(rules=[BannedTerm, CautiousTerm])


@pytest.mark.parametrize(("text", "span"), BANNED_BAD + CAUTIOUS_BAD)
def test_bad(checker: Checker, text: str, span: str) -> None:
    hits = [f for f in checker.check_text(text) if f.text_in(text) == span]
    assert hits, [f.text_in(text) for f in checker.check_text(text)]
    f = hits[0]
    assert f.severity == Severity.WARNING
    assert f.applicability == Applicability.DISPLAY_ONLY and not f.replacements
    assert "宜用" in f.message or f.data["reason"] in f.message


@pytest.mark.parametrize("text", BANNED_GOOD + CAUTIOUS_GOOD)
def test_good(checker: Checker, text: str) -> None:
    assert checker.check_text(text) == [], [f.text_in(text) for f in checker.check_text(text)]


def test_enough_examples() -> None:
    assert len(BANNED_BAD) >= 20 and len(BANNED_GOOD) >= 20
    assert len(CAUTIOUS_BAD) >= 20 and len(CAUTIOUS_GOOD) >= 20


@pytest.mark.parametrize("name", ["banned-terms", "cautious-terms", "superlative-terms"])
def test_every_entry_has_a_reason_and_fires(name: str) -> None:
    rule = {"banned-terms": BannedTerm, "cautious-terms": CautiousTerm}.get(name, SuperlativeClaim)
    checker = Checker(Config(select={rule.id}), rules=[rule])
    for entry in term_list(name):
        assert entry.reason and entry.right, entry
        text = f"他说：{entry.wrong}。"
        assert [f.text_in(text) for f in checker.check_text(text)] == [entry.wrong]
        entries = {e.wrong for e in term_list(name)}
        for longer in set(entry.exceptions) - entries:
            assert checker.check_text(f"他说：{longer}。") == [], longer


def test_message_gives_reason_and_preferred_wording(checker: Checker) -> None:
    text = "台湾政府宣布了新政策。"
    (f,) = checker.check_text(text)
    assert "台湾地区的政权不称“政府”" in f.message and "台湾当局" in f.message
    assert f.data == {"reason": "台湾地区的政权不称“政府”", "preferred": "台湾当局"}


def test_a_desk_adds_its_own_terms() -> None:
    config = Config(
        extra_banned=[TermEntry("小鲜肉", "年轻演员", "本报不用")],
        extra_cautious=[TermEntry("砖家", "专家", "调侃用语")],
    )
    text = "这位小鲜肉和那位砖家。"
    found = Checker(config, rules=[BannedTerm, CautiousTerm]).check_text(text)
    assert [(f.rule, f.text_in(text)) for f in found] == [
        ("banned-term", "小鲜肉"),
        ("cautious-term", "砖家"),
    ]
    assert "本报不用" in found[0].message and "年轻演员" in found[0].message


def test_superlative_claims_are_off_by_default() -> None:
    text = "本品是您送礼的首选，顶级食材。"
    assert Checker().check_text(text) == [] or all(
        f.rule != "superlative-claim" for f in Checker().check_text(text)
    )
    found = Checker(Config(select={"superlative-claim"})).check_text(text)
    assert [f.text_in(text) for f in found] == ["首选", "顶级"]


def test_superlative_exceptions() -> None:
    checker = Checker(Config(select={"superlative-claim"}), rules=[SuperlativeClaim])
    assert checker.check_text("他当选本赛季最佳射手，状态正处在最佳状态。") == []


def test_a_desk_switches_an_entry_off() -> None:
    text = "北朝鲜发射了一枚导弹。"
    checker = Checker(Config(disabled_entries={"cautious-term:北朝鲜"}), rules=[CautiousTerm])
    assert checker.check_text(text) == []
