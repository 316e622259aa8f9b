"""Accuracy on the real sample page against its gold file (shared/samples), scored with the
benchmark's own matching logic (shared/bench/score.py): a finding matches a gold error of
its category when it overlaps the gold span widened by one character; findings on neutral
zones count neither way.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from proofreader.engine import Checker
from proofreader.model import Finding
from proofreader.rules import duplicate, fragment, punctuation, quote, script

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "resources" / "samples" / "jiaxing-daily-pinghu-page.txt"
GOLD = SHARED / "samples" / "jiaxing-daily-pinghu-page.gold.json"
SCORER = SHARED / "bench" / "score.py"
FCGEC = SHARED / "corpus" / "fcgec-correct-sentences.txt"

needs_shared = pytest.mark.skipif(
    not (GOLD.exists() and SCORER.exists()), reason="../shared (gold and scorer) not present"
)

# The categories of the duplicate, punctuation and script rule families.
MINE = ["duplicate", "punctuation", "script"]
MY_RULES = duplicate.RULES + punctuation.RULES + script.RULES


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("proofreader_bench_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _report(findings: list[Finding]) -> dict:
    return {
        "files": [
            {
                "path": SAMPLE.name,
                "findings": [
                    {
                        "rule": f.rule,
                        "category": str(f.category),
                        "offset": f.offset,
                        "length": f.length,
                        "replacements": list(f.replacements),
                    }
                    for f in findings
                ],
            }
        ]
    }


@pytest.fixture(scope="module")
def sample_findings() -> list[Finding]:
    return Checker().check_text(SAMPLE.read_text(encoding="utf-8"))


@needs_shared
def test_sample_is_the_gold_text() -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    text = SAMPLE.read_text(encoding="utf-8")
    assert gold["file"] == SAMPLE.name and gold["length"] == len(text)
    assert (SHARED / "samples" / SAMPLE.name).read_text(encoding="utf-8") == text


@needs_shared
@pytest.mark.parametrize("category", MINE)
def test_sample_page_scores_perfectly(category: str, sample_findings: list[Finding]) -> None:
    sc = _scorer()
    golds = sc.load_gold([GOLD])
    out, missing, details = sc.score(_report(sample_findings), golds, [category])
    s = out[category]
    problems = [d for d in details if d[2] == category]
    assert not missing
    assert s["fn"] == 0 and s["fp"] == 0, problems
    assert s["tp"] == sum(e["category"] == category for e in golds[SAMPLE.name]["errors"])
    assert s["fix_accuracy"] == 1.0


@needs_shared
def test_every_gold_error_of_mine_is_found_with_its_fix(sample_findings: list[Finding]) -> None:
    """The same, spelled out per error: a finding of the category over the error whose
    replacement turns the text into the gold correction."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    text = SAMPLE.read_text(encoding="utf-8")
    errors = [e for e in gold["errors"] if e["category"] in MINE]
    assert len(errors) == 222  # 220 punctuation, 1 duplicate, 1 script
    for e in errors:
        want = text[: e["offset"]] + e["replacement"] + text[e["offset"] + e["length"] :]
        hits = [
            f
            for f in sample_findings
            if str(f.category) == e["category"]
            and f.offset < e["offset"] + e["length"] + 1
            and e["offset"] - 1 < f.end
        ]
        assert hits, e
        assert any(
            text[: f.offset] + r + text[f.end :] == want for f in hits for r in f.replacements
        ), (e, [(f.rule, f.offset, f.replacements) for f in hits])


@pytest.mark.skipif(not FCGEC.exists(), reason="../shared/corpus not present")
def test_fcgec_correct_sentences_are_clean_for_my_rules() -> None:
    checker = Checker(rules=MY_RULES)
    flagged = []
    for n, line in enumerate(FCGEC.read_text(encoding="utf-8").splitlines(), 1):
        for f in checker.check_text(line):
            flagged.append((n, f.rule, f.text_in(line), line[max(0, f.offset - 8) : f.end + 8]))
    assert flagged == []


# --- quote and fragment families -------------------------------------------------------------

QUOTE_FRAGMENT = ["quote", "fragment"]
QUOTE_FRAGMENT_RULES = quote.RULES + fragment.RULES


@needs_shared
@pytest.mark.parametrize("category", QUOTE_FRAGMENT)
def test_sample_page_scores_perfectly_for_quote_and_fragment(
    category: str, sample_findings: list[Finding]
) -> None:
    sc = _scorer()
    golds = sc.load_gold([GOLD])
    out, missing, details = sc.score(_report(sample_findings), golds, [category])
    s = out[category]
    assert not missing
    assert s["fn"] == 0 and s["fp"] == 0, [d for d in details if d[2] == category]
    assert s["tp"] == sum(e["category"] == category for e in golds[SAMPLE.name]["errors"])
    assert s["fix_accuracy"] == 1.0


@needs_shared
def test_every_quote_and_fragment_gold_error_is_found_with_its_fix(
    sample_findings: list[Finding],
) -> None:
    """Per gold error: a finding of the category over it (the span widened by one character)
    whose replacement gives the gold correction; for a truncated paragraph (no_fix), no
    replacement at all. And no other finding of these categories outside neutral zones."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    text = SAMPLE.read_text(encoding="utf-8")
    errors = [e for e in gold["errors"] if e["category"] in QUOTE_FRAGMENT]
    assert len(errors) == 7  # 4 cut paragraphs, 2 truncated ones, 1 reversed quotation mark

    def over(f: Finding, start: int, end: int) -> bool:
        f_end = max(f.end, f.offset + 1)
        return f.offset < max(end, start + 1) and start < f_end

    mine = [f for f in sample_findings if str(f.category) in QUOTE_FRAGMENT]
    matched: set[int] = set()
    for e in errors:
        hits = [
            f
            for f in mine
            if str(f.category) == e["category"]
            and over(f, e["offset"] - 1, e["offset"] + e["length"] + 1)
        ]
        assert hits, e
        matched.update(id(f) for f in hits)
        if e.get("no_fix"):
            assert not any(f.replacements for f in hits), (e, hits)
        else:
            want = text[: e["offset"]] + e["replacement"] + text[e["offset"] + e["length"] :]
            assert any(
                text[: f.offset] + r + text[f.end :] == want for f in hits for r in f.replacements
            ), (e, [(f.rule, f.offset, f.replacements) for f in hits])
    neutral = gold["neutral"]
    extra = [
        (f.rule, f.offset, f.text_in(text))
        for f in mine
        if id(f) not in matched
        and not any(
            n["category"] in (None, str(f.category))
            and over(f, n["offset"], n["offset"] + n["length"])
            for n in neutral
        )
    ]
    assert extra == []


@pytest.mark.skipif(not FCGEC.exists(), reason="../shared/corpus not present")
def test_fcgec_correct_sentences_are_clean_for_quote_and_fragment() -> None:
    checker = Checker(rules=QUOTE_FRAGMENT_RULES)
    flagged = []
    for n, line in enumerate(FCGEC.read_text(encoding="utf-8").splitlines(), 1):
        for f in checker.check_text(line):
            flagged.append((n, f.rule, f.text_in(line), line[max(0, f.offset - 8) : f.end + 8]))
    assert flagged == []
