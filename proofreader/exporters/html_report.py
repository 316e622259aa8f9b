"""HTML report: one self-contained page (inline CSS, no script, no external asset) that an
editor opens in a browser or prints. Everything taken from a draft is escaped by Jinja2's
autoescape; the template is resources/templates/report.html.j2."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING, Any

import proofreader
from proofreader import resources
from proofreader.batch import FileResult
from proofreader.exporters._common import Row, by_category, rows, timestamp
from proofreader.model import Category

if TYPE_CHECKING:
    import jinja2

CONTEXT = 20  # characters shown on each side of a finding
LONG_SPAN = 60  # a flagged text longer than this is shown shortened in the middle
COLLAPSE_AT = 5  # a group with at least this many findings is shown as one summary row

UI: dict[str, dict[str, str]] = {
    "zh": {
        "title": "校对报告", "created": "生成时间", "editor": "校对员", "generator": "生成工具",
        "files": "文件", "findings": "问题", "files_with_errors": "无法检查的文件",
        "by_category": "按类别统计", "by_file": "按文件统计", "category": "类别",
        "count": "数量", "share": "占比", "path": "文件", "encoding": "编码",
        "length": "字数", "status": "状态", "position": "位置", "rule": "规则",
        "context": "原文（上下文）", "suggestion": "建议", "message": "说明",
        "no_fix": "无自动修改，请人工处理", "delete": "删除", "ok": "已检查",
        "error": "无法检查", "error_files": "无法检查的文件", "reason": "原因",
        "clean": "未发现问题。", "line_col": "行 {line}，列 {column}",
        "group_count": "共 {count} 处", "show_all": "展开全部 {count} 处",
        "none": "无", "total": "合计", "chars": "{n} 字", "colon": "：",
        "revisions": "含修订痕迹（按全部接受后的文本检查）",
        "grammar": "语法检查", "grammar_connected": "LanguageTool 已连接",
        "grammar_not-configured": "未运行（未配置 LanguageTool 服务）",
        "grammar_unreachable": "未完成（无法连接 LanguageTool 服务）",
    },
    "en": {
        "title": "Proofreading report", "created": "Created", "editor": "Editor",
        "generator": "Generator", "files": "Files", "findings": "Findings",
        "files_with_errors": "Files not checked", "by_category": "By category",
        "by_file": "By file", "category": "Category", "count": "Count", "share": "Share",
        "path": "File", "encoding": "Encoding", "length": "Characters", "status": "Status",
        "position": "Position", "rule": "Rule", "context": "Text (in context)",
        "suggestion": "Suggestion", "message": "Message", "no_fix": "No automatic fix",
        "delete": "delete", "ok": "checked", "error": "not checked",
        "error_files": "Files that could not be checked", "reason": "Reason",
        "clean": "No findings.", "line_col": "line {line}, col {column}",
        "group_count": "{count} occurrences", "show_all": "Show all {count}",
        "none": "none", "total": "Total", "chars": "{n} chars", "colon": ": ",
        "revisions": "has tracked changes (checked as if all were accepted)",
        "grammar": "Grammar checks", "grammar_connected": "LanguageTool connected",
        "grammar_not-configured": "not run (no LanguageTool server configured)",
        "grammar_unreachable": "incomplete (LanguageTool server unreachable)",
    },
}

CATEGORY_NAMES: dict[str, dict[str, str]] = {
    "zh": {
        "duplicate": "重复", "quote": "引号", "fragment": "断段", "script": "繁体字",
        "punctuation": "标点", "grammar": "语法", "wording": "用词", "number": "数字用法",
        "other": "其他",
    },
    "en": {str(c): str(c) for c in Category},
}

STATUS_NAMES: dict[str, dict[str, str]] = {
    "zh": {"pending": "待处理", "accepted": "已采纳", "rejected": "已驳回", "ignored": "已忽略"},
    "en": {"pending": "pending", "accepted": "accepted", "rejected": "rejected",
           "ignored": "ignored"},
}


def visible(s: str) -> str:
    """Line breaks and tabs drawn as symbols so a context stays on one line."""
    return s.replace("\r\n", "↵").replace("\n", "↵").replace("\r", "↵").replace("\t", "⇥")


def shorten(s: str, limit: int = LONG_SPAN) -> str:
    if len(s) <= limit:
        return s
    half = (limit - 1) // 2
    return s[:half] + "…" + s[-half:]


@dataclass
class Item:
    """A finding as the page shows it."""

    line: int
    column: int
    position: str  # "行 3，列 12"
    rule: str
    rule_name: str
    category: str
    severity: str
    before: str
    flagged: str
    after: str
    suggestion: str | None  # None: no automatic fix
    message: str
    status: str
    before_cut: bool = False
    after_cut: bool = False


@dataclass
class Group:
    """Many findings of one group key (e.g. every half-width comma of a page)."""

    first: Item
    members: list[Item] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.members)


@cache
def _rule_names(lang: str) -> dict[str, str]:
    from proofreader.rules import ALL_RULES

    en = lang.startswith("en")
    return {r.id: (getattr(r, "name_en", "") if en else getattr(r, "name", "")) or r.id
            for r in ALL_RULES}


def _item(row: Row, text: str, lang: str) -> Item:
    f = row.finding
    lo, hi = max(0, f.offset - CONTEXT), min(len(text), f.end + CONTEXT)
    suggestion = f.replacements[0] if f.replacements else None
    return Item(
        line=row.line, column=row.column,
        position=UI[lang]["line_col"].format(line=row.line, column=row.column), rule=f.rule,
        rule_name=_rule_names(lang).get(f.rule, f.rule),
        category=str(f.category), severity=str(f.severity),
        before=visible(text[lo : f.offset]), flagged=visible(shorten(row.text)),
        after=visible(text[f.end : hi]),
        suggestion=None if suggestion is None else visible(shorten(suggestion)),
        message=f.localized_message(lang), status=row.status,
        before_cut=lo > 0, after_cut=hi < len(text),
    )


def _items(result: FileResult, lang: str) -> list[Item | Group]:
    text = result.document.text if result.document is not None else ""
    all_rows = list(rows(result))
    sizes = Counter(r.finding.group for r in all_rows if r.finding.group)
    out: list[Item | Group] = []
    groups: dict[str, Group] = {}
    for row in all_rows:
        item = _item(row, text, lang)
        key = row.finding.group
        if key and sizes[key] >= COLLAPSE_AT:
            if key not in groups:
                groups[key] = Group(item)
                out.append(groups[key])  # shown where its first member is
            groups[key].members.append(item)
        else:
            out.append(item)
    return out


def view(
    results: Sequence[FileResult], lang: str, editor: str | None, created: datetime
) -> dict[str, Any]:
    lang = "en" if lang.startswith("en") else "zh"
    files = []
    for r in results:
        entry: dict[str, Any] = {"path": r.path, "ok": r.ok, "error": r.error}
        if r.ok:
            doc = r.document
            entry |= {
                "format": doc.format if doc else "",
                "encoding": doc.encoding if doc else "",
                "length": doc.length if doc else 0,
                "count": len(r.findings),
                # a .docx with tracked changes is checked as if all of them were accepted
                "revisions": bool(doc and getattr(doc.source, "had_revisions", False)),
                "by_category": by_category([r]),
                "entries": _items(r, lang),
            }
        files.append(entry)
    cats = by_category(results)
    total = sum(cats.values())
    from proofreader.languagetool.client import batch_status

    grammar = batch_status(results)  # None when the grammar step did not run at all
    return {
        "lang": lang,
        "t": UI[lang],
        "cat_names": CATEGORY_NAMES[lang],
        "status_names": STATUS_NAMES[lang],
        "generator": f"proofreader {proofreader.__version__}",
        "created": created.strftime("%Y-%m-%d %H:%M %z"),
        "created_iso": created.isoformat(timespec="seconds"),
        "editor": editor,
        "grammar": UI[lang].get(f"grammar_{grammar.state}", grammar.state) if grammar else None,
        "files": files,
        "checked": [f for f in files if f["ok"]],
        "failed": [f for f in files if not f["ok"]],
        "by_category": cats,
        "total": total,
    }


@cache
def _environment() -> jinja2.Environment:
    import jinja2  # only when an HTML report is asked for: the CLI starts faster without it

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resources.path("templates"))),
        # escape everything by default: a draft may contain <script> or any markup
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


class HtmlExporter:
    name = "html"
    extension = ".html"
    media_type = "text/html"
    template = "report.html.j2"

    def export(
        self,
        results: Sequence[FileResult],
        *,
        lang: str = "zh",
        editor: str | None = None,
        created: datetime | None = None,
    ) -> bytes:
        page = _environment().get_template(self.template)
        return page.render(view(results, lang, editor, timestamp(created))).encode("utf-8")
