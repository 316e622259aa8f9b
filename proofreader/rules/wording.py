"""Shared machinery of the newsroom word-list rules (variants, misused words, terms, house
style): a Lexicon that finds hundreds of entries in one pass, and a word-boundary check.

A regex alternation `a|b|c…` of hundreds of words is slow (the engine tries the branches
one by one wherever a first character matches); a Lexicon scans for each entry's rarest
character (with the next one) and confirms the few candidates. The built-in lists share
one such scan per text (`shared_matches`).

Short entries (two or three characters) collide with correct text across word boundaries:
确定|单位 holds 定单, 一份|外卖 holds 份外. Such a match is kept only where jieba's
segmentation of its surroundings (dictionary words, no HMM guesses) puts a boundary on both
of its ends. jieba loads lazily, at the first short match, and never on clean text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from proofreader import resources
from proofreader.rules.base import CheckContext
from proofreader.segmenter import tokenizer, word_freq
from proofreader.textutil import CJK_RE

# Entries this long or shorter need the jieba boundary check.
SHORT = 3
# Characters of context handed to jieba on each side of a short match.
_CONTEXT = 6


def trie_regex(words: Iterable[str]) -> re.Pattern[str] | None:
    """A regex matching any of `words`, longest first at each position (None if empty)."""
    trie: dict = {}
    for w in words:
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True
    if not trie:
        return None
    return re.compile(_pattern(trie))


def _pattern(node: dict) -> str:
    ends = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        branches.append(re.escape(ch) + _pattern(node[ch]))
    if not branches:
        return ""
    if len(branches) == 1 and not ends:
        return branches[0]
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if ends else body


_jieba = tokenizer  # loaded once per process, shared with the other rules


def _boundaries(sentence: str) -> set[int]:
    """Offsets in `sentence` where jieba's dictionary segmentation puts a word boundary."""
    dt = _jieba()
    route: dict[int, tuple[float, int]] = {}
    dt.calc(sentence, dt.get_DAG(sentence), route)
    cuts = {0}
    x, n = 0, len(sentence)
    while x < n:
        x = route[x][1] + 1
        cuts.add(x)
    return cuts


def on_word_boundaries(text: str, start: int, end: int, right: str = "") -> bool:
    """Does jieba segment the Chinese run around text[start:end] with cuts at both ends?

    A match inside one longer word still counts when that word with `right` put in is a
    dictionary word too: 大部份 → 大部分 (but 记叙文 → 记序文 is no word).
    """
    lo = start
    while lo > 0 and start - lo < _CONTEXT and CJK_RE.match(text[lo - 1]):
        lo -= 1
    hi = end
    while hi < len(text) and hi - end < _CONTEXT and CJK_RE.match(text[hi]):
        hi += 1
    if lo == start and hi == end:
        return True
    cuts = sorted(_boundaries(text[lo:hi]))
    a, b = start - lo, end - lo
    if a in cuts and b in cuts:
        return True
    if not right:
        return False
    # The one word that covers the whole match, if any.
    left = max(c for c in cuts if c <= a)
    right_cut = min(c for c in cuts if c >= b)
    if any(left < c < right_cut for c in cuts):
        return False
    word = text[lo + left : lo + right_cut]
    fixed = word[: a - left] + right + word[b - left :]
    return bool(word_freq(fixed))


@dataclass(frozen=True)
class Entry:
    """One entry of a word list: the flagged form, its replacement and what to say."""

    wrong: str
    right: str = ""
    reason: str = ""
    exceptions: tuple[str, ...] = ()  # longer words in which `wrong` is fine
    note: str = ""


@cache
def char_rank() -> dict[str, int]:
    """Rank of the common characters, 0 = most frequent (resources/wordlists/common-chars)."""
    chars = "".join(resources.wordlist("common-chars"))
    return {ch: i for i, ch in enumerate(chars)}


def _char_class(chars: set[str]) -> str:
    return "[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]"


