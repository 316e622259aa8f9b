"""The duplicate rule family (category `duplicate`): a doubled character (在在), a doubled
word (我们我们) and doubled punctuation (，，).

Chinese doubles characters on purpose all the time (人人, 看看, 高高兴兴, 绿油油, 不了了之,
and 实事求是|是 or 所有|有效 across a word boundary), so precision comes first. A cheap
regex finds candidate pairs over the whole text; word lists settle most of them; jieba
(loaded lazily, only when a candidate survives the lists) segments a few characters around
the pair to see whether each copy belongs to a word of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache
from math import log
from typing import ClassVar

from proofreader import resources
from proofreader.model import Applicability, Category, Finding, Severity
from proofreader.rules.base import CheckContext, Example, Rule, bad, good
from proofreader.segmenter import dictionary_loaded, loaded_freq, tokenizer

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff"
# The candidates are a Chinese character twice, ([HAN])\1, two different ones twice,
# ([HAN])((?!\1)[HAN])\1\2, and a run of a mark, _PUNCT_RE. Backreferences to any
# character (but a line break) scan the text about twice as fast as those behind a class:
# these find any doubling, and Python keeps the candidates.
_DOUBLED_RE = re.compile(r"(.)\1")
_DOUBLED_TWO_RE = re.compile(r"(..)\1")
_PUNCT = "，。、；："
_PUNCT_RE = re.compile(f"([{_PUNCT}])\\1+")
_HAN_RE = re.compile(f"[{_HAN}]")


class _Vocabulary:
    """The small sets of resources/wordlists/duplicate-vocabulary.txt, read on first use."""

    def __getattr__(self, name: str) -> frozenset[str]:
        sets = _vocabulary_sets()
        key = name.lower().replace("_", "-")
        if key not in sets:
            raise AttributeError(name)
        setattr(self, name, sets[key])  # later look-ups skip __getattr__
        return sets[key]


@cache
def _vocabulary_sets() -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for key, value in resources.wordmap("duplicate-vocabulary").items():
        words = value.split()
        # A single run of characters is a set of characters; spaced entries are words.
        out[key] = (
            frozenset(words[0]) if len(words) == 1 and key not in _WORD_SETS else frozenset(words)
        )
    return out


# Keys whose members are words even when there is only one.
_WORD_SETS = frozenset({"lead-ok-words", "tail-slip-words", "lead-slip-words", "slip-words"})

V = _Vocabulary()

# Particles that end no name, so a boundary character right after them starts one
# (解决的|办|办法, 牵动着|中|中国): both copies cannot be a name ending and a word.
_NO_NAME_END = frozenset("的了着")

# Characters of context handed to jieba on each side of a candidate.
_CONTEXT = 5


def _words(name: str) -> frozenset[str]:
    return frozenset(w for entry in resources.wordlist(name) for w in entry.split())


@cache
def _aa_verbs() -> frozenset[str]:
    return _words("reduplication-aa-verbs")


@cache
def _allowed_pairs() -> frozenset[str]:
    return _words("reduplication-aa") | _words("reduplication-measure") | _aa_verbs()


@cache
def _idioms() -> dict[str, list[tuple[str, int]]]:
    """Doubled pair -> (idiom, offset of the pair inside it) for every idiom."""
    out: dict[str, list[tuple[str, int]]] = {}
    for idiom in _words("idioms-doubled"):
        for k in range(len(idiom) - 1):
            if idiom[k] == idiom[k + 1]:
                out.setdefault(idiom[k : k + 2], []).append((idiom, k))
    return out


@cache
def _measure_words() -> frozenset[str]:
    return _words("measure-words")


@cache
def _boundary_chars() -> frozenset[str]:
    return _words("duplicate-boundary-chars")


@cache
def _abab() -> frozenset[str]:
    return _words("reduplication-abab")


def _jieba():  # type: ignore[no-untyped-def]
    return tokenizer()


def _name_spans(ctx: CheckContext) -> list[tuple[int, int]]:
    """Where the proper names of the user dictionary occur (computed at the first slip)."""
    names = ctx.config.proper_names
    if not names:
        return []
    rx = re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))
    return [m.span() for m in rx.finditer(ctx.text)]


def _is_word(w: str) -> bool:
    return bool(loaded_freq(w[0]).get(w))


@cache
def _t2s():  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=4096)  # a few characters around a pair: common contexts recur
def _simplified(s: str) -> str:
    """`s` in simplified characters, so a stray traditional character (實事求是是) does not
    hide an idiom or a word; the original if conversion would change the length."""
    out = _t2s().convert(s)
    return out if len(out) == len(s) else s


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _doubled(ctx: CheckContext) -> list[int]:
    """Where any character but a line break is doubled, left to right without overlap: one
    scan shared by the rules of this family through `ctx.cache`."""
    found = ctx.cache.get("duplicate.doubled")
    if found is None:
        found = [m.start() for m in _DOUBLED_RE.finditer(ctx.text)]
        ctx.cache["duplicate.doubled"] = found
    return found  # type: ignore[return-value]


def _doubled_chars(text: str, doubled: list[int]) -> list[int]:
    """Where a Chinese character is doubled, left to right without overlap (在在在 once),
    from `doubled`, the positions of `_doubled`."""
    # A doubling of any other character skips only its second copy, which is no Chinese
    # character either: the same positions as a scan for Chinese pairs alone.
    return [i for i in doubled if _is_han(text[i])]


def _punct_runs(text: str, doubled: list[int]) -> Iterator[tuple[int, int]]:
    """The spans of _PUNCT_RE.finditer(text), from `doubled` (see `_doubled`)."""
    # A run starts where its character is doubled, after a different character: never
    # inside a doubling found before it, so `doubled` holds the start of every run.
    end = 0
    for i in doubled:
        if i >= end and text[i] in _PUNCT:
            m = _PUNCT_RE.match(text, i)
            if m is not None:  # always: text[i] is doubled
                end = m.end()
                yield i, end


def _doubled_words(text: str) -> Iterator[int]:
    """Where two different Chinese characters are doubled (ABAB), left to right without
    overlap."""
    search = _DOUBLED_TWO_RE.search
    m = search(text)
    while m is not None:
        i = m.start()
        a, b = text[i], text[i + 1]
        if a != b and _is_han(a) and _is_han(b):
            yield i
            m = search(text, i + 4)
        else:  # not ABAB here (哈哈哈哈, four spaces): one ABAB may still start inside
            m = search(text, i + 1)


def _glues_before(text: str, i: int) -> bool:
    return i > 0 and _is_han(text[i - 1]) and _is_word(text[i - 1] + text[i])


def _glues_after(text: str, i: int) -> bool:
    j = i + 2
    return j < len(text) and _is_han(text[j]) and _is_word(text[i] + text[j])


def _yi_slip(text: str, i: int) -> bool:
    """一一 before a measure word (一|一个, 一|一份) is a slip; 一一对应, 统一|一个 are not."""
    j = i + 2
    if j >= len(text) or text[j] not in _measure_words():
        return False
    if i > 0 and (text[i - 1] in V.NUMERALS or text[i - 1] in "第初"):
        return False  # 十一一个, 第一一个: a number, not a slip we can fix
    lo, hi = _han_window(text, i, i + 2)
    spans = _segment(text, lo, hi)
    return _word_at(spans, i) == (i, i + 1) and _word_at(spans, i + 1) == (i + 1, i + 3)


def _in_idiom(text: str, i: int, pair: str) -> bool:
    """Is the pair part of an idiom as written?"""
    idioms = _idioms().get(pair)
    if idioms is None:  # most pairs: no generator to build
        return False
    return any(i >= k and text.startswith(idiom, i - k) for idiom, k in idioms)


def _in_simplified_idiom(text: str, i: int, pair: str) -> bool:
    """Is the pair part of an idiom once the text around it is in simplified characters?"""
    idioms = _idioms().get(pair, ())
    if not idioms:
        return False
    lo = max(0, i - 8)
    local = _simplified(text[lo : i + 10])
    return any(i - k >= lo and local.startswith(idiom, i - k - lo) for idiom, k in idioms)


def _segment(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """jieba's words (dictionary words only, no HMM guesses) as absolute (start, end)."""
    spans = []
    x = lo
    for y in _word_ends(_simplified(text[lo:hi])):
        spans.append((x, lo + y))
        x = lo + y
    return spans


