"""The stages in their fixed order, for one article or a stream of them.

    input -> Document -> spaCy Doc -> Claims -> ClaimGraph -> Findings

A rewrite compared with its source runs the same stages over the two texts
joined as one (``reading.joined``).

The library returns data; printing and exit codes belong to the CLI.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from spacy.tokens import Doc

from factcheck.claims.extractors import extract_claims
from factcheck.claims.graph import Analysis, build_graph
from factcheck.claims.model import ExtractionContext, Rewrite
from factcheck.events import build_event_layer
from factcheck.nlp.entities import build_entity_index
from factcheck.nlp.gazetteer import Gazetteer
from factcheck.nlp.pipeline import Pipeline, load_pipeline
from factcheck.reading.document import Document
from factcheck.reading.inputs import InputFailure
from factcheck.reading.joined import SEPARATOR, JoinedPair
from factcheck.report.model import DocumentResult
from factcheck.rules.evaluation import run_rules
from factcheck.rules.findings import Finding
from factcheck.rules.loading import Rule

#: spaCy refuses longer texts by default; our input limit keeps documents below this.
MAX_CHARACTERS = 2_000_000


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

    def analyse_doc(self, document: Document, doc: Doc, rewrite: Rewrite | None = None) -> Analysis:
        """``rewrite``: set when the text is a source and its rewrite read as one (see ``analyse_pair``)."""
        entities = build_entity_index(doc, self.gazetteer)
        # A rewrite opens a story of its own: its first mentions may still be the source's events.
        starts = (0,) if rewrite is None else (0, rewrite.start)
        events, parties = build_event_layer(doc, entities, starts=starts)
        context = ExtractionContext(document, doc, entities, events, parties, rewrite)
        claims = extract_claims(context)
        return Analysis(document, doc, claims, build_graph(document, entities, claims))

    def findings(self, analysis: Analysis) -> tuple[Finding, ...]:
        return run_rules(self.rules, analysis.graph, analysis.document)

    def analyse(self, document: Document) -> Analysis:
        doc = self.pipeline.nlp(document.text)
        return self.analyse_doc(document, doc)

    def analyse_pair(self, pair: JoinedPair) -> Analysis:
        """A source and its rewrite as one analysis, each text parsed on its own."""
        nlp = self.pipeline.nlp
        return self.analyse_parsed_pair(pair, nlp(pair.source.text + SEPARATOR), nlp(pair.derived.text))

    def analyse_parsed_pair(
        self, pair: JoinedPair, source_doc: Doc, derived_doc: Doc, memo: dict[str, object] | None = None
    ) -> Analysis:
        """``source_doc`` parses the source text and SEPARATOR, so one parse serves all its rewrites.

        ``memo`` (see ``Rewrite``) is kept by the caller across pairs of one source.
        """
        doc = Doc.from_docs([source_doc, derived_doc], ensure_whitespace=False)
        rewrite = Rewrite(pair.derived_start) if memo is None else Rewrite(pair.derived_start, memo)
        return self.analyse_doc(pair.document, doc, rewrite)

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
