"""Walk a WordprocessingML body and map its checked text back to runs.

The checked text is every body paragraph (table cells and text boxes included, in
document order) joined by "\\n", as it reads once the document's existing tracked changes
are accepted: text inside `w:ins`/`w:moveTo` counts, text inside `w:del`/`w:moveFrom`
does not, and a paragraph whose mark was deleted runs on into the next one.

Each piece of text (a `w:t`, or a one-character `w:tab`/`w:br`/…) is a `Seg` that knows
its element, run and paragraph, so an edit can be turned back into XML. The walk is
deterministic: the writer re-parses the original and walks again to get live elements.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
STRICT_W_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


W_BODY, W_P, W_R, W_T, W_TBL, W_TR, W_TC = map(w, ("body", "p", "r", "t", "tbl", "tr", "tc"))
W_PPR, W_RPR, W_TRPR, W_PPRCHANGE = w("pPr"), w("rPr"), w("trPr"), w("pPrChange")
W_INS, W_DEL, W_MOVEFROM, W_MOVETO = w("ins"), w("del"), w("moveFrom"), w("moveTo")
W_SDT, W_SDTCONTENT, W_CUSTOMXML = w("sdt"), w("sdtContent"), w("customXml")
W_TXBX, W_RUBY = w("txbxContent"), w("ruby")
MC_FALLBACK = f"{{{MC_NS}}}Fallback"
MC_CHOICE = f"{{{MC_NS}}}Choice"
MC_ALTERNATE = f"{{{MC_NS}}}AlternateContent"

# Run-level containers whose runs are part of the text as it reads.
INLINE_CONTAINERS = {
    w("hyperlink"), w("smartTag"), W_CUSTOMXML, w("fldSimple"), W_INS, W_MOVETO,
    w("dir"), w("bdo"),
}
REMOVED = {W_DEL, W_MOVEFROM}
REVISION_TAGS = {W_INS, W_DEL, W_MOVEFROM, W_MOVETO, w("rPrChange"), w("pPrChange"),
                 w("sectPrChange"), w("tblPrChange"), w("trPrChange"), w("tcPrChange"),
                 w("numberingChange")}
BR_TEXT = {None, "textWrapping"}  # page and column breaks are not text


@dataclass(eq=False)
class Para:
    elem: etree._Element
    index: int
    start: int = 0
    end: int = 0
    sep: str = "\n"  # what follows it in the text ("" when its mark was deleted; last: "")
    where: str = "body"  # "body", "table" or "textbox"
    mark_deleted: bool = False


@dataclass(eq=False)
class Seg:
    start: int
    end: int
    elem: etree._Element  # w:t, w:tab, w:br, w:cr, w:noBreakHyphen, w:ptab
    run: etree._Element
    para: int
    run_index: int  # ordinal of the run within its paragraph


@dataclass
class BodyMap:
    text: str
    paras: list[Para]
    segs: list[Seg]
    had_revisions: bool = False
    text_boxes: int = 0


_FIXED_TEXT = {w("tab"): "\t", w("ptab"): "\t", w("cr"): "\n", w("noBreakHyphen"): "-"}
W_BR, W_TYPE = w("br"), w("type")


def seg_text(child: etree._Element) -> str | None:
    """The text a run child contributes, or None if it contributes none."""
    tag = child.tag
    if tag == W_T:
        return child.text or ""
    if tag == W_BR:
        return "\n" if child.get(W_TYPE) in BR_TEXT else None
    return _FIXED_TEXT.get(tag)


class _Walker:
    def __init__(self) -> None:
        self.paras: list[Para] = []
        self.segs: list[Seg] = []
        self.pos = 0
        self.had_revisions = False
        self.text_boxes = 0

    # block level ---------------------------------------------------------------
    def block(self, parent: etree._Element, where: str) -> None:
        for child in parent:
            tag = child.tag
            if tag == W_P:
                self.paragraph(child, where)
            elif tag == W_TBL:
                self.table(child)
            elif tag == W_SDT:
                content = child.find(W_SDTCONTENT)
                if content is not None:
                    self.block(content, where)
            elif tag == W_CUSTOMXML:
                self.block(child, where)
            elif tag in REMOVED or tag in REVISION_TAGS:
                self.had_revisions = True

    def table(self, tbl: etree._Element) -> None:
        for row in self._cells_or_rows(tbl, W_TR):
            trpr = row.find(W_TRPR)
            if trpr is not None and (trpr.find(W_DEL) is not None or trpr.find(W_INS) is not None):
                self.had_revisions = True
                if trpr.find(W_DEL) is not None:
                    continue  # a deleted row is gone once changes are accepted
            for cell in self._cells_or_rows(row, W_TC):
                self.block(cell, "table")

    @staticmethod
    def _cells_or_rows(parent: etree._Element, tag: str) -> list[etree._Element]:
        out: list[etree._Element] = []
        for child in parent:
            if child.tag == tag:
                out.append(child)
            elif child.tag == W_SDT:
                content = child.find(W_SDTCONTENT)
                if content is not None:
                    out.extend(_Walker._cells_or_rows(content, tag))
            elif child.tag == W_CUSTOMXML:
                out.extend(_Walker._cells_or_rows(child, tag))
        return out

    def paragraph(self, p: etree._Element, where: str) -> None:
        para = Para(elem=p, index=len(self.paras), start=self.pos, where=where)
        self.paras.append(para)
        ppr = p[0] if len(p) and p[0].tag == W_PPR else None  # pPr comes first
        if ppr is not None:
            for child in ppr:
                if child.tag == W_RPR:
                    marks = {c.tag for c in child}
                    if W_DEL in marks or W_INS in marks:
                        self.had_revisions = True
                        para.mark_deleted = W_DEL in marks
                elif child.tag == W_PPRCHANGE:
                    self.had_revisions = True
        boxes: list[etree._Element] = []
        self._run_index = 0
        self.inline(p, para, boxes)
        para.end = self.pos
        self.pos += 1  # a provisional "\n"; _finish decides the real separator
        for box in boxes:
            self.text_boxes += 1
            self.block(box, "textbox")

    def inline(self, parent: etree._Element, para: Para, boxes: list[etree._Element]) -> None:
        for child in parent:
            tag = child.tag
            if tag == W_R:
                self.run(child, para, boxes)
            elif tag in INLINE_CONTAINERS:
                if tag in (W_INS, W_MOVETO):
                    self.had_revisions = True
                self.inline(child, para, boxes)
            elif tag == W_SDT:
                content = child.find(W_SDTCONTENT)
                if content is not None:
                    self.inline(content, para, boxes)
            elif tag in REMOVED:
                self.had_revisions = True

    def run(self, r: etree._Element, para: Para, boxes: list[etree._Element]) -> None:
        index = self._run_index
        self._run_index += 1
        for child in r:
            if child.tag == W_RPR:
                if child.find(w("rPrChange")) is not None:
                    self.had_revisions = True
                continue
            text = seg_text(child)
            if text is None:
                if not isinstance(child.tag, str):
                    continue
                if child.tag == W_RUBY:  # 汉字 with a phonetic guide: the base text reads
                    base = child.find(w("rubyBase"))
                    if base is not None:
                        self.inline(base, para, boxes)
                    continue
                # Text boxes: the DrawingML choice only (its VML fallback is a duplicate).
                for box in child.iter(W_TXBX):
                    if not any(a.tag == MC_FALLBACK for a in box.iterancestors()):
                        boxes.append(box)
                continue
            if not text:
                continue
            seg = Seg(self.pos, self.pos + len(text), child, r, para.index, index)
            self.segs.append(seg)
            self.pos += len(text)


def walk_body(root: etree._Element) -> BodyMap:
    body = root.find(W_BODY)
    walker = _Walker()
    if body is not None:
        walker.block(body, "body")
    text, segs = _finish(walker)
    return BodyMap(text=text, paras=walker.paras, segs=segs,
                   had_revisions=walker.had_revisions, text_boxes=walker.text_boxes)


def _finish(walker: _Walker) -> tuple[str, list[Seg]]:
    paras = walker.paras
    for i, para in enumerate(paras):
        nxt = paras[i + 1] if i + 1 < len(paras) else None
        same_parent = nxt is not None and nxt.elem.getparent() is para.elem.getparent()
        para.sep = "" if nxt is None or (para.mark_deleted and same_parent) else "\n"
    # Rebuild text and shift offsets for the separators that turned out empty.
    out: list[str] = []
    pos = 0
    seg_i = 0
    segs = walker.segs
    for para in paras:
        old_start = para.start
        shift = pos - old_start
        while seg_i < len(segs) and segs[seg_i].para == para.index:
            s = segs[seg_i]
            s.start += shift
            s.end += shift
            out.append(seg_text(s.elem) or "")
            seg_i += 1
        para.start += shift
        para.end += shift
        pos = para.end
        out.append(para.sep)
        pos += len(para.sep)
    return "".join(out), segs
