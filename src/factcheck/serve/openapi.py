"""The service's OpenAPI 3.1 description, published as ``schemas/openapi.json``.

``document()`` builds it from the endpoints below and the JSON contract
(``schemas/report.schema.json``, whose definitions become components), so the two
cannot drift; the published file is what the server sends at ``/openapi.json`` and
a test holds it equal to ``document()``. After changing either, rewrite the file:

    python -m factcheck.serve.openapi > src/factcheck/schemas/openapi.json
"""

from __future__ import annotations

import json
import sys
from importlib.resources import files
from typing import Any

from factcheck.version import __version__

PUBLISHED = "openapi.json"


def _report_components() -> dict[str, Any]:
    """The report schema's definitions as components, with the report itself as ``Report``."""
    text = files("factcheck.schemas").joinpath("report.schema.json").read_text(encoding="utf-8")
    schema = json.loads(text.replace('"#/$defs/', '"#/components/schemas/'))
    definitions = schema.pop("$defs")
    for key in ("$schema", "$id"):
        schema.pop(key, None)
    return {"Report": schema, **definitions}


def _error(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": _ref("Error")}}}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


_IDS = {"type": "array", "items": {"type": "string", "minLength": 1}}

_CHECK_REQUEST = {
    "type": "object",
    "additionalProperties": False,
    "required": ["text"],
    "properties": {
        "text": {"type": "string", "description": "The article, exactly as written."},
        "format": {
            "enum": ["text", "markdown", "html"],
            "description": "How to read it; default: from the path's suffix, else text.",
        },
        "path": {
            "type": "string",
            "minLength": 1,
            "default": "-",
            "description": "The name the report gives the document (as factcheck check --stdin-filename).",
        },
        "id": {"type": "string", "description": "Carried through as documents[].id."},
        "select": {**_IDS, "description": "Only these rule ids or prefixes (as --select)."},
        "ignore": {**_IDS, "description": "Skip these rule ids or prefixes (as --ignore)."},
    },
}

_FORMAT = ["text", "markdown", "html"]

_COMPARE_REQUEST = {
    "type": "object",
    "additionalProperties": False,
    "required": ["source", "derived"],
    "properties": {
        "source": {"type": "string", "description": "The source article, exactly as written."},
        "derived": {
            "type": "string",
            "description": "The rewrite (a summary, a cut-down story, a headline), exactly as written.",
        },
        "source_format": {
            "enum": _FORMAT,
            "description": "How to read the source; default: from source_path's suffix, else text.",
        },
        "format": {
            "enum": _FORMAT,
            "description": "How to read the rewrite; default: from path's suffix, else text.",
        },
        "source_path": {
            "type": "string",
            "minLength": 1,
            "default": "source",
            "description": "The name the report gives the source (documents[].source).",
        },
        "path": {
            "type": "string",
            "minLength": 1,
            "default": "-",
            "description": "The name the report gives the rewrite (documents[].path).",
        },
        "id": {"type": "string", "description": "Carried through as documents[].id."},
        "select": {**_IDS, "description": "Only these rule ids or prefixes (as --select)."},
        "ignore": {**_IDS, "description": "Skip these rule ids or prefixes (as --ignore)."},
    },
}

_ERROR = {
    "type": "object",
    "additionalProperties": False,
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "additionalProperties": False,
            "required": ["status", "message"],
            "properties": {"status": {"type": "integer"}, "message": {"type": "string"}},
        }
    },
}

_HEALTH = {
    "type": "object",
    "additionalProperties": False,
    "required": ["status", "version", "model", "schema_version"],
    "properties": {
        "status": {"const": "ok"},
        "version": {"type": "string"},
        "model": {"type": ["string", "null"]},
        "schema_version": {"type": "integer"},
    },
}

_RULES = {
    "type": "object",
    "additionalProperties": False,
    "required": ["rules"],
    "properties": {
        "rules": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["id", "name", "category", "severity", "enabled", "description"],
                "properties": {
                    "id": {"type": "string"},
                    "name": {"type": "string"},
                    "category": _ref("category"),
                    "severity": _ref("severity"),
                    "enabled": {"type": "boolean", "description": "Runs when a request selects nothing."},
                    "description": {"type": "string"},
                },
            },
        }
    },
}


