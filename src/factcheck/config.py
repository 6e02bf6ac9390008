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

Every problem is an error naming the config file and line: unknown settings, wrong
types, missing rule folders or gazetteer files, and ids in select, ignore or
severity that name no rule (a typo must not silently switch a rule off).
``settings_as_toml`` writes the effective settings back out for ``factcheck config show``.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema

from factcheck.datafiles import DataFileError, line_of, load_yaml, strip_lines
from factcheck.reading.inputs import DEFAULT_MAX_BYTES
from factcheck.report.model import FAIL_ON_CHOICES

if TYPE_CHECKING:
    # Settings only read a rule's id and flags; loading rules is the rules stage's job.
    from factcheck.rules.loading import Rule

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
            "propertyNames": {"pattern": "^[A-Z]{2,8}[0-9]{3}$"},
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
    #: Line of each setting in the config file ("select", "severity.NAM001"), for error messages.
    lines: Mapping[str, int] = field(default_factory=dict)

    def with_overrides(self, **values: Any) -> Settings:
        given = {k: v for k, v in values.items() if v not in (None, (), [])}
        # An overridden setting no longer comes from the file, so errors must not point there.
        lines = {k: v for k, v in self.lines.items() if k.split(".")[0].replace("-", "_") not in given}
        return replace(self, **given, lines=lines)

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


def _where(settings: Settings, key: str, option: str) -> tuple[str, int | None]:
    line = settings.lines.get(key)
    if line is not None and settings.source is not None:
        return settings.source, line
    return option, None


def check_rule_references(rules: Sequence[Rule], settings: Settings) -> None:
    """Every id or prefix in select, ignore and severity names a rule; a typo is an error, not a no-op."""
    known = sorted(rule.id for rule in rules)
    expected = f"expected a rule id or prefix of: {', '.join(known)}"
    for key in ("select", "ignore"):
        for pattern in getattr(settings, key):
            if not any(rule_id.startswith(pattern) for rule_id in known):
                where, line = _where(settings, key, f"--{key}")
                raise DataFileError(where, line, f"{key}: {pattern!r} names no rule; {expected}")
    for rule_id in settings.severity:
        if rule_id not in known:
            where, line = _where(settings, f"severity.{rule_id}", "severity")
            raise DataFileError(
                where, line, f"severity: {rule_id!r} names no rule; expected one of: {', '.join(known)}"
            )


