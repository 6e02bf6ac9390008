"""The results cache: a document already checked with the same rules is not parsed again.

Like Ruff's cache, an entry is keyed by everything its findings depend on: the
document's text and format, the rules that run on it (their full definitions and
configured severities), the gazetteer files, the model, and factcheck's own code
(its version and a digest of the installed package, so an edited checkout never
serves results of the code it replaced). A changed rule, setting or model gives a
new key and the old entries are simply never read again.

The folder is safe to delete at any time. Each entry is one JSON file written to a
temporary name and renamed into place, so a reader never sees half of one, and an
entry that cannot be read, has another format version or another key is ignored
(and overwritten), never trusted.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.nlp.models import installed_model
from factcheck.reading.document import Document, Evidence
from factcheck.rules.findings import Finding
from factcheck.version import __version__

if TYPE_CHECKING:
    # Only a type: a run served from the cache does not need the rule machinery twice.
    from factcheck.rules.loading import Rule

#: Raised whenever the entry layout changes: older entries are then ignored.
CACHE_FORMAT = 1

_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This folder is factcheck's results cache; it is safe to delete.\n"
    "# See https://bford.info/cachedir/\n"
)


@cache
def _code_digest() -> str:
    """factcheck's own files as installed: an edited checkout is new code."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _rule_data(rule: Rule) -> dict[str, Any]:
    data = asdict(rule)
    # Where a rule lives does not change what it finds; its typed options are the raw ones, built.
    data.pop("path", None)
    data.pop("operator_options", None)
    return data


def run_key(rules: Sequence[Rule], gazetteer_files: Iterable[Path], model: str | None = None) -> str:
    """What every entry of a run shares: code, model, rules and gazetteer files."""
    digest = hashlib.sha256()
    parts: list[Any] = [
        CACHE_FORMAT,
        __version__,
        _code_digest(),
        model if model is not None else installed_model(),
        [_rule_data(rule) for rule in sorted(rules, key=lambda r: r.id)],
    ]
    digest.update(json.dumps(parts, sort_keys=True, default=str).encode())
    for path in gazetteer_files:
        digest.update(str(path).encode())
        digest.update(b"\0")
        with contextlib.suppress(OSError):
            digest.update(path.read_bytes())
    return digest.hexdigest()


class ResultCache:
    """Findings by document, in ``folder``; one instance per run (rules and settings fixed)."""

    def __init__(self, folder: Path, key: str) -> None:
        self.folder = folder
        self.key = key
        self.hits = 0
        self.misses = 0
        self._ready = False

    def entry_key(self, document: Document, rule_ids: Sequence[str]) -> str:
        digest = hashlib.sha256()
        for part in (self.key, document.format, ",".join(sorted(rule_ids)), document.source):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\0")
        return digest.hexdigest()

    def _path(self, entry: str) -> Path:
        return self.folder / f"v{CACHE_FORMAT}" / entry[:2] / f"{entry}.json"

    def get(self, document: Document, rule_ids: Sequence[str]) -> tuple[Finding, ...] | None:
        """The cached findings, or None when there is no sound entry."""
        entry = self.entry_key(document, rule_ids)
        try:
            data = json.loads(self._path(entry).read_text(encoding="utf-8"))
            if data.get("format") != CACHE_FORMAT or data.get("key") != entry:
                raise ValueError("another format or key")
            findings = tuple(_finding(item) for item in data["findings"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.misses += 1
            return None
        self.hits += 1
        return findings

    def put(self, document: Document, rule_ids: Sequence[str], findings: Sequence[Finding]) -> None:
        """Store findings; a cache that cannot be written only costs speed, never the run."""
        entry = self.entry_key(document, rule_ids)
        data = {"format": CACHE_FORMAT, "key": entry, "findings": [asdict(f) for f in findings]}
        target = self._path(entry)
        try:
            self._prepare()
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as stream:
                    json.dump(data, stream, ensure_ascii=False, separators=(",", ":"))
                os.replace(temporary, target)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise
        except OSError:
            return

    def _prepare(self) -> None:
        """Mark the folder as a cache (CACHEDIR.TAG) and keep it out of git, once."""
        if self._ready:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        for name, text in (("CACHEDIR.TAG", _TAG), (".gitignore", "# Made by factcheck.\n*\n")):
            marker = self.folder / name
            if not marker.exists():
                marker.write_text(text, encoding="utf-8")
        self._ready = True


def _finding(data: dict[str, Any]) -> Finding:
    evidence = tuple(Evidence(**side) for side in data.pop("evidence"))
    return Finding(**data, evidence=evidence)
