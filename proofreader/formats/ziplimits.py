"""Open a .docx (a zip of XML) without trusting it.

Everything is checked against the zip's central directory before any entry is
decompressed: entry count, declared total uncompressed size, and per-entry compression
ratio (a zip bomb declares hundreds of MB in a few KB). Reads are capped again while
decompressing, since a hostile archive can lie in its directory.

XML parts are parsed with an lxml parser that never resolves entities, never loads a DTD
and never touches the network; a part that declares a DOCTYPE is refused outright (Word
never writes one, and it is how XXE and "billion laughs" attacks begin).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from lxml import etree

from proofreader.document import LoadError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc and password-protected .docx


@dataclass(frozen=True)
class ZipLimits:
    max_entries: int = 5000
    max_total_uncompressed: int = 256 * 1024 * 1024
    max_entry_uncompressed: int = 128 * 1024 * 1024
    # Ratio is only judged on entries big enough to matter: small XML parts compress
    # very well legitimately.
    max_ratio: float = 200.0
    ratio_min_size: int = 1024 * 1024


DEFAULT_LIMITS = ZipLimits()


def safe_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
    )


class SafeZip:
    """A checked, read-only view of a .docx package held in memory."""

    def __init__(self, data: bytes, limits: ZipLimits = DEFAULT_LIMITS):
        self.limits = limits
        if data[:8] == OLE_MAGIC:
            raise LoadError("not a .docx: a legacy .doc or a password-protected Word file")
        if not data.startswith(b"PK"):
            raise LoadError("corrupt .docx: not a zip archive")
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as e:
            raise LoadError(f"corrupt .docx: {e}") from None
        self.infos = infos
        self._check_directory(infos)
        self.names = {i.filename for i in infos}

    def _check_directory(self, infos: list[zipfile.ZipInfo]) -> None:
        lim = self.limits
        if len(infos) > lim.max_entries:
            raise LoadError(
                f"refused .docx (possible zip bomb): {len(infos)} entries (limit {lim.max_entries})"
            )
        seen: set[str] = set()
        total = 0
        for info in infos:
            if info.filename in seen:
                raise LoadError(f"corrupt .docx: duplicate entry {info.filename}")
            seen.add(info.filename)
            if info.flag_bits & 0x1:
                raise LoadError("not a .docx: the archive is encrypted")
            total += info.file_size
            if info.file_size > lim.max_entry_uncompressed:
                raise LoadError(
                    f"refused .docx (possible zip bomb): {info.filename} expands to "
                    f"{_mb(info.file_size)} (limit {_mb(lim.max_entry_uncompressed)})"
                )
            if info.file_size >= lim.ratio_min_size:
                ratio = info.file_size / max(info.compress_size, 1)
                if ratio > lim.max_ratio:
                    raise LoadError(
                        f"refused .docx (possible zip bomb): {info.filename} compresses "
                        f"{ratio:.0f}:1 (limit {lim.max_ratio:.0f}:1)"
                    )
        if total > lim.max_total_uncompressed:
            raise LoadError(
                f"refused .docx (possible zip bomb): expands to {_mb(total)} "
                f"(limit {_mb(lim.max_total_uncompressed)})"
            )

    def read(self, name: str) -> bytes:
        info = self.zip.getinfo(name)
        cap = min(info.file_size, self.limits.max_entry_uncompressed)
        try:
            with self.zip.open(info) as f:
                data = f.read(cap + 1)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as e:
            raise LoadError(f"corrupt .docx: {name}: {e}") from None
        except Exception as e:  # zlib.error and friends from a damaged stream
            raise LoadError(f"corrupt .docx: {name}: {e}") from None
        if len(data) > cap:
            raise LoadError(f"refused .docx (possible zip bomb): {name} is larger than declared")
        return data

    def parse(self, name: str) -> etree._ElementTree:
        data = self.read(name)
        return parse_xml(data, name)


def parse_xml(data: bytes, name: str) -> etree._ElementTree:
    """Parse one XML part safely; a DOCTYPE (DTD, entities) is refused."""
    try:
        tree = etree.parse(io.BytesIO(data), safe_parser())
    except etree.XMLSyntaxError as e:
        raise LoadError(f"corrupt .docx: {name} is not well-formed XML ({e})") from None
    if tree.docinfo.doctype:
        raise LoadError(f"refused .docx: {name} declares a DTD (external entities are not allowed)")
    return tree


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"
