"""Travel: who goes where, from the trip frames, with the cues that say what kind of trip it is.

Every wording here is our own. Each side a travel rule compares (a destination, an
origin, a trip abroad, onward travel, a trip home, a journey under way, a stop of a
tour) is read in at least five wordings, with the hard negatives beside it.
"""

from __future__ import annotations

import pytest

from factcheck.claims.model import Claim
from helpers import ClaimsOf, view

TITLE = "Chilean Finance Minister Rosa Fuentes spoke on Monday.\n\n"


def trips(claims_of: ClaimsOf, text: str) -> list[Claim]:
    return list(claims_of(text, "travel"))


def one(claims_of: ClaimsOf, text: str, *fields: str) -> dict[str, object]:
    (claim,) = trips(claims_of, text)
    return {"span": claim.span.text, **view(claim, *fields)}


# -- where to ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Rosa Fuentes flew to Lima on Sunday.", "flew to Lima"),
        ("Rosa Fuentes landed in Lima on Sunday.", "landed in Lima"),
        ("Rosa Fuentes made a short trip to Lima last week.", "trip to Lima"),
        ("Her trip took Rosa Fuentes to Lima in May.", "trip took Rosa Fuentes to Lima"),
        ("Rosa Fuentes was flown to Lima by an air force jet.", "flown to Lima"),
        ("Officials said Rosa Fuentes had flown to Lima overnight.", "flown to Lima"),
        ("Rosa Fuentes is on a visit to Lima.", "visit to Lima"),
    ],
)
def test_a_destination_in_every_wording(claims_of: ClaimsOf, text: str, span: str) -> None:
    assert one(claims_of, text, "traveller", "destination", "origin") == {
        "span": span,
        "traveller": "Rosa Fuentes#rosa fuentes",
        "destination": "Lima#lima",
        "origin": None,
    }


def test_who_boards_a_vehicle_bound_somewhere_travels_in_it(claims_of: ClaimsOf) -> None:
    claims = trips(claims_of, "Rosa Fuentes boarded a ferry bound for Valparaiso.")
    assert [view(c, "traveller", "destination", "under_way") for c in claims] == [
        {"traveller": "Rosa Fuentes#rosa fuentes", "destination": "Valparaiso#valparaiso", "under_way": True},
        {"traveller": "ferry#thing:vessel", "destination": "Valparaiso#valparaiso", "under_way": True},
    ]
    assert {c.span.text for c in claims} == {"bound for Valparaiso"}


def test_a_headline_sends_its_traveller_somewhere(claims_of: ClaimsOf) -> None:
    assert one(claims_of, "Chilean minister heads to Lima for copper talks", "traveller", "destination") == {
        "span": "heads to Lima",
        "traveller": "Chilean minister#thing:minister@chile",
        "destination": "Lima#lima",
    }


@pytest.mark.parametrize(
    "text",
    [
        "Rosa Fuentes did not travel to Lima.",
        "Both states are bound by the treaty.",
        "The visit took place in Lima on Monday.",
        "The delegation's hopes moved on to trade.",
        "Prices continued to rise in Lima.",
    ],
)
def test_no_trip_to_claim(claims_of: ClaimsOf, text: str) -> None:
    assert trips(claims_of, text) == []


# -- where from -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "traveller"),
    [
        ("The coach had left Graz at dawn.", "left Graz", "coach#thing:road vehicle"),
        ("The ferry departed from Graz on Monday evening.", "departed from Graz", "ferry#thing:vessel"),
        ("The ship set off from Graz on Friday.", "set off from Graz", "ship#thing:vessel"),
        ("The plane took off from Graz at noon.", "took off from Graz", "plane#thing:aircraft"),
        ("The coach's journey from Graz took six hours.", "journey from Graz", "coach#thing:road vehicle"),
    ],
)
def test_an_origin_in_every_wording(claims_of: ClaimsOf, text: str, span: str, traveller: str) -> None:
    assert one(claims_of, text, "traveller", "origin", "destination") == {
        "span": span,
        "traveller": traveller,
        "origin": "Graz#graz",
        "destination": None,
    }


def test_origin_and_destination_of_one_journey(claims_of: ClaimsOf) -> None:
    assert one(
        claims_of,
        "Rosa Fuentes arrived in Lima from Santiago on Sunday.",
        "origin",
        "destination",
        "day",
        "under_way",
    ) == {
        "span": "arrived in Lima from Santiago",
        "origin": "Santiago#santiago",
        "destination": "Lima#lima",
        "day": "sunday",
        "under_way": False,
    }


