"""A review session: an editor's decisions on one draft's findings, kept beside the draft.

Decisions are saved to a sidecar `<draft>.proofreader.json` (atomically, on every change
when `autosave` is on), so nothing accepted is lost if the application is killed:

    {"schema": "proofreader-review/1", "draft": "page.txt", "sha256": "…", "editor": "王编辑",
     "saved": "2026-11-29T18:00:00+08:00",
     "decisions": [{"rule", "offset", "length", "text", "context_before", "context_after",
                    "status", "replacement"}],
     "ignored": [{"rule": "…", "text": "…"}]}

`sha256` is the hash of the checked text (UTF-8): the text the offsets count in. When it
differs on reopening (the draft was edited), each decision is re-anchored to the finding of
the same rule and text whose surroundings still match, nearest to the old offset; those
that find no home are listed in `unanchored`. The ignore list (rule + exact text) applies to
every finding of that rule on that text, wherever it is.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from proofreader.document import Document
from proofreader.engine import FixResult, apply_edits
from proofreader.io import atomic_write
from proofreader.model import Applicability, Edit, Finding, Status

SCHEMA = "proofreader-review/1"
SIDECAR_SUFFIX = ".proofreader.json"
CONTEXT = 12  # code points of surroundings kept on each side to re-find a finding
SIDE_MATCH = 6  # how many of them must still agree on one side at least


def sidecar_for(path: Path) -> Path:
    return path.with_name(path.name + SIDECAR_SUFFIX)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Decision:
    """One decision as stored in the sidecar: enough to find its finding again."""

    rule: str
    offset: int
    length: int
    text: str
    context_before: str
    context_after: str
    status: Status
    replacement: str | None = None  # the chosen replacement, when not the first one

    @classmethod
    def of(cls, finding: Finding, text: str, status: Status, replacement: str | None) -> Decision:
        return cls(
            finding.rule,
            finding.offset,
            finding.length,
            finding.text_in(text),
            text[max(0, finding.offset - CONTEXT) : finding.offset],
            text[finding.end : finding.end + CONTEXT],
            status,
            replacement,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "offset": self.offset,
            "length": self.length,
            "text": self.text,
            "context_before": self.context_before,
            "context_after": self.context_after,
            "status": str(self.status),
            "replacement": self.replacement,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Decision:
        replacement = d.get("replacement")
        dec = cls(
            str(d["rule"]),
            int(d["offset"]),
            int(d["length"]),
            str(d["text"]),
            str(d.get("context_before", "")),
            str(d.get("context_after", "")),
            Status(d["status"]),
            None if replacement is None else str(replacement),
        )
        if dec.offset < 0 or dec.length < 0:
            raise ValueError("negative span")
        return dec


class ReviewSession:
    """Decisions on one draft's findings. `statuses` is keyed by `Finding.key`."""

    def __init__(
        self,
        document: Document,
        findings: Iterable[Finding],
        *,
        editor: str | None = None,
        autosave: bool = True,
    ) -> None:
        self.document = document
        # The text the findings' offsets count in, kept apart from the document so that an
        # editor changing document.text in place cannot shift decisions under our feet.
        self.text = document.text
        self.findings: list[Finding] = list(findings)
        self.editor = editor
        self.autosave = autosave
        self.statuses: dict[str, Status] = {}
        self.replacements: dict[str, str] = {}  # chosen replacement by key (default: first)
        self.ignore_list: set[tuple[str, str]] = set()  # (rule, exact text)
        self.unanchored: list[Decision] = []  # stored decisions that found no finding
        self.draft_changed = False  # the sidecar was written for another text
        self.load_error: str | None = None  # the sidecar existed but could not be read
        self.save_error: str | None = None  # the last autosave failed (decision kept in memory)
        self._by_key = {f.key: f for f in self.findings}
        self._deferred = 0  # nesting depth of deferred_save()
        self._sidecar: Path | None = None  # set when load_for was given another place
        self._dirty = False

    # --- decisions ------------------------------------------------------------------------

    @property
    def sidecar_path(self) -> Path | None:
        if self._sidecar is not None:
            return self._sidecar
        return sidecar_for(self.document.path) if self.document.path is not None else None

    def finding(self, key: str) -> Finding:
        return self._by_key[key]

    def status(self, finding: Finding | str) -> Status:
        key = finding if isinstance(finding, str) else finding.key
        return self.statuses.get(key, Status.PENDING)

    def set_status(
        self, finding: Finding | str, status: Status | str, replacement: str | None = None
    ) -> None:
        """Record a decision (and a chosen replacement); saved at once when autosaving."""
        self._set(self._resolve(finding), Status(status), replacement)
        self._changed()

    def set_statuses(self, findings: Iterable[Finding | str], status: Status | str) -> None:
        """One decision for many findings (e.g. a group), saved once."""
        for f in findings:
            self._set(self._resolve(f), Status(status), None)
        self._changed()

    def accept_safe(self, findings: Iterable[Finding] | None = None) -> list[Finding]:
        """Accept every pending finding with a safe fix ("accept all"): unsafe ones need a look."""
        chosen = [
            f
            for f in (self.findings if findings is None else findings)
            if f.fixable
            and f.applicability == Applicability.SAFE
            and self.status(f) == Status.PENDING
        ]
        self.set_statuses(chosen, Status.ACCEPTED)
        return chosen

    def ignore_text(self, finding: Finding | str) -> list[Finding]:
        """Ignore this rule on this exact text everywhere in the draft (kept in the sidecar)."""
        f = self._resolve(finding)
        entry = (f.rule, f.text_in(self.text))
        self.ignore_list.add(entry)
        hit = self._apply_ignore_list([entry])
        self._changed()
        return hit

    def unignore_text(self, rule: str, text: str) -> None:
        self.ignore_list.discard((rule, text))
        for f in self.findings:
            if (f.rule, f.text_in(self.text)) == (rule, text) and (
                self.status(f) == Status.IGNORED
            ):
                self.statuses.pop(f.key, None)
        self._changed()

    def _resolve(self, finding: Finding | str) -> Finding:
        key = finding if isinstance(finding, str) else finding.key
        try:
            return self._by_key[key]
        except KeyError:
            raise KeyError(f"no finding {key} in this review") from None

    def _set(self, f: Finding, status: Status, replacement: str | None) -> None:
        if status == Status.PENDING:
            self.statuses.pop(f.key, None)
        else:
            self.statuses[f.key] = status
        if replacement is None or (f.replacements and replacement == f.replacements[0]):
            self.replacements.pop(f.key, None)
        else:
            self.replacements[f.key] = replacement

    def _apply_ignore_list(self, entries: Iterable[tuple[str, str]]) -> list[Finding]:
        wanted = set(entries)
        hit = [f for f in self.findings if (f.rule, f.text_in(self.text)) in wanted]
        for f in hit:
            if f.key not in self.statuses:
                self.statuses[f.key] = Status.IGNORED
        return hit

    def _changed(self) -> None:
        if self._deferred:
            self._dirty = True
            return
        if self.autosave and self.sidecar_path is not None:
            try:
                # Not fsynced: an autosave per click must not stall the UI, and the atomic
                # rename already survives the application being killed.
                self.save(durable=False)
            except OSError as e:  # a read-only folder must not lose the editor's work in memory
                self.save_error = f"cannot save review to {self.sidecar_path}: {e.strerror or e}"
            else:
                self.save_error = None

    @contextmanager
    def deferred_save(self) -> Iterator[ReviewSession]:
        """Many decisions, one autosave at the end (e.g. accepting a group of 212)."""
        self._deferred += 1
        try:
            yield self
        finally:
            self._deferred -= 1
            if not self._deferred and self._dirty:
                self._dirty = False
                self._changed()

    # --- results --------------------------------------------------------------------------

    def replacement_for(self, finding: Finding) -> str | None:
        if finding.key in self.replacements:
            return self.replacements[finding.key]
        return finding.replacements[0] if finding.replacements else None

    def accepted(self) -> list[Finding]:
        return sorted(
            (f for f in self.findings if self.status(f) == Status.ACCEPTED),
            key=lambda f: (f.offset, f.length),
        )

    def apply(self) -> FixResult:
        """The draft with accepted fixes applied; one overlapping an applied fix is dropped."""
        edits = []
        for f in self.accepted():
            rep = self.replacement_for(f)
            if rep is not None:
                edits.append(Edit(f.offset, f.end, rep))
        return apply_edits(self.text, edits)

    def corrected_text(self) -> str:
        return self.apply().text

    def counts(self) -> dict[Status, int]:
        out = dict.fromkeys(Status, 0)
        for f in self.findings:
            out[self.status(f)] += 1
        return out

    # --- the sidecar ----------------------------------------------------------------------

    def decisions(self) -> list[Decision]:
        text = self.text
        return [
            Decision.of(f, text, self.statuses[f.key], self.replacements.get(f.key))
            for f in sorted(self.findings, key=lambda f: (f.offset, f.length, f.rule))
            if f.key in self.statuses
        ]

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "draft": self.document.path.name if self.document.path else None,
            "sha256": text_hash(self.text),
            "editor": self.editor,
            "saved": datetime.now().astimezone().isoformat(timespec="seconds"),
            # decisions that found no finding are kept, so a later version can use them
            "decisions": [d.to_json() for d in self.decisions()]
            + [d.to_json() for d in self.unanchored],
            "ignored": [{"rule": r, "text": t} for r, t in sorted(self.ignore_list)],
        }

    def save(self, path: Path | None = None, *, durable: bool = True) -> Path:
        target = path or self.sidecar_path
        if target is None:
            raise ValueError("the draft has no path: name a file for the review")
        data = _dump(self.to_json()).encode("utf-8")
        # A sidecar we could not read is kept as a backup rather than silently replaced.
        atomic_write(target, data + b"\n", backup=self.load_error is not None, durable=durable)
        self.load_error = None
        return target

    @classmethod
    def load_for(
        cls,
        document: Document,
        findings: Iterable[Finding],
        *,
        editor: str | None = None,
        autosave: bool = True,
        path: Path | None = None,
    ) -> ReviewSession:
        """A session with the decisions of the sidecar beside the draft, if there is one."""
        session = cls(document, findings, editor=editor, autosave=autosave)
        session._sidecar = path
        sidecar = session.sidecar_path
        if sidecar is None or not sidecar.exists():
            return session
        try:
            raw = json.loads(sidecar.read_text(encoding="utf-8"))
            if raw.get("schema") != SCHEMA:
                raise ValueError(f"unknown schema {raw.get('schema')!r}")
            stored = [Decision.from_json(d) for d in raw.get("decisions", [])]
            ignored = {(str(e["rule"]), str(e["text"])) for e in raw.get("ignored", [])}
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
            session.load_error = f"review file {sidecar.name} unreadable: {e}"
            return session
        if editor is None:
            session.editor = raw.get("editor")
        session.draft_changed = raw.get("sha256") != text_hash(session.text)
        session._restore(stored, ignored)
        return session

    def rebase(self, document: Document, findings: Iterable[Finding]) -> None:
        """Carry the decisions over to a re-check of an edited text (offsets have moved)."""
        stored = self.decisions() + self.unanchored
        self.document = document
        self.text = document.text
        self.findings = list(findings)
        self._by_key = {f.key: f for f in self.findings}
        self.statuses, self.replacements, self.unanchored = {}, {}, []
        self._restore(stored, set(self.ignore_list))

    def _restore(self, stored: list[Decision], ignored: set[tuple[str, str]]) -> None:
        self.ignore_list = ignored
        placed = anchor(stored, self.findings, self.text)
        for d in stored:
            f = placed.get(id(d))
            if f is None:
                self.unanchored.append(d)
            else:
                self._set(f, d.status, d.replacement)
        self._apply_ignore_list(ignored)


