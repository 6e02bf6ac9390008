"""Two claims of one group whose value of one field, known on both sides, differs.

"Rivera won the runoff" / "Rivera's defeat in the runoff": one participant of one
event (the rule's group_by), two outcomes (``field``). A value unknown on either
side never conflicts.

Option ``apart`` lists fields that keep two claims apart when both sides know them
and they differ: "X beat Y" and "X's defeat to Z" name two opponents, so they are
two contests, whatever else they share.

Option ``one_if_a_word_is_shared``: two text values that share a word are one thing
named two ways, not two values ("Nurse Alma Quiroga" and "Quiroga", two winners
of one runoff only when no word is shared).
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.claims.model import Claim
from factcheck.nlp.entities import Mention
from factcheck.rules.operators._contract import Arity, CheckContext, Conflict, FindingsRead, claim_field

NAME = "different_values"
ARITY: Arity = "pair"
FIELD_TYPES = ("text",)
TEMPLATE_VALUES = ()
READS_FINDINGS: FindingsRead = "none"
# Every field a claim has is its signature; any two claims of a group may differ.
signature = None
pair_keys = None


@dataclass(frozen=True, slots=True)
class Options:
    #: Fields that keep two claims apart when both sides know them and they differ.
    apart: tuple[str, ...] | None = claim_field(optional=True)
    #: Text values that share a word are one thing named two ways.
    one_if_a_word_is_shared: bool = False


def _words(value: object) -> set[str]:
    """The words of a key such as "name:alma quiroga"."""
    return set(value.partition(":")[2].split()) if isinstance(value, str) else set()


def _plain(value: object) -> object:
    return value.id or value.text if isinstance(value, Mention) else value


def check(
    claims: tuple[Claim, ...], field: str | None, options: Options, context: CheckContext
) -> Conflict | None:
    first, second = claims
    a, b = first.get(field or ""), second.get(field or "")
    if a is None or b is None or _plain(a) == _plain(b):
        return None
    if options.one_if_a_word_is_shared and _words(_plain(a)) & _words(_plain(b)):
        return None
    for name in options.apart or ():
        one, other = _plain(first.get(name)), _plain(second.get(name))
        if one is not None and other is not None and one != other:
            return None
    return Conflict((first.span, second.span))
