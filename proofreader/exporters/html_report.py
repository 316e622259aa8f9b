"""HTML report: one self-contained page (inline CSS, no script, no external asset) that an
editor opens in a browser or prints. The template is resources/templates/report.html.j2;
everything taken from a draft is escaped, by Jinja2's autoescape or, in the rows of the
findings tables (written here: 10^5 of them), by the same function (`_escape`)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import datetime
from functools import cache
from operator import itemgetter
from typing import TYPE_CHECKING, Any, NamedTuple

import markupsafe
from markupsafe import Markup

import proofreader
from proofreader import resources
from proofreader.batch import FileResult
from proofreader.exporters._common import by_category, rows, timestamp
from proofreader.model import Category, Finding, finding_kind

if TYPE_CHECKING:
    import jinja2

CONTEXT = 20  # characters shown on each side of a finding
LONG_SPAN = 60  # a flagged text longer than this is shown shortened in the middle
COLLAPSE_AT = 5  # a group with at least this many findings is shown as one summary row

# fmt: off
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
# fmt: on


def visible(s: str) -> str:
    """Line breaks and tabs drawn as symbols so a context stays on one line."""
    return s.replace("\r\n", "↵").replace("\n", "↵").replace("\r", "↵").replace("\t", "⇥")


def shorten(s: str, limit: int = LONG_SPAN) -> str:
    if len(s) <= limit:
        return s
    half = (limit - 1) // 2
    return s[:half] + "…" + s[-half:]


# What Jinja2's autoescape runs on a str (markupsafe.escape without the Markup wrapper):
# the findings' rows are written here, not by the template, and must be escaped the same.
try:
    from markupsafe import _escape_inner as _escape
except ImportError:  # pragma: no cover - another markupsafe layout

    def _escape(s: str) -> str:
        return str(markupsafe.escape(s))


# The rows of a findings table, written here rather than by the template: Jinja took ~30 µs
# a finding, and a folder of pages has 10^5 findings. Everything taken from a draft goes
# through _escape. The template inserts the rows of a file between <tbody> and </tbody>.
_ROW = (
    '      <tr>\n        <td class="pos">{pos}</td>\n'
    "        <td>{category}</td>\n        <td>{context}</td>\n        <td>{fix}</td>\n"
    '        <td class="msg">{message}<span class="rule">{rule}</span></td>\n'
    "        <td>{status}</td>\n      </tr>"
)
# a group of at least COLLAPSE_AT findings: one summary row, then the list of its members
_GROUP = (
    '      <tr class="group">\n        <td class="pos">{pos}</td>\n'
    "        <td>{category}</td>\n        <td>{context}</td>\n        <td>{fix}</td>\n"
    '        <td class="msg">{message} <span class="count">{count}</span>\n'
    '          <span class="rule">{rule}</span></td>\n'
    "        <td>{statuses}</td>\n      </tr>\n"
    '      <tr class="members">\n        <td colspan="6">\n'
    "          <details><summary>{show_all}</summary>\n            <ol>\n"
    "{members}            </ol>\n          </details>\n        </td>\n      </tr>"
)
_MEMBER = (
    '<li><span class="pos">{pos}</span>{context} <span class="arrow">→</span>\n'
    "{fix}              {status}</li>\n"
)
# the literal text around a row's position and context; the rest is made once per kind
_ROW_START, _ROW_REST = _ROW.split("{pos}")
_ROW_MIDDLE, _ROW_END = _ROW_REST.split("{context}")
_MEMBER_START, _MEMBER_REST = _MEMBER.split("{pos}")
_MEMBER_MIDDLE, _MEMBER_END = _MEMBER_REST.split("{context}")
_CTX = '<span class="ctx">'
_CUT = '<span class="cut">…</span>'
_CTX_CUT, _END, _CUT_END = _CTX + _CUT, "</span>", _CUT + "</span>"
_CARET = '<span class="caret">‸</span>'
_GROUP_KEY = itemgetter(9)  # Finding.group
# stands for a table's rows in the rendered page: no escaped value can hold a "<"
_ROWS_MARK = Markup("<rows/>")
_HTML_SPECIAL = re.compile("[&<>'\"]")  # what _escape changes


class _Kind(NamedTuple):
    """The cells of findings that differ only in their span, in HTML."""

    category: str
    fix: str
    message: str
    rule: str
    status: str  # the status badge
    row_middle: str  # a row between its position and its context
    row_end: str  # a row after its context
    member_end: str  # a group member after its context


class _Group(NamedTuple):
    """A collapsed group: its first row's cells, its members' <li>, their statuses."""

    first: tuple[str, str, _Kind]  # position, context, kind
    members: list[str]
    statuses: list[str]


@cache
def _rule_names(lang: str) -> dict[str, str]:
    from proofreader.rules import ALL_RULES

    en = lang.startswith("en")
    return {
        r.id: (getattr(r, "name_en", "") if en else getattr(r, "name", "")) or r.id
        for r in ALL_RULES
    }


class _Page:
    """The pieces of the findings' HTML that a report repeats, each made once."""

    def __init__(self, lang: str) -> None:
        self.t = t = {k: _escape(v) for k, v in UI[lang].items()}
        # "行 {line}，列 {column}" as a %-format of (line, column): twice as fast
        self.position = t["line_col"].replace("%", "%%").replace("{line}", "%d")
        self.position = self.position.replace("{column}", "%d")
        if self.position % (12, 345) != t["line_col"].format(line=12, column=345):
            raise ValueError(f"line_col of {lang!r} must name the line first")
        self.lang = lang
        self.rule_names = _rule_names(lang)
        self.cat_names = CATEGORY_NAMES[lang]
        self.status_names = STATUS_NAMES[lang]
        self.kinds: dict[tuple, _Kind] = {}  # (finding but its span, status) -> its cells
        self.flagged: dict[str, str] = {}  # flagged text -> its <mark> (or the caret)

    def badge(self, status: str) -> str:
        name = self.status_names.get(status, status)
        return f'<span class="status status-{_escape(status)}">{_escape(name)}</span>'

    def kind(self, key: tuple, f: Finding, status: str) -> _Kind:
        t = self.t
        cat = str(f.category)
        category = (
            f'<span class="cat cat-{_escape(cat)}">{_escape(self.cat_names.get(cat, cat))}</span>'
        )
        if not f.replacements:
            fix = f'<span class="nofix">{t["no_fix"]}</span>'
        elif f.replacements[0] == "":
            fix = f'<ins class="fix fix-delete">{t["delete"]}</ins>'
        else:
            fix = f'<ins class="fix">{_escape(visible(shorten(f.replacements[0])))}</ins>'
        message = _escape(f.localized_message(self.lang))
        name = self.rule_names.get(f.rule, f.rule)
        rule = (_escape(name) + " · " if name != f.rule else "") + _escape(f.rule)
        badge = self.badge(status)
        kind = self.kinds[key] = _Kind(
            category, fix, message, rule, badge,
            row_middle=_ROW_MIDDLE.format(category=category),
            row_end=_ROW_END.format(fix=fix, message=message, rule=rule, status=badge),
            member_end=_MEMBER_END.format(fix=fix, status=badge),
        )  # fmt: skip
        return kind

    def mark(self, flagged: str) -> str:
        shown = visible(shorten(flagged))
        mark = self.flagged[flagged] = (
            f'<mark class="flag">{_escape(shown)}</mark>' if shown else _CARET
        )
        return mark

    def group(self, g: _Group) -> str:
        pos, context, kind = g.first
        t = self.t
        counts = sorted(Counter(g.statuses).items())  # as Jinja's groupby('status')
        return _GROUP.format(
            pos=pos, category=kind.category, context=context, fix=kind.fix,
            message=kind.message, count=t["group_count"].format(count=len(g.members)),
            rule=kind.rule, statuses="".join(f"{self.badge(s)} {n}<br>" for s, n in counts),
            show_all=t["show_all"].format(count=len(g.members)), members="".join(g.members),
        )  # fmt: skip