def anchor_of(entry: Entry) -> int:
    """Index of the character an entry is found by: its rarest one (一股作气: 股)."""
    rank = char_rank()
    rare = len(rank)
    w = entry.wrong
    return max(range(len(w)), key=lambda i: (rank.get(w[i], rare), -i))


class Lexicon:
    """Entries keyed by their flagged form, found through their rarest character.

    A regex alternation of hundreds of words makes the engine try every branch wherever a
    first character matches (common characters: 一, 不, 大). Instead each entry is anchored
    on its rarest character and its neighbour (一股作气: 股作; 人材: 人材, found from 材);
    two character-class regexes find the few candidate places at C speed, and each
    candidate is confirmed with a dictionary look-up and `str.startswith`. Longest match
    wins; matches do not overlap.
    """

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: dict[str, Entry] = {}
        for e in entries:
            if e.wrong:
                self.entries.setdefault(e.wrong, e)
        # Rarest character not last: anchored on it and the next one (股作 in 一股作气).
        # Rarest character last: on it and the one before (人材), the regex still heading
        # with the rare one. One-character entries (a desk's own): on the character.
        by_pair: dict[str, list[tuple[int, str]]] = {}
        by_last: dict[str, list[tuple[int, str]]] = {}
        singles: set[str] = set()
        for w, e in self.entries.items():
            k = anchor_of(e)
            if len(w) == 1:
                singles.add(w)
            elif k + 1 < len(w):
                by_pair.setdefault(w[k : k + 2], []).append((k, w))
            else:
                by_last.setdefault(w[k - 1 : k + 1], []).append((k - 1, w))
        for items in (*by_pair.values(), *by_last.values()):
            items.sort(key=lambda kw: -len(kw[1]))  # longest first
        self._by_pair = by_pair
        self._by_last = by_last
        self._pair_re = (
            re.compile(
                _char_class({pair[0] for pair in by_pair})
                + "(?="
                + _char_class({pair[1] for pair in by_pair})
                + ")"
            )
            if by_pair
            else None
        )
        # Captures the pair itself (the lookbehind has it), so that only the pairs that
        # occur (a set intersection in C) are looked for: most candidate places (a rare
        # last character after some listed first one) hold no listed pair.
        self._last_re = (
            re.compile(
                _char_class({pair[1] for pair in by_last})
                + "(?<=("
                + _char_class({pair[0] for pair in by_last})
                + _char_class({pair[1] for pair in by_last})
                + "))"
            )
            if by_last
            else None
        )
        self._single_re = re.compile(_char_class(singles)) if singles else None
        exc = {x for e in self.entries.values() for x in e.exceptions}
        self._exceptions_re = trie_regex(exc)

    def __len__(self) -> int:
        return len(self.entries)

    def without(self, disabled: set[str], rule_id: str) -> Lexicon:
        """This lexicon minus the entries a desk switched off (by form or rule-id:form)."""
        if not disabled:
            return self
        keep = [
            e
            for w, e in self.entries.items()
            if w not in disabled and f"{rule_id}:{w}" not in disabled
        ]
        return self if len(keep) == len(self.entries) else Lexicon(keep)

    def raw_matches(self, text: str) -> list[tuple[int, int]]:
        """Non-overlapping (start, end) of entries in `text`, leftmost and longest first."""
        found: list[tuple[int, int]] = []
        startswith = text.startswith
        if self._pair_re is not None:
            by_pair = self._by_pair
            for m in self._pair_re.finditer(text):
                i = m.start()
                candidates = by_pair.get(text[i : i + 2])
                if candidates is None:
                    continue
                for k, w in candidates:
                    s = i - k
                    if s >= 0 and startswith(w, s):
                        found.append((s, s + len(w)))
                        break
        if self._last_re is not None:
            by_last = self._by_last
            find = text.find
            for pair in by_last.keys() & self._last_re.findall(text):
                candidates = by_last[pair]
                i = find(pair)  # where the pair starts, each place in turn
                while i >= 0:
                    for k, w in candidates:
                        s = i - k
                        if s >= 0 and startswith(w, s):
                            found.append((s, s + len(w)))
                            break
                    i = find(pair, i + 1)
        if self._single_re is not None:
            found += [m.span() for m in self._single_re.finditer(text)]
        if len(found) < 2:
            return found
        # Sorted: the set above gives the last pass's pairs in no fixed order.
        found.sort(key=lambda se: (se[0], -se[1]))
        out: list[tuple[int, int]] = []
        last = -1
        for s, e in found:
            if s >= last:
                out.append((s, e))
                last = e
        return out

    def matches(
        self,
        text: str,
        boundary_check: bool = True,
        spans: list[tuple[int, int]] | None = None,
    ) -> Iterator[tuple[int, int, Entry]]:
        """Matches with their entries, exceptions and word boundaries checked. `spans`
        (from `shared_matches`) replaces this lexicon's own scan."""
        exception_spans: list[tuple[int, int]] | None = None
        entries = self.entries
        for s, e in self.raw_matches(text) if spans is None else spans:
            entry = entries.get(text[s:e])
            if entry is None:
                continue
            if entry.exceptions:
                if exception_spans is None:
                    exception_spans = (
                        [x.span() for x in self._exceptions_re.finditer(text)]
                        if self._exceptions_re is not None
                        else []
                    )
                if any(xs <= s and e <= xe for xs, xe in exception_spans):
                    continue
            if (
                boundary_check
                and e - s <= SHORT
                and not on_word_boundaries(text, s, e, entry.right)
            ):
                continue
            yield s, e, entry


