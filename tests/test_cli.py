"""The command line end to end: real files, real exit codes, `python -m proofreader`."""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from proofreader.cli import main
from proofreader.commands._common import parse_size

ROOT = Path(__file__).resolve().parent.parent
HALF = "他说,我们走吧。\n"
CLEAN = "今天天气很好。\n"


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    d = tmp_path / "drafts"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text(CLEAN, encoding="utf-8")
    (d / "b.txt").write_bytes(HALF.replace("\n", "\r\n").encode("gb18030"))
    (d / "sub" / "c.md").write_bytes(codecs.BOM_UTF8 + ("标题\n\n" + HALF).encode("utf-8"))
    return d


def run(
    *args: str, cwd: Path | None = None, env: dict | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "proofreader", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        # the checkout first on the path: the tests must run this code, installed or not
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        check=False,
    )


def test_python_m_proofreader_checks_like_a_compiler(drafts, tmp_path):
    r = run("check", "drafts", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].startswith("drafts/b.txt:1:3: halfwidth-punct: ")
    assert lines[0].endswith("→ ，")
    assert any(line.startswith("drafts/sub/c.md:3:3: halfwidth-punct") for line in lines)
    assert "\x1b[" not in r.stdout  # not a terminal: no colour
    assert "\r" not in r.stderr  # and no progress bar
    assert "2 findings in 3 files" in r.stderr


def test_exit_codes(drafts, tmp_path, capsys):
    assert main(["check", str(drafts / "a.txt")]) == 0
    assert main(["check", str(drafts / "b.txt")]) == 1
    (drafts / "bin.txt").write_bytes(b"\x00\x01")
    assert main(["check", str(drafts)]) == 2
    out = capsys.readouterr().out
    assert f"{drafts}/bin.txt: error: not a text file (binary content)" in out.splitlines()
    assert main(["check", str(tmp_path / "missing.txt"), str(drafts / "a.txt")]) == 2


def test_json_report_follows_the_contract(drafts, tmp_path):
    (drafts / "empty.txt").write_bytes(b"")
    out = tmp_path / "r.json"
    assert main(["check", str(drafts), "--format", "json", "-o", str(out)]) == 2
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["schema"] == "proofreader-report/1"
    files = {Path(f["path"]).name: f for f in report["files"]}
    b = files["b.txt"]
    assert (b["format"], b["encoding"], b["status"], b["error"]) == ("txt", "gb18030", "ok", None)
    assert b["length"] == len(HALF) + 1  # CRLF counts two
    (f,) = b["findings"]
    assert (f["offset"], f["length"], f["line"], f["column"], f["text"]) == (2, 1, 1, 3, ",")
    assert f["replacements"] == ["，"] and f["status"] == "pending"
    assert files["empty.txt"] == {
        "path": f"{drafts}/empty.txt",
        "status": "error",
        "error": "empty file",
        "findings": [],
    }
    assert report["summary"]["files"] == 4 and report["summary"]["files_with_errors"] == 1


@pytest.mark.parametrize("fmt", ["csv", "html"])
def test_other_formats(drafts, tmp_path, fmt):
    out = tmp_path / f"r.{fmt}"
    assert main(["check", str(drafts), "--format", fmt, "-o", str(out), "--jobs", "2"]) == 1
    data = out.read_bytes()
    assert b"halfwidth-punct" in data
    if fmt == "csv":
        assert data.startswith(codecs.BOM_UTF8)


