"""`proofreader fix` for Word drafts: corrected copies as tracked changes or clean.

With --track-changes every applied fix is a Word revision by --author, and every finding
left unapplied (no automatic fix, an unsafe fix not asked for, an overlap) becomes a Word
comment on its text, so the editor-in-chief can accept, reject or answer them in Word,
WPS or LibreOffice. Without it the copy is clean: fixes applied, formatting kept.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path

from proofreader.batch import FileResult
from proofreader.config import Config
from proofreader.model import Applicability, Finding


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--track-changes",
        action="store_true",
        help="for .docx: write fixes as Word tracked changes and the findings left "
        "unfixed as comments (default: a clean copy)",
    )
    parser.add_argument(
        "--author",
        default="proofreader",
        metavar="NAME",
        help="for .docx: the author of the tracked changes and comments (default proofreader)",
    )


def _chosen(findings: Sequence[Finding], unsafe: bool) -> list[Finding]:
    allowed = {Applicability.SAFE} | ({Applicability.UNSAFE} if unsafe else set())
    return [f for f in findings if f.fixable and f.applicability in allowed]


def write_fixed_docx(
    result: FileResult,
    fixes: Sequence[Finding],
    target: Path,
    *,
    in_place: bool = False,
    track_changes: bool = False,
    author: str = "proofreader",
    lang: str = "zh",
) -> str:
    """Write the corrected copy of one checked .docx; returns a note for the user."""
    from proofreader.formats.docx import DocxWriteError, write_docx
    from proofreader.formats.text import SaveError

    assert result.document is not None
    chosen = {f.key for f in fixes}
    rest = [f for f in result.findings if f.key not in chosen]
    try:
        written = write_docx(
            result.document,
            list(fixes),
            target,
            track_changes=track_changes,
            author=author,
            comments_for=rest if track_changes else (),
            lang=lang,
            overwrite_original=in_place,
        )
    except DocxWriteError as e:  # what `fix` reports as "path: error: reason"
        raise SaveError(str(e)) from None
    notes = [f"→ {written.path}"]
    if track_changes:
        notes.append("(tracked changes" + (f", {written.comments} comments)"
                                           if written.comments else ")"))
    if written.dropped:
        notes.append(f"({len(written.dropped)} fixes could not be placed in the document)")
    if written.backup is not None:
        notes.append(f"(backup {written.backup.name})")
    return " ".join(notes)


def docx_writer(args: argparse.Namespace) -> Callable[[FileResult, str, Path, bool], str]:
    """A writer for `fix`'s WRITERS table: (result, new text, target, in place) -> note.

    The fixes are chosen again from the findings exactly as `fix` chose them (the new text
    alone cannot say which runs changed)."""

    def write(result: FileResult, new_text: str, target: Path, in_place: bool) -> str:
        fixes = _chosen(result.findings, getattr(args, "unsafe_fixes", False))
        return write_fixed_docx(
            result, fixes, target, in_place=in_place,
            track_changes=getattr(args, "track_changes", False),
            author=getattr(args, "author", "proofreader"),
            lang=getattr(args, "lang", "zh"),
        )

    return write


def fix_docx(
    path: Path,
    out_dir: Path,
    track_changes: bool,
    unsafe: bool = False,
    *,
    config: Config | None = None,
    author: str = "proofreader",
) -> Path:
    """Check one .docx and write its corrected copy into `out_dir` (same file name)."""
    from proofreader.engine import Checker
    from proofreader.formats.docx import load_docx

    config = config or Config()
    doc = load_docx(Path(path), config.max_file_size)
    result = FileResult(path=str(path), document=doc,
                        findings=Checker(config).check_text(doc.text))
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / Path(path).name
    write_fixed_docx(result, _chosen(result.findings, unsafe), target,
                     track_changes=track_changes, author=author, lang=config.lang)
    return target
