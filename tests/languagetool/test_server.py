"""`proofreader serve`: LanguageTool's HTTP API v2 over our rules, exercised with
language-tool-python's real client and with plain HTTP."""

from __future__ import annotations

import http.client
import json
import threading
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlencode

import language_tool_python
import pytest
import requests

from proofreader.engine import Checker
from proofreader.languagetool.convert import OffsetMap
from proofreader.languagetool.server import serving
from proofreader.model import Category, Finding
from proofreader.rules import ALL_RULES, CheckContext, Rule

DRAFT = "𠮷野家在杭州开店,今天很好。"  # 𠮷 (two UTF-16 units) before a half-width comma


def _post(server, **fields: str) -> requests.Response:
    return requests.post(server.url + "v2/check", data=fields, timeout=30)


def _ours(text: str) -> list[tuple[int, int, str, list[str]]]:
    return [(f.offset, f.length, f.rule, list(f.replacements)) for f in Checker().check_text(text)]


@pytest.fixture
def lt_client(serve):
    tool = language_tool_python.LanguageTool("zh-CN", remote_server=serve.url)
    yield tool
    tool.close()


def test_language_tool_python_receives_our_findings_for_the_sample_page(
    lt_client, sample_text: str
) -> None:
    matches = lt_client.check(sample_text)
    got = [(m.offset, m.error_length, m.rule_id, m.replacements) for m in matches]
    assert got == _ours(sample_text)
    assert got, "the sample page has findings"
    for m in matches:  # the context shows line breaks as spaces, as LanguageTool's does
        expected = sample_text[m.offset : m.offset + m.error_length]
        assert m.matched_text == expected.replace("\n", " ").replace("\r", " ")


def test_language_tool_python_offsets_after_an_astral_character(lt_client, serve) -> None:
    comma = DRAFT.index(",")
    assert comma == 8
    [m] = [m for m in lt_client.check(DRAFT) if m.rule_id == "halfwidth-punct"]
    assert (m.offset, m.error_length, m.replacements) == (comma, 1, ["，"])
    # on the wire: UTF-16 units, as LanguageTool sends them
    raw = _post(serve, text=DRAFT, language="zh-CN").json()
    [wire] = [x for x in raw["matches"] if x["rule"]["id"] == "halfwidth-punct"]
    assert (wire["offset"], wire["length"]) == (comma + 1, 1)
    ctx = wire["context"]
    assert ctx["text"][ctx["offset"] : ctx["offset"] + 2] != ","  # Python indexes code points
    assert ctx["text"].encode("utf-16-le")[2 * ctx["offset"] : 2 * ctx["offset"] + 2] == (
        ",".encode("utf-16-le")
    )


class _MarksAstral(Rule):
    """A test rule: flags each character outside the BMP (spans that are 2 UTF-16 units)."""

    id = "test-astral"
    category = Category.OTHER
    name = name_en = description = "astral"

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        for i, ch in enumerate(ctx.text):
            if ord(ch) > 0xFFFF:
                yield self.finding(ctx, i, 1, "astral", replacements=["?"])


def test_lengths_of_spans_covering_an_astral_character() -> None:
    with serving(rules=[_MarksAstral]) as server:
        text = "a𠮷b𠮷"
        raw = _post(server, text=text, language="zh").json()
        assert [(m["offset"], m["length"]) for m in raw["matches"]] == [(1, 2), (4, 2)]
        omap = OffsetMap(text)
        assert [omap.span_to_code_points(m["offset"], m["length"]) for m in raw["matches"]] == [
            (1, 1),
            (3, 1),
        ]


class _Fails(Rule):
    id = "test-fails"
    category = Category.OTHER
    name = name_en = description = "fails"

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        raise RuntimeError("boom")


def test_a_failing_rule_gets_500_and_the_server_goes_on() -> None:
    with serving(rules=[_Fails]) as server:
        r = _post(server, text="你好", language="zh")
        assert (r.status_code, r.text) == (500, "Error: internal error (RuntimeError)")
        assert requests.get(server.url + "v2/healthcheck", timeout=10).text == "OK"


