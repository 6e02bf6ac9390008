"""Transfer and offer: giver, receiver, thing and how firmly it is meant."""

from __future__ import annotations

from helpers import view

FIELDS = ("giver_side", "receiver_side", "thing_stems", "force", "receiver_implied")


def test_commits_to_providing_b_with_x(claims_of) -> None:  # type: ignore[no-untyped-def]
    (claim,) = claims_of(
        "Japanese Prime Minister Fumio Kishida commits to providing Vietnam with patrol boats.",
        "transfer",
    )
    assert claim.span.text == "Fumio Kishida commits to providing Vietnam with patrol boats"
    assert view(claim, *FIELDS) == {
        "giver_side": "japan",
        "receiver_side": "vietnam",
        "thing_stems": ("boat", "patrol"),
        "force": "committed",
        "receiver_implied": False,
    }


def test_a_proposal_that_b_provide_makes_b_the_giver(claims_of) -> None:  # type: ignore[no-untyped-def]
    (claim,) = claims_of("Germany proposed that Poland provide tanks for the exercise.", "transfer")
    assert view(claim, *FIELDS) == {
        "giver_side": "poland",
        "receiver_side": "germany",
        "thing_stems": ("tank",),
        "force": "requested",
        "receiver_implied": True,
    }


def test_a_prediction_is_not_a_request(claims_of) -> None:  # type: ignore[no-untyped-def]
    assert claims_of("An analyst suggests that Poland will provide tanks in phases.", "transfer") == []


def test_receive_from(claims_of) -> None:  # type: ignore[no-untyped-def]
    (claim,) = claims_of("Ukraine will receive tanks from France.", "transfer")
    assert view(claim, *FIELDS) == {
        "giver_side": "france",
        "receiver_side": "ukraine",
        "thing_stems": ("tank",),
        "force": "future",
        "receiver_implied": False,
    }


def test_passive_with_agent(claims_of) -> None:  # type: ignore[no-untyped-def]
    (claim,) = claims_of("Ukraine was supplied with tanks by France.", "transfer")
    assert view(claim, "giver_side", "receiver_side", "thing_stems") == {
        "giver_side": "france",
        "receiver_side": "ukraine",
        "thing_stems": ("tank",),
    }


def test_unnamed_goods_are_compared_by_the_verb(claims_of) -> None:  # type: ignore[no-untyped-def]
    (claim,) = claims_of("Russia will supply North Korea.", "transfer")
    assert view(claim, "giver_side", "receiver_side", "thing_stems") == {
        "giver_side": "russia",
        "receiver_side": "north_korea",
        "thing_stems": ("supply (unnamed)",),
    }


def test_a_reciprocal_deal_is_two_transfers_of_different_things(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of("Brazil sells grain to Egypt, while Egypt sells fertiliser to Brazil.", "transfer")
    assert [view(c, "giver_side", "receiver_side", "thing_stems") for c in claims] == [
        {"giver_side": "brazil", "receiver_side": "egypt", "thing_stems": ("grain",)},
        {"giver_side": "egypt", "receiver_side": "brazil", "thing_stems": ("fertiliser",)},
    ]


def test_giving_that_is_only_weighed_is_not_a_claim(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = "Paris has always been cautious about passing on sensitive technology to Tehran."
    assert claims_of(text, "transfer") == []


def test_capitals_stand_for_their_governments(claims_of) -> None:  # type: ignore[no-untyped-def]
    (claim,) = claims_of("Washington agreed to send rockets to Kyiv.", "transfer")
    assert view(claim, "giver_side", "receiver_side", "force") == {
        "giver_side": "united_states",
        "receiver_side": "ukraine",
        "force": "agreed",
    }


def test_technical_words_share_a_stem(claims_of) -> None:  # type: ignore[no-untyped-def]
    (claim,) = claims_of("France offered India technological support.", "transfer")
    assert claim.get("thing_stems") == ("tech",)


def test_a_noun_of_giving_names_giver_thing_and_receiver(claims_of) -> None:  # type: ignore[no-untyped-def]
    (claim,) = claims_of("Iran's supply of drones to Russia worried Kyiv.", "transfer")
    assert claim.span.text == "Iran's supply of drones to Russia"
    assert view(claim, "giver_side", "receiver_side", "thing_stems", "force") == {
        "giver_side": "iran",
        "receiver_side": "russia",
        "thing_stems": ("drone",),
        "force": "stated",
    }


def test_a_bare_noun_of_giving_is_not_a_transfer(claims_of) -> None:  # type: ignore[no-untyped-def]
    assert claims_of("Arms sales rose sharply in Asia last year.", "transfer") == []
