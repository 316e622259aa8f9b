"""The script rule family (category `script`): traditional or variant characters in
simplified text, or the other way round in a mostly traditional document.

A cheap scan first: the set of characters OpenCC changes is computed once from OpenCC
itself over the CJK blocks and compiled into one character class. Only at a hit does the
rule convert a few characters of context with OpenCC's phrase-aware conversion, so that
乾坤 stays 乾坤 while 乾淨 becomes 干净.
"""

from __future__ import annotations

import codecs
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import ClassVar

import opencc

from proofreader import resources
from proofreader.model import Applicability, Category, Finding, Severity
from proofreader.rules.base import CheckContext, Example, Rule, bad, good

# Characters each side of a hit handed to OpenCC: enough for its longest phrases.
_WINDOW = 4

# The CJK blocks OpenCC's dictionaries cover: Extension A, URO, compatibility ideographs,
# Extension B.
_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00), (0x20000, 0x2A6E0))


@dataclass(frozen=True)
class _Direction:
    converter: opencc.OpenCC
    changes: dict[str, str]  # character -> its converted form, for characters that change
    codec: str  # a legacy codec of the *target* script: what it cannot encode is suspect
    inside: re.Pattern[str] | None  # changed characters the codec can encode (乾, 後, 於)
    ambiguous: frozenset[str]  # characters whose fix needs a look (unsafe)
    inside_chars: str = ""  # the characters of `inside`, each found with `in` first


def _change_map(conv: opencc.OpenCC) -> dict[str, str]:
    chars = [chr(c) for lo, hi in _RANGES for c in range(lo, hi)]
    # One call: "\n" never occurs inside a dictionary phrase, so each line converts alone.
    out = conv.convert("\n".join(chars)).split("\n")
    if len(out) != len(chars):  # pragma: no cover - OpenCC keeps lines; be safe anyway
        out = [conv.convert(c) for c in chars]
    return {c: o for c, o in zip(chars, out, strict=True) if o != c}


def _char_class(chars: set[str]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


def _encodable(c: str, codec: str) -> bool:
    try:
        c.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


@cache
def _t2s() -> _Direction:
    conv = opencc.OpenCC("t2s")
    changes = _change_map(conv)
    allowed = set(resources.wordlist("script-allowed"))
    changes = {c: s for c, s in changes.items() if c not in allowed}
    # Nearly every character t2s changes lies outside GB 2312; the few inside (乾, 後, 於…)
    # are also correct simplified characters in some words and get a small regex.
    inside = {c for c in changes if _encodable(c, "gb2312")}
    ambiguous = frozenset(resources.wordlist("script-ambiguous"))
    rx = _char_class(inside) if inside else None
    return _Direction(conv, changes, "gb2312", rx, ambiguous, "".join(sorted(inside)))


@cache
def _s2t() -> _Direction:
    conv = opencc.OpenCC("s2t")
    changes = _change_map(conv)
    # Only characters Big5 cannot encode count as simplified (们, 这, 时): those Big5 has
    # (台, 里, 后, 万) are also used in traditional text and are never flagged there.
    changes = {c: t for c, t in changes.items() if not _encodable(c, "big5")}
    # A simplified character that several traditional ones collapse into (发 ← 發/髮,
    # 面 ← 面/麵) has a word-dependent traditional form: its fix is unsafe.
    sources: dict[str, int] = {}
    for t, simp in _t2s().changes.items():
        if not 0xF900 <= ord(t) <= 0xFAFF:  # compatibility ideographs are not real sources
            sources[simp] = sources.get(simp, 0) + 1
    merged = {c for c, n in sources.items() if n > 1}
    ambiguous = frozenset(merged | set(resources.wordlist("script-ambiguous")))
    return _Direction(conv, changes, "big5", None, ambiguous)


# Fewer traditional characters than this never make a document "traditional".
_MIN_TRADITIONAL = 3
# Characters counted at a time when deciding whether a document is traditional.
_CHUNK = 4096

# The fast scan. Python's C codecs find the characters a legacy encoding cannot encode at
# ~100 MB/s, where a regex with a 4,500-character class (astral characters included, so
# no bitmap) crawls at ~1 MB/s.
_collect = threading.local()


def _record_unencodable(err: UnicodeError) -> tuple[str, int]:
    assert isinstance(err, UnicodeEncodeError)
    _collect.spans.append((err.start, err.end))
    return "", err.end


codecs.register_error("proofreader-script-scan", _record_unencodable)


def _candidates(text: str, d: _Direction) -> list[int]:
    """Offsets of every character `d` would change on its own, in order."""
    _collect.spans = []
    text.encode(d.codec, errors="proofreader-script-scan")
    spans, _collect.spans = _collect.spans, []
    changes = d.changes
    hits = [i for s, e in spans for i in range(s, e) if text[i] in changes]
    # `c in text` runs at memchr speed, the regex at ~5 ns a character: most texts have none.
    if d.inside is not None and any(map(text.__contains__, d.inside_chars)):
        extra = [m.start() for m in d.inside.finditer(text)]
        if extra:
            hits = sorted(hits + extra)
    return hits


def traditional_candidates(text: str) -> list[int]:
    """Offsets of every character t2s would change on its own, in order."""
    return _candidates(text, _t2s())


def simplified_candidates(text: str) -> list[int]:
    """Offsets of every simplified-only character (one Big5 lacks and s2t changes)."""
    return _candidates(text, _s2t())


def _names_mask(ctx: CheckContext) -> list[tuple[int, int]]:
    names = ctx.config.proper_names
    if not names:
        return []
    rx = re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))
    return [m.span() for m in rx.finditer(ctx.text)]


