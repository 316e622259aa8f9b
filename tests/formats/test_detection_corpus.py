"""Encoding detection on real prose: 834 sentences by native writers (shared corpus) and
the sample page's paragraphs, one file each, in GB18030 and (converted) in Big5."""

from __future__ import annotations

from pathlib import Path

import opencc
import pytest

from proofreader.formats.text import decode

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "fcgec-correct-sentences.txt"
SAMPLE = ROOT / "resources" / "samples" / "jiaxing-daily-pinghu-page.txt"


def sentences() -> list[str]:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    if CORPUS.exists():
        lines += CORPUS.read_text(encoding="utf-8").splitlines()
    return [s.strip() for s in lines if s.strip()]


@pytest.mark.parametrize("codec", ["gb18030", "big5"])
def test_every_sentence_is_detected_exactly(codec):
    convert = opencc.OpenCC("s2t").convert if codec == "big5" else str
    wrong = []
    for s in sentences():
        data = convert(s).encode(codec, errors="replace")
        text, found, _ = decode(data)
        if text != data.decode(codec):
            wrong.append((s, found))
    assert wrong == []
