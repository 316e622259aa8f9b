"""The pieces of a .docx package the reader and the writer share: the run map carried by a
Document (`DocxSource`) and finding the main document part."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from proofreader.document import LoadError
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
