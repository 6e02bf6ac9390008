"""Settings: defaults, then the nearest config file, then command-line options.

Config is read from ``.factcheck.toml``, ``.factcheck.yaml`` or ``[tool.factcheck]``
in ``pyproject.toml``, the first found from the checked file's folder upwards, or
from ``--config``. Keys (all optional)::

    select = ["LOC", "TRV001"]       # rule ids or prefixes to run (default: enabled rules)
    extend-select = ["ROL"]          # more rules on top of select (or of the defaults)
    ignore = ["NAM"]                 # rule ids or prefixes to skip
    extend-ignore = ["DAT003"]       # the same as ignore, for configs that extend another
    fail-on = "error"                # error | warning | info | never
    max-bytes = 1048576              # larger files are refused
    rule-dirs = ["newsroom-rules"]   # extra rule folders, relative to the config file
    gazetteer = ["places.yaml"]      # extra gazetteer files, relative to the config file
    include = ["*.md"]               # what folder walks read (default: every known suffix)
    exclude = ["drafts"]             # what folder walks skip (replaces the default list)
    extend-exclude = ["archive"]     # skipped on top of the default list
    respect-gitignore = true         # skip files git ignores
    cache-dir = ".factcheck_cache"   # results cache, relative to the config file
    [severity]                       # per-rule severity overrides
    NAM001 = "error"
    [per-file-ignores]               # rules not run on files matching a glob
    "wires/*" = ["NAM001"]

Rule selection is layered as in Ruff: the file's choice, then the command line's; a
``--select`` starts over from its own list (the file's ignores included), while
``--extend-select`` and ``--ignore`` change the file's choice. Within one layer an
ignored id is never run, however it was selected.

Every problem is an error naming the config file and line: unknown settings, wrong
types, missing rule folders or gazetteer files, and ids in select, ignore or
severity that name no rule (a typo must not silently switch a rule off).
``settings_as_toml`` writes the effective settings back out for ``factcheck config show``.
"""

from __future__ import annotations

import contextlib
import json
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from fnmatch import fnmatch
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

import jsonschema

from factcheck.datafiles import DataFileError, line_of, load_yaml, strip_lines
from factcheck.reading.inputs import DEFAULT_MAX_BYTES
from factcheck.reading.selection import DEFAULT_EXCLUDE, DEFAULT_INCLUDE, Selection
from factcheck.report.model import FAIL_ON_CHOICES

if TYPE_CHECKING:
    # Settings only read a rule's id and flags; loading rules is the rules stage's job.
    from factcheck.rules.loading import Rule

DEFAULT_CACHE_FOLDER = ".factcheck_cache"
CONFIG_NAMES = (".factcheck.toml", ".factcheck.yaml", ".factcheck.yml", "pyproject.toml")

_IDS: dict[str, Any] = {"type": "array", "items": {"type": "string", "minLength": 1}}
_GLOBS: dict[str, Any] = {"type": "array", "items": {"type": "string", "minLength": 1}}

CONFIG_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "select": _IDS,
        "extend-select": _IDS,
        "ignore": _IDS,
        "extend-ignore": _IDS,
        "fail-on": {"enum": list(FAIL_ON_CHOICES)},
        "max-bytes": {"type": "integer", "minimum": 1},
        "rule-dirs": {"type": "array", "items": {"type": "string"}},
        "gazetteer": {"type": "array", "items": {"type": "string"}},
        "include": _GLOBS,
        "exclude": _GLOBS,
        "extend-exclude": _GLOBS,
        "respect-gitignore": {"type": "boolean"},
        "cache-dir": {"type": "string", "minLength": 1},
        "severity": {
            "type": "object",
            "propertyNames": {"pattern": "^[A-Z]{2,8}[0-9]{3}$"},
            "additionalProperties": {"enum": ["error", "warning", "info"]},
        },
        "per-file-ignores": {"type": "object", "additionalProperties": _IDS},
    },
}