_BUILTIN_LEXICONS: list[Callable[[], Lexicon]] = []


def builtin_lexicon(fn: Callable[[], Lexicon]) -> Callable[[], Lexicon]:
    """Register a cached built-in lexicon: the shared scan looks for its entries."""
    _BUILTIN_LEXICONS.append(fn)
    return fn


@cache
def _combined() -> Lexicon:
    """All built-in lists in one lexicon: one scan per text serves every word-list rule."""
    return Lexicon(e for fn in _BUILTIN_LEXICONS for e in fn().entries.values())


def shared_matches(ctx: CheckContext, lex: Lexicon) -> list[tuple[int, int]] | None:
    """Where the built-in lists' entries occur in the text (one scan, cached on the
    context), or None when `lex` holds entries the shared scan does not know (a desk's
    own terms): it scans alone then."""
    combined = _combined()
    covered = lex.__dict__.get("_covered")
    if covered is None:
        covered = lex.__dict__["_covered"] = not (lex.entries.keys() - combined.entries.keys())
    if not covered:
        return None
    spans = ctx.cache.get("wording-matches")
    if spans is None:
        spans = ctx.cache["wording-matches"] = combined.raw_matches(ctx.text)
    return spans  # type: ignore[return-value]


def parse_term_line(line: str) -> Entry:
    """`term<TAB>preferred<TAB>reason<TAB>exceptions` (later fields optional)."""
    parts = [p.strip() for p in line.split("\t")]
    parts += [""] * (4 - len(parts))
    return Entry(parts[0], parts[1], parts[2], tuple(parts[3].split()))


@cache
def term_list(name: str) -> tuple[Entry, ...]:
    return tuple(parse_term_line(line) for line in resources.wordlist(name))


_LEXICONS: dict[tuple, Lexicon] = {}


def lexicon_for(key: str, fingerprint: tuple, build: Callable[[], Lexicon]) -> Lexicon:
    """A lexicon that depends on settings, built once per distinct settings `fingerprint`.

    Rules hold no state across texts and a Config may change between checks (the UI edits
    it), so the cache is keyed by the settings themselves, not by the Config object.
    """
    k = (key, fingerprint)
    lex = _LEXICONS.get(k)
    if lex is None:
        if len(_LEXICONS) > 64:  # settings edited many times in one session
            _LEXICONS.clear()
        lex = _LEXICONS[k] = build()
    return lex
