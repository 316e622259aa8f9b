"""Bulk decisions write the review sidecar once per action, and the sidecar holds all of them."""

from __future__ import annotations

import json

import pytest

from proofreader.model import Status
from proofreader.review import sidecar_for
from ui.mainwindow import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _count_saves(session) -> list[int]:
    """Count the session's sidecar writes (a spy: the real save still runs)."""
    calls: list[int] = []
    real = session.save

    def counting(*a, **kw):
        calls.append(1)
        return real(*a, **kw)

    session.save = counting
    return calls


def _accepted_on_disk(path) -> int:
    data = json.loads(sidecar_for(path).read_text(encoding="utf-8"))
    return sum(1 for d in data["decisions"] if d["status"] == "accepted")


@pytest.mark.parametrize("action", ["accept_safe", "accept_rule", "group"])
def test_bulk_accept_and_its_undo_write_the_sidecar_once(qtbot, sample_page, action):
    w = MainWindow()
    qtbot.addWidget(w)
    w.open_paths([sample_page])
    d = w.draft
    assert len(d.items) == 229
    saves = _count_saves(d.session)
    commas = [i for i in d.items if i.finding.group == "halfwidth:,"]
    if action == "accept_safe":
        w.accept_safe()
    elif action == "accept_rule":
        w.select_item(commas[0])
        w.accept_rule()
    else:
        w._decide(commas, Status.ACCEPTED, "accept group")
    n = d.counts()[Status.ACCEPTED]
    assert n >= 212
    assert len(saves) == 1
    assert _accepted_on_disk(sample_page) == n  # nothing lost if the app is killed now

    d.undo_stack.undo()
    assert d.counts()[Status.ACCEPTED] == 0
    assert len(saves) == 2
    assert _accepted_on_disk(sample_page) == 0
    d.undo_stack.redo()
    assert len(saves) == 3
    assert _accepted_on_disk(sample_page) == n
    d.undo_stack.setClean()  # closing must not ask to save


def test_single_decisions_are_written_at_once(qtbot, sample_page):
    w = MainWindow()
    qtbot.addWidget(w)
    w.open_paths([sample_page])
    dup = next(i for i in w.draft.items if i.finding.rule == "duplicate-char")
    w.select_item(dup)
    w.accept()
    assert _accepted_on_disk(sample_page) == 1
    w.draft.undo_stack.setClean()
