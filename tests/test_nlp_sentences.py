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


def test_a_closing_quotation_mark_ends_the_sentence_it_closes(checker: Checker) -> None:
    # Left to itself the parser may start a sentence at the closing mark, which puts
    # the words before it a sentence further from what follows.
    for text in (
        'Lee spoke first.\n\n"We will sign. It is time."\n\nAfter the talks he left.',
        "Lee spoke first.\n\n“We will sign. It is time.”\n\nAfter the talks he left.",
        'Lee spoke first. "We will sign," Lee said. "It is time!"\n\nHe left.',
    ):
        doc = checker.pipeline.nlp(text)
        texts = [s.text.strip() for s in doc.sents]
        assert all(t not in {'"', "”"} for t in texts), texts
        assert any(t.endswith(('time."', "time.”", 'time!"')) for t in texts), texts
