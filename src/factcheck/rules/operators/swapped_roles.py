"""The same one-way action told with doer and done-to swapped.

"Putin hosted Kim at the cosmodrome" / "Kim hosted Putin": hosting goes one way
for one meeting. Only verbs listed in the rule's ``verbs`` option are compared,
because many actions are mutual in news copy ("Russia accused Ukraine ...
Ukraine accused Russia" is two accusations, not a contradiction). Two stated
times that differ (a home and an away match) are two occasions.

Options: ``subject`` and ``object`` name the party fields, ``verb`` the verb
field, ``time`` the time field, ``vague_time`` the field saying a time is vague
("in 2019"), ``verbs`` the one-way verbs (lemmas).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from factcheck.claims.model import Claim
from factcheck.rules.operators._contract import Arity, CheckContext, Conflict, claim_field, option

NAME = "swapped_roles"
ARITY: Arity = "pair"
FIELD_TYPES = ()
TEMPLATE_VALUES = ()
READS_FINDINGS = False


@dataclass(frozen=True, slots=True)
class Options:
    subject: str = claim_field("text")
    object: str = claim_field("text")
    verb: str = claim_field("text")
    #: The one-way verbs (lemmas).
    verbs: tuple[str, ...] = option(pattern="^[a-z]+$", min_items=1)
    time: str | None = claim_field("text", optional=True)
    #: A bool field saying the time is vague ("in 2019"); two claims that differ
    #: in it may be two occasions.
    vague_time: str | None = claim_field("bool", optional=True)


def signature(claim: Claim, field: str | None, options: Options) -> Hashable:
    """What ``check`` reads of one claim (its contract: ``_contract.py``)."""
    parties = _party(claim.get(options.subject)), _party(claim.get(options.object))
    vague = claim.get(options.vague_time) if options.vague_time else None
    times = (claim.get(options.time), vague) if options.time else None
    return claim.get(options.verb), parties, times


def pair_keys(claim: Claim, field: str | None, options: Options) -> Iterable[Hashable]:
    """Keys two claims share when they can conflict (its contract: ``_contract.py``)."""
    verb = claim.get(options.verb)
    subject, done_to = _party(claim.get(options.subject)), _party(claim.get(options.object))
    if verb not in options.verbs or subject is None or done_to is None or subject == done_to:
        return ()
    # The other telling has the same verb and the two parties the other way round.
    return ((verb, frozenset({subject, done_to})),)


def check(
    claims: tuple[Claim, ...], field: str | None, options: Options, context: CheckContext
) -> Conflict | None:
    first, second = claims
    verb = first.get(options.verb)
    if verb != second.get(options.verb) or verb not in options.verbs:
        return None
    subject, done_to = _party(first.get(options.subject)), _party(first.get(options.object))
    if subject is None or done_to is None or subject == done_to:
        return None
    swapped = (_party(second.get(options.subject)), _party(second.get(options.object)))
    if swapped != (done_to, subject):
        return None
    time_field = options.time
    if time_field:
        times = first.get(time_field), second.get(time_field)
        if None not in times and times[0] != times[1]:
            return None
        # "in 2019" on one side only: an earlier occasion may be meant.
        if options.vague_time and first.get(options.vague_time) != second.get(options.vague_time):
            return None
    return Conflict((first.span, second.span))


def _party(value: object) -> str | None:
    """ "person:alstom", "name:alstom" and "place:text:alstom" are one party: the model
    may label one name differently from sentence to sentence."""
    if not isinstance(value, str) or not value:
        return None
    return value.rsplit(":", 1)[-1]
