"""Code point ↔ UTF-16 offsets, for LanguageTool's HTTP API.

LanguageTool is Java: its `offset`/`length` count UTF-16 code units, so a character outside
the Basic Multilingual Plane (a CJK Extension B name character such as 𠮷, an emoji) takes
two units there and one code point in Python. Every offset crossing the API goes through
`OffsetMap`, in both directions (client: LanguageTool → us; server: us → clients).
"""

from __future__ import annotations

import bisect


def utf16_len(text: str) -> int:
    """Length of `text` in UTF-16 code units."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class OffsetMap:
    """Offsets of one text in both units. O(1) for texts without astral characters."""

    def __init__(self, text: str) -> None:
        self.text = text
        # code point positions of astral characters, and the UTF-16 positions they start at
        self._cp = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._u16 = [cp + n for n, cp in enumerate(self._cp)]
        self.utf16_length = len(text) + len(self._cp)

    def to_utf16(self, cp: int) -> int:
        if not 0 <= cp <= len(self.text):
            raise ValueError(f"code point offset {cp} outside text of length {len(self.text)}")
        return cp + bisect.bisect_left(self._cp, cp)

    def to_code_point(self, u16: int, *, round_up: bool = False) -> int:
        """The code point offset of UTF-16 offset `u16`.

        An offset that falls between the two halves of a surrogate pair (a broken offset
        from the other side) is rounded down to the character's start, or up past it with
        `round_up` (use it for end offsets so the span still covers the character).
        """
        if not 0 <= u16 <= self.utf16_length:
            raise ValueError(f"UTF-16 offset {u16} outside text of length {self.utf16_length}")
        before = bisect.bisect_left(self._u16, u16)  # astral characters starting before u16
        if before and self._u16[before - 1] + 1 == u16:  # inside a surrogate pair
            return self._cp[before - 1] + (1 if round_up else 0)
        return u16 - before

    def span_to_code_points(self, offset: int, length: int) -> tuple[int, int]:
        """A UTF-16 (offset, length) as a code point (offset, length)."""
        start = self.to_code_point(offset)
        end = self.to_code_point(offset + length, round_up=True)
        return start, end - start

    def span_to_utf16(self, offset: int, length: int) -> tuple[int, int]:
        start = self.to_utf16(offset)
        return start, self.to_utf16(offset + length) - start
