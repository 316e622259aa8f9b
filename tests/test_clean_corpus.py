"""Correct prose must check clean: precision first, editors abandon a tool that cries wolf.

Two corpora: our own newspaper articles (tests/fixtures/clean/, rich in legitimate
reduplication, nested and multi-paragraph quotations, headlines, bylines, numbers and
URLs) and 834 correct sentences by native writers (shared/corpus, FCGEC).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from proofreader.engine import Checker
from proofreader.model import Finding

ROOT = Path(__file__).resolve().parent.parent
CLEAN = ROOT / "tests" / "fixtures" / "clean"
FCGEC = ROOT.parent / "shared" / "corpus" / "fcgec-correct-sentences.txt"


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


def describe(text: str, findings: list[Finding]) -> str:
    lines = []
    for f in findings:
        context = text[max(0, f.offset - 12) : f.end + 12].replace("\n", "⏎")
        lines.append(f"  {f.rule} [{f.category}] {f.text_in(text)!r} at {f.offset}: …{context}…")
    return "\n".join(lines)


def test_the_corpus_is_big_enough() -> None:
    body = (CLEAN / "paragraphs.txt").read_text(encoding="utf-8").splitlines()
    assert len([p for p in body if p.strip()]) >= 60
    assert len(sorted(CLEAN.glob("[0-9]*.txt"))) >= 5


@pytest.mark.parametrize("path", sorted(CLEAN.glob("*.txt")), ids=lambda p: p.name)
def test_clean_file(path: Path, checker: Checker) -> None:
    text = path.read_text(encoding="utf-8")
    findings = checker.check_text(text)
    assert not findings, f"false alarms in {path.name}:\n{describe(text, findings)}"


@pytest.mark.skipif(not FCGEC.exists(), reason="shared/corpus not present")
def test_fcgec_correct_sentences(checker: Checker) -> None:
    sentences = [s for s in FCGEC.read_text(encoding="utf-8").splitlines() if s.strip()]
    assert len(sentences) > 800
    report = []
    for n, sentence in enumerate(sentences, 1):
        findings = checker.check_text(sentence)
        if findings:
            report.append(f"line {n}:\n{describe(sentence, findings)}")
    summary = f"{len(report)} of {len(sentences)} correct sentences flagged:"
    assert not report, "\n".join([summary, *report])
