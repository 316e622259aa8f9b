"""Review sessions: decisions saved beside the draft, restored, re-anchored after edits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from proofreader.engine import Checker
from proofreader.formats import load
from proofreader.model import Applicability, Category, Finding, Severity, Status
from proofreader.review import ReviewSession, sidecar_for

DRAFT = "他说,我们走吧。\n她说,好的。\n他说,我们走吧。\n"


def half_comma_findings(text: str) -> list[Finding]:
    """Stand-in findings with the shape the punctuation rule gives (one per ',').

    Built by hand so these tests pin the session's behaviour, not a rule's."""
    return [
        Finding(
            "halfwidth-punct",
            Category.PUNCTUATION,
            Severity.ERROR,
            i,
            1,
            "半角逗号",
            ("，",),
            Applicability.SAFE,
            group="halfwidth-punct:,",
        )
        for i, ch in enumerate(text)
        if ch == ","
    ]


def make(tmp_path: Path, text: str = DRAFT, name: str = "page.txt"):
    p = tmp_path / name
    p.write_bytes(text.replace("\n", "\r\n").encode("gb18030"))
    doc = load(p)
    return doc, half_comma_findings(doc.text)


def test_decisions_are_saved_at_once_and_restored(tmp_path):
    doc, findings = make(tmp_path)
    s = ReviewSession(doc, findings, editor="王编辑")
    assert s.sidecar_path == tmp_path / "page.txt.proofreader.json"
    assert not s.sidecar_path.exists()
    s.set_status(findings[0], Status.ACCEPTED)
    assert s.sidecar_path.exists()  # autosaved: a crash now loses nothing
    s.set_status(findings[1].key, "rejected")
    raw = json.loads(s.sidecar_path.read_text(encoding="utf-8"))
    assert raw["schema"] == "proofreader-review/1" and raw["editor"] == "王编辑"
    assert [(d["offset"], d["status"], d["text"]) for d in raw["decisions"]] == [
        (findings[0].offset, "accepted", ","),
        (findings[1].offset, "rejected", ","),
    ]
    d0 = raw["decisions"][0]
    assert d0["context_before"] == "他说" and d0["context_after"].startswith("我们走吧。\r\n")
    assert sorted(d0) == sorted(
        [
            "rule",
            "offset",
            "length",
            "text",
            "context_before",
            "context_after",
            "status",
            "replacement",
        ]
    )

    again = ReviewSession.load_for(load(doc.path), half_comma_findings(doc.text))
    assert not again.draft_changed and again.unanchored == []
    assert again.editor == "王编辑"
    assert again.status(findings[0]) == Status.ACCEPTED
    assert again.status(findings[1]) == Status.REJECTED
    assert again.status(findings[2]) == Status.PENDING
    assert again.statuses == s.statuses


def test_corrected_text_applies_accepted_fixes_only(tmp_path):
    doc, findings = make(tmp_path)
    s = ReviewSession(doc, findings, autosave=False)
    s.set_status(findings[0], Status.ACCEPTED)
    s.set_status(findings[2], Status.ACCEPTED, replacement="、")
    s.set_status(findings[1], Status.REJECTED)
    assert s.corrected_text() == "他说，我们走吧。\r\n她说,好的。\r\n他说、我们走吧。\r\n"
    assert [f.key for f in s.accepted()] == [findings[0].key, findings[2].key]
    assert s.counts()[Status.ACCEPTED] == 2
    assert not s.sidecar_path.exists()  # autosave off


def test_overlapping_accepted_fixes_are_dropped_not_garbled(tmp_path):
    doc, _ = make(tmp_path, "好好的的。\n")
    a = Finding("x", Category.DUPLICATE, Severity.ERROR, 2, 2, "m", ("的",))
    b = Finding("y", Category.DUPLICATE, Severity.ERROR, 1, 2, "m", ("好",))
    s = ReviewSession(doc, [a, b], autosave=False)
    s.set_statuses([a, b], Status.ACCEPTED)
    result = s.apply()
    assert len(result.applied) == 1 and len(result.dropped) == 1
    assert result.text in ("好好的。\r\n", "好的的。\r\n")


def test_pending_again_removes_the_decision(tmp_path):
    doc, findings = make(tmp_path)
    s = ReviewSession(doc, findings)
    s.set_status(findings[0], Status.ACCEPTED)
    s.set_status(findings[0], Status.PENDING)
    assert s.statuses == {}
    assert json.loads(s.sidecar_path.read_text(encoding="utf-8"))["decisions"] == []


def test_accept_safe_takes_only_pending_safe_fixes(tmp_path):
    doc, findings = make(tmp_path)
    unsafe = Finding("t", Category.SCRIPT, Severity.ERROR, 0, 1, "m", ("x",), Applicability.UNSAFE)
    s = ReviewSession(doc, [*findings, unsafe], autosave=False)
    s.set_status(findings[1], Status.REJECTED)
    taken = s.accept_safe()
    assert [f.key for f in taken] == [findings[0].key, findings[2].key]
    assert s.status(unsafe) == Status.PENDING and s.status(findings[1]) == Status.REJECTED


def test_ignore_list_applies_to_the_same_text_everywhere_and_persists(tmp_path):
    doc, findings = make(tmp_path)
    s = ReviewSession(doc, findings)
    hit = s.ignore_text(findings[0])
    assert len(hit) == 3 and all(s.status(f) == Status.IGNORED for f in findings)
    raw = json.loads(s.sidecar_path.read_text(encoding="utf-8"))
    assert raw["ignored"] == [{"rule": "halfwidth-punct", "text": ","}]
    again = ReviewSession.load_for(doc, findings)
    assert ("halfwidth-punct", ",") in again.ignore_list
    assert all(again.status(f) == Status.IGNORED for f in findings)
    again.unignore_text("halfwidth-punct", ",")
    assert all(again.status(f) == Status.PENDING for f in findings)


def test_edited_draft_reanchors_decisions_and_reports_the_lost_ones(tmp_path):
    doc, findings = make(tmp_path)
    s = ReviewSession(doc, findings)
    s.set_status(findings[0], Status.ACCEPTED)  # 他说,我们走吧 (first line)
    s.set_status(findings[1], Status.REJECTED)  # 她说,好的
    s.set_status(findings[2], Status.IGNORED)  # 他说,我们走吧 (third line, same context!)
    # The editor inserts a line at the top and rewrites the second line entirely.
    edited = "本报讯。\n他说,我们走吧。\n改写了第二行。\n他说,我们走吧。\n"
    doc.path.write_bytes(edited.replace("\n", "\r\n").encode("gb18030"))
    new_doc = load(doc.path)
    new_findings = half_comma_findings(new_doc.text)
    again = ReviewSession.load_for(new_doc, new_findings)
    assert again.draft_changed
    # identical surroundings: the nearest to the old offset keeps each decision
    assert again.status(new_findings[0]) == Status.ACCEPTED
    assert again.status(new_findings[1]) == Status.IGNORED
    assert [(d.text, d.status, d.context_before) for d in again.unanchored] == [
        (",", Status.REJECTED, "他说,我们走吧。\r\n她说")
    ]
    # unanchored decisions stay in the sidecar for a later version of the draft
    again.save()
    raw = json.loads(again.sidecar_path.read_text(encoding="utf-8"))
    assert len(raw["decisions"]) == 3


def test_rebase_after_typing_moves_decisions_with_the_text(tmp_path):
    doc, findings = make(tmp_path)
    s = ReviewSession(doc, findings, autosave=False)
    s.set_status(findings[1], Status.ACCEPTED)
    doc.text = "前言。" + doc.text  # the editor typed at the start
    s.rebase(doc, half_comma_findings(doc.text))
    assert [f.offset for f in s.accepted()] == [findings[1].offset + 3]
    assert s.unanchored == []


def test_corrupt_sidecar_is_reported_and_kept_as_backup(tmp_path):
    doc, findings = make(tmp_path)
    sidecar = sidecar_for(doc.path)
    sidecar.write_text("{not json", encoding="utf-8")
    s = ReviewSession.load_for(doc, findings)
    assert s.load_error and "unreadable" in s.load_error and s.statuses == {}
    s.set_status(findings[0], Status.ACCEPTED)
    assert json.loads(sidecar.read_text(encoding="utf-8"))["decisions"]
    assert (tmp_path / "page.txt.proofreader.json.bak").read_text(encoding="utf-8") == "{not json"


def test_unknown_key_is_an_error(tmp_path):
    doc, findings = make(tmp_path)
    s = ReviewSession(doc, findings, autosave=False)
    with pytest.raises(KeyError):
        s.set_status("nope@0+1", Status.ACCEPTED)


def test_real_checker_findings_round_trip(tmp_path):
    doc, _ = make(tmp_path, "他说,我们走吧。\n")
    findings = Checker().check_text(doc.text)
    s = ReviewSession(doc, findings)
    s.accept_safe()
    again = ReviewSession.load_for(load(doc.path), Checker().check_text(doc.text))
    assert again.statuses == s.statuses and again.statuses
    assert "," not in again.corrected_text()


def test_deferred_save_writes_once_at_the_end(tmp_path):
    doc, findings = make(tmp_path)
    s = ReviewSession(doc, findings)
    with s.deferred_save():
        for f in findings:
            s.set_status(f, Status.ACCEPTED)
        with s.deferred_save():  # nests
            s.ignore_text(findings[0])
        assert not s.sidecar_path.exists()  # nothing written yet
    raw = json.loads(s.sidecar_path.read_text(encoding="utf-8"))
    assert [d["status"] for d in raw["decisions"]] == ["accepted"] * 3
    assert raw["ignored"] == [{"rule": "halfwidth-punct", "text": ","}]


def test_autosave_failure_keeps_decisions_in_memory(tmp_path):
    doc, findings = make(tmp_path)
    s = ReviewSession(doc, findings)
    s.sidecar_path.mkdir()  # something in the way: the sidecar cannot be written
    s.set_status(findings[0], Status.ACCEPTED)
    assert s.save_error and "cannot save review" in s.save_error
    assert s.status(findings[0]) == Status.ACCEPTED


def test_a_sidecar_elsewhere_and_a_draft_without_a_path(tmp_path):
    doc, findings = make(tmp_path)
    elsewhere = tmp_path / "reviews" / "page.json"
    elsewhere.parent.mkdir()
    s = ReviewSession.load_for(doc, findings, path=elsewhere)
    s.set_status(findings[0], Status.ACCEPTED)
    assert elsewhere.exists() and not sidecar_for(doc.path).exists()
    assert ReviewSession.load_for(doc, findings, path=elsewhere).status(findings[0]) == "accepted"

    from proofreader.document import Document

    pasted = Document(text=doc.text)  # text pasted into the app: nowhere to save
    m = ReviewSession(pasted, findings)
    m.set_status(findings[0], Status.ACCEPTED)
    assert m.sidecar_path is None and m.save_error is None
    with pytest.raises(ValueError):
        m.save()
