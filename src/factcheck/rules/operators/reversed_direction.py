"""The same transfer, or the same journey, told with its two ends swapped.

"Putin commits to providing North Korea with space tech" / "Putin proposed that North
Korea provide technological support": Russia -> North Korea against North Korea ->
Russia, for things that share a stem (tech). A reciprocal deal ("A sells grain to B
while B sells fertiliser to A") shares no stem, so it does not conflict.

"a bus travelling from Kathmandu to Pokhara" / "the bus had left Pokhara": a traveller
on its way to a place has not left it yet. A traveller who got there ("flew from Seoul
to Moscow" / "left Moscow after the talks") may well leave again, so that is no conflict.

Options: ``giver`` and ``receiver`` name the end fields (places compare by the
gazetteer: one inside the other is the same end); ``things`` the field of folded stems
and ``min_shared`` how many stems the two things must share (no ``things``: none are
compared). ``ends: one``: one claim's receiver is the other's giver, and the other ends
need not be given; then ``moving`` names a field that must be true for the claim whose
receiver is met (it is on its way there), while the other claim is on its way too or
only leaves (it gives no receiver).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from factcheck.claims.graph import ClaimGraph
from factcheck.claims.model import Claim, FieldValue
from factcheck.nlp.entities import Mention
from factcheck.rules.operators._contract import (
    Arity,
    CheckContext,
    Conflict,
    FindingsRead,
    claim_field,
    option,
)

NAME = "reversed_direction"
ARITY: Arity = "pair"
FIELD_TYPES = ()
#: ``shared``: the stems both things share; ``end``: where one goes and the other leaves from.
TEMPLATE_VALUES = ("shared", "end")
READS_FINDINGS: FindingsRead = "none"


@dataclass(frozen=True, slots=True)
class Options:
    giver: str = claim_field("text", "mention")
    receiver: str = claim_field("text", "mention")
    #: The field of folded stems of what is given; none: things are not compared.
    things: str | None = claim_field("texts", optional=True)
    min_shared: int = option(1, minimum=1)
    #: ``one``: one claim's receiver is the other's giver; the other ends need not be given.
    ends: Literal["both", "one"] = "both"
    #: With ``ends: one``, a bool field that must be true for the claim whose receiver is met.
    moving: str | None = claim_field("bool", optional=True)


def _same(a: FieldValue, b: FieldValue, graph: ClaimGraph) -> bool:
    if isinstance(a, Mention) and isinstance(b, Mention):
        return a.id == b.id or graph.contains(a.id, b.id) or graph.contains(b.id, a.id)
    return a == b


def _one_end_met(first: Claim, second: Claim, options: Options, graph: ClaimGraph) -> str | None:
    """The end one claim goes to and the other leaves from, or None."""
    giver, receiver, moving = options.giver, options.receiver, options.moving
    for going, leaving in ((first, second), (second, first)):
        goes_to, leaves_from = going.get(receiver), leaving.get(giver)
        if goes_to is None or leaves_from is None or not _same(goes_to, leaves_from, graph):
            continue
        if moving is not None and going.get(moving) is not True:
            continue
        if moving is not None and leaving.get(receiver) is not None and leaving.get(moving) is not True:
            continue
        starts = going.get(giver), leaving.get(giver)
        if None not in starts and _same(*starts, graph):
            continue
        return goes_to.text if isinstance(goes_to, Mention) else str(goes_to)
    return None


def _both_ends_swapped(first: Claim, second: Claim, options: Options) -> bool:
    giver, receiver = options.giver, options.receiver
    if first.get(giver) is None or first.get(receiver) is None:
        return False
    return (first.get(giver), first.get(receiver)) == (second.get(receiver), second.get(giver))


def check(
    claims: tuple[Claim, ...], field: str | None, options: Options, context: CheckContext
) -> Conflict | None:
    first, second = claims
    values: dict[str, str] = {}
    if options.ends == "one":
        end = _one_end_met(first, second, options, context.graph)
        if end is None:
            return None
        values["end"] = end
    elif not _both_ends_swapped(first, second, options):
        return None
    if options.things is None:
        return Conflict((first.span, second.span), values)
    things_a, things_b = first.get(options.things), second.get(options.things)
    if not isinstance(things_a, tuple) or not isinstance(things_b, tuple):
        return None
    shared = sorted(set(things_a) & set(things_b))
    if len(shared) < options.min_shared:
        return None
    return Conflict((first.span, second.span), {**values, "shared": ", ".join(shared)})
