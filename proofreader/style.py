"""Loading the newsroom settings: the house style sheet and `.proofreader.toml`.

Two places, merged into a Config (desk settings add to the user's):

- the user's settings folder (`PROOFREADER_CONFIG_DIR`, else `$XDG_CONFIG_HOME/proofreader`,
  else `~/.config/proofreader`): `house-style.toml` or `house-style.txt`;
- `.proofreader.toml` in the draft's folder or the nearest parent that has one, shared by a
  newsroom beside its drafts.

A plain-text sheet holds one entry per line, `#` starting the note:

    新冠肺炎 → 新冠病毒感染   # 2023年起的规范名称
    本报讯 → 本报消息 @headline  # only in headlines
    (-> and => work as arrows too; a tab between the two forms as well)

`.proofreader.toml`:

    [style]
    file = "house-style.txt"              # optional, relative to this file
    entries = ["微信公众号 → 微信公众账号"]
    [[style.entry]]
    wrong = "新冠肺炎"
    right = "新冠病毒感染"
    note = "2023年起的规范名称"
    scope = "body"                        # body | headline | byline (default: everywhere)

    [variants]
    disabled = ["笔划"]                    # switch single list entries off (any rule)
    enabled = ["其它"]                     # switch house choices on

    [terms]
    banned = [{term = "小鲜肉", preferred = "年轻演员", reason = "本报不用"}]
    cautious = [{term = "砖家", preferred = "专家", reason = "调侃用语"}]

    [ignore]                              # suppression, see proofreader.suppress
    rules = ["cautious-term"]
    texts = [{rule = "misused-word", text = "按装"}, {text = "某某"}]
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from proofreader.config import Config, StyleEntry, TermEntry

DESK_FILE = ".proofreader.toml"
SHEET_NAMES = ("house-style.toml", "house-style.txt")
SCOPES = frozenset({"", "body", "headline", "byline"})

_ARROW_RE = re.compile(r"\s*(?:→|->|=>|\t)\s*")
_SCOPE_RE = re.compile(r"\s@(\w+)\s*$")


class StyleError(ValueError):
    """A settings file that cannot be read; the message names the file and the line."""


def user_config_dir() -> Path:
    env = os.environ.get("PROOFREADER_CONFIG_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CONFIG_HOME")
    base = Path(xdg) if xdg else Path.home() / ".config"
    return base / "proofreader"


def parse_sheet_text(text: str, source: str = "<sheet>") -> list[StyleEntry]:
    """Entries of a plain-text sheet: `A → B  @scope  # note` per line."""
    out = []
    for n, raw in enumerate(text.splitlines(), 1):
        line, _, note = raw.partition("#")
        line = line.strip()
        if not line:
            continue
        scope = ""
        m = _SCOPE_RE.search(" " + line)
        if m:
            scope = m.group(1)
            line = (" " + line)[: m.start()].strip()
        parts = _ARROW_RE.split(line, maxsplit=1)
        if len(parts) != 2 or not parts[0]:
            raise StyleError(f"{source}:{n}: expected “A → B”, got {raw.strip()!r}")
        out.append(_entry(parts[0], parts[1], note.strip(), scope, f"{source}:{n}"))
    return out


def _entry(wrong: str, right: str, note: str, scope: str, where: str) -> StyleEntry:
    wrong, right, scope = wrong.strip(), right.strip(), scope.strip().lower()
    if not wrong:
        raise StyleError(f"{where}: empty form")
    if scope not in SCOPES:
        raise StyleError(f"{where}: unknown scope {scope!r} (body, headline or byline)")
    return StyleEntry(wrong, right, note, scope)


def parse_sheet_toml(
    data: dict[str, Any], source: str, base: Path | None = None
) -> list[StyleEntry]:
    """Entries of the `[style]` table of a TOML file (house-style.toml or .proofreader.toml)."""
    style = data.get("style", {})
    if not isinstance(style, dict):
        raise StyleError(f"{source}: [style] must be a table")
    out: list[StyleEntry] = []
    if "file" in style:
        if base is None:
            raise StyleError(f"{source}: style.file needs a folder to be relative to")
        out += load_sheet(base / str(style["file"]))
    for line in style.get("entries", []):
        out += parse_sheet_text(str(line), source)
    for i, item in enumerate(style.get("entry", []), 1):
        if not isinstance(item, dict):
            raise StyleError(f"{source}: style.entry #{i} must be a table")
        out.append(
            _entry(
                str(item.get("wrong", "")),
                str(item.get("right", "")),
                str(item.get("note", "")),
                str(item.get("scope", "")),
                f"{source}: style.entry #{i}",
            )
        )
    return out


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as e:
        raise StyleError(f"{path}: {e}") from None
    except UnicodeDecodeError as e:
        raise StyleError(f"{path}: not UTF-8 ({e.reason})") from None


def load_sheet(path: Path) -> list[StyleEntry]:
    """A house style sheet, TOML or plain text by its extension."""
    if path.suffix.lower() == ".toml":
        return parse_sheet_toml(_read_toml(path), str(path), path.parent)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as e:
        raise StyleError(f"{path}: not UTF-8 ({e.reason})") from None
    return parse_sheet_text(text, str(path))


def load_user_sheet(config_dir: Path | None = None) -> list[StyleEntry]:
    folder = config_dir or user_config_dir()
    for name in SHEET_NAMES:
        path = folder / name
        if path.is_file():
            return load_sheet(path)
    return []


def find_desk_file(draft: Path) -> Path | None:
    """`.proofreader.toml` in the draft's folder or the nearest parent that holds one."""
    folder = draft if draft.is_dir() else draft.parent
    for candidate in [folder.resolve(), *folder.resolve().parents]:
        path = candidate / DESK_FILE
        if path.is_file():
            return path
    return None


