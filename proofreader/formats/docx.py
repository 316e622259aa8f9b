"""Word (.docx) drafts: load with a run map, write back with tracked changes or clean.

The package is opened through `ziplimits.SafeZip` (zip bomb and XXE checks) and the main
document part is walked at the XML level (`docx_map`), because python-docx drops the
text of existing tracked changes. The Document's `source` is a `DocxSource`: plain,
picklable data (the original bytes and the run map as offsets), so a Document can cross
process boundaries; the writer re-parses the bytes to get live elements.
"""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from proofreader.document import Document
from proofreader.formats.docx_package import DocxSource, RunRef, find_main_part, open_package
from proofreader.formats.docx_write import DocxWriteError, WriteResult, render_docx, write_docx
from proofreader.formats.ziplimits import DEFAULT_LIMITS, ZipLimits
from proofreader.model import Edit, Finding, Status

if TYPE_CHECKING:
    from proofreader.review import ReviewSession

__all__ = [
    "DocxSource",
    "DocxWriteError",
    "RunRef",
    "WriteResult",
    "diff_edits",
    "find_main_part",
    "load_docx",
    "load_docx_bytes",
    "render_docx",
    "write_docx",
    "write_reviewed_docx",
]


def load_docx(path: Path, max_size: int, limits: ZipLimits = DEFAULT_LIMITS) -> Document:
    """Load a .docx as its checked text (body paragraphs and table cells joined by "\\n")."""
    from proofreader.formats.text import read_bytes  # same reasons as for a text draft

    path = Path(path)
    data = read_bytes(path, max_size)
    return load_docx_bytes(data, path, limits)


def load_docx_bytes(data: bytes, path: Path | None = None,
                    limits: ZipLimits = DEFAULT_LIMITS) -> Document:
    _z, main, body = open_package(data, limits)
    source = DocxSource(
        data=data,
        main_part=main,
        had_revisions=body.had_revisions,
        paragraphs=[(p.start, p.end, p.where) for p in body.paras],
        segments=[(s.start, s.end, s.para, s.run_index) for s in body.segs],
        text_boxes=body.text_boxes,
        sha256=hashlib.sha256(data).hexdigest(),
    )
    return Document(text=body.text, path=path, format="docx", encoding="utf-8", newline="\n",
                    source=source)


def diff_edits(old: str, new: str) -> list[Edit]:
    """The edits that turn `old` into `new` (an editor's own typing), paragraph by paragraph
    and then character by character, so a .docx can carry them as revisions too."""
    out: list[Edit] = []
    old_lines = old.split("\n")
    new_lines = new.split("\n")
    starts = [0]
    for line in old_lines:
        starts.append(starts[-1] + len(line) + 1)
    lines = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for op, i1, i2, j1, j2 in lines.get_opcodes():
        if op == "equal":
            continue
        a_start, a_end = starts[i1], starts[i2] - 1 if i2 > i1 else starts[i1]
        a = old[a_start:a_end] if i2 > i1 else ""
        b = "\n".join(new_lines[j1:j2])
        if op == "delete":
            # whole paragraphs go with the line break before them, so the paragraph that
            # stays keeps its own formatting
            if i1 > 0:
                out.append(Edit(a_start - 1, a_end, ""))
            else:
                out.append(Edit(0, min(starts[i2], len(old)), ""))
            continue
        if op == "insert":  # new paragraphs: cannot be placed (see write_reviewed_docx)
            at = starts[i1] if i1 < len(old_lines) else len(old)
            out.append(Edit(at, at, b + "\n" if i1 < len(old_lines) else "\n" + b))
            continue
        chars = difflib.SequenceMatcher(None, a, b, autojunk=False)
        for cop, c1, c2, d1, d2 in chars.get_opcodes():
            if cop != "equal":
                out.append(Edit(a_start + c1, a_start + c2, b[d1:d2]))
    return out


def write_reviewed_docx(
    session: ReviewSession,
    target: Path,
    *,
    track_changes: bool,
    author: str = "proofreader",
    comment_pending: bool = True,
    new_text: str | None = None,
    overwrite_original: bool = False,
    lang: str = "zh",
) -> WriteResult:
    """Save a review of a .docx draft (the UI's Save / Save As, "tracked" or "clean").

    Accepted findings are applied with the replacement the reviewer chose. With tracked
    changes, accepted findings that have no fix, and (if `comment_pending`) findings still
    pending, become comments. `new_text`: the draft as the editor left it after typing in
    it; the differences from the checked text are written as edits too (edits that would
    split a paragraph cannot be placed and come back in `WriteResult.dropped`).
    """
    doc = replace(session.document, text=session.text)
    accepted: list[Finding] = []
    comments: list[Finding] = []
    for f in session.findings:
        status = session.status(f)
        chosen = session.replacement_for(f)
        if status == Status.ACCEPTED and chosen is not None:
            accepted.append(f.replace(replacements=(chosen,)))
        elif status == Status.ACCEPTED or (status == Status.PENDING and comment_pending):
            comments.append(f)
    typed: list[Edit] = []
    if new_text is not None and new_text != session.text:
        typed = diff_edits(session.text, new_text)
        accepted = []  # the typed text already holds whatever the reviewer accepted
    return write_docx(
        doc, accepted, target, track_changes=track_changes, author=author,
        comments_for=comments if track_changes else (), overwrite_original=overwrite_original,
        lang=lang, edits=typed,
    )
