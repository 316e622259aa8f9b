"""Suppression by rule and by exact text: per desk (.proofreader.toml, through Config) and
per document (the review sidecar's ignore list)."""

from __future__ import annotations

from pathlib import Path

from proofreader import style, suppress
from proofreader.config import Config
from proofreader.engine import Checker
from proofreader.formats import load
from proofreader.review import ReviewSession, sidecar_for

TEXT = "这个字的笔划很多，药品的成份要标清楚，笔划要写对。"


def spans(findings, text: str) -> list[tuple[str, str]]:
    return [(f.rule, f.text_in(text)) for f in findings]


def test_nothing_suppressed_by_default() -> None:
    assert spans(Checker().check_text(TEXT), TEXT) == [
        ("variant-form", "笔划"),
        ("variant-form", "成份"),
        ("variant-form", "笔划"),
    ]


def test_by_rule_and_exact_text() -> None:
    config = Config(suppressed={("variant-form", "笔划")})
    assert spans(Checker(config).check_text(TEXT), TEXT) == [("variant-form", "成份")]


def test_by_any_rule_and_by_category() -> None:
    assert spans(Checker(Config(suppressed={("*", "成份")})).check_text(TEXT), TEXT) == [
        ("variant-form", "笔划"),
        ("variant-form", "笔划"),
    ]
    assert (
        Checker(Config(suppressed={("wording", "笔划"), ("wording", "成份")})).check_text(TEXT)
        == []
    )


def test_other_rules_on_the_same_text_are_kept() -> None:
    config = Config(suppressed={("misused-word", "笔划")})
    assert len(Checker(config).check_text(TEXT)) == 3


def test_a_whole_rule_off_for_a_desk(tmp_path: Path) -> None:
    (tmp_path / ".proofreader.toml").write_text(
        '[ignore]\nrules = ["variant-form"]\ntexts = [{rule = "misused-word", text = "帐户"}]\n',
        encoding="utf-8",
    )
    draft = tmp_path / "page.txt"
    text = TEXT + "请把钱转入帐户，大家再接再励。"
    draft.write_text(text, encoding="utf-8")
    config = style.config_for(draft, config_dir=tmp_path / "none")
    assert spans(Checker(config).check_text(text), text) == [("misused-word", "再接再励")]


def test_document_ignore_list_from_the_review_sidecar(tmp_path: Path) -> None:
    draft = tmp_path / "page.txt"
    draft.write_text(TEXT, encoding="utf-8")
    assert suppress.document_entries(draft) == set()
    doc = load(draft)
    findings = Checker().check_text(doc.text)
    session = ReviewSession(doc, findings, editor="王编辑")
    session.ignore_text(findings[0])  # 笔划, everywhere in this draft
    assert sidecar_for(draft).exists()
    entries = suppress.document_entries(draft)
    assert entries == {("variant-form", "笔划")}
    kept = suppress.drop(Checker().check_text(doc.text), doc.text, entries)
    assert spans(kept, doc.text) == [("variant-form", "成份")]


def test_unreadable_sidecar_suppresses_nothing(tmp_path: Path) -> None:
    draft = tmp_path / "page.txt"
    draft.write_text(TEXT, encoding="utf-8")
    sidecar_for(draft).write_text("{not json", encoding="utf-8")
    assert suppress.document_entries(draft) == set()
    sidecar_for(draft).write_text('{"ignored": [{"rule": "x"}, 5]}', encoding="utf-8")
    assert suppress.document_entries(draft) == set()


def test_drop_without_entries_keeps_everything() -> None:
    found = Checker().check_text(TEXT)
    assert suppress.drop(found, TEXT, set()) == found
