"""Which files a folder check picks up, and how they are named in reports."""

from __future__ import annotations

from pathlib import Path

from proofreader.formats import expand_paths, is_own_output


def make_tree(root: Path) -> None:
    files = [
        "b.txt",
        "a.md",
        "c.docx",
        "notes.text",
        "image.png",
        "report.json",
        "report.html",
        "a.corrected.md",
        "b.txt.bak",
        "b.txt.1.bak",
        "b.txt.proofreader.json",
        ".hidden.txt",
        "~$c.docx",
        "sub/z.txt",
        "sub/deeper/y.txt",
        "sub/archive/old.txt",
        ".git/x.txt",
        ".cache/deep/x.txt",
    ]
    for name in files:
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("内容。", encoding="utf-8")


def shown(pairs):
    return [s for _, s in pairs]


def test_folder_is_searched_recursively_skipping_hidden_and_own_outputs(tmp_path):
    make_tree(tmp_path / "drafts")
    pairs = expand_paths([tmp_path / "drafts"])
    rels = [p.relative_to(tmp_path / "drafts").as_posix() for p, _ in pairs]
    assert rels == [
        "a.md",
        "b.txt",
        "c.docx",
        "notes.text",
        "sub/archive/old.txt",
        "sub/deeper/y.txt",
        "sub/z.txt",
    ]
    assert all(p.is_file() for p, _ in pairs)


def test_display_path_is_as_named_plus_the_path_inside_the_folder(tmp_path, monkeypatch):
    make_tree(tmp_path / "drafts")
    monkeypatch.chdir(tmp_path)
    assert shown(expand_paths(["drafts"]))[:2] == ["drafts/a.md", "drafts/b.txt"]
    assert shown(expand_paths(["drafts/"]))[:2] == ["drafts/a.md", "drafts/b.txt"]
    assert shown(expand_paths(["./drafts/b.txt"])) == ["./drafts/b.txt"]


def test_include_and_exclude_globs(tmp_path):
    make_tree(tmp_path)
    assert shown(expand_paths([tmp_path], include=["*.md"])) == [f"{tmp_path}/a.md"]
    got = expand_paths([tmp_path], exclude=["sub/archive", "*.docx"])
    rels = [p.relative_to(tmp_path).as_posix() for p, _ in got]
    assert "c.docx" not in rels and "sub/archive/old.txt" not in rels
    assert "sub/z.txt" in rels
    deep = expand_paths([tmp_path], include=["sub/*"], exclude=["*/deeper/*"])
    assert [p.relative_to(tmp_path).as_posix() for p, _ in deep] == [
        "sub/archive/old.txt",
        "sub/z.txt",
    ]


def test_missing_paths_are_kept_for_the_batch_to_report(tmp_path):
    pairs = expand_paths([tmp_path / "nope.txt", "also-missing"])
    assert shown(pairs) == [str(tmp_path / "nope.txt"), "also-missing"]


def test_order_follows_the_arguments_and_duplicates_are_dropped(tmp_path):
    make_tree(tmp_path)
    a, b = tmp_path / "b.txt", tmp_path / "a.md"
    pairs = expand_paths([a, b, a, tmp_path])
    assert [p for p, _ in pairs][:2] == [a, b]
    assert len(pairs) == len({p for p, _ in pairs})


def test_a_file_named_explicitly_is_taken_even_if_it_looks_like_an_output(tmp_path):
    make_tree(tmp_path)
    assert shown(expand_paths([tmp_path / "a.corrected.md"])) == [str(tmp_path / "a.corrected.md")]


def test_own_output_names():
    assert is_own_output("page.corrected.txt")
    assert is_own_output("page.txt.bak") and is_own_output("page.txt.3.bak")
    assert is_own_output("page.txt.proofreader.json")
    assert not is_own_output("page.txt") and not is_own_output("corrected.txt")
