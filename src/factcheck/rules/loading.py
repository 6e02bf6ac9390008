"""Rules as data: load YAML rule files safely and validate them strictly.

A rule never contains code. It names a claim kind, optional equality filters,
the fields that make two claims about the same thing, and one operator from the
closed set in ``factcheck.rules.operators``. Every problem in a rule file is reported
with the file, the line and what was expected.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.claims.extractors import claim_kinds
from factcheck.claims.model import COMMON_FIELDS
from factcheck.datafiles import DataFileError, line_of, load_yaml, strip_lines, validate
from factcheck.rules.operators import operators
from factcheck.rules.operators._contract import Operator
from factcheck.rules.options import build_options

RULE_SUFFIXES = (".yaml", ".yml")
FIXTURE_MARK = ".test"


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    name: str
    category: str
    severity: str
    description: str
    message: str
    kind: str
    operator: str
    conflict_field: str | None = None
    #: ``conflict.options`` as written in the rule file.
    options: Mapping[str, Any] = field(default_factory=dict)
    where: Mapping[str, Any] = field(default_factory=dict)
    group_by: tuple[str, ...] = ()
    enabled: bool = True
    path: str = ""
    #: The operator's typed options, built from ``options`` and checked when the rule loads.
    operator_options: Any = None

    @property
    def fixture_path(self) -> Path | None:
        path = Path(self.path)
        for suffix in RULE_SUFFIXES:
            candidate = path.with_name(path.stem + FIXTURE_MARK + suffix)
            if candidate.is_file():
                return candidate
        return None


def builtin_rules_dir() -> Path:
    """The shipped rules: ``rules/`` in a source tree, ``factcheck/builtin_rules`` in a wheel."""
    packaged = Path(__file__).parents[1] / "builtin_rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "rules"


def rule_files(paths: Iterable[Path]) -> list[Path]:
    """Rule files under the given files and folders, fixtures left out, sorted.

    A file reached twice (the built-in folder also given as ``--rules rules``) counts
    once; a path that does not exist is an error rather than silently no rules.
    """
    found: dict[Path, Path] = {}
    for path in paths:
        if path.is_dir():
            candidates: Iterable[Path] = (p for p in path.rglob("*") if p.is_file())
        elif path.is_file():
            candidates = [path]
        else:
            raise DataFileError(
                str(path), None, "no such file or folder; expected a rule file or a folder of them"
            )
        for candidate in candidates:
            if candidate.suffix in RULE_SUFFIXES and not candidate.stem.endswith(FIXTURE_MARK):
                found.setdefault(candidate.resolve(), candidate)
    return sorted(found.values())


def _template_fields(message: str, path: str, line: int | None) -> list[str]:
    try:
        parsed = list(string.Formatter().parse(message))
    except ValueError as error:
        raise DataFileError(path, line, f"bad message template: {error}") from None
    names = []
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name:
            raise DataFileError(
                path, line, "bad message template: empty {} placeholder; expected a name such as {a.place}"
            )
        if spec or conversion:
            raise DataFileError(
                path, line, f"bad message template: {{{name}}} may not have a format spec or conversion"
            )
        names.append(name)
    return names


def parse_rule(raw: Any, path: str) -> Rule:
    """Validate one loaded rule file and build the Rule."""
    if raw is None:
        raise DataFileError(path, 1, "empty file; expected a rule: a mapping with id, name, category, ...")
    if not isinstance(raw, dict):
        found = "a list" if isinstance(raw, list) else f"{type(raw).__name__} {raw!r}"
        raise DataFileError(
            path, 1, f"expected a rule: a mapping with id, name, category, ..., found {found}"
        )
    validate(raw, "rule.schema.json", path)
    data: dict[str, Any] = strip_lines(raw)
    kinds = claim_kinds()
    kind_name = data["select"]["kind"]
    if kind_name not in kinds:
        raise DataFileError(
            path,
            line_of(raw, ("select", "kind")),
            f"unknown claim kind {kind_name!r}; expected one of: {', '.join(sorted(kinds))}",
        )
    fields = {**kinds[kind_name].fields, **COMMON_FIELDS}
    conflict = data["conflict"]
    operator_name = conflict["operator"]
    known = operators()
    if operator_name not in known:
        raise DataFileError(
            path,
            line_of(raw, ("conflict", "operator")),
            f"unknown operator {operator_name!r}; expected one of: {', '.join(sorted(known))}",
        )
    operator = known[operator_name]
    operator_options = _check_operator_use(raw, data, path, operator, fields, kind_name)
    for name in data["select"].get("where", {}):
        if name not in fields:
            raise DataFileError(
                path,
                line_of(raw, ("select", "where", name)),
                f"unknown field {name!r} in where; {kind_name} has: {', '.join(sorted(fields))}",
            )
    for name in data.get("group_by", []):
        if name not in fields:
            raise DataFileError(
                path,
                line_of(raw, ("group_by",)),
                f"unknown field {name!r} in group_by; {kind_name} has: {', '.join(sorted(fields))}",
            )
    _check_template(raw, data, path, operator, fields)
    return Rule(
        id=data["id"],
        name=data["name"],
        category=data["category"],
        severity=data["severity"],
        description=data["description"].strip(),
        message=data["message"],
        kind=kind_name,
        operator=operator_name,
        conflict_field=conflict.get("field"),
        options=conflict.get("options", {}),
        where=data["select"].get("where", {}),
        group_by=tuple(data.get("group_by", [])),
        enabled=data.get("enabled", True),
        path=path,
        operator_options=operator_options,
    )


def _check_operator_use(
    raw: Any, data: dict[str, Any], path: str, operator: Operator[Any], fields: Mapping[str, str], kind: str
) -> Any:
    """Check the operator's field, options and arity against the rule; the typed options."""
    conflict = data["conflict"]
    field_name = conflict.get("field")
    if operator.field_types and field_name is None:
        raise DataFileError(
            path,
            line_of(raw, ("conflict",)),
            f"operator {operator.name!r} needs conflict.field naming a field "
            f"of type {' or '.join(sorted(operator.field_types))}",
        )
    if field_name is not None:
        if not operator.field_types:
            raise DataFileError(
                path, line_of(raw, ("conflict", "field")), f"operator {operator.name!r} takes no field"
            )
        if field_name not in fields:
            raise DataFileError(
                path,
                line_of(raw, ("conflict", "field")),
                f"unknown field {field_name!r}; expected one of: {', '.join(sorted(fields))}",
            )
        if fields[field_name] not in operator.field_types:
            raise DataFileError(
                path,
                line_of(raw, ("conflict", "field")),
                f"field {field_name!r} is of type {fields[field_name]}; operator "
                f"{operator.name!r} expects "
                f"{' or '.join(sorted(operator.field_types))}",
            )
    operator_options = build_options(operator, raw, path, fields, kind)
    if operator.arity == "single" and data.get("group_by"):
        raise DataFileError(
            path,
            line_of(raw, ("group_by",)),
            f"operator {operator.name!r} checks one claim at a time; group_by applies only to pair operators",
        )
    return operator_options


