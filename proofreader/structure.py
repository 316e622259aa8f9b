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
from enum import StrEnum
from functools import cache, lru_cache, partial
from itertools import accumulate, compress, count, repeat
from operator import add
from typing import NamedTuple

from proofreader import resources
from proofreader.segmenter import tokenizer, word_tags
from proofreader.textutil import CJK_CLASS, CJK_RE

_LINE_RE = re.compile(r"[^\r\n]*(\r\n|\n|\r|$)")


class Kind(StrEnum):
    BODY = "body"
    HEADLINE = "headline"
    BYLINE = "byline"
    FURNITURE = "furniture"  # page furniture, credits, captions, Latin mastheads
    BLANK = "blank"


# `Kind.BODY` goes through the enum's metaclass (~0.15 µs a time): hot code uses these.
_BODY, _HEADLINE, _BYLINE, _FURNITURE, _BLANK = Kind


class Paragraph(NamedTuple):
    """One line of a draft. (A NamedTuple: a draft has thousands of lines, and a tuple is
    several times cheaper to build than a frozen dataclass.)"""

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


# Builds a Paragraph from a 5-tuple without the Python-level __new__ (map() calls it in C).
_make_paragraph = partial(tuple.__new__, Paragraph)


class _Lines(NamedTuple):
    """The lines of a text: their contents, offsets and terminators, in parallel lists."""

    texts: list[str]
    starts: list[int]
    ends: list[int]
    newlines: list[str]


def _lines(text: str) -> _Lines:
    sep = "\n"
    if "\r" in text:
        crlf = text.count("\r\n")
        if text.count("\r") != crlf or text.count("\n") != crlf:
            return _any_newline_lines(text)  # mixed line endings
        sep = "\r\n"
    texts = text.split(sep)
    if len(texts) > 1 and texts[-1] == "":
        texts.pop()  # a final newline ends the last line, it does not open an empty one
    lengths = list(map(len, texts))
    starts = [0, *accumulate(map(add, lengths[:-1], repeat(len(sep))))]
    ends = list(map(add, starts, lengths))
    newlines = [sep] * len(texts)
    if ends[-1] >= len(text):
        newlines[-1] = ""
    return _Lines(texts, starts, ends, newlines)


def _any_newline_lines(text: str) -> _Lines:
    lines = _Lines([], [], [], [])
    n = len(text)
    for m in _LINE_RE.finditer(text):
        if m.start() >= n and lines.starts:
            break
        nl = m.group(1)
        end = m.end() - len(nl)
        lines.texts.append(text[m.start() : end])
        lines.starts.append(m.start())
        lines.ends.append(end)
        lines.newlines.append(nl)
        if m.end() >= n:
            break
    return lines


def _build(lines: _Lines, kinds: list[Kind]) -> list[Paragraph]:
    return list(map(_make_paragraph, zip(count(), lines.starts, lines.ends, lines.newlines, kinds)))


def split_paragraphs(text: str) -> list[Paragraph]:
    """Every line of `text`, blank ones included, in order; kinds are not yet decided."""
    lines = _lines(text)
    body, blank = _BODY, _BLANK
    return _build(lines, [body if s.strip() else blank for s in lines.texts])


# --- line features -----------------------------------------------------------------------

SPACES = " \t\u3000\u00a0"
_HAS_CJK_RE = CJK_RE

# Patterns with a large character class cost milliseconds each to compile (the class is
# expanded code point by code point): those not needed by every draft are compiled on
# first use, to keep them out of start-up.


@cache
def _layout_space_re() -> re.Pattern[str]:
    """A space the layout put between two Chinese phrases (headlines, bylines, run-in heads)."""
    return re.compile(f"[{CJK_CLASS}“”《》（）·][ \u3000\u00a0]+(?=[{CJK_CLASS}“《（])")


# Clause separators: a comma or semicolon (half-width ones count: drafts are full of them).
_HALF_CLAUSE_RE = re.compile(r"(?<=[^\x00-\x7f])[,;]")  # (after anything but ASCII)
_CLAUSE_RE = re.compile(f"[，；]|{_HALF_CLAUSE_RE.pattern}")
_MARK_PREFIX = "■▲●◆□★☆◇△○"


@cache
def _furniture_re() -> re.Pattern[str]:
    """A page or section name (第A3版, 平湖版) or an advertisement credit."""
    return re.compile(
        r"^(第?[A-Za-z0-9一二三四五六七八九十]{0,3}[\u4e00-\u9fff]{0,4}版|.{0,12}广告)$"
    )


