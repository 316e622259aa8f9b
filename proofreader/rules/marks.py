"""Paired marks and dashes (category `punctuation`), after GB/T 15834-2011.

- A title inside a title takes the single title mark: 《读〈红楼梦〉》, not 《读《红楼梦》》.
- The dash is two em dashes ——; a lone — beside a Chinese mark is a dash cut in half
  (a lone — between two words is the connector of 北京—上海 and is left alone).
- ？ and ！ may be repeated up to three times for emphasis; four or more is too many.
- Two different pausing marks never stand together: ，。 、， ；， …

Doubled identical marks (，， 。。 ：：) belong to the duplicate-punct rule and are not
reported here; two or more hyphens (--) belong to the dash rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from proofreader.model import Applicability, Category, Finding, Severity
from proofreader.rules.base import CheckContext, Example, Rule, bad, good
from proofreader.textutil import CJK_RE

_TITLE_RE = re.compile("[《》〈〉]")


class TitleMarkNesting(Rule):
    id = "title-mark-nesting"
    category = Category.PUNCTUATION
    severity = Severity.ERROR
    name = "书名号嵌套"
    name_en = "Nested title marks"
    description = (
        "书名号里面还要用书名号时，外面用双书名号《》，里面用单书名号〈〉（GB/T 15834-2011）："
        "《读《红楼梦》有感》 → 《读〈红楼梦〉有感》。书名号不配对时由“括号不配对”规则报告，"
        "这里不再报告。"
    )
    description_en = (
        "A title inside a title takes single title marks: 《读〈红楼梦〉有感》, not "
        "《读《红楼梦》有感》. Unbalanced title marks are left to bracket-unbalanced."
    )
    examples: ClassVar[list[Example]] = [
        bad("他写了《读《红楼梦》有感》。", "《红楼梦》", "他写了《读〈红楼梦〉有感》。"),
        bad("《关于《民法典》的解读》一文", "《民法典》", "《关于〈民法典〉的解读》一文"),
        good("他写了《读〈红楼梦〉有感》。"),
        good("《红楼梦》和《西游记》"),
        good("他最喜欢读《红楼梦，每年都要读一遍。"),
    ]

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        text = ctx.text
        if "《" not in text:
            return
        for para in ctx.paragraphs:
            chunk = text[para.start : para.end]
            if chunk.count("《") < 2:
                continue
            yield from self._paragraph(ctx, para.start, chunk)

    def _paragraph(self, ctx: CheckContext, base: int, chunk: str) -> Iterator[Finding]:
        stack: list[tuple[str, int]] = []
        wrong: list[tuple[int, int]] = []
        for m in _TITLE_RE.finditer(chunk):
            ch, pos = m.group(), m.start()
            if ch in "《〈":
                stack.append((ch, pos))
                continue
            want = "《" if ch == "》" else "〈"
            if not stack or stack[-1][0] != want:
                return  # unbalanced: the bracket rule's business
            _, start = stack.pop()
            # A 《》 pair directly inside another 《》 pair should be 〈〉.
            if ch == "》" and stack and stack[-1][0] == "《":
                wrong.append((start, pos + 1))
        if stack:
            return
        for s, e in wrong:
            inner = chunk[s:e]
            fixed = "〈" + inner[1:-1] + "〉"
            yield self.finding(
                ctx,
                base + s,
                e - s,
                "书名号内的书名号应使用单书名号“〈〉”。",
                "A title inside a title takes single title marks 〈〉.",
                [fixed],
                Applicability.SAFE,
            )


# A lone em dash (not part of ——) with a Chinese mark on one side and text on the other.
_ZH_MARKS = "，。、；：？！“”‘’（）《》"
_DASH_RE = re.compile("—+")  # a literal prefix: found fast; runs of two or more skipped


class LoneDash(Rule):
    id = "lone-dash"
    category = Category.PUNCTUATION
    severity = Severity.ERROR
    name = "破折号只有一半"
    name_en = "Half a dash"
    description = (
        "中文破折号是两个“—”组成的“——”。紧挨着中文标点的单个“—”是被截断的破折号，"
        "改为“——”：“快走—”他喊道 → “快走——”他喊道。两个词之间的单个“—”可能是连接号"
        "（北京—上海），不报告。"
    )
    description_en = (
        "The Chinese dash is ——. A lone — next to a Chinese mark is half a dash and "
        "becomes ——; a lone — between two words may be a connector (北京—上海) and is left."
    )
    examples: ClassVar[list[Example]] = [
        bad("“快走—”他喊道。", "—", "“快走——”他喊道。"),
        bad("他停了一下，—然后走了。", "—", "他停了一下，——然后走了。"),
        good("“快走——”他喊道。"),
        good("从北京—上海的列车"),
        good("2020—2021赛季"),
    ]

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        text = ctx.text
        # Two C-speed counts settle most texts: every — belongs to a ——.
        dashes = text.count("—")
        if dashes == 0 or (dashes == 2 * text.count("——") and "———" not in text):
            return
        for m in _DASH_RE.finditer(text):
            s = m.start()
            if m.end() - s != 1:
                continue
            before = text[s - 1] if s > 0 else ""
            after = text[s + 1] if s + 1 < len(text) else ""
            mark_side = (before in _ZH_MARKS and before) or (after in _ZH_MARKS and after)
            if not mark_side:
                continue
            other = after if before in _ZH_MARKS else before
            if not (other and (CJK_RE.match(other) or other in _ZH_MARKS)):
                continue
            yield self.finding(
                ctx,
                s,
                1,
                "中文破折号应为“——”，这里只有一半。",
                "The Chinese dash is ——; this is half of one.",
                ["——"],
                Applicability.SAFE,
                group="lone-dash",
            )


_REPEAT_RE = re.compile("[？！]{4,}")
# Does a run of four exist? Each run starts with ？ or ！: two literal-prefix searches skip
# from mark to mark at memchr speed, far cheaper than a character-class scan or
# substring tests of the text.
_REPEAT_TESTS = (re.compile("？[？！]{3}").search, re.compile("！[？！]{3}").search)


class RepeatedMark(Rule):
    id = "repeated-mark"
    category = Category.PUNCTUATION
    severity = Severity.WARNING
    name = "问号叹号叠用过多"
    name_en = "Too many question or exclamation marks"
    description = (
        "问号、叹号表示强烈语气时可以叠用，但最多三个（GB/T 15834-2011）。"
        "四个或更多改为一个（新闻稿）或三个。"
    )
    description_en = (
        "？ and ！ may be repeated for emphasis, at most three times (GB/T 15834-2011). "
        "Four or more become one (news copy) or three."
    )
    examples: ClassVar[list[Example]] = [
        bad("这是真的吗？？？？", "？？？？", "这是真的吗？"),
        bad("太好了！！！！！", "！！！！！", "太好了！"),
        bad("什么？！？！", "？！？！", "什么？"),
        good("这是真的吗？"),
        good("这是真的吗？？？"),
        good("什么？！"),
    ]

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        text = ctx.text
        if not any(search(text) for search in _REPEAT_TESTS):
            return
        for m in _REPEAT_RE.finditer(text):
            s, e = m.span()
            marks = m.group()
            yield self.finding(
                ctx,
                s,
                e - s,
                "问号、叹号最多叠用三个，新闻稿一般只用一个。",
                "At most three repeated ？ or ！; news copy uses one.",
                [marks[0], marks[:3]],
                Applicability.UNSAFE,
            )


_PAUSE = "，、；："
_END = "。？！"
_RANK = {"、": 0, "，": 1, "：": 2, "；": 2, "。": 3, "？": 3, "！": 3}
_MARKS = _PAUSE + _END
# Any two marks (cheap to scan for); the illegal pairs are sorted out in Python.
_PAIR_RE = re.compile(f"[{_MARKS}](?=[{_MARKS}])")
# The same, one regex per first mark: a literal prefix is skipped to at memchr speed, so
# the seven searches together cost less than one character-class scan of the text.
_PAIR_TESTS = tuple(re.compile(f"{a}(?=[{_MARKS}])").search for a in _MARKS)


class IllegalMarkPair(Rule):
    id = "illegal-mark-pair"
    category = Category.PUNCTUATION
    severity = Severity.ERROR
    name = "标点连用错误"
    name_en = "Two marks that never go together"
    description = (
        "两个不同的点号不能连用：“，。”“、，”“；，”“。，”“？。”等只保留一个，"
        "一般保留语气更强的那个（句末点号强于分号、冒号，分号、冒号强于逗号，逗号强于顿号）。"
        "相同标点的重复（，，）由“重复标点”规则处理。“？！”可以连用，不报告。"
    )
    description_en = (
        "Two different pausing marks never stand together (，。 、， ；， 。， ？。): keep one, "
        "usually the stronger. Doubled identical marks are the duplicate-punct rule's; ？！ "
        "is fine."
    )
    examples: ClassVar[list[Example]] = [
        bad("会议结束了，。", "，。", "会议结束了。"),
        bad("苹果、，香蕉", "、，", "苹果，香蕉"),
        bad("你去吗？。", "？。", "你去吗？"),
        bad("要求如下：，一是快。", "：，", "要求如下：一是快。"),
        good("会议结束了。"),
        good("真的吗？！"),
        good("今天，，我们去公园。"),
        good("他说：“好。”"),
    ]

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        text = ctx.text
        if not any(search(text) for search in _PAIR_TESTS):
            return  # no two marks together (most texts)
        for m in _PAIR_RE.finditer(text):
            a, b = m.group(), text[m.end()]
            if a == b:
                continue  # doubled: duplicate-punct reports it
            if a in _END and b in "？！":
                continue  # ？！, ！？, 。？: not this rule's business
            keep = b if _RANK[b] > _RANK[a] else a
            yield self.finding(
                ctx,
                m.start(),
                2,
                f"“{a}”和“{b}”不能连用，保留一个。",
                f"{a} and {b} never go together: keep one.",
                [keep],
                Applicability.UNSAFE,
            )


RULES: list[type[Rule]] = [TitleMarkNesting, LoneDash, RepeatedMark, IllegalMarkPair]
