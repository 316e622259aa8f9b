"""The `proofreader` command line: a small main that registers one subcommand per module.

Each module in COMMANDS exposes `register(subparsers)`, which adds its parser and sets a
`handler(args) -> int` default. Add a subcommand by adding its module to the list.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

import proofreader

COMMANDS = [
    "proofreader.commands.check",
    "proofreader.commands.fix",
    "proofreader.commands.rules",
    "proofreader.commands.serve",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="proofreader",
        description="Proofing for Chinese newspaper copy: check drafts, fix them, list the rules.",
    )
    parser.add_argument(
        "--version", action="version", version=f"proofreader {proofreader.__version__}"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(handler(args))
    except KeyboardInterrupt:
        print("proofreader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `proofreader check … | head`: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
