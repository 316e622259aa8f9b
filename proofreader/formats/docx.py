"""Word (.docx) drafts: load with a run map, write back with tracked changes or clean.

The package is opened through `ziplimits.SafeZip` (zip bomb and XXE checks) and the main
document part is walked at the XML level (`docx_map`), because python-docx drops the
text of existing tracked changes. The Document's `source` is a `DocxSource`: plain,
picklable data (the original bytes and the run map as offsets), so a Document can cross
process boundaries; the writer re-parses the bytes to get live elements.
"""

from __future__ import annotations

import hashlib
import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from proofreader.document import Document, LoadError
from proofreader.formats.docx_map import STRICT_W_NS, W_NS, BodyMap, walk_body
from proofreader.formats.ziplimits import DEFAULT_LIMITS, SafeZip, ZipLimits

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
STRICT_OFFICE_DOC_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"


@dataclass(frozen=True, slots=True)
class RunRef:
    """Where a piece of the checked text lives: paragraph `para` (in walk order, table
    cells and text boxes included) and the `run`-th run of that paragraph."""

    para: int
    run: int


@dataclass
class DocxSource:
    """What the writer needs to put corrections back into the original package."""

    data: bytes  # the original file, unchanged
    main_part: str  # e.g. "word/document.xml"
    had_revisions: bool  # the input held tracked changes; the text reads as if accepted
    paragraphs: list[tuple[int, int, str]]  # (start, end, where) per paragraph
    # (start, end, para, run) per text piece, in order
    segments: list[tuple[int, int, int, int]] = field(repr=False)
    text_boxes: int = 0
    sha256: str = ""

    def runs_touched(self, start: int, end: int) -> list[RunRef]:
        """The runs a span of the checked text touches, in document order."""
        out: list[RunRef] = []
        for s, e, para, run in self.segments:
            if e <= start:
                continue
            if s >= end and not (start == end == s):
                break
            ref = RunRef(para, run)
            if not out or out[-1] != ref:
                out.append(ref)
        return out


def find_main_part(z: SafeZip) -> str:
    """The officeDocument target named in _rels/.rels (word/document.xml in practice)."""
    if "_rels/.rels" in z.names:
        rels = z.parse("_rels/.rels").getroot()
        for rel in rels.iter(f"{{{REL_NS}}}Relationship"):
            if rel.get("Type") in (OFFICE_DOC_REL, STRICT_OFFICE_DOC_REL) and rel.get(
                "TargetMode"
            ) != "External":
                target = rel.get("Target", "").lstrip("/")
                target = posixpath.normpath(target)
                if target in z.names:
                    return target
    if "word/document.xml" in z.names:
        return "word/document.xml"
    raise LoadError("corrupt .docx: no word/document.xml in the package")


def open_package(data: bytes, limits: ZipLimits = DEFAULT_LIMITS) -> tuple[SafeZip, str, BodyMap]:
    z = SafeZip(data, limits)
    main = find_main_part(z)
    root = z.parse(main).getroot()
    if root.tag == f"{{{STRICT_W_NS}}}document":
        raise LoadError("unsupported .docx: Strict Open XML (save it as a regular Word document)")
    if root.tag != f"{{{W_NS}}}document":
        raise LoadError(f"corrupt .docx: {main} is not a Word document part")
    return z, main, walk_body(root)


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
