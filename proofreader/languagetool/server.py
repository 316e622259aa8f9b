"""Our checks served over LanguageTool's HTTP API v2 (`proofreader serve`).

LanguageTool clients (LibreOffice's "remote LanguageTool server" setting, LTeX, browser
add-ons, language-tool-python) can then check Chinese copy with our rules.

Endpoints
    POST /v2/check (also GET, as LanguageTool allows), form fields:
        `text` or `data` (annotated text: {"text": …} or {"annotation": [{"text": …},
        {"markup": …, "interpretAs": …}]}), `language` (zh, zh-CN or auto; required, as in
        LanguageTool), `enabledRules`, `disabledRules`, `enabledCategories`,
        `disabledCategories` (comma-separated: our rule ids, our category ids in upper case
        such as PUNCTUATION), `enabledOnly`, `level` (picky: also rules that are off by
        default), `motherTongue` (en…: English messages where a rule has them);
        `preferredVariants` and other LanguageTool fields are accepted and ignored.
    GET /v2/languages      [{"name", "code", "longCode"}]
    GET /v2/healthcheck    "OK"

The answer of /v2/check has the shape LanguageTool's `RuleMatchesAsJsonSerializer` writes
(languagetool-org/languagetool, languagetool-core/src/main/java/org/languagetool/tools/
RuleMatchesAsJsonSerializer.java): `software`, `warnings`, `language {name, code,
detectedLanguage}`, `matches [{message, shortMessage, replacements [{value}], offset, length,
context {text, offset, length}, sentence, type {typeName}, rule {id, description, issueType,
category {id, name}}, ignoreForIncompleteSentence, contextForSureMatch}]`. Offsets and
lengths count UTF-16 units, as Java does. Errors are `text/plain` "Error: …" with status 400
(bad request), 404, 405, 411, 413 (body over `max_body`), 415, 500 (a rule failed).

The server binds to loopback unless told otherwise, handles requests in threads
(`ThreadingHTTPServer`), and never touches the file system on behalf of a request.
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from proofreader import __version__
from proofreader.config import Config
from proofreader.engine import Checker
from proofreader.languagetool.convert import OffsetMap
from proofreader.languagetool.defaults import DEFAULT_HOST, DEFAULT_MAX_BODY, DEFAULT_PORT
from proofreader.model import Category, Finding
from proofreader.rules import ALL_RULES, Rule

CONTEXT_SIZE = 40  # characters each side, LanguageTool's default

LANGUAGES = [{"name": "Chinese", "code": "zh", "longCode": "zh-CN"}]
_ACCEPTED_LANGUAGES = {"zh", "zh-cn", "zh-hans", "zh-hans-cn", "auto"}

# Our category → LanguageTool's issue type (the ITS 2.0 localization quality issue types).
ISSUE_TYPES = {
    Category.DUPLICATE: "duplication",
    Category.QUOTE: "typographical",
    Category.FRAGMENT: "formatting",
    Category.SCRIPT: "characters",
    Category.PUNCTUATION: "typographical",
    Category.GRAMMAR: "grammar",
    Category.WORDING: "misspelling",
    Category.NUMBER: "numbers",
    Category.OTHER: "uncategorized",
}
CATEGORY_NAMES = {
    Category.DUPLICATE: "重复",
    Category.QUOTE: "引号",
    Category.FRAGMENT: "断段",
    Category.SCRIPT: "繁简字",
    Category.PUNCTUATION: "标点",
    Category.GRAMMAR: "语法",
    Category.WORDING: "用词",
    Category.NUMBER: "数字",
    Category.OTHER: "其他",
}

_SENTENCE_RE = re.compile(r"[^。！？!?\n]*(?:[。！？!?…]+[”’」』）)]*|\n|$)")


class ApiError(Exception):
    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


def _split(value: str | None) -> set[str]:
    return {v.strip() for v in (value or "").split(",") if v.strip()}


class CheckService:
    """The HTTP-independent part: parameters in, LanguageTool-shaped answer out."""

    def __init__(
        self, config: Config | None = None, rules: Sequence[type[Rule]] | None = None
    ) -> None:
        self.config = config or Config()
        self.rules = list(ALL_RULES if rules is None else rules)
        self._checkers: dict[frozenset[str], Checker] = {}
        self._lock = threading.Lock()

    # -- rule selection

    def _select(self, params: dict[str, str]) -> list[type[Rule]]:
        enabled = _split(params.get("enabledRules"))
        disabled = _split(params.get("disabledRules"))
        en_cats = {c.lower() for c in _split(params.get("enabledCategories"))}
        dis_cats = {c.lower() for c in _split(params.get("disabledCategories"))}
        only = params.get("enabledOnly", "").lower() == "true"
        picky = params.get("level", "").lower() == "picky"
        if only and not (enabled or en_cats):
            raise ApiError(
                HTTPStatus.BAD_REQUEST,
                "You cannot use 'enabledOnly' when 'enabledRules' and 'enabledCategories' "
                "are empty",
            )
        chosen = []
        for rule in self.rules:
            cat = str(rule.category)
            explicit = rule.id in enabled or cat in en_cats
            on = explicit if only else explicit or picky or rule.enabled_by_default
            if on and rule.id not in disabled and cat not in dis_cats:
                chosen.append(rule)
        return chosen

    def _checker(self, rules: list[type[Rule]]) -> Checker:
        key = frozenset(r.id for r in rules)
        with self._lock:
            checker = self._checkers.get(key)
            if checker is None:
                config = Config(**{**vars(self.config), "select": set(key) or {"-none-"}})
                checker = Checker(config, rules=rules)
                if len(self._checkers) > 64:  # bounded: clients send few distinct selections
                    self._checkers.clear()
                self._checkers[key] = checker
            return checker

    # -- the request

    def check(self, params: dict[str, str]) -> dict[str, Any]:
        original, plain, to_original = _request_text(params)
        language = params.get("language")
        if not language:
            raise ApiError(
                HTTPStatus.BAD_REQUEST,
                "Missing 'language' parameter, e.g. 'language=zh-CN' for Chinese",
            )
        if language.lower() not in _ACCEPTED_LANGUAGES:
            raise ApiError(
                HTTPStatus.BAD_REQUEST,
                f"'{language}' is not a language code known to this server. "
                "Supported language codes are: zh, zh-CN, auto",
            )
        english = params.get("motherTongue", "").lower().startswith("en")
        findings = self._checker(self._select(params)).check_text(plain)
        omap = OffsetMap(original)
        by_id = {r.id: r for r in self.rules}
        matches = []
        for f in findings:
            start, end = to_original(f.offset, f.end)
            matches.append(_match_json(f, by_id.get(f.rule), original, omap, start, end, english))
        return {
            "software": {
                "name": "proofreader",
                "version": __version__,
                "buildDate": None,
                "apiVersion": 1,
                "premium": False,
                "status": "",
            },
            "warnings": {"incompleteResults": False},
            "language": {
                "name": "Chinese",
                "code": "zh-CN",
                "detectedLanguage": {
                    "name": "Chinese",
                    "code": "zh-CN",
                    "confidence": 1.0,
                    "source": None,
                },
            },
            "matches": matches,
        }


def _request_text(params: dict[str, str]) -> tuple[str, str, Callable[[int, int], tuple[int, int]]]:
    """(text as the client sent it, text to check, map of a checked span to the sent text)."""
    if "text" in params and "data" in params:
        raise ApiError(HTTPStatus.BAD_REQUEST, "Set only 'text' or 'data' parameter, not both")
    if "text" in params:
        text = params["text"]
        return text, text, lambda s, e: (s, e)
    if "data" not in params:
        raise ApiError(HTTPStatus.BAD_REQUEST, "Missing 'text' or 'data' parameter")
    try:
        data = json.loads(params["data"])
    except ValueError as e:
        raise ApiError(HTTPStatus.BAD_REQUEST, "Could not parse JSON from 'data' parameter") from e
    if not isinstance(data, dict):
        raise ApiError(HTTPStatus.BAD_REQUEST, "'data' must be a JSON object")
    if ("text" in data) == ("annotation" in data):
        raise ApiError(
            HTTPStatus.BAD_REQUEST, "'data' key in JSON requires either 'text' or 'annotation' key"
        )
    if "text" in data:
        text = str(data["text"])
        return text, text, lambda s, e: (s, e)
    return _annotated(data["annotation"])


def _annotated(parts: object) -> tuple[str, str, Callable[[int, int], tuple[int, int]]]:
    """Annotated text: markup is skipped, or checked as its `interpretAs`; spans found in the
    checked text map back onto the text with markup (what LanguageTool reports)."""
    if not isinstance(parts, list):
        raise ApiError(HTTPStatus.BAD_REQUEST, "'annotation' must be a list")
    original: list[str] = []
    plain: list[str] = []
    starts: list[int] = []  # per checked character: where it starts in the original
    ends: list[int] = []  # and where it ends
    pos = 0
    for node in parts:
        if not isinstance(node, dict) or ("text" in node) == ("markup" in node):
            raise ApiError(
                HTTPStatus.BAD_REQUEST,
                f"Only either 'text' or 'markup' are supported in an object in 'annotation' "
                f"list: {json.dumps(node, ensure_ascii=False)[:200]}",
            )
        if "text" in node:
            if "interpretAs" in node:
                raise ApiError(HTTPStatus.BAD_REQUEST, "'text' cannot be used with 'interpretAs'")
            t = str(node["text"])
            plain.append(t)
            starts.extend(range(pos, pos + len(t)))
            ends.extend(range(pos + 1, pos + len(t) + 1))
        else:
            t = str(node["markup"])
            shown = str(node.get("interpretAs", ""))
            plain.append(shown)
            starts.extend([pos] * len(shown))
            ends.extend([pos + len(t)] * len(shown))
        original.append(t)
        pos += len(t)

    def to_original(s: int, e: int) -> tuple[int, int]:
        start = starts[s] if s < len(starts) else pos
        end = ends[e - 1] if e > s else start
        return start, end

    return "".join(original), "".join(plain), to_original


def _context(text: str, start: int, end: int) -> dict[str, Any]:
    """LanguageTool's ContextTools: up to CONTEXT_SIZE characters each side, "..." where cut,
    line breaks shown as spaces."""
    lo = max(0, start - CONTEXT_SIZE)
    hi = min(len(text), end + CONTEXT_SIZE)
    prefix = "..." if lo > 0 else ""
    suffix = "..." if hi < len(text) else ""
    body = re.sub(r"[\r\n]", " ", text[lo:hi])
    ctx = prefix + body + suffix
    cmap = OffsetMap(ctx)
    offset, length = cmap.span_to_utf16(len(prefix) + start - lo, end - start)
    return {"text": ctx, "offset": offset, "length": length}


def _sentence(text: str, start: int) -> str:
    for m in _SENTENCE_RE.finditer(text):
        if m.start() <= start < max(m.end(), m.start() + 1):
            return m.group().strip()
        if m.start() > start:
            break
    return ""


def _match_json(
    f: Finding,
    rule: type[Rule] | None,
    text: str,
    omap: OffsetMap,
    start: int,
    end: int,
    english: bool,
) -> dict[str, Any]:
    offset, length = omap.span_to_utf16(start, end - start)
    name = (rule.name_en if english else rule.name) if rule is not None else f.rule
    message = f.localized_message("en" if english else "zh")
    category = Category(f.category)
    return {
        "message": message,
        "shortMessage": name,
        "replacements": [{"value": r} for r in f.replacements],
        "offset": offset,
        "length": length,
        "context": _context(text, start, end),
        "sentence": _sentence(text, start),
        "type": {"typeName": "Other"},
        "rule": {
            "id": f.rule,
            "description": name,
            "issueType": ISSUE_TYPES.get(category, "uncategorized"),
            "category": {
                "id": str(category).upper(),
                "name": str(category) if english else CATEGORY_NAMES.get(category, str(category)),
            },
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


# --- HTTP ------------------------------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    server_version = f"proofreader/{__version__}"
    protocol_version = "HTTP/1.1"  # keep-alive: clients send many checks in a row
    timeout = 30  # seconds a client may take to send its request
    service: CheckService
    max_body: int
    quiet: bool

    # -- responses

    def _send(self, status: int, body: bytes, content_type: str, close: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, payload: object) -> None:
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        self._send(HTTPStatus.OK, body, "application/json; charset=utf-8")

    def _error(self, status: int, message: str, close: bool = False) -> None:
        self._send(status, f"Error: {message}".encode(), "text/plain; charset=utf-8", close)

    def log_message(self, format: str, *args: Any) -> None:
        if not self.quiet:
            super().log_message(format, *args)

    # -- routing

    def _path(self) -> str:
        return urlsplit(self.path).path.rstrip("/")

    def do_GET(self) -> None:
        path = self._path()
        if path == "/v2/languages":
            self._json(LANGUAGES)
        elif path == "/v2/healthcheck":
            self._send(HTTPStatus.OK, b"OK", "text/plain; charset=utf-8")
        elif path == "/v2/check":
            self._check(urlsplit(self.path).query)
        else:
            self._error(HTTPStatus.NOT_FOUND, f"Unsupported action: '{path}'")

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_POST(self) -> None:
        path = self._path()
        body = self._read_body()
        if body is None:
            return
        if path != "/v2/check":
            if path in ("/v2/languages", "/v2/healthcheck"):
                self._error(HTTPStatus.METHOD_NOT_ALLOWED, f"{path} needs to be called with GET")
            else:
                self._error(HTTPStatus.NOT_FOUND, f"Unsupported action: '{path}'")
            return
        ctype = self.headers.get("Content-Type", "application/x-www-form-urlencoded")
        if "application/x-www-form-urlencoded" not in ctype.lower():
            self._error(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                "send the form fields as application/x-www-form-urlencoded",
            )
            return
        try:
            form = body.decode("utf-8")
        except UnicodeDecodeError:
            self._error(HTTPStatus.BAD_REQUEST, "the request body is not UTF-8")
            return
        query = urlsplit(self.path).query
        self._check(f"{query}&{form}" if query else form)

    def _read_body(self) -> bytes | None:
        """The request body, or None after answering an error (411/413/400)."""
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self._error(HTTPStatus.LENGTH_REQUIRED, "send a Content-Length", close=True)
            return None
        raw = self.headers.get("Content-Length", "0")
        try:
            length = int(raw)
            if length < 0:
                raise ValueError
        except ValueError:
            self._error(HTTPStatus.BAD_REQUEST, "invalid Content-Length", close=True)
            return None
        if length > self.max_body:
            self._error(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                f"request body of {length} bytes is over the limit of {self.max_body} bytes",
                close=True,
            )
            self.wfile.flush()
            self._discard(length)
            return None
        return self.rfile.read(length) if length else b""

    def _discard(self, length: int) -> None:
        """Read (and drop) a refused body of moderate size before closing, so the client's
        kernel does not reset the connection and lose the 413 before the client reads it.
        Bodies far over the limit are not read at all."""
        if length > 8 * self.max_body:
            return
        left = length
        try:
            while left > 0:
                chunk = self.rfile.read(min(left, 65536))
                if not chunk:
                    break
                left -= len(chunk)
        except OSError:
            pass

    def _check(self, query: str) -> None:
        try:
            parsed = parse_qs(
                query,
                keep_blank_values=True,
                strict_parsing=False,
                max_num_fields=200,
                encoding="utf-8",
                errors="strict",
            )
        except (ValueError, UnicodeDecodeError) as e:
            self._error(HTTPStatus.BAD_REQUEST, f"could not parse the form fields ({e})")
            return
        params = {k: v[-1] for k, v in parsed.items()}
        try:
            answer = self.service.check(params)
        except ApiError as e:
            self._error(e.status, str(e))
            return
        except Exception as e:  # a rule tripping over odd input: answer, keep serving
            self.log_error("internal error: %r", e)
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR, f"internal error ({type(e).__name__})")
            return
        self._json(answer)


class ProofreaderHTTPServer(ThreadingHTTPServer):
    daemon_threads = True  # a stuck client never keeps the process alive
    block_on_close = False

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"


def make_server(
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    max_body: int = DEFAULT_MAX_BODY,
    config: Config | None = None,
    rules: Sequence[type[Rule]] | None = None,
    quiet: bool = True,
) -> ProofreaderHTTPServer:
    """A bound server (port 0: any free port; see `.url`). Run it with `serve_forever()`."""
    service = CheckService(config, rules)
    handler = type(
        "Handler", (_Handler,), {"service": service, "max_body": max_body, "quiet": quiet}
    )
    return ProofreaderHTTPServer((host, port), handler)


@contextlib.contextmanager
def serving(**kwargs: Any) -> Iterator[ProofreaderHTTPServer]:
    """A server running in a thread for the `with` block (tests, benchmarks), then stopped."""
    server, thread = start_in_thread(**kwargs)
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def start_in_thread(**kwargs: Any) -> tuple[ProofreaderHTTPServer, threading.Thread]:
    """Start a server in a daemon thread (tests, benchmarks). Stop: `server.shutdown()`."""
    kwargs.setdefault("port", 0)
    server = make_server(**kwargs)
    thread = threading.Thread(
        target=server.serve_forever, args=(0.05,), name="proofreader-serve", daemon=True
    )
    thread.start()
    return server, thread
