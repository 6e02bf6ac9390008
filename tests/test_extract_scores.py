"""Scores of matches: every wording of one match's score, and scores of other things."""

from __future__ import annotations

import pytest

from helpers import ClaimsOf, RuleIds, numbered, view

HEADLINE = "Norway reach Nordic Cup final\n\n"
LEDE = "OSLO — Norway beat Chile in Oslo on Thursday to reach the final.\n\n"

FIRST_SIDES = [
    ("Late goal gives Norway 2-1 win over Chile\n\n" + LEDE, "2-1 win"),
    (HEADLINE + "OSLO — Norway beat Chile 2-1 in Oslo on Thursday to reach the final.\n\n", "beat Chile 2-1"),
    (HEADLINE + "OSLO — Chile lost 1-2 to Norway in Oslo on Thursday.\n\n", "lost 1-2"),
    (
        HEADLINE + "OSLO — Norway's 2-1 victory over Chile in Oslo on Thursday took them through.\n\n",
        "2-1 victory",
    ),
    (HEADLINE + "OSLO — Norway won 2-1 against Chile in Oslo on Thursday.\n\n", "won 2-1"),
]
SECOND_SIDES = [
    ("Coach Lars Berg said the 3-1 win was the team's best.", "3-1 win"),
    ("The 3-1 victory was the team's best of the year.", "3-1 victory"),
    ("Fans celebrated the 3-1 win in the city centre.", "3-1 win"),
    ("The match ended 3-1 after a late penalty.", "match ended 3-1"),
    ("Norway's 3-1 win was their fourth in a row.", "3-1 win"),
]


def test_one_match_s_score_in_every_wording(claims_of: ClaimsOf) -> None:
    for first, first_quoted in FIRST_SIDES:
        for second, second_quoted in SECOND_SIDES:
            claims = claims_of(first + second, "match_score")
            assert [c.span.text for c in claims] == [first_quoted, second_quoted], (first, second)
            assert [view(c, "winner_goals", "loser_goals", "basis") for c in claims] == [
                {"winner_goals": 2.0, "loser_goals": 1.0, "basis": ""},
                {"winner_goals": 3.0, "loser_goals": 1.0, "basis": ""},
            ], (first, second)
            assert numbered(claims, "event") == [0, 0], (first, second)


def test_an_aggregate_and_a_shootout_are_counted_on_another_basis(claims_of: ClaimsOf) -> None:
    text = (
        HEADLINE + LEDE + "The result gave Norway a 3-2 win on aggregate. "
        "Peru drew 1-1 with Spain and won 4-3 on penalties."
    )
    claims = claims_of(text, "match_score")
    assert [view(c, "score", "basis") for c in claims] == [
        {"score": "3-2#", "basis": "aggregate"},
        {"score": "1-1#", "basis": ""},
        {"score": "4-3#", "basis": "penalty"},
    ]


@pytest.mark.parametrize(
    "text",
    [
        # Another match, against other sides, and a draw a week before.
        HEADLINE + LEDE + "Chile drew 1-1 with Peru last week. Spain beat Italy 3-0 on Friday.",
        # A ruling or a vote split is no match score.
        HEADLINE + LEDE + "The court upheld the ban in a 5-4 ruling. MPs backed it by a 52-48 vote.",
    ],
)
def test_scores_of_other_things_are_not_the_match_s(claims_of: ClaimsOf, text: str) -> None:
    reported = claims_of(text, "occasion_day")[0]
    assert reported.span.text == "beat Chile in Oslo on Thursday"
    claims = claims_of(text, "match_score")
    assert all(c.get("event") != reported.get("occasion") for c in claims)


def test_the_scores_of_sets_are_no_one_score(claims_of: ClaimsOf) -> None:
    text = "Berg through in Oslo\n\nOSLO — Berg beat Lind 6-3 3-6 6-2 on Monday. Moen won a 6-1 7-6 victory."
    assert claims_of(text, "match_score") == []


def test_an_earlier_month_s_score_is_another_match_s(claims_of: ClaimsOf) -> None:
    text = (
        HEADLINE + LEDE + "The result reversed the sides' meeting in May, when Chile beat Norway 3-1.\n\n"
        "Norway's 2-1 win was their first over Chile."
    )
    claims = claims_of(text, "match_score")
    assert [c.span.text for c in claims] == ["beat Norway 3-1", "2-1 win"]
    assert numbered(claims, "event") == [0, 1]


# -- a win told by its winner's noun, in a clause that plans what comes next -------------

WINNERS_NOUNS = [
    "Kenya's 3-1 win over Uganda sets up a final against Rwanda.",
    "Kenya's 3-1 victory over Uganda earned them a place in the final.",
    "Their 3-1 win over Uganda puts Kenya into the final against Rwanda.",
    "The 3-1 win over Uganda means Kenya will face Rwanda in the final.",
    "Kenya's 3-1 triumph over Uganda arranged a final with Rwanda.",
]


@pytest.mark.parametrize("second", WINNERS_NOUNS)
def test_a_win_named_by_its_winner_is_the_match_told_before(rule_ids: RuleIds, second: str) -> None:
    # The winner as possessor is a participant, not an owner of another occasion, and a
    # noun that is the doer of a planning verb is not itself planned.
    text = f"Kenya beat Uganda 2-1 in the semi-final on Saturday.\n\nThe crowd sang for hours.\n\n{second}"
    assert "SCR001" in rule_ids(text)


@pytest.mark.parametrize("second", WINNERS_NOUNS)
def test_a_win_over_another_side_is_another_match(rule_ids: RuleIds, second: str) -> None:
    text = (
        "Kenya beat Uganda 2-1 in the semi-final on Saturday.\n\nThe crowd sang for hours.\n\n"
        + second.replace("Uganda", "Ethiopia")
    )
    assert "SCR001" not in rule_ids(text)
