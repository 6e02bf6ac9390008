"""The same transfer, or the same journey, told with its two ends swapped.

"Putin commits to providing North Korea with space tech" / "Putin proposed that North
Korea provide technological support": Russia -> North Korea against North Korea ->
Russia, for one thing (tech). A reciprocal deal ("A sells grain to B while B sells
fertiliser to A") gives two things and does not conflict.

What makes two things one is read in one of two ways. With ``head``: the words they
are named by agree, the words that tell things of a kind apart do not differ
(``modifiers``, "slot:word" texts), and amounts in one unit agree (``unit``, ``low``,
``high``): "500 megawatts of hydroelectric power" is "the 500 megawatts", but not
"150 megawatts of wind power". With ``things``: their folded stems share at least
``min_shared``. With neither, things are not compared. ``time`` and ``dated`` name a
time field and a bool field (a year or relative time): two different times, or a
dated time on one side only, are two occasions.

"a bus travelling from Kathmandu to Pokhara" / "the bus had left Pokhara": a traveller
on its way to a place has not left it yet. A traveller who got there ("flew from Seoul
to Moscow" / "left Moscow after the talks") may well leave again, so that is no conflict.

Options: ``giver`` and ``receiver`` name the end fields (places compare by the
gazetteer: one inside the other is the same end). ``ends: one``: one claim's receiver
is the other's giver, and the other ends need not be given; then ``moving`` names a
field that must be true for the claim whose receiver is met (it is on its way there),
while the other claim is on its way too or only leaves (it gives no receiver).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Literal

from factcheck.claims.graph import ClaimGraph
from factcheck.claims.model import Claim, FieldValue
from factcheck.nlp.entities import Mention
from factcheck.rules.operators._contract import Arity, CheckContext, Conflict, claim_field, option

NAME = "reversed_direction"
ARITY: Arity = "pair"
FIELD_TYPES = ()
#: ``shared``: what both things are (their word, or the stems they share); ``end``: where
#: one goes and the other leaves from.
TEMPLATE_VALUES = ("shared", "end")
READS_FINDINGS = False


@dataclass(frozen=True, slots=True)
class Options:
    giver: str = claim_field("text", "mention")
    receiver: str = claim_field("text", "mention")
    #: The field of folded stems of what is given; none: things are not compared by stems.
    things: str | None = claim_field("texts", optional=True)
    min_shared: int = option(1, minimum=1)
    #: The word a thing is named by; with it, things are compared by word, qualifiers and amount.
    head: str | None = claim_field("text", optional=True)
    #: "slot:word" texts that tell things of one kind apart: "mod:wind", "in:mine".
    modifiers: str | None = claim_field("texts", optional=True)
    #: The unit of the thing's amount, and its bounds.
    unit: str | None = claim_field("text", optional=True)
    low: str | None = claim_field("number", optional=True)
    high: str | None = claim_field("number", optional=True)
    #: When it is given, and whether that is a year or a relative time.
    time: str | None = claim_field("text", optional=True)
    dated: str | None = claim_field("bool", optional=True)
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


def _get(claim: Claim, name: str | None) -> FieldValue:
    return claim.get(name) if name else None


def _number(value: FieldValue) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _amount(claim: Claim, options: Options) -> tuple[str, float, float | None] | None:
    unit, low = _get(claim, options.unit), _number(_get(claim, options.low))
    if not isinstance(unit, str) or low is None:
        return None
    return unit, low, _number(_get(claim, options.high))


def _amounts_agree(a: tuple[str, float, float | None], b: tuple[str, float, float | None]) -> bool:
    (_, low_a, high_a), (_, low_b, high_b) = a, b
    return not ((high_a is not None and high_a < low_b) or (high_b is not None and high_b < low_a))


def _modifiers_differ(a: FieldValue, b: FieldValue) -> bool:
    """Both name a kind in one slot and neither's words contain the other's: "wind" / "hydroelectric"."""
    if not isinstance(a, tuple) or not isinstance(b, tuple):
        return False
    slots: dict[str, tuple[set[str], set[str]]] = {}
    for index, items in enumerate((a, b)):
        for item in items:
            slot, _, word = item.partition(":")
            slots.setdefault(slot, (set(), set()))[index].add(word)
    return any(one and two and not (one <= two or two <= one) for one, two in slots.values())


def _same_thing(first: Claim, second: Claim, options: Options) -> str | None:
    """What two claims both give, by word, qualifiers and amount; None when they may give two things."""
    head_a, head_b = _get(first, options.head), _get(second, options.head)
    if head_a and head_b and head_a != head_b:
        return None
    if _modifiers_differ(_get(first, options.modifiers), _get(second, options.modifiers)):
        return None
    amount_a, amount_b = _amount(first, options), _amount(second, options)
    if amount_a is not None and amount_b is not None and amount_a[0] == amount_b[0]:
        if not _amounts_agree(amount_a, amount_b):
            return None
        if not (head_a and head_b):
            # "the 500 megawatts" is the 500 megawatts of power the other names.
            return str(head_a or head_b or amount_a[0])
    return str(head_a) if head_a and head_b else None


def _shared_stems(first: Claim, second: Claim, options: Options) -> str | None:
    things_a, things_b = _get(first, options.things), _get(second, options.things)
    if not isinstance(things_a, tuple) or not isinstance(things_b, tuple):
        return None
    shared = sorted(set(things_a) & set(things_b))
    return ", ".join(shared) if len(shared) >= options.min_shared else None


def _times_apart(first: Claim, second: Claim, options: Options) -> bool:
    times = _get(first, options.time), _get(second, options.time)
    if None not in times and times[0] != times[1]:
        return True
    return options.dated is not None and _get(first, options.dated) != _get(second, options.dated)


def _end(value: FieldValue, options: Options) -> Hashable:
    """What ``check`` reads of an end: with ``ends: one`` a place is compared by what it
    is (its id), else by the whole value."""
    if options.ends == "one" and isinstance(value, Mention):
        return "place", value.id
    return value


def signature(claim: Claim, field: str | None, options: Options) -> Hashable:
    """What ``check`` reads of one claim (its contract: ``_contract.py``)."""
    return (
        _end(claim.get(options.giver), options),
        _end(claim.get(options.receiver), options),
        _get(claim, options.moving),
        _get(claim, options.head),
        _get(claim, options.modifiers),
        _amount(claim, options),
        _get(claim, options.things),
        _get(claim, options.time),
        _get(claim, options.dated),
    )


def pair_keys(claim: Claim, field: str | None, options: Options) -> Iterable[Hashable]:
    """Keys two claims share when they can conflict (its contract: ``_contract.py``)."""
    if options.ends == "one":
        # One end met is judged through the gazetteer (a place inside another is
        # that end), which a key of one claim cannot see: every two may conflict.
        return (None,)
    giver, receiver = claim.get(options.giver), claim.get(options.receiver)
    if giver is None or receiver is None:
        return ()
    # The other telling has the same two ends the other way round.
    return (frozenset({giver, receiver}),)


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
    if _times_apart(first, second, options):
        return None
    if options.head is not None:
        shared = _same_thing(first, second, options)
    elif options.things is not None:
        shared = _shared_stems(first, second, options)
    else:
        return Conflict((first.span, second.span), values)
    if shared is None:
        return None
    return Conflict((first.span, second.span), {**values, "shared": shared})
