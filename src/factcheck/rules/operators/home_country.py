"""A trip abroad whose destination is the traveller's own country.

"North Korean President Kim Jong Un" ... "Kim's first trip abroad ... a train bound
for North Korea". The traveller's nationality comes from a title in the same
article; without one, nothing is reported. A trip home ("flew home to Kenya") is not
called a trip abroad, so it never fires.

``field`` names the destination; option ``person`` the traveller field; option
``country_only`` reports only a destination that is the country itself, not a
place inside it (a leader's "visit to Texas" is a domestic trip, a "visit to the
United States" by its own president is not a visit).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from factcheck.claims.graph import ClaimGraph
from factcheck.claims.model import Claim
from factcheck.nlp.entities import Mention
from factcheck.rules.operators import Conflict, mentions_of

NAME = "home_country"
ARITY = "single"
FIELD_TYPES = ("mention",)
OPTIONS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["person"],
    "properties": {"person": {"type": "string"}, "country_only": {"type": "boolean"}},
}
TEMPLATE_VALUES = ("country",)


def check(
    claims: tuple[Claim, ...], field: str | None, options: Mapping[str, Any], graph: ClaimGraph
) -> Conflict | None:
    (claim,) = claims
    found = mentions_of(claim, field, options["person"])
    if found is None:
        return None
    destination, person = found
    nationality = graph.nationality(person.id)
    if nationality is None:
        return None
    country, evidence = nationality
    if graph.countries_of(destination.id) != frozenset({country}):
        return None
    if options.get("country_only") and destination.id != country:
        return None
    cue = claim.get("cue")
    sides: tuple[Mention, ...] = (claim.span, evidence)
    if isinstance(cue, Mention) and cue != claim.span:
        sides = (cue, claim.span, evidence)
    return Conflict(sides, {"country": graph.place_name(country)})
