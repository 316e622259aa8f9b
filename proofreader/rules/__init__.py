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

CORE_FAMILIES = [duplicate, quote, fragment, script, punctuation]  # issue 2's five families
FAMILIES = [*CORE_FAMILIES, variants, misused, terms, house_style, number, marks]  # + newsroom

ALL_RULES: list[type[Rule]] = [rule for family in FAMILIES for rule in family.RULES]

_BY_ID = {rule.id: rule for rule in ALL_RULES}


def get(rule_id: str) -> type[Rule]:
    return _BY_ID[rule_id]


def docs() -> list[RuleDoc]:
    return [RuleDoc.of(rule) for rule in ALL_RULES]


__all__ = [
    "ALL_RULES",
    "CORE_FAMILIES",
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