# Openers of a new article or of a new paragraph: never the continuation of a cut sentence.
NEW_PARAGRAPH_RE = re.compile(r"^(本报讯|本刊讯|新华社|据.{1,12}(报道|消息)|【|■)")
_LEAD_RE = re.compile(r"^(本报讯|本刊讯|新华社|据.{1,12}(报道|消息))")


_ENUMERATION = (
    r"^(（?[一二三四五六七八九十\d]{1,3}[）)、.．]|[一二三四五六七八九十]是|其[一二三四五六七八九十]|"
    r"第[一二三四五六七八九十\d]{1,3}[，,、])"
)


@cache
def _new_or_enumeration_re() -> re.Pattern[str]:
    """`NEW_PARAGRAPH_RE` or a list item (（二）, 2. , 三、, 二是, 其二, 第二，): one match."""
    return re.compile(f"{NEW_PARAGRAPH_RE.pattern}|{_ENUMERATION}")


# A short line in brackets: a caption or a credit — （图为…）, （新华社记者 王强 摄）, （完）.
_BRACKETED_RE = re.compile(r"^[（(][^（()）]{1,38}[）)]$")

# What a sentence may end with. Anything else after CJK text means the paragraph was cut:
# a CJK ideograph, a comma or an enumeration comma, an opening quote or bracket.
_OPEN_END = "，,、“‘《（(【"


def is_cut_ending(ch: str) -> bool:
    """Does a paragraph that ends with `ch` end mid-sentence?"""
    return ch in _OPEN_END or (_HAS_CJK_RE.match(ch) is not None)


@cache
def _byline() -> tuple[re.Pattern[str], frozenset[str]]:
    """The byline pattern, and the first characters of its marker words."""
    words = sorted(resources.wordlist("byline-markers"), key=len, reverse=True)
    alt = "|".join(map(re.escape, words))
    # the marker, then a space, a colon or a slash (记者 林旭东, 文/图), or just a name (记者王强)
    rx = re.compile(f"^[{_MARK_PREFIX}]?\\s*({alt})([\\s:：/]|[{CJK_CLASS}·]{{2,4}}$)")
    return rx, frozenset(w[0] for w in words)


def _line_kind(s: str) -> Kind | None:
    """Kind decided from the line alone; None: a short unpunctuated line, decided by context.

    (Runs for every line that is not a plain sentence: the features are found with `in`
    and str.count first, inline, since most lines have no half-width comma and no space and
    a regular expression that must try every position costs microseconds per line.)
    """
    n = len(s)
    first = s[0]
    last = s[-1]
    marked = first in _MARK_PREFIX
    if not marked and (last in "。！？" or (n > 60 and last not in _OPEN_END)):
        return _BODY  # a sentence (bylines and furniture have no 。), or a long line
    if first in "本新据" and _LEAD_RE.match(s):
        return _BODY  # 本报讯 …, 据新华社报道 …: the lead of an article
    cjk_last = "\u4e00" <= last <= "\u9fff"  # (most lines: no regular expression needed)
    if not cjk_last and _HAS_CJK_RE.search(s) is None:
        return _FURNITURE if n <= 80 else _BODY
    if n > 60:
        return _BODY  # (too long for a byline, a caption, a headline or a cut headline)
    # a sentence-ending mark somewhere in the line
    terminal = "。" in s or "！" in s or "？" in s or "!" in s or "?" in s or "……" in s
    if n <= 40 and not terminal:
        if marked or _is_byline(s):
            return _BYLINE
        if n <= 16 and (last == "版" or s.endswith("广告")) and _furniture_re().match(s):
            return _FURNITURE
        if first in "（(" and _BRACKETED_RE.match(s):
            return _FURNITURE
    clauses = s.count("，") + s.count("；")  # clause separators (`_CLAUSE_RE`)
    if "," in s or ";" in s:
        clauses += len(_HALF_CLAUSE_RE.findall(s))
    if last in "”』" and n <= 40 and clauses == 0 and not terminal:
        return _HEADLINE  # 让社会面管控彻底“静下来”
    if not cjk_last and last not in _OPEN_END and _HAS_CJK_RE.match(last) is None:  # not cut
        return _BODY  # ends like a sentence (or with something we leave alone)
    if last in "，,、":
        return _BODY
    if clauses == 0 and not terminal and _has_layout_space(s):
        return _HEADLINE
    if terminal and not (n <= 30 and clauses <= 1):
        return _BODY
    if (n <= 40 and clauses == 0) or (n <= 20 and clauses <= 1):
        return None  # headline-like: let the neighbours decide
    return _BODY


