"""The `grammar` family: extra findings from a LanguageTool server, through language-tool-python.

Where LanguageTool comes from, in this order:

1. a server URL: `Config.languagetool_url`, else the environment variable
   `PROOFREADER_LANGUAGETOOL_URL` (a newsroom's own server, or `docker run` of the official
   image on the editor's machine);
2. a local installation, found the way language-tool-python finds one: `LTP_PATH` holds a
   `LanguageTool-<version>/` folder with `languagetool-server.jar`, and `java` >= 17 runs.
   Only then is a local server started, on a free loopback port, with language-tool-python's
   command line but not its LanguageTool() start-up, which *downloads* LanguageTool when
   anything is amiss: the app and the tests must never download;
3. nothing: the family reports "not configured" and every other check runs as before.

Each non-blank paragraph goes to LanguageTool with its language (`zh-CN` when it holds a
Chinese character, `en-US` when it is a Latin passage, e.g. an English quotation); paragraphs
of one language travel together, joined by blank lines, in requests of up to 6,000
characters. Answers are cached per (server, language, paragraph text), so re-checking an
edited draft only sends the paragraphs that changed. LanguageTool's offsets count UTF-16
units; they are converted to code points here (`convert.OffsetMap`). language-tool-python's
own `Match` is not used: it corrects the offset for characters such as 𠮷 but not the length
of a match that covers one, NFKC-normalises the message (turning Chinese "？" into "?") and
keeps the last text in class attributes shared by all threads (tests/languagetool/
test_convert.py shows it).

Matches become `Finding`s: rule `languagetool:<LanguageTool rule id>`, LanguageTool's message
and replacements (unsafe: a person decides), category from LanguageTool's category id via
`resources/wordlists/languagetool-categories.txt` (PUNCTUATION/TYPOGRAPHY → punctuation,
TYPOS/CONFUSED_WORDS/STYLE/… and the Chinese idiom category CN_CAT2 → wording, anything else
→ grammar). `merge()` drops a LanguageTool finding that overlaps one of ours: ours are
tuned for newspaper copy, and two fixes for one span could not both be applied.

API for the CLI, the batch runner and the UI (none of it raises for a network problem):

    status(config=None) -> LanguageToolStatus
        Where LanguageTool would come from and whether it answers right now (one request to
        `/v2/languages`, bounded by `config.languagetool_timeout`; for a local installation
        this starts it). Blocking: call it off the UI thread.
    GrammarChecker(config).check(text) -> (list[Finding], LanguageToolStatus)
        Thread-safe. `.status` is the last state; after a failure the server is not asked
        again for `retry_after` seconds (60) unless `.retry()` is called. Answers are cached
        process-wide per server and paragraph; a local LanguageTool is started once per
        process and stopped at exit (`stop_local_servers()` stops it sooner).
    merge(ours, theirs) -> list[Finding]

`LanguageToolStatus` has `state` ("connected" | "not-configured" | "unreachable"), `detail`
(a short English reason), `url`, `.available`, `.line()` (the one line the CLI prints) and
`.as_json()` (the report's top-level `"languagetool"` object).
"""

from __future__ import annotations

import bisect
import operator
import os
import re
import shutil
import socket
import subprocess
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from proofreader.config import Config
from proofreader.languagetool.convert import OffsetMap
from proofreader.model import Applicability, Category, Finding, Severity
from proofreader.resources import wordmap
from proofreader.structure import Kind, paragraphs
from proofreader.textutil import CJK_RE


class _LazyRequests:
    """`requests` imported at first use: it costs ~90 ms, and every CLI run imports this
    module while few use LanguageTool."""

    def __getattr__(self, name: str) -> Any:
        import requests as module

        return getattr(module, name)


requests: Any = _LazyRequests()

ENV_URL = "PROOFREADER_LANGUAGETOOL_URL"
ENV_LTP_PATH = "LTP_PATH"
RULE_PREFIX = "languagetool:"
MIN_JAVA = 17
CACHE_SIZE = 20_000  # paragraphs; a page has a few hundred
RETRY_AFTER = 60.0  # seconds without asking an unreachable server again
# Uncached paragraphs of one language go in one request of up to CHUNK_CHARS characters,
# joined by a blank line: a few requests a page instead of one per paragraph.
CHUNK_CHARS = 6000
PARAGRAPH_JOINER = "\n\n"
LOCAL_START_TIMEOUT = 90.0  # a local LanguageTool loads its language models at start

