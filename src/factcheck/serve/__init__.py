"""``factcheck serve``: the checker over HTTP, for newsroom systems, with the model kept loaded.

Built on Starlette (routing, requests) and uvicorn (the server); both come with the
``serve`` extra. The endpoints, described in ``schemas/openapi.json``:

* ``POST /check``: an article (JSON ``{"text": ...}`` or the text itself as
  ``text/plain``, ``text/markdown`` or ``text/html``) -> the JSON contract, the
  same bytes ``factcheck check - --format json`` prints for it; 422 with the same
  body when the article cannot be checked (empty, binary, over ``max-bytes``);
* ``POST /compare``: a rewrite and its source (JSON ``{"source": ..., "derived": ...}``)
  -> the JSON contract, the same bytes ``factcheck compare SOURCE - --format json``
  prints for them; 422 with the same body when either text cannot be checked;
* ``GET /health``, ``GET /rules``, ``GET /openapi.json``.

Bad requests get a JSON error ``{"error": {"status": 400, "message": ...}}``: 400 for
a malformed body, 413 past the request limit (refused before it is read whole),
415 for another content type, 404 and 405.

Checks run one at a time in a worker thread (a spaCy pipeline is not shared between
threads), so the server keeps answering ``/health`` while it parses.
"""

from __future__ import annotations

import json
import threading
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from anyio import to_thread
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from factcheck.api import TEXT_FORMATS
from factcheck.comparison import Comparer
from factcheck.config import Settings, active_rules, split_ids
from factcheck.datafiles import DataFileError
from factcheck.pipeline import Checker, all_rules, gazetteer_for, rules_for
from factcheck.reading.inputs import format_for, read_text
from factcheck.reading.pairs import pair_of
from factcheck.report.model import SCHEMA_VERSION, Report
from factcheck.report.renderers import RenderContext, renderers
from factcheck.rules.loading import Rule
from factcheck.serve.openapi import published_document
from factcheck.version import __version__

#: Bytes a request body may have: an article of ``max-bytes`` (default 1 MiB) written
#: as JSON can take several times its size in escapes.
DEFAULT_MAX_REQUEST_BYTES = 4 * 1024 * 1024
_CONTENT_FORMATS = {"text/plain": "text", "text/markdown": "markdown", "text/html": "html"}
_JSON_TYPES = {"application/json"}
_REQUEST_FIELDS = {"text", "format", "path", "id", "select", "ignore"}
_COMPARE_FIELDS = {
    "source",
    "derived",
    "source_format",
    "format",
    "source_path",
    "path",
    "id",
    "select",
    "ignore",
}
#: Distinct rule selections kept ready; a newsroom uses a handful.
_SELECTIONS_KEPT = 32


class BadRequest(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _json(data: Any, status: int = 200) -> Response:
    body = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return Response(body, status, media_type="application/json")


def error_response(status: int, message: str) -> Response:
    return _json({"error": {"status": status, "message": message}}, status)


@dataclass
class Service:
    """The server's state: its settings, checkers by rule selection, and the lock they share."""

    settings: Settings
    rule_dirs: tuple[Path, ...] = ()
    max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES
    base: Checker | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)
    _by_selection: dict[tuple[tuple[str, ...], tuple[str, ...]], Checker] = field(default_factory=dict)
    _comparers: dict[tuple[tuple[str, ...], tuple[str, ...]], Comparer] = field(default_factory=dict)

    def load(self) -> None:
        """Rules, gazetteer and model, before the first request (errors surface at start)."""
        gazetteer = gazetteer_for(self.settings)
        self.base = Checker(rules_for(self.settings, self.rule_dirs), gazetteer, self.settings.ignored_for)
        _ = self.base.pipeline

    def checker(self, select: tuple[str, ...], ignore: tuple[str, ...]) -> Checker:
        assert self.base is not None, "load() first"
        if not select and not ignore:
            return self.base
        key = (select, ignore)
        found = self._by_selection.get(key)
        if found is None:
            chosen = self.settings.with_overrides(select=select, ignore=ignore)
            try:
                rules = rules_for(chosen, self.rule_dirs)
            except DataFileError as error:
                raise BadRequest(
                    400, str(error).removeprefix("--select: ").removeprefix("--ignore: ")
                ) from None
            found = Checker(rules, self.base.gazetteer, chosen.ignored_for)
            if len(self._by_selection) >= _SELECTIONS_KEPT:
                self._by_selection.pop(next(iter(self._by_selection)))
            self._by_selection[key] = found
        return found

    def comparer(self, select: tuple[str, ...], ignore: tuple[str, ...]) -> Comparer:
        """The comparer on ``checker(select, ignore)``; it keeps what it read from the last source."""
        checker = self.checker(select, ignore)
        found = self._comparers.get((select, ignore))
        if found is None or found.checker is not checker:
            found = Comparer(checker)
            if len(self._comparers) >= _SELECTIONS_KEPT:
                self._comparers.pop(next(iter(self._comparers)))
            self._comparers[(select, ignore)] = found
        return found

    def rules(self) -> list[Rule]:
        return all_rules(self.settings, self.rule_dirs)


