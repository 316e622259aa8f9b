"""The fragment rule family (category `fragment`): body paragraphs that end mid-sentence.

A page extraction cuts paragraphs where the layout broke a column: the sentence goes on
in the next paragraph (join them), or its continuation was lost (nothing to fix
automatically, the editor must look at the source). Headlines, bylines, captions and page
furniture are not sentences and are never flagged (see `proofreader.structure`).

`links(ctx)` is the shared decision — which paragraph continues in which — and the quote
rules analyse quotations over paragraphs as joined here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from typing import ClassVar, NamedTuple

from proofreader.model import Applicability, Category, Finding, Severity
from proofreader.rules.base import CheckContext, Example, Rule, bad, good
from proofreader.structure import (
    SPACES,
    Kind,
    Paragraph,
    continuation,
    is_cut_ending,
    joins_without_evidence,
    next_nonblank,
    opens_sentence,
)

_TERMINAL = ("。", "！", "？", "…", "!", "?")
# (module constants: `Kind.BODY` is a slow look-up through the enum class)
_BODY = Kind.BODY


class Cut(NamedTuple):
    """A body paragraph that ends mid-sentence."""

    para: Paragraph
    last: int  # offset of its last non-space character
    next: Paragraph | None  # the paragraph that continues it, None when truncated
    join_start: int = 0  # the break to remove when joining: [join_start, join_end)
    join_end: int = 0


# Builds a Cut from a 5-tuple in C (a NamedTuple's own __new__ is a Python function).
_make_cut = partial(tuple.__new__, Cut)


def cuts(ctx: CheckContext) -> list[Cut]:
    """Every body paragraph that ends mid-sentence, with its continuation if there is one."""
    cached = ctx.cache.get("fragment.cuts")
    if cached is not None:
        return cached  # type: ignore[return-value]
    text, paras = ctx.text, ctx.paragraphs
    body = _BODY
    # Most body paragraphs end with 。 or ”: skip them on their last character alone. (A body
    # paragraph is never empty: a line with nothing but spaces is blank.) p[4] is p.kind and
    # p[2] p.end: this runs for every line, and a tuple index is cheaper than an attribute.
    candidates = [p for p in paras if p[4] is body and text[p[2] - 1] not in _SENTENCE_END]
    out = [c for p in candidates if (c := _cut(text, paras, p)) is not None]
    ctx.cache["fragment.cuts"] = out
    return out


# Last characters that end a paragraph as a sentence (not `is_cut_ending`, not a space).
_SENTENCE_END = "。！？”…"


def _cut(text: str, paras: list[Paragraph], p: Paragraph) -> Cut | None:
    """The cut that body paragraph `p` ends with, if it ends mid-sentence."""
    body = text[p.start : p.end].rstrip(SPACES)
    if not body:
        return None
    end = body[-1]
    if not ("\u4e00" <= end <= "\u9fff" or is_cut_ending(end)):  # (most cuts: an ideograph)
        return None
    if end == "“" and (body[-2:-1] in _TERMINAL or body.rfind("“", 0, -1) > body.rfind("”", 0, -1)):
        return None  # 。“ or “…“ ends the paragraph: a closing mark typed the wrong way round
    last = p.start + len(body) - 1
    q = next_nonblank(paras, p.index)
    if q is not None and q.kind is _BODY:
        head = text[q.start : q.end]
        lead = len(head) - len(head.lstrip(SPACES))
        if _joined(body.lstrip(SPACES), head[lead:]):
            return _make_cut((p, last, q, last + 1, q.start + lead))
    return _make_cut((p, last, None, 0, 0))


def _joined(prev: str, nxt: str) -> bool:
    """Join a cut paragraph to the next body paragraph? `joins`, except that without
    strong evidence (a word or a quotation spanning the break) a next paragraph that opens
    like a new sentence means the cut one was truncated: a wrong join is worse than none."""
    strong = continuation(prev, nxt)
    if strong is not None:
        return strong  # (what `joins` returns too)
    if prev[-1] in _PLACE_PREFIX or _short_last_fragment(prev) or not opens_sentence(nxt):
        return joins_without_evidence(prev, nxt)  # (市|教育局相关负责人表示: a cut subject)
    return False


# One-character place words that open an organisation's name (市教育局, 镇党委书记).
_PLACE_PREFIX = "省市县区镇乡村州"


def _short_last_fragment(s: str) -> bool:
    """Is the unfinished sentence `s` ends with (after its last 。！？；：) under 3 characters?"""
    return len(s) < 3 or not _STOPS.isdisjoint(s[-3:])


_STOPS = frozenset("。！？；：!?;:")


def links(ctx: CheckContext) -> dict[int, int]:
    """paragraph index → index of the paragraph that continues its sentence."""
    return {c.para.index: c.next.index for c in cuts(ctx) if c.next is not None}


class ParagraphCut(Rule):
    id = "paragraph-cut"
    category = Category.FRAGMENT
    severity = Severity.ERROR
    name = "段落断开"
    name_en = "Paragraph broken mid-sentence"
    description = (
        "正文段落在句子中间断开，下一段接着这句话（版面分栏或提取文本时断行所致），"
        "例如“教育引导群”“众遵守封控……”。建议删除两段之间的换行，把两段连成一段。"
        "判断依据：跨越断行的词（群众、时间、起来）、前段未闭合而后段闭合的引号、"
        "后段以“的”“了”或标点开头。标题、署名、图片说明和版面文字不是句子，不检查。"
    )
    description_en = (
        "A body paragraph stops mid-sentence and the next paragraph carries on the same "
        "sentence (a column break left by the layout or the text extraction). The fix removes "
        "the line break(s) between them. Evidence: a word spanning the break (群|众, 时|间), a "
        "quotation opened before the break and closed after it, a next paragraph that starts "
        "with 的/了 or with punctuation. Headlines, bylines, captions and page furniture are "
        "not sentences and are never flagged."
    )
    examples: ClassVar[list[Example]] = [
        bad(
            "仲旭东要求，社会面要安静平静，教育引导群\n\n众遵守封控、管控规定。",
            "\n\n",
            "仲旭东要求，社会面要安静平静，教育引导群众遵守封控、管控规定。",
        ),
        bad(
            "精密智控要提速提效，坚持“当\n\n日事当日毕”，提高精密智控水平。",
            "\n\n",
            "精密智控要提速提效，坚持“当日事当日毕”，提高精密智控水平。",
        ),
        bad(
            "我们每一个人，其实都应该积极主动起\r\n\r\n来，该慢的慢下来，该停的停下来。",
            "\r\n\r\n",
            "我们每一个人，其实都应该积极主动起来，该慢的慢下来，该停的停下来。",
        ),
        bad(
            "工作人员挨家挨户走访通知村民第二轮核酸检测的时\n间地点，确保通知到每一个人。",
            "\n",
            "工作人员挨家挨户走访通知村民第二轮核酸检测的时间地点，确保通知到每一个人。",
        ),
        bad(
            "　　昨天上午，志愿者们把物资送到居民\n\n　　的家门口，居民纷纷道谢。",
            "\n\n　　",
            "　　昨天上午，志愿者们把物资送到居民的家门口，居民纷纷道谢。",
        ),
        bad(
            "会议强调，要切实做好疫情防控工\n作，保障群众正常生活。\n\n会议要求，各部门加强协作。",
            "\n",
            "会议强调，要切实做好疫情防控工作，保障群众正常生活。\n\n会议要求，各部门加强协作。",
        ),
        # the next paragraph opens like a sentence, but the subject itself was cut (市|教育局)
        bad(
            "这次读书节活动由市文明办、团市委和市图书馆共同主办，市\n\n"
            "教育局相关负责人表示，希望通过这些活动让孩子们爱上阅读。",
            "\n\n",
            "这次读书节活动由市文明办、团市委和市图书馆共同主办，市"
            "教育局相关负责人表示，希望通过这些活动让孩子们爱上阅读。",
        ),
        bad(
            "大家一致认为，要把好事办好，关键在于落实，这项工作的\n\n目的是让群众得实惠。",
            "\n\n",
            "大家一致认为，要把好事办好，关键在于落实，这项工作的目的是让群众得实惠。",
        ),
        bad(
            "会议指出，这项工作涉及面广、政策性强，对此各级各部门\n\n负责人是第一责任人。",
            "\n\n",
            "会议指出，这项工作涉及面广、政策性强，对此各级各部门负责人是第一责任人。",
        ),
    ]
    examples += [
        good("仲旭东要求，社会面要安静平静，教育引导群众遵守封控、管控规定。"),
        good(
            "认真复盘 举一反三 打赢疫情防控阻击战\n\n■记者 林旭东\n\n"
            "本报讯 昨天晚上，我市召开会议。"
        ),
        good(
            "■记者 杨昊玥\n通讯员 张其良 张丹燕\n\n本报讯 面对当前严峻复杂形势，全市干部响应号召。"
        ),
        good("保障生活物资\n\n昨天，独山港镇组织村干部装卸生活物资，准备送往临时封控区。"),
        good("汇聚“你我他”之力,不胜不休\n\n■汪锦秀\n\n疫情当前，人人都是“同舟者”。"),
        good("平湖版\n\nJIAXING DAILY\n\nDIYI PINGLUN 栏目统筹: 黄金凤"),
        good(
            "讲文明 树新风 公益/广告\n\n"
            "巩固全国文明城市创建成果 做崇德向善文明有礼平湖人\n\n平湖市传媒中心 宣"
        ),
        good("“我们接到通知后立刻前往现场。\n\n“第一时间将转运人员送到指定地点。”司机李健说。"),
        good("他说：“疫情当前，人人有责。”\n\n会上，各镇街道汇报了工作情况："),
        good("“只要通过‘志愿浙江’发布招募令，就能快速匹配。\n\n“这就是数字化的力量。”他说。"),
        good("让社会面管控彻底“静下来”\n\n平湖加快落实落细“五快”循环机制"),
        good("他被人称作“中国大山里的海伦•凯勒“\n\n高校自主招生联盟的出现，是一种尝试。"),
    ]

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for c in cuts(ctx):
            if c.next is None:
                continue
            a, b = c.para.end, c.next.start
            prev_tail = ctx.text[max(c.para.start, c.last - 3) : c.last + 1]
            next_head = ctx.text[c.join_end : min(c.next.end, c.join_end + 4)]
            yield self.finding(
                ctx,
                c.join_start,
                c.join_end - c.join_start,
                f"段落在句子中间断开：“…{prev_tail}”与下一段“{next_head}…”是同一句话，应连为一段",
                f"Paragraph broken mid-sentence: “…{prev_tail}” continues in “{next_head}…”; "
                "join the two paragraphs",
                replacements=[""],
                applicability=Applicability.UNSAFE,
                breaks=ctx.text.count("\n", a, b) or ctx.text.count("\r", a, b),
            )


class ParagraphTruncated(Rule):
    id = "paragraph-truncated"
    category = Category.FRAGMENT
    severity = Severity.ERROR
    name = "段落残缺"
    name_en = "Truncated paragraph"
    description = (
        "正文段落在句子中间结束（以“的”、逗号或一个词的半截结尾），下一段却是标题或另起"
        "的一段，这句话的后文缺失了。无法自动修改：请对照原稿补全。标题、署名、图片说明和"
        "版面文字不是句子，不检查。"
    )
    description_en = (
        "A body paragraph ends mid-sentence (with 的, a comma, half a word) and what follows "
        "is a headline or an unrelated paragraph: the rest of the sentence is missing. No "
        "automatic fix: check the source. Headlines, bylines, captions and page furniture are "
        "not sentences and are never flagged."
    )
    examples: ClassVar[list[Example]] = [
        bad(
            "做到核酸检测全覆盖，准确反映社会面上的\n\n党员干部做表率 抗击疫情筑防线",
            "的",
        ),
        bad(
            "“实现志愿服务快速反应、精准调度。”相关负责人说。一方需要,\n\n"
            "仲旭东充分肯定独山港镇疫情防控工作成效。",
            ",",
        ),
        bad(
            "会议要求各部门认真落实防控措施，压实责任，切实保障\n\n本报讯 昨天上午，我市召开会议。",
            "障",
        ),
        bad("全市干部群众日夜奋战，连续作战，坚决打赢这场", "场"),
        bad("他表示，下一步将继续加强与各方的沟通和\r\n\r\n“请大家戴好口罩。”工作人员说。", "和"),
        bad("在全市范围内开展为期一个月的专项整治行动，重点检查各类\n■记者 王强", "类"),
        # no word spans the break and the next paragraph opens a new sentence: no join offered
        bad(
            "今年春运期间，各地返乡人员明显增多，村里的补给站比往年多，志愿\n\n"
            "街道相关负责人表示，下一步将总结推广“老娘舅”调解经验。",
            "愿",
        ),
        bad(
            "他风风雨雨走过了不少地方，始\n\n调查研究是谋事之基、成事之道。做好新时代的各项工作离不开调查研究。",
            "始",
        ),
        bad(
            "每天放学以后，孩子们都会在操场上活动一个小时，每天学校里放学\n\n"
            "鉴于我国防治艾滋病面临的严峻形势，卫生部近日倡议开展宣传教育活动。",
            "学",
        ),
        bad(
            "在信息化高速发展的今天，法律明确禁止的，是个人\n\n"
            "在信息化高速发展的今天，构筑数字化的生活平台需要各方努力。",
            "人",
        ),
        bad(
            "图书馆推出了在线预约服务，读者可以在网上（微信公众号）在线预约图书，图书\n\n"
            "展望第四季度，开发区将继续推进重点项目建设。",
            "书",
        ),
    ]
    examples += [
        good("做到核酸检测全覆盖，准确反映社会面上的疫情情况。\n\n党员干部做表率 抗击疫情筑防线"),
        good("仲旭东在部署疫情防控工作时强调 以问题为导向强化工作举措 推动防疫工作取得最后胜利"),
        good("■记者 林旭东\n通讯员 张其良 张丹燕 沈萍 夏文洁"),
        good("■摄影 周雯婷 张丹燕 王强"),
        good("我市党员干部下沉村社区投身疫情防控一线\n\n■记者 杨昊玥"),
        good("“在突发事件中，要快速反应。\n\n“要精准调度。”他说。"),
        good("会议明确了以下三项任务：\n\n一是加强排查；\n\n二是做好保障；\n\n三是稳定秩序。"),
        good("坚持就是胜利，曙光就在前方……\n\n讲文明 树新风 公益/广告"),
        good("他说：“人人为我，我为人人。”\n\nJIAXING DAILY"),
        good("他说：“大家都叫它‘志愿浙江·浙志援’平台。”\n\n■记者 李雨婷"),
    ]

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        for c in cuts(ctx):
            if c.next is not None:
                continue
            ch = ctx.text[c.last]
            tail = ctx.text[max(c.para.start, c.last - 5) : c.last + 1]
            yield self.finding(
                ctx,
                c.last,
                1,
                f"段落在句子中间结束（“…{tail}”），后文缺失，请对照原稿补全",
                f"Paragraph ends mid-sentence (“…{tail}”) and its continuation is missing; "
                "check the source",
                applicability=Applicability.DISPLAY_ONLY,
                last=ch,
            )


RULES: list[type[Rule]] = [ParagraphCut, ParagraphTruncated]
