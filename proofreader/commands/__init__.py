"""CLI subcommands: one module each, with `register(subparsers)` and a handler.

`proofreader/cli.py` lists the modules explicitly; a module's `register` adds its parser
and sets `handler=<function(args) -> exit code>` as the parser default.
"""
