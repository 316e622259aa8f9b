"""Engine offsets (code points into the text as decoded) ↔ Qt positions (UTF-16 units).

Qt counts UTF-16 code units, so a CJK Extension B character such as 𠮷 (U+20BB7) takes
two positions; Python and the engine count it once. A QTextDocument also turns every
line break ("\\r\\n", "\\r", "\\n") into one block separator, so a CRLF that is two code
points for the engine is one position for Qt. Every conversion in the UI goes through
`OffsetMap` (or the `to_utf16` / `from_utf16` pair for text without line breaks), or every
highlight after such a character drifts.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate

# a character outside the BMP (two UTF-16 units), or the "\r" of a CRLF (no Qt position)
_EVENT_RE = re.compile("[\U00010000-\U0010ffff]|\r(?=\n)")


def display_text(text: str) -> str:
    """The text as a QTextDocument holds it: each line break one "\\n"."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


class OffsetMap:
    """Maps offsets into `text` to positions in a QTextDocument showing that text, and back.

    Built in one regex pass (fast for a 100,000-character draft); each lookup is a bisect.
    """

    __slots__ = ("_cp", "_cum", "_qt", "length")

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self._cp: list[int] = []  # code point index of each event
        deltas: list[int] = []
        for m in _EVENT_RE.finditer(text):
            self._cp.append(m.start())
            deltas.append(-1 if m.group() == "\r" else 1)
        self._cum = [0, *accumulate(deltas)]  # shift after the first k events
        # the Qt position of each event: offset plus the shift of the events before it
        self._qt = [cp + self._cum[i] for i, cp in enumerate(self._cp)]

    def to_qt(self, offset: int) -> int:
        """Code point offset → Qt position (clamped to the text)."""
        offset = max(0, min(offset, self.length))
        return offset + self._cum[bisect_left(self._cp, offset)]

    def to_engine(self, pos: int) -> int:
        """Qt position → code point offset. A position inside a surrogate pair rounds down."""
        k = bisect_left(self._qt, pos)
        return max(0, min(pos - self._cum[k], self.length))


def to_utf16(text: str, offset: int) -> int:
    """Code point offset into `text` → UTF-16 offset (line breaks are left alone)."""
    prefix = text[:offset]
    return len(prefix) + sum(1 for ch in prefix if ord(ch) > 0xFFFF)


def from_utf16(text: str, pos: int) -> int:
    """UTF-16 offset into `text` → code point offset (inside a surrogate pair rounds down)."""
    units = 0
    for i, ch in enumerate(text):
        width = 2 if ord(ch) > 0xFFFF else 1
        if units + width > pos:
            return i
        units += width
    return len(text)
