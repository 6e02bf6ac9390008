"""Fuzzing the whole check: articles built from the rule fixtures' sentences, cut up and wrapped
in markup, suppression comments and noise.

No exception escapes; every finding's evidence quotes the text as given at its
offsets, with line and column counted from it; a finding is suppressed exactly when
a comment covers it (SUP001 aside, which judges the comments themselves); and the
same input gives the same report bytes. The model is the session's (conftest), and
the texts are small, so each example costs one short parse.
"""

from __future__ import annotations

from hypothesis import event, given

from factcheck.api import to_json
from factcheck.pipeline import Checker
from factcheck.reading.document import Document
from factcheck.reading.inputs import InputError, InputFailure, document_from_text
from factcheck.report.model import Report
from factcheck.rules.suppressions import covers
from fuzzing import articles, assert_sound, budget, formats, line_and_column


def checked(checker: Checker, source: str, fmt: str) -> Report:
    item: Document | InputFailure
    try:
        item = document_from_text(source, "fuzz", fmt)
    except InputError as error:
        item = InputFailure("fuzz", str(error))
    return Report(tuple(checker.check([item])), "model")


@given(articles(), formats)
@budget(0.75)
def test_every_finding_quotes_the_source_at_its_offsets(checker: Checker, source: str, fmt: str) -> None:
    report = checked(checker, source, fmt)
    (result,) = report.documents
    event(f"findings: {min(len(result.findings), 3)}{'+' if len(result.findings) > 2 else ''}")
    if result.error is not None:
        return
    document = result.document
    assert document is not None
    assert_sound(document)
    for finding in result.findings:
        assert finding.evidence
        for side in finding.evidence:
            assert 0 <= side.start <= side.end <= len(source)
            assert side.text == source[side.start : side.end]
            assert (side.line, side.column) == line_and_column(source, side.start)
            assert (side.end_line, side.end_column) == line_and_column(source, side.end)
        if finding.rule_id != "SUP001":
            covering = [s for s in document.suppressions if covers(s, finding)]
            assert finding.suppressed == bool(covering)
    assert to_json(checked(checker, source, fmt)) == to_json(report)