async def _body(request: Request, limit: int) -> bytes:
    """The body, refused with 413 as soon as it is known to exceed ``limit``."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdecimal() and int(declared) > limit:
        raise BadRequest(413, f"request body of {int(declared):,} bytes; the limit is {limit:,}")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BadRequest(413, f"request body over the limit of {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _ids(data: Mapping[str, Any], name: str) -> tuple[str, ...]:
    value = data.get(name, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BadRequest(400, f"{name!r} must be a list of rule ids or prefixes")
    return split_ids(value)


@dataclass(frozen=True, slots=True)
class CheckRequest:
    text: str
    format: str
    path: str
    doc_id: str | None
    select: tuple[str, ...]
    ignore: tuple[str, ...]


def parse_check_request(content_type: str, body: bytes, query: Mapping[str, str]) -> CheckRequest:
    """A JSON object or a text body; every problem is a BadRequest naming the field."""
    media = content_type.split(";", 1)[0].strip().lower()
    if media in _CONTENT_FORMATS:
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as error:
            raise BadRequest(400, f"body is not valid UTF-8 (byte {error.start})") from None
        path = query.get("path", "-")
        return CheckRequest(text, _CONTENT_FORMATS[media], path, query.get("id"), (), ())
    if media not in _JSON_TYPES:
        expected = ", ".join(sorted([*_JSON_TYPES, *_CONTENT_FORMATS]))
        raise BadRequest(
            415, f"content type {media or 'none'!r} is not supported; expected one of {expected}"
        )
    data = _json_object(body, _REQUEST_FIELDS, "a 'text' field")
    article = _text(data, "text")
    path = _path(data, "path", "-")
    fmt = _format(data, "format", path)
    return CheckRequest(article, fmt, path, _doc_id(data), _ids(data, "select"), _ids(data, "ignore"))


def _json_object(body: bytes, fields: set[str], expected: str) -> dict[str, Any]:
    try:
        data = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise BadRequest(400, f"body is not valid UTF-8 (byte {error.start})") from None
    except json.JSONDecodeError as error:
        raise BadRequest(
            400, f"invalid JSON: {error.msg} at line {error.lineno} column {error.colno}"
        ) from None
    if not isinstance(data, dict):
        raise BadRequest(400, f"expected a JSON object with {expected}, got {type(data).__name__}")
    unknown = sorted(set(data) - fields)
    if unknown:
        raise BadRequest(400, f"unknown field {unknown[0]!r}; expected: {', '.join(sorted(fields))}")
    return data


def _text(data: Mapping[str, Any], name: str) -> str:
    value = data.get(name)
    if not isinstance(value, str):
        raise BadRequest(400, f"{name!r} must be a string" if name in data else f"missing field {name!r}")
    return value


def _path(data: Mapping[str, Any], name: str, default: str) -> str:
    path = data.get(name, default)
    if not isinstance(path, str) or not path:
        raise BadRequest(400, f"{name!r} must be a non-empty string")
    return path


def _format(data: Mapping[str, Any], name: str, path: str) -> str:
    """The field, or the format the path's suffix names (text for ``-``)."""
    fmt = data.get(name, format_for(path) if path != "-" else "text")
    if fmt not in TEXT_FORMATS:
        raise BadRequest(400, f"{name!r} must be one of {', '.join(TEXT_FORMATS)}, not {fmt!r}")
    return str(fmt)


def _doc_id(data: Mapping[str, Any]) -> str | None:
    doc_id = data.get("id")
    if doc_id is not None and not isinstance(doc_id, str):
        raise BadRequest(400, "'id' must be a string")
    return doc_id


@dataclass(frozen=True, slots=True)
class CompareRequest:
    source: str
    derived: str
    source_format: str
    format: str
    source_path: str
    path: str
    doc_id: str | None
    select: tuple[str, ...]
    ignore: tuple[str, ...]


