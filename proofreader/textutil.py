"""Small text helpers shared by rules, reports and the UI adapters."""

from __future__ import annotations

import bisect
import re

# CJK ideographs: URO, Extension A, compatibility ideographs and the supplementary planes
# (Extension B and later: rare characters in Chinese names such as 𠮷).
CJK_CLASS = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
CJK_RE = re.compile(f"[{CJK_CLASS}]")

# Full-width Chinese punctuation (GB/T 15834).
ZH_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】「」『』—…·～"


def is_cjk(ch: str) -> bool:
    return bool(ch) and CJK_RE.match(ch) is not None


class LineIndex:
    """Maps code-point offsets to 1-based (line, column); `\\n` ends a line."""

    def __init__(self, text: str) -> None:
        self.starts = [0]  # offset of each line's first character
        self.starts.extend(m.end() for m in re.finditer("\n", text))

    def line_col(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1

    def offset(self, line: int, column: int) -> int:
        return self.starts[line - 1] + column - 1