def document() -> dict[str, Any]:
    text_body = {"schema": {"type": "string"}}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "factcheck",
            "version": __version__,
            "description": "Find where a news article contradicts itself. POST an article to /check and get "
            "the versioned JSON report that `factcheck check --format json` prints; POST a rewrite and its "
            "source to /compare and get the report `factcheck compare --format json` prints.",
            "license": {"name": "MIT", "identifier": "MIT"},
        },
        "servers": [{"url": "http://127.0.0.1:8000", "description": "factcheck serve (its defaults)"}],
        "paths": {
            "/check": {
                "post": {
                    "operationId": "check",
                    "summary": "Check one article",
                    "parameters": [
                        {
                            "name": "path",
                            "in": "query",
                            "required": False,
                            "schema": {"type": "string"},
                            "description": "With a text body: the document's name in the report.",
                        },
                        {
                            "name": "id",
                            "in": "query",
                            "required": False,
                            "schema": {"type": "string"},
                            "description": "With a text body: carried through as documents[].id.",
                        },
                    ],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {"schema": _ref("CheckRequest")},
                            "text/plain": text_body,
                            "text/markdown": text_body,
                            "text/html": text_body,
                        },
                    },
                    "responses": {
                        "200": {
                            "description": "The report (findings or none).",
                            "content": {"application/json": {"schema": _ref("Report")}},
                        },
                        "400": _error(
                            "Malformed body: invalid JSON, a missing or mistyped field, unknown rule ids."
                        ),
                        "413": _error("The body is larger than the server's request limit."),
                        "415": _error("A content type other than JSON, plain text, Markdown or HTML."),
                        "422": {
                            "description": "The article cannot be checked (empty, binary, over max-bytes); "
                            "the report says why in documents[0].error.",
                            "content": {"application/json": {"schema": _ref("Report")}},
                        },
                    },
                }
            },
            "/compare": {
                "post": {
                    "operationId": "compare",
                    "summary": "Check a rewrite against its source",
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": _ref("CompareRequest")}},
                    },
                    "responses": {
                        "200": {
                            "description": "The report: one document, the rewrite, with source set; every "
                            "side of a finding names the text it quotes (evidence[].document).",
                            "content": {"application/json": {"schema": _ref("Report")}},
                        },
                        "400": _error(
                            "Malformed body: invalid JSON, a missing or mistyped field, unknown rule ids."
                        ),
                        "413": _error("The body is larger than the server's request limit."),
                        "415": _error("A content type other than JSON."),
                        "422": {
                            "description": "The source or the rewrite cannot be checked (empty, binary, over "
                            "max-bytes); the report says why in documents[0].error.",
                            "content": {"application/json": {"schema": _ref("Report")}},
                        },
                    },
                }
            },
            "/health": {
                "get": {
                    "operationId": "health",
                    "summary": "The server is up, with its version and model",
                    "responses": {
                        "200": {
                            "description": "Ready to check.",
                            "content": {"application/json": {"schema": _ref("Health")}},
                        }
                    },
                }
            },
            "/rules": {
                "get": {
                    "operationId": "rules",
                    "summary": "Every rule the server knows, and whether it runs by default",
                    "responses": {
                        "200": {
                            "description": "The rules, sorted by id.",
                            "content": {"application/json": {"schema": _ref("Rules")}},
                        }
                    },
                }
            },
            "/openapi.json": {
                "get": {
                    "operationId": "openapi",
                    "summary": "This description",
                    "responses": {
                        "200": {"description": "OpenAPI 3.1.", "content": {"application/json": {}}}
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "CheckRequest": _CHECK_REQUEST,
                "CompareRequest": _COMPARE_REQUEST,
                "Error": _ERROR,
                "Health": _HEALTH,
                "Rules": _RULES,
                **_report_components(),
            }
        },
    }


def rendered() -> str:
    return json.dumps(document(), indent=2, ensure_ascii=False) + "\n"


def published_document() -> bytes:
    """The published file, as the server sends it."""
    return files("factcheck.schemas").joinpath(PUBLISHED).read_bytes()


if __name__ == "__main__":
    sys.stdout.write(rendered())
