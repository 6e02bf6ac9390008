"""Ages of people: every wording of one person's age, and what is never read as it."""

from __future__ import annotations

import pytest

from helpers import ClaimsOf, view

LEDE = (
    "Kenyan wins Boston marathon\n\n"
    "BOSTON — Kenyan runner Grace Wanjiru won the Boston marathon on Monday.\n\n"
)

WORDINGS = [
    ("The 34-year-old had finished second twice before.", "The 34-year-old"),
    ("The 34-year-old nurse had finished second twice before.", "The 34-year-old"),
    ("Fans cheered 34-year-old Wanjiru at the finish.", "34-year-old Wanjiru"),
    ("Wanjiru, a 34-year-old nurse, trains in Iten.", "34-year-old"),
    ("Wanjiru (34) trains in Iten.", "Wanjiru (34"),
    ("Wanjiru, 34, trains in Iten.", "Wanjiru, 34"),
    ("Wanjiru, aged 34, trains in Iten.", "Wanjiru, aged 34"),
    ("Wanjiru, who is 34, trains in Iten.", "Wanjiru, who is 34"),
    ("Her coach said Wanjiru, 34, would run again in April.", "Wanjiru, 34"),
]


@pytest.mark.parametrize(("sentence", "quoted"), WORDINGS)
def test_one_person_s_age_in_every_wording(claims_of: ClaimsOf, sentence: str, quoted: str) -> None:
    (claim,) = claims_of(LEDE + sentence, "person_age")
    assert claim.span.text == quoted
    assert view(claim, "person", "age", "unit", "quoted") == {
        "person": "person:grace wanjiru",
        "age": 34.0,
        "unit": "year",
        "quoted": False,
    }


def test_two_people_s_ages_are_each_their_own(claims_of: ClaimsOf) -> None:
    text = LEDE + "Her pacer, Ruth Chebet, 29, finished fifth. Wanjiru, 34, thanked her."
    claims = claims_of(text, "person_age")
    assert [view(c, "person", "age") for c in claims] == [
        {"person": "person:ruth chebet", "age": 29.0},
        {"person": "person:grace wanjiru", "age": 34.0},
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # An age at another time.
        "Wanjiru, then 19, joined the police team in 2009.",
        "As a 19-year-old, Wanjiru ran her first race.",
        "At 19 she joined the police team.",
        # An indefinite "a 34-year-old" is someone new.
        "A 34-year-old spectator fainted at the finish.",
        # A thing's age, not a person's.
        "The 120-year-old race starts in Hopkinton.",
        # A number that is no age.
        "Wanjiru, 2,000 metres ahead, slowed down.",
    ],
)
def test_what_is_not_a_person_s_age_now(claims_of: ClaimsOf, sentence: str) -> None:
    assert claims_of(LEDE + sentence, "person_age") == []


def test_the_year_old_of_a_sentence_about_two_people_is_no_one(claims_of: ClaimsOf) -> None:
    text = (
        "Captain named\n\nRIGA — Janis Ozols replaced Peteris Berzins as captain on Friday.\n\n"
        "The 29-year-old said he was proud."
    )
    assert claims_of(text, "person_age") == []


def test_an_age_in_a_quotation_is_marked_quoted(claims_of: ClaimsOf) -> None:
    (claim,) = claims_of(LEDE + 'A rival said: "Grace Wanjiru, 36, is too old to win again."', "person_age")
    assert view(claim, "age", "quoted") == {"age": 36.0, "quoted": True}


def test_a_number_after_a_scorer_in_a_team_sheet_is_no_age(claims_of: ClaimsOf) -> None:
    assert claims_of(LEDE + "Goals: Wanjiru 45, 52.", "person_age") == []
