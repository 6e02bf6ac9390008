"""Travel "to" a place the traveller is already in for the event being reported.

"At the Vostochny Cosmodrome in Russia's Far East, Kim was briefed" ... "Kim would
continue his journey to Russia": Russia contains where Kim already is. Travel to a
place inside the current one ("continue his journey to Vladivostok") is fine.

``field`` names the destination; option ``person`` the traveller field.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from factcheck.claims.graph import ClaimGraph
from factcheck.claims.model import Claim
from factcheck.nlp.entities import Mention
from factcheck.rules.operators import Conflict, mentions_of

NAME = "already_there"
ARITY = "single"
FIELD_TYPES = ("mention",)
OPTIONS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["person"],
    "properties": {"person": {"type": "string"}},
}
TEMPLATE_VALUES = ("current",)


def check(
    claims: tuple[Claim, ...], field: str | None, options: Mapping[str, Any], graph: ClaimGraph
) -> Conflict | None:
    (claim,) = claims
    found = mentions_of(claim, field, options["person"])
    if found is None:
        return None
    destination, person = found

    # A stated presence ("At the cosmodrome, Kim was briefed") is the best evidence;
    # the place of an event the traveller attends comes next.
    def preference(found: tuple[Mention, Claim]) -> tuple[bool, int]:
        return (found[1].kind != "presence", found[1].span.start)

    for place, source in sorted(graph.presences(person.id), key=preference):
        if source.span.start == claim.span.start:
            continue
        if graph.contains(destination.id, place.id):
            return Conflict((claim.span, source.span), {"current": place.text})
    return None
