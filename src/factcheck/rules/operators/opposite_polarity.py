"""The same action asserted and denied: "the court did not hear the appeal" / "after
hearing the appeal on Monday, the court ...".

The rule's group_by decides what "the same action" is (doer, verb, thing done to).
``field`` names the time: two times that are both given and differ ("did not hear
it on Friday" / "heard it on Monday") are two occasions and never conflict; a
time given on one side only does not prevent a conflict.
"""

from __future__ import annotations

from factcheck.claims.model import Claim
from factcheck.rules.operators._contract import Arity, CheckContext, Conflict, FindingsRead, NoOptions

NAME = "opposite_polarity"
ARITY: Arity = "pair"
FIELD_TYPES = ("text",)
TEMPLATE_VALUES = ()
READS_FINDINGS: FindingsRead = "none"


Options = NoOptions


def check(
    claims: tuple[Claim, ...], field: str | None, options: Options, context: CheckContext
) -> Conflict | None:
    first, second = claims
    if first.polarity == second.polarity:
        return None
    time_a, time_b = first.get(field or ""), second.get(field or "")
    if time_a is not None and time_b is not None and time_a != time_b:
        return None
    return Conflict((first.span, second.span))
