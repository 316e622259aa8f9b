"""The quote rule family (category `quote`): quotation marks and brackets, GB/T 15834-2011.

Chinese text quotes with “ ” and nests ‘ ’ inside. One linear scan collects the marks of
each *chain* of paragraphs — paragraphs the fragment rule joins (a cut paragraph and its
continuation) and multi-paragraph quotations (every paragraph opens with “, only the last
closes) — and checks them together, so a quotation split by the layout is not an error.

Correct double marks alternate: “ ” “ ” … A sequence that alternates after flipping exactly
one mark has a reversed mark, and flipping it is the unambiguous fix. A lone “ followed by
a speaker attribution and no quoted text (…工作。“某某说。) is a reversed closing mark too.
Anything else is reported where the pairing breaks, with no fix. Straight " ' in Chinese
text take the role their place in the alternation gives them (first opens, second closes).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache
from typing import ClassVar, NamedTuple

from proofreader import resources
from proofreader.model import Applicability, Category, Finding, Severity
from proofreader.rules.base import CheckContext, Example, Rule, bad, good
from proofreader.rules.fragment import links
from proofreader.segmenter import loaded_freq, longest_entry, tokenizer
from proofreader.structure import SPACES, Kind, Paragraph, next_nonblank
from proofreader.textutil import CJK_CLASS, ZH_PUNCT

_MARKS = "“”\"‘’'（）()《》【】〈〉"
_MARK_RE = re.compile(f"[{_MARKS}]")
# What needs no look: anything but a mark, and “…” with no other mark inside on one line
# (a paragraph is a line). A match ends at the first mark past that (group 1) or at the end.
_PLAIN_THEN_MARK_RE = re.compile(f"(?:[^{_MARKS}]++|“[^{_MARKS}\r\n]*+”)*+(?:(.)|\\Z)", re.DOTALL)
_ZH_CONTEXT = re.compile(f"[{CJK_CLASS}{re.escape(ZH_PUNCT)}]")
_ASCII_ALNUM = re.compile("[A-Za-z0-9]")
_BRACKETS = {"（": ("paren", True), "(": ("paren", True), "）": ("paren", False),
             ")": ("paren", False), "《": ("book", True), "》": ("book", False),
             "【": ("lent", True), "】": ("lent", False), "〈": ("angle", True),
             "〉": ("angle", False)}  # fmt: skip
_CLOSER_FOR = {"paren": "）", "book": "》", "lent": "】", "angle": "〉"}
# "1）", "a)", "一）" opening a list item: a closing bracket with no opener, on purpose.
_ENUMERATOR_RE = re.compile(r"[0-9A-Za-z一二三四五六七八九十ⅠⅡⅢⅣⅤ]{1,3}$")
_BOUNDARY = " \t\u3000。；;：:，,、"
_TERMINAL = "。！？…!?"

OPEN, CLOSE, EITHER = "O", "C", "S"  # opening, closing, straight (either)
OPEN_CLOSE = OPEN + CLOSE


# A mark: (offset, role), role OPEN, CLOSE or EITHER. A plain tuple: a draft has thousands
# of marks, and building a NamedTuple costs ten times as much.
Mark = tuple[int, str]


# A NamedTuple, not a frozen dataclass: several times cheaper to build.
class Issue(NamedTuple):
    rule: str
    offset: int
    length: int
    message: str
    message_en: str
    replacement: str | None = None
    sure: bool = True  # False: the fix rests on a reading of the context, a person confirms


@cache
def _speech_verbs() -> frozenset[str]:
    return frozenset(resources.wordlist("speech-verbs"))


@cache
def _speech_verb_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(v) for v in _speech_verbs()}))


def _zh_context(text: str, pos: int, lo: int, hi: int) -> bool:
    """Is the mark at `pos` in Chinese text? Its nearest neighbour on either side, past
    spaces and a half-width mark or two (…前途啊!" — the marks are the punctuation rule's
    business), is Chinese."""
    i = pos - 1
    while i >= lo and text[i] in SPACES:
        i -= 1
    k = i
    while k >= lo and pos - k <= 3 and text[k] in _HALF_PUNCT:
        k -= 1
    j = pos + 1
    while j < hi and text[j] in SPACES:
        j += 1
    m = j
    while m < hi and m - pos <= 3 and text[m] in _HALF_PUNCT:
        m += 1
    return any(lo <= x < hi and _ZH_CONTEXT.match(text[x]) is not None for x in (i, k, j, m))


_HALF_PUNCT = ",.!?;:"


def _is_apostrophe(text: str, pos: int, lo: int, hi: int) -> bool:
    before = text[pos - 1] if pos > lo else ""
    after = text[pos + 1] if pos + 1 < hi else ""
    return (
        bool(before)
        and _ASCII_ALNUM.match(before) is not None
        and (not after or not _ZH_CONTEXT.match(after))
    )


def _is_enumerator(text: str, pos: int, lo: int) -> bool:
    """Is the closing bracket at `pos` the end of a list number (1）, a), 一）)?"""
    m = _ENUMERATOR_RE.search(text, max(lo, pos - 3), pos)
    return m is not None and (m.start() == lo or text[m.start() - 1] in _BOUNDARY)


def _straight_quote(text: str, pos: int, lo: int, hi: int) -> bool:
    """Is the straight mark at `pos` a quotation mark in Chinese text?

    After a digit it may be an inch or second mark (15.6" 的屏幕): it counts only when the
    paragraph's straight marks pair up with it (洛阳"12.25"火灾).
    """
    if not _zh_context(text, pos, lo, hi):
        return False
    if pos > lo and text[pos - 1].isdigit():
        return text.count(text[pos], lo, hi) % 2 == 0
    return True


class _Chain:
    """Marks collected over one chain of paragraphs."""

    def __init__(self) -> None:
        self.double: list[Mark] = []
        self.single: list[Mark] = []
        self.brackets: dict[str, list[int]] = {}
        self.issues: list[Issue] = []

    def add_paragraph(self, text: str, p: Paragraph, reopen: bool) -> None:
        """Add the marks of paragraph `p`."""
        lo, hi = p.start, p.end
        skip = -1
        if reopen:  # the “ that re-opens a quotation carried over from the last paragraph
            skip = lo + len(text[lo:hi]) - len(text[lo:hi].lstrip(SPACES))
        add_double = self.double.append
        for m in _MARK_RE.finditer(text, lo, hi):
            pos = m.start()
            ch = m[0]
            if pos == skip:
                continue
            if ch == "“":
                add_double((pos, OPEN))
            elif ch == "”":
                add_double((pos, CLOSE))
            elif ch == '"':
                if _straight_quote(text, pos, lo, hi):
                    self.double.append((pos, EITHER))
            elif ch == "‘":
                self.single.append((pos, OPEN))
            elif ch == "’":
                if not _is_apostrophe(text, pos, lo, hi):
                    self.single.append((pos, CLOSE))
            elif ch == "'":
                if _straight_quote(text, pos, lo, hi) and not _is_apostrophe(text, pos, lo, hi):
                    self.single.append((pos, EITHER))
            else:
                kind, opening = _BRACKETS[ch]
                stack = self.brackets.setdefault(kind, [])
                if opening:
                    stack.append(pos)
                elif stack:
                    stack.pop()
                elif not _is_enumerator(text, pos, lo):
                    self.issues.append(Issue(
                        "bracket-unbalanced", pos, 1,
                        f"多余的后括号“{ch}”：前面没有与之配对的前括号",
                        f"Closing bracket “{ch}” without an opening one",
                    ))  # fmt: skip

    def open_at_end(self) -> bool:
        return len(self.double) % 2 == 1

    def finish(self, text: str) -> list[Issue]:
        for kind, stack in self.brackets.items():
            for pos in stack:
                ch = text[pos]
                self.issues.append(Issue(
                    "bracket-unbalanced", pos, 1,
                    f"前括号“{ch}”没有配对的后括号“{_CLOSER_FOR[kind]}”",
                    f"Opening bracket “{ch}” is never closed",
                ))  # fmt: skip
        _analyse(text, self.double, "“", "”", self.issues)
        _analyse(text, self.single, "‘", "’", self.issues)
        return self.issues


_ATTRIBUTION_AFTER = _TERMINAL + "，,"
_ATTRIBUTION_RE = re.compile(r"[^“”\"。！？!?\r\n，,]{1,40}(?=[。，,！!])")


def _attribution_follows(text: str, pos: int) -> bool:
    """Is the “ at `pos` followed by a bare speaker attribution (某某说。) instead of speech?

    Then it is the closing mark of the quotation before it, typed the wrong way round.
    """
    before = pos - 1
    while before >= 0 and text[before] in SPACES:
        before -= 1
    if before < 0 or text[before] not in _ATTRIBUTION_AFTER:
        return False
    m = _ATTRIBUTION_RE.match(text, pos + 1)
    if m is None:
        return False
    return _ends_with_speech_verb(m.group())


def _ends_with_speech_verb(clause: str) -> bool:
    """Is jieba's last word of `clause` (dictionary words only) a speech verb?

    That word is a suffix of the clause, so jieba runs only when the suffixes leave it open.
    """
    verbs = _speech_verbs()
    if not any(clause[-n:] in verbs for n in _speech_verb_lengths()):
        return False
    if "\u4e00" <= clause[-1] <= "\u9fd5":  # in a block jieba segments with its dictionary
        # The last word: the last character alone, or a dictionary word ending with it.
        get = loaded_freq(clause).get
        n = len(clause)
        longest = longest_entry()  # no dictionary word is longer: shorter suffixes only
        last = {clause[k:] for k in range(max(0, n - longest), n - 1) if get(clause[k:])}
        last.add(clause[-1])
        if last <= verbs:
            return True  # …顾一诺说: 说 is the only candidate
        if last.isdisjoint(verbs):
            return False
    words = list(tokenizer().cut(clause, HMM=False))
    return bool(words) and words[-1] in verbs


def _analyse(text: str, seq: list[Mark], op: str, cl: str, out: list[Issue]) -> None:
    if not seq:
        return
    n = len(seq)
    straight = '"' if op == "“" else "'"
    if n % 2 == 0:
        if "".join([role for _, role in seq]) == OPEN_CLOSE * (n // 2):
            return  # plain pairs (the usual case): nothing to report
        mism = [i for i, (_, role) in enumerate(seq) if role != EITHER and role != _want(i)]
        if len(mism) <= 1:
            for i in mism:  # exactly one mark the wrong way round: the fix is clear
                pos = seq[i][0]
                right = op if _want(i) == OPEN else cl
                out.append(Issue(
                    "quote-reversed", pos, 1,
                    f"引号方向错误：此处应为{'前' if _want(i) == OPEN else '后'}引号“{right}”",
                    f"Quotation mark the wrong way round: “{right}” belongs here",
                    right,
                ))  # fmt: skip
            for i, (pos, role) in enumerate(seq):
                if role == EITHER:
                    right = op if _want(i) == OPEN else cl
                    out.append(Issue(
                        "quote-straight", pos, 1,
                        f"中文里应使用弯引号“{right}”，不用直引号{straight}",
                        f"Chinese text takes the curly mark “{right}”, not a straight {straight}",
                        right,
                    ))  # fmt: skip
            return
        if _nested(seq):
            depth = 0
            for pos, role in seq:
                if role == OPEN:
                    depth += 1
                    if depth == 2 and op == "“":
                        out.append(Issue(
                            "quote-nesting", pos, 1,
                            "引号嵌套错误：双引号里面的引号应使用单引号‘’",
                            "Wrong nesting: a quotation inside “ ” takes ‘ ’",
                        ))  # fmt: skip
                else:
                    depth -= 1
            return
    # The pairing breaks: report where, without a fix.
    expect = OPEN
    open_mark: Mark | None = None
    for m in seq:
        pos, role = m
        if role == EITHER:
            out.append(Issue(
                "quote-straight", pos, 1,
                f"中文里应使用弯引号“”，不用直引号{straight}（此处配对不明，请核对）",
                f"Chinese text takes curly quotation marks, not a straight {straight} "
                "(the pairing is unclear here)",
            ))  # fmt: skip
            open_mark = m if expect == OPEN else None
            expect = CLOSE if expect == OPEN else OPEN
        elif role == expect:
            open_mark = m if expect == OPEN else None
            expect = CLOSE if expect == OPEN else OPEN
        elif role == CLOSE:  # expected an opening mark
            out.append(Issue(
                "quote-unbalanced", pos, 1,
                f"后引号“{cl}”前面没有配对的前引号“{op}”",
                f"Closing mark “{cl}” without an opening “{op}”",
            ))  # fmt: skip
        else:  # an opening mark while one is open: the open one was never closed
            if open_mark is not None and open_mark[1] == OPEN:
                out.append(_unclosed(open_mark[0], op, cl))
            open_mark = m
    if expect == CLOSE and open_mark is not None and open_mark[1] == OPEN:
        if op == "“" and _attribution_follows(text, open_mark[0]):
            out.append(Issue(
                "quote-reversed", open_mark[0], 1,
                "引号方向错误：引语之后、说话人之前应为后引号“””",
                "Quotation mark the wrong way round: the closing “”” belongs before the speaker",
                cl, sure=False,
            ))  # fmt: skip
        else:
            out.append(_unclosed(open_mark[0], op, cl))


def _want(i: int) -> str:
    """The role of the i-th mark in a correct sequence: opening and closing alternate."""
    return OPEN if i % 2 == 0 else CLOSE


def _unclosed(pos: int, op: str, cl: str) -> Issue:
    return Issue(
        "quote-unbalanced", pos, 1,
        f"前引号“{op}”没有配对的后引号“{cl}”",
        f"Opening mark “{op}” is never closed by “{cl}”",
    )  # fmt: skip


def _nested(seq: list[Mark]) -> bool:
    depth = deepest = 0
    for _, role in seq:
        if role == EITHER:
            return False
        depth += 1 if role == OPEN else -1
        if depth < 0:
            return False
        deepest = max(deepest, depth)
    return depth == 0 and deepest >= 2


_PAIRS = ("‘’", "（）", "()", "（)", "(）", "《》", "【】", "〈〉")
_ALTERNATING_RE = re.compile("(?:“”)*")


def _to_analyse(
    text: str, paras: list[Paragraph], starts: list[int], joined: dict[int, int]
) -> list[int]:
    """The indices of the paragraphs that may hold an issue, in order: those joined to the
    next and those whose marks do not plainly pair up. Most paragraphs have no marks, or
    only “…” pairs: one scan of the whole text passes them by."""
    out = set(joined)
    search = _PLAIN_THEN_MARK_RE.search
    m = search(text)
    while m is not None and m.start(1) >= 0:  # no group 1: the end of the text
        i = bisect_right(starts, m.start(1)) - 1
        p = paras[i]
        if i not in out:
            marks = "".join(_MARK_RE.findall(text, p.start, p.end))
            if not _marks_pair_plainly(marks):
                out.add(i)
        m = search(text, p.end)  # on from the end of the paragraph
    return sorted(out)


def _marks_pair_plainly(s: str) -> bool:
    """Do the marks `s` of a paragraph (the marks alone, in order) pair up plainly (“…‘…’…”
    （…）), with no straight marks and no quotation left open for the next paragraph?"""
    if '"' in s or "'" in s:
        return False
    if not s.strip("“”"):  # double marks alone (the usual case): no pair to take out
        return _ALTERNATING_RE.fullmatch(s) is not None
    before = ""
    while before != s:
        before = s
        for pair in _PAIRS:
            s = s.replace(pair, "")
    return _ALTERNATING_RE.fullmatch(s) is not None


def _starts_with_open(text: str, p: Paragraph) -> bool:
    s = text[p.start : p.end].lstrip(SPACES)
    return s.startswith("“")


def analysis(ctx: CheckContext) -> list[Issue]:
    """Every quotation-mark and bracket issue of the text, computed once per check and shared
    by the rules of this family through `ctx.cache`."""
    cached = ctx.cache.get("quote.issues")
    if cached is not None:
        return cached  # type: ignore[return-value]
    text, paras = ctx.text, ctx.paragraphs
    issues: list[Issue] = []
    ctx.cache["quote.issues"] = issues
    joined = links(ctx)
    consumed: set[int] = set()
    for i in _to_analyse(text, paras, ctx.paragraph_starts, joined):
        p = paras[i]
        if p.kind == Kind.BLANK or i in consumed:
            continue
        chain = _Chain()
        cur, reopen = p, False
        while True:
            consumed.add(cur.index)
            chain.add_paragraph(text, cur, reopen)
            reopen = False
            nxt_i = joined.get(cur.index)
            if nxt_i is not None and nxt_i not in consumed:
                cur = paras[nxt_i]
                continue
            if (
                cur.kind == Kind.BODY
                and chain.open_at_end()
                and (nxt := next_nonblank(paras, cur.index)) is not None
                and nxt.kind == Kind.BODY
                and _starts_with_open(text, nxt)
                and not _attribution_follows(text, chain.double[-1][0])
            ):
                cur, reopen = nxt, True  # a quotation that goes on into the next paragraph
                continue
            break
        issues.extend(chain.finish(text))
    return issues


class _QuoteRule(Rule):
    category = Category.QUOTE
    severity = Severity.ERROR

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for iss in analysis(ctx):
            if iss.rule != self.id:
                continue
            fix = [iss.replacement] if iss.replacement is not None else []
            yield self.finding(
                ctx, iss.offset, iss.length, iss.message, iss.message_en,
                replacements=fix,
                applicability=(
                    Applicability.DISPLAY_ONLY if not fix
                    else Applicability.SAFE if iss.sure else Applicability.UNSAFE
                ),
            )  # fmt: skip


_GOOD_COMMON = [
    good("他说：“大家都叫它‘志愿浙江·浙志援’平台。”"),
    good("“在突发事件中，要快速反应。\n\n“要精准调度，做到不漏一人。”他说。"),
    good("汇聚“你我他”之力,不胜不休\n\n■汪锦秀"),
    good("■记者 林旭东\n通讯员 张其良 张丹燕"),
    good("让群众的“米袋子”“菜篮子”更加充实。"),
    good("精密智控要提速提效，坚持“当\n\n日事当日毕”，提高精密智控水平。"),
]


class QuoteUnbalanced(_QuoteRule):
    id = "quote-unbalanced"
    name = "引号不配对"
    name_en = "Unbalanced quotation marks"
    description = (
        "前引号“没有配对的后引号”，或后引号”前面没有前引号“（GB/T 15834-2011）。"
        "跨段引用（每段开头用前引号，只有最后一段用后引号）是正确的；被版面断开、由下一段"
        "接续的段落与下一段合在一起检查。缺的引号该加在哪里无法确定，因此不自动修改。"
    )
    description_en = (
        "An opening “ is never closed, or a closing ” has no opening mark (GB/T 15834-2011). "
        "A quotation over several paragraphs (each opens with “, only the last closes) is "
        "right; a paragraph cut by the layout is checked together with its continuation. "
        "Where the missing mark goes cannot be known, so no fix is offered."
    )
    examples: ClassVar[list[Example]] = [
        bad("他说：“我们一定能战胜疫情。大家都很配合。", "“"),
        bad("他说：我们一定能战胜疫情。”大家都很配合。", "”"),
        bad(
            "“请大家戴好口罩，共同战胜疫情……昨天一早，“只要大家都配合好，就能战胜疫情。”居民说。",
            "“",
        ),
        bad("“你好。”他说。“再见。”她说。“明天见。", "“"),
        bad("他把这本书叫作‘案头书。", "‘"),
        bad("“我们接到通知后立刻前往现场。\n\n大家都很配合。", "“"),
    ]
    examples += [
        *_GOOD_COMMON,
        good("“我们接到转运通知后立刻前往现场。”出租车司机李健说。"),
        good("“第一段。\n\n“第二段。\n\n“第三段，到此结束。”"),
        good("It’s a Chinese reporter’s notebook，他说。"),
        good("“里面有猪肉、鸡肉，还有一些蔬菜和水……”居民曹金伟说。"),
    ]


class QuoteReversed(_QuoteRule):
    id = "quote-reversed"
    name = "引号方向错误"
    name_en = "Reversed quotation mark"
    description = (
        "引号用反了：该用后引号”的地方用了前引号“，或者相反。例如“……消杀等工作。“市交通运输局"
        "……顾一诺说”中，引语结束、说话人之前的引号应为后引号”。只有在配对关系确定（改动一个"
        "引号就能让全段引号正确配对）时才给出可批量接受的修改；根据说话人判断的修改需人工确认。"
    )
    description_en = (
        "A quotation mark typed the wrong way round: “ where the closing ” belongs, or the "
        "reverse — e.g. …等工作。“市交通运输局…顾一诺说。, where the mark after the quoted "
        "speech and before the speaker must be ”. The fix is offered only when it is "
        "unambiguous (turning this one mark makes every pair in the paragraph right); a fix read "
        "from a following speaker attribution is offered as unsafe, for a person to confirm."
    )
    examples: ClassVar[list[Example]] = [
        bad(
            "“并做好应急物资派送、车辆消杀等工作。“市交通运输局执法队副队长顾一诺说。",
            "“",
            "“并做好应急物资派送、车辆消杀等工作。”市交通运输局执法队副队长顾一诺说。",
        ),
        bad(
            "按照既定路线“点对点”安全送达，并做好消杀等工作。“执法队副队长顾一诺说。",
            "“",
            "按照既定路线“点对点”安全送达，并做好消杀等工作。”执法队副队长顾一诺说。",
        ),
        bad(
            "他说：“我们一定能战胜疫情。“大家都笑了。",
            "“",
            "他说：“我们一定能战胜疫情。”大家都笑了。",
        ),
        bad(
            "他说：”我们一定能战胜疫情。”大家都笑了。",
            "”",
            "他说：“我们一定能战胜疫情。”大家都笑了。",
        ),
        bad("让群众的“米袋子““菜篮子”更加充实。", "“", "让群众的“米袋子”“菜篮子”更加充实。"),
        bad("他说：“这是‘志愿浙江‘平台。”", "‘", "他说：“这是‘志愿浙江’平台。”"),
    ]
    examples += [
        *_GOOD_COMMON,
        good("“我们接到转运通知后立刻前往现场。”出租车司机李健说。"),
        good("执法人员立即进行跟车管理。“我们会全力以赴。”副队长顾一诺说。"),
        good("“第一段。\n\n“第二段，到此结束。”"),
    ]


class QuoteNesting(_QuoteRule):
    id = "quote-nesting"
    name = "引号嵌套错误"
    name_en = "Wrongly nested quotation marks"
    description = (
        "引号里面还要用引号时，外面用双引号“”，里面用单引号‘’（GB/T 15834-2011）。双引号里"
        "再套双引号是错误的。需要把里层的一对双引号改为单引号，请人工核对后修改。"
    )
    description_en = (
        "A quotation inside a quotation takes single marks: “ … ‘ … ’ … ” (GB/T 15834-2011). "
        "Double marks inside double marks are wrong; the inner pair should become ‘ ’."
    )
    examples: ClassVar[list[Example]] = [
        bad("他说：“大家都叫它“志愿浙江”平台。”", "“"),
        bad("“在突发事件中，只要通过“志愿浙江”发布招募令就行。”负责人说。", "“"),
        bad("“我们常说“人人为我”，也要做到“我为人人”。”他说。", "“"),
        bad("她回忆：“父亲总说“做人要实在”。”", "“"),
        bad("“老师讲过“温故而知新”的道理。”", "“"),
    ]
    examples += [
        *_GOOD_COMMON,
        good("他说：“大家都叫它‘志愿浙江’平台。”"),
        good("“我们常说‘人人为我’，也要做到‘我为人人’。”他说。"),
        good("“一”“二”“三”依次排列。"),
    ]


class QuoteStraight(_QuoteRule):
    id = "quote-straight"
    name = "直引号"
    name_en = "Straight quotation marks"
    description = (
        "中文文本应使用弯引号“”‘’，不用直引号\"和'（GB/T 15834-2011）。成对出现时，"
        "第一个改为前引号，第二个改为后引号；配对不明时只提示，不自动修改。英文、代码里的"
        "直引号不检查。"
    )
    description_en = (
        "Chinese text takes curly marks “” ‘’, not straight \" and ' (GB/T 15834-2011). When "
        "they pair up, the first becomes “ and the second ”; when the pairing is unclear the "
        "mark is only reported. Straight quotes in Latin text are left alone."
    )
    examples: ClassVar[list[Example]] = [
        bad('他说："我们一定能战胜疫情。"', '"', '他说：“我们一定能战胜疫情。"'),
        bad('让群众的"米袋子"更加充实。', '"', '让群众的“米袋子"更加充实。'),
        bad('通过"志愿浙江"平台发布招募令。', '"', '通过“志愿浙江"平台发布招募令。'),
        bad("他说：“这是'志愿浙江'平台。”", "'", "他说：“这是‘志愿浙江'平台。”"),
        bad('坚持"当日事当日毕"，提高水平。', '"', '坚持“当日事当日毕"，提高水平。'),
        bad('他说："我们一定能战胜疫情。', '"'),
        bad('吸取洛阳"12.25"火灾的教训。', '"', '吸取洛阳“12.25"火灾的教训。'),
        bad('他说:"真是太好了!"', '"', '他说:“真是太好了!"'),
    ]
    examples += [
        *_GOOD_COMMON,
        good('The sign read "No entry" in English.'),
        good("It's the reporter's notebook."),
        good('屏幕尺寸为 15.6" 的笔记本电脑。'),
        good("这是一个 5' 长的木板。"),
    ]


class BracketUnbalanced(_QuoteRule):
    id = "bracket-unbalanced"
    name = "括号不配对"
    name_en = "Unbalanced brackets"
    description = (
        "括号（）、书名号《》、方头括号【】必须成对使用。前括号没有后括号，或后括号前面没有"
        "前括号，都要核对原稿；缺的括号该加在哪里无法确定，因此不自动修改。"
        "“1）”“a)”这样的序号不算。"
    )
    description_en = (
        "Brackets （）, title marks 《》 and lenticular brackets 【】 come in pairs. An opening "
        "mark never closed or a closing mark never opened is reported without a fix. List "
        "numbers such as 1） or a) are not errors."
    )
    examples: ClassVar[list[Example]] = [
        bad("独山港镇虎啸村（社区居民朱华国说，大家都很配合。", "（"),
        bad("独山港镇虎啸村社区）居民朱华国说，大家都很配合。", "）"),
        bad("他最喜欢读《红楼梦，每年都要读一遍。", "《"),
        bad("【新闻链接 核酸检测要点。", "【"),
        bad("各村(社区工作人员挨家挨户走访。", "("),
    ]
    examples += [
        *_GOOD_COMMON,
        good("独山港镇虎啸村（社区）居民朱华国说，大家都很配合。"),
        good("各村(社区)工作人员挨家挨户走访。"),
        good("他最喜欢读《红楼梦》，每年都要读一遍。"),
        good("1）加强排查；2）做好保障。"),
        good("一）加强排查\n二）做好保障"),
        good("【新闻链接】核酸检测要点（详见《防控指南（第九版）》）。"),
    ]


RULES: list[type[Rule]] = [
    QuoteUnbalanced,
    QuoteReversed,
    QuoteNesting,
    QuoteStraight,
    BracketUnbalanced,
]