# -- a journey under way ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "under_way"),
    [
        ("A coach travelling from Graz to Vienna overturned on Sunday.", True),
        ("The freighter, which was sailing from Graz to Vienna, sank.", True),
        ("The plane, headed for Vienna, turned back.", True),
        ("Rosa Fuentes spoke to reporters during her flight to Vienna.", True),
        ("The ferry was sailing to Vienna when the fire broke out.", True),
        ("The coach from Graz to Vienna overturned on Sunday.", True),
        # Arrived: no longer on the way.
        ("Rosa Fuentes flew from Graz to Vienna on Monday.", False),
        ("Rosa Fuentes landed in Vienna on Monday.", False),
    ],
)
def test_a_journey_under_way(claims_of: ClaimsOf, text: str, under_way: bool) -> None:
    (claim,) = [c for c in trips(claims_of, text) if c.get("destination") is not None]
    assert claim.get("under_way") is under_way


# -- a trip abroad ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Rosa Fuentes will make her first trip abroad to Chile next week.", "trip abroad to Chile"),
        ("Rosa Fuentes paid an overseas visit to Chile in March.", "visit to Chile"),
        ("Rosa Fuentes travelled abroad to Chile on Monday.", "travelled abroad to Chile"),
        (
            "Her first trip abroad this year took Rosa Fuentes to Chile.",
            "trip abroad this year took Rosa Fuentes to Chile",
        ),
        # The cue of another mention of the same trip: in the same sentence ...
        (
            "Her first trip abroad was when Rosa Fuentes boarded a ship bound for Chile.",
            "Her first trip abroad",
        ),
        # ... or a later definite mention that names no traveller.
        (
            "Rosa Fuentes will leave for a trip abroad on Monday.\n\nThe visit to Chile will be her first.",
            "a trip abroad",
        ),
        # The cue after the destination, in the same sentence: a purpose, a time, an apposition.
        ("Rosa Fuentes flew to Chile for her first trip abroad as minister.", "her first trip abroad"),
        ("Rosa Fuentes arrived in Chile on Monday on her first trip abroad.", "her first trip abroad"),
        (
            "Rosa Fuentes's visit to Chile, her first trip abroad since May, ends today.",
            "her first trip abroad",
        ),
        ("Rosa Fuentes travelled to Chile on a trip abroad that her office kept quiet.", "a trip abroad"),
        ("Rosa Fuentes headed to Chile for a two-day trip abroad.", "a two-day trip abroad"),
    ],
)
def test_a_trip_abroad_in_every_wording(claims_of: ClaimsOf, text: str, cue: str) -> None:
    claims = [c for c in trips(claims_of, TITLE + text) if c.get("traveller").id == "rosa fuentes"]  # type: ignore[union-attr]
    (claim,) = claims
    assert view(claim, "destination", "abroad", "home") == {
        "destination": "Chile#chile",
        "abroad": True,
        "home": False,
    }
    assert claim.get("cue").text == cue  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        # A trip home after a trip abroad: the cue belongs to the trip it modifies.
        "After her trip abroad to Peru, Rosa Fuentes flew home to Chile.",
        # A trip abroad before this one, even without a destination of its own.
        "After a trip abroad, Rosa Fuentes travelled to Chile.",
        # A trip abroad that went somewhere else.
        "Her first trip abroad took her to Peru, and Rosa Fuentes then flew to Chile.",
        # Another trip, not the one called abroad: a traveller is named.
        "Rosa Fuentes will leave for a trip abroad on Monday.\n\nAna Rojas's visit to Chile is next.",
        # A later cue in the same sentence that is another trip: before it, or someone else's.
        "Rosa Fuentes flew to Chile after her first trip abroad.",
        "Rosa Fuentes flew home to Chile from her first trip abroad.",
        "Rosa Fuentes flew to Chile, and Ana Rojas began her first trip abroad.",
    ],
)
def test_not_a_trip_abroad_to_the_place(claims_of: ClaimsOf, text: str) -> None:
    to_chile = [c for c in trips(claims_of, TITLE + text) if c.get("destination").id == "chile"]  # type: ignore[union-attr]
    assert to_chile and not any(c.get("abroad") for c in to_chile)


