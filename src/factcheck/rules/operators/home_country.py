"""A trip abroad whose destination is the traveller's own country.

"North Korean President Kim Jong Un" ... "Kim's first trip abroad ... a train bound
for North Korea". The traveller's nationality comes from a title in the same
article; without one, nothing is reported. A trip home ("flew home to Kenya") is not
called a trip abroad, so it never fires.

``field`` names the destination; option ``person`` the traveller field, ``cue``
(optional) the words that make it a trip abroad, quoted first; option
``country_only`` reports only a destination that is the country itself, not a
place inside it (a leader's "visit to Texas" is a domestic trip, a "visit to the
United States" by its own president is not a visit).
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.claims.model import Claim
from factcheck.nlp.entities import Mention
from factcheck.rules.operators._contract import Arity, CheckContext, Conflict, claim_field, mentions_of

NAME = "home_country"
ARITY: Arity = "single"
FIELD_TYPES = ("mention",)
TEMPLATE_VALUES = ("country",)
READS_FINDINGS = False
signature = None
pair_keys = None


@dataclass(frozen=True, slots=True)
class Options:
    #: The traveller: a mention field.
    person: str = claim_field("mention")
    country_only: bool = False
    #: The words that make it a trip abroad, quoted first when they stand apart.
    cue: str | None = claim_field("mention", optional=True)


def check(
    claims: tuple[Claim, ...], field: str | None, options: Options, context: CheckContext
) -> Conflict | None:
    (claim,) = claims
    found = mentions_of(claim, field, options.person)
    if found is None:
        return None
    destination, person = found
    nationality = context.graph.nationality(person.id)
    if nationality is None:
        return None
    country, evidence = nationality
    if context.graph.countries_of(destination.id) != frozenset({country}):
        return None
    if options.country_only and destination.id != country:
        return None
    cue = claim.get(options.cue) if options.cue else None
    sides: tuple[Mention, ...] = (claim.span, evidence)
    if isinstance(cue, Mention) and cue != claim.span:
        sides = (cue, claim.span, evidence)
    return Conflict(sides, {"country": context.graph.place_name(country)})