def test_check_answer_has_languagetool_shape(serve) -> None:
    r = _post(serve, text=DRAFT, language="zh-CN")
    assert r.status_code == 200
    assert r.headers["Content-Type"].startswith("application/json")
    body = r.json()
    assert set(body) == {"software", "warnings", "language", "matches"}
    assert body["software"]["apiVersion"] == 1
    assert body["warnings"] == {"incompleteResults": False}
    assert body["language"]["code"] == "zh-CN"
    assert set(body["language"]["detectedLanguage"]) >= {"name", "code"}
    m = body["matches"][0]
    assert set(m) == {
        "message",
        "shortMessage",
        "replacements",
        "offset",
        "length",
        "context",
        "sentence",
        "type",
        "rule",
        "ignoreForIncompleteSentence",
        "contextForSureMatch",
    }
    assert set(m["context"]) == {"text", "offset", "length"}
    assert set(m["rule"]) == {"id", "description", "issueType", "category"}
    assert set(m["rule"]["category"]) == {"id", "name"}
    assert m["replacements"] == [{"value": "，"}]
    assert m["sentence"] == DRAFT
    assert m["rule"]["category"]["id"] == "PUNCTUATION"
    assert m["type"] == {"typeName": "Other"}


def test_languages_and_healthcheck(serve) -> None:
    langs = requests.get(serve.url + "v2/languages", timeout=10).json()
    assert {"name": "Chinese", "code": "zh", "longCode": "zh-CN"} in langs
    r = requests.get(serve.url + "v2/healthcheck", timeout=10)
    assert (r.status_code, r.text) == (200, "OK")
    assert requests.get(serve.url + "v2/nothing", timeout=10).status_code == 404


def test_get_check_with_query_parameters(serve) -> None:
    r = requests.get(serve.url + "v2/check", params={"text": DRAFT, "language": "auto"}, timeout=10)
    assert r.status_code == 200
    assert [m["rule"]["id"] for m in r.json()["matches"]] == [f[2] for f in _ours(DRAFT)]


@pytest.mark.parametrize(
    ("fields", "needle"),
    [
        ({"language": "zh-CN"}, "Missing 'text' or 'data'"),
        ({"text": "你好"}, "Missing 'language'"),
        ({"text": "你好", "language": "de-DE"}, "not a language code known"),
        ({"text": "你好", "data": '{"text": "你好"}', "language": "zh"}, "not both"),
        ({"data": "{not json", "language": "zh"}, "Could not parse JSON"),
        ({"text": "你好", "language": "zh", "enabledOnly": "true"}, "enabledOnly"),
    ],
)
def test_bad_requests_get_400(serve, fields: dict[str, str], needle: str) -> None:
    r = _post(serve, **fields)
    assert r.status_code == 400
    assert r.text.startswith("Error: ") and needle in r.text


def _raw_post(server, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
    host, port = server.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=30)
    try:
        conn.putrequest("POST", "/v2/check")
        for k, v in headers.items():
            conn.putheader(k, v)
        conn.endheaders()
        if body:
            conn.send(body)
        r = conn.getresponse()
        return r.status, r.read()
    finally:
        conn.close()


def test_body_over_the_limit_gets_413() -> None:
    with serving(max_body=1000) as server:
        body = urlencode({"language": "zh", "text": "在" * 1000}).encode()
        status, text = _raw_post(
            server,
            body,
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Content-Length": str(len(body)),
            },
        )
        assert status == 413 and b"over the limit of 1000 bytes" in text
        # announced far over the limit: refused without reading it
        status, _ = _raw_post(server, b"", {"Content-Length": str(10**9)})
        assert status == 413
        # just under the limit is fine
        ok = urlencode({"language": "zh", "text": "在" * 100}).encode()
        assert _raw_post(server, ok, {"Content-Length": str(len(ok))})[0] == 200


