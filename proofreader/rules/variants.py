"""Variant word forms (category `wording`): 第一批异形词整理表 (GF 1001-2001).

The standard lists groups of words written two or more ways and names the recommended
form; publications use it. The groups are data (resources/wordlists/variants-gf1001.txt:
recommended<TAB>non-recommended forms); entries marked `house` are house choices beyond
the standard (其它 → 其他). A desk switches single entries off through
`Config.disabled_entries` (.proofreader.toml: `[variants] disabled = ["笔划"]`); house
choices are off until switched on (`[variants] enabled = ["其它"]`, `Config.enabled_entries`):
correct prose holds 其它 (FCGEC does).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import ClassVar

from proofreader import resources
from proofreader.model import Applicability, Category, Finding, Severity
from proofreader.rules.base import CheckContext, Example, Rule, bad, good
from proofreader.rules.wording import (
    SHORT,
    Entry,
    Lexicon,
    builtin_lexicon,
    lexicon_for,
    shared_matches,
)


@cache
def variant_entries() -> tuple[Entry, ...]:
    out = []
    for line in resources.wordlist("variants-gf1001"):
        parts = line.split("\t")
        right, wrongs = parts[0].strip(), parts[1].split()
        note = parts[2].strip() if len(parts) > 2 else ""
        out += [Entry(w, right, note=note) for w in wrongs]
    return tuple(out)


@builtin_lexicon
@cache
def full_lexicon() -> Lexicon:
    return Lexicon(variant_entries())


def _chosen(enabled: set[str], rule_id: str) -> list[Entry]:
    """The standard's entries, plus the house choices a desk switched on."""
    return [
        e
        for e in variant_entries()
        if e.note != "house" or e.wrong in enabled or f"{rule_id}:{e.wrong}" in enabled
    ]


class VariantForm(Rule):
    id = "variant-form"
    category = Category.WORDING
    severity = Severity.WARNING
    name = "异形词"
    name_en = "Non-recommended variant form"
    description = (
        "按《第一批异形词整理表》（GF 1001-2001），同一个词有几种写法时，出版物使用推荐词形："
        "笔划 → 笔画，成份 → 成分，含胡 → 含糊。“其它 → 其他”等本社用字规定默认关闭，"
        '编辑部可以在 .proofreader.toml 中开启（[variants] enabled = ["其它"]）。'
        "两三个字的词只在分词确认是一个词时才报告（“确定单位”里的“定单”不算）。"
        "编辑部可以在 .proofreader.toml 中关闭单个词条。"
    )
    description_en = (
        "GF 1001-2001 names the recommended form of words written several ways: 笔划 → 笔画, "
        "成份 → 成分. House choices (其它 → 其他) are off until a desk switches them on. "
        "Short forms are reported only where word segmentation confirms them; a desk can "
        "switch single entries off in .proofreader.toml."
    )
    examples: ClassVar[list[Example]] = [
        bad("这个字的笔划很多。", "笔划", "这个字的笔画很多。"),
        bad("药品的成份要标清楚。", "成份", "药品的成分要标清楚。"),
        bad("他回答得很含胡。", "含胡", "他回答得很含糊。"),
        bad("演出十分精采。", "精采", "演出十分精彩。"),
        bad("他们丰富多采的业余生活。", "丰富多采", "他们丰富多彩的业余生活。"),
        bad("现场录象已经保存。", "录象", "现场录像已经保存。"),
        good("这个字的笔画很多。"),
        good("药品的成分要标清楚。"),
        good("其他事项另行通知。"),
        good("其它事项另行通知。"),
        good("首先要确定单位的性质。"),
        good("他点了一份外卖。"),
        good("这是一篇记叙文。"),
        good("孩子细心地照顾小狗。"),
    ]

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        disabled = ctx.config.disabled_entries
        enabled = ctx.config.enabled_entries
        lex = lexicon_for(
            self.id,
            (tuple(sorted(disabled)), tuple(sorted(enabled))),
            lambda: Lexicon(_chosen(enabled, self.id)).without(disabled, self.id),
        )
        for s, e, entry in lex.matches(ctx.text, spans=shared_matches(ctx, lex)):
            house = entry.note == "house"
            why = "本社用字规定" if house else "《第一批异形词整理表》推荐词形"
            yield self.finding(
                ctx,
                s,
                e - s,
                f"“{entry.wrong}”应写作“{entry.right}”（{why}）。",
                f"Write {entry.right}, not {entry.wrong} "
                f"({'house style' if house else 'GF 1001-2001 recommended form'}).",
                [entry.right],
                Applicability.SAFE if e - s > SHORT else Applicability.UNSAFE,
                group=f"variant:{entry.wrong}",
            )


RULES: list[type[Rule]] = [VariantForm]
