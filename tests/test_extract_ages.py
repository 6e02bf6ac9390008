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


#: A story about one rower: named first, and named more often than anyone else.
STORY = (
    "Lithuanian rower retires\n\n"
    "VILNIUS — Lithuanian rower Tomas Jankauskas ended his career on Friday.\n\n"
    "Jankauskas won two world titles in the single sculls.\n\n"
)


@pytest.mark.parametrize(
    ("between", "sentence"),
    [
        # The sentence before names several people, the protagonist among them.
        (
            "Coach Rimas Petraitis said Jankauskas would stay with the squad.",
            "The 38-year-old will coach juniors.",
        ),
        ("Jankauskas thanked Ona Vaitkute, his first coach.", "The 38-year-old rower said he was grateful."),
        # The sentence before tells of no one.
        (
            "The federation will hold a farewell regatta in Kaunas in May.",
            "The 38-year-old, who also studied law, will race there.",
        ),
        ("Trakai lake froze early this winter.", "The 38-year-old was given a standing ovation."),
        (
            "The club has not yet said who will replace him.",
            "The 38-year-old athlete said he would stay in Vilnius.",
        ),
    ],
)
def test_a_definite_year_old_after_no_single_subject_is_the_story_s_protagonist(
    claims_of: ClaimsOf, between: str, sentence: str
) -> None:
    (claim,) = claims_of(STORY + between + "\n\n" + sentence, "person_age")
    assert view(claim, "person", "age") == {"person": "person:tomas jankauskas", "age": 38.0}
    assert claim.span.text == "The 38-year-old"


@pytest.mark.parametrize(
    "between",
    [
        # Someone without a name: "the 19-year-old" is likelier him than the rower.
        "His younger brother also rowed for the club.",
        # Two other people, neither the protagonist.
        "Rimas Petraitis and Ona Vaitkute paid tribute.",
    ],
)
def test_a_definite_year_old_after_someone_else_is_not_the_protagonist(
    claims_of: ClaimsOf, between: str
) -> None:
    assert claims_of(STORY + between + "\n\nThe 19-year-old said he would carry on.", "person_age") == []


def test_a_definite_year_old_that_is_no_subject_is_not_given_to_the_protagonist(claims_of: ClaimsOf) -> None:
    text = STORY + "The federation will hold a farewell regatta.\n\nFans applauded the 38-year-old."
    assert claims_of(text, "person_age") == []


def test_a_story_of_two_people_named_alike_often_has_no_protagonist(claims_of: ClaimsOf) -> None:
    text = (
        "Two rowers retire\n\n"
        "VILNIUS — Rowers Tomas Jankauskas and Rimas Petraitis ended their careers on Friday.\n\n"
        "Jankauskas won two titles, and Petraitis won three.\n\n"
        "The federation will hold a farewell regatta.\n\nThe 38-year-old said he was grateful."
    )
    assert claims_of(text, "person_age") == []
