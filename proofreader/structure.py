"""Paragraphs of a draft and what kind of block each one is.

A paragraph is one line of the text (its line terminator excluded). Page extraction
leaves blank lines between paragraphs; those are blank paragraphs. Classification tells
body text (sentences) from headlines, bylines, captions and page furniture, which are not
sentences and must not be flagged as cut paragraphs or for layout spaces.

Classification is a linear scan over per-line features (length, sentence punctuation,
spaces between Chinese phrases, a leading ■, byline words, all-Latin lines) plus a look at
the neighbour for short unpunctuated lines: such a line is a headline unless the next
paragraph visibly continues it (`continues`), in which case it is a body paragraph cut by
the layout. The segmenter (jieba) is loaded only when such a candidate needs it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache

from proofreader import resources
from proofreader.segmenter import tokenizer, word_tags
from proofreader.textutil import CJK_CLASS

_LINE_RE = re.compile(r"[^\r\n]*(\r\n|\n|\r|$)")


class Kind(StrEnum):
    BODY = "body"
    HEADLINE = "headline"
    BYLINE = "byline"
    FURNITURE = "furniture"  # page furniture, credits, captions, Latin mastheads
    BLANK = "blank"


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    start: int  # code point offset of the first character
    end: int  # offset just past the last character (line terminator excluded)
    newline: str  # the terminator that follows: "\n", "\r\n", "\r" or "" at the end
    kind: Kind = Kind.BODY

    @property
    def next_start(self) -> int:
        return self.end + len(self.newline)

    def text(self, doc_text: str) -> str:
        return doc_text[self.start : self.end]


def split_paragraphs(text: str) -> list[Paragraph]:
    """Every line of `text`, blank ones included, in order; kinds are not yet decided."""
    sep = "\n"
    if "\r" in text:
        if text.count("\r") != text.count("\r\n") or "\n" in text.replace("\r\n", ""):
            return _split_any_newline(text)  # mixed line endings
        sep = "\r\n"
    paras: list[Paragraph] = []
    lines = text.split(sep)
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()  # a final newline ends the last line, it does not open an empty one
    last = len(lines) - 1
    pos = 0
    width = len(sep)
    body, blank = Kind.BODY, Kind.BLANK
    for i, line in enumerate(lines):
        end = pos + len(line)
        nl = sep if i < last or end < len(text) else ""
        paras.append(Paragraph(i, pos, end, nl, body if line.strip() else blank))
        pos = end + width
    return paras


def _split_any_newline(text: str) -> list[Paragraph]:
    paras: list[Paragraph] = []
    n = len(text)
    for m in _LINE_RE.finditer(text):
        if m.start() >= n and paras:
            break
        nl = m.group(1)
        end = m.end() - len(nl)
        kind = Kind.BLANK if not text[m.start() : end].strip() else Kind.BODY
        paras.append(Paragraph(len(paras), m.start(), end, nl, kind))
        if m.end() >= n:
            break
    return paras


# --- line features -----------------------------------------------------------------------

SPACES = " \t\u3000\u00a0"
_CJK = f"[{CJK_CLASS}]"
_HAS_CJK_RE = re.compile(_CJK)
# A space the layout put between two Chinese phrases (headlines, bylines, run-in heads).
_LAYOUT_SPACE_RE = re.compile(f"[{CJK_CLASS}“”《》（）·][ \u3000\u00a0]+(?=[{CJK_CLASS}“《（])")
_TERMINAL_IN_RE = re.compile(r"[。！？!?]|…{2}")
# Clause separators: a comma or semicolon (half-width ones count: drafts are full of them).
_CLAUSE_RE = re.compile(r"[，；]|(?<=[^\x00-\x7f])[,;]")
_MARK_PREFIX = "■▲●◆□★☆◇△○"
_FURNITURE_RE = re.compile(
    r"^(第?[A-Za-z0-9一二三四五六七八九十]{0,3}[\u4e00-\u9fff]{0,4}版|.{0,12}广告)$"
)
# Openers of a new article or of a new paragraph: never the continuation of a cut sentence.
NEW_PARAGRAPH_RE = re.compile(r"^(本报讯|本刊讯|新华社|据.{1,12}(报道|消息)|【|■)")
_LEAD_RE = re.compile(r"^(本报讯|本刊讯|新华社|据.{1,12}(报道|消息))")
# A list item: （二）, 2. , 三、, 二是, 其二, 第二，
_ENUMERATION_RE = re.compile(
    r"^(（?[一二三四五六七八九十\d]{1,3}[）)、.．]|[一二三四五六七八九十]是|其[一二三四五六七八九十]|"
    r"第[一二三四五六七八九十\d]{1,3}[，,、])"
)
# A short line in brackets: a caption or a credit — （图为…）, （新华社记者 王强 摄）, （完）.
_BRACKETED_RE = re.compile(r"^[（(][^（()）]{1,38}[）)]$")

# What a sentence may end with. Anything else after CJK text means the paragraph was cut:
# a CJK ideograph, a comma or an enumeration comma, an opening quote or bracket.
_OPEN_END = "，,、“‘《（(【"


def is_cut_ending(ch: str) -> bool:
    """Does a paragraph that ends with `ch` end mid-sentence?"""
    return ch in _OPEN_END or (_HAS_CJK_RE.match(ch) is not None)


@cache
def _byline_re() -> re.Pattern[str]:
    words = sorted(resources.wordlist("byline-markers"), key=len, reverse=True)
    alt = "|".join(map(re.escape, words))
    # the marker, then a space, a colon or a slash (记者 林旭东, 文/图), or just a name (记者王强)
    return re.compile(f"^[{_MARK_PREFIX}]?\\s*({alt})([\\s:：/]|[{CJK_CLASS}·]{{2,4}}$)")


def _line_kind(s: str) -> Kind | None:
    """Kind decided from the line alone; None: a short unpunctuated line, decided by context."""
    n = len(s)
    last = s[-1]
    if last in "。！？" and s[0] not in _MARK_PREFIX:
        return Kind.BODY  # the common case: a sentence (bylines and furniture have no 。)
    if n > 60 and last not in _OPEN_END and s[0] not in _MARK_PREFIX:
        return Kind.BODY
    if _LEAD_RE.match(s):
        return Kind.BODY  # 本报讯 …, 据新华社报道 …: the lead of an article
    has_cjk = _HAS_CJK_RE.search(s) is not None
    if not has_cjk:
        return Kind.FURNITURE if n <= 80 else Kind.BODY
    terminal = _TERMINAL_IN_RE.search(s) is not None
    if s[0] in _MARK_PREFIX and n <= 40 and not terminal:
        return Kind.BYLINE
    if (
        n <= 40
        and not terminal
        and (_byline_re().match(s) or "栏目统筹" in s or "责任编辑" in s)
        and not _CLAUSE_RE.search(s)
    ):
        return Kind.BYLINE
    if n <= 16 and not terminal and _FURNITURE_RE.match(s):
        return Kind.FURNITURE
    if n <= 40 and not terminal and _BRACKETED_RE.match(s):
        return Kind.FURNITURE
    clauses = len(_CLAUSE_RE.findall(s))
    if last in "”』" and n <= 40 and clauses == 0 and not terminal:
        return Kind.HEADLINE  # 让社会面管控彻底“静下来”
    if not is_cut_ending(last):
        return Kind.BODY  # ends like a sentence (or with something we leave alone)
    layout = _LAYOUT_SPACE_RE.search(s) is not None
    if layout and n <= 60 and clauses == 0 and not terminal and last not in "，,、":
        return Kind.HEADLINE
    if last in "，,、":
        return Kind.BODY
    if terminal and not (n <= 30 and clauses <= 1):
        return Kind.BODY
    if (n <= 40 and clauses == 0) or (n <= 20 and clauses <= 1):
        return None  # headline-like: let the neighbours decide
    return Kind.BODY


def classify(text: str, paras: list[Paragraph]) -> list[Paragraph]:
    """Decide each paragraph's kind (a new list; paragraphs are immutable)."""
    kinds: list[Kind | None] = []
    stripped: list[str] = []
    blank = Kind.BLANK
    for p in paras:
        if p.kind == blank:
            stripped.append("")
            kinds.append(blank)
            continue
        s = text[p.start : p.end].strip(SPACES)
        stripped.append(s)
        kinds.append(_line_kind(s) if s else blank)
    n = len(paras)
    nxt = [-1] * n  # index of the next non-blank paragraph
    following = -1
    for i in range(n - 1, -1, -1):
        nxt[i] = following
        if kinds[i] != Kind.BLANK:
            following = i
    prev_kind: Kind | None = None
    for i in range(n):
        if kinds[i] is None:
            kinds[i] = _resolve(stripped[i], prev_kind, stripped[nxt[i]] if nxt[i] >= 0 else "",
                                kinds[nxt[i]] if nxt[i] >= 0 else None)  # fmt: skip
        if kinds[i] != Kind.BLANK:
            prev_kind = kinds[i]
    return [
        p if p.kind == k else Paragraph(p.index, p.start, p.end, p.newline, k or Kind.HEADLINE)
        for p, k in zip(paras, kinds, strict=True)
    ]


