"""Small helpers to state expected claims compactly in tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from factcheck.claims.graph import Analysis
from factcheck.claims.model import Claim
from factcheck.nlp.entities import Mention


def view(claim: Claim, *fields: str) -> dict[str, object]:
    """The named fields of a claim, mentions shown as "text#id"."""
    shown: dict[str, object] = {}
    for name in fields:
        value = claim.get(name)
        shown[name] = f"{value.text}#{value.id}" if isinstance(value, Mention) else value
    return shown


def numbered(claims: list[Claim], field: str = "occasion") -> list[int]:
    """Which event each claim is about, numbered in the order they first appear: [0, 0] is one."""
    order: dict[object, int] = {}
    return [order.setdefault(c.get(field), len(order)) for c in claims]


class Analyse(Protocol):
    """The ``analyse`` fixture: ``analyse("Kim flew to Paris.")`` -> Analysis."""

    def __call__(self, text: str, fmt: str = "text") -> Analysis: ...


#: The ``claims_of`` fixture: ``claims_of(text, "trip")`` -> the claims of that kind.
ClaimsOf = Callable[[str, str], list[Claim]]
#: The ``rule_ids`` fixture: ``rule_ids(text)`` -> the ids of the rules that fire, sorted.
RuleIds = Callable[[str], list[str]]
