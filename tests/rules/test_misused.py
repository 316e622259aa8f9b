"""Misused words: every list entry fires on itself in a sentence and its right form is clean."""

from __future__ import annotations

import pytest

from proofreader import resources
from proofreader.config import Config
from proofreader.engine import Checker, apply_findings
from proofreader.model import Applicability
from proofreader.rules.misused import MisusedWord

ENTRIES = sorted(resources.wordmap("misused-words").items())
FRAMES = ["他说：{}。", "“{}”，他说。", "{}"]


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(rules=[MisusedWord])


def test_the_list_is_several_hundred_entries_long() -> None:
    assert len(ENTRIES) >= 300
    assert all(w != r for w, r in ENTRIES)


@pytest.mark.parametrize(("wrong", "right"), ENTRIES, ids=[w for w, _ in ENTRIES])
def test_entry_fires_and_right_form_is_clean(checker: Checker, wrong: str, right: str) -> None:
    for frame in FRAMES:
        text = frame.format(wrong)
        hits = [f for f in checker.check_text(text) if f.text_in(text) == wrong]
        assert hits, f"{wrong} not flagged in {text}"
        assert apply_findings(text, hits[:1]).text == frame.format(right)
        clean = frame.format(right)
        assert checker.check_text(clean) == [], clean


BAD = [
    ("希望同学们再接再励。", "再接再励", "再接再厉"),
    ("他们一股作气拿下比赛。", "一股作气", "一鼓作气"),
    ("施工按步就班进行。", "按步就班", "按部就班"),
    ("观众迫不急待地入场。", "迫不急待", "迫不及待"),
    ("他谈笑风声，毫无惧色。", "谈笑风声", "谈笑风生"),
    ("敌人已经走头无路。", "走头无路", "走投无路"),
    ("面对难题他一愁莫展。", "一愁莫展", "一筹莫展"),
    ("这篇评论针贬时弊。", "针贬时弊", "针砭时弊"),
    ("不能默守成规。", "默守成规", "墨守成规"),
    ("我军出奇不意地发起进攻。", "出奇不意", "出其不意"),
    ("老街焕发生机，美仑美奂。", "美仑美奂", "美轮美奂"),
    ("消息不径而走。", "不径而走", "不胫而走"),
    ("这件事真是莫明其妙。", "莫明其妙", "莫名其妙"),
    ("双方各行其事。", "各行其事", "各行其是"),
    ("他们最终对薄公堂。", "对薄公堂", "对簿公堂"),
    ("这位干部徇私枉法、循私舞弊。", "循私舞弊", "徇私舞弊"),
    ("请把钱转入公司帐户。", "帐户", "账户"),
    ("他去银行结帐。", "结帐", "结账"),
    ("这次活动的入场卷已经售罄。", "入场卷", "入场券"),
    ("两人最终的分数相差悬殊，不尽人意。", "不尽人意", "不尽如人意"),
    ("这件事情大部份人都知道。", "部份", "部分"),
    ("沿着小路蜿延而上。", "蜿延", "蜿蜒"),
]

GOOD = [
    "希望同学们再接再厉，再创佳绩。",
    "首先要确定单位的性质。",
    "他点了一份外卖。",
    "这是一篇记叙文。",
    "孩子细心地照顾小狗。",
    "蚊帐单独清洗。",
    "接着作出了决定。",
    "他们在堪察加半岛考察。",
    "他的想象力很丰富。",
    "他一付款就走了。",
    "爱好象棋的人很多。",
    "全部份额已经售出。",
    "遵循私人协议的约定。",
    "面对像他这样的人，我们要耐心。",
    "明显着急的样子。",
    "沿着名单一一核对。",
    "这个大致的方向是对的，大至国家，小至个人。",
    "他苦干与实干的精神值得学习。",
    "进入坐标系之后再计算。",
    "过渡假期的安排已经确定。",
    "花10元来买一张票。",
    "按装修标准验收。",
    "按排名先后发言。",
    "他说自己经常加班。",
    "我们要做品牌。",
    "孩子们在做风筝。",
    "这个城市在做战略规划。",
    "老师做案例分析。",
    "他在做作业。",
]


@pytest.mark.parametrize(("text", "span", "right"), BAD, ids=[b[1] for b in BAD])
def test_bad(checker: Checker, text: str, span: str, right: str) -> None:
    hits = [f for f in checker.check_text(text) if f.text_in(text) == span]
    assert hits, [f.text_in(text) for f in checker.check_text(text)]
    assert hits[0].replacements[0] == right
    assert hits[0].rule == "misused-word"


@pytest.mark.parametrize("text", GOOD)
def test_good(checker: Checker, text: str) -> None:
    assert checker.check_text(text) == [], [f.text_in(text) for f in checker.check_text(text)]


def test_long_entries_are_safe_short_ones_unsafe(checker: Checker) -> None:
    text = "希望同学们再接再励，请把钱转入公司帐户。"
    by_text = {f.text_in(text): f for f in checker.check_text(text)}
    assert by_text["再接再励"].applicability == Applicability.SAFE
    assert by_text["帐户"].applicability == Applicability.UNSAFE


def test_a_desk_switches_an_entry_off() -> None:
    text = "请把钱转入公司帐户，大家再接再励。"
    for disabled in ({"帐户"}, {"misused-word:帐户"}):
        found = Checker(Config(disabled_entries=disabled), rules=[MisusedWord]).check_text(text)
        assert [f.text_in(text) for f in found] == ["再接再励"]


def test_no_entry_fires_inside_a_longer_correct_word() -> None:
    """Every dictionary word (jieba's, 3+ characters) that holds a flagged form is either
    itself wrong (the fix gives a dictionary word: 大部份 → 大部分) or checks clean."""
    import jieba

    from proofreader.rules.terms import BannedTerm, CautiousTerm
    from proofreader.rules.variants import VariantForm
    from proofreader.rules.wording import _combined

    words: dict[str, int] = {}
    with jieba.get_dict_file() as fh:
        for line in fh:
            w, freq, *_ = line.decode("utf-8").split()
            words[w] = int(freq)
    lexicon = _combined()
    checker = Checker(rules=[VariantForm, MisusedWord, BannedTerm, CautiousTerm])
    # Disparaging compounds are as wrong as their parts.
    wrong_anyway = {"残废者"}
    wrong_inside = []
    for word, freq in words.items():
        if freq < 3 or len(word) < 3 or word in wrong_anyway or not lexicon.raw_matches(word):
            continue
        text = f"他说：{word}。"
        for f in checker.check_text(text):
            flagged = f.text_in(text)
            if flagged == word:
                continue
            if f.replacements and word.replace(flagged, f.replacements[0]) in words:
                continue  # the longer word is wrong too
            wrong_inside.append((word, flagged, f.rule))
    assert wrong_inside == []