def active_rules(rules: Sequence[Rule], settings: Settings) -> list[Rule]:
    """Rules to run: selected (or enabled by default), not ignored, severities overridden."""
    check_rule_references(rules, settings)
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
        text = path.read_text(encoding="utf-8")
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DataFileError(str(path), _toml_error_line(error, text), f"invalid TOML: {error}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(str(path), None, f"cannot read: {error}") from None


def _toml_error_line(error: tomllib.TOMLDecodeError, text: str) -> int:
    """tomllib gives the place only inside its message before Python 3.14."""
    lineno = getattr(error, "lineno", None)
    if isinstance(lineno, int):
        return lineno
    found = re.search(r"at line (\d+)", str(error))
    if found:
        return int(found.group(1))
    # "at end of document": the problem is on the last line.
    return max(1, len(text.splitlines()))


def _toml_line(text: str, steps: Sequence[str], table: Sequence[str]) -> int | None:
    """The line of the key at ``table + steps`` in TOML text (tomllib keeps no positions).

    Knows ``[a.b]`` headers, ``key = ...`` and dotted ``a.b = ...`` keys: enough for
    config files, and it falls back to the nearest enclosing table or key.
    """
    wanted = [*table, *steps]
    best: tuple[int, int] | None = None  # (depth matched, line)
    current: list[str] = []
    for number, raw_line in enumerate(text.splitlines(), start=1):
        line = raw_line.strip()
        if line.startswith("[") and not line.startswith("[["):
            current = [part.strip().strip("\"'") for part in line.strip("[]").split(".")]
            path = current
        elif "=" in line and not line.startswith("#"):
            key = line.split("=", 1)[0]
            path = [*current, *(part.strip().strip("\"'") for part in key.split("."))]
        else:
            continue
        matches = len(table) <= len(path) <= len(wanted) and wanted[: len(path)] == path
        if matches and (best is None or len(path) > best[0]):
            best = (len(path), number)
    return best[1] if best is not None else None


def _describe(error: jsonschema.ValidationError) -> str:
    where = "/".join(str(p) for p in error.absolute_path) or "the top level"
    if error.validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        allowed = ", ".join(sorted(error.schema.get("properties", {})))
        return f"unknown setting {extra[0]!r} at {where}; expected one of: {allowed}"
    if error.validator == "enum":
        options = ", ".join(str(o) for o in error.validator_value)
        return f"{where}: {error.instance!r} is not allowed; expected one of: {options}"
    if "propertyNames" in error.schema_path:
        return f"{where}: {error.instance!r} is not a rule id; expected an id such as NAM001"
    return f"{where}: {error.message}"


def _error_steps(error: jsonschema.ValidationError) -> tuple[str, ...]:
    steps = tuple(str(p) for p in error.absolute_path)
    if error.validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        steps = (*steps, *extra[:1])
    elif "propertyNames" in error.schema_path:
        steps = (*steps, str(error.instance))
    return steps


def load_settings(path: Path) -> Settings:
    """Read one config file; relative folders in it are relative to the file."""
    raw: Any
    text = ""
    table: tuple[str, ...] = ("tool", "factcheck") if path.name == "pyproject.toml" else ()
    if path.suffix == ".toml":
        data = _toml(path)
        text = path.read_text(encoding="utf-8")
        raw = data.get("tool", {}).get("factcheck", {}) if table else data
        lines: Any = None
    else:
        lines = load_yaml(path)
        raw = strip_lines(lines) if lines is not None else {}
    if not isinstance(raw, dict):
        raise DataFileError(str(path), 1, "expected a table of settings")

    def line_for(steps: Sequence[str]) -> int | None:
        if lines is not None:
            return line_of(lines, tuple(steps))
        return _toml_line(text, steps, table)

    try:
        jsonschema.validate(raw, CONFIG_SCHEMA)
    except jsonschema.ValidationError as error:
        raise DataFileError(str(path), line_for(_error_steps(error)), _describe(error)) from None
    base = path.parent
    for key in ("rule-dirs", "gazetteer"):
        for index, name in enumerate(raw.get(key, ())):
            if not (base / name).exists():
                kind = "folder" if key == "rule-dirs" else "file"
                raise DataFileError(
                    str(path),
                    line_for((key, str(index))),
                    f"{key}: no such {kind} {name!r} (relative to {base})",
                )
    setting_lines = {key: line_for((key,)) for key in raw}
    setting_lines.update({f"severity.{k}": line_for(("severity", k)) for k in raw.get("severity", {})})
    return Settings(
        select=tuple(raw.get("select", ())),
        ignore=tuple(raw.get("ignore", ())),
        fail_on=raw.get("fail-on", "error"),
        max_bytes=raw.get("max-bytes", DEFAULT_MAX_BYTES),
        rule_dirs=tuple(base / p for p in raw.get("rule-dirs", ())),
        gazetteer_files=tuple(base / p for p in raw.get("gazetteer", ())),
        severity=dict(raw.get("severity", {})),
        source=str(path),
        lines={key: line for key, line in setting_lines.items() if line is not None},
    )


def resolve_settings(explicit: Path | None, checked: Sequence[Path]) -> Settings:
    if explicit is not None:
        if not explicit.is_file():
            raise DataFileError(str(explicit), None, "config file not found")
        return load_settings(explicit)
    start = next((p for p in checked if str(p) != "-"), Path.cwd())
    found = find_config(start if start.exists() else Path.cwd())
    return load_settings(found) if found else Settings()


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    # JSON strings are valid TOML basic strings for everything settings hold.
    return json.dumps(str(value), ensure_ascii=False)


def settings_as_toml(settings: Settings) -> str:
    """The effective settings as a ``.factcheck.toml`` would write them, source first."""
    data = settings.as_dict()
    source = data.pop("config-file")
    severity = data.pop("severity")
    lines = [f"# config file: {source}" if source else "# config file: none found; defaults"]
    lines += [f"{key} = {_toml_value(value)}" for key, value in data.items()]
    lines += ["", "[severity]"]
    lines += [f"{rule_id} = {_toml_value(level)}" for rule_id, level in severity.items()]
    return "\n".join(lines) + "\n"
