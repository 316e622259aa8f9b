"""The duplicate family: doubled characters, words and marks, and everything it must not flag."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from proofreader.engine import Checker, apply_findings
from proofreader.model import Applicability, Category
from proofreader.rules import duplicate

ROOT = Path(__file__).resolve().parents[2]
CHECK = Checker(rules=duplicate.RULES)


def flagged(text: str) -> list[tuple[str, str, str]]:
    return [(f.rule, f.text_in(text), f.replacements[0]) for f in CHECK.check_text(text)]


@pytest.mark.parametrize(
    ("text", "span", "fixed"),
    [
        (
            "确保所有居民都能在在规定时间内完成核酸检测。",
            "在在",
            "确保所有居民都能在规定时间内完成核酸检测。",
        ),
        ("这是我的的书。", "的的", "这是我的书。"),
        ("他已经走了了。", "了了", "他已经走了。"),
        ("这是是一个好办法。", "是是", "这是一个好办法。"),
        ("粤北山区有有冰冻和雨夹雪。", "有有", "粤北山区有冰冻和雨夹雪。"),
        ("可提倡而而不宜强制。", "而而", "可提倡而不宜强制。"),
        ("她无时无刻不不在牵挂着孩子。", "不不", "她无时无刻不在牵挂着孩子。"),
        ("市民对对广州推出的措施表示欢迎。", "对对", "市民对广州推出的措施表示欢迎。"),
        ("我们们一起去。", "们们", "我们一起去。"),
        ("加强疫情防防控工作。", "防防", "加强疫情防控工作。"),
        ("社区居民民都很满意。", "民民", "社区居民都很满意。"),
        ("供应商与顾客之间间进行实时交流。", "间间", "供应商与顾客之间进行实时交流。"),
        ("漠视他他们的情感。", "他他", "漠视他们的情感。"),
        ("会发现并不是这这样。", "这这", "会发现并不是这样。"),
        ("再也不不能延续传统。", "不不", "再也不能延续传统。"),
        ("这很很好。", "很很", "这很好。"),
        ("贫困山区的孩子们们。", "们们", "贫困山区的孩子们。"),
        ("人们的日常活动动减少。", "动动", "人们的日常活动减少。"),
        ("推进一体体化发展。", "体体", "推进一体化发展。"),
        ("更体现着一一个人的自信。", "一一", "更体现着一个人的自信。"),
        ("这不是娱乐，而是是一场普及。", "是是", "这不是娱乐，而是一场普及。"),
        ("合作医疗以及及建立养老制度。", "及及", "合作医疗以及建立养老制度。"),
        ("他们有有着共同的理想。", "有有", "他们有着共同的理想。"),
        ("这有有助于发展。", "有有", "这有助于发展。"),
        ("他都都是好样的。", "都都", "他都是好样的。"),
        ("使各地的人人们凭借计算机交流。", "人人", "使各地的人们凭借计算机交流。"),
        # a lone copy beside a word or idiom, not AABB; two lone copies that make a word
        ("“孩子们们个个都很投入。", "们们", "“孩子们个个都很投入。"),
        ("拖一拖也就不不了了之了。", "不不", "拖一拖也就不了了之了。"),
        ("油菜苗绿油油的的，村道两旁开满了花。", "的的", "油菜苗绿油油的，村道两旁开满了花。"),
        ("只有因材施教才能事半功功倍。", "功功", "只有因材施教才能事半功倍。"),
        ("二来是为为了看看平湖的风景。", "为为", "二来是为了看看平湖的风景。"),
        ("在世界的回报中算是是前列。", "是是", "在世界的回报中算是前列。"),
        ("无论是是空难还是煤矿事故。", "是是", "无论是空难还是煤矿事故。"),
        ("公司之一的的美国伟达国际。", "的的", "公司之一的美国伟达国际。"),
        ("在审理过程中，以以及有关的罪犯。", "以以", "在审理过程中，以及有关的罪犯。"),
        ("商量解决的办办法。", "办办", "商量解决的办法。"),
        ("牵动着中中国人的心。", "中中", "牵动着中国人的心。"),
        ("将镜头对对准生动的现实。", "对对", "将镜头对准生动的现实。"),
    ],
)
def test_doubled_character(text: str, span: str, fixed: str) -> None:
    findings = [f for f in CHECK.check_text(text) if f.rule == "duplicate-char"]
    assert [f.text_in(text) for f in findings] == [span]
    assert findings[0].category == Category.DUPLICATE
    assert apply_findings(text, findings).text == fixed


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("都能在在规定时间内", True),
        ("这是我的的书。", True),
        ("我们们一起去。", False),
        ("加强疫情防防控工作。", False),
    ],
)
def test_only_function_characters_get_safe_fixes(text: str, safe: bool) -> None:
    (f,) = CHECK.check_text(text)
    want = Applicability.SAFE if safe else Applicability.UNSAFE
    assert f.applicability == want


LEGIT = [
    # AA words
    "人人都是志愿者，天天都在忙碌，常常加班，往往到深夜。",
    "雨渐渐停了，刚刚还在下，仅仅一个小时。",
    "大家纷纷表示，要默默奉献，悄悄做事，偷偷地帮忙。",
    "他匆匆赶来，轻轻推门，慢慢坐下，好好休息。",
    "明明知道，连连点头，频频举杯，稍稍停顿，偏偏不听，恰恰相反，统统拿走。",
    "处处有爱，时时在心，事事关心，样样精通，家家户户，村村通路。",
    "年年有余，月月达标，日日更新，步步为营，声声入耳。",
    "多多关照，大大提高，小小的心愿，高高的山，深深地感动，远远地望着。",
    "紧紧团结，牢牢把握，快快长大，久久不能平静。",
    "谢谢爸爸妈妈，还有姐姐、宝宝、爷爷奶奶和叔叔。",
    "夜空中的星星一闪一闪。",
    "你看看，我说说，他想想，我们谈谈。",
    # reduplicated measure words
    "个个都是好样的，层层落实责任，条条措施到位，件件有着落。",
    "一个个精神饱满，一间间教室，一首首歌曲，一位位老人。",
    # AABB
    "大家安安心心过年，高高兴兴回家。",
    "这的的确确是事实，是是非非自有公论。",
    "生活实实在在地好起来了，干干净净，清清楚楚。",
    # ABB
    "绿油油的麦苗，亮晶晶的露珠，红彤彤的太阳，乱哄哄的集市。",
    # A一A, A了A, verb reduplication
    "你试一试，他看了看，想了想。",
    # idioms
    "这件事最后不了了之。小时了了，大未必佳。",
    "多多益善，井井有条，津津有味，欣欣向荣，栩栩如生。",
    "侃侃而谈，夸夸其谈，息息相关，形形色色，来来往往。",
    # two words meeting on the same character
    "实事求是是我们党的思想路线。",
    "坚持實事求是是根本方法。",  # a stray traditional character must not hide the idiom
    "所有有效的办法都要用上。",
    "他现在在家里休息。",
    "这是实现目的的手段。",
    "他有有效的办法。",
    "不同同学有不同的看法。",
    "大学学生的就业问题。",
    "中国国家旅游局发布通知。",
    "可能能够解决。",
    "为了了解情况，除了了解政策。",
    "在我国南海海域正式开钻。",
    "关于进行行政指导座谈会会议记录。",
    "改进工作作风，密切联系群众。",
    "大理石石材价格是其他石材的几倍。",
    "属于假性性早熟。",
    "将携带有艾滋病病毒的血液。",
    "发展中国家实现现代化。",
    "实现全国国债市场联网。",
    "美国国会日前通过一项法案。",
    "为大连旅顺索道站站长诊治。",
    "科技部部长在会上讲话。",
    "经济困难寄宿生生活费补助政策。",
    "死心塌地地承认。",
    # a function character alone before a word that starts with it
    "战争与和平，战争和和平。以以往的经验为鉴，以以色列为例。",
    "他有有效的办法，也有有利条件。这种行为为法律所禁止。",
    "要是是真的就好了。可是是谁干的？他去会会老朋友。",
    "这是他他人无法替代的贡献。我们为为人民服务而自豪。而而立之年的他。",
    "这只是是非之争。他们把把关的责任交给了我。这个人人品很好。",
    "他一直直言不讳。老人人数逐年增加。通过了了解情况的议案。",
    "他们对对方的意见表示尊重。要求他们与与会代表交流。她在在场的人中最年轻。",
    "这是我们的的士司机。他是是否参加会议的关键。我们从从前的经验中学到很多。",
    "他把把握机会看得很重。他讲了了不起的故事。要从从严治党的高度来看。",
    "我们就就业问题进行了讨论。他还还原了真相。将将来的事交给将来。他被被告上法庭。",
    "一车车稻谷，一船船货物，一桌桌酒席。村村通公路，户户有电视。",
    "他是统一一个标准的人。唯一一次机会。这是一一对应的关系，要一一落实。",
    "人人都说好，人人平等。小小年纪，多多指教，大大提高。",
    "今年年底，该年年初，当月月底。那一天天气很好。",
    "你看看书，他想想办法，我们说说话。",
    "这是有有意义的工作。我们有有关部门的支持。",
    "这不是是非问题，而是是非曲直的问题。",
    # AABB beside an ABB word, names, 为 before 为了 or 为人民服务
    "他是个乐乐呵呵的人。屋里空空荡荡的，他慢慢腾腾地走。",
    "冷冷冰冰，热热乎乎，胖胖乎乎，闹闹哄哄，干干巴巴，甜甜蜜蜜，亮亮堂堂。",
    "张婷婷说新技术好。杨洋洋的新歌，周冬冬的技术。",
    "因为为了孩子，他放弃了。他成为为人民服务的好干部。",
    "这算是是非问题。无论是是否参加，都要报名。",
    "这是其中之一的的确确是事实。一把把锋利的刀，一对对新人。",
    "我们的家家户户，找到了村村长，看着天天向上的孩子。对对外开放的影响。",
    "淙淙流水，皑皑白雪，袅袅炊烟，潺潺的溪水，粼粼波光，琅琅书声。",
    # numbers, ellipsis, dash
    "全市共11000人，2020年、二〇二二年，一一对应。",
    "他说：“我……我不知道——真的。”",
    # runs and onomatopoeia, names
    "哈哈哈，太好笑了。",
    "王婷婷和李丽丽参加了比赛。",
    "哗哗的流水声，嗡嗡作响。",
]


@pytest.mark.parametrize("text", LEGIT)
def test_legitimate_doubling_is_not_flagged(text: str) -> None:
    assert flagged(text) == []


@pytest.mark.parametrize(
    ("text", "span", "fixed"),
    [
        ("我们我们要坚定信心。", "我们我们", "我们要坚定信心。"),
        ("做好防控防控工作。", "防控防控", "做好防控工作。"),
        ("这次会议会议强调，要抓好落实。", "会议会议", "这次会议强调，要抓好落实。"),
        ("他们他们都来了。", "他们他们", "他们都来了。"),
    ],
)
def test_doubled_word(text: str, span: str, fixed: str) -> None:
    findings = CHECK.check_text(text)
    assert [(f.rule, f.text_in(text)) for f in findings] == [("duplicate-word", span)]
    assert findings[0].applicability == Applicability.UNSAFE
    assert apply_findings(text, findings).text == fixed


@pytest.mark.parametrize(
    "text",
    [
        "这件事要研究研究，再讨论讨论，商量商量。",
        "出去活动活动，休息休息，锻炼锻炼。",
        "他的衬衫雪白雪白的，脸通红通红。",
        "一个一个地检查，一步一步地走。",
        "研究研究生的培养方案。",
    ],
)
def test_abab_reduplication_is_not_flagged(text: str) -> None:
    assert flagged(text) == []


@pytest.mark.parametrize(
    ("text", "span", "fixed"),
    [
        ("今天，，我们去公园。", "，，", "今天，我们去公园。"),
        ("会议结束了。。", "。。", "会议结束了。"),
        ("苹果、、香蕉", "、、", "苹果、香蕉"),
        ("好的，，，走吧", "，，，", "好的，走吧"),
    ],
)
def test_doubled_punctuation(text: str, span: str, fixed: str) -> None:
    findings = CHECK.check_text(text)
    assert [(f.rule, f.text_in(text)) for f in findings] == [("duplicate-punct", span)]
    assert findings[0].applicability == Applicability.SAFE
    assert apply_findings(text, findings).text == fixed


@pytest.mark.parametrize("text", ["……", "——", "真的吗？？", "太好了！！", "我想想。。。"])
def test_marks_that_are_doubled_by_design(text: str) -> None:
    assert flagged(text) == []


def test_offsets_follow_crlf_and_astral_characters() -> None:
    text = "𠮷先生说：\r\n我们都能在在家里办公。"
    (f,) = CHECK.check_text(text)
    assert f.text_in(text) == "在在"
    assert apply_findings(text, [f]).text == "𠮷先生说：\r\n我们都能在家里办公。"


def test_fixed_text_checks_clean() -> None:
    text = "确保所有居民都能在在规定时间内完成，，这是我的的书。我们我们要坚持。"
    fixed = apply_findings(text, CHECK.check_text(text)).text
    assert fixed == "确保所有居民都能在规定时间内完成，这是我的书。我们要坚持。"
    assert CHECK.check_text(fixed) == []


def test_user_allowed_words_silence_a_finding() -> None:
    from proofreader.config import Config

    text = "都能在在规定时间内"
    assert Checker(Config(allowed_words={"在在规定"}), rules=duplicate.RULES).check_text(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("嗯嗯嗯嗯我们我们要坚持。", [("duplicate-word", "我们我们")]),  # after AAAA
        ("看看看看书看书", []),
        (
            "好的，，，走吧。。。。，，",
            [("duplicate-punct", "，，，"), ("duplicate-punct", "，，")],
        ),
        ("  \n\n0000人人都是，在在规定时间内", [("duplicate-char", "在在")]),
    ],
)
def test_candidates_among_other_doublings(text: str, expected: list[tuple[str, str]]) -> None:
    """One scan finds every doubling (spaces, digits, marks, characters); each rule keeps
    its own candidates, as if it had scanned for them alone."""
    assert [(f.rule, f.text_in(text)) for f in CHECK.check_text(text)] == expected


def test_jieba_is_loaded_only_when_a_candidate_needs_it() -> None:
    code = (
        "import sys\n"
        "from proofreader.engine import Checker\n"
        "from proofreader.rules import duplicate\n"
        "c = Checker(rules=duplicate.RULES)\n"
        "c.check_text('天天向上，高高兴兴，哈哈哈，不了了之，2020年，我们去公园。' * 50)\n"
        "print('jieba' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


def test_proper_names_are_left_alone() -> None:
    from proofreader.config import Config

    text = "记者张在在报道，他们们都来了。"
    plain = [f.text_in(text) for f in CHECK.check_text(text)]
    assert plain == ["在在", "们们"]
    named = Checker(Config(proper_names={"张在在"}), rules=duplicate.RULES).check_text(text)
    assert [f.text_in(text) for f in named] == ["们们"]


PROSE = """\
清晨，平湖市当湖街道的菜市场里人来人往，摊主们早早地摆好了摊位，新鲜的蔬菜整整齐齐地码放着。
“大家伙儿天天都来，图的就是个新鲜。”摊主老王笑呵呵地说，他在这里一干就是二十多年。
街道工作人员挨家挨户走访，一户一户地登记，确保家家户户都能及时了解最新政策。
在独山港镇，一辆辆满载物资的货车缓缓驶入仓库，志愿者们忙忙碌碌，个个汗流浃背。
对此，市民张女士深有感触：“以前办事要跑好几趟，现在在家里动动手指就能办好，实实在在方便了我们。”
该项目总投资约11000万元，预计2023年年底建成投用，届时将惠及周边村村民众。
会上，与会代表纷纷发言，畅所欲言，气氛热热闹闹，大家都说要撸起袖子加油干。
孩子们在草地上跑跑跳跳，老人们三三两两坐在树下聊聊天、下下棋，好不惬意。
记者了解到，今年以来，全市累计发放消费券3.5亿元，带动消费近20亿元，成效显著。
乡村振兴，关键在人。近年来，一批批年轻人回到家乡，成了新型职业农民。
这条路弯弯曲曲，两旁的稻田绿油油的，远处的村庄静悄悄的，偶尔传来几声狗叫。
面对困难，他从不退缩，一步一个脚印，踏踏实实地把每件事做好，被群众亲切地称为“老黄牛”。
所有有意参加活动的市民，均可通过“平湖发布”微信公众号报名。
据介绍，该中心共有有效床位300张，医护人员120名，可满足周边群众的就医需求。
他常常说，为人民服务不是一句空话，要落实到一件件具体的小事上。
文章写得清清楚楚、明明白白，读者看了看，都说好。
这项工作要研究研究，大家再讨论讨论，拿出一个切实可行的方案。
时间一天天过去，工地上的楼房一层层长高，工人们的脸上洋溢着笑容。
“谢谢你们！”临走时，奶奶拉着志愿者的手，久久不愿松开。
实事求是是我们党的思想路线，也是做好一切工作的根本方法。
"""


def test_newspaper_prose_checks_clean_for_all_my_rules() -> None:
    from proofreader.rules import punctuation, script

    checker = Checker(rules=duplicate.RULES + punctuation.RULES + script.RULES)
    findings = checker.check_text(PROSE)
    assert [(f.rule, f.text_in(PROSE)) for f in findings] == []


def test_word_ends_are_jiebas_own_route() -> None:
    """The fused DAG + route gives the words jieba's get_DAG and calc give."""
    from proofreader.segmenter import tokenizer

    dt = tokenizer()
    for line in PROSE.splitlines():
        for sentence in re.findall(f"[{duplicate._HAN}]+", line):
            route: dict[int, tuple[float, int]] = {}
            dt.calc(sentence, dt.get_DAG(sentence), route)
            ends, x = [], 0
            while x < len(sentence):
                x = route[x][1] + 1
                ends.append(x)
            assert duplicate._word_ends.__wrapped__(sentence) == tuple(ends), sentence