State = Literal["connected", "not-configured", "unreachable"]

_LATIN_RE = re.compile(r"[A-Za-z]{2,}")
_LATIN_SENTENCE_RE = re.compile(r"[A-Za-z]+(?:[\s,;:'’-]+[A-Za-z]+){3,}\s*[.!?][\"'’”)]*\s*$")
# "latest" is left out on purpose: language-tool-python would fetch today's snapshot.
_LOCAL_DIR_RE = re.compile(r"^LanguageTool-(\d+\.\d+|\d{8})$")


@dataclass(frozen=True)
class LanguageToolStatus:
    state: State
    detail: str = ""
    url: str | None = None

    @property
    def available(self) -> bool:
        return self.state == "connected"

    def line(self) -> str:
        """One human line for the CLI and the status bar."""
        if self.state == "connected":
            return f"grammar checks: LanguageTool connected ({self.url})"
        if self.state == "not-configured":
            return f"grammar checks skipped: {self.detail}"
        return f"grammar checks skipped: LanguageTool unreachable ({self.detail})"

    def as_json(self) -> dict[str, Any]:
        return {"status": self.state, "detail": self.detail, "url": self.url}


NOT_CONFIGURED_DETAIL = f"no LanguageTool server configured (set {ENV_URL})"
DESELECTED_DETAIL = "the grammar family is not selected (--select/--ignore)"


# --- where LanguageTool comes from ------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    kind: Literal["remote", "local", "none"]
    url: str | None = None  # remote: the server root, e.g. http://127.0.0.1:8010/
    install: Path | None = None  # local: the LanguageTool-<version>/ folder
    version: str | None = None
    reason: str = ""  # none: why


def resolve_source(config: Config | None = None) -> Source:
    config = config or Config()
    url = (config.languagetool_url or os.environ.get(ENV_URL) or "").strip()
    if url:
        return Source("remote", url=_server_root(url))
    ltp = os.environ.get(ENV_LTP_PATH, "").strip()
    if not ltp:
        return Source("none", reason=NOT_CONFIGURED_DETAIL)
    install = _find_local_install(Path(ltp))
    if install is None:
        return Source(
            "none",
            reason=f"{ENV_LTP_PATH}={ltp} holds no LanguageTool-<version>/ installation "
            f"(set {ENV_URL} to use a server)",
        )
    java = java_major_version()
    if java is None or java < MIN_JAVA:
        found = "no java found" if java is None else f"java {java} found"
        return Source("none", reason=f"local LanguageTool needs Java >= {MIN_JAVA} ({found})")
    version = _LOCAL_DIR_RE.match(install.name).group(1)  # type: ignore[union-attr]
    return Source("local", install=install, version=version)


def _server_root(url: str) -> str:
    """http://host:8081/v2/ or http://host:8081 → http://host:8081/ (language-tool-python
    appends `v2/` itself)."""
    if "://" not in url:
        url = "http://" + url
    url = url.rstrip("/")
    if url.endswith("/v2"):
        url = url[: -len("/v2")]
    return url + "/"


def _find_local_install(folder: Path) -> Path | None:
    if not folder.is_dir():
        return None
    found = [
        p
        for p in sorted(folder.iterdir())
        if p.is_dir()
        and _LOCAL_DIR_RE.match(p.name)
        and any((p / jar).is_file() for jar in ("languagetool-server.jar", "languagetool.jar"))
    ]
    return found[-1] if found else None