def parse_compare_request(content_type: str, body: bytes) -> CompareRequest:
    """A JSON object with both texts; every problem is a BadRequest naming the field."""
    media = content_type.split(";", 1)[0].strip().lower()
    if media not in _JSON_TYPES:
        raise BadRequest(
            415,
            f"content type {media or 'none'!r} is not supported; expected {', '.join(sorted(_JSON_TYPES))}",
        )
    data = _json_object(body, _COMPARE_FIELDS, "'source' and 'derived' fields")
    source, derived = _text(data, "source"), _text(data, "derived")
    source_path = _path(data, "source_path", "source")
    path = _path(data, "path", "-")
    return CompareRequest(
        source,
        derived,
        _format(data, "source_format", source_path),
        _format(data, "format", path),
        source_path,
        path,
        _doc_id(data),
        _ids(data, "select"),
        _ids(data, "ignore"),
    )


def _check(service: Service, request: CheckRequest) -> tuple[int, str]:
    """The JSON contract for one article; runs in a worker thread, one at a time."""
    limit = service.settings.max_bytes
    item = read_text(request.text, request.path, request.format, request.doc_id, limit)
    with service.lock:
        checker = service.checker(request.select, request.ignore)
        report = Report(tuple(checker.check([item])), checker.model)
    body = renderers()["json"].render(report, RenderContext())
    return (422 if report.unreadable else 200), body


def _compare(service: Service, request: CompareRequest) -> tuple[int, str]:
    """The JSON contract for one rewrite against its source; in a worker thread, one at a time."""
    limit = service.settings.max_bytes
    source = read_text(request.source, request.source_path, request.source_format, None, limit)
    derived = read_text(request.derived, request.path, request.format, request.doc_id, limit)
    with service.lock:
        comparer = service.comparer(request.select, request.ignore)
        report = Report(tuple(comparer.compare([pair_of(source, derived)])), comparer.checker.model)
    body = renderers()["json"].render(report, RenderContext())
    return (422 if report.unreadable else 200), body


def create_app(service: Service) -> Starlette:
    """The ASGI application; ``service.load()`` runs at startup unless it already has."""

    async def check(request: Request) -> Response:
        try:
            body = await _body(request, service.max_request_bytes)
            parsed = parse_check_request(request.headers.get("content-type", ""), body, request.query_params)
            status, text = await to_thread.run_sync(_check, service, parsed)
        except BadRequest as error:
            return error_response(error.status, error.message)
        return Response(text, status, media_type="application/json")

    async def compare(request: Request) -> Response:
        try:
            body = await _body(request, service.max_request_bytes)
            parsed = parse_compare_request(request.headers.get("content-type", ""), body)
            status, text = await to_thread.run_sync(_compare, service, parsed)
        except BadRequest as error:
            return error_response(error.status, error.message)
        return Response(text, status, media_type="application/json")

    async def health(request: Request) -> Response:
        model = service.base.model if service.base is not None else None
        return _json(
            {"status": "ok", "version": __version__, "model": model, "schema_version": SCHEMA_VERSION}
        )

    async def rules(request: Request) -> Response:
        every = service.rules()
        active = {rule.id for rule in active_rules(every, service.settings)}
        return _json(
            {
                "rules": [
                    {
                        "id": rule.id,
                        "name": rule.name,
                        "category": rule.category,
                        "severity": service.settings.severity.get(rule.id, rule.severity),
                        "enabled": rule.id in active,
                        "description": " ".join(rule.description.split()),
                    }
                    for rule in every
                ]
            }
        )

    async def openapi(request: Request) -> Response:
        return Response(published_document(), media_type="application/json")

    async def http_error(request: Request, error: Exception) -> Response:
        status = error.status_code if isinstance(error, HTTPException) else 500
        detail = error.detail if isinstance(error, HTTPException) else "internal error"
        return error_response(status, f"{detail}: {request.method} {request.url.path}")

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if service.base is None:
            await to_thread.run_sync(service.load)
        yield

    return Starlette(
        routes=[
            Route("/check", check, methods=["POST"]),
            Route("/compare", compare, methods=["POST"]),
            Route("/health", health, methods=["GET"]),
            Route("/rules", rules, methods=["GET"]),
            Route("/openapi.json", openapi, methods=["GET"]),
        ],
        exception_handlers={HTTPException: http_error},
        lifespan=lifespan,
    )
