"""Travel "to" a place the traveller is already in for the event being reported.

"At the Vostochny Cosmodrome in Russia's Far East, Kim was briefed" ... "Kim would
continue his journey to Russia": Russia contains where Kim already is. Travel to a
place inside the current one ("continue his journey to Vladivostok") is fine.

``field`` names the destination; option ``person`` the traveller field. The
template value ``current`` names the reason: the destination, with where in it the
traveller already is ("Russia (Vostochny Cosmodrome)").
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.claims.model import Claim
from factcheck.nlp.entities import Mention
from factcheck.rules.operators._contract import Arity, CheckContext, Conflict, claim_field, mentions_of

NAME = "already_there"
ARITY: Arity = "single"
FIELD_TYPES = ("mention",)
TEMPLATE_VALUES = ("current",)
READS_FINDINGS = False
signature = None
pair_keys = None


@dataclass(frozen=True, slots=True)
class Options:
    #: The traveller: a mention field.
    person: str = claim_field("mention")


def check(
    claims: tuple[Claim, ...], field: str | None, options: Options, context: CheckContext
) -> Conflict | None:
    (claim,) = claims
    found = mentions_of(claim, field, options.person)
    if found is None:
        return None
    destination, person = found

    # A stated presence ("At the cosmodrome, Kim was briefed") is the best evidence;
    # the place of an event the traveller attends comes next.
    def preference(found: tuple[Mention, Claim]) -> tuple[bool, int]:
        return (found[1].kind != "presence", found[1].span.start)

    for place, source in sorted(context.graph.presences(person.id), key=preference):
        if source.span.start == claim.span.start:
            continue
        if context.graph.contains(destination.id, place.id):
            return Conflict((claim.span, source.span), {"current": _within(destination, place, context)})
    return None


def _within(destination: Mention, place: Mention, context: CheckContext) -> str:
    """ "Russia (Vostochny Cosmodrome)": the place travelled to, and the place inside it."""
    outer = context.graph.place_name(destination.id) if destination.id else destination.text
    if place.id == destination.id or place.text == outer:
        return outer
    return f"{outer} ({place.text})"
