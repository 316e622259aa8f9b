"""atomic_write to a device or a pipe writes through it instead of replacing it."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

from proofreader.io import atomic_write


def test_a_fifo_is_written_through_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "report.json"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    assert atomic_write(fifo, b'{"ok": true}\n', backup=False) is None
    reader.join(timeout=10)
    assert got == [b'{"ok": true}\n']
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # still a pipe, not a regular file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]  # no temporary left
