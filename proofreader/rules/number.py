"""Number usage (category `number`), after GB/T 15835-2011 《出版物上数字用法》.

- Two adjacent numerals giving an approximate number take no 顿号: 三、四天 → 三四天.
- A range keeps the unit on both ends where dropping it changes the reading:
  20～30亿 → 20亿～30亿, 20～30% → 20%～30%.
- Full-width digits become half-width (１２３ → 123).
- A year is not abbreviated: 98年8月 → 1998年8月 (a guess about the century: unsafe).
- Arabic digits are not mixed with 千/百 (万 and 亿 may follow digits): 5千 → 5000.
- A year in Chinese numerals writes zero as 〇: 二零二零年 → 二〇二〇年.

Every pass is one compiled regex over the whole text; fixes are safe only where they are
mechanical (a unit copied, a digit's width, 零 → 〇).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import ClassVar

from proofreader.model import Applicability, Category, Finding, Severity
from proofreader.rules.base import CheckContext, Example, Rule, bad, good

_NUMERAL_VALUE = {ch: i for i, ch in enumerate("一二三四五六七八九", 1)} | {"两": 2}
# Measure words after which a numeral pair is an approximate quantity (三四天, 七八个人).
# Ordinal-like words are left out on purpose: 三、四年级 and 三、四月份 are two items.
_MEASURES = "天个人名次岁里米斤年家位辆件本条只头倍遍成周元块户所台艘架场趟顿口棵株张封句步分钟秒小"
_ORDINAL_AFTER = ("年级", "年代", "小学", "中学")
# Found from the 顿号 (a literal prefix: the regex engine's fast search), the numeral before
# it checked in Python.
_APPROX_RE = re.compile("、([二两三四五六七八九2-9])(?=[十百千万]?[" + _MEASURES + "])")
# Approximate numbers take Chinese numerals: 3、4天 → 三四天.
_DIGIT_NUMERAL = dict(zip("123456789", "一二三四五六七八九", strict=True))
_ORDINAL_BEFORE = frozenset("第周期拜、初")


def _adjacent(a: str, b: str) -> bool:
    va, vb = _NUMERAL_VALUE[a], _NUMERAL_VALUE[b]
    return vb == va + 1 or (a, b) == ("三", "五")


class ApproxNumberComma(Rule):
    id = "approx-number-comma"
    category = Category.NUMBER
    severity = Severity.WARNING
    name = "概数误加顿号"
    name_en = "Comma in an approximate number"
    description = (
        "相邻的两个数字连用表示概数，中间不用顿号（GB/T 15834-2011、GB/T 15835-2011）："
        "三、四天 → 三四天，七、八个人 → 七八个人，三、五天 → 三五天；概数用汉字：3、4天 → 三四天。"
        "序数（第三、四季度，三、四年级，三、四月份）是两项并列，不报告。修改须人工确认。"
    )
    description_en = (
        "Two adjacent numerals giving an approximate number take no 顿号: 三、四天 → 三四天. "
        "Ordinals (第三、四季度, 三、四年级) are two items and are left alone."
    )
    examples: ClassVar[list[Example]] = [
        bad("他在医院住了三、四天。", "三、四", "他在医院住了三四天。"),
        bad("来了七、八个人。", "七、八", "来了七八个人。"),
        bad("休息三、五天就好。", "三、五", "休息三五天就好。"),
        bad("年纪大约三、四十岁。", "三、四", "年纪大约三四十岁。"),
        bad("休息3、4天。", "3、4", "休息三四天。"),
        good("他在医院住了三四天。"),
        good("第三、四季度的产值。"),
        good("三、四年级的学生参加。"),
        good("一、二、三等奖各一名。"),
        good("周三、四下午开会。"),
        good("第3、4名"),
    ]

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        text = ctx.text
        if "、" not in text:
            return
        for m in _APPROX_RE.finditer(text):
            s, e = m.start() - 1, m.end()
            if s < 0:
                continue
            a, b = text[s], m.group(1)
            if a in _DIGIT_NUMERAL and b in _DIGIT_NUMERAL:
                a, b = _DIGIT_NUMERAL[a], _DIGIT_NUMERAL[b]  # 3、4天: digits (not 13、14天)
                if s > 0 and (text[s - 1].isdigit() or text[s - 1] == "."):
                    continue
            elif a not in _NUMERAL_VALUE or b not in _NUMERAL_VALUE:
                continue
            if not _adjacent(a, b):
                continue
            if s > 0 and text[s - 1] in _ORDINAL_BEFORE:
                continue
            rest = text[e : e + 3].lstrip("十百千万")
            if rest.startswith(_ORDINAL_AFTER) or text[e : e + 1] == "、":
                continue
            yield self.finding(
                ctx,
                s,
                e - s,
                f"“{a}{b}”连用表示概数，中间不加顿号。",
                f"Approximate number {a}{b}: no comma between the numerals.",
                [a + b],
                Applicability.UNSAFE,
            )


# One regex per separator, each starting with it (a literal prefix the regex engine finds
# fast); the first number is read backwards in Python.
_RANGE_RES = {
    sep: re.compile(re.escape(sep) + r"\s*(\d+(?:\.\d+)?)(万亿|亿|万|%|‰)") for sep in "～~—"
}
_FIRST_NUMBER_RE = re.compile(r"(\d+(?:\.\d+)?)\s*$")


class RangeUnit(Rule):
    id = "range-unit"
    category = Category.NUMBER
    severity = Severity.WARNING
    name = "数值范围省略单位"
    name_en = "Unit dropped from the first number of a range"
    description = (
        "表示数值范围时，“万”“亿”和百分号等不能省略的要在前后两个数值上都写出"
        "（GB/T 15835-2011）：20～30亿 → 20亿～30亿，5～10万元 → 5万～10万元，"
        "20～30% → 20%～30%。"
    )
    description_en = (
        "In a range, 万, 亿 and % are written on both numbers (GB/T 15835-2011): "
        "20～30亿 → 20亿～30亿, 20～30% → 20%～30%."
    )
    examples: ClassVar[list[Example]] = [
        bad("投资20～30亿元。", "20～30亿", "投资20亿～30亿元。"),
        bad("增长15～20%。", "15～20%", "增长15%～20%。"),
        bad("月薪1.5～2万元。", "1.5～2万", "月薪1.5万～2万元。"),
        good("投资20亿～30亿元。"),
        good("气温20～30℃。"),
        good("增长15%～20%。"),
        good("每天3～5次。"),
    ]

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        text = ctx.text
        for sep, regex in _RANGE_RES.items():
            if sep not in text:
                continue
            for m in regex.finditer(text):
                before = _FIRST_NUMBER_RE.search(text, max(0, m.start() - 24), m.start())
                if before is None:
                    continue
                s = before.start()
                if s > 0 and (text[s - 1] in ".０１２３４５６７８９" or text[s - 1].isdigit()):
                    continue
                yield self._finding(ctx, s, m.end(), before.group(1), sep, *m.groups())

    def _finding(
        self, ctx: CheckContext, s: int, e: int, first: str, sep: str, second: str, unit: str
    ) -> Finding:
        fixed = f"{first}{unit}{sep}{second}{unit}"
        return self.finding(
            ctx,
            s,
            e - s,
            f"数值范围的两个数都要带“{unit}”：应为“{fixed}”。",
            f"Write {unit} on both numbers of the range: {fixed}.",
            [fixed],
            Applicability.SAFE,
            group="range-unit",
        )


_FULLWIDTH_RE = re.compile("[０-９](?:[０-９]|[．，](?=[０-９]))*")
_TO_HALF = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_FULLWIDTH_DIGITS = "０１２３４５６７８９"


class FullwidthDigit(Rule):
    id = "fullwidth-digit"
    category = Category.NUMBER
    severity = Severity.ERROR
    name = "全角数字"
    name_en = "Full-width digits"
    description = (
        "阿拉伯数字用半角（GB/T 15835-2011）：２０２６年 → 2026年，１２．５ → 12.5。"
        "同类问题归为一组，可一次全部接受。"
    )
    description_en = "Arabic digits are half-width: ２０２６年 → 2026年, １２．５ → 12.5."
    examples: ClassVar[list[Example]] = [
        bad("２０２６年", "２０２６", "2026年"),
        bad("增长了１２．５%。", "１２．５", "增长了12.5%。"),
        bad("第３名", "３", "第3名"),
        good("2026年"),
        good("增长了12.5%。"),
        good("第三名"),
    ]

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        text = ctx.text
        # Ten substring tests (C, memchr-like) cost a quarter of one character-class scan,
        # and most texts hold no full-width digit.
        if not any(map(text.__contains__, _FULLWIDTH_DIGITS)):
            return
        for m in _FULLWIDTH_RE.finditer(text):
            s, e = m.span()
            half = m.group().translate(_TO_HALF)
            yield self.finding(
                ctx,
                s,
                e - s,
                f"阿拉伯数字应使用半角：“{half}”。",
                f"Use half-width digits: {half}.",
                [half],
                Applicability.SAFE,
                group="fullwidth-digit",
            )


# Found from 年 (a literal prefix); the two digits before it are checked in Python.
_YEAR_RE = re.compile(r"年(?=\d{1,2}月)")
# Two-digit years up to this one are read as 20xx, later ones as 19xx.
_CENTURY_PIVOT = 40


class AbbreviatedYear(Rule):
    id = "abbreviated-year"
    category = Category.NUMBER
    severity = Severity.WARNING
    name = "年份简写"
    name_en = "Abbreviated year"
    description = (
        "年份不能简写（GB/T 15835-2011）：98年8月 → 1998年8月。只在后面紧跟月份时报告"
        "（“建党90年”是九十年，不是年份）。世纪靠推测，修改须人工确认。"
    )
    description_en = (
        "Years are written in full: 98年8月 → 1998年8月. Reported only before a month "
        "(建党90年 is ninety years). The century is a guess: the fix needs a look."
    )
    examples: ClassVar[list[Example]] = [
        bad("98年8月，长江发生洪水。", "98年", "1998年8月，长江发生洪水。"),
        bad("他于15年3月入职。", "15年", "他于2015年3月入职。"),
        good("1998年8月，长江发生洪水。"),
        good("建党90年来的成就。"),
        good("20世纪90年代"),
    ]

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        text = ctx.text
        for m in _YEAR_RE.finditer(text):
            s = m.start() - 2
            digits = text[s : m.start()]
            if s < 0 or not (digits.isascii() and digits.isdigit()):
                continue
            if s > 0 and (
                (text[s - 1].isalnum() and text[s - 1].isascii()) or text[s - 1] in "./:-"
            ):
                continue
            yy = int(digits)
            first, other = ("20", "19") if yy <= _CENTURY_PIVOT else ("19", "20")
            yield self.finding(
                ctx,
                s,
                3,
                f"年份不能简写，应写全，如“{first}{digits}年”。",
                f"Write the year in full, e.g. {first}{digits}.",
                [f"{first}{digits}年", f"{other}{digits}年"],
                Applicability.UNSAFE,
            )


# Found from 千 and 百 (literal prefixes) with a digit before them, checked in C by a
# lookbehind; the number before them is read backwards.
_MIXED_RES = (re.compile("千(?<=[0-9]千)"), re.compile("百(?<=[0-9]百)"))
# One digit, or a decimal: 5千, 1.5千. Longer numbers before 千/百 are names (2023百度,
# G60千岛湖) far more often than slips.
_NUMBER_BEFORE_RE = re.compile(r"(?<![\d.])\d(?:\.\d+)?$")
# 千米, 千克, 千瓦 … are units, not the numeral 千: 5千米 is right.
_UNIT_AFTER = frozenset("米克瓦帕伏卡焦赫兆")
_FACTOR = {"千": 1000, "百": 100}


class MixedNumeral(Rule):
    id = "mixed-numeral"
    category = Category.NUMBER
    severity = Severity.WARNING
    name = "数字混用"
    name_en = "Arabic digits mixed with 千 or 百"
    description = (
        "阿拉伯数字后面只能跟“万”“亿”，不能跟“千”“百”（GB/T 15835-2011）：5千 → 5000"
        "（或全用汉字“五千”），3千万 → 3000万。“5千米”“2千克”中的“千”是单位，不报告。"
        "两种改法由编辑选择。"
    )
    description_en = (
        "After Arabic digits only 万 and 亿 may follow, not 千 or 百: 5千 → 5000 (or 五千), "
        "3千万 → 3000万. 千米, 千克 … are units and are left alone."
    )
    examples: ClassVar[list[Example]] = [
        bad("观众约有5千人。", "5千", "观众约有5000人。"),
        bad("投资3千万元。", "3千", "投资3000万元。"),
        bad("1.5千吨粮食", "1.5千", "1500吨粮食"),
        good("观众约有5000人。"),
        good("全程5千米。"),
        good("投资3000万元。"),
        good("体重60千克。"),
    ]

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        text = ctx.text
        hits = []
        for regex in _MIXED_RES:
            for m in regex.finditer(text):
                p = m.start()
                e = p + 1
                if e < len(text) and text[e] in _UNIT_AFTER:
                    continue
                num = _NUMBER_BEFORE_RE.search(text, max(0, p - 24), p)
                if num is None:
                    continue
                s = num.start()
                if s > 0 and (
                    (text[s - 1].isascii() and text[s - 1].isalnum()) or text[s - 1] == "."
                ):
                    continue
                hits.append((s, e, num.group(), m.group()))
        for s, e, digits, magnitude in sorted(hits):
            try:
                value = Decimal(digits) * _FACTOR[magnitude]
            except InvalidOperation:
                continue
            arabic = format(value.normalize(), "f")
            if "." in arabic:
                arabic = arabic.rstrip("0").rstrip(".")
            yield self.finding(
                ctx,
                s,
                e - s,
                f"阿拉伯数字不与“{magnitude}”混用：应为“{arabic}”或全用汉字。",
                f"Do not mix digits with {magnitude}: write {arabic} or all in Chinese.",
                [arabic],
                Applicability.UNSAFE,
            )


_ZERO_YEAR_RE = re.compile("[〇零一二三四五六七八九]{4}(?=年)")
_ZERO_RE = re.compile("零")


class YearZero(Rule):
    id = "year-zero"
    category = Category.NUMBER
    severity = Severity.ERROR
    name = "年份中的“零”"
    name_en = "零 in a year written in Chinese numerals"
    description = (
        "用汉字写年份时，“0”写作“〇”，不写作“零”（GB/T 15835-2011）：二零二零年 → 二〇二〇年。"
    )
    description_en = "In a year written in Chinese numerals, zero is 〇, not 零: 二〇二〇年."
    examples: ClassVar[list[Example]] = [
        bad("二零二零年春天", "二零二零", "二〇二〇年春天"),
        bad("一九九零年", "一九九零", "一九九〇年"),
        good("二〇二〇年春天"),
        good("一千零五年"),
        good("零零星星"),
    ]

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        text = ctx.text
        if "零" not in text:
            return
        seen = -1
        for z in _ZERO_RE.finditer(text):  # 零 is rare: look around each one
            p = z.start()
            m = _ZERO_YEAR_RE.search(text, max(0, p - 3), p + 5)
            if m is None or m.start() > p or m.end() <= p or m.start() <= seen:
                continue
            seen = m.start()
            fixed = m.group().replace("零", "〇")
            yield self.finding(
                ctx,
                m.start(),
                4,
                f"年份中的“零”应写作“〇”：“{fixed}年”。",
                f"Write 〇 for zero in a year: {fixed}年.",
                [fixed],
                Applicability.SAFE,
            )


RULES: list[type[Rule]] = [
    ApproxNumberComma,
    RangeUnit,
    FullwidthDigit,
    AbbreviatedYear,
    MixedNumeral,
    YearZero,
]
