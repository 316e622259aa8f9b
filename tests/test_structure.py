"""Paragraph splitting and classification: body text against headlines, bylines, furniture."""

from __future__ import annotations

import pytest

from proofreader.structure import (
    Kind,
    Paragraph,
    classify,
    continuation,
    continues,
    ends_dangling,
    joins,
    next_nonblank,
    opens_sentence,
    paragraphs,
    split_paragraphs,
)


def kinds(text: str) -> list[tuple[Kind, str]]:
    return [(p.kind, p.text(text)) for p in paragraphs(text) if p.kind != Kind.BLANK]


def kind_of(text: str, line: str) -> Kind:
    found = [k for k, t in kinds(text) if t == line]
    assert found, f"{line!r} is not a paragraph of the text"
    return found[0]


# --- splitting -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", [(0, 0, "")]),
        ("\n", [(0, 0, "\n")]),
        ("甲", [(0, 1, "")]),
        ("甲\n", [(0, 1, "\n")]),
        ("甲\n\n乙", [(0, 1, "\n"), (2, 2, "\n"), (3, 4, "")]),
        ("甲\r\n\r\n乙\r\n", [(0, 1, "\r\n"), (3, 3, "\r\n"), (5, 6, "\r\n")]),
        ("甲\r乙", [(0, 1, "\r"), (2, 3, "")]),
    ],
)
def test_split_keeps_every_line_and_its_terminator(text: str, expected: list) -> None:
    paras = split_paragraphs(text)
    assert [(p.start, p.end, p.newline) for p in paras] == expected
    assert [p.index for p in paras] == list(range(len(paras)))
    # the paragraphs and their terminators tile the text exactly
    assert "".join(p.text(text) + p.newline for p in paras) == text


def test_blank_lines_are_blank_paragraphs() -> None:
    paras = split_paragraphs("甲\n　　\n \n乙")
    assert [p.kind for p in paras] == [Kind.BODY, Kind.BLANK, Kind.BLANK, Kind.BODY]


def test_crlf_and_lf_give_the_same_kinds(sample_text: str) -> None:
    lf = [p.kind for p in paragraphs(sample_text)]
    crlf = [p.kind for p in paragraphs(sample_text.replace("\n", "\r\n"))]
    assert lf == crlf


def test_paragraph_api_is_unchanged() -> None:
    p = Paragraph(3, 10, 15, "\r\n", Kind.HEADLINE)
    assert p.next_start == 17 and p.text("0123456789abcdefghij") == "abcde"
    assert [k.value for k in Kind] == ["body", "headline", "byline", "furniture", "blank"]


def test_classify_returns_a_new_list_of_the_same_paragraphs() -> None:
    text = "保障生活物资\n\n昨天，独山港镇组织村干部装卸生活物资。"
    raw = split_paragraphs(text)
    out = classify(text, raw)
    assert [(p.start, p.end) for p in out] == [(p.start, p.end) for p in raw]
    assert out[0].kind == Kind.HEADLINE and out[2].kind == Kind.BODY


def test_next_nonblank() -> None:
    paras = paragraphs("甲。\n\n\n乙。")
    nxt = next_nonblank(paras, 0)
    assert nxt is not None and nxt.index == 3
    assert next_nonblank(paras, 3) is None


# --- the sample page -----------------------------------------------------------------------

SAMPLE_KINDS = {
    "平湖版": Kind.FURNITURE,
    "JIAXING DAILY": Kind.FURNITURE,
    "仲旭东在部署疫情防控工作时强调 以问题为导向强化工作举措 推动防疫工作取得最后胜利": (
        Kind.HEADLINE
    ),
    "仲旭东在疫情防控工作会议上强调 认真复盘 举一反三 打赢疫情防控阻击战": Kind.HEADLINE,
    "认真复盘 举一反三 打赢疫情防控阻击战": Kind.HEADLINE,
    "■记者 林旭东": Kind.BYLINE,
    "党员干部做表率 抗击疫情筑防线": Kind.HEADLINE,
    "我市党员干部下沉村社区投身疫情防控一线": Kind.HEADLINE,
    "■记者 杨昊玥": Kind.BYLINE,
    "通讯员 张其良 张丹燕": Kind.BYLINE,
    "应急志愿快响应 精准调度强保障": Kind.HEADLINE,
    "“志愿浙江·浙志援”助力疫情防控": Kind.HEADLINE,
    "■记者 李雨婷": Kind.BYLINE,
    "仲旭东要求,社会面要安静平静,强化社会面管控,教育引导群众": Kind.BODY,
    "汇聚“你我他”之力,不胜不休": Kind.HEADLINE,
    "■汪锦秀": Kind.BYLINE,
    "DIYI PINGLUN 栏目统筹: 黄金凤": Kind.BYLINE,
    "保障生活物资": Kind.HEADLINE,
    "昨天,独山港镇组织村干部、党员志愿者及群众一起装卸生活物资,准备送往临时封控区。": Kind.BODY,
    "■摄影 周雯婷 张丹燕 王强": Kind.BYLINE,
    "让社会面管控彻底“静下来”": Kind.HEADLINE,
    "平湖加快落实落细“五快”循环机制": Kind.HEADLINE,
    "通讯员 张其良 张丹燕 沈萍 夏文洁": Kind.BYLINE,
    "间地点,确保核酸检测通知到每一个人,落实到每一个人。": Kind.BODY,
    "讲文明 树新风 公益/广告": Kind.FURNITURE,
    "巩固全国文明城市创建成果 做崇德向善文明有礼平湖人": Kind.HEADLINE,
    "平湖市传媒中心 宣": Kind.HEADLINE,
}


