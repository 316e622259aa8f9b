"""Refresh the UI translation catalogue and compile it.

    .venv/bin/python tools/update_translations.py [--fill more.json] [--check]

1. `pyside6-lupdate ui/*.py` collects every `self.tr(...)` / `QCoreApplication.translate(...)`
   string into resources/i18n/proofreader_zh_CN.ts (translations already there are kept);
2. strings lupdate could not place in a class (e.g. `tr = self.tr; tr("…")`) are moved to the
   class that encloses them, which is the context `self.tr` uses at run time, and strings it
   missed altogether (`self.tr('…')` inside an f-string) are added from a scan of the AST;
3. `--fill FILE` adds translations from a JSON object {"Context|source": "译文"} (a context
   of `*` matches any context); numerus strings take one form in Chinese;
4. `pyside6-lrelease` compiles the .qm that the app loads (committed, so no build step).

Prints the strings still untranslated; `--check` exits 1 if there are any.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "proofreader_zh_CN.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    local = BIN / f"pyside6-{name}"
    return str(local) if local.exists() else f"pyside6-{name}"


def translations(root: ET.Element) -> dict[tuple[str, str], list[str]]:
    """Finished translations by (context, source); a numerus message has several forms."""
    out: dict[tuple[str, str], list[str]] = {}
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            forms = [f.text or "" for f in tr.iter("numerusform")] or [tr.text or ""]
            if any(forms):
                out[(name, msg.findtext("source") or "")] = forms
    return out


@cache
def _classes(path: Path) -> list[tuple[int, int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [(n.lineno, n.end_lineno or n.lineno, n.name)
            for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]


def enclosing_class(ts_dir: Path, msg: ET.Element) -> str | None:
    loc = msg.find("location")
    if loc is None:
        return None
    path = (ts_dir / loc.get("filename", "")).resolve()
    line = int(loc.get("line", "0"))
    inside = [(start, name) for start, end, name in _classes(path) if start <= line <= end]
    return max(inside)[1] if inside else None


def place_orphans(root: ET.Element, ts_dir: Path) -> None:
    contexts = {ctx.findtext("name") or "": ctx for ctx in root.iter("context")}
    orphan = contexts.get("")
    if orphan is None:
        return
    for msg in list(orphan.iter("message")):
        cls = enclosing_class(ts_dir, msg)
        if cls is None:
            continue
        target = contexts.get(cls)
        if target is None:
            target = ET.SubElement(root, "context")
            ET.SubElement(target, "name").text = cls
            contexts[cls] = target
        orphan.remove(msg)
        source = msg.findtext("source")
        if not any(m.findtext("source") == source for m in target.iter("message")):
            target.append(msg)
    if not list(orphan.iter("message")):
        root.remove(orphan)


def source_strings(path: Path) -> list[tuple[str, str, int, bool]]:
    """(context, source, line, numerus) of every translatable literal in a module.

    Catches what lupdate's Python parser misses: `self.tr('…')` inside an f-string, and
    `tr = self.tr; tr('…')`. The context of `tr(...)` is the enclosing class (what self.tr
    uses at run time); `QCoreApplication.translate(ctx, '…')` names its own.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[str, str, int, bool]] = []

    def literal(node: ast.AST | None) -> str | None:
        is_str = isinstance(node, ast.Constant) and isinstance(node.value, str)
        return node.value if is_str else None

    def visit(node: ast.AST, cls: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name)
                continue
            if isinstance(child, ast.Call):
                func = child.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                args = child.args
                numerus = len(args) >= 3 or any(k.arg == "n" for k in child.keywords)
                if name == "tr" and args and literal(args[0]) is not None and cls:
                    found.append((cls, literal(args[0]), child.lineno, numerus))
                elif (name == "translate" and len(args) >= 2 and literal(args[0]) is not None
                      and literal(args[1]) is not None):
                    found.append((literal(args[0]), literal(args[1]), child.lineno,
                                  len(args) >= 4 or any(k.arg == "n" for k in child.keywords)))
            visit(child, cls)

    visit(tree, "")
    return found


