"""House style (category `wording`): a newsroom's own preferred forms, `A → B`.

The sheet is data the desk owns: loaded by proofreader.style from the user's settings
folder and from `.proofreader.toml` beside the drafts, handed to the Checker through
`Config.house_style`. Each entry may carry a note (shown in the message) and a scope (a
paragraph kind: body, headline, byline) outside which it does not apply.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from proofreader.config import Config, StyleEntry
from proofreader.model import Applicability, Category, Finding, Severity
from proofreader.rules.base import CheckContext, Example, Rule, bad, good
from proofreader.rules.wording import Entry, Lexicon, lexicon_for

# The sheet the documented examples run with (a Config without a sheet is silent).
EXAMPLE_SHEET = [
    StyleEntry("新冠肺炎", "新冠病毒感染", "2023年起的规范名称"),
    StyleEntry("微信公众号", "微信公众账号"),
    StyleEntry("本报讯", "本报消息", "本报头版用法", scope="headline"),
]


class HouseStyle(Rule):
    id = "house-style"
    category = Category.WORDING
    severity = Severity.WARNING
    name = "本社用字规范"
    name_en = "House style"
    description = (
        "编辑部自己的用字规范：一行一条“A → B  # 说明”，可以限定适用范围（正文、标题、署名）。"
        "规范表放在用户设置文件夹（house-style.toml 或 house-style.txt）或稿件旁的 "
        ".proofreader.toml 中，全编辑部共用。修改须人工确认。"
    )
    description_en = (
        "The desk's own preferred forms, one `A → B  # note` per line, optionally limited to "
        "a paragraph kind (body, headline, byline). The sheet lives in the settings folder "
        "or in .proofreader.toml beside the drafts, shared by the newsroom."
    )
    examples: ClassVar[list[Example]] = [
        bad("新冠肺炎疫情防控工作。", "新冠肺炎", "新冠病毒感染疫情防控工作。"),
        bad("关注微信公众号。", "微信公众号", "关注微信公众账号。"),
        good("新冠病毒感染疫情防控工作。"),
        good("第一段正文。\n\n本报讯 记者 李明"),
    ]

    @classmethod
    def example_config(cls) -> Config:
        """The settings the documented examples run with (tests/test_rule_examples.py)."""
        return Config(house_style=list(EXAMPLE_SHEET))

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        sheet = ctx.config.house_style
        if not sheet:
            return
        lex = lexicon_for(
            self.id,
            tuple(sheet),
            lambda: Lexicon(Entry(e.wrong, e.right, note=e.note) for e in sheet if e.wrong),
        )
        scopes = {e.wrong: e.scope for e in sheet}
        for s, e, entry in lex.matches(ctx.text):
            scope = scopes.get(entry.wrong, "")
            if scope:
                para = ctx.paragraph_at(s)
                if para is None or str(para.kind) != scope:
                    continue
            note = f"（{entry.note}）" if entry.note else ""
            yield self.finding(
                ctx,
                s,
                e - s,
                f"按本社用字规范，“{entry.wrong}”写作“{entry.right}”{note}。",
                f"House style: write {entry.right}, not {entry.wrong}"
                + (f" ({entry.note})" if entry.note else "")
                + ".",
                [entry.right] if entry.right else [],
                Applicability.UNSAFE,
                group=f"house-style:{entry.wrong}",
            )


RULES: list[type[Rule]] = [HouseStyle]