@pytest.mark.parametrize(("line", "kind"), SAMPLE_KINDS.items(), ids=list(SAMPLE_KINDS))
def test_sample_line_kinds(sample_text: str, line: str, kind: Kind) -> None:
    assert kind_of(sample_text, line) == kind


def test_every_long_sample_paragraph_is_body(sample_text: str) -> None:
    for kind, line in kinds(sample_text):
        if len(line) > 60:
            assert kind == Kind.BODY, line
        if line.startswith("本报讯"):
            assert kind == Kind.BODY, line


def test_non_body_lines_of_the_sample_are_not_sentences(sample_text: str) -> None:
    """Nothing that is not body text ends with a full stop on this page."""
    for kind, line in kinds(sample_text):
        if kind != Kind.BODY:
            assert not line.endswith("。"), line


# --- classification on its own --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "kind"),
    [
        ("本报记者 王强\n\n本报讯 昨天，会议召开。", "本报记者 王强", Kind.BYLINE),
        ("文/图 王强\n\n昨天，会议召开。", "文/图 王强", Kind.BYLINE),
        ("责任编辑：李四", "责任编辑：李四", Kind.BYLINE),
        ("A3版\n\n昨天，会议召开。", "A3版", Kind.FURNITURE),
        ("People's Daily Online", "People's Daily Online", Kind.FURNITURE),
        # a short unpunctuated line before a body paragraph that starts afresh: a sub-heading
        ("核酸检测全覆盖\n\n昨天，独山港镇设置了59个采样点。", "核酸检测全覆盖", Kind.HEADLINE),
        # ... but one the next paragraph visibly continues is a cut body paragraph
        ("教育引导群\n\n众遵守封控、管控规定。", "教育引导群", Kind.BODY),
        ("坚持“当\n\n日事当日毕”，提高水平。", "坚持“当", Kind.BODY),
        # a headline does not end with 的 or 和
        ("准确反映社会面上的\n\n党员干部做表率 抗击疫情筑防线", "准确反映社会面上的", Kind.BODY),
        ("继续加强与各方的沟通和\n\n“请大家戴好口罩。”", "继续加强与各方的沟通和", Kind.BODY),
        # indentation is not part of the decision
        (
            "　　保障生活物资\n　　昨天，独山港镇组织装卸生活物资。",
            "　　保障生活物资",
            Kind.HEADLINE,
        ),
        # a body paragraph that ends with a comma is a cut sentence, whatever its length
        ("一方需要,\n\n仲旭东充分肯定成效。", "一方需要,", Kind.BODY),
        ("坚决打赢疫情防控阻击战！", "坚决打赢疫情防控阻击战！", Kind.BODY),
        # captions and credits in brackets
        (
            "（图为东湖夜跑团成员在公园内夜跑）",
            "（图为东湖夜跑团成员在公园内夜跑）",
            Kind.FURNITURE,
        ),
        ("（新华社记者 王强 摄）", "（新华社记者 王强 摄）", Kind.FURNITURE),
        # a byline word opening a sentence is not a byline
        (
            "记者了解到,为了让阅读活动常\n\n态化，市图书馆开通了专线。",
            "记者了解到,为了让阅读活动常",
            Kind.BODY,
        ),
        (
            "本报讯 记者从平湖经济技术\n\n开发区获悉，今年产值增长。",
            "本报讯 记者从平湖经济技术",
            Kind.BODY,
        ),
    ],
)
def test_classification(text: str, line: str, kind: Kind) -> None:
    assert kind_of(text, line) == kind


def test_lines_without_sentence_punctuation_between_body_paragraphs() -> None:
    text = "在全市范围内开展专项整治行动。\n\n物资保障充足有力\n\n昨天，独山港镇组织装卸生活物资。"
    assert kind_of(text, "物资保障充足有力") == Kind.HEADLINE