def _dump(obj: dict[str, Any]) -> str:
    """JSON with one decision per line: readable and diffable, and it keeps json's fast C
    encoder (an `indent` would switch to the pure-Python one, 10x slower)."""
    parts = []
    for key, value in obj.items():
        if isinstance(value, list) and value:
            items = ",\n  ".join(json.dumps(v, ensure_ascii=False) for v in value)
            parts.append(f"{json.dumps(key)}: [\n  {items}\n ]")
        else:
            parts.append(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n " + ",\n ".join(parts) + "\n}"


def anchor(decisions: list[Decision], findings: list[Finding], text: str) -> dict[int, Finding]:
    """Match stored decisions to current findings: {id(decision): finding}.

    A candidate has the decision's rule and exactly its text; the characters next to it
    must still agree on at least one side (an edit right beside a finding may change the
    other side);
    the best-matching surroundings win, then the nearest to the old offset. Each finding
    takes at most one decision. For an unchanged text, this finds every decision in place.
    """
    by_rule_text: dict[tuple[str, str], list[Finding]] = {}
    for f in findings:
        by_rule_text.setdefault((f.rule, f.text_in(text)), []).append(f)
    taken: set[str] = set()
    out: dict[int, Finding] = {}
    # Unchanged places first, so a moved decision cannot steal a finding from one in place.
    scored: list[tuple[int, int, int, Decision, Finding]] = []
    for n, d in enumerate(decisions):
        for f in by_rule_text.get((d.rule, d.text), ()):
            before = text[max(0, f.offset - CONTEXT) : f.offset]
            after = text[f.end : f.end + CONTEXT]
            if not _side_agrees(before, d.context_before, _common_suffix) and not _side_agrees(
                after, d.context_after, _common_prefix
            ):
                continue
            score = _common_suffix(before, d.context_before) + _common_prefix(
                after, d.context_after
            )
            scored.append((-score, abs(f.offset - d.offset), n, d, f))
    scored.sort(key=lambda t: (t[0], t[1], t[2]))
    for _, _, _, d, f in scored:
        if id(d) in out or f.key in taken:
            continue
        out[id(d)] = f
        taken.add(f.key)
    return out


def _side_agrees(now: str, stored: str, common: Callable[[str, str], int]) -> bool:
    # The characters right beside the finding decide (a context cut short by the start or
    # end of the text counts in full).
    return common(now, stored) >= min(len(stored), SIDE_MATCH)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])