def _resolve(s: str, prev_kind: Kind | None, nxt: str, next_kind: Kind | None) -> Kind:
    """A short unpunctuated line: a headline, or a body paragraph cut by the layout?"""
    if ends_dangling(s):
        return Kind.BODY  # a headline does not end with 的, 和, 通过…
    if not nxt or next_kind in (Kind.BYLINE, Kind.FURNITURE, Kind.HEADLINE):
        return Kind.HEADLINE
    if continues(s, nxt):
        return Kind.BODY
    if next_kind is None:
        return Kind.HEADLINE  # two headline-like lines in a row: a headline and its deck
    # Inside running text (body before and after), a line long enough to be the start of a
    # sentence and that joins well with the next one is a cut paragraph, not a sub-heading
    # (those are short: 保障生活物资, 核酸检测精准覆盖).
    # Right after a byline, a line with a comma in it is the lead of the article, cut.
    clause = _CLAUSE_RE.search(s) is not None
    long_enough = len(s) >= _MIN_CUT_LINE or (len(s) >= 8 and clause)
    running = prev_kind == Kind.BODY or (prev_kind == Kind.BYLINE and clause)
    if running and long_enough and joins(s, nxt):
        return Kind.BODY
    return Kind.HEADLINE


_MIN_CUT_LINE = 12


