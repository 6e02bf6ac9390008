"""Event location: where a meeting took place, and which mentions are the same event."""

from __future__ import annotations

import pytest

from factcheck.claims.model import Claim
from helpers import ClaimsOf, view

FIELDS = ("event_label", "place", "time")


def occasions(claims: list[Claim]) -> list[int]:
    """Which event each claim is about, numbered in the order they first appear: [0, 0] is one."""
    order: dict[object, int] = {}
    return [order.setdefault(c.get("event"), len(order)) for c in claims]


def test_summit_in_a_country(claims_of: ClaimsOf) -> None:
    (claim,) = claims_of("During a summit in Vienna, the two leaders signed a treaty.", "event_location")
    assert claim.span.text == "summit in Vienna"
    assert claim.get("event_class") == "meeting"
    assert view(claim, *FIELDS) == {
        "event_label": "summit#",
        "place": "Vienna#vienna",
        "time": None,
    }


def test_a_definite_later_mention_is_the_same_event(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "A summit in Vienna opened on Tuesday. The meeting in Japan lasted three hours.",
        "event_location",
    )
    assert [view(c, "place") for c in claims] == [
        {"place": "Vienna#vienna"},
        {"place": "Japan#japan"},
    ]
    assert occasions(claims) == [0, 0]


def test_an_earlier_occasion_is_a_different_event(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "This week's summit in Tokyo was their third. The two presidents last met in Helsinki in 2018.",
        "event_location",
    )
    assert [view(c, "place", "time") for c in claims] == [
        {"place": "Tokyo#tokyo", "time": "week"},
        {"place": "Helsinki#helsinki", "time": "2018"},
    ]
    assert occasions(claims) == [0, 1]


def test_an_indefinite_later_mention_is_a_new_event(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "Ministers held talks in Brussels on Monday. A meeting in Paris is planned for next month.",
        "event_location",
    )
    assert [view(c, "place") for c in claims] == [
        {"place": "Brussels#brussels"},
        {"place": "Paris#paris"},
    ]
    assert occasions(claims) == [0, 1]


def test_a_planned_event_is_another_occasion(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "The summit in Geneva ended without a deal. The next meeting in Oslo is due in May.",
        "event_location",
    )
    assert occasions(claims) == [0, 1]


def test_a_dateline_city_is_not_where_the_event_was(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "SEOUL (Reuters) - The summit in Vladivostok ended on Wednesday without a joint statement.",
        "event_location",
    )
    assert [view(c, "place") for c in claims] == [{"place": "Vladivostok#vladivostok"}]


def test_participants_are_the_people_of_the_sentence(claims_of: ClaimsOf) -> None:
    (claim,) = claims_of(
        "At a meeting in Rome, Italian Prime Minister Giorgia Meloni welcomed Olaf Scholz.",
        "event_location",
    )
    assert claim.get("participants") == ("giorgia meloni", "olaf scholz")


def test_generic_plural_meetings_are_not_an_event(claims_of: ClaimsOf) -> None:
    assert claims_of("Meetings in Paris and Berlin are common for the group.", "event_location") == []


def test_clauses_give_their_event_a_place(claims_of: ClaimsOf) -> None:
    cases = {
        "The talks took place in Geneva on Monday.": "talks took place in Geneva",
        "In Geneva, the two leaders held talks on Monday.": "Geneva, the two leaders held talks",
        "Geneva hosted the summit.": "Geneva hosted the summit",
        "Kim arrived in Vladivostok for the summit.": "Kim arrived in Vladivostok for the summit",
    }
    for text, quoted in cases.items():
        (claim,) = claims_of(text, "event_location")
        assert claim.span.text == quoted


def test_a_clause_meeting_is_the_reported_event(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "The leaders met in Vladivostok on Wednesday. Their summit in Russia's Far East was short.",
        "event_location",
    )
    assert [view(c, "event_label", "place") for c in claims] == [
        {"event_label": "meeting#", "place": "Vladivostok#vladivostok"},
        {"event_label": "summit#", "place": "Russia's Far East#russian_far_east"},
    ]
    assert occasions(claims) == [0, 0]


def test_different_days_are_different_meetings(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "Ministers met in Brussels on Monday. On Tuesday the meeting in London focused on trade.",
        "event_location",
    )
    assert [view(c, "time") for c in claims] == [
        {"time": "monday"},
        {"time": "tuesday"},
    ]
    assert occasions(claims) == [0, 1]


