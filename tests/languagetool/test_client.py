"""The grammar family against recorded LanguageTool answers served on loopback, offline
behaviour, and (when PROOFREADER_LANGUAGETOOL_URL is set) a real LanguageTool."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from lt_helpers import REAL_LANGUAGETOOL_URL, RecordedLanguageTool, recorded_text

from proofreader.config import Config
from proofreader.engine import Checker
from proofreader.languagetool import client
from proofreader.languagetool.client import (
    GrammarChecker,
    LanguageToolStatus,
    category_for,
    language_of,
    merge,
    resolve_source,
    status,
)
from proofreader.model import Applicability, Category, Finding, Severity

ZH = recorded_text("zh-CN")  # 𠮷祥物设计团队表示，将再接再励，争取更好成绩。
EN = recorded_text("en-US")  # He go to school every day , and he like it.


def _checker(lt: RecordedLanguageTool, timeout: float = 10.0) -> GrammarChecker:
    return GrammarChecker(Config(languagetool_url=lt.url, languagetool_timeout=timeout))


# --- offline ---------------------------------------------------------------------------------


def test_nothing_configured_reports_not_configured_and_succeeds() -> None:
    findings, st = GrammarChecker(Config()).check(ZH)
    assert findings == []
    assert st.state == "not-configured"
    assert not st.available
    assert st.line() == (
        "grammar checks skipped: no LanguageTool server configured "
        "(set PROOFREADER_LANGUAGETOOL_URL)"
    )
    assert st.as_json() == {
        "status": "not-configured",
        "detail": "no LanguageTool server configured (set PROOFREADER_LANGUAGETOOL_URL)",
        "url": None,
    }
    assert status().state == "not-configured"


def test_ltp_path_without_an_installation_is_not_configured(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("LTP_PATH", str(tmp_path))
    (tmp_path / "LanguageTool-6.4").mkdir()  # no jar inside: not an installation
    source = resolve_source(Config())
    assert source.kind == "none"
    assert "LanguageTool-<version>" in source.reason
    assert GrammarChecker(Config()).check(ZH)[1].state == "not-configured"


def test_ltp_path_with_an_installation_is_found_but_not_started(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("LTP_PATH", str(tmp_path))
    install = tmp_path / "LanguageTool-6.4"
    install.mkdir()
    (install / "languagetool-server.jar").write_bytes(b"")
    source = resolve_source(Config())
    java = client.java_major_version()
    if java is not None and java >= client.MIN_JAVA:
        assert (source.kind, source.install, source.version) == ("local", install, "6.4")
    else:
        assert source.kind == "none" and "Java" in source.reason


def test_broken_local_installation_is_unreachable_not_downloaded(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("LTP_PATH", str(tmp_path))
    install = tmp_path / "LanguageTool-6.4"
    install.mkdir()
    (install / "languagetool-server.jar").write_bytes(b"")  # java cannot run this
    checker = GrammarChecker(Config())
    if checker.source.kind != "local":
        pytest.skip(f"no Java >= {client.MIN_JAVA} here: {checker.source.reason}")
    findings, st = checker.check(ZH)
    assert findings == [] and st.state == "unreachable"
    assert "local LanguageTool exited with code" in st.detail
    assert sorted(p.name for p in tmp_path.iterdir()) == ["LanguageTool-6.4"]  # no download
    checker.close()


def test_server_url_setting_wins_over_environment(monkeypatch) -> None:
    monkeypatch.setenv(client.ENV_URL, "http://env.example:8010")
    assert resolve_source(Config()).url == "http://env.example:8010/"
    assert resolve_source(Config(languagetool_url="lt.example:8081/v2/")).url == (
        "http://lt.example:8081/"
    )


def test_unreachable_server_reports_why_and_the_run_succeeds() -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    checker = GrammarChecker(Config(languagetool_url=f"http://127.0.0.1:{port}"))
    findings, st = checker.check(ZH)
    assert findings == []
    assert st.state == "unreachable"
    assert "cannot connect" in st.detail
    assert st.line().startswith("grammar checks skipped: LanguageTool unreachable (")


# --- recorded answers ------------------------------------------------------------------------


def test_chinese_match_offsets_are_converted_to_code_points(recorded_lt) -> None:
    findings, st = _checker(recorded_lt).check(ZH)
    assert st == LanguageToolStatus("connected", "", recorded_lt.url + "/")
    assert [(f.offset, f.length, f.text_in(ZH)) for f in findings] == [(11, 4, "再接再励")]
    f = findings[0]
    assert f.rule == "languagetool:zaijiezaili"
    assert f.category == Category.WORDING  # CN_CAT2 成语错误
    assert f.replacements == ("再接再厉",)
    assert f.applicability == Applicability.UNSAFE
    assert f.message == "您的意思是“再接再厉”吗？"  # not NFKC-normalised
    assert f.data["lt_category"] == "CN_CAT2"
    assert [(c["language"], c["text"]) for c in recorded_lt.checks] == [("zh-CN", ZH)]


def test_english_passage_is_sent_as_en_us_and_categories_are_mapped(recorded_lt) -> None:
    text = f"{ZH}\n\n{EN}\n"
    findings, st = _checker(recorded_lt).check(text)
    assert st.available
    en_start = len(ZH) + 2
    got = [(f.offset - en_start, f.text_in(text), f.rule, f.category) for f in findings[1:]]
    assert got == [
        (3, "go", "languagetool:HE_VERB_AGR", Category.GRAMMAR),
        (25, " ,", "languagetool:COMMA_PARENTHESIS_WHITESPACE", Category.PUNCTUATION),
        (35, "like", "languagetool:HE_VERB_AGR", Category.GRAMMAR),
    ]
    assert findings[1].replacements == ("goes", "went")
    assert findings[1].message_en.startswith("The pronoun")
    assert findings[1].severity == Severity.WARNING
    sent = {c["language"]: c for c in recorded_lt.checks}
    assert set(sent) == {"zh-CN", "en-US"}
    assert sent["en-US"]["text"] == EN
    assert sent["en-US"]["disabledCategories"] == "TYPOS"  # no spelling on names and pinyin


def test_answers_are_cached_per_paragraph(recorded_lt) -> None:
    text = f"{ZH}\n{EN}"
    checker = _checker(recorded_lt)
    first, _ = checker.check(text)
    assert len(recorded_lt.checks) == 2
    assert checker.check(text)[0] == first
    assert len(recorded_lt.checks) == 2  # nothing sent again
    edited = f"{ZH}\n今天天气很好。\n{EN}"
    again, _ = checker.check(edited)
    assert [c["text"] for c in recorded_lt.checks[2:]] == ["今天天气很好。"]
    assert [f.rule for f in again] == [f.rule for f in first]
    assert again[1].offset == first[1].offset + len("今天天气很好。\n")
    # another checker for the same server shares the cache
    _checker(recorded_lt).check(text)
    assert len(recorded_lt.checks) == 3


def test_paragraphs_of_one_language_travel_together(recorded_lt) -> None:
    text = f"今天天气很好。\n{EN}\n\n{ZH}\n𠮷姓人家。"
    findings, _ = _checker(recorded_lt).check(text)
    sent = [(c["language"], c["text"]) for c in recorded_lt.checks]
    assert sent == [("zh-CN", f"今天天气很好。\n\n{ZH}\n\n𠮷姓人家。"), ("en-US", EN)]
    zh = [f for f in findings if f.data["language"] == "zh-CN"]
    assert [(f.offset, f.text_in(text)) for f in zh] == [(text.index("再接再励"), "再接再励")]
    assert len(findings) == 4


def test_chunks_stay_under_the_size_limit() -> None:
    paras = ["甲" * 2500, "乙" * 2500, "丙" * 2500, "丁" * 7000, "戊"]
    chunks = list(client._chunks(paras))
    assert [len(c) for c in chunks] == [2, 1, 1, 1]
    assert [p for c in chunks for p in c] == paras


def test_timeout_reports_unreachable_and_the_run_succeeds(recorded_lt) -> None:
    recorded_lt.hang.set()
    checker = _checker(recorded_lt, timeout=0.3)
    findings, st = checker.check(f"{ZH}\n第二段。\n第三段。")
    assert findings == []
    assert st.state == "unreachable"
    assert st.detail == "no answer within 0.3 s"
    assert len(recorded_lt.checks) == 1  # gave up after one timeout, not one per paragraph
    assert checker.check("另一篇稿子。")[1].state == "unreachable"
    assert len(recorded_lt.checks) == 1  # and does not ask again for a while
    recorded_lt.hang.clear()
    recorded_lt.release.set()
    checker.retry()
    findings, st = checker.check(ZH)  # the server is back
    assert st.available and [f.rule for f in findings] == ["languagetool:zaijiezaili"]


def test_server_error_is_reported_as_unreachable(recorded_lt) -> None:
    recorded_lt.fail_with = 500
    findings, st = _checker(recorded_lt).check(ZH)
    assert findings == [] and st.state == "unreachable"
    assert st.detail == "HTTP 500 from the server"


def test_status_probe_of_a_live_server(recorded_lt) -> None:
    st = status(Config(languagetool_url=recorded_lt.url))
    assert st.state == "connected" and st.url == recorded_lt.url + "/"
    assert st.line() == f"grammar checks: LanguageTool connected ({recorded_lt.url}/)"


def test_family_is_skipped_when_deselected(recorded_lt) -> None:
    config = Config(languagetool_url=recorded_lt.url, ignore={"grammar"})
    assert GrammarChecker(config).check(ZH)[0] == []
    config = Config(languagetool_url=recorded_lt.url, select={"duplicate"})
    assert GrammarChecker(config).check(ZH)[0] == []
    assert recorded_lt.checks == []


# --- merging with our findings ---------------------------------------------------------------


def _f(rule: str, offset: int, length: int, category: Category = Category.GRAMMAR) -> Finding:
    return Finding(rule, category, Severity.WARNING, offset, length, "m", ("x",))


def test_merge_keeps_ours_where_spans_overlap() -> None:
    ours = [_f("halfwidth-punct", 5, 1, Category.PUNCTUATION)]
    theirs = [
        _f("languagetool:A", 5, 1),  # same span
        _f("languagetool:B", 4, 3),  # overlapping
        _f("languagetool:C", 7, 2),  # touching only
        _f("languagetool:D", 0, 2, Category.WORDING),
    ]
    merged = merge(ours, theirs)
    assert [f.rule for f in merged] == ["languagetool:D", "halfwidth-punct", "languagetool:C"]
    only_wording = merge(ours, theirs, Config(select={"wording"}))
    assert [f.rule for f in only_wording] == ["languagetool:D", "halfwidth-punct"]
    assert merge(ours, theirs, Config(ignore={"languagetool"})) == ours
    assert [f.rule for f in merge(ours, theirs, Config(ignore={"languagetool:C"}))] == [
        "languagetool:D",
        "halfwidth-punct",
    ]


def test_merge_with_our_real_rules(recorded_lt) -> None:
    text = "他说,会再接再励。"  # our rule flags the half-width comma; LanguageTool nothing here
    ours = Checker().check_text(text)
    theirs, _ = _checker(recorded_lt).check(text)
    assert merge(ours, theirs) == ours


def test_category_mapping_and_language_choice() -> None:
    assert category_for("TYPOGRAPHY") == Category.PUNCTUATION
    assert category_for("PUNCTUATION") == Category.PUNCTUATION
    assert category_for("CONFUSED_WORDS") == Category.WORDING
    assert category_for("GRAMMAR") == Category.GRAMMAR
    assert category_for("SOMETHING_NEW") == Category.GRAMMAR
    assert language_of("本报讯 NBA 今天开赛") == "zh-CN"
    assert language_of("JIAXING DAILY") == "en-US"
    assert language_of("2026-11-29 ■") is None


# --- a real LanguageTool ---------------------------------------------------------------------


@pytest.mark.languagetool
@pytest.mark.skipif(
    not REAL_LANGUAGETOOL_URL, reason="PROOFREADER_LANGUAGETOOL_URL is not set (no LanguageTool)"
)
def test_real_languagetool_finds_the_misused_idiom() -> None:
    text = "𠮷祥物设计团队表示，失败时不要灰心，要再接再励。"
    findings, st = GrammarChecker(Config(languagetool_url=REAL_LANGUAGETOOL_URL)).check(text)
    assert st.available, st.detail
    hits = [f for f in findings if f.text_in(text) == "再接再励"]
    assert hits, findings
    assert "再接再厉" in hits[0].replacements