def _drawn(text: str) -> tuple[str, Callable[[str], str] | None]:
    """`text` with its line breaks and tabs drawn as `visible` draws them, character for
    character, so that a slice of it is a slice of `visible` but for a CR (a CRLF is one ↵
    within a slice, two when the slice ends between them); and the function that makes a
    slice of it what the page shows: `_escape(visible(slice of text))` (None: nothing to
    do, the common case: a draft without CRs nor &<>'")."""
    if "\r↵" in text:  # a drawn CRLF would look like this: draw every slice apart
        return text, _shown
    drawn = text.replace("\n", "↵").replace("\t", "⇥")
    cr, markup = "\r" in text, _HTML_SPECIAL.search(text) is not None
    if cr:
        return drawn, _escape_cr if markup else _draw_cr
    return drawn, _escape if markup else None


def _draw_cr(s: str) -> str:
    """The CRs of a slice of `_drawn`, drawn: `visible` of the slice of the text."""
    return s.replace("\r↵", "↵").replace("\r", "↵")


def _escape_cr(s: str) -> str:
    return _escape(_draw_cr(s))


def _shown(s: str) -> str:
    return _escape(visible(s))


def _table_rows(result: FileResult, page: _Page) -> str:
    """The rows of one file's findings table, in text order; a group of at least
    COLLAPSE_AT findings is one summary row (where its first member is) and a list."""
    text = result.document.text if result.document is not None else ""
    size = len(text)
    drawn, finish = _drawn(text)
    findings = result.findings
    sizes = Counter(map(_GROUP_KEY, findings))
    collapsed = {key for key, n in sizes.items() if key and n >= COLLAPSE_AT}
    position = page.position
    kinds, marks = page.kinds, page.flagged
    out: list[str | _Group] = []
    groups: dict[str, _Group] = {}
    for f, line, column, flagged, status in rows(result):
        key = (finding_kind(f), status)
        kind = kinds.get(key) or page.kind(key, f, status)
        offset, end = f[3], f[3] + f[4]
        pos = position % (line, column)
        mark = marks.get(flagged) or page.mark(flagged)
        lo, hi = offset - CONTEXT, end + CONTEXT
        before = drawn[lo:offset] if lo > 0 else drawn[:offset]
        after = drawn[end:hi]
        if finish is not None:
            before, after = finish(before), finish(after)
        context = (
            f"{_CTX_CUT if lo > 0 else _CTX}{before}{mark}{after}{_CUT_END if hi < size else _END}"
        )
        group = f[9]
        if group in collapsed:
            g = groups.get(group)
            if g is None:
                g = groups[group] = _Group((pos, context, kind), [], [])
                out.append(g)  # shown where its first member is
            g.members.append(f"{_MEMBER_START}{pos}{_MEMBER_MIDDLE}{context}{kind.member_end}")
            g.statuses.append(status)
        else:
            out.append(f"{_ROW_START}{pos}{kind.row_middle}{context}{kind.row_end}")
    # a row or a group each, without the line end that the template puts after the last
    return "\n".join(s if isinstance(s, str) else page.group(s) for s in out)


