"""What every rule is: an id, a category, documentation, examples that run as tests."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import ClassVar

from proofreader.config import Config
from proofreader.model import Applicability, Category, Finding, Severity
from proofreader.structure import Kind, Paragraph, paragraphs


@dataclass(frozen=True)
class Example:
    """A documented example. For a bad one, `span` is the text the finding must cover and
    `fixed` the whole text after its first replacement (None: no automatic fix expected)."""

    text: str
    bad: bool
    span: str | None = None
    fixed: str | None = None


def bad(text: str, span: str, fixed: str | None = None) -> Example:
    return Example(text, True, span, fixed)


def good(text: str) -> Example:
    return Example(text, False)


class CheckContext:
    """The text under check and what rules share about it (computed once, lazily)."""

    def __init__(self, text: str, config: Config | None = None) -> None:
        self.text = text
        self.config = config or Config()
        self.cache: dict[str, object] = {}  # rules may memoise document-level facts here

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        return paragraphs(self.text)

    def body_paragraphs(self) -> Iterator[Paragraph]:
        return (p for p in self.paragraphs if p.kind == Kind.BODY)

    @cached_property
    def paragraph_starts(self) -> list[int]:
        """The start offset of each paragraph, in order (for bisecting an offset)."""
        return [p.start for p in self.paragraphs]

    def paragraph_at(self, offset: int) -> Paragraph | None:
        i = bisect.bisect_right(self.paragraph_starts, offset) - 1
        return self.paragraphs[i] if i >= 0 else None


class Rule:
    """Base class. Subclasses set the class attributes and implement `check`."""

    id: ClassVar[str]
    category: ClassVar[Category]
    severity: ClassVar[Severity] = Severity.ERROR
    name: ClassVar[str]  # short Chinese title
    name_en: ClassVar[str]
    description: ClassVar[str]  # Chinese explanation: what it flags and why
    description_en: ClassVar[str] = ""
    examples: ClassVar[list[Example]] = []
    enabled_by_default: ClassVar[bool] = True

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(
        self,
        ctx: CheckContext,
        offset: int,
        length: int,
        message: str,
        message_en: str = "",
        replacements: Iterable[str] = (),
        applicability: Applicability = Applicability.SAFE,
        group: str | None = None,
        **data: object,
    ) -> Finding:
        return Finding(
            rule=self.id,
            category=self.category,
            severity=ctx.config.severity.get(self.id, self.severity),
            offset=offset,
            length=length,
            message=message,
            replacements=tuple(replacements),
            applicability=applicability,
            message_en=message_en,
            group=group,
            data=dict(data),
        )

    @classmethod
    def page(cls, lang: str = "zh") -> str:
        """The rule's documentation page as Markdown-ish plain text."""
        en = lang.startswith("en")
        title = cls.name_en if en else cls.name
        desc = (cls.description_en or cls.description) if en else cls.description
        meta = f"category: {cls.category}  severity: {cls.severity}"
        lines = [f"{cls.id} — {title}", "", meta, ""]
        lines += [desc.strip(), ""]
        bads = [e for e in cls.examples if e.bad]
        goods = [e for e in cls.examples if not e.bad]
        if bads:
            lines.append("Bad:" if en else "错误示例：")
            for e in bads:
                fix = f"  →  {e.fixed}" if e.fixed is not None else ""
                lines.append(f"  ✗ {_one_line(e.text)}{_one_line(fix)}")
        if goods:
            lines.append("Good:" if en else "正确示例：")
            lines += [f"  ✓ {_one_line(e.text)}" for e in goods]
        return "\n".join(lines)


def _one_line(text: str) -> str:
    """Examples may span paragraphs: show their line breaks as ⏎ so each stays on one line."""
    return text.replace("\r\n", "⏎").replace("\n", "⏎")


@dataclass
class RuleDoc:
    """A rule's documentation as plain data, for the UI detail pane and the exporters."""

    id: str
    category: str
    severity: str
    name: str
    name_en: str
    description: str
    description_en: str
    bad: list[Example] = field(default_factory=list)
    good: list[Example] = field(default_factory=list)

    @classmethod
    def of(cls, rule: type[Rule]) -> RuleDoc:
        return cls(
            rule.id,
            str(rule.category),
            str(rule.severity),
            rule.name,
            rule.name_en,
            rule.description,
            rule.description_en,
            [e for e in rule.examples if e.bad],
            [e for e in rule.examples if not e.bad],
        )
