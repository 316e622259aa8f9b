"""Paragraphs of a draft and what kind of block each one is.

A paragraph is one line of the text (its line terminator excluded). Page extraction
leaves blank lines between paragraphs; those are blank paragraphs. Classification tells
body text (sentences) from headlines, bylines, captions and page furniture, which are not
sentences and must not be flagged as cut paragraphs or for layout spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

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
    paras: list[Paragraph] = []
    pos = 0
    n = len(text)
    for m in _LINE_RE.finditer(text):
        if m.start() >= n and paras:
            break
        nl = m.group(1)
        end = m.end() - len(nl)
        kind = Kind.BLANK if not text[m.start() : end].strip() else Kind.BODY
        paras.append(Paragraph(len(paras), m.start(), end, nl, kind))
        pos = m.end()
        if pos >= n:
            break
    return paras


def classify(text: str, paras: list[Paragraph]) -> list[Paragraph]:
    """Decide each paragraph's kind. Refined by the fragment rule family's needs."""
    return paras


def paragraphs(text: str) -> list[Paragraph]:
    return classify(text, split_paragraphs(text))