def view(
    results: Sequence[FileResult],
    lang: str,
    editor: str | None,
    created: datetime,
    rows: Callable[[str], Markup] = Markup,
) -> dict[str, Any]:
    """What the template shows. `rows`: what it gets for the rows of a file's findings
    table (written and escaped by _table_rows)."""
    lang = "en" if lang.startswith("en") else "zh"
    page = _Page(lang)
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
                "rows": rows(_table_rows(r, page)),
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
        # The rows of the findings tables (49 MB for 10^5 findings) are put into the page
        # as UTF-8 in place of a mark, not copied through Jinja's output and one huge str.
        blocks: list[bytes] = []

        def rows(html: str) -> Markup:
            if not html:
                return Markup()
            blocks.append(html.encode("utf-8"))
            return _ROWS_MARK

        page = _environment().get_template(self.template)
        skeleton = page.render(view(results, lang, editor, timestamp(created), rows))
        parts = skeleton.encode("utf-8").split(_ROWS_MARK.encode())
        if len(parts) != len(blocks) + 1:  # cannot be: drafts' text is escaped, it has no "<"
            raise RuntimeError("HTML report: the rows of a table were lost")
        out = [parts[0]]
        for block, part in zip(blocks, parts[1:], strict=True):
            out += (block, part)
        return b"".join(out)