def add_missing(root: ET.Element, ts_dir: Path, sources: list[Path]) -> None:
    """Add the strings lupdate missed (see source_strings) as unfinished messages."""
    contexts = {ctx.findtext("name") or "": ctx for ctx in root.iter("context")}
    have = {(name, m.findtext("source")) for name, ctx in contexts.items()
            for m in ctx.iter("message")}
    for path in sources:
        for cls, text, line, numerus in source_strings(path):
            if (cls, text) in have:
                continue
            have.add((cls, text))
            ctx = contexts.get(cls)
            if ctx is None:
                ctx = ET.SubElement(root, "context")
                ET.SubElement(ctx, "name").text = cls
                contexts[cls] = ctx
            msg = ET.SubElement(ctx, "message")
            if numerus:
                msg.set("numerus", "yes")
            rel = os.path.relpath(path, ts_dir)
            ET.SubElement(msg, "location", filename=rel, line=str(line))
            ET.SubElement(msg, "source").text = text
            ET.SubElement(msg, "translation", type="unfinished")


def set_translation(msg: ET.Element, forms: list[str]) -> None:
    tr = msg.find("translation")
    if tr is None:
        tr = ET.SubElement(msg, "translation")
    tr.attrib.pop("type", None)
    for child in list(tr):
        tr.remove(child)
    if msg.get("numerus") == "yes":
        tr.text = None
        ET.SubElement(tr, "numerusform").text = forms[0]
    else:
        tr.text = forms[0]


def apply(root: ET.Element, known: dict[tuple[str, str], list[str]],
          fill: dict[str, str]) -> list[tuple[str, str]]:
    by_source = {src: forms for (_ctx, src), forms in known.items()}
    missing = []
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            src = msg.findtext("source") or ""
            tr = msg.find("translation")
            done = tr is not None and tr.get("type") is None and (
                (tr.text or "").strip() or any((f.text or "") for f in tr.iter("numerusform")))
            new = fill.get(f"{name}|{src}") or fill.get(f"*|{src}")
            if new is not None:
                set_translation(msg, [new])
            elif not done and (name, src) in known:
                set_translation(msg, known[(name, src)])
            elif not done and src in by_source:  # the same words moved to another class
                set_translation(msg, by_source[src])
            elif not done:
                missing.append((name, src))
    return missing


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fill", type=Path, help="JSON {'Context|source': 'translation'}")
    ap.add_argument("--check", action="store_true", help="exit 1 if anything is untranslated")
    args = ap.parse_args()

    before = translations(ET.parse(TS).getroot()) if TS.exists() else {}
    TS.parent.mkdir(parents=True, exist_ok=True)
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").glob("*.py"))
    subprocess.run([tool("lupdate"), *sources, "-ts", str(TS.relative_to(ROOT)),
                    "-no-obsolete", "-silent"], cwd=ROOT, check=True)
    tree = ET.parse(TS)
    root = tree.getroot()
    root.set("language", "zh_CN")
    root.set("sourcelanguage", "en")
    place_orphans(root, TS.parent)
    add_missing(root, TS.parent, [ROOT / p for p in sources])
    fill = json.loads(args.fill.read_text(encoding="utf-8")) if args.fill else {}
    missing = apply(root, before, fill)
    ET.indent(tree, space="    ")
    body = ET.tostring(root, encoding="unicode")
    TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                  encoding="utf-8")
    subprocess.run([tool("lrelease"), "-silent", str(TS), "-qm", str(QM)], check=True)
    for name, src in missing:
        print(f"untranslated: {name}|{src}")
    total = sum(1 for _ in root.iter("message"))
    print(f"{TS.name}: {total} strings, {len(missing)} untranslated; wrote {QM.name}")
    return 1 if args.check and missing else 0


if __name__ == "__main__":
    sys.exit(main())
