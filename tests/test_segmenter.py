"""proofreader.segmenter: jieba loaded without pkg_resources, the tag table read directly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_word_tags_equal_jieba_posseg_table() -> None:
    # In a fresh process: our table first (posseg not loaded), then posseg's own.
    code = (
        "from proofreader import segmenter\n"
        "ours = segmenter.word_tags()\n"
        "import jieba.posseg\n"
        "theirs = jieba.posseg.dt.word_tag_tab\n"
        "assert len(ours) > 300000, len(ours)\n"
        "assert ours == theirs\n"
        "print(ours['我们'], ours['的'], ours['昨天'])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["r", "uj", "t"]


def test_tokenizer_segments_without_importing_pkg_resources() -> None:
    code = (
        "import sys\n"
        "from proofreader import segmenter\n"
        "dt = segmenter.tokenizer()\n"
        "print('pkg_resources' in sys.modules, '/'.join(dt.cut('我们去公园', HMM=False)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["False", "我们/去/公园"]
