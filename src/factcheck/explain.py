"""Readable descriptions for people: one rule with its examples, the effective settings.

Used by ``factcheck explain RULE_ID`` and ``factcheck config show``; returns text,
the CLI prints it.
"""

from __future__ import annotations

import json
import textwrap
from typing import Any

from factcheck.config import Settings
from factcheck.datafiles import DataFileError
from factcheck.fixtures import load_fixture
from factcheck.rules import Rule


def _operator_line(rule: Rule) -> str:
    parts = [rule.operator]
    details = []
    if rule.conflict_field:
        details.append(f"field {rule.conflict_field}")
    details.extend(f"{key}={value}" for key, value in sorted(rule.options.items()))
    if details:
        parts.append(f"({', '.join(details)})")
    return " ".join(parts)


def _selection_line(rule: Rule) -> str:
    line = f"{rule.kind} claims"
    if rule.where:
        line += " where " + ", ".join(f"{k} = {json.dumps(v)}" for k, v in sorted(rule.where.items()))
    if rule.group_by:
        line += f", grouped by {', '.join(rule.group_by)}"
    return line


def explain_rule(rule: Rule, active: Rule | None) -> str:
    """Everything an editor needs to judge a rule's findings; ``active`` is its effective form."""
    severity = rule.severity
    if active is not None and active.severity != rule.severity:
        severity = f"{active.severity} (configured; the rule says {rule.severity})"
    if active is not None:
        runs = "yes"
    elif rule.enabled:
        runs = "no (not selected, or ignored, in this configuration)"
    else:
        runs = "no (off by default; switch it on with select)"
    lines = [
        f"{rule.id} {rule.name}",
        "",
        textwrap.indent(rule.description.strip(), "  "),
        "",
        f"  category:  {rule.category}",
        f"  severity:  {severity}",
        f"  runs:      {runs}",
        f"  selects:   {_selection_line(rule)}",
        f"  operator:  {_operator_line(rule)}",
        f"  message:   {rule.message}",
    ]
    if rule.path:
        lines.append(f"  file:      {rule.path}")
    fixture_path = rule.fixture_path if rule.path else None
    if fixture_path is None:
        lines += ["", "No examples: this rule has no fixture file."]
        return "\n".join(lines)
    try:
        fixture = load_fixture(fixture_path)
    except DataFileError as error:
        lines += ["", f"Examples cannot be shown: {error}"]
        return "\n".join(lines)
    lines += ["", f"Examples ({fixture_path}):"]
    for case in fixture.cases:
        lines += ["", f"  {case.name}" + (f" [known failure: {case.xfail}]" if case.xfail else "")]
        if case.format != "text":
            lines.append(f"    format: {case.format}")
        lines.append(textwrap.indent(case.text.rstrip("\n"), "    | "))
        if not case.expect:
            lines.append("    -> no finding")
        for finding in case.expect:
            lines.append("    -> " + " / ".join(json.dumps(text, ensure_ascii=False) for text in finding))
    return "\n".join(lines)


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


__all__ = ["explain_rule", "settings_as_toml"]
