"""Word (.docx) drafts: load with a run map, write back with tracked changes or clean.

The package is opened through `ziplimits.SafeZip` (zip bomb and XXE checks) and the main
document part is walked at the XML level (`docx_map`), because python-docx drops the
text of existing tracked changes. The Document's `source` is a `DocxSource`: plain,
picklable data (the original bytes and the run map as offsets), so a Document can cross
process boundaries; the writer re-parses the bytes to get live elements.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from proofreader.document import Document, LoadError
from proofreader.formats.docx_package import DocxSource, RunRef, find_main_part, open_package
from proofreader.formats.docx_write import DocxWriteError, WriteResult, render_docx, write_docx
from proofreader.formats.ziplimits import DEFAULT_LIMITS, ZipLimits

__all__ = [
    "DocxSource",
    "DocxWriteError",
    "RunRef",
    "WriteResult",
    "find_main_part",
    "load_docx",
    "load_docx_bytes",
    "render_docx",
    "write_docx",
]


def load_docx(path: Path, max_size: int, limits: ZipLimits = DEFAULT_LIMITS) -> Document:
    """Load a .docx as its checked text (body paragraphs and table cells joined by "\\n")."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_size:
            raise LoadError(
                f"file too large: {size / 1048576:.1f} MB (limit {max_size / 1048576:.1f} MB)"
            )
        data = path.read_bytes()
    except OSError as e:
        raise LoadError(f"cannot read file: {e.strerror or e}") from None
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
