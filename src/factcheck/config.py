"""Settings: defaults, then the nearest config file, then command-line options.

Config is read from ``.factcheck.toml``, ``.factcheck.yaml`` or ``[tool.factcheck]``
in ``pyproject.toml``, the first found from the checked file's folder upwards, or
from ``--config``. Keys (all optional)::

    select = ["LOC", "TRV001"]       # rule ids or prefixes to run (default: enabled rules)
    ignore = ["NAM"]                 # rule ids or prefixes to skip
    fail-on = "error"                # error | warning | info | never
    max-bytes = 1048576              # larger files are refused
    rule-dirs = ["newsroom-rules"]   # extra rule folders, relative to the config file
    gazetteer = ["places.yaml"]      # extra gazetteer files, relative to the config file
    [severity]                       # per-rule severity overrides
    NAM001 = "error"
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import jsonschema

from factcheck.datafiles import DataFileError, line_of, load_yaml, strip_lines
from factcheck.inputs import DEFAULT_MAX_BYTES
from factcheck.report import FAIL_ON_CHOICES
from factcheck.rules import Rule

CONFIG_NAMES = (".factcheck.toml", ".factcheck.yaml", ".factcheck.yml", "pyproject.toml")

CONFIG_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "select": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "ignore": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "fail-on": {"enum": list(FAIL_ON_CHOICES)},
        "max-bytes": {"type": "integer", "minimum": 1},
        "rule-dirs": {"type": "array", "items": {"type": "string"}},
        "gazetteer": {"type": "array", "items": {"type": "string"}},
        "severity": {
            "type": "object",
            "additionalProperties": {"enum": ["error", "warning", "info"]},
        },
    },
}


@dataclass(frozen=True, slots=True)
class Settings:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"
    max_bytes: int = DEFAULT_MAX_BYTES
    rule_dirs: tuple[Path, ...] = ()
    gazetteer_files: tuple[Path, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    source: str | None = None

    def with_overrides(self, **values: Any) -> Settings:
        return replace(self, **{k: v for k, v in values.items() if v not in (None, (), [])})

    def as_dict(self) -> dict[str, Any]:
        return {
            "config-file": self.source,
            "select": list(self.select),
            "ignore": list(self.ignore),
            "fail-on": self.fail_on,
            "max-bytes": self.max_bytes,
            "rule-dirs": [str(p) for p in self.rule_dirs],
            "gazetteer": [str(p) for p in self.gazetteer_files],
            "severity": dict(sorted(self.severity.items())),
        }


def _matches(rule_id: str, patterns: Iterable[str]) -> bool:
    return any(rule_id == p or rule_id.startswith(p) for p in patterns)


def active_rules(rules: Sequence[Rule], settings: Settings) -> list[Rule]:
    """Rules to run: selected (or enabled by default), not ignored, severities overridden."""
    chosen = []
    for rule in rules:
        selected = _matches(rule.id, settings.select) if settings.select else rule.enabled
        if not selected or _matches(rule.id, settings.ignore):
            continue
        override = settings.severity.get(rule.id)
        chosen.append(replace(rule, severity=override) if override else rule)
    return chosen


def find_config(start: Path) -> Path | None:
    folder = start if start.is_dir() else start.parent
    for candidate_folder in [folder.resolve(), *folder.resolve().parents]:
        for name in CONFIG_NAMES:
            candidate = candidate_folder / name
            if not candidate.is_file():
                continue
            if name == "pyproject.toml" and "factcheck" not in _toml(candidate).get("tool", {}):
                continue
            return candidate
    return None


def _toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise DataFileError(str(path), getattr(error, "lineno", None), f"invalid TOML: {error}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(str(path), None, f"cannot read: {error}") from None


def load_settings(path: Path) -> Settings:
    """Read one config file; relative folders in it are relative to the file."""
    raw: Any
    if path.suffix == ".toml":
        data = _toml(path)
        raw = data.get("tool", {}).get("factcheck", {}) if path.name == "pyproject.toml" else data
        lines: Any = None
    else:
        lines = load_yaml(path)
        raw = strip_lines(lines) if lines is not None else {}
    if not isinstance(raw, dict):
        raise DataFileError(str(path), None, "expected a table of settings")
    try:
        jsonschema.validate(raw, CONFIG_SCHEMA)
    except jsonschema.ValidationError as error:
        steps = tuple(str(p) for p in error.absolute_path)
        line = line_of(lines, steps) if lines is not None else None
        where = "/".join(steps) or "the top level"
        raise DataFileError(str(path), line, f"{where}: {error.message}") from None
    base = path.parent
    return Settings(
        select=tuple(raw.get("select", ())),
        ignore=tuple(raw.get("ignore", ())),
        fail_on=raw.get("fail-on", "error"),
        max_bytes=raw.get("max-bytes", DEFAULT_MAX_BYTES),
        rule_dirs=tuple(base / p for p in raw.get("rule-dirs", ())),
        gazetteer_files=tuple(base / p for p in raw.get("gazetteer", ())),
        severity=dict(raw.get("severity", {})),
        source=str(path),
    )


def resolve_settings(explicit: Path | None, checked: Sequence[Path]) -> Settings:
    if explicit is not None:
        if not explicit.is_file():
            raise DataFileError(str(explicit), None, "config file not found")
        return load_settings(explicit)
    start = next((p for p in checked if str(p) != "-"), Path.cwd())
    found = find_config(start if start.exists() else Path.cwd())
    return load_settings(found) if found else Settings()
