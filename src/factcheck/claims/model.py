"""The Claims stage: typed claims extracted from one parsed article.

A claim kind declares its fields and their types; extractors produce claims of
their kinds; rules select claims by kind and read their fields by name. Every
claim carries the span it was read from (analysis offsets) and its sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

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


# Keyword-only: a claim has many fields of one type, and a swapped pair must not pass.
@dataclass(frozen=True, slots=True, kw_only=True)
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
class Rewrite:
    """A rewrite read after its source as one text (``factcheck compare``): where it starts.

    ``memo`` keeps what an extractor worked out from the source alone, for the
    next pair with the same source (one article, many summaries); it is the
    extractor's to fill and to check against the text.
    """

    start: int
    memo: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ExtractionContext:
    document: Document
    doc: Doc
    entities: EntityIndex
    #: Every event frame of the article, and which ones mention the same event.
    events: EventLayer
    parties: PartyIndex
    #: Set when the text is a source and its rewrite, read as one; None for an article.
    rewrite: Rewrite | None = None


class ExtractorModule(Protocol):
    """What a module in the extractor registry is (mypy checks each one against it).

    ``KINDS`` are the claim kinds it produces; ``extract`` reads them from one article.
    """

    @property
    def KINDS(self) -> tuple[ClaimKind, ...]: ...

    def extract(self, context: ExtractionContext) -> Iterable[Claim]: ...
