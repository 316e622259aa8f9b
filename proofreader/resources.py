"""Finds the resources/ folder whether installed (inside the package) or in a checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PKG = Path(__file__).resolve().parent


@cache
def root() -> Path:
    for candidate in (_PKG / "_resources", _PKG.parent / "resources"):
        if (candidate / "wordlists").is_dir():
            return candidate
    raise FileNotFoundError("proofreader resources not found (reinstall the package)")


def path(*parts: str) -> Path:
    return root().joinpath(*parts)


@cache
def wordlist(name: str) -> tuple[str, ...]:
    """Entries of resources/wordlists/<name>.txt: one per line, `#` starts a comment."""
    entries = []
    for line in path("wordlists", f"{name}.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            entries.append(line)
    return tuple(entries)


@cache
def wordmap(name: str, sep: str = "\t") -> dict[str, str]:
    """`wrong<TAB>right` pairs from resources/wordlists/<name>.txt."""
    out: dict[str, str] = {}
    for entry in wordlist(name):
        left, _, right = entry.partition(sep)
        out[left.strip()] = right.strip()
    return out