def paragraphs(text: str) -> list[Paragraph]:
    return classify(text, split_paragraphs(text))


def next_nonblank(paras: list[Paragraph], i: int) -> Paragraph | None:
    """The first paragraph after paragraph `i` that is not blank."""
    for j in range(i + 1, len(paras)):
        if paras[j].kind != Kind.BLANK:
            return paras[j]
    return None


# --- does the next paragraph continue this one? ------------------------------------------


@cache
def _continuation_words() -> frozenset[str]:
    return frozenset(resources.wordlist("sentence-continuations"))


@cache
def _dangling_words() -> frozenset[str]:
    return frozenset(resources.wordlist("dangling-endings"))


_tokenizer = tokenizer  # jieba is slow to initialise: only when a candidate needs it


_TAIL_RE = re.compile(f"[{CJK_CLASS}]{{1,6}}$")
_HEAD_RE = re.compile(f"[{CJK_CLASS}]{{1,6}}")


def _cjk_tail(s: str) -> str:
    """The last few Chinese characters of `s` (none if it ends with anything else)."""
    m = _TAIL_RE.search(s, max(0, len(s) - 6))
    return m.group() if m else ""


def _cjk_head(s: str) -> str:
    """The first few Chinese characters of `s`."""
    m = _HEAD_RE.match(s)
    return m.group() if m else ""


def ends_dangling(s: str) -> bool:
    """Does `s` end with a function word (的, 在, 和, 通过…) that cannot end a sentence?"""
    return _dangling_tail(_cjk_tail(s))


@lru_cache(maxsize=8192)
def _dangling_tail(tail: str) -> bool:
    if not tail:
        return False
    words = _tokenizer().lcut(tail, HMM=False)
    if not words:
        return False
    if words[-1] in _dangling_words():
        return True
    # particles (等, 地), prepositions, conjunctions, adverbs: the sentence goes on
    return _tag(words[-1]).startswith(_DANGLING_POS)


_DANGLING_POS = ("u", "p", "c", "d")


def _quote_open_at_end(s: str) -> bool:
    return s.rfind("“") > s.rfind("”")


def _quote_closed_first(s: str) -> bool:
    c = s.find("”")
    return c >= 0 and (s.find("“") < 0 or c < s.find("“"))


def continues(prev: str, nxt: str) -> bool:
    """Strong evidence that paragraph `nxt` carries on the sentence `prev` was cut in."""
    return continuation(prev, nxt) is True


def continuation(prev: str, nxt: str) -> bool | None:
    """Does paragraph `nxt` carry on the sentence that `prev` was cut in?

    Both are stripped paragraph texts; `prev` ends mid-sentence. True on strong evidence:
    a quotation opened at the end of `prev` and closed in `nxt`; a word that spans the
    break (群|众, 时|间); `nxt` opening with a word no sentence starts with (的, 了, 们, 中…)
    or with punctuation. False when `nxt` opens like a new paragraph (本报讯, 据…报道).
    None: no evidence either way.
    """
    if not prev or not nxt or NEW_PARAGRAPH_RE.match(nxt) or _ENUMERATION_RE.match(nxt):
        return False
    if _quote_open_at_end(prev) and _quote_closed_first(nxt):
        return True
    first = nxt[0]
    if first in "，,、。；;）)》”’":
        return True
    return _break_words(_cjk_tail(prev), _cjk_head(nxt))[0]


