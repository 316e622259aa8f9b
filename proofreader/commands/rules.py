"""`proofreader rules` lists the rules; `proofreader rule ID` prints one rule's page."""

from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "rules", help="list the rules", description="List every rule: id, category, name."
    )
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the names")
    p.set_defaults(handler=run_rules)

    p = subparsers.add_parser(
        "rule", help="explain one rule", description="Print a rule's page with examples."
    )
    p.add_argument("id", metavar="ID", help="rule id, as shown by `proofreader rules`")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the page")
    p.set_defaults(handler=run_rule)


def run_rules(args: argparse.Namespace) -> int:
    from proofreader.rules import ALL_RULES

    width = max((len(r.id) for r in ALL_RULES), default=0)
    cat_width = max((len(str(r.category)) for r in ALL_RULES), default=0)
    for r in ALL_RULES:
        name = r.name_en if args.lang == "en" else r.name
        flag = (
            ""
            if r.enabled_by_default
            else ("  (off by default)" if args.lang == "en" else "  （默认关闭）")
        )
        print(f"{r.id:<{width}}  {r.category!s:<{cat_width}}  {name}{flag}")
    return 0


def run_rule(args: argparse.Namespace) -> int:
    from proofreader.rules import ALL_RULES, get

    try:
        rule = get(args.id)
    except KeyError:
        close = [r.id for r in ALL_RULES if args.id in r.id or r.id in args.id]
        hint = f" (did you mean: {', '.join(close)}?)" if close else " (see `proofreader rules`)"
        print(f"proofreader: unknown rule {args.id!r}{hint}", file=sys.stderr)
        return 2
    print(rule.page(args.lang))
    return 0