def test_default_limit_is_one_megabyte(serve) -> None:
    r = _post(serve, language="zh", text="a" * (1024 * 1024))
    assert r.status_code == 413


def test_rule_selection_fields(serve) -> None:
    text = "他说,好的...再见"
    all_ids = {m["rule"]["id"] for m in _post(serve, text=text, language="zh").json()["matches"]}
    assert {"halfwidth-punct", "ellipsis"} <= all_ids

    def ids(**fields: str) -> set[str]:
        matches = _post(serve, text=text, language="zh", **fields).json()["matches"]
        return {m["rule"]["id"] for m in matches}

    assert "halfwidth-punct" not in ids(disabledRules="halfwidth-punct")
    assert ids(enabledRules="ellipsis", enabledOnly="true") == {"ellipsis"}
    assert ids(disabledCategories="PUNCTUATION") == all_ids - {
        r.id for r in ALL_RULES if r.category == Category.PUNCTUATION
    }
    assert ids(enabledCategories="punctuation", enabledOnly="true") <= {
        r.id for r in ALL_RULES if r.category == Category.PUNCTUATION
    }


def test_annotated_data_offsets_point_into_the_marked_up_text(serve) -> None:
    data = {
        "annotation": [
            {"markup": "<p>"},
            {"text": "𠮷野家在杭州开店"},
            {"markup": "<br/>", "interpretAs": "\n"},
            {"text": "今天,很好。"},
            {"markup": "</p>"},
        ]
    }
    raw = _post(serve, data=json.dumps(data, ensure_ascii=False), language="zh-CN").json()
    original = "".join(p.get("text", p.get("markup", "")) for p in data["annotation"])
    omap = OffsetMap(original)
    [m] = [m for m in raw["matches"] if m["rule"]["id"] == "halfwidth-punct"]
    start, length = omap.span_to_code_points(m["offset"], m["length"])
    assert original[start : start + length] == ","
    plain = _post(serve, data=json.dumps({"text": DRAFT}), language="zh").json()
    assert plain["matches"] == _post(serve, text=DRAFT, language="zh").json()["matches"]


def test_concurrent_requests_get_the_same_answers(serve) -> None:
    expected = _post(serve, text=DRAFT, language="zh-CN").json()["matches"]
    answers: list[Any] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            with requests.Session() as s:
                for _ in range(10):
                    r = s.post(
                        serve.url + "v2/check", data={"text": DRAFT, "language": "zh"}, timeout=30
                    )
                    answers.append((r.status_code, r.json()["matches"]))
        except BaseException as e:  # collected and re-raised in the main thread
            errors.append(e)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    assert answers == [(200, expected)] * 80


def test_binds_loopback_by_default() -> None:
    from proofreader.languagetool.server import DEFAULT_HOST, make_server

    assert DEFAULT_HOST == "127.0.0.1"
    server = make_server(port=0)
    try:
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.server_close()


def test_english_messages_for_an_english_mother_tongue(serve) -> None:
    zh = _post(serve, text=DRAFT, language="zh").json()["matches"][0]
    en = _post(serve, text=DRAFT, language="zh", motherTongue="en-US").json()["matches"][0]
    assert zh["offset"] == en["offset"]
    assert en["rule"]["category"]["name"] == "punctuation"
    assert en["message"] != zh["message"] or not en["message"].isascii()


@pytest.mark.slow
def test_serve_command_runs_the_server(tmp_path) -> None:
    import os
    import re
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")]),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "proofreader", "serve", "--port", "0"],
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        m = re.search(r"(http://127\.0\.0\.1:\d+/)v2/check", line)
        assert m, line
        r = requests.get(m.group(1) + "v2/healthcheck", timeout=10)
        assert (r.status_code, r.text) == (200, "OK")
        assert list(tmp_path.iterdir()) == []  # wrote nothing
    finally:
        proc.terminate()
        proc.wait(10)
        if proc.stderr is not None:
            proc.stderr.close()
