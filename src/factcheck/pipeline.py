"""The stages in their fixed order, for one article or a stream of them.

    input -> Document -> spaCy Doc -> Claims -> ClaimGraph -> Findings

The library returns data; printing and exit codes belong to the CLI.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from factcheck.claims import Claim, ExtractionContext, extract_claims
from factcheck.document import Document
from factcheck.entities import build_entity_index
from factcheck.events import build_event_layer
from factcheck.findings import Finding, with_fingerprints
from factcheck.gazetteer import Gazetteer
from factcheck.graph import ClaimGraph, build_graph
from factcheck.inputs import InputFailure
from factcheck.nlp import Pipeline, load_pipeline
from factcheck.rules import Rule, evaluate
from factcheck.suppressions import BUILTIN_RULES, apply_suppressions

#: Rules implemented in Python (not evaluated from YAML), e.g. SUP001 unused-suppression.
_BUILTIN_IDS = frozenset(rule.id for rule in BUILTIN_RULES)

#: spaCy refuses longer texts by default; our input limit keeps documents below this.
MAX_CHARACTERS = 2_000_000


@dataclass(frozen=True, slots=True)
class Analysis:
    document: Document
    doc: Doc
    claims: list[Claim]
    graph: ClaimGraph


@dataclass(frozen=True, slots=True)
class DocumentResult:
    path: str
    doc_id: str | None
    error: str | None
    findings: tuple[Finding, ...]
    analysis: Analysis | None = None


class Checker:
    """Runs rules over documents; the spaCy pipeline is loaded once, on first use."""

    def __init__(self, rules: Sequence[Rule], gazetteer: Gazetteer) -> None:
        self.rules = list(rules)
        self.gazetteer = gazetteer
        self._pipeline: Pipeline | None = None

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = load_pipeline(self.gazetteer)
            self._pipeline.nlp.max_length = MAX_CHARACTERS
        return self._pipeline

    def analyse_doc(self, document: Document, doc: Doc) -> Analysis:
        entities = build_entity_index(doc, self.gazetteer)
        events, parties = build_event_layer(doc, entities)
        claims = extract_claims(ExtractionContext(document, doc, entities, events, parties))
        return Analysis(document, doc, claims, build_graph(document, entities, claims))

    def findings(self, analysis: Analysis) -> tuple[Finding, ...]:
        found: list[Finding] = []
        for rule in self.rules:
            if rule.id not in _BUILTIN_IDS:
                found.extend(evaluate(rule, analysis.graph, analysis.document))
        # Suppression comments in the source mark findings and report unused comments (SUP001).
        found = apply_suppressions(found, analysis.document, self.rules)
        return tuple(with_fingerprints(found))

    def analyse(self, document: Document) -> Analysis:
        doc = self.pipeline.nlp(document.text)
        return self.analyse_doc(document, doc)

    def check(
        self,
        items: Iterable[Document | InputFailure],
        keep_analysis: bool = False,
        processes: int = 1,
    ) -> Iterator[DocumentResult]:
        """Results in input order, streamed as documents finish; failures pass through.

        With ``processes`` > 1 spaCy parses in worker processes (the parse is most of
        the time); claims, graph and rules run here, so results are the same.
        """
        stream = ((item.text if isinstance(item, Document) else "", item) for item in items)
        parsed = self.pipeline.nlp.pipe(stream, as_tuples=True, batch_size=16, n_process=max(1, processes))
        for doc, item in parsed:
            if isinstance(item, InputFailure):
                yield DocumentResult(item.path, item.doc_id, item.error, ())
                continue
            analysis = self.analyse_doc(item, doc)
            yield DocumentResult(
                item.path,
                item.doc_id,
                None,
                self.findings(analysis),
                analysis if keep_analysis else None,
            )
