"""Roles: a person's office from a title, the country it belongs to, and whether it is current."""

from __future__ import annotations

from helpers import ClaimsOf, view

FIELDS = ("person", "office", "rank", "title", "country", "current", "coordinated")


def test_a_title_before_the_name_with_a_demonym(claims_of: ClaimsOf) -> None:
    (claim,) = claims_of("Dutch Finance Minister Anna Berger said the rules must stay.", "role")
    assert claim.span.text == "Dutch Finance Minister Anna Berger"
    assert view(claim, *FIELDS) == {
        "person": "Anna Berger#anna berger",
        "office": "finance minister",
        "rank": "portfolio",
        "title": "Dutch Finance Minister#",
        "country": "Dutch#netherlands",
        "current": True,
        "coordinated": False,
    }


def test_titles_in_apposition_with_a_possessive_or_of(claims_of: ClaimsOf) -> None:
    text = (
        "Prime Minister Kenji Sato spoke first. Sato, Japan's foreign minister, left. "
        "Peter Lind, the prime minister of Sweden, stayed."
    )
    claims = claims_of(text, "role")
    assert [c.span.text for c in claims] == [
        "Prime Minister Kenji Sato",
        "Sato, Japan's foreign minister",
        "Peter Lind, the prime minister of Sweden",
    ]
    assert [view(c, "person", "office", "country") for c in claims] == [
        {"person": "Kenji Sato#kenji sato", "office": "prime minister", "country": None},
        {"person": "Sato#kenji sato", "office": "foreign minister", "country": "Japan#japan"},
        {"person": "Peter Lind#peter lind", "office": "prime minister", "country": "Sweden#sweden"},
    ]


def test_past_future_and_changing_titles_are_not_current(claims_of: ClaimsOf) -> None:
    text = (
        "Former President Ana Ruiz arrived. President-elect Tom Hale waved. "
        "Acting Prime Minister Lea Stone spoke. Stone became prime minister after the vote."
    )
    claims = claims_of(text, "role")
    assert [(c.get("office"), c.get("current")) for c in claims] == [
        ("president", False),
        ("president", False),
        ("prime minister", False),
        ("prime minister", False),
    ]


def test_titles_held_together_are_coordinated(claims_of: ClaimsOf) -> None:
    (claim,) = claims_of("Prime Minister and Foreign Minister Kenji Sato opened the summit.", "role")
    assert view(claim, "office", "coordinated") == {"office": "foreign minister", "coordinated": True}


def test_offices_of_organisations_and_other_offices_are_not_claimed(claims_of: ClaimsOf) -> None:
    text = (
        "Tony Hunter, the organisation's president, spoke. Deputy Prime Minister Jo Marsh agreed. "
        "Fifa president Paul Weber left early. The e-commerce minister Mike Dean stayed."
    )
    assert claims_of(text, "role") == []


def test_a_second_title_in_a_list_belongs_to_the_second_name(claims_of: ClaimsOf) -> None:
    text = "Tony Blair, the prime minister, and Jack Straw, the foreign secretary, met the press."
    claims = claims_of(text, "role")
    assert [view(c, "person", "office") for c in claims] == [
        {"person": "Tony Blair#tony blair", "office": "prime minister"},
        {"person": "Jack Straw#jack straw", "office": "foreign minister"},
    ]
