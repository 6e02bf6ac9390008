"""Conflict operators: the closed set of ways two claims (or one) can contradict.

One module per operator, listed in the registry below; each meets
``OperatorModule`` in ``_contract.py`` (its name, arity, typed options,
``check`` and the hooks ``signature`` and ``pair_keys``, each a function or
None), which mypy checks entry by entry.
"""

from __future__ import annotations

from typing import Any

from factcheck.rules.operators import (
    already_there,
    calendar_weekday,
    different_days,
    different_values,
    disjoint_amounts,
    disjoint_places,
    each,
    exclusive_offices,
    exclusive_values,
    home_country,
    opposite_polarity,
    quoted_with,
    reversed_direction,
    spelling_variant,
    swapped_roles,
    unused_suppression,
)
from factcheck.rules.operators._contract import CheckContext as CheckContext
from factcheck.rules.operators._contract import Conflict as Conflict
from factcheck.rules.operators._contract import Operator, operator

#: Every operator a rule may name.
OPERATORS: tuple[Operator[Any], ...] = (
    operator(already_there),
    operator(calendar_weekday),
    operator(different_days),
    operator(different_values),
    operator(disjoint_amounts),
    operator(disjoint_places),
    operator(each),
    operator(exclusive_offices),
    operator(exclusive_values),
    operator(home_country),
    operator(opposite_polarity),
    operator(quoted_with),
    operator(reversed_direction),
    operator(spelling_variant),
    operator(swapped_roles),
    operator(unused_suppression),
)


def operators() -> dict[str, Operator[Any]]:
    return {entry.name: entry for entry in OPERATORS}
