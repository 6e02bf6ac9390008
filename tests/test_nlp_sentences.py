"""The sentence of a token, read once per Doc, agrees with spaCy's own."""

from __future__ import annotations

from factcheck.nlp.sentences import sentence_of
from factcheck.pipeline import Checker


def test_every_token_s_sentence_is_spacy_s(checker: Checker) -> None:
    doc = checker.pipeline.nlp(
        "Tariff talks resume\n\nKim left Oslo on Monday. Lee stayed, and the talks went on."
    )
    assert [sentence_of(t) for t in doc] == [t.sent for t in doc]
    assert sentence_of(doc[-2]).text == "Lee stayed, and the talks went on."
