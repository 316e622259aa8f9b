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


def tiny_png() -> bytes:
    """A valid 1x1 PNG, made here so the tests need no binary fixture."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    signature = b"\x89PNG\r\n\x1a\n"
    return signature + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def rejected_text(path: Path, author: str = "proofreader") -> str:
    """The text as it reads with `author`'s tracked changes rejected and the others
    accepted: what the draft said before the tool touched it."""
    from lxml import etree

    from proofreader.formats.docx_map import walk_body

    root = etree.fromstring(read_part(path, "word/document.xml"))
    ns = {"w": W_NS}
    for ins in root.xpath("//w:ins[not(ancestor::w:rPr)][@w:author=$a]", namespaces=ns, a=author):
        ins.getparent().remove(ins)
    for mark in root.xpath("//w:pPr/w:rPr/w:del[@w:author=$a]", namespaces=ns, a=author):
        mark.getparent().remove(mark)
    ours = "//w:del[not(ancestor::w:rPr) and not(ancestor::w:trPr)][@w:author=$a]"
    for d in root.xpath(ours, namespaces=ns, a=author):
        for t in d.iter(f"{{{W_NS}}}delText"):
            t.tag = f"{{{W_NS}}}t"
        parent = d.getparent()
        i = parent.index(d)
        for child in list(d):
            parent.insert(i, child)
            i += 1
        parent.remove(d)
    return walk_body(root).text


def shown_text(path: Path) -> str:
    """The text with every tracked change shown: deleted text stays, inserted text too."""
    from lxml import etree

    from proofreader.formats.docx_map import walk_body

    root = etree.fromstring(read_part(path, "word/document.xml"))
    ns = {"w": W_NS}
    for mark in root.xpath("//w:pPr/w:rPr/w:del", namespaces=ns):
        mark.getparent().remove(mark)
    for d in root.xpath("//w:del[not(ancestor::w:rPr) and not(ancestor::w:trPr)]", namespaces=ns):
        for t in d.iter(f"{{{W_NS}}}delText"):
            t.tag = f"{{{W_NS}}}t"
        d.tag = f"{{{W_NS}}}ins"
    return walk_body(root).text


def zip_bomb(base: Path, dst: Path, megabytes: int = 300) -> Path:
    """`base` plus word/media/bomb.bin: `megabytes` MB of zeros deflated to a few hundred
    KB. The deflate stream is built from one full-flushed block repeated, so making a
    300 MB bomb takes milliseconds instead of compressing 300 MB."""
    import struct
    import zlib

    with zipfile.ZipFile(base) as z:
        entries = [(i.filename, z.read(i)) for i in z.infolist()]
    block = b"\0" * (1024 * 1024)
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    again = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    bomb = first + again * (megabytes - 1) + comp.flush()
    crc = 0
    for _ in range(megabytes):
        crc = zlib.crc32(block, crc)

    out = io.BytesIO()
    central = []

    def add(name: str, raw: bytes, size: int, crc32: int) -> None:
        offset = out.tell()
        encoded = name.encode()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc32,
                              len(raw), size, len(encoded), 0) + encoded + raw)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21,
                                   crc32, len(raw), size, len(encoded), 0, 0, 0, 0, 0,
                                   offset) + encoded)

    for name, data in entries:
        c = zlib.compressobj(6, zlib.DEFLATED, -15)
        add(name, c.compress(data) + c.flush(), len(data), zlib.crc32(data))
    add("word/media/bomb.bin", bomb, megabytes * 1024 * 1024, crc)
    start = out.tell()
    for record in central:
        out.write(record)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central),
                          out.tell() - start, start, 0))
    dst.write_bytes(out.getvalue())
    return dst


def ooxml_problems(path: Path) -> list[str]:
    """Schema rules Word is strict about, checked on a written document.xml."""
    from lxml import etree

    root = etree.fromstring(read_part(path, "word/document.xml"))
    ns = {"w": W_NS}
    problems = []

    def q(tag: str) -> str:
        return f"{{{W_NS}}}{tag}"

    for r in root.iter(q("r")):
        rpr = r.find(q("rPr"))
        if rpr is not None and r.index(rpr) != 0:
            problems.append("w:rPr is not the first child of w:r")
    for ppr in root.iter(q("pPr")):
        if ppr.getparent().tag == q("pPrChange"):
            continue
        p = ppr.getparent()
        if p.index(ppr) != 0:
            problems.append("w:pPr is not the first child of w:p")
        tail = [c.tag for c in ppr if c.tag in (q("rPr"), q("sectPr"), q("pPrChange"))]
        order = [q("rPr"), q("sectPr"), q("pPrChange")]
        if tail != sorted(tail, key=order.index) or len(set(tail)) != len(tail):
            problems.append("w:pPr ends out of order")
    if root.xpath("//w:del[not(ancestor::w:rPr) and not(ancestor::w:trPr)]//w:t", namespaces=ns):
        problems.append("w:t inside w:del (must be w:delText)")
    if root.xpath("//w:delText[not(ancestor::w:del)]", namespaces=ns):
        problems.append("w:delText outside w:del")
    if root.xpath("//w:ins[@w:author='proofreader']//w:ins", namespaces=ns):
        problems.append("our w:ins nested in an insertion")
    for rev in root.xpath("//w:ins | //w:del | //w:pPrChange", namespaces=ns):
        if rev.get(q("id")) is None or rev.get(q("author")) is None:
            problems.append("revision without w:id or w:author")
    ns["mc"] = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    shown = "[not(ancestor::mc:Fallback)]"  # a reader shows the Choice or the Fallback
    ids = root.xpath(f"//w:ins{shown}/@w:id | //w:del{shown}/@w:id | //w:pPrChange{shown}/@w:id",
                     namespaces=ns)
    if len(ids) != len(set(ids)):
        problems.append("duplicate revision ids")
    starts = root.xpath(f"//w:commentRangeStart{shown}/@w:id", namespaces=ns)
    if sorted(starts) != sorted(root.xpath(f"//w:commentRangeEnd{shown}/@w:id", namespaces=ns)):
        problems.append("comment ranges do not pair up")
    space = "{http://www.w3.org/XML/1998/namespace}space"
    for t in root.iter(q("t"), q("delText")):
        text = t.text or ""
        if text != text.strip(" \t\r\n") and t.get(space) != "preserve":
            problems.append("spaces at the edge of a w:t without xml:space=preserve")
    return problems
