"""Two claims about the same thing put it in places that cannot both be right.

"a summit in South Korea" / "the meeting in Russia's Far East": neither place contains
the other and they lie in different countries. "talks in Geneva" / "the meeting in
Switzerland" do not conflict: Switzerland contains Geneva.

Option ``level``: ``country`` (default) reports only places whose countries are
known and differ, so two unknown places never conflict; ``known`` reports two
places of ONE country that the gazetteer knows as cities or facilities and that do
not contain each other (Paris / Lyon). Option ``later_bare``: the later mention
must be a plain back-reference ("the meeting in Lyon"), not one that describes its
event anew ("Sunday's international meeting in Lyon" may be another meeting).
Option ``agree_if_given``: fields the two claims must not give differently ("flew
to Lima on Sunday" / "landed in Bogotá on Sunday" conflict; "... on Tuesday" is
another day, and a claim that gives no day is compared).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from factcheck.claims.graph import ClaimGraph
from factcheck.claims.model import Claim
from factcheck.nlp.entities import Mention
from factcheck.rules.operators import Conflict

NAME = "disjoint_places"
ARITY = "pair"
FIELD_TYPES = ("mention",)
OPTIONS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "level": {"enum": ["country", "known"]},
        "later_bare": {"type": "boolean"},
        "agree_if_given": {"type": "array", "items": {"type": "string"}, "uniqueItems": True},
    },
}
TEMPLATE_VALUES = ()


def check(
    claims: tuple[Claim, ...], field: str | None, options: Mapping[str, Any], graph: ClaimGraph
) -> Conflict | None:
    first, second = claims
    a, b = first.get(field or ""), second.get(field or "")
    if not isinstance(a, Mention) or not isinstance(b, Mention) or a.id == b.id:
        return None
    for name in options.get("agree_if_given", ()):
        given = first.get(name), second.get(name)
        if None not in given and given[0] != given[1]:
            return None
    if graph.contains(a.id, b.id) or graph.contains(b.id, a.id):
        return None
    countries_a, countries_b = graph.countries_of(a.id), graph.countries_of(b.id)
    if not countries_a or not countries_b:
        return None
    same_country = bool(countries_a & countries_b)
    if options.get("level", "country") == "country":
        return None if same_country else Conflict((first.span, second.span))
    if not same_country or not (graph.is_point(a.id) and graph.is_point(b.id)):
        return None
    if options.get("later_bare") and second.get("bare") is not True:
        return None
    return Conflict((first.span, second.span))
