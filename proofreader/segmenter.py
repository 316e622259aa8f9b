"""jieba, loaded once per process and as cheaply as it can be: the rules that segment a few
characters around a candidate (duplicate, paragraph structure, word lists) share it.

jieba's own start-up costs ~1.5 s of CPU, mostly unmarshalling its whole prefix dictionary
(500,000 entries) although a page looks up a few thousand. So:

  * the dictionary is split by first character into a cache file once per machine
    (~/.cache/proofreader, or the temporary folder); a process reads the file's index and
    unmarshals only the first characters it meets (~0.05 s instead of ~1 s). Words and
    their prefixes share their first character, so every look-up jieba makes (get_DAG,
    calc, FREQ.get) sees exactly the dictionary it would have loaded;
  * the part-of-speech tags (same dict.txt) are split the same way, instead of importing
    jieba.posseg, which parses the file line by line and loads an HMM we never run;
  * `import jieba` would import pkg_resources (~0.3 s) only to open its own data files.

When the cache cannot be written or read, jieba initialises as usual.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

_FORMAT = 1  # bump when the cache layout changes
log = logging.getLogger(__name__)


class Sharded(Mapping[str, Any]):
    """A read-only str-keyed dict kept as one marshalled sub-dict per first character,
    each unmarshalled at its first look-up."""

    __slots__ = ("_blobs", "_shards")

    def __init__(self, blobs: dict[str, bytes]) -> None:
        self._blobs = blobs
        self._shards: dict[str, dict[str, Any]] = {}

    def shard(self, ch: str) -> dict[str, Any]:
        shard = self._shards.get(ch)
        if shard is None:  # two threads may both unmarshal it: same content, no harm
            blob = self._blobs.get(ch)
            shard = self._shards[ch] = marshal.loads(blob) if blob else {}
        return shard

    def __getitem__(self, key: str) -> Any:
        if not key:
            raise KeyError(key)
        return self.shard(key[0])[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.shard(key[0]).get(key, default) if key else default

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and bool(key) and key in self.shard(key[0])

    def __iter__(self) -> Iterator[str]:
        for ch in self._blobs:
            yield from self.shard(ch)

    def __len__(self) -> int:
        return sum(len(self.shard(ch)) for ch in self._blobs)


def _import_jieba() -> Any:
    hidden = "pkg_resources" not in sys.modules
    if hidden:  # jieba then opens its data files by path (ImportError branch of _compat)
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        if hidden:
            del sys.modules["pkg_resources"]
    jieba.setLogLevel(logging.WARNING)
    return jieba


def _dict_path(jieba: Any) -> Path:
    return Path(jieba.__file__).with_name(jieba.DEFAULT_DICT_NAME)


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "proofreader"


def _cache_name(jieba: Any, dict_file: Path) -> str:
    st = dict_file.stat()
    key = f"{_FORMAT}|{jieba.__version__}|{dict_file}|{st.st_size}|{st.st_mtime_ns}"
    return f"jieba-{hashlib.sha1(key.encode()).hexdigest()[:16]}.shards"


def _split(d: dict[str, Any]) -> dict[str, bytes]:
    by_char: dict[str, dict[str, Any]] = {}
    for k, v in d.items():
        by_char.setdefault(k[0], {})[k] = v
    return {ch: marshal.dumps(sub) for ch, sub in by_char.items()}


def _build(jieba: Any, dict_file: Path) -> tuple[int, dict[str, bytes], dict[str, bytes]]:
    """(total, FREQ shards, tag shards) from jieba's dictionary, as jieba reads it."""
    with open(dict_file, "rb") as f:
        freq, total = jieba.Tokenizer.gen_pfdict(f)
    with open(dict_file, "rb") as f:
        fields = f.read().decode("utf-8").split()
    if len(fields) % 3:
        raise ValueError(f"{dict_file} is not the three-column dictionary")
    tags = dict(zip(fields[0::3], fields[2::3], strict=True))  # the last line for a word wins
    return total, _split(freq), _split(tags)


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


