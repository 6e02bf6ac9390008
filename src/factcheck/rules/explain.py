"""A rule described for people: what it finds, how it is configured, its fixture's examples.

Used by ``factcheck explain RULE_ID``; returns text, the CLI prints it.
"""

from __future__ import annotations

import json
import textwrap

from factcheck.datafiles import DataFileError
from factcheck.rules.loading import Rule
from factcheck.rules.testcases import load_fixture


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
        if case.source is not None:
            # A rewrite compared with its source: the source first, as it is read.
            lines.append("    source:")
            lines.append(textwrap.indent(case.source.rstrip("\n"), "    | "))
            lines.append("    rewrite:")
        lines.append(textwrap.indent(case.text.rstrip("\n"), "    | "))
        if not case.expect:
            lines.append("    -> no finding")
        for finding in case.expect:
            lines.append("    -> " + " / ".join(json.dumps(text, ensure_ascii=False) for text in finding))
    return "\n".join(lines)


__all__ = ["explain_rule"]
