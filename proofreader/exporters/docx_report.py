"""The correction report as a Word document, for desks that file everything in Word.

A title, a summary by category, then per file a table of findings (position, category,
flagged text, suggestion, message, status); files that could not be checked are listed
with their reason. Built with python-docx; Chinese text gets an East Asian font.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import datetime

from proofreader.batch import FileResult
from proofreader.exporters._common import by_category, rows, suggestion, timestamp
from proofreader.exporters.html_report import CATEGORY_NAMES, STATUS_NAMES, shorten, visible

EAST_ASIAN_FONT = "宋体"
# Characters XML 1.0 cannot hold (a .txt draft may contain them); shown as U+FFFD.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

LABELS = {
    "zh": {
        "title": "校对报告", "created": "生成时间", "editor": "校对人", "files": "文件数",
        "findings": "问题数", "by_category": "按类别统计", "category": "类别", "count": "数量",
        "position": "位置", "text": "原文", "suggestion": "建议", "message": "说明",
        "status": "状态", "no_fix": "（无自动修改）", "delete": "（删除）",
        "clean": "未发现问题。", "error": "无法检查：{reason}", "line_col": "{line}行{column}列",
        "revisions": "注：文档含修订痕迹，按接受全部修订后的文字检查。",
    },
    "en": {
        "title": "Proofreading report", "created": "Created", "editor": "Editor",
        "files": "Files", "findings": "Findings", "by_category": "By category",
        "category": "Category", "count": "Count", "position": "Position", "text": "Text",
        "suggestion": "Suggestion", "message": "Message", "status": "Status",
        "no_fix": "(no automatic fix)", "delete": "(delete)", "clean": "No findings.",
        "error": "Not checked: {reason}", "line_col": "{line}:{column}",
        "revisions": "Note: the document holds tracked changes; it was checked as if they "
        "were all accepted.",
    },
}


def _xml_safe(s: str) -> str:
    return _NOT_XML.sub("\ufffd", s)


class DocxReportExporter:
    name = "docx"
    extension = ".docx"
    media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    def export(
        self,
        results: Sequence[FileResult],
        *,
        lang: str = "zh",
        editor: str | None = None,
        created: datetime | None = None,
    ) -> bytes:
        import docx
        from docx.enum.section import WD_ORIENT
        from docx.oxml.ns import qn
        from docx.shared import Pt

        key = "en" if lang.startswith("en") else "zh"
        label = LABELS[key]
        cats = CATEGORY_NAMES[key]
        statuses = STATUS_NAMES[key]
        d = docx.Document()
        normal = d.styles["Normal"]
        normal.font.size = Pt(10.5)
        normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"),
                                                                EAST_ASIAN_FONT)
        section = d.sections[0]  # landscape: the findings table is wide
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width

        d.add_heading(label["title"], level=0)
        meta = [(label["created"], timestamp(created).strftime("%Y-%m-%d %H:%M"))]
        if editor:
            meta.append((label["editor"], editor))
        total = sum(len(r.findings) for r in results if r.ok)
        meta += [(label["files"], str(len(results))), (label["findings"], str(total))]
        for name, value in meta:
            p = d.add_paragraph()
            p.add_run(f"{name}：" if key == "zh" else f"{name}: ").bold = True
            p.add_run(_xml_safe(value))

        counts = by_category(results)
        if counts:
            d.add_heading(label["by_category"], level=1)
            table = d.add_table(rows=1, cols=2)
            table.style = "Table Grid"
            table.rows[0].cells[0].text = label["category"]
            table.rows[0].cells[1].text = label["count"]
            for cat, n in counts.items():
                cells = table.add_row().cells
                cells[0].text = cats.get(cat, cat)
                cells[1].text = str(n)

        for result in results:
            d.add_heading(_xml_safe(result.path), level=1)
            if not result.ok:
                d.add_paragraph(_xml_safe(label["error"].format(reason=result.error or "")))
                continue
            source = result.document.source if result.document is not None else None
            if getattr(source, "had_revisions", False):
                d.add_paragraph(label["revisions"])
            found = list(rows(result))
            if not found:
                d.add_paragraph(label["clean"])
                continue
            heads = ("position", "category", "text", "suggestion", "message", "status")
            table = d.add_table(rows=1, cols=len(heads))
            table.style = "Table Grid"
            for cell, head in zip(table.rows[0].cells, heads, strict=True):
                cell.text = label[head]
                for run in cell.paragraphs[0].runs:
                    run.bold = True
            for r in found:
                f = r.finding
                if not f.replacements:
                    fix = label["no_fix"]
                else:
                    fix = visible(suggestion(f)) or label["delete"]
                values = (
                    label["line_col"].format(line=r.line, column=r.column),
                    cats.get(str(f.category), str(f.category)),
                    shorten(visible(r.text)),
                    fix,
                    f.localized_message(lang),
                    statuses.get(r.status, r.status),
                )
                for cell, value in zip(table.add_row().cells, values, strict=True):
                    cell.text = _xml_safe(value)
        buf = io.BytesIO()
        d.save(buf)
        return buf.getvalue()
