"""What `check` and `fix` share: options, the Config they make, the batch with a progress bar."""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from proofreader.batch import FileResult, check_targets
from proofreader.config import DEFAULT_MAX_FILE_SIZE, Config
from proofreader.formats import expand_paths


def add_batch_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="draft files or folders (searched recursively)"
    )
    parser.add_argument(
        "--select",
        action="append",
        default=[],
        metavar="RULES",
        help="only these rules or categories (comma-separated ids, repeatable)",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="RULES",
        help="skip these rules or categories (comma-separated ids, repeatable)",
    )
    parser.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=1,
        metavar="N",
        help="check files in N processes (0: one per CPU)",
    )
    parser.add_argument(
        "--max-size",
        type=parse_size,
        default=DEFAULT_MAX_FILE_SIZE,
        metavar="BYTES",
        help="skip files larger than this, with an error (default 20MB; suffixes K, M)",
    )
    parser.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of messages")
    parser.add_argument(
        "--include",
        action="append",
        default=[],
        metavar="GLOB",
        help="in folders, only files matching GLOB (repeatable)",
    )
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="in folders, skip files and folders matching GLOB (repeatable)",
    )


def parse_size(value: str) -> int:
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kKmMgG]?)[bB]?\s*", value)
    if not m:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (e.g. 20000000, 500K, 20MB)")
    factor = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[m.group(2).lower()]
    size = int(float(m.group(1)) * factor)
    if size <= 0:
        raise argparse.ArgumentTypeError("the size limit must be positive")
    return size


def split_ids(values: Sequence[str]) -> set[str]:
    return {part.strip() for v in values for part in v.split(",") if part.strip()}


def config_from_args(args: argparse.Namespace) -> Config:
    config = Config(
        select=split_ids(args.select),
        ignore=split_ids(args.ignore),
        lang=args.lang,
        max_file_size=args.max_size,
    )
    _warn_unknown_rules(config.select | config.ignore)
    return config


def _warn_unknown_rules(ids: set[str]) -> None:
    from proofreader.model import Category
    from proofreader.rules import ALL_RULES

    known = {r.id for r in ALL_RULES} | {str(c) for c in Category}
    for rule_id in sorted(ids - known):
        if ":" not in rule_id:  # namespaced ids (languagetool:…) come from optional checkers
            print(f"proofreader: warning: unknown rule or category {rule_id!r}", file=sys.stderr)


def jobs_from_args(args: argparse.Namespace) -> int:
    return args.jobs if args.jobs > 0 else (os.cpu_count() or 1)


def targets_from_args(args: argparse.Namespace) -> list[tuple[Path, str]]:
    return expand_paths(args.paths, include=args.include, exclude=args.exclude)


def run_batch(
    args: argparse.Namespace, config: Config, targets: Sequence[tuple[Path, str]] | None = None
) -> list[FileResult]:
    """Check the named paths; a progress bar on stderr when a folder is checked on a terminal."""
    if targets is None:
        targets = targets_from_args(args)
    show = len(targets) > 1 and any(Path(p).is_dir() for p in args.paths) and _is_tty(sys.stderr)
    bar = ProgressBar(sys.stderr) if show else None
    try:
        return check_targets(
            targets, config, bar.update if bar else None, jobs=jobs_from_args(args)
        )
    finally:
        if bar is not None:
            bar.close()


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def use_color(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return _is_tty(stream)


class ProgressBar:
    """A one-line bar redrawn in place: `[#####     ] 12/40 drafts/page3.txt`."""

    WIDTH = 30

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.drawn = False

    def update(self, done: int, total: int, result: FileResult) -> None:
        filled = self.WIDTH * done // max(total, 1)
        name = result.path if len(result.path) <= 40 else "…" + result.path[-39:]
        line = f"[{'#' * filled}{' ' * (self.WIDTH - filled)}] {done}/{total} {name}"
        self.stream.write("\r\x1b[2K" + line)
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}{'es' if word.endswith(('s', 'x')) else 's'}"
