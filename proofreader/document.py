"""A loaded draft: its text exactly as decoded, and how to write a corrected copy back."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


class LoadError(Exception):
    """A file that cannot be checked; the message is one human line for every report."""


@dataclass
class Document:
    text: str
    path: Path | None = None
    format: str = "txt"  # "txt", "md" or "docx"
    encoding: str = "utf-8"  # the codec used to decode (and to write back)
    bom: bool = False
    newline: str = "\n"  # the dominant line ending, for text added by the editor
    # format-specific data needed to write back (e.g. the .docx run map)
    source: object | None = field(default=None, repr=False)

    @property
    def length(self) -> int:
        return len(self.text)
