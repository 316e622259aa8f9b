"""proofreader.segmenter: jieba's dictionary from a cache split by first character, its tag
table without jieba.posseg, and no pkg_resources. Each test runs in a fresh process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(code: str, cache: Path) -> list[str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(cache), "XDG_CACHE_HOME": str(cache)}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return out.stdout.split()


def test_dictionary_and_tags_equal_jiebas_own(tmp_path: Path) -> None:
    check = (
        "import sys\n"
        "from proofreader import segmenter\n"
        "dt = segmenter.tokenizer()\n"
        "tags = segmenter.word_tags()\n"
        "print('pkg_resources' in sys.modules, 'jieba.posseg' in sys.modules)\n"
        "print(tags['我们'], tags.get('昨天'), tags.get('没有这个词', 'x'))\n"
        "print('/'.join(dt.cut('我们去公园', HMM=False)))\n"
    )
    compare = (
        "import jieba, jieba.posseg\n"
        "ref = jieba.Tokenizer()\n"
        "ref.initialize()\n"
        "segmenter._load_chars(segmenter._sharded()[1]._blobs)\n"
        "assert (dt.FREQ, dt.total) == (ref.FREQ, ref.total)\n"
        "assert segmenter.word_freq('我们') == ref.FREQ['我们']\n"
        "assert dict(tags.items()) == jieba.posseg.dt.word_tag_tab\n"
    )
    expected = ["False", "False", "r", "t", "x", "我们/去/公园"]
    assert _run(check + compare, tmp_path) == expected  # builds the cache file
    assert len(list((tmp_path / "proofreader").glob("jieba-*.shards"))) == 1
    assert _run(check, tmp_path) == expected  # reads it


def test_sharded_mapping_reads_like_a_dict() -> None:
    import marshal

    from proofreader.segmenter import Sharded

    d = Sharded({"我": marshal.dumps({"我": 5, "我们": 7}), "去": marshal.dumps({"去": 0})})
    assert d["我们"] == 7 and d.get("去") == 0 and d.get("你", 1) == 1 and d.get("", 2) == 2
    assert "我" in d and "你" not in d and "" not in d and 3 not in d
    assert dict(d) == {"我": 5, "我们": 7, "去": 0} and len(d) == 3
