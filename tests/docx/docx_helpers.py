"""Build real .docx files for the tests: python-docx documents, edited at the XML level
where python-docx has no API (tracked changes, hyperlinks, text boxes, hostile parts)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSMAP = {"w": W_NS}


def new_doc() -> docx.document.Document:
    return docx.Document()


def save(d: docx.document.Document, path: Path) -> Path:
    d.save(str(path))
    return path


def replace_parts(
    src: Path, dst: Path, parts: dict[str, bytes], *, drop: tuple[str, ...] = ()
) -> Path:
    """Copy a package, replacing (or adding) some parts and dropping others."""
    with zipfile.ZipFile(src) as zin:
        items = [(i, zin.read(i)) for i in zin.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        seen = set()
        for info, data in items:
            if info.filename in drop:
                continue
            seen.add(info.filename)
            zout.writestr(info.filename, parts.get(info.filename, data))
        for name, data in parts.items():
            if name not in seen:
                zout.writestr(name, data)
    dst.write_bytes(buf.getvalue())
    return dst


def body_docx(tmp_path: Path, body_xml: str, name: str = "draft.docx") -> Path:
    """A real python-docx package whose body is replaced by `body_xml` (w: prefixed)."""
    base = save(new_doc(), tmp_path / "_base.docx")
    doc_xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:v="urn:schemas-microsoft-com:vml">'
        f"<w:body>{body_xml}<w:sectPr/></w:body></w:document>"
    )
    return replace_parts(base, tmp_path / name, {"word/document.xml": doc_xml.encode()})


def read_part(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as z:
        return z.read(name)
