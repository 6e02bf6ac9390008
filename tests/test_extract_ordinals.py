"""Ordinals of visits and meetings: which of its owner's occasions one event is."""

from __future__ import annotations

import pytest

from helpers import ClaimsOf, numbered, view

HEADLINE = "Ghanaian president in Nairobi\n\n"

FIRST_SIDES = [
    "NAIROBI — Ghanaian President Kofi Mensah began his first visit to Kenya on Monday.",
    "NAIROBI — Kofi Mensah's first visit to Kenya began on Monday.",
    "NAIROBI — Ghanaian President Kofi Mensah arrived on Monday for his first visit to Kenya.",
    "NAIROBI — Officials said Ghanaian President Kofi Mensah's first visit to Kenya began on Monday.",
    "NAIROBI — Ghanaian President Kofi Mensah, on his first visit to Kenya, met traders on Monday.",
]
SECOND_SIDES = [
    ("On his third visit to Kenya, Mensah also met farmers.", "his third visit to Kenya"),
    ("Mensah said his third visit to Kenya would be short.", "his third visit to Kenya"),
    ("His third visit to Kenya ends on Wednesday.", "His third visit to Kenya"),
    ("Mensah's third visit to Kenya ends on Wednesday.", "Mensah's third visit to Kenya"),
    ("During his third visit to Kenya, Mensah opened a school.", "his third visit to Kenya"),
]


@pytest.mark.parametrize("first", FIRST_SIDES)
def test_one_visit_counted_in_every_wording(claims_of: ClaimsOf, first: str) -> None:
    for second, quoted in SECOND_SIDES:
        claims = claims_of(f"{HEADLINE}{first}\n\n{second}", "occasion_ordinal")
        assert [view(c, "ordinal", "destination") for c in claims] == [
            {"ordinal": 1.0, "destination": "place:kenya"},
            {"ordinal": 3.0, "destination": "place:kenya"},
        ], (first, second)
        assert claims[1].span.text == quoted
        assert numbered(claims, "event") == [0, 0], (first, second)


def test_a_meeting_s_ordinal_and_its_place(claims_of: ClaimsOf) -> None:
    text = "Leaders meet\n\nGENEVA — The two presidents held their second meeting in Geneva on Tuesday."
    (claim,) = claims_of(text, "occasion_ordinal")
    assert claim.span.text == "their second meeting"
    assert view(claim, "ordinal", "destination") == {"ordinal": 2.0, "destination": "geneva"}


@pytest.mark.parametrize(
    "second",
    [
        # A visit dated to another year is another trip.
        "His first visit to Kenya, in 2015, lasted a day.",
        # A previous visit is another trip, and has no count.
        "His previous visit to Kenya was cut short.",
    ],
)
def test_other_visits_are_other_trips(claims_of: ClaimsOf, second: str) -> None:
    text = f"{HEADLINE}NAIROBI — Kofi Mensah began his third visit to Kenya on Monday.\n\n{second}"
    claims = claims_of(text, "occasion_ordinal")
    assert len(set(numbered(claims, "event"))) == len(claims)


def test_a_first_visit_by_anyone_counts_nobody_s(claims_of: ClaimsOf) -> None:
    text = f"{HEADLINE}NAIROBI — It was the first visit to Kenya by a Ghanaian leader in a decade."
    assert claims_of(text, "occasion_ordinal") == []
