"""Outcomes: who won and who lost which contest, read from the event layer's frames."""

from __future__ import annotations

import pytest

from helpers import ClaimsOf, view

INTRO = "Marco Rivera and Ana Solis met in the runoff for mayor on Sunday. "
FIELDS = ("participant", "outcome", "event_label", "asserted", "quoted")


def _outcomes(claims_of, text: str, participant: str):  # type: ignore[no-untyped-def]
    return [c for c in claims_of(INTRO + text, "outcome") if c.get("participant") == participant]


@pytest.mark.parametrize(
    "text",
    [
        "Rivera won the runoff with 54 percent.",
        "Rivera's victory in the runoff surprised pollsters.",
        "Rivera beat Solis in the runoff.",
        "Solis was defeated by Rivera in the runoff.",
        "Rivera, who won the runoff, thanked voters.",
        "Rivera wins runoff",
    ],
)
def test_a_win_in_every_wording(claims_of: ClaimsOf, text: str) -> None:
    (claim,) = _outcomes(claims_of, text, "name:marco rivera")
    assert view(claim, *FIELDS) == {
        "participant": "name:marco rivera",
        "outcome": "won",
        "event_label": "runoff#",
        "asserted": True,
        "quoted": False,
    }


@pytest.mark.parametrize(
    "text",
    [
        "Rivera's defeat in the runoff surprised pollsters.",
        "Rivera lost the runoff by a wide margin.",
        "Rivera was beaten by Solis in the runoff.",
        "Solis beat Rivera in the runoff.",
        "Solis won the runoff, defeating the incumbent, Marco Rivera.",
        "The defeat of Rivera in the runoff surprised pollsters.",
    ],
)
def test_a_defeat_in_every_wording(claims_of: ClaimsOf, text: str) -> None:
    (claim,) = _outcomes(claims_of, text, "name:marco rivera")
    assert view(claim, *FIELDS) == {
        "participant": "name:marco rivera",
        "outcome": "lost",
        "event_label": "runoff#",
        "asserted": True,
        "quoted": False,
    }


def test_a_name_in_apposition_is_the_loser_and_is_quoted(claims_of: ClaimsOf) -> None:
    (claim,) = _outcomes(
        claims_of, "Solis won the runoff, defeating the incumbent, Marco Rivera.", "name:marco rivera"
    )
    assert claim.span.text == "defeating the incumbent, Marco Rivera"
    assert view(claim, "participant_label", "opponent") == {
        "participant_label": "Marco Rivera#",
        "opponent": "name:ana solis",
    }


def test_an_earlier_round_is_another_event(claims_of: ClaimsOf) -> None:
    text = "Solis won the first round two weeks earlier. Rivera beat Solis in the runoff."
    events = {c.get("event") for c in _outcomes(claims_of, text, "name:ana solis")}
    assert len(events) == 2


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ('"Rivera won the runoff," her aide said.', "quoted", True),
        ("Rivera did not win the runoff.", "asserted", False),
        ("Rivera feared losing the runoff.", "asserted", False),
        ("Rivera will win the runoff, her aides predict.", "asserted", False),
        ("If Rivera wins the runoff, the coalition ends.", "asserted", False),
    ],
)
def test_quoted_denied_feared_and_supposed_outcomes_are_not_asserted(  # type: ignore[no-untyped-def]
    claims_of, text: str, field: str, value: bool
) -> None:
    claims = _outcomes(claims_of, text, "name:marco rivera")
    assert claims and all(c.get(field) is value for c in claims)


def test_a_reported_claim_is_attributed_but_a_count_by_its_source_is_not(claims_of: ClaimsOf) -> None:
    (reported,) = _outcomes(claims_of, "Her campaign said Rivera won the runoff.", "name:marco rivera")
    assert reported.attributed_to == "Her campaign"
    (counted,) = _outcomes(
        claims_of, "Rivera won the runoff, according to preliminary results.", "name:marco rivera"
    )
    assert counted.attributed_to is None
