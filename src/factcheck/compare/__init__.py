"""Compare a rewrite (a summary, a cut-down story, a headline) with its source.

    DocumentPair -> joined Document -> spaCy Doc (source parsed once) -> Analysis
                 -> contradictions across the texts (check's claim rules, ``conflicts``)
                 -> unsupported names, numbers and details (``support``)
                 -> flipped statements: negation, antonyms (``flips``)
                 -> DocumentResult named by the rewrite, each side in its own text

The library returns data; the CLI prints it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from spacy.tokens import Doc

from factcheck.claims.graph import Analysis
from factcheck.compare.alignment import SourceIndex, align_all, index_source
from factcheck.compare.conflicts import cross_findings
from factcheck.compare.flips import flipped_statements
from factcheck.compare.joined import SEPARATOR, JoinedPair, join
from factcheck.compare.lexical import lexicon
from factcheck.compare.support import unsupported_statements
from factcheck.pipeline import Checker
from factcheck.reading.document import DERIVED
from factcheck.reading.pairs import DocumentPair, PairFailure
from factcheck.report.model import DocumentResult
from factcheck.rules.comparison import COMPARED_PAIR
from factcheck.rules.findings import Finding, with_fingerprints
from factcheck.rules.loading import Rule
from factcheck.rules.suppressions import apply_suppressions

__all__ = ["Comparer", "DocumentPair", "PairFailure"]


class Comparer:
    """Compares rewrites with their sources with the checker's rules and pipeline (loaded once)."""

    def __init__(self, checker: Checker) -> None:
        self.checker = checker
        self.rules = {rule.id: rule for rule in checker.rules}
        #: The last source's index: consecutive pairs of one source share it.
        self._source_index: SourceIndex | None = None

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
        doc = Doc.from_docs([source_doc, derived_doc], ensure_whitespace=False)
        analysis = self.checker.analyse_doc(joined.document, doc, starts=(0, joined.derived_start))
        findings = self.findings(joined, analysis)
        texts = (pair.source, pair.derived) if keep_texts else None
        return DocumentResult(
            pair.derived.path, pair.derived.doc_id, None, findings, source=pair.source.path, texts=texts
        )

    def findings(self, joined: JoinedPair, analysis: Analysis) -> tuple[Finding, ...]:
        rules = list(self.rules.values())
        found = cross_findings(rules, analysis, joined)
        comparing = {rule.id: rule for rule in rules if rule.kind == COMPARED_PAIR}
        if comparing:
            index = index_source(analysis.doc, joined.derived_start, lexicon(), self._source_index)
            self._source_index = index
            alignments = align_all(analysis.doc, joined.derived_start, index)
            taken = [(e.start, e.end) for f in found for e in f.evidence if e.document == DERIVED]
            found += _outside(unsupported_statements(comparing, analysis, joined, index, alignments), taken)
            found += flipped_statements(comparing, joined, index, alignments, taken)
        found = _suppressed(found, joined, rules)
        ordered = sorted(with_fingerprints(found), key=_report_order)
        return tuple(ordered)


def _outside(findings: list[Finding], taken: Sequence[tuple[int, int]]) -> list[Finding]:
    """Findings whose words in the rewrite no contradiction already quotes: that says more."""
    return [
        f
        for f in findings
        if not any(start < e.end and e.start < end for e in f.evidence[:1] for start, end in taken)
    ]


def _report_order(finding: Finding) -> tuple[int, int, str, str]:
    """Where the rewrite is concerned: its first side in the rewrite."""
    first = next((e for e in finding.evidence if e.document == DERIVED), finding.evidence[0])
    return first.start, first.end, finding.rule_id, finding.message


def _suppressed(findings: Sequence[Finding], joined: JoinedPair, rules: Sequence[Rule]) -> list[Finding]:
    """The rewrite's suppression comments, applied to the sides that stand in it.

    The source's comments are about the source and reach nothing here.
    """
    derived_only = [
        replace(f, evidence=tuple(e for e in f.evidence if e.document == DERIVED)) for f in findings
    ]
    marked = apply_suppressions(derived_only, joined.derived, rules)
    # apply_suppressions keeps the findings in order, then adds its own (SUP001) findings.
    result = [
        replace(finding, suppressed=view.suppressed, suppression_reason=view.suppression_reason)
        for finding, view in zip(findings, marked, strict=False)
    ]
    extra = [
        replace(f, evidence=tuple(replace(e, document=DERIVED) for e in f.evidence))
        for f in marked[len(findings) :]
    ]
    return result + extra