@dataclass
class DeskSettings:
    """What a `.proofreader.toml` says, as plain data."""

    path: Path | None = None
    style: list[StyleEntry] = field(default_factory=list)
    disabled: set[str] = field(default_factory=set)
    enabled: set[str] = field(default_factory=set)
    banned: list[TermEntry] = field(default_factory=list)
    cautious: list[TermEntry] = field(default_factory=list)
    ignore_rules: set[str] = field(default_factory=set)
    ignore_texts: set[tuple[str, str]] = field(default_factory=set)


def _strings(value: Any, where: str) -> set[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise StyleError(f"{where} must be a list of strings")
    return set(value)


def _terms(value: Any, where: str) -> list[TermEntry]:
    out = []
    for i, item in enumerate(value or [], 1):
        if isinstance(item, str):
            out.append(TermEntry(item))
        elif isinstance(item, dict) and item.get("term"):
            out.append(
                TermEntry(
                    str(item["term"]), str(item.get("preferred", "")), str(item.get("reason", ""))
                )
            )
        else:
            raise StyleError(
                f"{where} #{i}: expected a term or {{term = …, preferred = …, reason = …}}"
            )
    return out


def parse_desk(data: dict[str, Any], source: str, base: Path | None = None) -> DeskSettings:
    desk = DeskSettings(style=parse_sheet_toml(data, source, base))
    variants = data.get("variants", {})
    desk.disabled = _strings(variants.get("disabled", []), f"{source}: variants.disabled")
    desk.enabled = _strings(variants.get("enabled", []), f"{source}: variants.enabled")
    terms = data.get("terms", {})
    desk.banned = _terms(terms.get("banned"), f"{source}: terms.banned")
    desk.cautious = _terms(terms.get("cautious"), f"{source}: terms.cautious")
    ignore = data.get("ignore", {})
    desk.ignore_rules = _strings(ignore.get("rules", []), f"{source}: ignore.rules")
    for i, item in enumerate(ignore.get("texts", []), 1):
        if isinstance(item, str):
            desk.ignore_texts.add(("*", item))
        elif isinstance(item, dict) and item.get("text"):
            desk.ignore_texts.add((str(item.get("rule", "*")), str(item["text"])))
        else:
            raise StyleError(f"{source}: ignore.texts #{i}: expected {{rule = …, text = …}}")
    return desk


def load_desk(path: Path) -> DeskSettings:
    desk = parse_desk(_read_toml(path), str(path), path.parent)
    desk.path = path
    return desk


def apply(
    config: Config, desk: DeskSettings | None = None, user_sheet: list[StyleEntry] | None = None
) -> Config:
    """A copy of `config` with the user's sheet and a desk's settings added."""
    style = list(config.house_style) + list(user_sheet or [])
    if desk is None:
        return replace(config, house_style=style)
    return replace(
        config,
        house_style=style + desk.style,
        disabled_entries=config.disabled_entries | desk.disabled,
        enabled_entries=config.enabled_entries | desk.enabled,
        extra_banned=list(config.extra_banned) + desk.banned,
        extra_cautious=list(config.extra_cautious) + desk.cautious,
        ignore=config.ignore | desk.ignore_rules,
        suppressed=config.suppressed | desk.ignore_texts,
    )


def config_for(draft: Path, config: Config | None = None, config_dir: Path | None = None) -> Config:
    """The Config to check `draft` with: the user's sheet, then the nearest desk file."""
    base = config or Config()
    desk_path = find_desk_file(draft)
    desk = load_desk(desk_path) if desk_path else None
    return apply(base, desk, load_user_sheet(config_dir))
