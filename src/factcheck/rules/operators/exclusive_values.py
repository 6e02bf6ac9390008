"""Two claims whose values of one field exclude each other.

"Castillo, the plaintiff," / "the suit Vargas brought against Castillo": in one case
Castillo is on one side, so "plaintiff" and "defendant" exclude each other. Which
values exclude which is the rule's choice (option ``exclusive``, pairs); two equal
values or values in no pair never conflict. The rule's group_by says what must be
shared (the same party in the same event).

``field`` names the value.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

from factcheck.claims.model import Claim
from factcheck.rules.operators._contract import (
    Arity,
    CheckContext,
    Conflict,
    FindingsRead,
    listed_pair,
    option,
)

NAME = "exclusive_values"
ARITY: Arity = "pair"
FIELD_TYPES = ("text",)
TEMPLATE_VALUES = ()
READS_FINDINGS: FindingsRead = "none"
pair_keys = None


@dataclass(frozen=True, slots=True)
class Options:
    #: Pairs of values that exclude each other.
    exclusive: tuple[tuple[str, str], ...] = option(min_items=1)


def signature(claim: Claim, field: str | None, options: Options) -> Hashable:
    """What ``check`` reads of one claim (its contract: ``_contract.py``)."""
    return claim.get(field or "")


def check(
    claims: tuple[Claim, ...], field: str | None, options: Options, context: CheckContext
) -> Conflict | None:
    first, second = claims
    values = (first.get(field or ""), second.get(field or ""))
    if not listed_pair(values, options.exclusive):
        return None
    return Conflict((first.span, second.span))
