"""Baselines: accept today's findings, report only new ones from now on.

``factcheck check ARTICLES --write-baseline known.json`` records every unsuppressed
finding by fingerprint, per document; ``--baseline known.json`` then leaves those
findings out of the report and the exit code, so a newsroom can adopt a new rule
without first fixing its archive. A fingerprint is the rule id and the quoted
sides (see ``findings.fingerprint``), not line numbers, so a finding stays known
when paragraphs are added or removed elsewhere in the article.

Documents are keyed by their path relative to the baseline file's folder, so the
baseline works from any working folder; a JSON Lines record with an id is keyed
``corpus.jsonl#id`` (without its line number, which changes as records are added).
The file is JSON, sorted, one entry per finding with its rule and message so a
reviewer can read what was accepted::

    {
      "factcheck_baseline": 1,
      "documents": {
        "articles/summit.txt": [
          {"fingerprint": "0b5e5e2361b6f4435102", "rule_id": "LOC001", "message": "..."}
        ]
      }
    }
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import jsonschema

from factcheck.datafiles import DataFileError
from factcheck.report.model import DocumentResult

BASELINE_VERSION = 1
_RECORD_LINE = re.compile(r":\d+$")

_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["factcheck_baseline", "documents"],
    "properties": {
        "factcheck_baseline": {"const": BASELINE_VERSION},
        "documents": {
            "type": "object",
            "additionalProperties": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["fingerprint"],
                    "properties": {
                        "fingerprint": {"type": "string", "minLength": 1},
                        "rule_id": {"type": "string"},
                        "message": {"type": "string"},
                    },
                },
            },
        },
    },
}


@dataclass(frozen=True, slots=True)
class Baseline:
    """Known fingerprints per document key."""

    folder: Path
    known: Mapping[str, frozenset[str]]

    def knows(self, result: DocumentResult, fingerprint: str) -> bool:
        return fingerprint in self.known.get(document_key(result, self.folder), frozenset())


def document_key(result: DocumentResult, folder: Path) -> str:
    """The document's path relative to ``folder`` (``-`` for stdin), ``#id`` for a record."""
    path = result.path
    if result.doc_id is not None:
        # A corpus record ("corpus.jsonl:12") is known by its id, not its line, so
        # records added above it do not make its findings new.
        path = _RECORD_LINE.sub("", path)
    key = "-" if path == "-" else Path(os.path.relpath(Path(path).absolute(), folder.absolute())).as_posix()
    return f"{key}#{result.doc_id}" if result.doc_id is not None else key


def baseline_data(results: Iterable[DocumentResult], folder: Path) -> dict[str, Any]:
    documents: dict[str, list[dict[str, str]]] = {}
    for result in results:
        entries = [
            {"fingerprint": f.fingerprint, "rule_id": f.rule_id, "message": f.message}
            for f in result.findings
            if not f.suppressed
        ]
        if entries:
            key = document_key(result, folder)
            documents.setdefault(key, []).extend(entries)
    ordered = {
        key: sorted(entries, key=lambda e: (e["rule_id"], e["fingerprint"]))
        for key, entries in sorted(documents.items())
    }
    return {"factcheck_baseline": BASELINE_VERSION, "documents": ordered}


def write_baseline(path: Path, results: Sequence[DocumentResult]) -> int:
    """Record the findings of ``results`` in ``path``; returns how many were recorded."""
    data = baseline_data(results, path.parent)
    text = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise DataFileError(
            str(path), None, f"cannot write the baseline: {error.strerror or error}"
        ) from None
    return sum(len(entries) for entries in data["documents"].values())


def load_baseline(path: Path) -> Baseline:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError(
            str(path), None, "baseline file not found; write one with --write-baseline"
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(str(path), None, f"cannot read the baseline: {error}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise DataFileError(str(path), error.lineno, f"invalid JSON: {error.msg}") from None
    try:
        jsonschema.validate(data, _SCHEMA)
    except jsonschema.ValidationError as error:
        where = "/".join(str(p) for p in error.absolute_path) or "the top level"
        raise DataFileError(
            str(path), None, f"{where}: {error.message}; expected a file written by --write-baseline"
        ) from None
    known = {
        key: frozenset(entry["fingerprint"] for entry in entries)
        for key, entries in data["documents"].items()
    }
    return Baseline(path.parent, known)


def without_known(result: DocumentResult, baseline: Baseline) -> tuple[DocumentResult, int]:
    """The result without the findings the baseline knows, and how many were left out.

    Known findings are left out rather than marked: a report read after adopting a
    baseline should show exactly what is new, in every format alike.
    """
    kept = tuple(f for f in result.findings if f.suppressed or not baseline.knows(result, f.fingerprint))
    dropped = len(result.findings) - len(kept)
    return (replace(result, findings=kept) if dropped else result), dropped
