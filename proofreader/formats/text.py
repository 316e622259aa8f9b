"""Plain-text drafts (.txt, .md): decode exactly, remember how to write them back.

Decoding never translates newlines (bytes are decoded by hand, not through a text-mode
file), so offsets count a CRLF as two code points and a corrected copy keeps CRLF.
Detection order: a byte-order mark (certain), strict UTF-8 (fast and, for CJK text, very
nearly certain), then charset-normalizer. Whatever codec is chosen, the bytes are decoded
strictly with it: a guess that does not decode every byte is never accepted.
"""

from __future__ import annotations

import codecs
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from proofreader.config import DEFAULT_MAX_FILE_SIZE
from proofreader.document import Document, LoadError
from proofreader.io import atomic_write

TEXT_EXTENSIONS = {".txt": "txt", ".text": "txt", ".md": "md", "": "txt"}

# Byte-order marks we honour. UTF-32 is left out on purpose: its LE mark begins with the
# UTF-16 LE mark, and nobody sends newspaper copy in UTF-32.
_BOMS: list[tuple[bytes, str]] = [
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
_BOM_OF = {codec: bom for bom, codec in _BOMS}

# Every GB code page decodes as GB18030 (a strict superset), so a GB2312 draft that gains a
# rare name character (𠮷) can still be written back in its own family.
_GB_FAMILY = {"gb2312", "gbk", "cp936", "gb18030", "euc_cn", "hz"}
# Big5 variants in order of preference: plain Big5 first, then the supersets.
_BIG5_FAMILY = ("big5", "cp950", "big5hkscs")
# What charset-normalizer may choose from (UTF-8 was tried already): the encodings Chinese
# copy arrives in, plus Windows-1252 for Western copy. Left out on purpose: UTF-16/32
# without a mark (short GB text passes for UTF-16) and Korean/Japanese code pages (GB bytes
# often decode as those too). CP950 and Big5-HKSCS are tried when Big5 is chosen.
_CANDIDATES = ["gb18030", "big5", "cp1252"]
_THRESHOLDS = (0.2, 0.5, 1.0)


@dataclass(frozen=True)
class SaveResult:
    path: Path
    backup: Path | None  # the previous file kept beside the target, if one was overwritten
    encoding: str
    note: str | None = None  # e.g. why the encoding differs from the original's


class SaveError(Exception):
    """A corrected copy cannot be written; the message is one human line."""


def read_bytes(path: Path, max_size: int = DEFAULT_MAX_FILE_SIZE) -> bytes:
    """The file's bytes, or LoadError with a human reason (missing, a folder, too big...)."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise LoadError("file not found") from None
    except PermissionError:
        raise LoadError("permission denied") from None
    except OSError as e:
        raise LoadError(f"cannot read file: {e.strerror or e}") from None
    if stat.S_ISDIR(st.st_mode):
        if not os.access(path, os.R_OK | os.X_OK):  # a folder the search could not enter
            raise LoadError("cannot read folder: permission denied")
        raise LoadError("is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):  # a pipe or device would block or never end
        raise LoadError("not a regular file")
    if st.st_size > max_size:
        raise LoadError(f"file too large ({_size(st.st_size)}; limit {_size(max_size)})")
    try:
        with path.open("rb") as f:
            data = f.read(max_size + 1)
    except PermissionError:
        raise LoadError("permission denied") from None
    except IsADirectoryError:
        raise LoadError("is a folder, not a file") from None
    except OSError as e:
        raise LoadError(f"cannot read file: {e.strerror or e}") from None
    if len(data) > max_size:  # grew while we looked, or a special file
        raise LoadError(f"file too large (more than {_size(max_size)})")
    return data


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n} bytes"


def decode(data: bytes) -> tuple[str, str, bool]:
    """Decode a draft's bytes: (text, codec, had_bom). Raises LoadError."""
    if not data:
        raise LoadError("empty file")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as e:
                raise LoadError(
                    f"undecodable bytes: invalid {codec} at byte {e.start + len(bom)}"
                ) from None
            if not text:
                raise LoadError("empty file")
            return text, codec, True
    if b"\x00" in data:
        raise LoadError("not a text file (binary content)")
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError as e:
        utf8_error = e
    found = _detect(data)
    if found is None:
        raise LoadError(_why_undecodable(data, utf8_error))
    codec, text = found
    return text, codec, False


def _detect(data: bytes) -> tuple[str, str] | None:
    """The codec charset-normalizer finds, normalised to the superset we decode with, and
    the text decoded strictly with it."""
    import charset_normalizer

    matches = []
    # The library's default mess threshold (0.2) refuses short Chinese copy dense with
    # punctuation (“五一”期间，…, a byline ■汪锦秀); laxer passes accept it, still taking
    # the least messy candidate. Binary content is refused all the same: it has NUL bytes,
    # or does not decode strictly in any candidate.
    for threshold in _THRESHOLDS:
        matches = list(
            charset_normalizer.from_bytes(data, cp_isolation=_CANDIDATES, threshold=threshold)
        )
        if matches:
            break
    if not matches:
        return None
    # Short drafts can decode equally well as GB and as Big5 ("标题" is also valid Big5);
    # on an exact tie take GB18030, the encoding of mainland newsroom systems.
    top = (matches[0].chaos, matches[0].coherence)
    tied = [m for m in matches if (m.chaos, m.coherence) == top]
    best = next((m for m in tied if m.encoding == "gb18030"), matches[0])
    name = codecs.lookup(best.encoding).name.replace("-", "_")
    if name in _GB_FAMILY or best.encoding in _GB_FAMILY:
        candidates: tuple[str, ...] = ("gb18030",)
    elif name in _BIG5_FAMILY or best.encoding in _BIG5_FAMILY:
        candidates = _BIG5_FAMILY
    else:
        candidates = (best.encoding,)
    for codec in candidates:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        return codecs.lookup(codec).name, text
    return None


def _why_undecodable(data: bytes, utf8_error: UnicodeDecodeError) -> str:
    # Mostly valid UTF-8 (under 5% bad) is a damaged UTF-8 file, not a binary one.
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    control = sum(1 for ch in text if ch < " " and ch not in "\r\n\t\f")
    if bad * 20 <= len(text) and control * 100 <= len(text):
        return f"undecodable bytes: invalid UTF-8 at byte {utf8_error.start}"
    return "not a text file (binary content)"


def dominant_newline(text: str) -> str:
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    cr = text.count("\r") - crlf
    best = max((crlf, "\r\n"), (lf, "\n"), (cr, "\r"), key=lambda t: t[0])
    return best[1] if best[0] else "\n"


def load_text(path: Path, max_size: int = DEFAULT_MAX_FILE_SIZE) -> Document:
    data = read_bytes(path, max_size)
    text, codec, bom = decode(data)
    return Document(
        text=text,
        path=path,
        format=TEXT_EXTENSIONS.get(path.suffix.lower(), "txt"),
        encoding=codec,
        bom=bom,
        newline=dominant_newline(text),
    )


def encode(doc: Document, text: str, encoding: str | None = None) -> tuple[bytes, str, str | None]:
    """`text` in the draft's own encoding (and BOM): (bytes, codec, note). Raises SaveError."""
    codec = encoding or doc.encoding
    try:
        body = text.encode(codec)
    except UnicodeEncodeError as e:
        ch = e.object[e.start]
        line = e.object.count("\n", 0, e.start) + 1
        raise SaveError(
            f"cannot write “{ch}” (U+{ord(ch):04X}, line {line}) in {codec}; "
            "save the corrected copy as UTF-8 instead"
        ) from None
    note = None
    if (
        codecs.lookup(codec).name == "gb18030"
        and not _encodable(text, "gbk")
        and _encodable(doc.text, "gbk")
    ):
        note = "written as GB18030: the text now holds characters outside GBK/GB2312"
    name = codecs.lookup(codec).name
    # Keep the draft's mark; UTF-16 always gets one (without it, other programs misread it).
    bom = (
        _BOM_OF.get(name, b"")
        if (doc.bom and encoding is None) or name.startswith("utf-16")
        else b""
    )
    return bom + body, codec, note


def _encodable(text: str, codec: str) -> bool:
    try:
        text.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def corrected_name(path: Path) -> Path:
    """`page.txt` → `page.corrected.txt`, beside the original."""
    return path.with_name(f"{path.stem}.corrected{path.suffix}")


def save_text(
    doc: Document,
    new_text: str,
    target: Path | None = None,
    *,
    overwrite_original: bool = False,
    encoding: str | None = None,
) -> SaveResult:
    """Write `new_text` as the draft was written (encoding, BOM; line endings as in the text).

    Atomic: a temporary file in the target folder, fsync, rename. An existing target is kept
    as a backup beside it. Writing over the draft itself needs `overwrite_original`.
    `encoding` overrides the draft's codec (e.g. "utf-8" after a SaveError).
    """
    if doc.format not in ("txt", "md"):
        raise SaveError(f"not a text draft ({doc.format}); use its own writer")
    if target is None:
        if doc.path is None:
            raise SaveError("the draft has no path; name a target file")
        target = doc.path if overwrite_original else corrected_name(doc.path)
    if doc.path is not None and not overwrite_original and _same_file(target, doc.path):
        raise SaveError(f"refusing to overwrite the original draft {doc.path}")
    data, codec, note = encode(doc, new_text, encoding)
    try:
        backup = atomic_write(target, data, backup=True)
    except OSError as e:
        raise SaveError(f"cannot write {target}: {e.strerror or e}") from None
    return SaveResult(target, backup, codec, note)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()
