"""The `proofreader` command line: a small main that registers one subcommand per module.

Each module in COMMANDS exposes `register(subparsers)`, which adds its parser and sets a
`handler(args) -> int` default. Add a subcommand by adding its module to the list.
"""

from __future__ import annotations

import argparse
import contextlib
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


def main(argv: Sequence[str] | None = None, *, exiting: bool = False) -> int:
    """Run one command. `exiting`: the process ends right after (the console script), so
    a command may skip work that only a long-lived caller needs (see `run`)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    args.exiting = exiting
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


def run() -> None:
    """The console script: `main`, then a fast exit. Tearing down a process that holds
    10^5 findings, jieba's dictionary and every module object by object takes ~0.2 s that
    nobody waits for; the output is flushed first (a report file is already written,
    synced and closed by then). Exceptions, --help and argument errors exit normally."""
    code = main(exiting=True)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing to say
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