@cache
def _sharded() -> tuple[int, Sharded, Sharded] | None:
    """(total, FREQ, tags) from the cache file, building it if needed; None on failure."""
    jieba = _import_jieba()
    try:
        dict_file = _dict_path(jieba)
        name = _cache_name(jieba, dict_file)
        for folder in (_cache_dir(), Path(tempfile.gettempdir())):
            path = folder / name
            try:
                with open(path, "rb") as f:
                    total, freq, tags = marshal.load(f)
                return total, Sharded(freq), Sharded(tags)
            except (OSError, ValueError, EOFError, TypeError):
                pass
        built = _build(jieba, dict_file)
        data = marshal.dumps(built)
        for folder in (_cache_dir(), Path(tempfile.gettempdir())):
            try:
                _write(folder / name, data)
                break
            except OSError:
                continue
        total, freq, tags = built
        return total, Sharded(freq), Sharded(tags)
    except Exception as e:  # an unexpected jieba layout: fall back to jieba's own loading
        log.warning("jieba dictionary cache unavailable (%s); loading jieba the usual way", e)
        return None


_lock = threading.Lock()
_load_lock = threading.Lock()
# Loads the dictionary entries of the given first characters into jieba.dt.FREQ (None: the
# whole dictionary is loaded).
_load_chars: Callable[[Iterable[str]], None] | None = None
# jieba.dt.FREQ and the first characters whose entries it holds (None: all of them), set
# by tokenizer(): `loaded_freq` tests them without a call when the characters are in.
_freq: dict[str, int] | None = None
_done: set[str] | None = None
_longest = 0  # the length of the longest entry in _freq (-1: not computed yet)


@cache
def tokenizer() -> Any:
    """jieba's default Tokenizer, ready to segment (jieba.dt).

    With the cache, FREQ is a plain dict filled one first character at a time: get_DAG
    (every segmentation starts there) first loads the characters of its sentence, so
    jieba's own look-ups run at dict speed. Look words up with `word_freq` or
    `loaded_freq`, not FREQ.
    """
    global _load_chars, _freq, _done, _longest
    jieba = _import_jieba()
    dt = jieba.dt
    with _lock:
        if dt.initialized:
            _freq, _longest = dt.FREQ, -1
            return dt
        loaded = _sharded()
        if loaded is None:
            dt.initialize()
            _freq, _longest = dt.FREQ, -1
            return dt
        total, shards = loaded[0], loaded[1]
        freq: dict[str, int] = {}
        done: set[str] = set()

        def load_chars(chars: Iterable[str]) -> None:
            global _longest
            if done.issuperset(chars):  # the usual case: no set built
                return
            with _load_lock:  # _longest must not lose an update
                for ch in set(chars).difference(done):
                    shard = shards.shard(ch)
                    freq.update(shard)
                    _longest = max(_longest, max(map(len, shard), default=0))
                    done.add(ch)  # last: a character in `done` is fully loaded

        get_dag = dt.get_DAG

        def get_DAG(sentence: str) -> dict[int, list[int]]:  # jieba's name
            load_chars(sentence)
            return get_dag(sentence)

        dt.get_DAG = get_DAG  # an instance attribute: jieba's cut() calls self.get_DAG
        dt.total, dt.FREQ = total, freq
        dt.initialized = True
        _load_chars, _freq, _done = load_chars, freq, done
    return dt


def dictionary_loaded() -> bool:
    """Has jieba's dictionary been loaded (`tokenizer` has run)? A test that can also be
    decided without it runs before it is loaded only when the other way fails."""
    return _freq is not None


def loaded_freq(chars: str) -> dict[str, int]:
    """jieba's FREQ with the entries of every first character in `chars` loaded: words that
    start with one of them are then looked up with FREQ.get, no call per word."""
    freq = _freq
    if freq is None:
        tokenizer()
        freq = _freq
        assert freq is not None
    if _done is not None and not _done.issuperset(chars):
        assert _load_chars is not None
        _load_chars(chars)
    return freq


def longest_entry() -> int:
    """The length of the longest entry `loaded_freq` has returned so far: no word starting
    with a character it loaded is longer."""
    global _longest
    if _longest < 0:  # jieba loaded its whole dictionary
        _longest = max(map(len, tokenizer().FREQ), default=0)
    return _longest


def word_freq(word: str) -> int | None:
    """jieba's frequency of `word`: None when unknown, 0 for a mere prefix of a word."""
    return loaded_freq(word[:1]).get(word)


@cache
def word_tags() -> Mapping[str, str]:
    """Word -> part-of-speech tag from jieba's dictionary (jieba.posseg.dt.word_tag_tab)."""
    loaded = _sharded()
    if loaded is not None:
        return loaded[2]
    tokenizer()
    import jieba.posseg

    return jieba.posseg.dt.word_tag_tab
