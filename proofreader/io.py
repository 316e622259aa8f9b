"""Atomic writes with a backup: a draft is never left half-written.

The data goes to a temporary file in the target's own folder (so the final rename stays on
one file system), is flushed and fsynced, and replaces the target with `os.replace`, which
is atomic. An existing target is first copied to `name.ext.bak` (or `name.ext.1.bak`, ...)
beside it, so an overwritten draft can always be recovered.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

BACKUP_SUFFIX = ".bak"
TEMP_SUFFIX = ".tmp"


def backup_path(target: Path) -> Path:
    """The first free backup name beside `target`: `x.txt.bak`, then `x.txt.1.bak`, ..."""
    candidate = target.with_name(target.name + BACKUP_SUFFIX)
    n = 1
    while candidate.exists():
        candidate = target.with_name(f"{target.name}.{n}{BACKUP_SUFFIX}")
        n += 1
    return candidate


def atomic_write(
    target: Path, data: bytes, *, backup: bool = True, durable: bool = True
) -> Path | None:
    """Write `data` to `target` atomically; return the backup made of the old file, if any.

    `durable=False` skips the fsyncs: the rename is still atomic (a killed process leaves
    the old file or the new one), only a power cut may lose the last write. For frequent
    small autosaves, where an fsync per keystroke-sized change would stall the UI."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    kept: Path | None = None
    mode: int | None = None
    if target.exists():
        if target.is_dir():
            raise IsADirectoryError(21, "is a folder", str(target))
        if not target.is_file():
            # A device or a pipe (-o /dev/null, /dev/stdout): write through it. Renaming a
            # temporary file over it would replace the device by a regular file (as root).
            with open(target, "wb") as f:
                f.write(data)
            return None
        mode = target.stat().st_mode & 0o7777
        if backup:
            kept = backup_path(target)
            shutil.copy2(target, kept)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            if durable:
                os.fsync(f.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        else:
            os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; a new file gets the usual mode
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    if durable:
        _fsync_dir(folder)
    return kept


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# Read once at import: os.umask can only be read by setting it, which is not thread-safe.
_UMASK = _read_umask()


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; not possible (nor needed) on every platform.
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
