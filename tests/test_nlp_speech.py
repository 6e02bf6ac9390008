"""Quotations read mark by mark: which words of an article are someone's quoted words."""

from __future__ import annotations

import pytest

from factcheck.nlp.speech import _read_quotations, in_quotation
from factcheck.pipeline import Checker


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in _read_quotations(text)]


def test_a_quotation_between_its_marks() -> None:
    assert quoted('"We will appeal," Reyes said on Monday.') == ["We will appeal,"]


def test_a_quotation_runs_over_several_sentences() -> None:
    text = 'Reyes said: "We lost today. We will appeal on Monday." Then she left.'
    assert quoted(text) == ["We lost today. We will appeal on Monday."]


def test_a_quoted_sentence_opened_anew_continues_the_speaker() -> None:
    text = 'Reyes said: "We lost today. "We will appeal on Monday.'
    assert quoted(text) == ["We lost today.", "We will appeal on Monday."]


def test_curly_marks_and_a_mark_of_inches() -> None:
    text = "The 6'2\" forward said \u201cwe were unlucky\u201d and walked off."
    assert quoted(text) == ["we were unlucky"]


def test_an_unclosed_quotation_ends_with_its_paragraph() -> None:
    text = 'Reyes said: "We lost today.\n\nThe club did not comment.'
    assert quoted(text) == ["We lost today."]


@pytest.mark.parametrize(
    ("text", "word", "inside"),
    [
        ('Reyes said: "We lost today. We will appeal." The club left.', "appeal", True),
        ('Reyes said: "We lost today. We will appeal." The club left.', "club", False),
        ('"We did not cancel any flights," the airline said.', "cancel", True),
        ("The airline did not cancel any flights.", "cancel", False),
    ],
)
def test_in_quotation(checker: Checker, text: str, word: str, inside: bool) -> None:
    doc = checker.pipeline.nlp(text)
    (token,) = [t for t in doc if t.lower_ == word]
    assert in_quotation(token) is inside


def test_a_reported_speaker_is_told_apart_from_a_source(checker: Checker) -> None:
    from factcheck.nlp.speech import according_to, attribution, reported_speaker

    doc = checker.pipeline.nlp("The mayor said the line will reopen, according to the transit authority.")
    reopen = next(t for t in doc if t.lower_ == "reopen")
    assert reported_speaker(reopen) == "The mayor"
    assert according_to(reopen) == "the transit authority"
    assert attribution(reopen) == "The mayor"
