"""The script family: traditional characters in simplified text (and the other way round)."""

from __future__ import annotations

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from proofreader.config import Config
from proofreader.engine import Checker, apply_findings
from proofreader.model import Applicability, Category
from proofreader.rules import script

CHECK = Checker(rules=script.RULES)


def found(text: str) -> list[tuple[str, str, str]]:
    return [
        (f.text_in(text), f.replacements[0], str(f.applicability)) for f in CHECK.check_text(text)
    ]


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("仓廩实而民心安。", "仓廪实而民心安。"),
        ("我们要提高認识，加強學習。", "我们要提高认识，加强学习。"),
        ("这件衣服很乾净。", "这件衣服很干净。"),
        ("事情过後再说。", "事情过后再说。"),
        ("他们来自台灣。", "他们来自台湾。"),
        ("头髮和麵条。", "头发和面条。"),
        ("𠮷先生说：\r\n今年我市經濟发展稳中有进。", "𠮷先生说：\r\n今年我市经济发展稳中有进。"),
    ],
)
def test_fixes(text: str, fixed: str) -> None:
    findings = CHECK.check_text(text)
    assert findings and all(f.category == Category.SCRIPT for f in findings)
    assert all(f.length == 1 for f in findings)
    assert apply_findings(text, findings).text == fixed
    assert CHECK.check_text(fixed) == []


def test_word_dependent_characters_get_unsafe_fixes() -> None:
    assert found("这件衣服很乾净。") == [("乾", "干", "unsafe")]
    assert found("事情过後再说。") == [("後", "后", "unsafe")]
    assert found("头髮。") == [("髮", "发", "unsafe")]
    assert found("仓廩实。") == [("廩", "廪", "safe")]
    assert found("提高認识。") == [("認", "认", "safe")]


@pytest.mark.parametrize(
    "text",
    [
        "扭转乾坤的关键一役。",
        "乾隆皇帝下江南。",
        "他是一位著名作家，成绩显著。",
        "登上瞭望塔远眺。",
        "杯盘狼藉。",
        "这是一篇简体中文文章，没有繁体字。",
        "杨昊玥、王喆和李堃参加了会议。",
        "He wrote in English only.",
        "",
    ],
)
def test_correct_simplified_text_is_clean(text: str) -> None:
    assert found(text) == []


def test_proper_names_are_left_alone() -> None:
    text = "本报记者陳國華报道，陳先生说。"
    cfg = Config(proper_names={"陳國華"})
    findings = Checker(cfg, rules=script.RULES).check_text(text)
    assert [f.text_in(text) for f in findings] == ["陳"]  # only the one outside the name
    assert findings[0].offset == text.index("陳先生")


def test_mostly_traditional_text_is_checked_the_other_way_round() -> None:
    text = "我們的國家歷史悠久，文化燦爛，经濟發展迅速。"
    assert script.is_mostly_traditional(text)
    findings = CHECK.check_text(text)
    assert [(f.text_in(text), f.replacements[0]) for f in findings] == [("经", "經")]
    assert findings[0].group == "simplified-char"
    assert apply_findings(text, findings).text == "我們的國家歷史悠久，文化燦爛，經濟發展迅速。"


def test_simplified_with_one_traditional_character_is_simplified() -> None:
    assert not script.is_mostly_traditional("我们的国家历史悠久，文化燦烂。")


def test_messages() -> None:
    (f,) = CHECK.check_text("仓廩实")
    assert "廪" in f.message and f.message_en
    assert f.applicability == Applicability.SAFE


_T2S = opencc.OpenCC("t2s")


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=30))
def test_fast_scan_finds_what_opencc_changes(text: str) -> None:
    """The codec-based scan finds exactly the characters t2s changes on their own."""
    changes = script._t2s().changes
    want = [i for i, c in enumerate(text) if c in changes]
    assert script.traditional_candidates(text) == want
    assert all(_T2S.convert(text[i]) != text[i] for i in want)


def test_fast_scan_agrees_with_a_plain_scan(sample_text: str) -> None:
    text = sample_text + "乾淨的頭髮，後來於是。𠮷豈"
    changes = script._t2s().changes
    assert script.traditional_candidates(text) == [i for i, c in enumerate(text) if c in changes]


def test_traditional_text_converted_by_opencc_checks_clean(sample_text: str) -> None:
    """The sample page in traditional characters: read as traditional, nothing to flag."""
    text = opencc.OpenCC("s2t").convert(sample_text)
    assert script.is_mostly_traditional(text)
    assert CHECK.check_text(text) == []


def test_simplified_characters_in_traditional_text() -> None:
    text = opencc.OpenCC("s2t").convert(
        "我们的国家历史悠久，文化灿烂，人民勤劳勇敢。经济发展迅速，城乡面貌焕然一新。"
    )
    text += "这个"
    findings = CHECK.check_text(text)
    assert [(f.text_in(text), f.replacements[0]) for f in findings] == [("这", "這"), ("个", "個")]
