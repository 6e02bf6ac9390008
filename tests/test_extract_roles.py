"""Roles: a person's office from a title, the country it belongs to, and whether it is current."""

from __future__ import annotations

import pytest

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


def _roles(claims_of: ClaimsOf, text: str) -> list[dict[str, object]]:
    return [view(c, "person", "office", "rank", "country", "current") for c in claims_of(text, "role")]


@pytest.mark.parametrize(
    ("text", "title", "country"),
    [
        ("Ghanaian Tourism Minister Kofi Mensah opened the fair.", "Ghanaian Tourism Minister", "Ghanaian"),
        ("Kofi Mensah, Ghana's tourism minister, opened the fair.", "Ghana's tourism minister", "Ghana"),
        ("Ghana's tourism minister, Kofi Mensah, opened the fair.", "Ghana's tourism minister", "Ghana"),
        ("Kofi Mensah, the minister of tourism, opened the fair.", "the minister of tourism", None),
        (
            "The Ghanaian tourism minister, Kofi Mensah, opened the fair.",
            "The Ghanaian tourism minister",
            "Ghanaian",
        ),
    ],
)
def test_a_department_no_office_names_is_a_portfolio(  # type: ignore[no-untyped-def]
    claims_of, text: str, title: str, country: str | None
) -> None:
    (claim,) = claims_of(text, "role")
    assert view(claim, "office", "rank", "title", "country", "current") == {
        "office": "tourism minister",
        "rank": "portfolio",
        "title": f"{title}#",
        "country": f"{country}#ghana" if country else None,
        "current": True,
    }


def test_since_a_year_dates_the_start_of_a_current_office(claims_of: ClaimsOf) -> None:
    text = "Kofi Mensah, Ghana's tourism minister since 2019, opened the fair."
    (claim,) = claims_of(text, "role")
    assert claim.get("current") is True
    (past,) = claims_of("Kofi Mensah, Ghana's tourism minister in 2019, opened the fair.", "role")
    assert past.get("current") is False


def test_a_cabinet_minister_names_no_department(claims_of: ClaimsOf) -> None:
    assert claims_of("Cabinet minister Kofi Mensah opened the fair.", "role") == []


def test_a_counterpart_holds_the_other_persons_office_for_its_own_country(claims_of: ClaimsOf) -> None:
    text = "Kenyan Energy Minister Ruth Wambui and her Ugandan counterpart, Paul Okello, signed the deal."
    assert _roles(claims_of, text) == [
        {
            "person": "Ruth Wambui#ruth wambui",
            "office": "energy minister",
            "rank": "portfolio",
            "country": "Kenyan#kenya",
            "current": True,
        },
        {
            "person": "Paul Okello#paul okello",
            "office": "energy minister",
            "rank": "portfolio",
            "country": "Ugandan#uganda",
            "current": True,
        },
    ]


def test_a_counterpart_with_no_office_before_it_is_not_claimed(claims_of: ClaimsOf) -> None:
    assert claims_of("Ruth Wambui met her Ugandan counterpart, Paul Okello.", "role") == []


@pytest.mark.parametrize(
    "text",
    [
        "Opposition leader Mara Tevita spoke outside parliament.",
        "Mara Tevita, the opposition leader, spoke outside parliament.",
        "The leader of the opposition, Mara Tevita, spoke outside parliament.",
        "Mara Tevita, leader of the opposition, spoke outside parliament.",
        "Tonga's opposition leader, Mara Tevita, spoke outside parliament.",
    ],
)
def test_the_opposition_leader_in_five_wordings(claims_of: ClaimsOf, text: str) -> None:
    (claim,) = claims_of(text, "role")
    assert view(claim, "office", "rank", "current") == {
        "office": "opposition leader",
        "rank": "opposition",
        "current": True,
    }


def test_a_former_prime_minister_who_leads_the_opposition(claims_of: ClaimsOf) -> None:
    text = "Opposition leader Mara Tevita spoke. Tevita, a former prime minister, left early."
    assert [(c.get("office"), c.get("current")) for c in claims_of(text, "role")] == [
        ("opposition leader", True),
        ("prime minister", False),
    ]