def test_select_ignore_and_lang(drafts, capsys):
    assert main(["check", str(drafts), "--ignore", "punctuation"]) == 0
    assert main(["check", str(drafts), "--select", "duplicate-char,quote"]) == 0
    assert main(["check", str(drafts / "b.txt"), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "halfwidth-punct" in out and "," in out


def test_include_exclude_and_max_size(drafts, capsys):
    assert main(["check", str(drafts), "--include", "*.md"]) == 1
    assert "b.txt" not in capsys.readouterr().out
    assert main(["check", str(drafts), "--exclude", "sub", "--exclude", "b.*"]) == 0
    assert main(["check", str(drafts), "--max-size", "10"]) == 2
    assert "too large" in capsys.readouterr().out


def test_parse_size():
    assert parse_size("20MB") == 20 * 1024 * 1024
    assert parse_size("500K") == 500 * 1024
    assert parse_size("1234") == 1234


def test_fix_writes_copies_in_the_original_encoding_and_line_endings(drafts, tmp_path):
    out = tmp_path / "out"
    assert main(["fix", str(drafts), "--out", str(out)]) == 0
    assert (out / "b.txt").read_bytes() == "他说，我们走吧。\r\n".encode("gb18030")
    assert (
        out / "sub" / "c.md"
    ).read_bytes() == codecs.BOM_UTF8 + "标题\n\n他说，我们走吧。\n".encode()
    assert (out / "a.txt").read_bytes() == (drafts / "a.txt").read_bytes()  # a complete set
    # the drafts themselves are untouched
    assert (drafts / "b.txt").read_bytes() == HALF.replace("\n", "\r\n").encode("gb18030")
    assert not [p for p in out.rglob("*") if p.name.endswith((".tmp", ".bak"))]


def test_fix_beside_and_in_place(drafts):
    assert main(["fix", str(drafts / "b.txt")]) == 0
    assert (drafts / "b.corrected.txt").read_bytes() == "他说，我们走吧。\r\n".encode("gb18030")
    original = (drafts / "b.txt").read_bytes()
    assert main(["fix", str(drafts), "--in-place"]) == 0
    assert (drafts / "b.txt").read_bytes() == "他说，我们走吧。\r\n".encode("gb18030")
    assert (drafts / "b.txt.bak").read_bytes() == original
    assert not (drafts / "a.txt.bak").exists()  # nothing to fix: not rewritten
    # the corrected copy and backup are the tool's own outputs: not checked again
    assert main(["check", str(drafts)]) == 0


def test_fix_reports_unwritable_characters_and_bad_files(tmp_path, capsys):
    d = tmp_path / "d"
    d.mkdir()
    (d / "bad.txt").write_bytes(b"\x00")
    assert main(["fix", str(d), "--out", str(tmp_path / "o")]) == 2
    assert "bad.txt: error: not a text file" in capsys.readouterr().err


def test_fix_refuses_to_write_over_the_drafts_through_out(drafts, capsys):
    assert main(["fix", str(drafts), "--out", str(drafts)]) == 2
    assert "refusing to overwrite" in capsys.readouterr().err
    assert (drafts / "b.txt").read_bytes() == HALF.replace("\n", "\r\n").encode("gb18030")


def test_rules_and_rule_pages(capsys):
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert "halfwidth-punct" in out and "punctuation" in out
    assert main(["rule", "halfwidth-punct"]) == 0
    assert capsys.readouterr().out.startswith("halfwidth-punct — ")
    assert main(["rule", "halfwidth-punct", "--lang", "en"]) == 0
    assert main(["rule", "no-such-rule"]) == 2
    assert "unknown rule" in capsys.readouterr().err


def test_no_command_prints_help(capsys):
    assert main([]) == 2
    assert "check" in capsys.readouterr().err


def test_colour_only_on_a_terminal_and_not_with_no_color(drafts):
    from proofreader.batch import check_paths
    from proofreader.commands.check import format_text

    results = check_paths([drafts / "b.txt"])
    assert "\x1b[" in format_text(results, color=True)
    assert "\x1b[" not in format_text(results, color=False)
    r = run("check", str(drafts / "b.txt"), env={"NO_COLOR": "1"})
    assert "\x1b[" not in r.stdout


def test_console_script_entry_point_is_declared():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'proofreader = "proofreader.cli:run"' in text


def run_on_terminal(args: list[str], env: dict | None = None) -> tuple[str, str]:
    """Run the CLI with stdout and stderr on a real pseudo-terminal; return (stdout, stderr)."""
    import pty
    import select

    out_master, out_slave = pty.openpty()
    err_master, err_slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "proofreader", *args],
        stdout=out_slave,
        stderr=err_slave,
        env={**os.environ, "PYTHONPATH": str(ROOT), "TERM": "xterm", **(env or {})},
    )
    os.close(out_slave)
    os.close(err_slave)
    chunks: dict[int, bytes] = {out_master: b"", err_master: b""}
    open_fds = {out_master, err_master}
    while open_fds:
        ready, _, _ = select.select(list(open_fds), [], [], 30)
        if not ready:
            break
        for fd in ready:
            try:
                data = os.read(fd, 65536)
            except OSError:  # the terminal closed: the child is done
                data = b""
            if data:
                chunks[fd] += data
            else:
                open_fds.discard(fd)
    proc.wait(timeout=30)
    os.close(out_master)
    os.close(err_master)
    return chunks[out_master].decode("utf-8"), chunks[err_master].decode("utf-8")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_on_a_terminal_output_is_coloured_and_folders_get_a_progress_bar(drafts):
    out, err = run_on_terminal(["check", str(drafts)])
    assert "\x1b[1m" in out and "halfwidth-punct" in out
    assert "3/3" in err and "[" in err  # the bar, redrawn in place and cleared
    out, err = run_on_terminal(["check", str(drafts)], env={"NO_COLOR": "1"})
    assert "\x1b[" not in out and "halfwidth-punct" in out
    out, err = run_on_terminal(["check", str(drafts / "b.txt")])
    assert "/1" not in err  # a single file: no bar