def _is_byline(s: str) -> bool:
    """A short unmarked line that opens with a byline word (记者 林旭东) and has no clause."""
    rx, firsts = _byline()
    # (the pattern can only match at a marker word's first character, or at a space)
    opens = (s[0] in firsts or s[0].isspace()) and rx.match(s) is not None
    return (opens or "栏目统筹" in s or "责任编辑" in s) and not _has_clause(s)


def _has_clause(s: str) -> bool:
    """`_CLAUSE_RE.search(s) is not None`."""
    return "，" in s or "；" in s or (("," in s or ";" in s) and _CLAUSE_RE.search(s) is not None)


def _has_layout_space(s: str) -> bool:
    """A space between two Chinese phrases (`_layout_space_re`)."""
    return (" " in s or "\u3000" in s or "\u00a0" in s) and _layout_space_re().search(s) is not None


def classify(text: str, paras: list[Paragraph]) -> list[Paragraph]:
    """Decide each paragraph's kind (a new list; paragraphs are immutable)."""
    blank = _BLANK
    texts = ["" if p.kind == blank else text[p.start : p.end] for p in paras]
    kinds = _kinds(texts)
    return [p if p.kind == k else p._replace(kind=k) for p, k in zip(paras, kinds, strict=True)]


def _kinds(lines: list[str]) -> list[Kind]:
    """The kind of each line: from the line alone, then short unpunctuated lines by context."""
    blank, body = _BLANK, _BODY
    stripped = list(map(str.strip, lines, repeat(SPACES)))
    n = len(stripped)
    kinds: list[Kind | None] = [blank] * n
    undecided: list[int] = []
    for i in compress(count(), stripped):  # (blank lines, ~40 %, skipped in C)
        s = stripped[i]
        if s[-1] in "。！？" and s[0] not in _MARK_PREFIX:
            kinds[i] = body  # the common case (as in `_line_kind`), without a call
        elif not s.isspace():  # (other white space only: blank, as str.strip() would say)
            k = kinds[i] = _line_kind(s)
            if k is None:
                undecided.append(i)
    for i in undecided:  # in order: a line's resolved kind is the next one's prev_kind
        h = i - 1
        while h >= 0 and kinds[h] is blank:
            h -= 1
        j = i + 1
        while j < n and kinds[j] is blank:
            j += 1
        prev_kind = kinds[h] if h >= 0 else None
        if j < n:
            kinds[i] = _resolve(stripped[i], prev_kind, stripped[j], kinds[j])
        else:
            kinds[i] = _resolve(stripped[i], prev_kind, "", None)
    return kinds  # type: ignore[return-value]  # (every None was resolved)


def _resolve(s: str, prev_kind: Kind | None, nxt: str, next_kind: Kind | None) -> Kind:
    """A short unpunctuated line: a headline, or a body paragraph cut by the layout?"""
    tail = _cjk_tail(s)
    if _dangling_tail(tail):
        return _BODY  # a headline does not end with 的, 和, 通过…
    if not nxt or next_kind in (_BYLINE, _FURNITURE, _HEADLINE):
        return _HEADLINE
    strong = _continuation(s, nxt, tail)
    if strong is True:
        return _BODY
    if next_kind is None:
        return _HEADLINE  # two headline-like lines in a row: a headline and its deck
    # Inside running text (body before and after), a line long enough to be the start of a
    # sentence and that joins well with the next one is a cut paragraph, not a sub-heading
    # (those are short: 保障生活物资, 核酸检测精准覆盖).
    # Right after a byline, a line with a comma in it is the lead of the article, cut.
    clause = _has_clause(s)
    long_enough = len(s) >= _MIN_CUT_LINE or (len(s) >= 8 and clause)
    running = prev_kind == _BODY or (prev_kind == _BYLINE and clause)
    if running and long_enough and strong is None and _weak_join(s, nxt, tail):
        return _BODY  # (`joins`, its strong evidence already known)
    return _HEADLINE


_MIN_CUT_LINE = 12


