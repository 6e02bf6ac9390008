"""The same transfer told with giver and receiver swapped.

"Putin commits to providing North Korea with space tech" / "Putin proposed that North
Korea provide technological support": Russia -> North Korea against North Korea ->
Russia, for things that share a stem (tech). A reciprocal deal ("A sells grain to B
while B sells fertiliser to A") shares no stem, so it does not conflict.

Options: ``giver`` and ``receiver`` name the side fields, ``things`` the field of
folded stems, ``min_shared`` how many stems the two things must share.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from factcheck.claims.model import Claim
from factcheck.rules.operators._contract import Arity, CheckContext, Conflict, claim_field, option

NAME = "reversed_direction"
ARITY: Arity = "pair"
FIELD_TYPES = ()
TEMPLATE_VALUES = ("shared",)
READS_FINDINGS = False


@dataclass(frozen=True, slots=True)
class Options:
    giver: str = claim_field("text")
    receiver: str = claim_field("text")
    #: The field of folded stems of what is given.
    things: str = claim_field("texts")
    min_shared: int = option(1, minimum=1)


def signature(claim: Claim, field: str | None, options: Options) -> Hashable:
    """What ``check`` reads of one claim (its contract: ``_contract.py``)."""
    return claim.get(options.giver), claim.get(options.receiver), claim.get(options.things)


def pair_keys(claim: Claim, field: str | None, options: Options) -> Iterable[Hashable]:
    """Keys two claims share when they can conflict (its contract: ``_contract.py``)."""
    giver, receiver = claim.get(options.giver), claim.get(options.receiver)
    if giver is None or receiver is None:
        return ()
    # The other telling has the same two sides the other way round.
    return (frozenset({giver, receiver}),)


def check(
    claims: tuple[Claim, ...], field: str | None, options: Options, context: CheckContext
) -> Conflict | None:
    first, second = claims
    giver, receiver = options.giver, options.receiver
    if first.get(giver) is None or first.get(receiver) is None:
        return None
    if (first.get(giver), first.get(receiver)) != (second.get(receiver), second.get(giver)):
        return None
    things_a, things_b = first.get(options.things), second.get(options.things)
    if not isinstance(things_a, tuple) or not isinstance(things_b, tuple):
        return None
    shared = sorted(set(things_a) & set(things_b))
    if len(shared) < options.min_shared:
        return None
    return Conflict((first.span, second.span), {"shared": ", ".join(shared)})
