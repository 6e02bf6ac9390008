"""Travel: traveller, destination and the cues that say what kind of trip it is."""

from __future__ import annotations

from helpers import view

FIELDS = ("traveller", "destination", "abroad", "onward", "home")


def test_vehicle_bound_for_a_place_with_the_trip_abroad_in_the_subject(claims_of) -> None:  # type: ignore[no-untyped-def]
    (claim,) = claims_of(
        "Cuban leader Miguel Diaz-Canel spoke on Monday. His first trip abroad this year was when "
        "he boarded a ship bound for Cuba.",
        "travel",
    )
    assert claim.span.text == "bound for Cuba"
    assert claim.get("cue").text == "His first trip abroad"  # type: ignore[union-attr]
    assert view(claim, *FIELDS) == {
        "traveller": "he#miguel diaz canel",
        "destination": "Cuba#cuba",
        "abroad": True,
        "onward": False,
        "home": False,
    }


def test_a_trip_home_after_a_trip_abroad_keeps_the_cues_apart(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(
        "After his first trip abroad to France, Kenyan President William Ruto flew home to Kenya.",
        "travel",
    )
    assert [view(c, *FIELDS) for c in claims] == [
        {
            "traveller": "his#william ruto",
            "destination": "France#france",
            "abroad": True,
            "onward": False,
            "home": False,
        },
        {
            "traveller": "Ruto#william ruto",
            "destination": "Kenya#kenya",
            "abroad": False,
            "onward": False,
            "home": True,
        },
    ]


def test_trip_abroad_told_with_a_light_verb(claims_of) -> None:  # type: ignore[no-untyped-def]
    (claim,) = claims_of("Kenyan President William Ruto made his first trip abroad to Kenya.", "travel")
    assert view(claim, "destination", "abroad") == {"destination": "Kenya#kenya", "abroad": True}


def test_continuing_a_journey_is_onward_travel(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(
        "Angela Merkel said the chancellor would continue her journey to Poland after the talks.",
        "travel",
    )
    assert [view(c, "traveller", "destination", "onward") for c in claims] == [
        {"traveller": "her#angela merkel", "destination": "Poland#poland", "onward": True},
    ]
    assert claims[0].attributed_to == "Angela Merkel"


def test_travel_on_with_an_untagged_surname(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(
        "German Chancellor Olaf Scholz arrived in Paris on Monday for talks. "
        "Scholz will then travel on to Lyon.",
        "travel",
    )
    assert [view(c, "traveller", "destination", "onward") for c in claims] == [
        {"traveller": "Scholz#olaf scholz", "destination": "Paris#paris", "onward": False},
        {"traveller": "Scholz#olaf scholz", "destination": "Lyon#lyon", "onward": True},
    ]


def test_travel_by_an_unnamed_traveller_is_not_claimed(claims_of) -> None:  # type: ignore[no-untyped-def]
    assert claims_of("The delegation flew to Paris on Monday.", "travel") == []


def test_presence_from_a_fronted_locative(claims_of) -> None:  # type: ignore[no-untyped-def]
    (claim,) = claims_of(
        "At the Baikonur Cosmodrome, Japanese astronaut Koichi Wakata was shown a rocket.", "presence"
    )
    assert view(claim, "person", "place") == {
        "person": "Wakata#koichi wakata",
        "place": "Baikonur Cosmodrome#baikonur_cosmodrome",
    }


def test_born_in_is_not_presence(claims_of) -> None:  # type: ignore[no-untyped-def]
    assert claims_of("Koichi Wakata was born in Saitama and studied in Kyushu.", "presence") == []
