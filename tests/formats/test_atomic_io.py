"""Atomic writes: a target is either the old file or the new one, never half of each."""

from __future__ import annotations

import os

import pytest

from proofreader.io import atomic_write, backup_path


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_new_file(tmp_path):
    target = tmp_path / "out.txt"
    assert atomic_write(target, b"new") is None
    assert target.read_bytes() == b"new"
    assert leftovers(tmp_path) == []


def test_overwrite_keeps_the_old_file_as_backup(tmp_path):
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    kept = atomic_write(target, b"new")
    assert kept == tmp_path / "out.txt.bak" and kept.read_bytes() == b"old"
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640  # permissions carried over
    assert atomic_write(target, b"newer") == tmp_path / "out.txt.1.bak"
    assert atomic_write(target, b"newest", backup=False) is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt", "out.txt.1.bak", "out.txt.bak"]


def test_a_failed_write_leaves_the_target_untouched_and_no_temp_file(tmp_path):
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")
    with pytest.raises(TypeError):
        atomic_write(target, "not bytes", backup=False)  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_missing_folder_is_an_os_error_and_nothing_is_written(tmp_path):
    with pytest.raises(FileNotFoundError):
        atomic_write(tmp_path / "no" / "such" / "dir.txt", b"x")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_is_never_replaced(tmp_path):
    (tmp_path / "d").mkdir()
    with pytest.raises(IsADirectoryError):
        atomic_write(tmp_path / "d", b"x")
    assert (tmp_path / "d").is_dir()


def test_backup_names(tmp_path):
    target = tmp_path / "a.txt"
    assert backup_path(target).name == "a.txt.bak"
    (tmp_path / "a.txt.bak").write_bytes(b"")
    (tmp_path / "a.txt.1.bak").write_bytes(b"")
    assert backup_path(target).name == "a.txt.2.bak"
