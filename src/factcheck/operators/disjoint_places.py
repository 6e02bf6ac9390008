"""Two claims about the same thing put it in places that cannot both be right.

"a summit in South Korea" / "the meeting in Russia's Far East": neither place contains
the other and they lie in different countries. "talks in Geneva" / "the meeting in
Switzerland" do not conflict: Switzerland contains Geneva.

Option ``level``: ``country`` (default) reports only places whose countries are
known and differ, so two unknown places never conflict; ``known`` also reports two
known places in one country that do not contain each other (Paris / Lyon).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from factcheck.claims import Claim
from factcheck.entities import Mention
from factcheck.graph import ClaimGraph
from factcheck.operators import Conflict

NAME = "disjoint_places"
ARITY = "pair"
FIELD_TYPES = ("mention",)
OPTIONS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {"level": {"enum": ["country", "known"]}},
}
TEMPLATE_VALUES = ()


def check(
    claims: tuple[Claim, ...], field: str | None, options: Mapping[str, Any], graph: ClaimGraph
) -> Conflict | None:
    first, second = claims
    a, b = first.get(field or ""), second.get(field or "")
    if not isinstance(a, Mention) or not isinstance(b, Mention) or a.id == b.id:
        return None
    if graph.contains(a.id, b.id) or graph.contains(b.id, a.id):
        return None
    countries_a, countries_b = graph.countries_of(a.id), graph.countries_of(b.id)
    if not countries_a or not countries_b:
        return None
    if countries_a & countries_b:
        known = options.get("level") == "known" and not (a.id.startswith("text:") or b.id.startswith("text:"))
        if not known:
            return None
    return Conflict((first.span, second.span))
