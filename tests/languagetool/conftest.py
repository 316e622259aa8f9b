"""Fixtures of the LanguageTool tests: the stand-in LanguageTool (lt_helpers.py) and
`proofreader serve` itself, each on a free loopback port in a thread."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from lt_helpers import RecordedLanguageTool

from proofreader.languagetool import client
from proofreader.languagetool.server import ProofreaderHTTPServer, serving


@pytest.fixture
def recorded_lt() -> Iterator[RecordedLanguageTool]:
    server = RecordedLanguageTool()
    server.thread.start()
    try:
        yield server
    finally:
        server.release.set()
        server.shutdown()
        server.server_close()


@pytest.fixture
def serve() -> Iterator[ProofreaderHTTPServer]:
    with serving(host="127.0.0.1", port=0) as server:
        yield server


@pytest.fixture(autouse=True)
def _offline(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No LanguageTool from the environment unless a test sets one; a fresh answer cache."""
    monkeypatch.delenv(client.ENV_URL, raising=False)
    monkeypatch.delenv(client.ENV_LTP_PATH, raising=False)
    client.clear_cache()
    yield
    client.clear_cache()
