"""Load drafts by file type, and turn the paths a user names into the files to check."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePosixPath

from proofreader.config import DEFAULT_MAX_FILE_SIZE
from proofreader.document import Document, LoadError
from proofreader.formats.text import TEXT_EXTENSIONS, load_text

DOCX_EXTENSIONS = {".docx"}
# What a folder search picks up (a file named explicitly is tried whatever its name).
CHECKED_EXTENSIONS = {ext for ext in TEXT_EXTENSIONS if ext} | DOCX_EXTENSIONS

# The tool's own outputs and editors' debris, never checked when a folder is searched.
OWN_OUTPUT_PATTERNS = (
    "*.corrected.*",  # corrected copies
    "*.bak",  # backups made when overwriting
    "*.proofreader.json",  # review sidecars
    "*.tmp",  # an interrupted atomic write
    "~$*",  # Word's lock files
)

_UNSUPPORTED_HINTS = {
    ".doc": "old Word format .doc is not supported: save it as .docx",
    ".wps": "WPS format is not supported: save it as .docx",
    ".pdf": "PDF is not supported: export the text as .txt or .docx",
    ".rtf": "RTF is not supported: save it as .docx or .txt",
}


def load(path: Path | str, max_size: int = DEFAULT_MAX_FILE_SIZE) -> Document:
    """Load a draft (.txt/.md/.text or .docx). Raises LoadError with one human line."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in DOCX_EXTENSIONS:
        try:
            from proofreader.formats.docx import load_docx
        except ImportError:
            raise LoadError(".docx support not available in this installation") from None
        return load_docx(path, max_size)
    if suffix in TEXT_EXTENSIONS:
        return load_text(path, max_size)
    if suffix in _UNSUPPORTED_HINTS:
        raise LoadError(_UNSUPPORTED_HINTS[suffix])
    # Any other name: a draft someone saved as "page3.v2" is still text, and binary
    # content (an image, an archive) is refused by the decoder with a clear reason.
    return load_text(path, max_size)


def is_own_output(name: str) -> bool:
    return any(fnmatch.fnmatchcase(name, pat) for pat in OWN_OUTPUT_PATTERNS)


def _matches(rel: str, patterns: Sequence[str]) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return any(
        fnmatch.fnmatch(rel, pat) or fnmatch.fnmatch(name, pat) or PurePosixPath(rel).match(pat)
        for pat in patterns
    )


def expand_paths(
    paths: Iterable[str | Path],
    include: Sequence[str] | None = None,
    exclude: Sequence[str] | None = None,
) -> list[tuple[Path, str]]:
    """The files to check, as (path, display path), deterministic and without duplicates.

    A folder is searched recursively for drafts (.txt, .md, .text, .docx), skipping hidden
    files and folders and the tool's own outputs; `include`/`exclude` globs filter what is
    found in folders (matched against the path relative to the folder, or the file name).
    A file named explicitly is always taken; a path that does not exist is returned too, so
    that the batch reports it as an error instead of silently dropping it.
    """
    include = list(include or ())
    exclude = list(exclude or ())
    out: list[tuple[Path, str]] = []
    seen: set[str] = set()

    def add(path: Path, shown: str) -> None:
        key = os.path.normcase(os.path.abspath(path))
        if key not in seen:
            seen.add(key)
            out.append((path, shown))

    for arg in paths:
        named = str(arg)
        path = Path(arg)
        if not path.is_dir():
            add(path, named)
            continue
        for rel in _walk(path, exclude):
            if include and not _matches(rel, include):
                continue
            add(path / rel, _join(named, rel))
    return out


def _walk(folder: Path, exclude: Sequence[str]) -> list[str]:
    """Relative POSIX paths of the drafts under `folder`, sorted."""
    found: list[str] = []

    def unreadable(err: OSError) -> None:
        # Listed, not skipped: the batch then reports it instead of silently missing files.
        if err.filename is not None:
            found.append(Path(err.filename).relative_to(folder).as_posix())

    for dirpath, dirnames, filenames in os.walk(folder, onerror=unreadable, followlinks=False):
        base = Path(dirpath).relative_to(folder).as_posix()
        prefix = "" if base == "." else base + "/"
        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith(".") and not _matches(prefix + d, exclude)
        )
        for name in filenames:
            if name.startswith(".") or is_own_output(name):
                continue
            if Path(name).suffix.lower() not in CHECKED_EXTENSIONS:
                continue
            rel = prefix + name
            if exclude and _matches(rel, exclude):
                continue
            found.append(rel)
    return sorted(found)


def _join(named: str, rel: str) -> str:
    sep = "" if named.endswith(("/", os.sep)) else "/"
    return f"{named}{sep}{rel}"


__all__ = [
    "CHECKED_EXTENSIONS",
    "Document",
    "LoadError",
    "expand_paths",
    "is_own_output",
    "load",
]
