"""Every model through pytest-qt's qtmodeltester, plus grouping and filtering."""

from __future__ import annotations

from proofreader.model import Status
from ui.commands import StatusCommand
from ui.document_list import DraftListModel, StateRole
from ui.draft import Draft
from ui.findings_model import FindingsFilter, FindingsModel, IsGroupRole


def _loaded(path, checker) -> Draft:
    d = Draft(path, checker)
    d.load()
    return d


def test_findings_model_groups_the_half_width_commas(qapp, qtmodeltester, sample_page, checker):
    d = _loaded(sample_page, checker)
    model = FindingsModel()
    model.set_draft(d)
    qtmodeltester.check(model)
    commas = [i for i in d.items if i.finding.rule == "halfwidth-punct"]
    top = [model.index(r, 0) for r in range(model.rowCount())]
    groups = [idx for idx in top if idx.data(IsGroupRole)]
    assert groups, "the half-width punctuation findings form group rows"
    assert sum(model.rowCount(g) for g in groups) + (model.rowCount() - len(groups)) == len(d.items)
    biggest = max(groups, key=model.rowCount)
    assert model.rowCount(biggest) > 100
    # a member row maps back to its item and the item to its row
    member = model.index(3, 0, biggest)
    item = model.item_at(member)
    assert item in commas
    assert model.index_of(item) == member
    # a status change repaints the row; the model stays consistent
    d.undo_stack.push(StatusCommand(d, [item], Status.ACCEPTED, "accept"))
    qtmodeltester.check(model)
    assert model.index(3, 6, biggest).data() == model.tr("Accepted")


def test_filter_proxy(qapp, qtmodeltester, sample_page, checker):
    d = _loaded(sample_page, checker)
    model = FindingsModel()
    model.set_draft(d)
    proxy = FindingsFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_filter(rule="duplicate-char")
    qtmodeltester.check(proxy)
    dups = [i for i in d.items if i.finding.rule == "duplicate-char"]
    leaves = _leaves(proxy)
    assert len(leaves) == len(dups)
    proxy.set_filter(rule=None, category="punctuation")
    assert all(proxy.accepts_item(i) == (i.finding.category == "punctuation") for i in d.items)
    assert proxy.rowCount() >= 1  # the group row stays because its members pass
    proxy.set_filter(category=None, status=str(Status.ACCEPTED))
    assert _leaves(proxy) == []
    proxy.set_filter(status=None)
    assert len(_leaves(proxy)) == len(d.items)


def _leaves(proxy):
    out = []
    for r in range(proxy.rowCount()):
        idx = proxy.index(r, 0)
        n = proxy.rowCount(idx)
        out += [proxy.index(k, 0, idx) for k in range(n)] if n else [idx]
    return [i for i in out if not i.data(IsGroupRole)]


def test_draft_list_model(qapp, qtmodeltester, tmp_path, sample_page, checker):
    model = DraftListModel()
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\x00\xff" * 500)
    ok = Draft(sample_page, checker)
    model.add(ok)
    model.add(Draft(bad, checker))
    model.add(Draft(tmp_path / "later.txt", checker))
    qtmodeltester.check(model)
    assert model.add(Draft(sample_page, checker)) == 0  # the same file is not listed twice
    ok.load()
    model.drafts[1].load()
    states = [model.index(r).data(StateRole) for r in range(model.rowCount())]
    assert states == ["pending", "error", "unchecked"]
    qtmodeltester.check(model)