def is_mostly_traditional(text: str, trad: int | None = None) -> bool:
    """Are more than three quarters of the convertible characters traditional?

    The bar is well above a bare majority because copy for a simplified newspaper is the
    default: a short simplified sentence with a few pasted traditional characters must
    still be read as simplified."""
    if trad is None:
        trad = len(traditional_candidates(text))
    if trad < _MIN_TRADITIONAL:
        return False
    # Count simplified-only characters chunk by chunk and stop as soon as they are too
    # many: in simplified text that is within the first chunk.
    simp = 0
    for k in range(0, len(text), _CHUNK):
        simp += len(simplified_candidates(text[k : k + _CHUNK]))
        if 3 * simp >= trad:
            return False
    return True


class TraditionalChar(Rule):
    id = "traditional-char"
    category = Category.SCRIPT
    severity = Severity.ERROR
    name = "繁简混用"
    name_en = "Traditional character in simplified text"
    description = (
        "简体文稿中混入了繁体字或异体字（多见于从港台稿件、古籍或输入法带入的字），"
        "用 OpenCC 按词语上下文转换得到规范简体字作为修改建议。只在上下文转换确实改变该字时"
        "才报告，所以“乾坤”“著名”“瞭望”等简体中的正确用法不会报错。"
        "简化字随词而变的字（乾/干、後/后、著/着、髮/发、麵/面、餘/余、藉/借等）的修改"
        "需要人工确认；用户词典中的专名不检查。以繁体为主的文稿反过来检查其中混入的简体字。"
    )
    description_en = (
        "A traditional or variant character in simplified text, found with OpenCC's "
        "phrase-aware conversion, with the standard simplified form as the fix. Only flagged "
        "when converting its context actually changes it, so 乾坤, 著名 and 瞭望 stay. "
        "Characters whose simplified form depends on the word (乾/干, 後/后, 著/着, 髮/发…) "
        "get an unsafe fix; proper names in the user dictionary are left alone. A mostly "
        "traditional document is checked the other way round."
    )
    examples: ClassVar[list[Example]] = [
        bad("仓廩实而民心安。", "廩", "仓廪实而民心安。"),
        bad("我们要认真学习，提高認识。", "認", "我们要认真学习，提高认识。"),
        bad("这件衣服很乾净。", "乾", "这件衣服很干净。"),
        bad("事情过後再说。", "後", "事情过后再说。"),
        bad("经济發展取得成效。", "發", "经济发展取得成效。"),
        bad("他们来自台灣。", "灣", "他们来自台湾。"),
        good("仓廪实而民心安。"),
        good("扭转乾坤的关键一役。"),
        good("他是一位著名作家。"),
        good("登上瞭望塔远眺。"),
        good("杯盘狼藉。"),
        good("乾隆皇帝下江南。"),
        good("这是一篇简体中文文章，没有繁体字。"),
        good("He wrote in English only."),
        good("我們的國家歷史悠久，文化燦爛。"),
        good("杨昊玥、王喆和李堃参加了会议。"),
    ]

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        text = ctx.text
        candidates = traditional_candidates(text)
        if not candidates:
            return  # the common case: nothing to look at
        traditional = is_mostly_traditional(text, len(candidates))
        d = _s2t() if traditional else _t2s()
        if traditional:  # a traditional document, scanned for simplified characters
            candidates = simplified_candidates(text)
        names = _names_mask(ctx)
        for pos in candidates:
            if names and any(s <= pos < e for s, e in names):
                continue
            c = text[pos]
            lo = max(0, pos - _WINDOW)
            window = text[lo : pos + _WINDOW + 1]
            conv = d.converter.convert(window)
            # If a phrase changed length, fall back to the character alone.
            new = conv[pos - lo] if len(conv) == len(window) else d.converter.convert(c)
            if new == c:
                continue  # right in this word (乾坤, 皇后)
            unsafe = c in d.ambiguous or (traditional and c in _s2t().ambiguous)
            if traditional:
                msg = f"繁体文稿中混入了简体字“{c}”，应为“{new}”。"
                msg_en = f"Simplified {c} in traditional text: {new}."
            else:
                msg = f"“{c}”是繁体字或异体字，规范简体字为“{new}”。"
                msg_en = f"{c} is a traditional or variant character; simplified: {new}."
            if unsafe:
                msg += "该字的转换随词语而定，请确认。"
                msg_en += " The right form depends on the word: check it."
            yield self.finding(
                ctx,
                pos,
                1,
                msg,
                msg_en,
                [new],
                Applicability.UNSAFE if unsafe else Applicability.SAFE,
                group="traditional-char" if not traditional else "simplified-char",
            )


RULES: list[type[Rule]] = [TraditionalChar]