def test_meeting_again_is_another_occasion(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "The summit in Hanoi ended early. The two leaders met again in Singapore.", "event_location"
    )
    assert occasions(claims) == [0, 1]


def test_bare_plural_talks_refer_back_to_the_reported_meeting(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "French President Emmanuel Macron met Joe Biden in Washington on Wednesday. "
        "During talks in Canada, Joe Biden welcomed Macron.",
        "event_location",
    )
    assert [view(c, "event_label", "place") for c in claims] == [
        {"event_label": "meeting#", "place": "Washington#washington"},
        {"event_label": "talks#", "place": "Canada#canada"},
    ]
    assert occasions(claims) == [0, 0]


def test_a_visit_is_a_trip_not_a_located_event(claims_of: ClaimsOf) -> None:
    # Where a visit goes is the travel claims' business; a tour of two cities is no contradiction.
    claims = claims_of(
        "Macron arrived in Washington on Wednesday for a state visit. The visit took him to Boston.",
        "event_location",
    )
    assert claims == []


# -- every located class, every wording ---------------------------------------------


def test_each_located_wording_places_its_event(claims_of: ClaimsOf) -> None:
    cases = {
        # A contest noun, in a later definite mention.
        "Ghana beat Togo 2-0 on Saturday.\n\nThe victory in Accra sent Ghana top.": ("contest", "Accra"),
        # A crowd gathering for the event: the clause's place.
        "Ghana beat Togo 2-0 on Saturday.\n\nA crowd of 30,000 gathered in Lome for the match.": (
            "contest",
            "Lome",
        ),
        # A capital named by its country's demonym.
        "Ministers held talks in the Kenyan capital on Monday.": ("meeting", "Kenyan capital"),
        # A host city, and an adjective the tagger reads for the noun ("the final").
        "Accra hosted the final on Saturday.": ("contest", "Accra"),
        "The final was hosted by Accra on Saturday.": ("contest", "Accra"),
        # An opening ceremony, a rally, a strike.
        "The opening ceremony in Nairobi was held on Friday.": ("opening", "Nairobi"),
        "Thousands attended a rally in Lusaka on Sunday.": ("gathering", "Lusaka"),
        "Dock workers held a strike in Mombasa on Monday.": ("strike", "Mombasa"),
    }
    for text, (event_class, place) in cases.items():
        found = [(c.get("event_class"), c.get("place").text) for c in claims_of(text, "event_location")]  # type: ignore[union-attr]
        assert found == [(event_class, place)], text


def test_the_same_contest_in_two_wordings_is_one_event(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "Ghana beat Togo 2-0 on Saturday.\n\nA crowd of 20,000 had gathered in the Togolese capital "
        "for the match.\n\nThe victory in Accra lifts Ghana to the top of the group.",
        "event_location",
    )
    assert [c.get("place").text for c in claims] == ["Togolese capital", "Accra"]  # type: ignore[union-attr]
    assert occasions(claims) == [0, 0]


def test_a_dateline_city_is_never_the_event_s_place_but_the_article_may_name_it(claims_of: ClaimsOf) -> None:
    assert claims_of("ACCRA, Ghana — Ghana beat Togo 2-0 on Saturday.", "event_location") == []
    (claim,) = claims_of("ACCRA, Ghana — Ghana beat Togo 2-0 in Accra on Saturday.", "event_location")
    assert claim.span.text == "beat Togo 2-0 in Accra"


@pytest.mark.parametrize(
    "text",
    [
        # A later meeting in another city.
        "Ministers held talks in Nairobi on Monday.\n\nThey will meet again in Kampala in November.",
        # The return fixture.
        "Ghana beat Togo in Accra on Saturday.\n\nThe return fixture in Lome is on June 9.",
        # Two meetings on two days.
        "Ministers met in Nairobi on Monday.\n\nOn Tuesday, ministers met in Kampala to sign the deal.",
        # A second meeting, counted.
        "Ministers met in Nairobi in March.\n\nTheir second meeting, in Kampala, was in June.",
    ],
)
def test_other_occasions_in_other_places(claims_of: ClaimsOf, text: str) -> None:
    assert occasions(claims_of(text, "event_location")) == [0, 1]
