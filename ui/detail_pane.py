"""The detail pane: the selected finding's message and its rule's page with examples."""

from __future__ import annotations

from html import escape

from ui.draft import Item
from ui.highlight import category_color, category_label
from ui.qt import QTextBrowser, QWidget


def rule_doc(rule_id: str):
    """The engine's documentation of a rule, or None for a rule it does not list."""
    from proofreader import rules

    try:
        return rules.RuleDoc.of(rules.get(rule_id))
    except KeyError:
        return None


class DetailPane(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.setOpenExternalLinks(False)
        self.lang = "zh"
        self.show_item(None)

    def show_item(self, item: Item | None, text: str = "") -> None:
        if item is None:
            self.setHtml(
                "<p style='color:#888'>"
                + escape(self.tr("Select a finding to see its rule and examples."))
                + "</p>"
            )
            return
        f = item.finding
        en = self.lang.startswith("en")
        color = category_color(f.category).name()
        parts = [
            f"<p><span style='color:{color}; font-size:16px'>●</span> "
            f"<b>{escape(category_label(f.category))}</b> "
            f"<span style='color:#888'>· {escape(f.rule)} · {escape(str(f.severity))}</span></p>",
            f"<p style='font-size:15px'>{escape(f.localized_message(self.lang))}</p>",
        ]
        if text or f.replacements:
            shown = escape(text.replace("\n", "⏎")) if text else ""
            rep = escape(f.replacements[0].replace("\n", "⏎")) if f.replacements else ""
            if f.replacements and not f.replacements[0]:
                joins = bool(text) and not text.strip()  # only line breaks: paragraphs join
                rep = "<i>" + escape(self.tr("(join)") if joins else self.tr("(delete)")) + "</i>"
            arrow = (
                f" → <span style='background:#e6f4ea; color:#1e8449'>{rep}</span>"
                if f.replacements
                else ""
            )
            parts.append(
                f"<p><span style='background:#fdecea; color:#c0392b'>{shown}</span>{arrow}</p>"
            )
        doc = rule_doc(f.rule)
        if doc is not None:
            name = doc.name_en if en else doc.name
            desc = (doc.description_en or doc.description) if en else doc.description
            parts.append("<hr/>")
            parts.append(f"<p><b>{escape(name)}</b></p>")
            parts.append(f"<p style='color:#444'>{escape(desc.strip())}</p>")
            if doc.bad:
                parts.append(f"<p><b>{escape(self.tr('Wrong'))}</b></p><ul>")
                for e in doc.bad:
                    fixed = f" → {escape(e.fixed)}" if e.fixed is not None else ""
                    parts.append(
                        f"<li><span style='color:#c0392b'>✗</span> {escape(e.text)}"
                        f"<span style='color:#1e8449'>{fixed}</span></li>"
                    )
                parts.append("</ul>")
            if doc.good:
                parts.append(f"<p><b>{escape(self.tr('Right'))}</b></p><ul>")
                for e in doc.good:
                    parts.append(f"<li><span style='color:#1e8449'>✓</span> {escape(e.text)}</li>")
                parts.append("</ul>")
        self.setHtml("".join(parts))