@lru_cache(maxsize=8192)
def _break_words(tail: str, head: str) -> tuple[bool | None, str]:
    """Segment the few characters around a break once: (True when a word spans the break or
    the head opens with a word no sentence starts with, else None; the head's first word)."""
    if not head:
        return None, ""
    pos, cut = 0, len(tail)
    for w in _tokenizer().cut(tail + head, HMM=False):
        if pos == cut:
            return (True if w in _continuation_words() else None), w
        if pos < cut < pos + len(w):
            return True, ""
        pos += len(w)
    return None, ""


_word_tags = word_tags  # jieba's tag table, read without jieba.posseg


def _tag(word: str) -> str:
    """jieba's part-of-speech tag of a dictionary word ("x" when unknown)."""
    return _word_tags().get(word, "x")


# Parts of speech (jieba's tags) that open a sentence rather than carry one on: pronouns
# (我们, 这), time words (昨天), place names.
_SENTENCE_START_POS = ("r", "t", "ns")


def joins(prev: str, nxt: str) -> bool:
    """Should a body paragraph `prev`, cut mid-sentence, be joined to the body paragraph
    `nxt`? Yes on strong evidence (`continuation`); no when `prev` ends with a comma, when
    `nxt` opens a new quotation or starts like a sentence (a pronoun, a time word, a place
    name). Otherwise yes: a paragraph cut by the layout is far more common than one whose
    continuation was lost, and the join is offered as an unsafe fix that a person reviews.
    """
    strong = continuation(prev, nxt)
    if strong is not None:
        return strong
    if prev[-1] in "，,、" or nxt[0] in "“《【(（\"'":
        return False
    head = _cjk_head(nxt)
    if not head:
        return False
    first = _break_words(_cjk_tail(prev), head)[1]
    if not first:
        return True
    flag = _tag(first)
    if flag.startswith(_SENTENCE_START_POS):
        return False
    # A short adverbial opening with a comma (在东亚四强赛上，/ 近几年，/ 当然，/ 读书节
    # 期间，/ 据镇农业农村办负责人介绍，) starts a sentence.
    m = _FIRST_CLAUSE_RE.match(nxt)
    if m is None:
        return True
    clause = m.group(1)
    if clause in _sentence_openers() or _OPENING_CLAUSE_RE.match(clause):
        return False
    return not (len(clause) <= 10 and flag.startswith(_ADVERBIAL_POS))


_FIRST_CLAUSE_RE = re.compile(r"([^，,。；;：:“”]{1,16})[，,]")
_OPENING_CLAUSE_RE = re.compile(
    r"^(据.{0,14}(介绍|表示|了解|悉|统计|报道|消息|透露|显示)|.{1,10}(期间|之际|以来|前夕|当天|当晚|时|后))$"
)
_ADVERBIAL_POS = ("p", "t", "l")


@cache
def _sentence_openers() -> frozenset[str]:
    return frozenset(resources.wordlist("sentence-openers"))


# --- does a paragraph open like a new sentence? ------------------------------------------

# A first clause that only a sentence starts with: a subject and a reporting verb
# (街道相关负责人表示，), or a framing adverbial (鉴于…，/ 在…的今天，).
_SPEAKER_CLAUSE_RE = re.compile(
    f"^[{CJK_CLASS}]{{2,12}}(表示|提醒|指出|认为|强调|透露|坦言|介绍说|告诉记者|统计显示)[，,：:]"
)
_FRAME_CLAUSE_RE = re.compile(
    r"^((鉴于|尽管|不管|针对|展望)[^，,。；]{2,24}|在[^，,。；]{2,16}(的今天|之际|的背景下|的形势下|影响下))[，,]"
)
_NOUN_POS = ("n", "vn")


def opens_sentence(nxt: str) -> bool:
    """Does paragraph `nxt` visibly open a new sentence? For a cut paragraph with no
    evidence of a join: a subject and a reporting verb (当地气象部门提醒，), a framing clause
    (鉴于…，), or a noun subject and 是 (调查研究是…). The rest of a sentence cut at a word
    boundary hardly ever opens this way, and a truncated paragraph must not be offered a join
    with an unrelated one."""
    if _SPEAKER_CLAUSE_RE.match(nxt) or _FRAME_CLAUSE_RE.match(nxt):
        return True
    if "是" not in nxt[2:10]:
        return False  # (segmenting every paragraph head would cost more than it finds)
    words = _tokenizer().lcut(nxt[:12], HMM=False)
    for i, w in enumerate(words[:4]):
        if w == "是":
            return i >= 2 and len("".join(words[:i])) >= 4
        if not _tag(w).startswith(_NOUN_POS):
            return False
    return False