# -- onward, home, stops ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "onward", "home"),
    [
        ("Rosa Fuentes will travel on to Lima on Friday.", True, False),
        ("Rosa Fuentes will continue her journey to Lima after the talks.", True, False),
        ("Rosa Fuentes will then fly to Lima.", True, False),
        ("Rosa Fuentes proceeded to Lima on Friday.", True, False),
        ("Rosa Fuentes continued to travel to Lima.", True, False),
        ("Rosa Fuentes will continue to Lima on Friday.", True, False),
        ("Rosa Fuentes returned to Lima on Sunday.", False, True),
        ("Rosa Fuentes flew home to Lima on Sunday.", False, True),
        ("Rosa Fuentes flew back to Lima on Sunday.", False, True),
        ("Rosa Fuentes headed back to Lima.", False, True),
        ("Rosa Fuentes made the journey home to Lima on Friday.", False, True),
        ("Rosa Fuentes flew to Lima on Sunday.", False, False),
    ],
)
def test_onward_and_home(claims_of: ClaimsOf, text: str, onward: bool, home: bool) -> None:
    (claim,) = trips(claims_of, text)
    assert view(claim, "destination", "onward", "home") == {
        "destination": "Lima#lima",
        "onward": onward,
        "home": home,
    }


@pytest.mark.parametrize(
    ("text", "stops"),
    [
        ("Rosa Fuentes visited Lima on Monday.", [True]),
        ("Rosa Fuentes toured Lima in May.", [True]),
        ("Rosa Fuentes embarked on a tour of Lima on Monday.", [True]),
        ("Rosa Fuentes visited Lima and Cusco on her tour.", [True, True]),
        ("Rosa Fuentes flew to Lima and Cusco on Monday.", [True, True]),
        ("Rosa Fuentes flew to Lima on Monday.", [False]),
    ],
)
def test_a_stop_of_a_tour(claims_of: ClaimsOf, text: str, stops: list[bool]) -> None:
    assert [c.get("stop") for c in trips(claims_of, text)] == stops


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Rosa Fuentes paid a two-day visit to Lima.", "visit to Lima"),
        ("Rosa Fuentes began her Lima visit on Monday.", "Lima visit"),
        ("Rosa Fuentes cut short her Lima trip.", "Lima trip"),
        ("Rosa Fuentes's state visit to Lima ended on Friday.", "visit to Lima"),
        ("Rosa Fuentes took the Lima flight on Monday.", "Lima flight"),
    ],
)
def test_a_trip_noun_that_says_where_it_goes_is_the_trip_not_a_stop(
    claims_of: ClaimsOf, text: str, span: str
) -> None:
    assert one(claims_of, text, "destination", "stop") == {
        "span": span,
        "destination": "Lima#lima",
        "stop": False,
    }


def test_a_name_before_a_trip_noun_that_is_no_place_sends_it_nowhere(claims_of: ClaimsOf) -> None:
    assert trips(claims_of, "Rosa Fuentes took the Avianca flight on Monday.") == []


# -- whose words, and how firmly --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reported", "modality"),
    [
        ("Rosa Fuentes claimed that she had flown to Lima.", True, "asserted"),
        ("Rosa Fuentes denied that she had travelled to Lima.", True, "hypothetical"),
        ("Critics believe Rosa Fuentes flew to Lima.", True, "asserted"),
        ("Officials said Rosa Fuentes had flown to Lima.", False, "asserted"),
        ("Rosa Fuentes will fly to Lima on Sunday.", False, "future"),
        ("Rosa Fuentes plans to fly to Lima.", False, "planned"),
    ],
)
def test_reported_and_planned_trips(claims_of: ClaimsOf, text: str, reported: bool, modality: str) -> None:
    (claim,) = trips(claims_of, text)
    assert (claim.get("reported"), claim.get("modality")) == (reported, modality)


@pytest.mark.parametrize(
    ("text", "tense", "firm"),
    [
        ("Rosa Fuentes flew to Lima.", "past", True),
        ("Rosa Fuentes had left for a visit to Lima.", "past", True),
        ("Rosa Fuentes will fly to Lima.", "future", True),
        ("Rosa Fuentes is flying to Lima.", None, True),
        ("Rosa Fuentes's state visit to Lima ended on Friday.", None, True),
        ("Rosa Fuentes plans to fly to Lima.", None, False),
        ("Rosa Fuentes might fly to Lima.", None, False),
    ],
)
def test_a_trip_told_as_done_or_to_come(
    claims_of: ClaimsOf, text: str, tense: str | None, firm: bool
) -> None:
    (claim,) = trips(claims_of, text)
    assert (claim.get("tense"), claim.get("firm")) == (tense, firm)


# -- who travels ------------------------------------------------------------------


def test_a_team_named_by_its_country_and_again_as_the_team(claims_of: ClaimsOf) -> None:
    claims = trips(
        claims_of, "Paraguay's team flew to Lima on Sunday.\n\nThe team landed in Lima that evening."
    )
    assert [c.get("traveller").id for c in claims] == ["thing:group@paraguay", "thing:group@paraguay"]  # type: ignore[union-attr]
    assert len({c.get("event") for c in claims}) == 1


