"""The Claims stage: typed claims extracted from one parsed article.

A claim kind declares its fields and their types; extractors produce claims of
their kinds; rules select claims by kind and read their fields by name. Every
claim carries the span it was read from (analysis offsets) and its sentence.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from types import ModuleType

from spacy.tokens import Doc

from factcheck.events import EventLayer, PartyIndex
from factcheck.nlp.entities import EntityIndex, Mention
from factcheck.reading.document import Document

#: Types a claim field may have; rules and templates are checked against them.
FIELD_TYPES = frozenset({"mention", "text", "bool", "number", "texts"})
FieldValue = Mention | str | bool | float | tuple[str, ...] | None


@dataclass(frozen=True, slots=True)
class ClaimKind:
    name: str
    description: str
    #: field name -> type name (one of FIELD_TYPES)
    fields: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class Claim:
    kind: str
    #: The words the claim was read from, e.g. "summit in South Korea".
    span: Mention
    sentence: tuple[int, int]
    values: Mapping[str, FieldValue] = field(default_factory=dict)
    #: Who the article attributes the claim to ("Putin stated that ..."), if anyone.
    attributed_to: str | None = None
    polarity: str = "positive"

    @property
    def claim_id(self) -> str:
        return f"{self.kind}@{self.span.start}-{self.span.end}"

    def get(self, name: str) -> FieldValue:
        if name == "attributed":
            return self.attributed_to is not None
        if name == "polarity":
            return self.polarity
        return self.values.get(name)

    def mentions(self) -> list[tuple[str, Mention]]:
        return [(k, v) for k, v in sorted(self.values.items()) if isinstance(v, Mention)]


COMMON_FIELDS: Mapping[str, str] = {"attributed": "bool", "polarity": "text"}


@dataclass(frozen=True, slots=True)
class ExtractionContext:
    document: Document
    doc: Doc
    entities: EntityIndex
    #: Every event frame of the article, and which ones mention the same event.
    events: EventLayer
    parties: PartyIndex


Extractor = Callable[[ExtractionContext], Iterable[Claim]]


@dataclass(frozen=True, slots=True)
class ExtractorModule:
    name: str
    kinds: tuple[ClaimKind, ...]
    extract: Extractor


def _load(module: ModuleType) -> ExtractorModule:
    return ExtractorModule(module.__name__.rsplit(".", 1)[-1], tuple(module.KINDS), module.extract)


@cache
def extractor_modules() -> tuple[ExtractorModule, ...]:
    """Every module in ``factcheck.claims.extractors``, found by file, in name order."""
    import factcheck.claims.extractors as package

    names = sorted(i.name for i in pkgutil.iter_modules(package.__path__) if not i.name.startswith("_"))
    return tuple(_load(importlib.import_module(f"{package.__name__}.{name}")) for name in names)


@cache
def claim_kinds() -> dict[str, ClaimKind]:
    return {kind.name: kind for module in extractor_modules() for kind in module.kinds}


def extract_claims(context: ExtractionContext) -> list[Claim]:
    claims: list[Claim] = []
    for module in extractor_modules():
        claims.extend(module.extract(context))
    claims.sort(key=lambda c: (c.span.start, c.span.end, c.kind))
    return claims