@cache
def java_major_version() -> int | None:
    java = shutil.which("java")
    if java is None:
        return None
    try:
        out = subprocess.run(
            [java, "-version"], capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if not m:
        return None
    major = int(m.group(1))
    return int(m.group(2) or 0) if major == 1 else major  # "1.8.0" is Java 8


# --- category mapping ------------------------------------------------------------------------


def category_for(lt_category_id: str) -> Category:
    """Our report category for a LanguageTool category id (default: grammar)."""
    mapped = wordmap("languagetool-categories").get(lt_category_id.upper())
    try:
        return Category(mapped) if mapped else Category.GRAMMAR
    except ValueError:
        return Category.GRAMMAR


def _severity_for(issue_type: str) -> Severity:
    gentle = {"style", "register", "locale-violation"}
    return Severity.INFO if issue_type in gentle else Severity.WARNING


def language_of(paragraph: str) -> str | None:
    """The language a paragraph is sent with, or None when there is nothing to check."""
    if CJK_RE.search(paragraph):
        return "zh-CN"
    if _LATIN_RE.search(paragraph):
        return "en-US"
    return None


# --- the process-wide answer cache --------------------------------------------------------
# Keyed by (server, language, paragraph text): any GrammarChecker for the same server reuses
# it, so the UI re-checking a draft or a batch of files only sends paragraphs not seen yet.

_cache_lock = threading.Lock()
_CACHE: OrderedDict[tuple[str, str, str], list[_Match]] = OrderedDict()


def _cache_get(key: tuple[str, str, str]) -> list[_Match] | None:
    with _cache_lock:
        found = _CACHE.get(key)
        if found is not None:
            _CACHE.move_to_end(key)
        return found


def _cache_put(key: tuple[str, str, str], matches: list[_Match]) -> None:
    with _cache_lock:
        _CACHE[key] = matches
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)


def clear_cache() -> None:
    with _cache_lock:
        _CACHE.clear()


# --- the checker -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Match:
    """One LanguageTool match, code point offsets relative to its paragraph."""

    offset: int
    length: int
    rule_id: str
    category_id: str
    category_name: str
    issue_type: str
    message: str
    short_message: str
    description: str
    replacements: tuple[str, ...]


_LT_CATEGORIES = {str(Category.GRAMMAR), str(Category.PUNCTUATION), str(Category.WORDING)}


def _tool_class() -> type:
    """language-tool-python's client, with our timeout and raw JSON answers."""
    from language_tool_python import LanguageTool

    class _Tool(LanguageTool):  # type: ignore[misc, valid-type]
        def __init__(self, *args: Any, timeout: float, **kwargs: Any) -> None:
            self._TIMEOUT = timeout  # class default is 300 s, for every request
            super().__init__(*args, **kwargs)

        def check_json(self, text: str) -> dict[str, Any]:
            # The request LanguageTool.check() makes (same form fields, built by
            # language-tool-python), answered as plain JSON rather than Match objects, once
            # (no retry) and with HTTP errors reported as such.
            import urllib.parse

            url = urllib.parse.urljoin(self._url, "check")
            r = requests.post(
                url,
                data=self._create_params(text),
                timeout=self._TIMEOUT,
                proxies=getattr(self, "_proxies", None),
            )
            r.raise_for_status()
            return r.json()

    return _Tool


def _lt_errors() -> tuple[type[BaseException], ...]:
    from language_tool_python.exceptions import LanguageToolError

    return (LanguageToolError, requests.RequestException, OSError)


def _chunks(paras: list[str], limit: int = CHUNK_CHARS) -> Iterator[list[str]]:
    """Paragraphs in groups of at most `limit` characters (a longer paragraph goes alone)."""
    chunk: list[str] = []
    size = 0
    for para in paras:
        if chunk and size + len(para) > limit:
            yield chunk
            chunk, size = [], 0
        chunk.append(para)
        size += len(para) + len(PARAGRAPH_JOINER)
    if chunk:
        yield chunk


class _LocalServer:
    """A LanguageTool HTTP server started from a local installation, on a free loopback port.

    Started here rather than by language-tool-python's LanguageTool(): that one downloads
    LanguageTool when anything is amiss, and on a failed start retries on ~900 ports. The
    command line is still language-tool-python's (`LocalLanguageTool.get_server_cmd`)."""

    def __init__(self, proc: subprocess.Popen[bytes], root: str) -> None:
        self.proc = proc
        self.root = root
        self._finalizer = weakref.finalize(self, _stop_process, proc)

    def stop(self) -> None:
        self._finalizer()