@lru_cache(maxsize=4096)  # a dozen characters at most: common contexts recur
def _word_ends(sentence: str) -> tuple[int, ...]:
    """Where jieba's words (dictionary words only) end in `sentence`, Chinese characters.

    jieba's DAG and max-probability route (Tokenizer.get_DAG and calc) in one pass, with
    the same arithmetic in the same order, so the same words: the window holds Chinese
    characters only, so jieba's block splitting and generators are not needed."""
    freq = loaded_freq(sentence).get
    logtotal = log(_jieba().total)
    n = len(sentence)
    score: list[float] = [0.0] * n + [0]  # (jieba's route[N] = (0, 0))
    last = [0] * n  # the end (inclusive) of the best first word from each position
    for k in range(n - 1, -1, -1):
        best: tuple[float, int] | None = None
        i, frag = k, sentence[k]
        while i < n:  # every dictionary word that starts at k: jieba's DAG[k]
            f = freq(frag)
            if f is None:  # no word starts with frag: none longer either
                break
            if f:
                cand = (log(f) - logtotal + score[i + 1], i)
                if best is None or cand > best:
                    best = cand
            i += 1
            frag = sentence[k : i + 1]
        if best is None:  # the character alone
            best = (log(freq(sentence[k]) or 1) - logtotal + score[k + 1], k)
        score[k], last[k] = best
    ends = []
    x = 0
    while x < n:
        x = last[x] + 1
        ends.append(x)
    return tuple(ends)


