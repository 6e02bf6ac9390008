"""Quotations: which words are quoted, who the article says spoke them, and which are one quote."""

from __future__ import annotations

import pytest

from helpers import ClaimsOf, view

INTRO = "Transport minister Luis Ortega and mayor Carmen Vidal spoke in Quito on Monday.\n\n"
PLEDGE = "we will not raise fares this year"


def _quotes(claims_of, text: str):  # type: ignore[no-untyped-def]
    return claims_of(INTRO + text, "quote")


@pytest.mark.parametrize(
    "text",
    [
        '"We will not raise fares this year," Ortega said.',
        '"We will not raise fares this year," said Luis Ortega.',
        'Ortega said: "We will not raise fares this year."',
        'Ortega told reporters: "We will not raise fares this year, whatever happens."',
        '"We will not raise fares this year," Ortega told reporters in Quito.',
        'Ortega said: "Fares stay where they are. "We will not raise fares this year."',
    ],
)
def test_a_speaker_in_every_wording(claims_of: ClaimsOf, text: str) -> None:
    found = [c for c in _quotes(claims_of, text) if PLEDGE in str(c.get("words").text).lower()]
    (claim,) = found
    assert view(claim, "speaker", "echoed") == {"speaker": "luis ortega", "echoed": False}


def test_one_quote_in_two_places_shares_a_group(claims_of: ClaimsOf) -> None:
    text = (
        'Ortega said: "We will not raise fares this year, whatever the unions say."\n\n'
        '"We will not raise fares this year," Vidal said on Tuesday.'
    )
    claims = _quotes(claims_of, text)
    assert [view(c, "quote", "speaker") for c in claims] == [
        {"quote": "quote#0", "speaker": "luis ortega"},
        {"quote": "quote#0", "speaker": "carmen vidal"},
    ]
    assert claims[1].span.text == 'We will not raise fares this year," Vidal said'


def test_short_quotations_are_phrases_not_quotes(claims_of: ClaimsOf) -> None:
    text = 'Ortega called the strike "a step backwards". Vidal called it "a step backwards" too.'
    assert _quotes(claims_of, text) == []


@pytest.mark.parametrize(
    "text",
    [
        'Vidal repeated the minister\'s words: "We will not raise fares this year."',
        'Vidal echoed Ortega: "We will not raise fares this year."',
        'Vidal said she agreed with Ortega that "we will not raise fares this year".',
    ],
)
def test_a_quotation_repeated_on_purpose_is_an_echo(claims_of: ClaimsOf, text: str) -> None:
    first = '"We will not raise fares this year," Ortega said.\n\n'
    claims = _quotes(claims_of, first + text)
    assert [c.get("echoed") for c in claims] == [False, True]


@pytest.mark.parametrize("speaker", ["a spokesman", "he"])
def test_an_unnamed_speaker_is_none(claims_of: ClaimsOf, speaker: str) -> None:
    (claim,) = _quotes(claims_of, f'"We will not raise fares this year," {speaker} said.')
    assert claim.get("speaker") is None