def _stop_process(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


def _start_local_server(install: Path, wait: float = LOCAL_START_TIMEOUT) -> _LocalServer:
    from language_tool_python.download_lt import LocalLanguageTool
    from language_tool_python.exceptions import LanguageToolError

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    try:
        cmd = LocalLanguageTool.from_path(install).get_server_cmd(port)
        proc = subprocess.Popen(
            cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
    except (OSError, ValueError, LanguageToolError) as e:
        raise LanguageToolError(f"local LanguageTool did not start: {e}") from e
    server = _LocalServer(proc, f"http://127.0.0.1:{port}/")
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        code = proc.poll()
        if code is not None:
            server.stop()
            raise LanguageToolError(f"local LanguageTool exited with code {code} ({install})")
        try:
            if requests.get(server.root + "v2/healthcheck", timeout=2).ok:
                return server
        except requests.RequestException:
            pass
        time.sleep(0.2)
    server.stop()
    raise LanguageToolError(f"local LanguageTool did not answer within {wait:g} s ({install})")


_local_lock = threading.Lock()
_LOCAL_SERVERS: dict[Path, _LocalServer] = {}


def _local_server(install: Path) -> _LocalServer:
    """One local LanguageTool per installation for the whole process (it takes seconds to
    start and hundreds of MB); stopped at exit or by `stop_local_servers()`."""
    with _local_lock:
        server = _LOCAL_SERVERS.get(install)
        if server is None or server.proc.poll() is not None:
            server = _start_local_server(install)
            _LOCAL_SERVERS[install] = server
        return server


def stop_local_servers() -> None:
    with _local_lock:
        for server in _LOCAL_SERVERS.values():
            server.stop()
        _LOCAL_SERVERS.clear()


def _reason(error: BaseException, timeout: float) -> str:
    """A short reason from an error (language-tool-python wraps requests' errors)."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, requests.Timeout):
            return f"no answer within {timeout:g} s"
        if isinstance(seen, requests.ConnectionError):
            return "cannot connect (connection refused or host unknown)"
        if isinstance(seen, requests.HTTPError) and seen.response is not None:
            return f"HTTP {seen.response.status_code} from the server"
        seen = seen.__cause__ or seen.__context__
    text = str(error).strip().splitlines()
    return (text[0] if text else type(error).__name__)[:200]


class GrammarChecker:
    """Checks texts with LanguageTool; see the module docstring."""

    def __init__(self, config: Config | None = None, source: Source | None = None) -> None:
        self.config = config or Config()
        self.source = source or resolve_source(self.config)
        self.timeout = float(self.config.languagetool_timeout)
        self._lock = threading.RLock()
        self._tools: dict[str, Any] = {}  # language → client
        self._unsupported: set[str] = set()  # languages the server does not have
        self._root: str | None = self.source.url
        self._notes: list[str] = []  # e.g. a language the server lacks
        self.status = self._initial_status()
        self.retry_after = RETRY_AFTER
        self._down_until = 0.0
        self.requests_sent = 0  # check requests made (cached paragraphs are not sent)

    def _initial_status(self) -> LanguageToolStatus:
        if self.source.kind == "none":
            return LanguageToolStatus("not-configured", self.source.reason)
        where = self.source.url or str(self.source.install)
        return LanguageToolStatus("unreachable", "not contacted yet", where)

    @property
    def enabled(self) -> bool:
        """False when the configuration deselects the whole family."""
        c = self.config
        if c.ignore & {"languagetool", str(Category.GRAMMAR)}:
            return False
        if not c.select:
            return True
        return bool(c.select & {"languagetool", *_LT_CATEGORIES}) or any(
            s.startswith(RULE_PREFIX) for s in c.select
        )

    # -- connection

    def _unreachable(self, error: BaseException) -> LanguageToolStatus:
        self.status = LanguageToolStatus(
            "unreachable", _reason(error, self.timeout), self._root or self.source.url
        )
        return self.status

    def _ensure_root(self) -> str:
        """The server root URL, starting the local server if that is the source."""
        if self._root is not None:
            return self._root
        assert self.source.kind == "local" and self.source.install is not None
        self._root = _local_server(self.source.install).root
        return self._root

    def _tool(self, language: str) -> Any:
        tool = self._tools.get(language)
        if tool is None:
            tool = _tool_class()(language, remote_server=self._ensure_root(), timeout=self.timeout)
            tool.disable_spellchecking()  # names and pinyin in English passages are not typos
            self._tools[language] = tool
        return tool

    def probe(self) -> LanguageToolStatus:
        """Contact the server once (GET /v2/languages) and record the state."""
        if self.source.kind == "none":
            return self.status
        with self._lock:
            try:
                root = self._ensure_root()
                r = requests.get(root + "v2/languages", timeout=self.timeout)
                r.raise_for_status()
                r.json()
            except (*_lt_errors(), ValueError) as e:
                return self._unreachable(e)
            self.status = LanguageToolStatus("connected", "", root)
            return self.status

    # -- checking

    def check(self, text: str) -> tuple[list[Finding], LanguageToolStatus]:
        """LanguageTool's findings for `text` (code point offsets into it) and the state."""
        if self.source.kind == "none":
            return [], self.status
        if not self.enabled:
            return [], LanguageToolStatus("not-configured", DESELECTED_DETAIL, self.source.url)
        findings: list[Finding] = []
        paras = [
            (p.start, p.text(text))
            for p in paragraphs(text)
            if p.kind != Kind.BLANK
            # page furniture (mastheads, credits) is not prose; a short Latin sentence is
            # classified as furniture too, and is checked
            and (p.kind != Kind.FURNITURE or _LATIN_SENTENCE_RE.search(p.text(text)))
        ]
        with self._lock:
            # After a failure, wait `retry_after` seconds before asking again: a batch of 300
            # files must not wait one timeout per file while the server is down.
            down = time.monotonic() < self._down_until
            wanted = [(start, para, language_of(para)) for start, para in paras]
            answers: dict[tuple[str, str], list[_Match]] = {}
            missing: dict[str, list[str]] = {}  # language → paragraphs not in the cache
            for _, para, language in wanted:
                if language is None or language in self._unsupported:
                    continue
                cached = _cache_get((self._cache_key, language, para))
                if cached is not None:
                    answers[(language, para)] = cached
                elif not down and para not in missing.setdefault(language, []):
                    missing[language].append(para)
            sent = 0
            for language, todo in missing.items():
                if down or not todo:
                    continue
                try:
                    tool = self._tool(language)
                except ValueError as e:  # language-tool-python: unsupported language
                    self._unsupported.add(language)
                    self._notes.append(f"server has no {language} ({e})")
                    continue
                except _lt_errors() as e:
                    down = self._failed(e)
                    continue
                for chunk in _chunks(todo):
                    try:
                        results = self._ask(tool, chunk)
                    except (*_lt_errors(), KeyError, TypeError, ValueError) as e:
                        down = self._failed(e)
                        break
                    sent += 1
                    for para, matches in zip(chunk, results, strict=True):
                        _cache_put((self._cache_key, language, para), matches)
                        answers[(language, para)] = matches
            for start, para, language in wanted:
                for m in answers.get((language, para), ()):  # type: ignore[arg-type]
                    findings.append(self._finding(m, start, language))  # type: ignore[arg-type]
            if not down and (sent or self.status.state != "connected"):
                self.status = LanguageToolStatus("connected", "; ".join(self._notes), self._root)
            self.requests_sent += sent
        return sorted(findings, key=lambda f: (f.offset, f.length, f.rule)), self.status

    def retry(self) -> None:
        """Ask the server again at the next check, even within `retry_after` of a failure
        (e.g. after the user fixed the settings)."""
        self._down_until = 0.0

    def _failed(self, error: BaseException) -> bool:
        self._unreachable(error)
        self._down_until = time.monotonic() + self.retry_after
        return True

    def _ask(self, tool: Any, paras: list[str]) -> list[list[_Match]]:
        """One request for several paragraphs of one language, joined by blank lines (a
        paragraph break for LanguageTool); matches are handed back to their paragraphs."""
        joined = PARAGRAPH_JOINER.join(paras)
        starts = []
        pos = 0
        for para in paras:
            starts.append(pos)
            pos += len(para) + len(PARAGRAPH_JOINER)
        answer = tool.check_json(joined)
        omap = OffsetMap(joined)
        out: list[list[_Match]] = [[] for _ in paras]
        for m in answer["matches"]:
            try:
                offset, length = omap.span_to_code_points(int(m["offset"]), int(m["length"]))
            except (KeyError, TypeError, ValueError):
                continue  # a match outside the text: nothing sensible to show
            i = bisect.bisect_right(starts, offset) - 1
            if i < 0 or offset + length > starts[i] + len(paras[i]):
                continue  # spans a paragraph break we added
            rule = m.get("rule") or {}
            cat = rule.get("category") or {}
            out[i].append(
                _Match(
                    offset=offset - starts[i],
                    length=length,
                    rule_id=str(rule.get("id", "UNKNOWN")),
                    category_id=str(cat.get("id", "")),
                    category_name=str(cat.get("name", "")),
                    issue_type=str(rule.get("issueType", "")),
                    message=str(m.get("message", "")),
                    short_message=str(m.get("shortMessage") or ""),
                    description=str(rule.get("description", "")),
                    replacements=tuple(
                        str(r["value"]) for r in m.get("replacements", []) if "value" in r
                    ),
                )
            )
        return out

    def _finding(self, m: _Match, para_start: int, language: str) -> Finding:
        return Finding(
            rule=RULE_PREFIX + m.rule_id,
            category=category_for(m.category_id),
            severity=self.config.severity.get(RULE_PREFIX + m.rule_id, _severity_for(m.issue_type)),
            offset=para_start + m.offset,
            length=m.length,
            message=m.message,
            message_en=m.message if language.startswith("en") else "",
            replacements=m.replacements,
            applicability=Applicability.UNSAFE,
            data={
                "source": "languagetool",
                "language": language,
                "lt_rule": m.rule_id,
                "lt_category": m.category_id,
                "lt_category_name": m.category_name,
                "issue_type": m.issue_type,
                "short_message": m.short_message,
                "description": m.description,
            },
        )

    @property
    def _cache_key(self) -> str:
        return self.source.url or str(self.source.install)

    def close(self) -> None:
        with self._lock:
            self._tools.clear()

    def __enter__(self) -> GrammarChecker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def merge(
    ours: Sequence[Finding], theirs: Iterable[Finding], config: Config | None = None
) -> list[Finding]:
    """Our findings plus LanguageTool's that overlap none of ours (and that the config keeps)."""
    config = config or Config()
    theirs = list(theirs)
    if not theirs:  # LanguageTool not configured: every batch file comes through here
        return sorted(ours, key=_ORDER)  # (already in order from the engine: a linear pass)
    spans = sorted((f.offset, f.end) for f in ours)
    kept = [f for f in theirs if wanted(f, config) and not _overlaps(f, spans)]
    return sorted([*ours, *kept], key=_ORDER)


_ORDER = operator.itemgetter(3, 4, 0)  # (f.offset, f.length, f.rule): a Finding is a tuple


def wanted(f: Finding, config: Config) -> bool:
    """Config.select/ignore for LanguageTool findings: by full rule id, by "languagetool"
    (the whole family) or by category."""
    names = {f.rule, "languagetool", str(f.category)}
    if config.ignore & names:
        return False
    return not config.select or bool(config.select & names)


def _overlaps(f: Finding, spans: list[tuple[int, int]]) -> bool:
    # Spans are half-open; an insertion point (length 0) overlaps a span it lies inside or
    # an insertion at the same point.
    start, end = f.offset, max(f.end, f.offset + 1)
    for s, e in spans:
        e = max(e, s + 1)
        if s >= end:
            break
        if s < end and start < e:
            return True
    return False


def batch_status(results: Iterable[Any]) -> LanguageToolStatus | None:
    """One state for a batch of `batch.FileResult`s (their `.languagetool`): unreachable if
    it failed for any file, else connected if it answered for any, else not configured.
    None when the step did not run."""
    states = [
        LanguageToolStatus(d["status"], d.get("detail", ""), d.get("url"))
        for d in (getattr(r, "languagetool", None) for r in results)
        if d
    ]
    for wanted_state in ("unreachable", "connected", "not-configured"):
        for st in states:
            if st.state == wanted_state:
                return st
    return None


def status(config: Config | None = None) -> LanguageToolStatus:
    """The LanguageTool state for the status bar / `proofreader check`: blocking, bounded by
    the configured timeout, never raises."""
    return GrammarChecker(config).probe()


__all__ = [
    "ENV_URL",
    "GrammarChecker",
    "LanguageToolStatus",
    "Source",
    "batch_status",
    "category_for",
    "language_of",
    "merge",
    "resolve_source",
    "status",
]