def test_two_teams_are_two_travellers(claims_of: ClaimsOf) -> None:
    claims = trips(claims_of, "Peru's team flew to Quito on Sunday. Chile's team landed in Bogota on Sunday.")
    assert [c.get("traveller").id for c in claims] == ["thing:group@peru", "thing:group@chile"]  # type: ignore[union-attr]


def test_one_group_however_the_article_calls_it(claims_of: ClaimsOf) -> None:
    claims = trips(
        claims_of,
        "Zambia's cycling team flew to Nairobi on Tuesday.\n\nThe riders landed in Nairobi that evening, "
        "and the squad left Nairobi for Eldoret on Friday.",
    )
    assert {c.get("traveller").id for c in claims} == {"thing:group@zambia"}  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("A plane flying from Quito to Lima lost power.\n\nThe aircraft had left Quito at noon.", "aircraft"),
        ("A jet flying from Dakar to Bamako turned back.\n\nThe airliner had left Dakar late.", "aircraft"),
        (
            "A coach travelling from Accra to Kumasi overturned.\n\nThe vehicle had left Accra before dawn.",
            "road vehicle",
        ),
        ("A boat travelling from Dhaka to Barisal sank.\n\nThe ship had left Dhaka overnight.", "vessel"),
        # A model's name is the one vehicle the article has.
        (
            "A plane flying from Quito to Lima lost power.\n\n"
            "The Airbus A320, which had left Quito at noon, landed safely.",
            "aircraft",
        ),
    ],
)
def test_one_vehicle_however_the_article_calls_it(claims_of: ClaimsOf, text: str, key: str) -> None:
    claims = trips(claims_of, text)
    assert [c.get("traveller").id for c in claims] == [f"thing:{key}"] * 2  # type: ignore[union-attr]


def test_vehicles_of_two_kinds_are_two_travellers(claims_of: ClaimsOf) -> None:
    claims = trips(
        claims_of,
        "A bus travelling from Accra to Kumasi crashed.\n\nThe ferry had left Kumasi an hour earlier.",
    )
    assert [c.get("traveller").id for c in claims] == ["thing:road vehicle", "thing:vessel"]  # type: ignore[union-attr]
    # With vehicles of two kinds in the article, a model's name is neither.
    claims = trips(
        claims_of,
        "A bus travelling from Accra to Kumasi crashed, and a ferry sank off Lagos.\n\n"
        "The Airbus A320 had left Lagos early.",
    )
    assert [c.get("traveller").id for c in claims] == ["thing:road vehicle", "name:airbus a320"]  # type: ignore[union-attr]


def test_another_vehicle_is_another_traveller(claims_of: ClaimsOf) -> None:
    claims = trips(
        claims_of,
        "A bus travelling to Pokhara crashed on Monday. Another bus had left Pokhara an hour earlier.",
    )
    first, second = (c.get("traveller").id for c in claims)  # type: ignore[union-attr]
    assert first == "thing:road vehicle" and second != first


# -- presence from an arrival -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Rosa Fuentes arrived in Lima on Sunday.", ["Lima"]),
        ("Rosa Fuentes landed in Lima from Quito.", ["Lima"]),
        ("Rosa Fuentes touched down in Lima at noon.", ["Lima"]),
        ("Rosa Fuentes, the minister, arrived at Lima on Sunday.", ["Lima"]),
        ("Rosa Fuentes will arrive in Lima on Sunday.", []),
        ("Rosa Fuentes did not arrive in Lima.", []),
        ("Rosa Fuentes flew to Lima.", []),
    ],
)
def test_an_arrival_places_the_traveller(claims_of: ClaimsOf, text: str, places: list[str]) -> None:
    found = claims_of(text, "presence")
    assert [c.get("place").text for c in found] == places  # type: ignore[union-attr]


def test_presence_from_a_fronted_locative(claims_of: ClaimsOf) -> None:
    (claim,) = claims_of(
        "At the Baikonur Cosmodrome, Japanese astronaut Koichi Wakata was shown a rocket.", "presence"
    )
    assert view(claim, "person", "place") == {
        "person": "Wakata#koichi wakata",
        "place": "Baikonur Cosmodrome#baikonur_cosmodrome",
    }


def test_born_in_is_not_presence(claims_of: ClaimsOf) -> None:
    assert claims_of("Koichi Wakata was born in Saitama and studied in Kyushu.", "presence") == []
