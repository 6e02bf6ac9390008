"""An operator's options built from a rule's YAML, every one checked when the rule loads.

``conflict.options`` becomes the operator's ``Options`` dataclass. An unknown or
misspelled option, a value of the wrong type or out of its limits, a missing
required option, and an option naming a claim field that the selected kind does
not have (or has with another type) are each an error naming the file, the line
and what was expected, so a typo can never silently switch a rule off.
"""

from __future__ import annotations

import dataclasses
import re
import types
from collections.abc import Mapping
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from factcheck.datafiles import DataFileError, line_of, strip_lines
from factcheck.rules.operators._contract import LIMITS, NAMES_FIELD, Operator

_TYPE_NAMES = {str: "string", int: "integer", bool: "boolean", float: "number"}


class _Invalid(Exception):
    """One option value that does not fit: where inside the option, and why."""

    def __init__(self, steps: tuple[str | int, ...], problem: str) -> None:
        super().__init__(problem)
        self.steps = steps
        self.problem = problem


def build_options(operator: Operator[Any], raw: Any, path: str, fields: Mapping[str, str], kind: str) -> Any:
    """The typed options of ``operator`` from the loaded rule ``raw`` (with its lines)."""
    # Values without the loader's line marks; the lines are read from ``raw``.
    given: dict[str, Any] = strip_lines(raw["conflict"].get("options") or {})
    base = ("conflict", "options")
    where = f"bad options for operator {operator.name!r}"
    declared = {f.name: f for f in dataclasses.fields(operator.options_type)}
    hints = get_type_hints(operator.options_type)
    for key in given:
        if key not in declared:
            expected = f"expected one of: {', '.join(sorted(declared))}" if declared else "it takes none"
            raise DataFileError(
                path, line_of(raw, (*base, key)), f"{where}: unknown option {key!r}; {expected}"
            )
    for name, spec in declared.items():
        required = spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING
        if required and name not in given:
            line = line_of(raw, base if "options" in raw["conflict"] else ("conflict",))
            raise DataFileError(path, line, f"{where}: {name!r} is a required property")
    values: dict[str, Any] = {}
    for name, value in given.items():
        spec = declared[name]
        try:
            values[name] = _convert(value, hints[name], spec.metadata.get(LIMITS, {}), ())
        except _Invalid as error:
            line = line_of(raw, (*base, name, *error.steps))
            raise DataFileError(path, line, f"{where}: {error.problem}") from None
        problem = _named_field_problem(values[name], spec.metadata.get(NAMES_FIELD), fields, kind)
        if problem is not None:
            raise DataFileError(path, line_of(raw, (*base, name)), f"option {name!r} {problem}")
    return operator.options_type(**values)


def _named_field_problem(
    value: Any, types_allowed: frozenset[str] | None, fields: Mapping[str, str], kind: str
) -> str | None:
    """What is wrong with the claim field(s) an option names, if anything."""
    if types_allowed is None or value is None:
        return None
    for name in value if isinstance(value, tuple) else (value,):
        if name not in fields:
            return f"names unknown field {name!r}; expected one of: {', '.join(sorted(fields))}"
        if fields[name] not in types_allowed:
            return (
                f"names field {name!r}, which is of type {fields[name]} in {kind}; "
                f"expected a field of type {' or '.join(sorted(types_allowed))}"
            )
    return None


def _convert(value: Any, hint: Any, limits: Mapping[str, Any], steps: tuple[str | int, ...]) -> Any:
    """``value`` as the annotated type (YAML lists become tuples), or _Invalid."""
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        (inner,) = [a for a in args if a is not type(None)]
        return _convert(value, inner, limits, steps)
    if origin is Literal:
        if value not in args:
            raise _Invalid(steps, f"{value!r} is not one of {list(args)!r}")
        return value
    if origin is tuple:
        if not isinstance(value, list):
            raise _Invalid(steps, f"{value!r} is not of type 'array'")
        items = args[:1] * len(value) if args[-1] is Ellipsis else args
        if len(items) != len(value):
            raise _Invalid(steps, f"{value!r} should have {len(items)} items")
        if len(value) < limits.get("min_items", 0):
            raise _Invalid(steps, f"{value!r} should have at least {limits['min_items']} item(s)")
        item_limits = {k: v for k, v in limits.items() if k == "pattern"}
        pairs = enumerate(zip(value, items, strict=True))
        return tuple(_convert(item, item_type, item_limits, (*steps, i)) for i, (item, item_type) in pairs)
    if hint in _TYPE_NAMES:
        # bool is an int to Python, never to a rule's author.
        if not isinstance(value, hint) or (hint is not bool and isinstance(value, bool)):
            raise _Invalid(steps, f"{value!r} is not of type {_TYPE_NAMES[hint]!r}")
        _check_limits(value, limits, steps)
        return value
    raise TypeError(f"option type {hint!r} is not supported")


def _check_limits(value: Any, limits: Mapping[str, Any], steps: tuple[str | int, ...]) -> None:
    if "minimum" in limits and value < limits["minimum"]:
        raise _Invalid(steps, f"{value!r} is less than the minimum of {limits['minimum']}")
    if "maximum" in limits and value > limits["maximum"]:
        raise _Invalid(steps, f"{value!r} is greater than the maximum of {limits['maximum']}")
    if "pattern" in limits and not re.search(limits["pattern"], value):
        raise _Invalid(steps, f"{value!r} does not match {limits['pattern']!r}")
