"""Number usage (GB/T 15835-2011): approximate numbers, ranges, full-width digits, years,
mixed numerals."""

from __future__ import annotations

import pytest

from proofreader.engine import Checker, apply_findings
from proofreader.model import Applicability
from proofreader.rules import number

BAD = [
    # (text, rule, flagged span, text after the first fix)
    ("他在医院住了三、四天。", "approx-number-comma", "三、四", "他在医院住了三四天。"),
    ("来了七、八个人。", "approx-number-comma", "七、八", "来了七八个人。"),
    ("休息三、五天就好。", "approx-number-comma", "三、五", "休息三五天就好。"),
    ("年纪大约三、四十岁。", "approx-number-comma", "三、四", "年纪大约三四十岁。"),
    ("走了两、三里路。", "approx-number-comma", "两、三", "走了两三里路。"),
    ("每天五、六次。", "approx-number-comma", "五、六", "每天五六次。"),
    ("休息3、4天。", "approx-number-comma", "3、4", "休息三四天。"),
    ("来了7、8个人。", "approx-number-comma", "7、8", "来了七八个人。"),
    ("投资20～30亿元。", "range-unit", "20～30亿", "投资20亿～30亿元。"),
    ("增长15～20%。", "range-unit", "15～20%", "增长15%～20%。"),
    ("月薪1.5～2万元。", "range-unit", "1.5～2万", "月薪1.5万～2万元。"),
    ("人口3~5万。", "range-unit", "3~5万", "人口3万~5万。"),
    ("２０２６年", "fullwidth-digit", "２０２６", "2026年"),
    ("增长了１２．５%。", "fullwidth-digit", "１２．５", "增长了12.5%。"),
    ("第３名", "fullwidth-digit", "３", "第3名"),
    ("电话１２３４５", "fullwidth-digit", "１２３４５", "电话12345"),
    ("98年8月，长江发生洪水。", "abbreviated-year", "98年", "1998年8月，长江发生洪水。"),
    ("他于15年3月入职。", "abbreviated-year", "15年", "他于2015年3月入职。"),
    ("观众约有5千人。", "mixed-numeral", "5千", "观众约有5000人。"),
    ("投资3千万元。", "mixed-numeral", "3千", "投资3000万元。"),
    ("1.5千吨粮食", "mixed-numeral", "1.5千", "1500吨粮食"),
    ("捐款8百元。", "mixed-numeral", "8百", "捐款800元。"),
    ("二零二零年春天", "year-zero", "二零二零", "二〇二〇年春天"),
    ("一九九零年", "year-zero", "一九九零", "一九九〇年"),
]

GOOD = [
    "他在医院住了三四天。",
    "第三、四季度的产值。",
    "三、四年级的学生参加。",
    "一、二、三等奖各一名。",
    "周三、四下午开会。",
    "一、二两个方案都可行。",
    "投资20亿～30亿元。",
    "气温20～30℃。",
    "增长15%～20%。",
    "每天3～5次。",
    "2026年",
    "增长了12.5%。",
    "1998年8月，长江发生洪水。",
    "建党90年来的成就。",
    "20世纪90年代",
    "2024年3月",
    "观众约有5000人。",
    "全程5千米。",
    "体重60千克。",
    "装机容量300千瓦。",
    "投资3000万元。",
    "二〇二〇年春天",
    "一千零五年",
    "零零星星的雨点。",
    "共有345亿元。",
    "1.2万人参加。",
    "版本号为1.2.3。",
    "比分定格在3:1。",
    "2023百度世界大会",
    "G60千岛湖段",
    "二、三产业协调发展。",
    "一、二线城市房价。",
    "五、六十年代的老照片。",
    "七、八月份雨水多。",
    "第3、4名",
    "13、14天",
    "3、5、7号",
    "3、4月份",
    "1、2、3个",
]


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(rules=number.RULES)


def test_enough_examples() -> None:
    assert len(BAD) >= 20 and len(GOOD) >= 20


@pytest.mark.parametrize(("text", "rule", "span", "fixed"), BAD, ids=[b[2] for b in BAD])
def test_bad(checker: Checker, text: str, rule: str, span: str, fixed: str) -> None:
    hits = [f for f in checker.check_text(text) if f.text_in(text) == span and f.rule == rule]
    assert hits, [(f.rule, f.text_in(text)) for f in checker.check_text(text)]
    assert apply_findings(text, hits[:1]).text == fixed


@pytest.mark.parametrize("text", GOOD)
def test_good(checker: Checker, text: str) -> None:
    found = checker.check_text(text)
    assert found == [], [(f.rule, f.text_in(text)) for f in found]


def test_guesses_are_unsafe_mechanical_fixes_safe(checker: Checker) -> None:
    text = "98年8月投资20～30亿元，约5千人，２０２６年，三、四天，二零二零年。"
    kinds = {f.rule: f.applicability for f in checker.check_text(text)}
    assert kinds["abbreviated-year"] == Applicability.UNSAFE
    assert kinds["mixed-numeral"] == Applicability.UNSAFE
    assert kinds["approx-number-comma"] == Applicability.UNSAFE
    assert kinds["range-unit"] == Applicability.SAFE
    assert kinds["fullwidth-digit"] == Applicability.SAFE
    assert kinds["year-zero"] == Applicability.SAFE


def test_abbreviated_year_offers_both_centuries(checker: Checker) -> None:
    (f,) = checker.check_text("98年8月")
    assert f.replacements == ("1998年", "2098年")
