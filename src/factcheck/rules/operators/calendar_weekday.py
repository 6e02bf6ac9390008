"""A weekday that is not the weekday of the date it is given with.

"Wednesday, October 5, 2023": 5 October 2023 was a Thursday. The date must carry
its year (given, or inferred by the extractor from the same article); a date
without one is never checked, since its weekday changes from year to year.

``field`` names the ISO date (YYYY-MM-DD); option ``weekday`` the field with the
weekday's English name; option ``source`` (optional) a mention field quoted as a
further side, e.g. where the year was read.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from factcheck.claims.model import Claim
from factcheck.nlp.entities import Mention
from factcheck.rules.operators._contract import Arity, CheckContext, Conflict, claim_field

NAME = "calendar_weekday"
ARITY: Arity = "single"
FIELD_TYPES = ("text",)
TEMPLATE_VALUES = ("actual",)
READS_FINDINGS = False
signature = None
pair_keys = None
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True, slots=True)
class Options:
    #: The field with the weekday's English name.
    weekday: str = claim_field("text")
    #: A mention quoted as a further side, e.g. where the year was read.
    source: str | None = claim_field("mention", optional=True)


def check(
    claims: tuple[Claim, ...], field: str | None, options: Options, context: CheckContext
) -> Conflict | None:
    (claim,) = claims
    iso, weekday = claim.get(field or ""), claim.get(options.weekday)
    if not isinstance(iso, str) or not isinstance(weekday, str):
        return None
    try:
        actual = _WEEKDAYS[datetime.date.fromisoformat(iso).weekday()]
    except ValueError:
        return None
    if actual.casefold() == weekday.casefold():
        return None
    sides: tuple[Mention, ...] = (claim.span,)
    source = claim.get(options.source) if options.source else None
    if isinstance(source, Mention) and source != claim.span:
        sides = (claim.span, source)
    return Conflict(sides, {"actual": actual})
