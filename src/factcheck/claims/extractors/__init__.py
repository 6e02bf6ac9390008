"""Claim extractors, one module per family of claim kinds, listed in the registry below.

Each module meets ``ExtractorModule`` (``KINDS``, the ClaimKinds it produces, and
``extract(context) -> Iterable[Claim]``); mypy checks every entry against it.
"""

from __future__ import annotations

from functools import cache

from factcheck.claims.extractors import (
    ages,
    dates,
    encoding,
    events,
    names,
    ordinals,
    outcomes,
    polarity,
    presence,
    quantities,
    quotes,
    roles,
    scores,
    story_roles,
    suppressions,
    transfer,
    travel,
)
from factcheck.claims.model import Claim, ClaimKind, ExtractionContext, ExtractorModule

#: Every extractor, run in this order (claims are then sorted by position).
EXTRACTORS: tuple[ExtractorModule, ...] = (
    ages,
    dates,
    encoding,
    events,
    names,
    ordinals,
    outcomes,
    polarity,
    presence,
    quantities,
    quotes,
    roles,
    scores,
    story_roles,
    suppressions,
    transfer,
    travel,
)


@cache
def claim_kinds() -> dict[str, ClaimKind]:
    return {kind.name: kind for module in EXTRACTORS for kind in module.KINDS}


def extract_claims(context: ExtractionContext) -> list[Claim]:
    claims: list[Claim] = []
    for module in EXTRACTORS:
        claims.extend(module.extract(context))
    claims.sort(key=lambda c: (c.span.start, c.span.end, c.kind))
    return claims
