"""The same one-way action told with doer and done-to swapped.

"Putin hosted Kim at the cosmodrome" / "Kim hosted Putin": hosting goes one way
for one meeting. Only verbs listed in the rule's ``verbs`` option are compared,
because many actions are mutual in news copy ("Russia accused Ukraine ...
Ukraine accused Russia" is two accusations, not a contradiction). Two stated
times that differ (a home and an away match) are two occasions.

Options: ``subject`` and ``object`` name the party fields, ``verb`` the verb
field, ``time`` the time field, ``verbs`` the one-way verbs (lemmas).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from factcheck.claims.graph import ClaimGraph
from factcheck.claims.model import Claim
from factcheck.rules.operators import Conflict

NAME = "swapped_roles"
ARITY = "pair"
FIELD_TYPES = ()
OPTIONS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["subject", "object", "verb", "verbs"],
    "properties": {
        "subject": {"type": "string"},
        "object": {"type": "string"},
        "verb": {"type": "string"},
        "time": {"type": "string"},
        "verbs": {"type": "array", "items": {"type": "string", "pattern": "^[a-z]+$"}, "minItems": 1},
    },
}
TEMPLATE_VALUES = ()


def check(
    claims: tuple[Claim, ...], field: str | None, options: Mapping[str, Any], graph: ClaimGraph
) -> Conflict | None:
    first, second = claims
    verb = first.get(options["verb"])
    if verb != second.get(options["verb"]) or verb not in options["verbs"]:
        return None
    subject, done_to = _party(first.get(options["subject"])), _party(first.get(options["object"]))
    if subject is None or done_to is None or subject == done_to:
        return None
    swapped = (_party(second.get(options["subject"])), _party(second.get(options["object"])))
    if swapped != (done_to, subject):
        return None
    time_field = options.get("time")
    if time_field:
        times = first.get(time_field), second.get(time_field)
        if None not in times and times[0] != times[1]:
            return None
        # "in 2019" on one side only: an earlier occasion may be meant.
        if first.get("vague_time") != second.get("vague_time"):
            return None
    return Conflict((first.span, second.span))


def _party(value: object) -> str | None:
    """ "person:alstom", "name:alstom" and "place:text:alstom" are one party: the model
    may label one name differently from sentence to sentence."""
    if not isinstance(value, str) or not value:
        return None
    return value.rsplit(":", 1)[-1]
