"""Put accepted corrections back into a .docx: as Word revisions, or applied cleanly.

The original package is re-read from `DocxSource.data`; every part other than the main
document (and, for comments, the comments part, its relationship and content type) is
copied unchanged. In the main document only the runs that an edit or a comment touches
are split or changed, so untouched runs keep their properties (fonts, East Asian fonts,
styles), and numbering, headers, footers, images and section settings are not touched.

Algorithm: (1) every edit and comment boundary becomes a cut point, and the runs that
contain a cut are split so each run lies wholly inside or outside every span; (2) the map
is rebuilt and each edit replaces whole runs: clean mode removes them and inserts a run
with the first one's formatting, tracked mode wraps them in `w:del` and adds a `w:ins`.
A paragraph break inside a span joins the paragraphs (clean: into the first paragraph;
tracked: the first paragraph's mark is marked deleted).
"""

from __future__ import annotations

import copy
import io
import os
import posixpath
import re
import zipfile
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from lxml import etree

from proofreader.document import Document
from proofreader.engine import apply_edits
from proofreader.formats.docx_map import (
    MC_ALTERNATE,
    MC_CHOICE,
    MC_FALLBACK,
    W_DEL,
    W_INS,
    W_MOVETO,
    W_NS,
    W_P,
    W_PPR,
    W_R,
    W_RPR,
    W_T,
    W_TXBX,
    XML_SPACE,
    BodyMap,
    Para,
    Seg,
    seg_text,
    w,
    walk_body,
)
from proofreader.formats.docx_package import DocxSource, find_main_part
from proofreader.formats.ziplimits import SafeZip
from proofreader.model import Edit, Finding

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"

W_DELTEXT, W_INSTR, W_DELINSTR = w("delText"), w("instrText"), w("delInstrText")
W_SECTPR, W_PPRCHANGE, W_ID = w("sectPr"), w("pPrChange"), w("id")
# Revision markers that must not be copied along with a run's formatting.
RPR_REVISION = {W_INS, W_DEL, w("moveFrom"), W_MOVETO, w("rPrChange")}
# Zero-width run content that may go when the run's text is deleted.
DISPOSABLE = {w("lastRenderedPageBreak")}


# Characters XML 1.0 cannot carry: a replacement holding one cannot be placed.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class DocxWriteError(Exception):
    pass


@dataclass
class WriteResult:
    path: Path
    applied: list[Edit] = field(default_factory=list)
    dropped: list[Edit] = field(default_factory=list)  # overlapping or not representable
    comments: int = 0
    backup: Path | None = None


def write_docx(
    doc: Document,
    accepted: Sequence[Finding],
    target: Path,
    *,
    track_changes: bool,
    author: str = "proofreader",
    comments_for: Iterable[Finding] = (),
    date: datetime | None = None,
    backup: bool = True,
    lang: str = "zh",
    overwrite_original: bool = False,
    edits: Iterable[Edit] = (),
) -> WriteResult:
    """Write `doc` with the accepted findings' first replacements to `target`, atomically.

    Track changes: each fix becomes a `w:del` + `w:ins` revision by `author`; each finding in
    `comments_for` becomes a Word comment anchored on its text. Clean: fixes applied in
    place (comments are still added if asked for). An existing `target` is kept as a
    backup (`name.docx.bak`) unless `backup` is false; writing over the draft itself needs
    `overwrite_original` (and then always keeps a backup).
    """
    from proofreader.io import atomic_write

    target = Path(target)
    if doc.path is not None and _same_file(target, Path(doc.path)):
        if not overwrite_original:
            raise DocxWriteError(f"refusing to overwrite the original draft {doc.path}")
        backup = True

    data, result = render_docx(
        doc, accepted, track_changes=track_changes, author=author,
        comments_for=comments_for, date=date, lang=lang, edits=edits,
    )
    result.path = target
    try:
        result.backup = atomic_write(target, data, backup=backup)
    except OSError as e:
        raise DocxWriteError(f"cannot write {target}: {e.strerror or e}") from None
    return result


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()


