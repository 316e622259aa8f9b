"""A stand-in LanguageTool for the tests: a loopback HTTP server answering with recorded
responses (fixtures/languagetool-responses.json)."""

from __future__ import annotations

import json
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from proofreader.languagetool import client

FIXTURES = Path(__file__).parent / "fixtures"
RECORDED = json.loads((FIXTURES / "languagetool-responses.json").read_text(encoding="utf-8"))

# Captured before the autouse fixture below clears it for the offline tests.
REAL_LANGUAGETOOL_URL = os.environ.get(client.ENV_URL, "").strip()


def recorded_text(language: str) -> str:
    return next(c["text"] for c in RECORDED["check"] if c["language"] == language)


class RecordedLanguageTool(ThreadingHTTPServer):
    """Answers /v2/languages and /v2/check from the recorded responses; a text it has no
    recording for gets an answer without matches. Records every check request."""

    daemon_threads = True
    block_on_close = False

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _RecordedHandler)
        self.checks: list[dict[str, str]] = []
        self.hang = threading.Event()  # set: /v2/check never answers (until released)
        self.release = threading.Event()
        self.fail_with: int | None = None  # an HTTP status to answer /v2/check with
        self.thread = threading.Thread(target=self.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def answer(self, params: dict[str, str]) -> dict[str, Any]:
        """The recorded answer for each blank-line-separated part of the text (LanguageTool
        checks paragraphs independently), offsets moved to the part's UTF-16 position."""
        language, text = params.get("language"), params.get("text", "")
        answer = dict(RECORDED["check"][0]["response"])
        answer["matches"] = []
        pos = 0  # UTF-16 units
        for part in text.split("\n\n"):
            for c in RECORDED["check"]:
                if c["language"] == language and c["text"] == part:
                    for m in c["response"]["matches"]:
                        answer["matches"].append(m | {"offset": m["offset"] + pos})
            pos += len(part.encode("utf-16-le")) // 2 + 2
        return answer


class _RecordedHandler(BaseHTTPRequestHandler):
    server: RecordedLanguageTool

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, body: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        if urlsplit(self.path).path == "/v2/languages":
            self._send(200, json.dumps(RECORDED["languages"]).encode(), "application/json")
        else:
            self._send(404, b"Error: not found", "text/plain")

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        form = parse_qs(body.decode("utf-8"), keep_blank_values=True)
        params = {k: v[-1] for k, v in form.items()}
        self.server.checks.append(params)
        if self.server.hang.is_set():
            self.server.release.wait(30)
            return
        if self.server.fail_with is not None:
            self._send(self.server.fail_with, b"Error: internal error", "text/plain")
            return
        payload = json.dumps(self.server.answer(params), ensure_ascii=False).encode("utf-8")
        self._send(200, payload, "application/json")
