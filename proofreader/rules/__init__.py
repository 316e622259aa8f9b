"""The explicit list of rule families. A rule's id is stable: reports and settings use it."""

from __future__ import annotations

from proofreader.rules import (
    duplicate,
    fragment,
    house_style,
    marks,
    misused,
    number,
    punctuation,
    quote,
    script,
    terms,
    variants,
)
from proofreader.rules.base import CheckContext, Example, Rule, RuleDoc, bad, good

FAMILIES = [duplicate, quote, fragment, script, punctuation]
FAMILIES += [variants, misused, terms, house_style, number, marks]  # newsroom rules (issue 6)

ALL_RULES: list[type[Rule]] = [rule for family in FAMILIES for rule in family.RULES]

_BY_ID = {rule.id: rule for rule in ALL_RULES}


def get(rule_id: str) -> type[Rule]:
    return _BY_ID[rule_id]


def docs() -> list[RuleDoc]:
    return [RuleDoc.of(rule) for rule in ALL_RULES]


__all__ = [
    "ALL_RULES",
    "FAMILIES",
    "CheckContext",
    "Example",
    "Rule",
    "RuleDoc",
    "bad",
    "docs",
    "get",
    "good",
]