def split_ids(values: Iterable[str]) -> tuple[str, ...]:
    """Rule ids as given on a command line: repeated options and comma lists (``LOC,NAM001``)."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


@dataclass(frozen=True, slots=True)
class RuleSelection:
    """One layer of rule selection (the config file, then the command line), as in Ruff.

    ``select`` (when given) replaces what the layers before chose, their ignores
    included; ``extend_select`` adds; ``ignore`` removes, and wins over a select of
    the same layer.
    """

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    #: Where the ids come from, for error messages: "--select" or a config file key.
    origin: str = "config"

    def decide(self, rule_id: str, chosen: bool) -> bool:
        """Whether ``rule_id`` runs after this layer, given whether it ran before it."""
        if _matches(rule_id, self.ignore):
            return False
        if _matches(rule_id, (*(self.select or ()), *self.extend_select)):
            return True
        return False if self.select is not None else chosen


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
    extend_select: tuple[str, ...] = ()
    extend_ignore: tuple[str, ...] = ()
    #: Glob -> rule ids or prefixes not run on the files it matches.
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    #: The results cache; None: ``.factcheck_cache`` beside the config file, or here.
    cache_dir: Path | None = None
    #: Rule selections given on the command line, applied after the file's.
    overrides: tuple[RuleSelection, ...] = ()

    def with_overrides(self, **values: Any) -> Settings:
        """Command-line values over the file's; ``select``, ``extend_select`` and ``ignore``
        become a selection layer of their own (Ruff's order)."""
        layer = {k: tuple(values.pop(k, None) or ()) for k in ("select", "extend_select", "ignore")}
        given = {k: v for k, v in values.items() if v not in (None, (), [])}
        # An overridden setting no longer comes from the file, so errors must not point there.
        lines = {k: v for k, v in self.lines.items() if k.split(".")[0].replace("-", "_") not in given}
        overrides = self.overrides
        if any(layer.values()):
            command_line = RuleSelection(
                layer["select"] or None, layer["extend_select"], layer["ignore"], origin="command line"
            )
            overrides = (*overrides, command_line)
        return replace(self, **given, lines=lines, overrides=overrides)

    def cache_folder(self) -> Path:
        """Where results are cached: ``cache-dir``, else ``.factcheck_cache`` beside the config file."""
        if self.cache_dir is not None:
            return self.cache_dir
        return (Path(self.source).parent if self.source else Path.cwd()) / DEFAULT_CACHE_FOLDER

    def rule_selections(self) -> tuple[RuleSelection, ...]:
        from_file = RuleSelection(
            self.select or None, self.extend_select, (*self.ignore, *self.extend_ignore)
        )
        return (from_file, *self.overrides)

    def selection(self, force_exclude: bool = False) -> Selection:
        """What folder walks read, from include, exclude, extend-exclude and respect-gitignore."""
        return Selection(
            self.include,
            (*self.exclude, *self.extend_exclude),
            respect_gitignore=self.respect_gitignore,
            force_exclude=force_exclude,
        )

    def ignored_for(self, path: str) -> tuple[str, ...]:
        """The per-file-ignores that apply to a document (a corpus record by its file)."""
        if not self.per_file_ignores:
            return ()
        file_part = path.rsplit(":", 1)[0] if _RECORD.search(path) else path
        candidates = {file_part, PurePath(file_part).name}
        if self.source is not None:
            with contextlib.suppress(ValueError):  # a file outside the config's folder
                candidates.add(
                    Path(file_part).absolute().relative_to(Path(self.source).parent.absolute()).as_posix()
                )
        return tuple(
            rule_id
            for glob, ids in sorted(self.per_file_ignores.items())
            if any(fnmatch(candidate, glob) for candidate in candidates)
            for rule_id in ids
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "config-file": self.source,
            "select": list(self.select),
            "ignore": list(self.ignore),
            "fail-on": self.fail_on,
            "max-bytes": self.max_bytes,
            "rule-dirs": [str(p) for p in self.rule_dirs],
            "gazetteer": [str(p) for p in self.gazetteer_files],
            "extend-select": list(self.extend_select),
            "extend-ignore": list(self.extend_ignore),
            "include": list(self.include),
            "exclude": list(self.exclude),
            "extend-exclude": list(self.extend_exclude),
            "respect-gitignore": self.respect_gitignore,
            "cache-dir": str(self.cache_folder()),
            "severity": dict(sorted(self.severity.items())),
            "per-file-ignores": {glob: list(ids) for glob, ids in sorted(self.per_file_ignores.items())},
        }


#: A corpus record's path: "corpus.jsonl:12".
_RECORD = re.compile(r":\d+$")


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

    def check(key: str, patterns: Iterable[str], where: str, line: int | None) -> None:
        for pattern in patterns:
            if not any(rule_id.startswith(pattern) for rule_id in known):
                raise DataFileError(where, line, f"{key}: {pattern!r} names no rule; {expected}")

    # What was typed on the command line first: the likeliest place of a typo.
    for layer in settings.overrides:
        for key, patterns in (
            ("select", layer.select or ()),
            ("extend-select", layer.extend_select),
            ("ignore", layer.ignore),
        ):
            check(key, patterns, f"--{key}", None)
    for key in ("select", "extend-select", "ignore", "extend-ignore"):
        attribute = key.replace("-", "_")
        check(key, getattr(settings, attribute), *_where(settings, key, f"--{key}"))
    for glob, ids in settings.per_file_ignores.items():
        where, line = _where(settings, f"per-file-ignores.{glob}", "per-file-ignores")
        check(f"per-file-ignores {glob!r}", ids, where, line)
    for rule_id in settings.severity:
        if rule_id not in known:
            where, line = _where(settings, f"severity.{rule_id}", "severity")
            raise DataFileError(
                where, line, f"severity: {rule_id!r} names no rule; expected one of: {', '.join(known)}"
            )


def active_rules(rules: Sequence[Rule], settings: Settings) -> list[Rule]:
    """Rules to run: selected (or enabled by default), not ignored, severities overridden."""
    check_rule_references(rules, settings)
    layers = settings.rule_selections()
    chosen = []
    for rule in rules:
        selected = rule.enabled
        for layer in layers:
            selected = layer.decide(rule.id, selected)
        if not selected:
            continue
        override = settings.severity.get(rule.id)
        chosen.append(replace(rule, severity=override) if override else rule)
    return chosen


def ignored_here(rule_id: str, patterns: Iterable[str]) -> bool:
    """Whether a per-file ignore pattern covers the rule."""
    return _matches(rule_id, patterns)


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


def _read_exactly(path: Path) -> str:
    """The file's text with its line ends as written: reading in text mode would turn a lone CR,
    which TOML refuses, into a newline, and count lines unlike the parser and the editor."""
    return path.read_bytes().decode("utf-8")


def _toml(path: Path) -> dict[str, Any]:
    try:
        text = _read_exactly(path)
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
    # "at end of document": the problem is on the last line (lines end at newlines only).
    return max(1, text.count("\n") + (0 if text.endswith("\n") else 1))


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
        text = _read_exactly(path)
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
    for nested in ("severity", "per-file-ignores"):
        setting_lines.update({f"{nested}.{k}": line_for((nested, k)) for k in raw.get(nested, {})})
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
        extend_select=tuple(raw.get("extend-select", ())),
        extend_ignore=tuple(raw.get("extend-ignore", ())),
        per_file_ignores={glob: tuple(ids) for glob, ids in raw.get("per-file-ignores", {}).items()},
        include=tuple(raw.get("include", DEFAULT_INCLUDE)),
        exclude=tuple(raw.get("exclude", DEFAULT_EXCLUDE)),
        extend_exclude=tuple(raw.get("extend-exclude", ())),
        respect_gitignore=raw.get("respect-gitignore", True),
        cache_dir=base / raw["cache-dir"] if "cache-dir" in raw else None,
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
    per_file = data.pop("per-file-ignores")
    lines = [f"# config file: {source}" if source else "# config file: none found; defaults"]
    lines += [f"{key} = {_toml_value(value)}" for key, value in data.items()]
    lines += ["", "[severity]"]
    lines += [f"{rule_id} = {_toml_value(level)}" for rule_id, level in severity.items()]
    lines += ["", "[per-file-ignores]"]
    lines += [f"{json.dumps(glob)} = {_toml_value(ids)}" for glob, ids in per_file.items()]
    return "\n".join(lines) + "\n"
