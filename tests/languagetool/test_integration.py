"""The grammar step in the batch, the JSON report and `proofreader check`."""

from __future__ import annotations

import json
from pathlib import Path

from lt_helpers import recorded_text

from proofreader.batch import check_paths
from proofreader.cli import main
from proofreader.config import Config
from proofreader.exporters.json_report import build_report
from proofreader.languagetool.client import ENV_URL, clear_cache

ZH = recorded_text("zh-CN")
DRAFT = f"{ZH}\n他说,我们走吧。\n"  # LanguageTool: 再接再励; ours: the half-width comma
# Our misused-word rule flags 再接再励 too (and the merge keeps ours): leave it to LanguageTool.
THEIRS = {"misused-word"}


def _draft(tmp_path: Path) -> Path:
    path = tmp_path / "page.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_batch_merges_languagetool_findings_after_ours(tmp_path: Path, recorded_lt) -> None:
    config = Config(languagetool_url=recorded_lt.url, ignore=THEIRS)
    [result] = check_paths([_draft(tmp_path)], config)
    rules = [(f.rule, f.text_in(DRAFT)) for f in result.findings]
    assert ("languagetool:zaijiezaili", "再接再励") in rules
    assert ("halfwidth-punct", ",") in rules
    assert result.languagetool == {
        "status": "connected",
        "detail": "",
        "url": recorded_lt.url + "/",
    }
    report = build_report([result])
    assert report["languagetool"]["status"] == "connected"
    [lt] = [f for f in report["files"][0]["findings"] if f["rule"].startswith("languagetool:")]
    assert (lt["offset"], lt["length"], lt["text"], lt["category"]) == (
        11,
        4,
        "再接再励",
        "wording",
    )
    assert lt["replacements"] == ["再接再厉"]


def test_batch_without_languagetool_records_why(tmp_path: Path) -> None:
    [result] = check_paths([_draft(tmp_path)], Config(ignore=THEIRS))
    assert result.ok and [f.rule for f in result.findings] == ["halfwidth-punct"]
    assert result.languagetool is not None
    assert result.languagetool["status"] == "not-configured"
    assert build_report([result])["languagetool"]["status"] == "not-configured"


def test_check_command_prints_one_line_when_grammar_is_skipped(tmp_path: Path, capfd) -> None:
    code = main(["check", "--format", "json", str(_draft(tmp_path))])
    out, err = capfd.readouterr()
    assert code == 1
    assert err.splitlines()[-1] == (
        "grammar checks skipped: no LanguageTool server configured "
        "(set PROOFREADER_LANGUAGETOOL_URL)"
    )
    assert json.loads(out)["languagetool"]["status"] == "not-configured"


def test_check_command_uses_the_configured_server(
    tmp_path: Path, capfd, monkeypatch, recorded_lt
) -> None:
    monkeypatch.setenv(ENV_URL, recorded_lt.url)
    code = main(["check", "--ignore", "misused-word", str(_draft(tmp_path))])
    out, err = capfd.readouterr()
    assert code == 1
    assert "languagetool:zaijiezaili" in out and "grammar checks skipped" not in err
    recorded_lt.fail_with = 500  # now it fails: the check still succeeds
    clear_cache()
    code = main(["check", "--ignore", "misused-word", "--format", "json", str(_draft(tmp_path))])
    out, err = capfd.readouterr()
    assert code == 1
    report = json.loads(out)
    assert report["languagetool"]["status"] == "unreachable"
    assert err.splitlines()[-1].startswith("grammar checks skipped: LanguageTool unreachable")
    assert [f["rule"] for f in report["files"][0]["findings"]] == ["halfwidth-punct"]


def test_round_trip_client_against_our_own_server(serve) -> None:
    """Both halves together: the grammar family pointed at `proofreader serve` gets our own
    findings back, offsets through UTF-16 and back, after a 𠮷."""
    from proofreader.engine import Checker
    from proofreader.languagetool.client import GrammarChecker, merge

    text = "𠮷野家在杭州开店,今天很好。\n\n英文 He said: ok...\n"
    theirs, st = GrammarChecker(Config(languagetool_url=serve.url)).check(text)
    assert st.available
    ours = Checker().check_text(text)
    assert [(f.offset, f.length, f.rule) for f in theirs] == [
        (f.offset, f.length, "languagetool:" + f.rule) for f in ours
    ]
    assert merge(ours, theirs) == ours  # the same spans: ours are kept
