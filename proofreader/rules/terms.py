"""Banned and cautious terms (category `wording`, warnings, no automatic fix).

News style guides (新华社《新闻信息报道中的禁用词和慎用词》) ask reporters to avoid
disparaging names for disabled people, vulgarities, discriminatory labels, verdict words
before a verdict and politically wrong names; the advertising law bans superlative claims.
Each list entry carries the reason and the preferred wording, shown in the message; the
editor rewrites (a mechanical substitution would often read wrong). Lists live in
resources/wordlists/{banned,cautious,superlative}-terms.txt; a desk adds its own through
`Config.extra_banned` / `Config.extra_cautious` (.proofreader.toml `[terms]`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from typing import ClassVar

from proofreader.config import TermEntry
from proofreader.model import Category, Finding, Severity
from proofreader.rules.base import CheckContext, Example, Rule, bad, good
from proofreader.rules.wording import (
    Entry,
    Lexicon,
    builtin_lexicon,
    lexicon_for,
    shared_matches,
    term_list,
)


def _desk(entries: list[TermEntry]) -> list[Entry]:
    return [Entry(t.term, t.preferred, t.reason) for t in entries if t.term]


def _builtin(name: str, shared: bool = True) -> Callable[[], Lexicon]:
    @cache
    def lexicon() -> Lexicon:
        return Lexicon(term_list(name))

    return builtin_lexicon(lexicon) if shared else lexicon


_LEXICONS = {
    "banned-terms": _builtin("banned-terms"),
    "cautious-terms": _builtin("cautious-terms"),
    # Off by default, and anchored on common characters (最, 第): scans alone when on.
    "superlative-terms": _builtin("superlative-terms", shared=False),
}


class _TermRule(Rule):
    category = Category.WORDING
    severity = Severity.WARNING
    list_name: ClassVar[str]
    kind: ClassVar[str]  # how the message names the list: 禁用词, 慎用词 …

    def desk_terms(self, ctx: CheckContext) -> list[TermEntry]:
        return []

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        config = ctx.config
        extra = self.desk_terms(ctx)
        disabled = config.disabled_entries
        lex = lexicon_for(
            self.id,
            (tuple(sorted(disabled)), tuple(extra)),
            lambda: Lexicon([*_desk(extra), *term_list(self.list_name)]).without(disabled, self.id),
        )
        for s, e, entry in lex.matches(ctx.text, spans=shared_matches(ctx, lex)):
            reason = f"{entry.reason}。" if entry.reason else ""
            prefer = f"宜用“{entry.right}”。" if entry.right else ""
            yield self.finding(
                ctx,
                s,
                e - s,
                f"“{entry.wrong}”是{self.kind}：{reason}{prefer}",
                f"{entry.wrong}: {self.name_en.lower()}"
                + (f"; prefer {entry.right}" if entry.right else "")
                + ".",
                group=f"{self.id}:{entry.wrong}",
                reason=entry.reason,
                preferred=entry.right,
            )


class BannedTerm(_TermRule):
    id = "banned-term"
    list_name = "banned-terms"
    kind = "禁用词"
    name = "禁用词"
    name_en = "Banned term"
    description = (
        "新闻报道中不使用的词语：对残疾人的蔑称（瞎子、聋子、残废等）、粗俗用语、带有歧视色彩的"
        "称呼。消息中说明原因和宜用的说法，不自动修改，由编辑改写。词表见 "
        "resources/wordlists/banned-terms.txt；编辑部可以在 .proofreader.toml 的 [terms] "
        "中增补自己的禁用词。"
    )
    description_en = (
        "Terms news copy does not use: disparaging names for disabled people, vulgarities, "
        "discriminatory labels. The message gives the reason and the preferred wording; no "
        "automatic fix. A desk adds its own terms in .proofreader.toml [terms]."
    )
    examples: ClassVar[list[Example]] = [
        bad("村里的瞎子老王每天早起。", "瞎子"),
        bad("他小时候被人叫作聋子。", "聋子"),
        bad("这孩子被说成弱智。", "弱智"),
        bad("网友直呼太牛逼了。", "牛逼"),
        bad("她因为是剩女而被催婚。", "剩女"),
        good("村里的盲人老王每天早起。"),
        good("他吃了个哑巴亏。"),
        good("这是个书呆子。"),
        good("她患有侏儒症。"),
        good("妈妈的手艺很好。"),
        good("我靠自己的努力考上了大学。"),
    ]

    def desk_terms(self, ctx: CheckContext) -> list[TermEntry]:
        return ctx.config.extra_banned


class CautiousTerm(_TermRule):
    id = "cautious-term"
    list_name = "cautious-terms"
    kind = "慎用词"
    name = "慎用词"
    name_en = "Term to use with caution"
    description = (
        "需要慎用的说法：涉及国家主权和领土的称谓（台湾当局不称“台湾政府”，香港与内地并称）、"
        "判决前的定罪用语（“杀人犯”等，法院宣判前称“犯罪嫌疑人”）、不规范的国名。"
        "消息中说明原因和宜用的说法，不自动修改。编辑部可以增补自己的慎用词。"
    )
    description_en = (
        "Terms to use with caution: names touching sovereignty (台湾当局, not 台湾政府), "
        "verdict words before a verdict (犯罪嫌疑人 until a court rules), informal country "
        "names. The message gives the reason and the preferred wording; no automatic fix."
    )
    examples: ClassVar[list[Example]] = [
        bad("台湾政府宣布了新政策。", "台湾政府"),
        bad("大陆和香港的交流日益密切。", "大陆和香港"),
        bad("警方抓获了杀人犯张某。", "杀人犯"),
        bad("北朝鲜发射了一枚导弹。", "北朝鲜"),
        bad("对方把他推上被告席。", "推上被告席"),
        good("台湾当局宣布了新政策。"),
        good("内地和香港的交流日益密切。"),
        good("警方抓获了犯罪嫌疑人张某。"),
        good("朝鲜半岛局势缓和。"),
        good("韩国和朝鲜举行会谈。"),
    ]

    def desk_terms(self, ctx: CheckContext) -> list[TermEntry]:
        return ctx.config.extra_cautious


class SuperlativeClaim(_TermRule):
    id = "superlative-claim"
    list_name = "superlative-terms"
    kind = "绝对化用语"
    name = "绝对化用语（广告）"
    name_en = "Superlative advertising claim"
    enabled_by_default = False
    description = (
        "《广告法》禁止的绝对化用语：国家级、最高级、最佳、顶级、首选、全网最低等。"
        "新闻报道中这些词大多正常（最佳射手），因此默认关闭，供广告、专版版面开启"
        "（--select superlative-claim 或 .proofreader.toml）。不自动修改。"
    )
    description_en = (
        "Superlative claims the advertising law bans (国家级, 最佳, 顶级, 首选 …). Most are "
        "fine in news (最佳射手), so the rule is off by default: a desk turns it on for "
        "advertorial pages. No automatic fix."
    )
    examples: ClassVar[list[Example]] = [
        bad("本品是您送礼的首选。", "首选"),
        bad("顶级食材，全网最低价。", "顶级"),
        bad("我们的面膜无副作用。", "无副作用"),
        bad("这是市场上最佳的选择。", "最佳"),
        good("他当选本赛季最佳射手。"),
        good("本品是您送礼的好选择。"),
        good("这种药的副作用很小。"),
    ]


RULES: list[type[Rule]] = [BannedTerm, CautiousTerm, SuperlativeClaim]
