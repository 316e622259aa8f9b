"""Settings that change what a check reports. Plain data: the CLI, the UI and tests build it."""

from __future__ import annotations

from dataclasses import dataclass, field

from proofreader.model import Severity

DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024


@dataclass(frozen=True)
class StyleEntry:
    """One line of a house style sheet: write `right`, not `wrong` (see proofreader.style)."""

    wrong: str
    right: str
    note: str = ""
    scope: str = ""  # "" = everywhere, else a paragraph kind: "body", "headline", "byline"


@dataclass(frozen=True)
class TermEntry:
    """A desk's own banned or cautious term: the reason and the preferred wording."""

    term: str
    preferred: str = ""
    reason: str = ""


@dataclass
class Config:
    # Rule selection by id or by category name; empty select means "all default rules".
    select: set[str] = field(default_factory=set)
    ignore: set[str] = field(default_factory=set)
    severity: dict[str, Severity] = field(default_factory=dict)  # per-rule override
    # The user dictionary: words that are right as written (never flagged) and proper names
    # (left alone by the script rule, e.g. a person's traditional-character name).
    allowed_words: set[str] = field(default_factory=set)
    proper_names: set[str] = field(default_factory=set)
    lang: str = "zh"  # language of messages in reports: "zh" or "en"
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    languagetool_url: str | None = None
    languagetool_timeout: float = 10.0
    # Newsroom rules (proofreader.style loads these from the settings folder and from
    # .proofreader.toml beside the drafts). Entries of the built-in word lists switched off,
    # by their flagged form ("其它") or as "rule-id:form" ("variant-form:其它").
    disabled_entries: set[str] = field(default_factory=set)
    # Opt-in entries (house choices such as 其它 → 其他, off by default), named the same way.
    enabled_entries: set[str] = field(default_factory=set)
    house_style: list[StyleEntry] = field(default_factory=list)
    extra_banned: list[TermEntry] = field(default_factory=list)
    extra_cautious: list[TermEntry] = field(default_factory=list)
    # Suppression by exact text: (rule id or category or "*", text). See proofreader.suppress.
    suppressed: set[tuple[str, str]] = field(default_factory=set)

    def rule_enabled(self, rule_id: str, category: str, default: bool = True) -> bool:
        if rule_id in self.ignore or category in self.ignore:
            return False
        if self.select:
            return rule_id in self.select or category in self.select
        return default