def test_a_text_report_inside_the_checked_folder_is_not_checked(drafts, capsys):
    report = drafts / "report.txt"
    report.write_text("他说,旧报告。\n", encoding="utf-8")  # last run's report
    assert main(["check", str(drafts), "-o", str(report)]) == 1
    text = report.read_text(encoding="utf-8")
    assert "report.txt" not in text and "b.txt:1:3" in text


def test_fix_whose_result_big5_cannot_hold_is_an_error_until_another_encoding_is_named(
    tmp_path, capsys
):
    d = tmp_path / "d"
    d.mkdir()
    draft = "他說,我們走吧。\r\n".encode("big5")  # a few traditional characters in short copy
    (d / "trad.txt").write_bytes(draft)
    # punctuation alone: written back in Big5
    assert main(["fix", str(d), "--out", str(tmp_path / "o"), "--select", "punctuation"]) == 0
    assert (tmp_path / "o" / "trad.txt").read_bytes() == "他說，我們走吧。\r\n".encode("big5")
    # the script fix gives 说/们, which Big5 has not: a clear error, nothing written
    assert main(["fix", str(d), "--out", str(tmp_path / "x")]) == 2
    assert "cannot write “说” (U+8BF4, line 1) in big5" in capsys.readouterr().err
    assert not (tmp_path / "x" / "trad.txt").exists()
    assert main(["fix", str(d), "--out", str(tmp_path / "u"), "--encoding", "utf-8"]) == 0
    assert (tmp_path / "u" / "trad.txt").read_bytes() == "他说，我们走吧。\r\n".encode()
    assert (d / "trad.txt").read_bytes() == draft
    with pytest.raises(SystemExit):
        main(["fix", str(d), "--encoding", "no-such-codec"])
    assert "unknown encoding" in capsys.readouterr().err


def test_docx_report_needs_a_file_and_names_the_editor(drafts, tmp_path, capsys):
    import docx

    assert main(["check", str(drafts), "--format", "docx"]) == 2
    assert "needs -o FILE" in capsys.readouterr().err
    out = tmp_path / "r.docx"
    args = ["check", str(drafts), "--format", "docx", "-o", str(out), "--editor", "王小明"]
    assert main(args) == 1
    report = docx.Document(str(out))
    text = "\n".join(p.text for p in report.paragraphs)
    cells = "\n".join(c.text for t in report.tables for r in t.rows for c in r.cells)
    assert "王小明" in text and "中文语句中的逗号应使用全角" in cells
    json_out = tmp_path / "r.json"
    args = ["check", str(drafts), "-f", "json", "-o", str(json_out), "--editor", "王小明"]
    assert main(args) == 1
    assert json.loads(json_out.read_text(encoding="utf-8"))["editor"] == "王小明"
