"""One person given two offices of one country that nobody holds at once.

"Prime Minister Junichiro Koizumi" / "Foreign Minister Junichiro Koizumi": a head
of government is not also a minister of one department in the same article.
Which pairs of ranks exclude each other is the rule's choice (option
``exclusive``); two portfolios ("foreign and finance minister") may be held
together and are not listed by default. Two offices of different countries, or
of unknown countries where one is known to differ, are left to the rule about
countries.

``field`` names the office; options: ``rank`` (the field with the office's
rank), ``country`` (a mention field; unknown on one side means "not said", so it
does not prevent a conflict) and ``exclusive`` (pairs of ranks).
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

from factcheck.claims.model import Claim
from factcheck.nlp.entities import Mention
from factcheck.rules.operators._contract import (
    Arity,
    CheckContext,
    Conflict,
    FindingsRead,
    claim_field,
    listed_pair,
    option,
)

NAME = "exclusive_offices"
ARITY: Arity = "pair"
FIELD_TYPES = ("text",)
TEMPLATE_VALUES = ()
READS_FINDINGS: FindingsRead = "none"
pair_keys = None


@dataclass(frozen=True, slots=True)
class Options:
    #: The field with the office's rank.
    rank: str = claim_field("text")
    #: The office's country, a mention field.
    country: str = claim_field("mention")
    #: Pairs of ranks nobody holds at once.
    exclusive: tuple[tuple[str, str], ...] = option(min_items=1)


def signature(claim: Claim, field: str | None, options: Options) -> Hashable:
    """What ``check`` reads of one claim (its contract: ``_contract.py``)."""
    country = claim.get(options.country)
    return (
        claim.get(field or ""),
        claim.get(options.rank),
        country.id if isinstance(country, Mention) else None,
    )


def check(
    claims: tuple[Claim, ...], field: str | None, options: Options, context: CheckContext
) -> Conflict | None:
    first, second = claims
    office_a, office_b = first.get(field or ""), second.get(field or "")
    if not isinstance(office_a, str) or not isinstance(office_b, str) or office_a == office_b:
        return None
    ranks = (first.get(options.rank), second.get(options.rank))
    if not listed_pair(ranks, options.exclusive):
        return None
    country_a, country_b = first.get(options.country), second.get(options.country)
    if isinstance(country_a, Mention) and isinstance(country_b, Mention):
        graph = context.graph
        same = graph.contains(country_a.id, country_b.id) or graph.contains(country_b.id, country_a.id)
        if not same:
            return None
    return Conflict((first.span, second.span))