def render_docx(
    doc: Document,
    accepted: Sequence[Finding],
    *,
    track_changes: bool,
    author: str = "proofreader",
    comments_for: Iterable[Finding] = (),
    date: datetime | None = None,
    lang: str = "zh",
    edits: Iterable[Edit] = (),
) -> tuple[bytes, WriteResult]:
    """The bytes of the corrected package (see write_docx). `edits` are applied along
    with the accepted findings (e.g. an editor's own typing, from `diff_edits`)."""
    source = doc.source
    if not isinstance(source, DocxSource):
        raise DocxWriteError("not a document loaded from a .docx")
    z = SafeZip(source.data)
    main = find_main_part(z)
    tree = z.parse(main)
    root = tree.getroot()
    body = walk_body(root)
    if body.text != doc.text:
        raise DocxWriteError("the document text no longer matches its .docx")
    stamp = (date or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    result = WriteResult(path=Path())

    fixed = apply_edits(
        doc.text, [*(Edit.of(f) for f in accepted if f.replacements), *edits]
    )
    placed: list[Edit] = []
    ends = [p.end for p in body.paras]
    for e in fixed.applied:
        (placed if _representable(body, ends, e) else result.dropped).append(e)
    result.dropped.extend(fixed.dropped)
    notes = [
        (f.offset, f.end, _NOT_XML.sub("\ufffd", comment_text(f, lang)))
        for f in comments_for
        if 0 <= f.offset <= f.end <= len(doc.text)
    ]
    if not placed and not notes:
        return source.data, result

    cuts = {x for e in placed for x in (e.start, e.end)} | {x for s, e, _ in notes for x in (s, e)}
    family = _split_runs(body, cuts)
    body = walk_body(root)
    if body.text != doc.text:  # splitting runs must never change the text
        raise DocxWriteError("internal error: the text changed while splitting runs")
    index = _Index(body)
    ids = _IdCounter(root)

    comment_elems: list[etree._Element] = []
    for start, end, message in notes:
        cid = ids.next()
        _anchor_comment(index, start, end, cid)
        comment_elems.append(_comment(cid, message, author, stamp))
    result.comments = len(comment_elems)

    editor = _Editor(index, ids, author, stamp, track_changes, family)
    # Right to left, so a join never moves content into a paragraph already joined away;
    # at one offset an insertion goes before the replacement that starts there.
    for e in sorted(placed, key=lambda e: (e.start, e.start == e.end), reverse=True):
        editor.apply(e)
    if not track_changes:
        _coalesce(family)
    spans = [(e.start, e.end) for e in placed] + [(a, b) for a, b, _ in notes]
    _sync_text_box_fallbacks(index.paras, spans)
    result.applied = placed

    parts = {main: _serialize(tree, z.read(main))}
    if comment_elems:
        parts.update(_comment_parts(z, main, comment_elems))
    return _repack(z, parts), result


def _sync_text_box_fallbacks(paras: list[Para], spans: list[tuple[int, int]]) -> None:
    """A text box is stored twice: DrawingML (mc:Choice, what Word 2010+, WPS and
    LibreOffice show, and what we edit) and a VML copy (mc:Fallback, for older readers).
    Copy each edited box over its fallback so both say the same. A reader shows one or the
    other, never both, so the copied revision and comment ids do not clash."""
    done: set[int] = set()
    for para in paras:
        if para.where != "textbox" or not any(
            para.start <= b and a <= para.end for a, b in spans
        ):
            continue
        box = next((a for a in para.elem.iterancestors(W_TXBX)), None)
        alt = next((a for a in para.elem.iterancestors(MC_ALTERNATE)), None)
        if box is None or alt is None or id(box) in done:
            continue
        done.add(id(box))
        choice, fallback = alt.find(MC_CHOICE), alt.find(MC_FALLBACK)
        if choice is None or fallback is None:
            continue
        choice_boxes = list(choice.iter(W_TXBX))
        fallback_boxes = list(fallback.iter(W_TXBX))
        if len(choice_boxes) != len(fallback_boxes) or box not in choice_boxes:
            continue
        target = fallback_boxes[choice_boxes.index(box)]
        for child in list(target):
            target.remove(child)
        for child in box:
            target.append(copy.deepcopy(child))


def comment_text(f: Finding, lang: str = "zh") -> str:
    """A comment's text: the message, and the suggestion when one was not applied."""
    text = f.localized_message(lang)
    if f.replacements:
        best = f.replacements[0]
        if lang.startswith("en"):
            text += f" (suggestion: “{best}”)" if best else " (suggestion: delete)"
        else:
            text += f"（建议改为“{best}”）" if best else "（建议删除）"
    return text


# --- step 1: split runs at cut points -------------------------------------------------


def _split_runs(body: BodyMap, cuts: set[int]) -> dict[etree._Element, etree._Element]:
    """Split the runs that contain a cut; returns each piece -> the run it came from."""
    family: dict[etree._Element, etree._Element] = {}
    by_run: dict[int, list[Seg]] = {}
    runs: dict[int, etree._Element] = {}
    for s in body.segs:
        by_run.setdefault(id(s.run), []).append(s)
        runs[id(s.run)] = s.run
    ordered_cuts = sorted(cuts)
    for key, segs in by_run.items():
        inside = {
            c
            for s in segs
            for c in ordered_cuts[bisect_left(ordered_cuts, s.start) : bisect_right(
                ordered_cuts, s.end)]
        }
        # a cut at the run's very start or end needs no split
        inside.discard(segs[0].start)
        inside.discard(segs[-1].end)
        if inside:
            starts = {id(s.elem): s.start for s in segs}
            for piece in _split_run(runs[key], inside, starts):
                family[piece] = runs[key]
    return family


def _split_run(r: etree._Element, cuts: set[int], starts: dict[int, int]) -> list[etree._Element]:
    """Split run `r` so that no cut (a text offset) falls inside one run. `starts` gives
    the text offset of each of its text pieces (not always contiguous: ruby text)."""
    rpr = r.find(W_RPR)
    groups: list[list[etree._Element]] = [[]]
    has_text = False
    for child in list(r):
        if child is rpr:
            continue
        text = seg_text(child)
        if not text:
            groups[-1].append(child)
            continue
        off = starts[id(child)]
        if child.tag == W_T:
            bounds = [0, *sorted(c - off for c in cuts if off < c < off + len(text)), len(text)]
            for i in range(len(bounds) - 1):
                a, b = bounds[i], bounds[i + 1]
                if (off + a) in cuts and has_text:
                    groups.append([])
                    has_text = False
                piece = child if i == 0 else child.makeelement(W_T, {})
                piece.text = text[a:b]
                piece.set(XML_SPACE, "preserve")
                groups[-1].append(piece)
                has_text = True
        else:
            if off in cuts and has_text:
                groups.append([])
                has_text = False
            groups[-1].append(child)
            has_text = True
    prev = r
    pieces = [r]
    for group in groups[1:]:
        new = _new_run_like(r, rpr)
        for child in group:
            new.append(child)  # moves it out of r (or places a new w:t piece)
        prev.addnext(new)
        prev = new
        pieces.append(new)
    return pieces


def _coalesce(family: dict[etree._Element, etree._Element]) -> None:
    """Clean mode: glue back neighbouring pieces of one original run (and the replacement
    runs that took its formatting) when they hold plain text with the same properties, so
    an edited run stays one run, as it was."""
    parents = {id(p): p for r in family if (p := r.getparent()) is not None}
    for parent in parents.values():
        child = parent[0] if len(parent) else None
        while child is not None:
            nxt = child.getnext()
            if (
                nxt is not None
                and child in family
                and nxt in family
                and family[child] is family[nxt]
                and _plain_text_run(child)
                and _plain_text_run(nxt)
                and _same_xml(child.find(W_RPR), nxt.find(W_RPR))
            ):
                ts = child.findall(W_T) + nxt.findall(W_T)
                text = "".join(t.text or "" for t in ts)
                for t in ts[1:]:
                    t.getparent().remove(t)
                ts[0].text = text
                if text != text.strip():
                    ts[0].set(XML_SPACE, "preserve")
                else:
                    ts[0].attrib.pop(XML_SPACE, None)
                parent.remove(nxt)
                continue
            child = nxt


def _plain_text_run(r: etree._Element) -> bool:
    return r.tag == W_R and r.find(W_T) is not None and all(
        c.tag in (W_RPR, W_T) for c in r
    )


def _same_xml(a: etree._Element | None, b: etree._Element | None) -> bool:
    """Structural equality (serialising a sub-element would drag in every namespace
    declaration of the document: far slower)."""
    if a is None or b is None:
        return a is b
    if a.tag != b.tag or dict(a.attrib) != dict(b.attrib) or len(a) != len(b):
        return False
    if (a.text or "").strip() != (b.text or "").strip():
        return False
    return all(_same_xml(x, y) for x, y in zip(a, b, strict=True))


def _new_run_like(r: etree._Element, rpr: etree._Element | None) -> etree._Element:
    new = r.makeelement(W_R, dict(r.attrib))
    if rpr is not None:
        new.append(copy.deepcopy(rpr))
    return new


# --- lookups on the rebuilt map -----------------------------------------------------------


class _Index:
    def __init__(self, body: BodyMap) -> None:
        self.body = body
        self.segs = body.segs
        self.seg_starts = [s.start for s in body.segs]
        self.paras = body.paras
        self.para_starts = [p.start for p in body.paras]
        self.para_ends = [p.end for p in body.paras]

    def runs_in(self, start: int, end: int) -> list[etree._Element]:
        out: list[etree._Element] = []
        i = bisect_left(self.seg_starts, start)
        while i < len(self.segs) and self.segs[i].start < end:
            run = self.segs[i].run
            if not out or out[-1] is not run:
                out.append(run)
            i += 1
        return out

    def para_at(self, x: int) -> Para | None:
        i = bisect_right(self.para_starts, x) - 1
        while i >= 0:
            p = self.paras[i]
            if p.start <= x <= p.end:
                return p
            if p.end < x:
                return None
            i -= 1
        return None

    def run_ending_at(self, x: int, para: Para) -> etree._Element | None:
        i = bisect_left(self.seg_starts, x) - 1
        if i >= 0 and self.segs[i].end == x and self.segs[i].para == para.index:
            return self.segs[i].run
        return None

    def run_starting_at(self, x: int, para: Para) -> etree._Element | None:
        i = bisect_left(self.seg_starts, x)
        if i < len(self.segs) and self.segs[i].start == x and self.segs[i].para == para.index:
            return self.segs[i].run
        return None

    def separators_in(self, start: int, end: int) -> list[Para]:
        """Paragraphs whose "\\n" separator lies inside [start, end)."""
        return _separators_in(self.paras, self.para_ends, start, end)

    def insertion_point(self, x: int) -> tuple[str, etree._Element, etree._Element | None]:
        """Where to put new run-level content at offset x, and the run whose formatting
        it should take: ("after"|"before"|"append", element, formatting run)."""
        para = self.para_at(x)
        if para is None:  # x at the very end of an empty text: the last paragraph, or none
            raise DocxWriteError(f"no paragraph at offset {x}")
        run = self.run_ending_at(x, para)
        if run is not None:
            return "after", run, run
        run = self.run_starting_at(x, para)
        if run is not None:
            return "before", run, run
        return "append", para.elem, None


def _separators_in(paras: list[Para], ends: list[int], start: int, end: int) -> list[Para]:
    i = bisect_left(ends, start)
    out = []
    while i < len(paras) and paras[i].end < end:
        if paras[i].sep:
            out.append(paras[i])
        i += 1
    return out


def _representable(body: BodyMap, ends: list[int], e: Edit) -> bool:
    """An edit can cross paragraph breaks only between sibling paragraphs (not from one
    table cell into the next), and cannot itself create paragraphs."""
    if "\n" in e.replacement or _NOT_XML.search(e.replacement):
        return False
    for p in _separators_in(body.paras, ends, e.start, e.end):
        nxt = body.paras[p.index + 1]
        if nxt.elem.getparent() is not p.elem.getparent():
            return False
    return True


class _IdCounter:
    """Revision and comment ids: above every w:id already in the document."""

    def __init__(self, root: etree._Element) -> None:
        top = 0
        for el in root.iter():
            value = el.get(W_ID) if isinstance(el.tag, str) else None
            if value is not None and value.lstrip("-").isdigit():
                top = max(top, int(value))
        self.value = top

    def bump(self, at_least: int) -> None:
        self.value = max(self.value, at_least)

    def next(self) -> str:
        self.value += 1
        return str(self.value)


# --- step 2: edits -----------------------------------------------------------------------


def _clean_rpr(rpr: etree._Element | None) -> etree._Element | None:
    if rpr is None:
        return None
    out = copy.deepcopy(rpr)
    for child in list(out):
        if child.tag in RPR_REVISION:
            out.remove(child)
    out.tag = W_RPR
    return out


def _text_run(text: str, fmt_run: etree._Element | None, para: etree._Element) -> etree._Element:
    """A new run holding `text`, formatted like `fmt_run` (else like the paragraph mark)."""
    r = etree.Element(W_R)
    if fmt_run is not None:
        rpr = _clean_rpr(fmt_run.find(W_RPR))
    else:
        ppr = para.find(W_PPR)
        rpr = _clean_rpr(ppr.find(W_RPR) if ppr is not None else None)
    if rpr is not None and len(rpr):
        r.append(rpr)
    buf = ""
    for ch in text:
        if ch == "\t":
            if buf:
                _append_t(r, buf)
                buf = ""
            etree.SubElement(r, w("tab"))
        else:
            buf += ch
    if buf:
        _append_t(r, buf)
    return r


def _append_t(r: etree._Element, text: str) -> None:
    t = etree.SubElement(r, W_T)
    t.text = text
    t.set(XML_SPACE, "preserve")


def _text_children(r: etree._Element) -> list[etree._Element]:
    return [c for c in r if c.tag != W_RPR and seg_text(c)]


def _isolate_text(r: etree._Element) -> list[etree._Element]:
    """Make the text of run `r` (wholly inside an edit) live in runs holding nothing but
    text, so deleting them cannot take an image, a field character or a note with it."""
    rpr = r.find(W_RPR)
    content = [c for c in r if c is not rpr]
    keep = [c for c in content if not seg_text(c) and c.tag not in DISPOSABLE]
    if not keep:
        return [r]
    out: list[etree._Element] = []
    groups: list[tuple[bool, list[etree._Element]]] = []
    for c in content:
        is_text = bool(seg_text(c)) or c.tag in DISPOSABLE
        if groups and groups[-1][0] == is_text:
            groups[-1][1].append(c)
        else:
            groups.append((is_text, [c]))
    prev = r
    for i, (is_text, children) in enumerate(groups):
        target = r if i == 0 else _new_run_like(r, rpr)
        if i:
            prev.addnext(target)
            prev = target
        for c in children:
            target.append(c)
        if is_text:
            out.append(target)
    return out


class _Editor:
    def __init__(self, index: _Index, ids: _IdCounter, author: str, stamp: str,
                 tracked: bool, family: dict[etree._Element, etree._Element]) -> None:
        self.family = family
        self.index = index
        self.ids = ids
        self.author = author
        self.stamp = stamp
        self.tracked = tracked

    def _rev(self, tag: str) -> etree._Element:
        return etree.Element(tag, {W_ID: self.ids.next(), w("author"): self.author,
                                   w("date"): self.stamp})

    def apply(self, e: Edit) -> None:
        index = self.index
        runs = [piece for r in index.runs_in(e.start, e.end) for piece in _isolate_text(r)]
        joins = index.separators_in(e.start, e.end)
        para = index.para_at(e.start)
        assert para is not None
        where, anchor = "", para.elem
        if runs:
            fmt_run: etree._Element | None = runs[0]
        else:
            where, anchor, fmt_run = index.insertion_point(e.start)
        new_run = _text_run(e.replacement, fmt_run, para.elem) if e.replacement else None

        if self.tracked:
            last: etree._Element | None = None
            for r in runs:
                last = self._delete_tracked(r, last)
            if new_run is not None:
                ins = self._rev(W_INS)
                ins.append(new_run)
                if last is not None:
                    _insert_after_outside_revision(last, ins, self.ids)
                else:
                    _place(where, anchor, ins, self.ids)
            for p in reversed(joins):
                self._join_tracked(p)
        else:
            if new_run is not None and fmt_run is not None:
                self.family[new_run] = self.family.get(fmt_run, fmt_run)
            if new_run is not None:
                if runs:
                    runs[0].addprevious(new_run)
                else:
                    _place(where, anchor, new_run, None)
            for r in runs:
                for c in _text_children(r) + [c for c in r if c.tag in DISPOSABLE]:
                    r.remove(c)
                if all(c.tag == W_RPR for c in r):
                    r.getparent().remove(r)
            for p in reversed(joins):
                _join_clean(p, index.paras[p.index + 1])

    def _delete_tracked(self, r: etree._Element, last: etree._Element | None) -> etree._Element:
        for c in r:
            if c.tag == W_T:
                c.tag = W_DELTEXT
            elif c.tag == W_INSTR:
                c.tag = W_DELINSTR
        prev = r.getprevious()
        if last is not None and prev is last and last.tag == W_DEL:
            last.append(r)
            return last
        d = self._rev(W_DEL)
        r.addprevious(d)
        d.append(r)
        return d

    def _join_tracked(self, p: Para) -> None:
        ppr = _ensure_ppr(p.elem)
        rpr = ppr.find(W_RPR)
        if rpr is None:
            rpr = etree.Element(W_RPR)
            _insert_ppr_child(ppr, rpr)
        mark = self._rev(W_DEL)
        ins = rpr.find(W_INS)
        if ins is not None:
            ins.addnext(mark)
        else:
            rpr.insert(0, mark)
        # After acceptance the joined text must keep the first paragraph's formatting even
        # where the application keeps the second mark's properties: record a tracked
        # paragraph-property change on the second paragraph when the two differ.
        nxt = self.index.paras[p.index + 1].elem
        first, second = _ppr_core(p.elem), _ppr_core(nxt)
        if _xml(first) != _xml(second) and (
            nxt.find(W_PPR) is None or nxt.find(W_PPR).find(W_PPRCHANGE) is None
        ):
            nppr = _ensure_ppr(nxt)
            old = etree.Element(W_PPR)
            for c in _core_children(nppr):
                old.append(copy.deepcopy(c))
            for c in _core_children(nppr):
                nppr.remove(c)
            for i, c in enumerate(_core_children(first) if first is not None else []):
                nppr.insert(i, copy.deepcopy(c))
            change = self._rev(W_PPRCHANGE)
            change.append(old)
            nppr.append(change)


def _place(where: str, anchor: etree._Element, new: etree._Element,
           ids: _IdCounter | None) -> None:
    if where == "after":
        if ids is not None:
            _insert_after_outside_revision(anchor, new, ids)
        else:
            anchor.addnext(new)
    elif where == "before":
        anchor.addprevious(new)
    else:  # append to a paragraph
        anchor.append(new)


def _insert_after_outside_revision(x: etree._Element, new: etree._Element,
                                   ids: _IdCounter) -> None:
    """Insert `new` (a w:ins) after `x`; if `x` sits inside someone's w:ins/w:moveTo, split
    that revision so our insertion is not nested in theirs."""
    parent = x.getparent()
    if parent is None or parent.tag not in (W_INS, W_MOVETO):
        x.addnext(new)
        return
    following = list(x.itersiblings())
    if following:
        tail = parent.makeelement(parent.tag, dict(parent.attrib))
        tail.set(W_ID, ids.next())
        for c in following:
            tail.append(c)
        parent.addnext(tail)
    parent.addnext(new)


def _ensure_ppr(p: etree._Element) -> etree._Element:
    ppr = p.find(W_PPR)
    if ppr is None:
        ppr = etree.Element(W_PPR)
        p.insert(0, ppr)
    return ppr


_PPR_TAIL = (W_RPR, W_SECTPR, W_PPRCHANGE)  # the last children of w:pPr, in this order


def _insert_ppr_child(ppr: etree._Element, child: etree._Element) -> None:
    order = _PPR_TAIL.index(child.tag)
    for i, c in enumerate(ppr):
        if c.tag in _PPR_TAIL and _PPR_TAIL.index(c.tag) > order:
            ppr.insert(i, child)
            return
    ppr.append(child)


def _core_children(ppr: etree._Element | None) -> list[etree._Element]:
    if ppr is None:
        return []
    return [c for c in ppr if c.tag not in _PPR_TAIL]


def _ppr_core(p: etree._Element) -> etree._Element | None:
    ppr = p.find(W_PPR)
    return ppr if ppr is not None and _core_children(ppr) else None


def _xml(el: etree._Element | None) -> bytes:
    if el is None:
        return b""
    return b"".join(etree.tostring(c) for c in _core_children(el))


def _join_clean(p: Para, nxt: Para) -> None:
    """Move the next paragraph's content into `p` (which keeps its properties)."""
    first, second = p.elem, nxt.elem
    sppr = second.find(W_PPR)
    for c in list(second):
        if c is not sppr:
            first.append(c)
    # A section break carried by the second paragraph must survive the join.
    if sppr is not None and sppr.find(W_SECTPR) is not None:
        fppr = _ensure_ppr(first)
        old = fppr.find(W_SECTPR)
        if old is not None:
            fppr.remove(old)
        _insert_ppr_child(fppr, sppr.find(W_SECTPR))
    second.getparent().remove(second)


# --- comments ------------------------------------------------------------------------------


def _anchor_comment(index: _Index, start: int, end: int, cid: str) -> None:
    rs = etree.Element(w("commentRangeStart"), {W_ID: cid})
    re_ = etree.Element(w("commentRangeEnd"), {W_ID: cid})
    ref = etree.Element(W_R)
    etree.SubElement(ref, w("commentReference"), {W_ID: cid})
    runs = index.runs_in(start, end)
    if runs:
        runs[0].addprevious(rs)
        runs[-1].addnext(re_)
        re_.addnext(ref)
        return
    where, anchor, _ = index.insertion_point(start)
    if where == "after":
        anchor.addnext(rs)
        rs.addnext(re_)
        re_.addnext(ref)
    elif where == "before":
        anchor.addprevious(rs)
        anchor.addprevious(re_)
        anchor.addprevious(ref)
    else:
        anchor.extend([rs, re_, ref])


def _comment(cid: str, message: str, author: str, stamp: str) -> etree._Element:
    c = etree.Element(w("comment"), {W_ID: cid, w("author"): author, w("date"): stamp,
                                     w("initials"): (author[:2] or "PR")})
    p = etree.SubElement(c, W_P)
    etree.SubElement(etree.SubElement(p, W_R), w("annotationRef"))
    r = etree.SubElement(p, W_R)
    _append_t(r, message)
    return c


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def _comment_parts(z: SafeZip, main: str, comments: list[etree._Element]) -> dict[str, bytes]:
    folder = posixpath.dirname(main)
    rels_name = _rels_name(main)
    if rels_name in z.names:
        rels_tree = z.parse(rels_name)
    else:
        rels_tree = etree.ElementTree(etree.Element(f"{{{REL_NS}}}Relationships",
                                                    nsmap={None: REL_NS}))
    rels = rels_tree.getroot()
    out: dict[str, bytes] = {}
    existing = None
    for rel in rels.iter(f"{{{REL_NS}}}Relationship"):
        if rel.get("Type") == COMMENTS_REL and rel.get("TargetMode") != "External":
            target = posixpath.normpath(posixpath.join(folder, rel.get("Target", "")))
            if rel.get("Target", "").startswith("/"):
                target = rel.get("Target", "").lstrip("/")
            if target in z.names:
                existing = target
                break
    if existing is not None:
        ctree = z.parse(existing)
        croot = ctree.getroot()
        croot.extend(comments)
        out[existing] = _serialize(ctree, z.read(existing))
        return out
    name = posixpath.join(folder, "comments.xml")
    n = 1
    while name in z.names:
        name = posixpath.join(folder, f"comments{n}.xml")
        n += 1
    croot = etree.Element(w("comments"), nsmap={"w": W_NS})
    croot.extend(comments)
    out[name] = _serialize(etree.ElementTree(croot))
    taken = {rel.get("Id") for rel in rels}
    k = 1
    while f"rId{k}" in taken:
        k += 1
    etree.SubElement(rels, f"{{{REL_NS}}}Relationship", {
        "Id": f"rId{k}", "Type": COMMENTS_REL, "Target": posixpath.relpath(name, folder or "."),
    })
    out[rels_name] = _serialize(
        rels_tree, z.read(rels_name) if rels_name in z.names else None
    )
    ct_tree = z.parse("[Content_Types].xml")
    ct = ct_tree.getroot()
    etree.SubElement(ct, f"{{{CT_NS}}}Override",
                     {"PartName": "/" + name, "ContentType": COMMENTS_CT})
    out["[Content_Types].xml"] = _serialize(ct_tree, z.read("[Content_Types].xml"))
    return out


# --- packaging -------------------------------------------------------------------------------


STANDARD_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'


def _serialize(tree: etree._ElementTree, original: bytes | None = None) -> bytes:
    """UTF-8 XML, reusing the original part's declaration byte for byte (Word writes
    double quotes and CRLF; lxml's own declaration differs)."""
    body = etree.tostring(tree, xml_declaration=False, encoding="UTF-8")
    declaration = STANDARD_DECLARATION
    if original is not None and original.startswith(b"<?xml"):
        end = original.find(b"?>")
        head = original[: end + 2]
        if end > 0 and (b"encoding" not in head or b"utf-8" in head.lower()):
            rest = original[end + 2 :]
            declaration = head + rest[: len(rest) - len(rest.lstrip(b"\r\n \t"))]
    return declaration + body


def _repack(z: SafeZip, parts: dict[str, bytes]) -> bytes:
    """A new package: changed parts replaced, new parts appended, the rest copied as is."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in z.infos:
            data = parts.pop(info.filename, None)
            if data is None:
                data = z.read(info.filename)
            new = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            new.compress_type = info.compress_type
            new.external_attr = info.external_attr
            new.create_system = info.create_system
            out.writestr(new, data)
        for name, data in parts.items():
            new = zipfile.ZipInfo(name, date_time=datetime.now().timetuple()[:6])
            new.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(new, data)
    return buf.getvalue()