def _han_window(text: str, i: int, j: int) -> tuple[int, int]:
    """Up to _CONTEXT Chinese characters each side of text[i:j], not crossing other text."""
    lo = i
    while lo > 0 and i - lo < _CONTEXT and _HAN_RE.match(text[lo - 1]):
        lo -= 1
    hi = j
    while hi < len(text) and hi - j < _CONTEXT and _HAN_RE.match(text[hi]):
        hi += 1
    return lo, hi


def _word_at(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for s, e in spans:
        if s <= pos < e:
            return s, e
    return pos, pos + 1  # pragma: no cover - spans tile the window


def _beside_abb(text: str, i: int) -> bool:
    """Is the pair a lone copy beside an ABB word or idiom that holds the other AA, rather
    than AABB (不|不了了之, 绿油油|的|的)? Not 亮|亮晶晶: 空空荡荡, 慢慢腾腾 are AABB too."""
    # The idiom list gates the segmenter, so plain AABB (高高兴兴) never loads jieba.
    after = any(
        k == 1 and len(idiom) > 3 and text.startswith(idiom, i + 1)
        for idiom, k in _idioms().get(text[i + 2 : i + 4], ())
    )
    before = any(
        k == len(idiom) - 2 and i - k - 2 >= 0 and text.startswith(idiom, i - k - 2)
        for idiom, k in _idioms().get(text[i - 2 : i], ())
    )
    if not (after or before):
        return False
    lo, hi = _han_window(text, i, i + 2)
    spans = _segment(text, lo, hi)
    if _word_at(spans, i) != (i, i + 1):
        return False
    s, e = _word_at(spans, i + 1)
    if s == i + 1 and e >= i + 4 and text[i + 2] == text[i + 3]:
        return True
    if i >= 3 and text[i - 2] == text[i - 1] and _word_at(spans, i - 1)[1] == i:
        return _word_at(spans, i + 1) == (i + 1, i + 2) and _word_at(spans, i - 1)[0] <= i - 3
    return False


def pair_is_slip(text: str, i: int) -> tuple[bool, bool]:
    """Is the doubled character at text[i:i+2] a slip? Returns (slip, safe_fix)."""
    x = text[i]
    pair = x + x
    allowed = pair in _allowed_pairs()
    if (
        allowed
        and x != "一"
        and x not in V.UNJUDGED
        and dictionary_loaded()  # never the reason jieba loads: the tests below may clear it
        and (x in V.FUNCTION or not (_glues_before(text, i) or _glues_after(text, i)))
    ):
        # An AA word is suspect only when the character before it makes a word with its
        # first copy (活动|动, 增长|长, 大家|家) or the one after with its second (人|人们,
        # 时|时候); dictionary lookups, no segmentation. The commonest pair, so tested
        # first: the tests below clear a pair or pass it on, all but those for 一 and the
        # unjudged characters, so they would clear it too.
        return False, False
    n = len(text)
    # Runs of three or more (哈哈哈, 啊啊啊) are deliberate or beyond a simple fix.
    if (i > 0 and text[i - 1] == x) or (i + 2 < n and text[i + 2] == x):
        return False, False
    if x == "一":
        return _yi_slip(text, i), False
    if x in V.NUMERALS:
        return False, False
    if x in V.UNJUDGED:
        # 为|为人民服务, 成为|为: too many readings, except a lone 为 before 为了.
        if _simplified(text[i + 1 : i + 3]) not in V.LEAD_SLIP_WORDS:
            return False, False
        lo, hi = _han_window(text, i, i + 2)
        spans = _segment(text, lo, hi)
        return _word_at(spans, i) == (i, i + 1) and _word_at(spans, i + 1) == (i + 1, i + 3), False
    # 一个个, 一间间, 一首首: a measure word reduplicated after 一 (一 itself is a numeral).
    # 一体|体, 一定|定 are words, not 一 + measure: those go on to segmentation.
    # A function character that is no measure word (之一|的|的) is never reduplicated after 一.
    if (
        i > 0
        and text[i - 1] == "一"
        and (x in _measure_words() or (x not in V.FUNCTION and not _is_word("一" + x)))
    ):
        return False, False
    # AABB: 高高兴兴, 家家户户, 的的确确, 是是非非.
    if (
        (i >= 2 and text[i - 2] == text[i - 1] and text[i - 1] != x)
        or (i + 3 < n and text[i + 2] == text[i + 3])
    ) and not (x in V.NEVER_DOUBLED or _beside_abb(text, i)):
        return False, False
    if _in_idiom(text, i, pair):
        return False, False
    if allowed and (x in V.FUNCTION or not (_glues_before(text, i) or _glues_after(text, i))):
        return False, False  # the AA test above, when the dictionary was not loaded yet
    # After the AA test, which clears most pairs without converting the context.
    if _in_simplified_idiom(text, i, pair):
        return False, False
    lo, hi = _han_window(text, i, i + 2)
    spans = _segment(text, lo, hi)
    a = _word_at(spans, i)
    b = _word_at(spans, i + 1)
    function = x in V.FUNCTION
    if a == b:  # one dictionary word holds both copies (人人, 绿油油, 不了了之)
        return (function and a == (i, i + 2) and pair in V.SLIP_WORDS), True
    la, lb = a[1] - a[0], b[1] - b[0]
    if la > 1 and lb > 1:  # 所有|有效, 南海|海域, 大理石|石材: two words that meet
        return False, False
    if la == 1 and lb == 1 and x in V.NEVER_DOUBLED:
        return True, False
    if function:
        # 现在|在, 目的|的, 实事求是|是 are right; two lone copies are a slip, and so is a
        # pronoun, 不, 而 or 为 alone before a word that begins with it (他|他们, 不|不同).
        if la == 1 and lb == 1:
            # 有|有|意义: the second copy could start a word (有意) the segmenter passed
            # over for a stronger one, and 有 + 有意义 is right. Not a slip we can prove.
            nxt = text[i + 1 : i + 3]
            if (
                x in V.GLUE_AMBIGUOUS
                and _glues_after(text, i)
                and _simplified(nxt) not in V.LEAD_SLIP_WORDS
            ):
                return False, False
            return True, True
        bword = _simplified(text[b[0] : b[1]])
        lead = la == 1 and (
            (x in V.LEAD_SLIP and bword not in V.LEAD_OK_WORDS) or bword in V.LEAD_SLIP_WORDS
        )
        # 而是|是, 不是|是, 就是|是: a 是-adverb, then 是 alone again.
        tail = lb == 1 and text[a[0] : a[1]] in V.TAIL_SLIP_WORDS
        return lead or tail, False
    if allowed:
        # An AA word (人人, 看看) stays unless the segmenter glues the first copy to the
        # word before and leaves the second alone (活动|动, 增长|长, 大家|家), or leaves
        # the first alone and glues the second to what follows (人|人们, 村|村民) — not
        # for verbs (看|看书 is 看看书) nor name endings (索道站|站长).
        if la > 1 and lb == 1:
            return True, False
        return (
            la == 1
            and pair not in _aa_verbs()
            and x not in _boundary_chars()
            and not _glues_before(text, i)  # 这个|人|人品: 个人 is a word too
        ), False
    # A content character: one copy glued to a word, the other alone (我们|们, 防|防控).
    # Two lone copies are left alone: names (婷婷), onomatopoeia, ABB endings.
    if la == 1 and lb > 1 and x in _boundary_chars() and text[i - 1 : i] not in _NO_NAME_END:
        return False, False  # 索道站|站长: a name jieba does not know, then a word
    if la == 1 and lb == 1:
        # Two lone copies: a slip only when dropping one lets the other join a word of
        # three or more (新|新|技术 -> 新技术, 孩子|们|们 -> 孩子们, 事半|功|功|倍 -> 事半功倍).
        return _joins_long_word(text, i, lo, hi), False
    return (la == 1) != (lb == 1), False


def _joins_long_word(text: str, i: int, lo: int, hi: int) -> bool:
    """Does text[i] join a word of three or more once the copy at i + 1 is dropped?"""
    s = text[lo : i + 1] + text[i + 2 : hi]
    ws, we = _word_at(_segment(s, 0, len(s)), i - lo)
    return we - ws >= 3


def word_is_slip(text: str, i: int) -> bool:
    """Is the ABAB at text[i:i+4] a doubled word (我们我们) rather than reduplication?"""
    ab = text[i : i + 2]
    if ab[0] in V.NUMERALS or ab in _abab():
        return False
    # Longer runs (哈哈哈哈 is excluded by the regex; ABABAB) are deliberate.
    if text.startswith(ab, i + 4) or (i >= 2 and text[i - 2 : i] == ab):
        return False
    lo, hi = _han_window(text, i, i + 4)
    spans = _segment(text, lo, hi)
    # Both copies must be the same dictionary word, exactly: 我们|我们, 防控|防控.
    return (i, i + 2) in spans and (i + 2, i + 4) in spans


class DuplicateChar(Rule):
    id = "duplicate-char"
    category = Category.DUPLICATE
    severity = Severity.ERROR
    name = "重复字"
    name_en = "Doubled character"
    description = (
        "同一个字误打了两遍，如“在在”“的的”“了了”，删去一个。正常的叠字不报告："
        "AA 式叠词（人人、天天、常常、看看、谢谢、妈妈）、量词重叠（个个、层层、条条）、"
        "AABB（高高兴兴、家家户户、的的确确）、ABB（绿油油、亮晶晶）、成语（不了了之、"
        "多多益善、井井有条）、数字，以及分属前后两个词的相同字（所有|有效、实事求是|是、"
        "现在|在家、南海|海域）。虚词重复的修改可以批量接受，其他字的修改需要人工确认。"
    )
    description_en = (
        "A character typed twice (在在, 的的, 了了): drop one copy. Legitimate doubling is "
        "left alone: AA words (人人, 常常, 看看, 妈妈), reduplicated measure words (个个, 层层), "
        "AABB (高高兴兴), ABB (绿油油), idioms (不了了之, 多多益善), numbers, and two words "
        "that happen to meet on the same character (所有|有效, 实事求是|是, 现在|在家). "
        "Fixes on function characters are safe; others need a look."
    )
    examples: ClassVar[list[Example]] = [
        bad(
            "确保所有居民都能在在规定时间内完成核酸检测。",
            "在在",
            "确保所有居民都能在规定时间内完成核酸检测。",
        ),
        bad("这是我的的书。", "的的", "这是我的书。"),
        bad("他已经走了了。", "了了", "他已经走了。"),
        bad("这是是一个好办法。", "是是", "这是一个好办法。"),
        bad("我们们一起去。", "们们", "我们一起去。"),
        bad("加强疫情防防控工作。", "防防", "加强疫情防控工作。"),
        bad("社区居民民都很满意。", "民民", "社区居民都很满意。"),
        bad("只有因材施教才能事半功功倍。", "功功", "只有因材施教才能事半功倍。"),
        bad("拖一拖也就不不了了之了。", "不不", "拖一拖也就不了了之了。"),
        bad("二来是为为了看看平湖的风景。", "为为", "二来是为了看看平湖的风景。"),
        # AA words
        good("人人都是志愿者，天天都在忙碌。"),
        good("他常常去图书馆，往往一待就是一整天。"),
        good("雨渐渐停了，刚刚还在下。"),
        good("你看看这本书，谢谢你。"),
        good("夜空中的星星一闪一闪，妈妈和爸爸在院子里乘凉。"),
        good("大家纷纷表示，要好好学习，默默奉献。"),
        good("姐姐抱着宝宝，悄悄地走了进来。"),
        # reduplicated measure words
        good("个个都是好样的，层层落实责任，条条措施到位，件件有着落。"),
        good("他们一步步走来，一个个精神饱满。"),
        # AABB
        good("大家安安心心过年，高高兴兴回家，家家户户挂灯笼。"),
        good("这的的确确是事实，是是非非自有公论。"),
        good("生活实实在在地好起来了。"),
        good("他是个乐乐呵呵的人，屋里空空荡荡的。"),
        # ABB
        good("绿油油的麦苗，亮晶晶的露珠，红彤彤的太阳。"),
        # A一A, A了A, verb reduplication
        good("你试一试，他看了看，我们谈谈、说说、想想。"),
        good("这件事要研究研究，再讨论讨论。"),
        # idioms
        good("这件事最后不了了之。"),
        good("多多益善，井井有条，津津有味。"),
        # words that meet on the same character
        good("实事求是是我们党的思想路线。"),
        good("所有有效的办法都要用上。"),
        good("他现在在家里休息。"),
        good("这是实现目的的手段。"),
        good("不同同学有不同的看法。"),
        good("大学学生的就业问题。"),
        good("中国国家旅游局发布通知。"),
        good("为了了解情况，他们走访了南海海域。"),
        good("他成为为人民服务的好干部。"),
        good("他改进了工作作风，参加了座谈会会议。"),
        # numbers
        good("全市共11000人，2020年、二〇二二年。"),
        good("他说：“我……我不知道——真的。”"),
    ]

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        text = ctx.text
        names: list[tuple[int, int]] | None = None
        for i in _doubled_chars(text, _doubled(ctx)):
            slip, safe = pair_is_slip(text, i)
            if not slip:
                continue
            if names is None:
                names = _name_spans(ctx)
            if any(s < i + 2 and i < e for s, e in names):
                continue  # 王婷婷, 李丽丽: a proper name from the user dictionary
            x = text[i]
            msg = f"“{x}”字重复，应删去一个。"
            msg_en = f"The character {x} is doubled: drop one."
            if not safe:
                msg += "请确认不是叠词。"
                msg_en += " Check it is not a reduplication."
            yield self.finding(
                ctx,
                i,
                2,
                msg,
                msg_en,
                [x],
                Applicability.SAFE if safe else Applicability.UNSAFE,
                group=None,
            )


class DuplicateWord(Rule):
    id = "duplicate-word"
    category = Category.DUPLICATE
    severity = Severity.ERROR
    name = "重复词"
    name_en = "Doubled word"
    description = (
        "同一个双音节词误打了两遍，如“我们我们”“防控防控”，删去一个。可以重叠的动词和"
        "形容词（研究研究、讨论讨论、商量商量、雪白雪白）以及“一个一个”之类不报告。"
        "修改需要人工确认。"
    )
    description_en = (
        "A two-character word typed twice (我们我们, 防控防控): drop one copy. Verbs and "
        "adjectives that reduplicate as ABAB (研究研究, 讨论讨论, 雪白雪白) and 一个一个 are "
        "left alone. The fix needs a look."
    )
    examples: ClassVar[list[Example]] = [
        bad("我们我们要坚定信心。", "我们我们", "我们要坚定信心。"),
        bad("做好防控防控工作。", "防控防控", "做好防控工作。"),
        bad("这次会议会议强调，要抓好落实。", "会议会议", "这次会议强调，要抓好落实。"),
        bad("我们要坚持坚持人民至上。", "坚持坚持", "我们要坚持人民至上。"),
        bad("他们他们都来了。", "他们他们", "他们都来了。"),
        good("这件事要研究研究。"),
        good("我们再讨论讨论，商量商量。"),
        good("出去活动活动，休息休息。"),
        good("他的衬衫雪白雪白的。"),
        good("一个一个地检查，一步一步地走。"),
        good("哈哈哈哈，太好笑了。"),
        good("我们要坚定信心。"),
        good("做好防控工作，人人有责。"),
        good("你来介绍介绍情况。"),
    ]

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        text = ctx.text
        names: list[tuple[int, int]] | None = None
        for i in _doubled_words(text):
            if not word_is_slip(text, i):
                continue
            if names is None:
                names = _name_spans(ctx)
            if any(s < i + 4 and i < e for s, e in names):
                continue
            w = text[i : i + 2]
            yield self.finding(
                ctx,
                i,
                4,
                f"“{w}”重复，应删去一个。",
                f"The word {w} is doubled: drop one.",
                [w],
                Applicability.UNSAFE,
            )


class DuplicatePunct(Rule):
    id = "duplicate-punct"
    category = Category.DUPLICATE
    severity = Severity.ERROR
    name = "重复标点"
    name_en = "Doubled punctuation"
    description = (
        "同一个标点连打了两遍或更多，如“，，”“。。”“、、”，只保留一个。省略号“……”"
        "和破折号“——”本来就是两个字符，不报告；三个句号“。。。”由省略号规则处理。"
    )
    description_en = (
        "A mark typed twice or more (，， 。。 、、): keep one. …… and —— are two characters "
        "by design; 。。。 is left to the ellipsis rule."
    )
    examples: ClassVar[list[Example]] = [
        bad("今天，，我们去公园。", "，，", "今天，我们去公园。"),
        bad("会议结束了。。", "。。", "会议结束了。"),
        bad("苹果、、香蕉", "、、", "苹果、香蕉"),
        bad("要求如下：：一是快。", "：：", "要求如下：一是快。"),
        bad("他说；；我们走", "；；", "他说；我们走"),
        bad("好的，，，走吧", "，，，", "好的，走吧"),
        good("今天，我们去公园。"),
        good("他沉默了……然后走了。"),
        good("嘉兴——一座江南水城。"),
        good("真的吗？？"),
        good("太好了！！"),
        good("我想想。。。"),
        good("苹果、香蕉、橘子。"),
        good("他说：“好。”"),
    ]

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        text = ctx.text
        for s, e in _punct_runs(text, _doubled(ctx)):
            mark = text[s]
            if mark == "。" and e - s >= 3:
                continue  # a home-made ellipsis: the ellipsis rule's business
            yield self.finding(
                ctx,
                s,
                e - s,
                f"标点“{mark}”重复。",
                f"The mark {mark} is doubled.",
                [mark],
                Applicability.SAFE,
                group=f"duplicate-punct:{mark}",
            )


RULES: list[type[Rule]] = [DuplicateChar, DuplicateWord, DuplicatePunct]