def paragraphs(text: str) -> list[Paragraph]:
    """Every line of `text` (see `split_paragraphs`) with its kind decided (see `classify`)."""
    lines = _lines(text)
    return _build(lines, _kinds(lines.texts))


def next_nonblank(paras: list[Paragraph], i: int) -> Paragraph | None:
    """The first paragraph after paragraph `i` that is not blank."""
    for j in range(i + 1, len(paras)):
        if paras[j].kind != _BLANK:
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


@cache
def _edge_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The Chinese characters at the end and at the start of a paragraph."""
    return re.compile(f"[{CJK_CLASS}]{{1,6}}$"), re.compile(f"[{CJK_CLASS}]{{1,6}}")


def _cjk_tail(s: str) -> str:
    """The last few Chinese characters of `s` (none if it ends with anything else)."""
    m = _edge_res()[0].search(s, max(0, len(s) - 6))
    return m.group() if m else ""


def _cjk_head(s: str) -> str:
    """The first few Chinese characters of `s`."""
    m = _edge_res()[1].match(s)
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
    """Is the last quotation mark of `s` an opening one?"""
    o = s.rfind("“")
    return o >= 0 and s.find("”", o) < 0


def _quote_closed_first(s: str) -> bool:
    """Is the first quotation mark of `s` a closing one?"""
    c = s.find("”")
    return c >= 0 and s.find("“", 0, c) < 0


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
    return _continuation(prev, nxt, None)


def _continuation(prev: str, nxt: str, tail: str | None) -> bool | None:
    """`continuation`, with `_cjk_tail(prev)` when the caller already has it."""
    if not prev or not nxt or _new_or_enumeration_re().match(nxt):
        return False
    if _quote_open_at_end(prev) and _quote_closed_first(nxt):
        return True
    first = nxt[0]
    if first in "，,、。；;）)》”’":
        return True
    return _break_words(_cjk_tail(prev) if tail is None else tail, _cjk_head(nxt))[0]


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
    return _weak_join(prev, nxt, None)


def joins_without_evidence(prev: str, nxt: str) -> bool:
    """`joins(prev, nxt)` when `continuation(prev, nxt)` is None (known to the caller)."""
    return _weak_join(prev, nxt, None)


def _weak_join(prev: str, nxt: str, tail: str | None) -> bool:
    """`joins` without strong evidence either way; `tail`: `_cjk_tail(prev)` if known."""
    if prev[-1] in "，,、" or nxt[0] in "“《【(（\"'":
        return False
    head = _cjk_head(nxt)
    if not head:
        return False
    first = _break_words(_cjk_tail(prev) if tail is None else tail, head)[1]
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


@cache
def _opening_clause_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A first clause that only a sentence starts with: a subject and a reporting verb
    (街道相关负责人表示，), or a framing adverbial (鉴于…，/ 在…的今天，)."""
    speaker = (
        f"^[{CJK_CLASS}]{{2,12}}"
        "(表示|提醒|指出|认为|强调|透露|坦言|介绍说|告诉记者|统计显示)[，,：:]"
    )
    frame = (
        r"^((鉴于|尽管|不管|针对|展望)[^，,。；]{2,24}"
        r"|在[^，,。；]{2,16}(的今天|之际|的背景下|的形势下|影响下))[，,]"
    )
    return re.compile(speaker), re.compile(frame)


_NOUN_POS = ("n", "vn")


def opens_sentence(nxt: str) -> bool:
    """Does paragraph `nxt` visibly open a new sentence? For a cut paragraph with no
    evidence of a join: a subject and a reporting verb (当地气象部门提醒，), a framing clause
    (鉴于…，), or a noun subject and 是 (调查研究是…). The rest of a sentence cut at a word
    boundary hardly ever opens this way, and a truncated paragraph must not be offered a join
    with an unrelated one."""
    speaker, frame = _opening_clause_res()
    if speaker.match(nxt) or frame.match(nxt):
        return True
    if "是" not in nxt[2:10]:
        return False  # (segmenting every paragraph head would cost more than it finds)
    words = _head_words(nxt[:12])
    for i, w in enumerate(words[:4]):
        if w == "是":
            return i >= 2 and len("".join(words[:i])) >= 4
        if not _tag(w).startswith(_NOUN_POS):
            return False
    return False


@lru_cache(maxsize=8192)
def _head_words(head: str) -> tuple[str, ...]:
    """The words of a paragraph head (a few characters: the key stays small)."""
    return tuple(_tokenizer().cut(head, HMM=False))
