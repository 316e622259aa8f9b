"""`proofreader fix PATH...`: write corrected copies (safe fixes; unsafe ones on request).

Where the copies go: `--out DIR` (the folder structure below a named folder is kept),
`--in-place` (the draft is replaced, its old version kept as `name.ext.bak`), or by default
`name.corrected.ext` beside each draft. Every write is atomic, in the draft's own encoding,
BOM and line endings.
"""

from __future__ import annotations

import argparse
import codecs
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from proofreader.batch import FileResult
from proofreader.commands import fix_docx
from proofreader.commands._common import (
    add_batch_options,
    config_from_args,
    plural,
    run_batch,
)
from proofreader.engine import apply_findings
from proofreader.formats import expand_paths
from proofreader.formats.text import SaveError, corrected_name, save_text
from proofreader.model import Applicability, Finding


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "fix",
        help="write corrected copies of drafts",
        description="Apply fixes and write corrected copies in the original encoding and line "
        "endings. Exit code: 0 nothing left to look at, 1 findings left without an applied fix, "
        "2 a file could not be checked or written.",
    )
    add_batch_options(p)
    where = p.add_mutually_exclusive_group()
    where.add_argument("--out", metavar="DIR", help="write the corrected copies into DIR")
    where.add_argument(
        "--in-place",
        action="store_true",
        help="replace each draft, keeping the old one beside it as NAME.bak",
    )
    p.add_argument("--unsafe-fixes", action="store_true", help="also apply fixes that need a look")
    p.add_argument(
        "--encoding",
        type=_codec,
        metavar="CODEC",
        help="write text copies in this encoding (e.g. utf-8) instead of the draft's own",
    )
    fix_docx.add_arguments(p)  # --track-changes, --author
    p.set_defaults(handler=run)


@dataclass
class Target:
    path: Path
    shown: str
    rel: Path  # where it goes below --out


def _targets(args: argparse.Namespace) -> list[Target]:
    out: list[Target] = []
    for arg in args.paths:
        folder = Path(arg) if Path(arg).is_dir() else None
        for path, shown in expand_paths([arg], include=args.include, exclude=args.exclude):
            rel = path.relative_to(folder) if folder is not None else Path(path.name)
            out.append(Target(path, shown, rel))
    return out


def chosen_fixes(findings: Sequence[Finding], unsafe: bool) -> list[Finding]:
    allowed = {Applicability.SAFE} | ({Applicability.UNSAFE} if unsafe else set())
    return [f for f in findings if f.fixable and f.applicability in allowed]


# Writers by document format: (result, new text, target, in_place) -> note for the user.
Writer = Callable[[FileResult, str, Path, bool], str]


def _write_text(
    result: FileResult, new_text: str, target: Path, in_place: bool, encoding: str | None = None
) -> str:
    assert result.document is not None
    saved = save_text(
        result.document, new_text, target, overwrite_original=in_place, encoding=encoding
    )
    notes = [f"→ {saved.path}"]
    if saved.backup is not None:
        notes.append(f"(backup {saved.backup.name})")
    if saved.note:
        notes.append(f"({saved.note})")
    if encoding is not None:
        notes.append(f"({saved.encoding})")
    return " ".join(notes)


WRITERS: dict[str, Writer] = {"txt": _write_text, "md": _write_text}


def _writers(args: argparse.Namespace) -> dict[str, Writer]:
    writers = {**WRITERS, "docx": fix_docx.docx_writer(args)}
    if args.encoding:
        for fmt in ("txt", "md"):
            writers[fmt] = partial(_write_text, encoding=args.encoding)
    return writers


def _codec(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {name!r}") from None


def run(args: argparse.Namespace) -> int:
    config = config_from_args(args)
    targets = _targets(args)
    results = run_batch(args, config, [(t.path, t.shown) for t in targets])
    out_dir = Path(args.out) if args.out else None
    writers = _writers(args)
    code = 0
    for t, r in zip(targets, results, strict=True):
        if not r.ok or r.document is None:
            print(f"{r.path}: error: {r.error}", file=sys.stderr)
            code = 2
            continue
        fixes = chosen_fixes(r.findings, args.unsafe_fixes)
        fixed = apply_findings(r.document.text, fixes)
        left = len(r.findings) - len(fixed.applied)
        changed = fixed.text != r.document.text
        if args.in_place:
            dest = t.path
        elif out_dir is not None:
            dest = out_dir / t.rel
        else:
            dest = corrected_name(t.path)
        # --out gets a complete set of copies; beside the draft or in place, only changes.
        if not changed and out_dir is None:
            print(
                f"{r.path}: nothing to fix" + (f", {left} left to review" if left else ""),
                file=sys.stderr,
            )
            code = max(code, 1 if left else 0)
            continue
        writer = writers.get(r.document.format)
        if writer is None:
            print(
                f"{r.path}: error: cannot write corrected {r.document.format} files",
                file=sys.stderr,
            )
            code = 2
            continue
        try:
            if out_dir is not None:
                dest.parent.mkdir(parents=True, exist_ok=True)
            note = writer(r, fixed.text, dest, args.in_place)
        except (SaveError, OSError) as e:
            reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
            print(f"{r.path}: error: {reason}", file=sys.stderr)
            code = 2
            continue
        print(
            f"{r.path}: {plural(len(fixed.applied), 'fix')} applied"
            + (f", {left} left to review" if left else "")
            + f" {note}",
            file=sys.stderr,
        )
        code = max(code, 1 if left else 0)
    return code
