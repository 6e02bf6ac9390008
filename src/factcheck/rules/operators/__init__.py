"""Conflict operators: the closed set of ways two claims (or one) can contradict.

One module per operator, found by file. A module defines:

* ``NAME`` - the operator's name used in rule files;
* ``ARITY`` - ``"pair"`` (compares two claims) or ``"single"`` (checks one claim
  against the rest of the graph);
* ``FIELD_TYPES`` - the field types ``conflict.field`` may name (empty: no field);
* ``OPTIONS_SCHEMA`` - a JSON Schema for ``conflict.options``;
* ``TEMPLATE_VALUES`` - names the operator adds to the message template;
* ``check(claims, field, options, graph) -> Conflict | None``.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from factcheck.claims.graph import ClaimGraph
from factcheck.claims.model import Claim
from factcheck.nlp.entities import Mention


@dataclass(frozen=True, slots=True)
class Conflict:
    """What an operator found: the spans to quote, and values for the message."""

    sides: tuple[Mention, ...]
    values: Mapping[str, str] = field(default_factory=dict)


def mentions_of(claim: Claim, *names: str | None) -> tuple[Mention, ...] | None:
    """The named fields of a claim when every one is a mention (a place, a person), else None."""
    values = tuple(claim.get(name or "") for name in names)
    if all(isinstance(value, Mention) for value in values):
        return values  # type: ignore[return-value]
    return None


Check = Callable[[tuple[Claim, ...], str | None, Mapping[str, Any], ClaimGraph], Conflict | None]


@dataclass(frozen=True, slots=True)
class Operator:
    name: str
    arity: str
    field_types: frozenset[str]
    options_schema: Mapping[str, Any]
    template_values: tuple[str, ...]
    check: Check
    doc: str


@cache
def operators() -> dict[str, Operator]:
    import factcheck.rules.operators as package

    found: dict[str, Operator] = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        found[module.NAME] = Operator(
            module.NAME,
            module.ARITY,
            frozenset(module.FIELD_TYPES),
            module.OPTIONS_SCHEMA,
            tuple(module.TEMPLATE_VALUES),
            module.check,
            (module.__doc__ or "").strip(),
        )
    return found
