"""Two claims about the same thing put it in places that cannot both be right.

"a summit in South Korea" / "the meeting in Russia's Far East": neither place contains
the other and they lie in different countries. "talks in Geneva" / "the meeting in
Switzerland" do not conflict: Switzerland contains Geneva.

Option ``level``: ``country`` (default) reports only places whose countries are
known and differ, so two unknown places never conflict; ``known`` reports two
places of ONE country that the gazetteer knows as cities or facilities and that do
not contain each other (Paris / Lyon). Option ``later_bare`` names a bool field
saying the later mention is a plain back-reference; when given, the later mention
must be one ("the meeting in Lyon"), not one that describes its event anew
("Sunday's international meeting in Lyon" may be another meeting). Option
``agree_if_given`` names fields the two claims must not give differently ("flew
to Lima on Sunday" / "landed in Bogotá on Sunday" conflict; "... on Tuesday" is
another day, and a claim that gives no day is compared).
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Literal

from factcheck.claims.model import Claim
from factcheck.nlp.entities import Mention
from factcheck.rules.operators._contract import Arity, CheckContext, Conflict, claim_field

NAME = "disjoint_places"
ARITY: Arity = "pair"
FIELD_TYPES = ("mention",)
TEMPLATE_VALUES = ()
READS_FINDINGS = False
pair_keys = None


@dataclass(frozen=True, slots=True)
class Options:
    level: Literal["country", "known"] = "country"
    #: A bool field saying the later mention is a plain back-reference; when
    #: named, a later mention that is not one never conflicts.
    later_bare: str | None = claim_field("bool", optional=True)
    #: Fields the two claims must not give differently, when both give them.
    agree_if_given: tuple[str, ...] | None = claim_field(optional=True)


def signature(claim: Claim, field: str | None, options: Options) -> Hashable:
    """What ``check`` reads of one claim (its contract: ``_contract.py``)."""
    place = claim.get(field or "")
    bare = claim.get(options.later_bare) if options.later_bare else None
    given = tuple(claim.get(name) for name in options.agree_if_given or ())
    return (place.id if isinstance(place, Mention) else None), bare, given


def check(
    claims: tuple[Claim, ...], field: str | None, options: Options, context: CheckContext
) -> Conflict | None:
    first, second = claims
    a, b = first.get(field or ""), second.get(field or "")
    if not isinstance(a, Mention) or not isinstance(b, Mention) or a.id == b.id:
        return None
    for name in options.agree_if_given or ():
        given = first.get(name), second.get(name)
        if None not in given and given[0] != given[1]:
            return None
    if context.graph.contains(a.id, b.id) or context.graph.contains(b.id, a.id):
        return None
    countries_a, countries_b = context.graph.countries_of(a.id), context.graph.countries_of(b.id)
    if not countries_a or not countries_b:
        return None
    same_country = bool(countries_a & countries_b)
    if options.level == "country":
        return None if same_country else Conflict((first.span, second.span))
    if not same_country or not (context.graph.is_point(a.id) and context.graph.is_point(b.id)):
        return None
    if options.later_bare and second.get(options.later_bare) is not True:
        return None
    return Conflict((first.span, second.span))
