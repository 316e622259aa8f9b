"""Every rule's documented examples run as tests; a rule without examples fails the build."""

from __future__ import annotations

import pytest

from proofreader.config import Config
from proofreader.engine import Checker, apply_findings
from proofreader.rules import ALL_RULES

CASES = [(rule, ex) for rule in ALL_RULES for ex in rule.examples]


def _id(case) -> str:
    rule, ex = case
    return f"{rule.id}-{'bad' if ex.bad else 'good'}-{ex.text[:12]}"


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.id)
def test_rule_is_documented(rule):
    assert rule.id and rule.id == rule.id.lower() and " " not in rule.id
    assert rule.name and rule.name_en and rule.description.strip()
    assert any(e.bad for e in rule.examples), f"{rule.id} has no bad example"
    assert any(not e.bad for e in rule.examples), f"{rule.id} has no good example"


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_rule_example(case):
    rule, ex = case
    # A rule that needs settings to act (the house style sheet) provides them; select= runs
    # rules that are off by default too (their examples must hold as well).
    config = rule.example_config() if hasattr(rule, "example_config") else Config()
    config.select = {rule.id}
    findings = Checker(config, rules=[rule]).check_text(ex.text)
    if not ex.bad:
        assert findings == [], [(f.text_in(ex.text), f.message) for f in findings]
        return
    hits = [f for f in findings if f.text_in(ex.text) == ex.span]
    assert hits, f"expected a finding on {ex.span!r}, got {[f.text_in(ex.text) for f in findings]}"
    if ex.fixed is None:
        assert not hits[0].replacements
    else:
        assert apply_findings(ex.text, hits[:1]).text == ex.fixed
