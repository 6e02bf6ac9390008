"""``factcheck serve`` over real HTTP on 127.0.0.1: a server in a subprocess, on a port it picks.

Every request goes to this machine's loopback only; every loop is bounded.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.serve.openapi import PUBLISHED, document, published_document, rendered

ROOT = Path(__file__).resolve().parents[1]
REQUEST_LIMIT = 100_000
STARTUP_SECONDS = 240

#: Own wordings: two contradictions, a clean brief, and Markdown read with its markup.
ARTICLES = [
    ("text", "During a summit in Vienna, leaders met. The meeting in Japan lasted an hour.\n"),
    ("text", "Harbour Minister Ana Petrova opened the pier on Monday. Ana Petrowa cut the ribbon.\n"),
    ("text", "The council met on Tuesday and agreed the budget.\n"),
    ("markdown", "The talks in *Oslo* opened; later the talks in **Lisbon** ended.\n"),
]


@dataclass(frozen=True)
class Server:
    host: str
    port: int
    process: subprocess.Popen[str]

    def request(
        self, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=120)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            connection.close()

    def post_json(self, data: Any) -> tuple[int, dict[str, Any]]:
        status, _, body = self.request(
            "POST", "/check", json.dumps(data).encode(), {"Content-Type": "application/json"}
        )
        return status, json.loads(body)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("serve")  # no config file here: the defaults
    command = [sys.executable, "-m", "factcheck", "serve", "--port", "0"]
    process = subprocess.Popen(
        [*command, "--max-request-bytes", str(REQUEST_LIMIT)],
        cwd=folder,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stderr is not None
        line = process.stderr.readline()  # blocks until the model is loaded and the port bound
        found = re.match(r"factcheck: serving on http://(127\.0\.0\.1):(\d+) \(model .+\)$", line.strip())
        assert found, f"unexpected start line {line!r}"
        yield Server(found.group(1), int(found.group(2)), process)
    finally:
        process.terminate()
        process.wait(timeout=60)


def _cli_json(fmt: str, text: str) -> bytes:
    """What ``factcheck check - --format json`` prints for the same article."""
    name = ["--stdin-filename", "story.md"] if fmt == "markdown" else []
    result = CliRunner().invoke(app, ["check", "-", *name, "--format", "json"], input=text)
    assert result.exit_code in (0, 1), result.output
    return result.stdout.encode("utf-8")


def _send(server: Server, number: int) -> tuple[int, int, bytes]:
    fmt, text = ARTICLES[number % len(ARTICLES)]
    if fmt == "markdown":
        status, _, body = server.request(
            "POST", "/check?path=story.md", text.encode(), {"Content-Type": "text/markdown; charset=utf-8"}
        )
    else:
        status, _, body = server.request(
            "POST", "/check", json.dumps({"text": text}).encode(), {"Content-Type": "application/json"}
        )
    return number, status, body


def _validator(name: str) -> jsonschema.Draft202012Validator:
    published = document()
    return jsonschema.Draft202012Validator(
        {"$ref": f"#/components/schemas/{name}", "components": published["components"]}
    )


def test_two_hundred_requests_from_eight_clients_get_the_bytes_the_command_line_prints(
    server: Server,
) -> None:
    expected = [_cli_json(fmt, text) for fmt, text in ARTICLES]
    with ThreadPoolExecutor(max_workers=8) as clients:
        answers = list(clients.map(lambda n: _send(server, n), range(200)))
    assert [status for _, status, _ in answers] == [200] * 200
    for number, _, body in answers:
        assert body == expected[number % len(ARTICLES)], number
    report = json.loads(expected[0])
    _validator("Report").validate(report)
    assert [f["rule_id"] for f in report["documents"][0]["findings"]] == ["LOC001"]


def test_health_rules_and_the_published_description(server: Server) -> None:
    status, headers, body = server.request("GET", "/health")
    assert status == 200 and headers["content-type"].startswith("application/json")
    health = json.loads(body)
    _validator("Health").validate(health)
    assert health["status"] == "ok" and health["schema_version"] == 2
    status, _, body = server.request("GET", "/rules")
    rules = json.loads(body)
    _validator("Rules").validate(rules)
    by_id = {rule["id"]: rule for rule in rules["rules"]}
    assert by_id["LOC001"]["enabled"] is True and by_id["LOC001"]["severity"] == "error"
    status, _, body = server.request("GET", "/openapi.json")
    assert status == 200 and body == published_document()


def test_the_published_description_is_current_and_valid() -> None:
    path = ROOT / "src" / "factcheck" / "schemas" / PUBLISHED
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN") == "1":
        path.write_text(rendered(), encoding="utf-8")
    assert path.read_text(encoding="utf-8") == rendered(), "run: python -m factcheck.serve.openapi"
    published = json.loads(published_document())
    assert published["openapi"].startswith("3.1")
    for schema in published["components"]["schemas"].values():
        jsonschema.Draft202012Validator.check_schema(schema)
    assert set(published["paths"]) == {"/check", "/compare", "/health", "/rules", "/openapi.json"}


def test_an_oversized_body_gets_413_and_the_server_keeps_serving(server: Server) -> None:
    big = json.dumps({"text": "The council met. " * 10_000}).encode()
    assert len(big) > REQUEST_LIMIT
    status, headers, body = server.request("POST", "/check", big, {"Content-Type": "application/json"})
    assert status == 413 and headers["content-type"].startswith("application/json")
    error = json.loads(body)
    _validator("Error").validate(error)
    assert error["error"]["status"] == 413 and f"{REQUEST_LIMIT:,}" in error["error"]["message"]
    # Without a Content-Length the body is counted as it arrives and refused past the limit.
    connection = http.client.HTTPConnection(server.host, server.port, timeout=120)
    try:
        connection.putrequest("POST", "/check")
        connection.putheader("Content-Type", "text/plain")
        connection.putheader("Transfer-Encoding", "chunked")
        connection.endheaders()
        chunk = b"x" * 40_000
        for _ in range(4):
            connection.send(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
        connection.send(b"0\r\n\r\n")
        response = connection.getresponse()
        assert response.status == 413
        assert json.loads(response.read())["error"]["status"] == 413
    finally:
        connection.close()
    assert server.request("GET", "/health")[0] == 200
    assert _send(server, 0)[1] == 200


@pytest.mark.parametrize(
    ("body", "content_type", "status", "message"),
    [
        (b'{"text": "The council met.",', "application/json", 400, "invalid JSON: Expecting"),
        (b'["The council met."]', "application/json", 400, "expected a JSON object with a 'text' field"),
        (b'{"article": "The council met."}', "application/json", 400, "unknown field 'article'"),
        (b'{"path": "a.txt"}', "application/json", 400, "missing field 'text'"),
        (b'{"text": 42}', "application/json", 400, "'text' must be a string"),
        (b'{"text": "Hi.", "format": "pdf"}', "application/json", 400, "'format' must be one of"),
        (b'{"text": "Hi.", "select": ["QQ"]}', "application/json", 400, "select: 'QQ' names no rule"),
        (b'{"text": "Hi.", "select": 3}', "application/json", 400, "'select' must be a list"),
        (b"Caf\xe9 au lait.", "text/plain", 400, "not valid UTF-8"),
        (b"<x>The council met.</x>", "application/xml", 415, "'application/xml' is not supported"),
    ],
)
def test_malformed_bodies_get_a_json_error_and_the_server_keeps_serving(
    server: Server, body: bytes, content_type: str, status: int, message: str
) -> None:
    got, headers, answer = server.request("POST", "/check", body, {"Content-Type": content_type})
    assert got == status and headers["content-type"].startswith("application/json")
    error = json.loads(answer)
    _validator("Error").validate(error)
    assert error["error"]["status"] == status and message in error["error"]["message"]
    assert server.request("GET", "/health")[0] == 200


def test_an_article_that_cannot_be_checked_is_422_with_the_report(server: Server) -> None:
    status, report = server.post_json({"text": "   \n", "id": "brief-7"})
    assert status == 422
    _validator("Report").validate(report)
    assert report["documents"] == [
        {"path": "-", "id": "brief-7", "error": "empty document: no text to check", "findings": []}
    ]


def test_requests_choose_rules_and_unknown_routes_are_json(server: Server) -> None:
    text = ARTICLES[1][1]
    assert [f["rule_id"] for f in server.post_json({"text": text})[1]["documents"][0]["findings"]] == [
        "NAM001"
    ]
    assert server.post_json({"text": text, "ignore": ["NAM"]})[1]["summary"]["findings"] == 0
    status, _, body = server.request("GET", "/check")
    assert status == 405 and json.loads(body)["error"]["status"] == 405
    status, _, body = server.request("GET", "/compare")
    assert status == 405 and json.loads(body)["error"]["status"] == 405
    status, _, body = server.request("POST", "/summarise")
    assert status == 404 and json.loads(body)["error"]["message"] == "Not Found: POST /summarise"


# -- POST /compare ----------------------------------------------------------------------

#: Own wordings: a source, and rewrites of it named as the command line would name them.
WIRE = (
    "Ferry link approved\n\n"
    "The harbour council in Bergen approved a ferry link to the Faroe Islands on Thursday.\n\n"
    "The link will cost 42 million kroner.\n"
)
REWRITES = [
    ("short.txt", "The harbour council in Oslo rejected a ferry link. It will cost 52 million kroner.\n"),
    ("brief.md", "The council in *Bergen* approved the **ferry link** on Thursday.\n"),
    ("-", "The harbour council did not approve a ferry link to the Faroe Islands.\n"),
]


def _post_compare(server: Server, data: Any) -> tuple[int, bytes]:
    status, _, body = server.request(
        "POST", "/compare", json.dumps(data).encode(), {"Content-Type": "application/json"}
    )
    return status, body


def test_compare_gets_the_bytes_the_command_line_prints(
    server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    for path, text in REWRITES:
        stdin = text if path == "-" else None
        if path != "-":
            (tmp_path / path).write_text(text, encoding="utf-8")
        cli = CliRunner().invoke(app, ["compare", "wire.txt", path, "--format", "json"], input=stdin)
        assert cli.exit_code in (0, 1), cli.output
        request = {"source": WIRE, "derived": text, "source_path": "wire.txt", "path": path}
        status, body = _post_compare(server, request)
        assert status == 200 and body == cli.stdout.encode("utf-8"), path
        report = json.loads(body)
        _validator("Report").validate(report)
        assert report["documents"][0]["source"] == "wire.txt"
    found = json.loads(_post_compare(server, {"source": WIRE, "derived": REWRITES[0][1]})[1])
    (document,) = found["documents"]
    assert (document["path"], document["source"]) == ("-", "source")
    assert [f["rule_id"] for f in document["findings"]] == ["CMP005", "CMP001", "CMP002"]
    for finding in document["findings"]:
        for side in finding["evidence"]:
            text = WIRE if side["document"] == "source" else REWRITES[0][1]
            assert text[side["start"] : side["end"]] == side["text"]
    chosen = json.loads(
        _post_compare(server, {"source": WIRE, "derived": REWRITES[0][1], "select": ["CMP005"]})[1]
    )
    assert [f["rule_id"] for f in chosen["documents"][0]["findings"]] == ["CMP005"]


@pytest.mark.parametrize(
    ("body", "content_type", "status", "message"),
    [
        (b'{"source": "Talks ended.",', "application/json", 400, "invalid JSON: Expecting"),
        (b'["Talks ended."]', "application/json", 400, "expected a JSON object with 'source' and 'derived'"),
        (b'{"source": "Talks ended."}', "application/json", 400, "missing field 'derived'"),
        (b'{"source": 1, "derived": "Hi."}', "application/json", 400, "'source' must be a string"),
        (b'{"source": "A.", "derived": "B.", "text": "C."}', "application/json", 400, "unknown field 'text'"),
        (b'{"source": "A.", "derived": "B.", "format": "pdf"}', "application/json", 400, "'format' must be"),
        (b'{"source": "A.", "derived": "B.", "source_path": ""}', "application/json", 400, "'source_path'"),
        (
            b'{"source": "A.", "derived": "B.", "select": ["QQ"]}',
            "application/json",
            400,
            "'QQ' names no rule",
        ),
        (b"Talks ended.", "text/plain", 415, "'text/plain' is not supported"),
    ],
)
def test_malformed_compare_bodies_get_a_json_error(
    server: Server, body: bytes, content_type: str, status: int, message: str
) -> None:
    got, headers, answer = server.request("POST", "/compare", body, {"Content-Type": content_type})
    assert got == status and headers["content-type"].startswith("application/json")
    error = json.loads(answer)
    _validator("Error").validate(error)
    assert error["error"]["status"] == status and message in error["error"]["message"]


def test_an_oversized_compare_body_gets_413(server: Server) -> None:
    big = json.dumps({"source": "The council met. " * 10_000, "derived": "The council met."}).encode()
    assert len(big) > REQUEST_LIMIT
    status, _, body = server.request("POST", "/compare", big, {"Content-Type": "application/json"})
    assert status == 413 and json.loads(body)["error"]["status"] == 413
    assert _post_compare(server, {"source": WIRE, "derived": REWRITES[1][1]})[0] == 200


def test_a_pair_that_cannot_be_checked_is_422_with_the_report(server: Server) -> None:
    status, body = _post_compare(
        server, {"source": WIRE, "derived": "  \n", "path": "short.txt", "id": "p-3"}
    )
    assert status == 422
    report = json.loads(body)
    _validator("Report").validate(report)
    assert report["documents"] == [
        {
            "path": "short.txt",
            "source": "source",
            "id": "p-3",
            "error": "empty document: no text to check",
            "findings": [],
        }
    ]
    status, body = _post_compare(server, {"source": "", "derived": "Talks ended."})
    assert status == 422
    assert (
        json.loads(body)["documents"][0]["error"] == "the source (source): empty document: no text to check"
    )
