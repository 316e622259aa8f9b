"""Misused words and misspelt fixed expressions (category `wording`).

再接再励 → 再接再厉, 一股作气 → 一鼓作气, 按步就班 → 按部就班: a list of several hundred
common slips (resources/wordlists/misused-words.txt, wrong<TAB>right), matched with one
trie regex. Confusable pairs are in the list only where the wrong form is never right
(帐户 → 账户, 寻人启示 → 寻人启事); pairs that depend on meaning (反应/反映, 度过/渡过)
are left out. Short entries fire only on jieba word boundaries (see rules.wording).
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
def misused_entries() -> tuple[Entry, ...]:
    return tuple(Entry(w, r) for w, r in resources.wordmap("misused-words").items())


@builtin_lexicon
@cache
def full_lexicon() -> Lexicon:
    return Lexicon(misused_entries())


class MisusedWord(Rule):
    id = "misused-word"
    category = Category.WORDING
    severity = Severity.ERROR
    name = "错别字（固定词语）"
    name_en = "Misspelt word or fixed expression"
    description = (
        "成语和固定词语中的常见错字：再接再励 → 再接再厉，一股作气 → 一鼓作气，"
        "按步就班 → 按部就班，迫不急待 → 迫不及待，寻人启示 → 寻人启事。"
        "词表见 resources/wordlists/misused-words.txt，可以增补。四字以上的词语可以批量接受；"
        "两三个字的词语只在分词确认是一个词时才报告，改动须人工确认。"
    )
    description_en = (
        "Common misspellings of idioms and fixed words (再接再励 → 再接再厉, 一股作气 → "
        "一鼓作气). Four-character and longer entries have safe fixes; two- and "
        "three-character entries are reported only on word boundaries and need a look."
    )
    examples: ClassVar[list[Example]] = [
        bad("希望大家再接再励，取得更大成绩。", "再接再励", "希望大家再接再厉，取得更大成绩。"),
        bad("他一股作气跑完了全程。", "一股作气", "他一鼓作气跑完了全程。"),
        bad("工作要按步就班地推进。", "按步就班", "工作要按部就班地推进。"),
        bad("孩子们迫不急待地打开礼物。", "迫不急待", "孩子们迫不及待地打开礼物。"),
        bad("请把款项转入这个帐户。", "帐户", "请把款项转入这个账户。"),
        bad("门口贴着一张寻人启示。", "寻人启示", "门口贴着一张寻人启事。"),
        good("希望大家再接再厉，取得更大成绩。"),
        good("他一鼓作气跑完了全程。"),
        good("孩子们迫不及待地打开礼物。"),
        good("他的想象力很丰富。"),
        good("蚊帐单独清洗。"),
        good("接着作出了决定。"),
        good("他们在堪察加半岛考察。"),
    ]

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        disabled = ctx.config.disabled_entries
        lex = lexicon_for(
            self.id,
            tuple(sorted(disabled)),
            lambda: full_lexicon().without(disabled, self.id),
        )
        for s, e, entry in lex.matches(ctx.text, spans=shared_matches(ctx, lex)):
            yield self.finding(
                ctx,
                s,
                e - s,
                f"“{entry.wrong}”应为“{entry.right}”。",
                f"{entry.wrong} should be {entry.right}.",
                [entry.right],
                Applicability.SAFE if e - s > SHORT else Applicability.UNSAFE,
                group=f"misused:{entry.wrong}",
            )


RULES: list[type[Rule]] = [MisusedWord]
