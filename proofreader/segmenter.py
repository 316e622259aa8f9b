"""jieba, loaded once per process and as cheaply as it can be: the rules that segment a few
characters around a candidate (duplicate, paragraph structure, word lists) share it.

Loading costs ~1.5 s of CPU, paid at the first candidate and never on clean text. Two parts
of it are avoidable:
  * `import jieba` imports pkg_resources (~0.3 s) only to open its own data files; without
    pkg_resources it opens them by path, which is all we need.
  * the part-of-speech tags live in the same dict.txt; `jieba.posseg` parses it line by
    line (~0.4 s) and also loads the HMM tagging model we never run. `word_tags` reads the
    same table with one split of the whole file.
"""

from __future__ import annotations

import logging
import sys
from functools import cache
from typing import Any


@cache
def tokenizer() -> Any:
    """jieba's default Tokenizer, initialised (the dictionary loaded)."""
    hidden = "pkg_resources" not in sys.modules
    if hidden:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # ImportError in jieba
    try:
        import jieba
    finally:
        if hidden:
            del sys.modules["pkg_resources"]
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.dt


@cache
def word_tags() -> dict[str, str]:
    """Word -> part-of-speech tag from jieba's dictionary (what jieba.posseg.dt.word_tag_tab
    holds: "word freq tag" lines, the last line for a word winning)."""
    dt = tokenizer()
    if "jieba.posseg" in sys.modules:  # loaded anyway: reuse its table
        import jieba.posseg

        return jieba.posseg.dt.word_tag_tab
    with dt.get_dict_file() as f:
        fields = f.read().decode("utf-8").split()
    if len(fields) % 3:  # not the plain three-column file: let jieba parse it
        import jieba.posseg

        return jieba.posseg.dt.word_tag_tab
    return dict(zip(fields[0::3], fields[2::3], strict=True))
