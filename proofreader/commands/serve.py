"""`proofreader serve`: our checks over LanguageTool's HTTP API v2, for LanguageTool clients
(LibreOffice's remote LanguageTool setting, LTeX, browser add-ons, language-tool-python)."""

from __future__ import annotations

import argparse
import sys

from proofreader.commands._common import parse_size
from proofreader.languagetool.defaults import DEFAULT_HOST, DEFAULT_MAX_BODY, DEFAULT_PORT


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "serve",
        help="answer LanguageTool's HTTP API (/v2/check) with our checks",
        description="Serve our checks over LanguageTool's HTTP API v2 (POST /v2/check, "
        "GET /v2/languages, GET /v2/healthcheck). Point a LanguageTool client at "
        "http://HOST:PORT/ (language zh-CN). Binds to loopback unless --host says otherwise.",
    )
    p.add_argument("--host", default=DEFAULT_HOST, help=f"address to bind (default {DEFAULT_HOST})")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"default {DEFAULT_PORT}")
    p.add_argument(
        "--max-body",
        type=parse_size,
        default=DEFAULT_MAX_BODY,
        metavar="BYTES",
        help="refuse larger request bodies with HTTP 413 (default 1M; suffixes K, M)",
    )
    p.add_argument("--verbose", "-v", action="store_true", help="log every request to stderr")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from proofreader.languagetool.server import make_server  # http.server: only when serving

    try:
        server = make_server(args.host, args.port, args.max_body, quiet=not args.verbose)
    except OSError as e:
        print(
            f"proofreader: cannot listen on {args.host}:{args.port}: {e.strerror or e}",
            file=sys.stderr,
        )
        return 2
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(
            f"proofreader: warning: listening on {args.host}, not only this computer",
            file=sys.stderr,
        )
    print(f"proofreader: LanguageTool API at {server.url}v2/check (Ctrl+C stops)", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