def _check_template(
    raw: Any, data: dict[str, Any], path: str, operator: Operator[Any], fields: Mapping[str, str]
) -> None:
    line = line_of(raw, ("message",))
    prefixes = ("a", "b") if operator.arity == "pair" else ("claim",)
    for name in _template_fields(data["message"], path, line):
        head, _, tail = name.partition(".")
        if not tail and head in operator.template_values:
            continue
        if head in prefixes and tail in fields:
            continue
        expected = [f"{p}.<field>" for p in prefixes] + list(operator.template_values)
        raise DataFileError(
            path,
            line,
            f"message template names unknown field {{{name}}}; "
            f"expected {', '.join(expected)} with fields: "
            f"{', '.join(sorted(fields))}",
        )


def load_rule_file(path: Path) -> Rule:
    return parse_rule(load_yaml(path), str(path))


def load_rules(paths: Sequence[Path], builtin: Path | None = None) -> list[Rule]:
    """Every rule under ``paths``; duplicate ids are an error naming both files.

    Rules under ``builtin`` (the shipped folder) load first, so a newsroom's rule
    that reuses a shipped id is the one reported, as taking a built-in rule's id.
    """
    shipped = {path.resolve() for path in rule_files([builtin])} if builtin is not None else set()
    rules: list[Rule] = []
    by_id: dict[str, Rule] = {}
    for path in sorted(rule_files(paths), key=lambda p: p.resolve() not in shipped):
        rule = load_rule_file(path)
        if rule.id in by_id:
            earlier = by_id[rule.id]
            where = (
                f"the built-in rule {earlier.name}"
                if Path(earlier.path).resolve() in shipped
                else earlier.path
            )
            raise DataFileError(str(path), 1, f"duplicate rule id {rule.id!r}, already defined in {where}")
        by_id[rule.id] = rule
        rules.append(rule)
    return sorted(rules, key=lambda r: r.id)