# --- does the next paragraph continue this one? ----------------------------------------------


@pytest.mark.parametrize(
    ("prev", "nxt"),
    [
        ("教育引导群", "众遵守封控、管控规定。"),  # 群众 spans the break
        ("第二轮核酸检测的时", "间地点，确保通知到每一个人。"),
        ("其实都应该积极主动起", "来，该慢的慢下来。"),
        ("坚持“当", "日事当日毕”，提高水平。"),  # the quotation closes in the next one
        ("工作人员说", "，大家都很配合。"),  # punctuation cannot open a paragraph
        ("他买了一本新", "的词典。"),  # nor can 的
        ("在应对挑战", "中超越自我。"),  # nor a localizer on its own
    ],
)
def test_continuation_evidence(prev: str, nxt: str) -> None:
    assert continuation(prev, nxt) is True
    assert continues(prev, nxt) and joins(prev, nxt)


@pytest.mark.parametrize(
    ("prev", "nxt"),
    [
        ("一方需要,", "仲旭东充分肯定独山港镇疫情防控工作成效。"),  # a comma, then a new sentence
        ("准确反映社会面上的", "本报讯 面对当前疫情防控的严峻复杂形势。"),  # a new article
        ("会议要求各部门切实保障", "“请大家戴好口罩。”工作人员说。"),  # a new speech
        ("他身边总是", "我们要加强与各方的沟通。"),  # a pronoun opens a sentence
        ("转变长期以来", "近几年，食品药品安全问题受到关注。"),  # so does a time adverbial
        ("在全市范围内开展", "在东亚四强赛上，中国队战胜了对手。"),
        ("一是加强对重点人群的排查", "二是做好物资保障工作。"),  # a list goes on
        ("要求各部门认真落实防控措施", "（二）做好物资保障工作。"),
        ("八岁的王子涵是班里的图书管理员之一。她告", "读书节期间，各校还将开展亲子共读。"),
        ("刚开始种", "据镇农业农村办负责人介绍，今年全镇晚稻种植面积达到3.2万亩。"),
        ("不能一推了之，更不", "当然，调查研究并不是越多越好。"),
    ],
)
def test_truncation_evidence(prev: str, nxt: str) -> None:
    assert not joins(prev, nxt)


def test_joins_a_noun_ending_clause_to_a_verb() -> None:
    assert joins("仲旭东要求,社会面要安静平静,强化社会面管控,教育引导群众", "遵守封控、管控规定。")


@pytest.mark.parametrize(
    ("line", "dangling"),
    [("准确反映社会面上的", True), ("加强与各方的沟通和", True), ("通过", True),
     ("保障生活物资", False), ("打赢疫情防控阻击战", False), ("目的", False), ("", False)],
)  # fmt: skip
def test_ends_dangling(line: str, dangling: bool) -> None:
    assert ends_dangling(line) is dangling


@pytest.mark.parametrize(
    ("nxt", "opens"),
    [
        ("街道相关负责人表示，下一步将总结推广经验。", True),
        ("当地气象部门提醒，从昨天至初六，还有一股新的冷空气南下。", True),
        ("鉴于我国防治艾滋病面临的严峻形势，卫生部近日倡议开展宣传教育活动。", True),
        ("在信息化高速发展的今天，构筑数字化的生活平台需要各方努力。", True),
        ("调查研究是谋事之基、成事之道。", True),
        ("体育旅游是体育产业与旅游产业融合发展的新业态。", True),
        ("不管鸟的翅膀多么完美，如果不凭借空气，鸟就永远飞不到高空。", True),
        ("展望第四季度，开发区将继续推进重点项目建设。", True),
        ("针对我国有些地方不惜牺牲环境来发展经济的现象，有关部门出台了规定。", True),
        ("在“一带一路”国家战略影响下，未来5年，中国对外投资将持续增长。", True),
        ("相关资料统计显示，中国目前拥有网络文学写作者超过千万。", True),
        # the rest of a sentence cut at a word boundary
        ("目的是让群众得实惠。", False),
        ("负责人是第一责任人。", False),
        ("表示，下一步将总结推广经验。", False),
        ("烘干机，并组织农机手开展了技术培训。", False),
        ("以黄金、白银、珠宝、名贵木材等高档材质为载体或进行加工。", False),
        ("在家里待着，现在离家几步路就能上班。", False),
        ("依然希望国家队在未来的比赛中有出色表现。", False),
        ("显示，中国目前拥有网络文学写作者超过千万。", False),
        ("不管怎样都要坚持下去。", False),
    ],
)
def test_opens_sentence(nxt: str, opens: bool) -> None:
    assert opens_sentence(nxt) is opens
