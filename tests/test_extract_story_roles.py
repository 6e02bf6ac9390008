"""Roles in the story: which side of one event a person or organisation is on."""

from __future__ import annotations

import pytest

from helpers import ClaimsOf, view

FIELDS = ("party", "role", "by_noun", "stated")
VARGAS = "Diego Vargas#person:diego vargas"
CASTILLO = "Maria Castillo#person:maria castillo"

# One side: Vargas brought the case against Castillo, told by the case's frames.
VARGAS_SUES = [
    (
        "Diego Vargas sued the journalist Maria Castillo in May.",
        "Diego Vargas sued the journalist Maria Castillo",
    ),
    (
        "The journalist Maria Castillo was sued by Diego Vargas in May.",
        "journalist Maria Castillo was sued by Diego Vargas",
    ),
    (
        "The court heard the lawsuit that Diego Vargas brought against the journalist Maria Castillo.",
        "lawsuit that Diego Vargas brought against the journalist Maria Castillo",
    ),
    (
        "Diego Vargas's lawsuit against the journalist Maria Castillo was dismissed.",
        "Diego Vargas's lawsuit against the journalist Maria Castillo",
    ),
    (
        "Diego Vargas filed a complaint against the journalist Maria Castillo.",
        "Diego Vargas filed a complaint against the journalist Maria Castillo",
    ),
    ("Diego Vargas sues journalist Maria Castillo", "Diego Vargas sues journalist Maria Castillo"),
]


@pytest.mark.parametrize(("text", "span"), VARGAS_SUES)
def test_a_case_gives_its_parties_their_sides(claims_of: ClaimsOf, text: str, span: str) -> None:
    claims = claims_of(text, "story_role")
    assert {c.span.text for c in claims} == {span}
    found = sorted((view(c, "party", "role", "by_noun")["role"], view(c, "party")["party"]) for c in claims)
    assert [(role, str(party).split("#")[1]) for role, party in found] == [
        ("defendant", "person:maria castillo"),
        ("plaintiff", "person:diego vargas"),
    ]
    assert all(c.get("event") == claims[0].get("event") for c in claims)


# The other side: Castillo named as the plaintiff, by a role noun or by her own suit.
CASTILLO_PLAINTIFF = [
    ("Maria Castillo, the plaintiff, spoke to reporters.", "Maria Castillo, the plaintiff", "Maria Castillo"),
    ("The plaintiff, Maria Castillo, spoke to reporters.", "plaintiff, Maria Castillo", "Maria Castillo"),
    ("Maria Castillo was the plaintiff.", "Maria Castillo was the plaintiff", "Maria Castillo"),
    ("The court named Maria Castillo as the plaintiff.", "Maria Castillo as the plaintiff", "Maria Castillo"),
    (
        "Outside court, plaintiff Maria Castillo spoke to reporters.",
        "plaintiff Maria Castillo",
        "Maria Castillo",
    ),
    ("Maria Castillo, the claimant, spoke to reporters.", "Maria Castillo, the claimant", "Maria Castillo"),
]


@pytest.mark.parametrize(("sentence", "span", "words"), CASTILLO_PLAINTIFF)
def test_a_role_noun_gives_its_party_a_side(
    claims_of: ClaimsOf, sentence: str, span: str, words: str
) -> None:
    # The journalist is introduced first, so that every wording knows her as a person.
    text = f"The journalist Maria Castillo went to court on Monday.\n\n{sentence}"
    (claim,) = claims_of(text, "story_role")
    assert claim.span.text == span
    assert view(claim, *FIELDS) == {
        "party": f"{words}#person:maria castillo",
        "role": "plaintiff",
        "by_noun": True,
        "stated": True,
    }


def test_a_relative_clause_of_suing_gives_both_sides(claims_of: ClaimsOf) -> None:
    claims = claims_of("Maria Castillo, who sued the lawyer Diego Vargas in May, spoke.", "story_role")
    assert [view(c, *FIELDS) for c in claims] == [
        {"party": CASTILLO, "role": "plaintiff", "by_noun": False, "stated": True},
        {"party": "lawyer#person:diego vargas", "role": "defendant", "by_noun": False, "stated": True},
    ]


def test_a_role_noun_names_a_side_of_the_case_told_before(claims_of: ClaimsOf) -> None:
    text = "Diego Vargas sued the journalist Maria Castillo in May.\n\nCastillo, the defendant, said so."
    claims = claims_of(text, "story_role")
    noun = next(c for c in claims if c.get("by_noun"))
    assert view(noun, "party", "role") == {"party": "Castillo#person:maria castillo", "role": "defendant"}
    assert {c.get("event") for c in claims} == {noun.get("event")}


def test_sellers_and_buyers(claims_of: ClaimsOf) -> None:
    text = "Corvo Minerals sold the mine to Helix Holdings.\n\nHelix, the buyer, paid in cash."
    claims = claims_of(text, "story_role")
    assert [view(c, "party", "role", "by_noun") for c in claims] == [
        {"party": "Corvo Minerals#org:corvo minerals", "role": "giver", "by_noun": False},
        {"party": "Helix Holdings#org:helix", "role": "receiver", "by_noun": False},
        {"party": "Helix#org:helix", "role": "receiver", "by_noun": True},
    ]


# -- hard negatives -----------------------------------------------------------------


def test_a_barter_gives_no_side_to_its_parties(claims_of: ClaimsOf) -> None:
    text = "Georgia will sell cotton to Armenia, and Armenia will sell grain to Georgia."
    assert claims_of(text, "story_role") == []


@pytest.mark.parametrize(
    "text",
    [
        "Maria Castillo, a plaintiff in several cases, spoke.",  # one of several: no side of this case
        "Georgia, the biggest buyer of cotton, spoke.",  # a superlative ranks; it names no side
        "Buyers queued outside the auction house.",
    ],
)
def test_a_role_noun_that_refers_to_no_one_side(claims_of: ClaimsOf, text: str) -> None:
    assert claims_of(text, "story_role") == []


def test_a_counter_suit_is_another_case(claims_of: ClaimsOf) -> None:
    text = "Diego Vargas sued Maria Castillo in May.\n\nCastillo filed a counter-suit against Vargas in June."
    claims = claims_of(text, "story_role")
    assert len({c.get("event") for c in claims}) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Diego Vargas did not sue Maria Castillo.",
        "If Diego Vargas sues Maria Castillo, she will take the case to the supreme court.",
        "Diego Vargas has been reluctant to sue Maria Castillo.",
    ],
)
def test_a_case_not_brought_gives_no_stated_side(claims_of: ClaimsOf, text: str) -> None:
    claims = claims_of(text, "story_role")
    assert claims and not any(c.get("stated") and c.polarity == "positive" for c in claims)
