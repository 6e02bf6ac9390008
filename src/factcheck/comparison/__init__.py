"""Compare a rewrite (a summary, a cut-down story, a headline) with its source.

    DocumentPair -> joined Document (``reading.joined``) -> spaCy Doc (source parsed once)
                 -> Analysis: every claim kind over both texts, and the comparison's
                    unsupported and flipped statements (``claims.extractors.comparison``)
                 -> every rule, as in ``check`` (CMP001-CMP006 select the comparison's claims)
                 -> DocumentResult named by the rewrite, each side in its own text
                    (``rules.compared``)

The library returns data; the CLI prints it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from factcheck.pipeline import Checker
from factcheck.reading.joined import SEPARATOR, join
from factcheck.reading.pairs import DocumentPair, PairFailure
from factcheck.report.model import DocumentResult
from factcheck.rules.compared import compared_findings

__all__ = ["Comparer", "DocumentPair", "PairFailure"]


class Comparer:
    """Compares rewrites with their sources with the checker's rules and pipeline (loaded once)."""

    def __init__(self, checker: Checker) -> None:
        self.checker = checker
        #: What the comparison worked out from the last source, for the next pair with the same one.
        self._memo: dict[str, object] = {}

    def compare(
        self,
        items: Iterable[DocumentPair | PairFailure],
        keep_texts: bool = True,
        processes: int = 1,
    ) -> Iterator[DocumentResult]:
        """Results in input order, streamed as pairs finish; failures pass through.

        A source shared by consecutive pairs (one article, many summaries) is parsed once.
        """
        nlp = self.checker.pipeline.nlp
        pending: dict[int, DocumentPair | PairFailure] = {}

        def texts() -> Iterator[tuple[str, int]]:
            previous: str | None = None
            for number, item in enumerate(items):
                pending[number] = item
                if isinstance(item, PairFailure):
                    yield "", number
                    continue
                if item.source.text != previous:
                    previous = item.source.text
                    yield item.source.text + SEPARATOR, -1
                yield item.derived.text, number

        source_doc: Doc | None = None
        for doc, number in nlp.pipe(texts(), as_tuples=True, batch_size=16, n_process=max(1, processes)):
            if number < 0:
                source_doc = doc
                continue
            item = pending.pop(number)
            if isinstance(item, PairFailure):
                failure = item.failure
                yield DocumentResult(failure.path, failure.doc_id, failure.error, (), source=item.source)
                continue
            assert source_doc is not None
            yield self.compare_parsed(item, source_doc, doc, keep_texts)

    def compare_parsed(
        self, pair: DocumentPair, source_doc: Doc, derived_doc: Doc, keep_texts: bool = True
    ) -> DocumentResult:
        """One pair from its two parses; ``source_doc`` is the parse of the source text and SEPARATOR."""
        joined = join(pair.source, pair.derived)
        analysis = self.checker.analyse_parsed_pair(joined, source_doc, derived_doc, self._memo)
        findings = compared_findings(self.checker.findings(analysis), joined)
        texts = (pair.source, pair.derived) if keep_texts else None
        return DocumentResult(
            pair.derived.path, pair.derived.doc_id, None, findings, source=pair.source.path, texts=texts
        )
