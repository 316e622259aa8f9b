"""`proofreader check PATH...`: report findings like a compiler, or as JSON/CSV/HTML."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from proofreader.batch import FileResult, exit_code
from proofreader.commands._common import (
    add_batch_options,
    config_from_args,
    plural,
    run_batch,
    targets_from_args,
    use_color,
)
from proofreader.gcpause import gc_paused
from proofreader.model import Finding, Severity
from proofreader.textutil import LineIndex

FORMATS = ("text", "json", "csv", "html", "docx")
BINARY_FORMATS = frozenset({"docx"})  # never written to a terminal: they need -o


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "check",
        help="check drafts and report findings",
        description="Check drafts (.txt, .md, .docx) and folders. Exit code: 0 clean, "
        "1 findings, 2 a file could not be checked.",
    )
    add_batch_options(p)
    p.add_argument(
        "--format", "-f", choices=FORMATS, default="text", help="report format (default text)"
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write the report to FILE instead of stdout"
    )
    p.add_argument("--editor", metavar="NAME", help="the copy editor named in the report")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # 10^5 findings live until the report is written: the collector would walk them again
    # and again while they are built and reported, and free nothing
    if getattr(args, "exiting", False):
        gc.disable()  # a process that ends with this command (cli.run) never needs it
    with gc_paused():
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    if args.format in BINARY_FORMATS and not args.output:
        print(f"proofreader: --format {args.format} needs -o FILE", file=sys.stderr)
        return 2
    config = config_from_args(args)
    targets = targets_from_args(args)
    if args.output:  # a report written into a checked folder is not a draft
        out = os.path.abspath(args.output)
        targets = [t for t in targets if os.path.abspath(t[0]) != out]
    results = run_batch(args, config, targets)
    if args.format == "text":
        color = args.output is None and use_color(sys.stdout)
        data = format_text(results, lang=args.lang, color=color).encode("utf-8")
    else:
        from proofreader.exporters import EXPORTERS  # lazy: Jinja2 is only needed for html

        data = EXPORTERS[args.format].export(results, lang=args.lang, editor=args.editor)
    if args.output:
        from proofreader.io import atomic_write

        try:
            atomic_write(Path(args.output), data, backup=False)
        except OSError as e:
            print(f"proofreader: cannot write {args.output}: {e.strerror or e}", file=sys.stderr)
            return 2
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    print(summary(results), file=sys.stderr)
    from proofreader.languagetool.client import batch_status

    grammar = batch_status(results)
    if grammar is not None and not grammar.available:  # say once why grammar was skipped
        print(grammar.line(), file=sys.stderr)
    if getattr(args, "exiting", False):
        _HELD.append(results)  # freed with the process by cli.run's fast exit, not one by one
    return exit_code(results)


_HELD: list[object] = []


# --- text output --------------------------------------------------------------------------

_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_SEVERITY_COLOR = {
    Severity.ERROR: "\x1b[31m",
    Severity.WARNING: "\x1b[33m",
    Severity.INFO: "\x1b[36m",
}
_GREEN = "\x1b[32m"


def format_text(results: Sequence[FileResult], *, lang: str = "zh", color: bool = False) -> str:
    """`path:line:col: rule: message → suggestion`, one line per finding; errors as
    `path: error: reason`."""
    lines: list[str] = []
    for r in results:
        if not r.ok:
            path = f"{_BOLD}{r.path}{_RESET}" if color else r.path
            err = f"{_SEVERITY_COLOR[Severity.ERROR]}error{_RESET}" if color else "error"
            lines.append(f"{path}: {err}: {r.error}")
            continue
        text = r.document.text if r.document is not None else ""
        index = LineIndex(text)
        for f in r.findings:
            line, col = index.line_col(f.offset)
            lines.append(_finding_line(r.path, line, col, f, lang, color))
    return "".join(line + "\n" for line in lines)


def _finding_line(path: str, line: int, col: int, f: Finding, lang: str, color: bool) -> str:
    where = f"{path}:{line}:{col}"
    rule = f.rule
    msg = _visible(f.localized_message(lang))
    fix = ""
    if f.replacements:
        fix = f" → {show_replacement(f.replacements[0], lang)}"
    if color:
        where = f"{_BOLD}{where}{_RESET}"
        rule = f"{_SEVERITY_COLOR.get(f.severity, '')}{rule}{_RESET}"
        if fix:
            fix = f" → {_GREEN}{show_replacement(f.replacements[0], lang)}{_RESET}"
    return f"{where}: {rule}: {msg}{fix}"


def show_replacement(rep: str, lang: str = "zh") -> str:
    if rep == "":
        return "(delete)" if lang == "en" else "（删除）"
    return _visible(rep)


def _visible(s: str) -> str:
    """Keep one finding on one line: line breaks and tabs shown as escapes."""
    return s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")


def summary(results: Sequence[FileResult]) -> str:
    findings = sum(len(r.findings) for r in results if r.ok)
    failed = sum(1 for r in results if not r.ok)
    text = f"{plural(findings, 'finding')} in {plural(len(results), 'file')}"
    if failed:
        text += f"; {failed} could not be checked"
    return text
