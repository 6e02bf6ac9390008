"""The event layer on sentences of our own: slots, roles, parties and which mentions are one event."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from factcheck.events import EventLayer, Frame, build_event_layer
from factcheck.nlp.entities import build_entity_index
from factcheck.nlp.gazetteer import Gazetteer
from factcheck.pipeline import Checker

Layer = Callable[[str], EventLayer]


@pytest.fixture(scope="module")
def layer(checker: Checker, gazetteer: Gazetteer) -> Layer:
    def run(text: str) -> EventLayer:
        doc = checker.pipeline.nlp(text)
        return build_event_layer(doc, build_entity_index(doc, gazetteer))[0]

    return run


def frames(layer: EventLayer, event_class: str, lemma: str | None = None) -> list[Frame]:
    return [f for f in layer.of_class(event_class) if lemma is None or f.lemma == lemma]


def roles(frame: Frame) -> dict[str, str]:
    """role -> the side of its first filler (a country for a state); a theme as its words."""
    found: dict[str, str] = {}
    for filler in frame.roles:
        if filler.role == "theme":
            found.setdefault(filler.role, filler.span.text.lower())
        elif filler.party is not None:
            found.setdefault(filler.role, filler.party.side)
    return found


@pytest.mark.parametrize(
    ("text", "lemma"),
    [
        ("Uzbekistan will supply Georgia with cotton.", "supply"),
        ("Uzbekistan will sell cotton to Georgia.", "sell"),
        ("Georgia will buy cotton from Uzbekistan.", "buy"),
        ("Cotton will be sold to Georgia by Uzbekistan.", "sell"),
        ("Uzbekistan's sale of cotton to Georgia was signed on Monday.", "sale"),
        ("Officials praised Uzbekistan's pledge to supply Georgia with cotton.", "supply"),
        ("Georgia's purchase of cotton from Uzbekistan was approved.", "purchase"),
        ("The cotton that Georgia will buy from Uzbekistan arrives in May.", "buy"),
        ("Uzbekistan agreed to export cotton to Georgia.", "export"),
    ],
)
def test_one_transfer_in_every_wording(layer: Layer, text: str, lemma: str) -> None:
    (frame,) = frames(layer(text), "transfer", lemma)
    assert roles(frame) == {"giver": "uzbekistan", "receiver": "georgia", "theme": "cotton"}


def test_a_relative_pronoun_stands_for_its_noun(layer: Layer) -> None:
    text = "Veltra Bank, which lent the money to Brenmark Foods, reported a profit."
    (frame,) = frames(layer(text), "transfer", "lend")
    giver = frame.first("giver")
    assert giver is not None and giver.span.text == "Veltra Bank"
    receiver = frame.first("receiver")
    assert receiver is not None and receiver.span.text == "Brenmark Foods"


def test_a_short_name_and_a_description_name_the_organisation_again(layer: Layer) -> None:
    text = (
        "Orvane Mining Holdings agreed to sell its copper unit to Telsa Partners on Monday.\n\n"
        "Shares in Orvane rose after the company announced the sale."
    )
    found = layer(text)
    (sell,) = frames(found, "transfer", "sell")
    giver = sell.first("giver")
    assert giver is not None and giver.party is not None
    assert giver.party.key == "org:orvane mining"


def test_the_owner_of_what_is_sold_is_the_seller(layer: Layer) -> None:
    text = "Traders cheered after Telsa Partners announced the sale of its stake to Orvane Mining."
    (sale,) = frames(layer(text), "transfer", "sale")
    giver, receiver = sale.first("giver"), sale.first("receiver")
    assert giver is not None and giver.party is not None and giver.party.key == "org:telsa partners"
    assert receiver is not None and receiver.span.text == "Orvane Mining"


@pytest.mark.parametrize(
    ("text", "origin", "destination"),
    [
        ("The ferry sailed from Split to Ancona overnight.", "Split", "Ancona"),
        ("A coach travelling from Graz to Vienna overturned on Sunday.", "Graz", "Vienna"),
        ("The coach had left Graz at dawn.", "Graz", None),
        ("The delegation arrived in Vienna from Graz on Monday.", "Graz", "Vienna"),
    ],
)
def test_trips_have_origins_and_destinations(
    layer: Layer, text: str, origin: str | None, destination: str | None
) -> None:
    (trip,) = frames(layer(text), "trip")
    found_origin, found_destination = trip.first("origin"), trip.first("destination")
    assert (found_origin.span.text if found_origin else None) == origin
    assert (found_destination.span.text if found_destination else None) == destination


def test_a_light_verb_gives_its_noun_a_subject_and_an_opponent(layer: Layer) -> None:
    text = "The court dismissed the lawsuit that the mayor had brought against a local newspaper."
    (suit,) = frames(layer(text), "lawsuit", "lawsuit")
    assert {f.role: f.span.text for f in suit.roles} == {"plaintiff": "mayor", "defendant": "local newspaper"}


def test_a_possessor_with_of_is_the_winner_of_a_defeat(layer: Layer) -> None:
    lost = frames(layer("Nadia Petrov's defeat in the final surprised her fans."), "contest", "defeat")
    assert [f.role for f in lost[0].roles] == ["loser"]
    beaten = frames(layer("Norway's defeat of Chile sent them through."), "contest", "defeat")
    assert sorted(f.role for f in beaten[0].roles) == ["loser", "winner"]


def test_the_object_of_won_is_the_contest_not_a_side(layer: Layer) -> None:
    found = layer("Nadia Petrov won the runoff on Sunday.")
    (win,) = frames(found, "contest", "win")
    (runoff,) = frames(found, "election")
    assert win.about == (runoff.trigger_index,)
    assert [f.role for f in win.roles] == ["winner"]


def test_time_place_polarity_and_modality(layer: Layer) -> None:
    found = layer("The leaders did not meet in Oslo on Tuesday. They will hold talks in Bergen next week.")
    meet = frames(found, "meeting", "meet")[0]
    assert (meet.polarity, meet.modality) == ("negative", "asserted")
    assert [p.text for p in meet.places] == ["Oslo"] and meet.time is not None and meet.time.text == "Tuesday"
    talks = frames(found, "meeting", "talks")[0]
    assert talks.modality == "future" and [p.text for p in talks.places] == ["Bergen"]


def test_a_dateline_is_not_the_subject_of_the_first_sentence(layer: Layer) -> None:
    text = "Grain deal signed\n\nTASHKENT, Uzbekistan — Uzbekistan will supply Georgia with cotton."
    (frame,) = frames(layer(text), "transfer", "supply")
    assert roles(frame)["giver"] == "uzbekistan"


# -- one event --------------------------------------------------------------------


def events(layer: EventLayer, event_class: str) -> list[str]:
    return [layer.event(f) for f in layer.of_class(event_class)]


@pytest.mark.parametrize(
    "text",
    [
        "Norway beat Chile 2-0 on Saturday.\n\nThe victory in Bergen sent Norway top.",
        "Norway beat Chile in the opening match.\n\nThe win lifted Norway to the top of the group.",
        "Talks between the two ministers began in Oslo.\n\nThe meeting ended without a statement.",
        "Unions called a 24-hour strike.\n\nThe walkout closed every port.",
    ],
)
def test_a_later_definite_mention_is_the_reported_event(layer: Layer, text: str) -> None:
    found = layer(text)
    classes = {f.event_class for f in found.frames if f.event_class in {"contest", "meeting", "strike"}}
    for event_class in classes:
        assert len(set(events(found, event_class))) == 1, event_class


@pytest.mark.parametrize(
    "text",
    [
        # Other sides: another match of the same round.
        "Norway beat Chile on Saturday.\n\nPeru, who beat Spain in Lima, lead the group.",
        # Another occasion, marked.
        "Ministers met in Oslo on Monday.\n\nThey will meet again in Bergen in June.",
        # A stage named on one side only.
        "Norway beat Chile on Saturday to reach the final.\n\nSaturday's final in Oslo sold out.",
        # A year on one side only.
        "The ministers met in Oslo on Monday.\n\nThe two last met in Bergen in 2019.",
        # Each named by its own day.
        "Saturday's match was cancelled.\n\nWednesday's match went ahead.",
        # An ordinal.
        "Lawmakers held a vote on Thursday.\n\nA second vote is due on Friday.",
    ],
)
def test_different_occasions_are_kept_apart(layer: Layer, text: str) -> None:
    found = layer(text)
    classes = {f.event_class for f in found.frames}
    assert any(len(set(events(found, c))) > 1 for c in classes), [
        (f.lemma, found.event(f)) for f in found.frames
    ]


def _action(layer: EventLayer, lemma: str) -> Frame:
    (frame,) = frames(layer, "action", lemma)
    return frame


def _slots(frame: Frame) -> dict[str, str]:
    """slot -> role: filler words, for a generic action."""
    return {f.slot: f"{f.role}: {f.span.text}" for f in frame.roles}


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        (
            "The county board adopted its budget.",
            {"subject": "agent: county board", "object": "theme: its budget"},
        ),
        (
            "The budget was adopted by the county board.",
            {"passive_subject": "theme: budget", "by": "agent: county board"},
        ),
        ("Under the budget adopted on Friday, fees rise.", {"passive_subject": "theme: budget"}),
        (
            "The board, which adopted the budget, met again.",
            {"subject": "agent: board", "object": "theme: budget"},
        ),
        (
            "The board agreed to adopt the budget.",
            {"subject": "agent: board", "object": "theme: budget"},
        ),
    ],
)
def test_a_verb_no_class_claims_is_a_generic_action(layer: Layer, text: str, slots: dict[str, str]) -> None:
    assert _slots(_action(layer(text), "adopt")) == slots


def test_an_event_noun_can_be_what_a_generic_action_is_done_to(layer: Layer) -> None:
    frame = _action(layer("The operator cancelled 40 regional trains."), "cancel")
    assert _slots(frame) == {"subject": "agent: operator", "object": "theme: 40 regional trains"}


def test_light_verbs_and_class_verbs_evoke_no_generic_action(layer: Layer) -> None:
    found = layer("Kazakhstan sold wheat to Georgia. The minister said it was good.")
    assert [f.lemma for f in found.of_class("action")] == []
    assert [f.lemma for f in found.of_class("transfer")] == ["sell"]


def test_a_class_verb_used_in_no_class_sense_is_a_generic_action(layer: Layer) -> None:
    frame = _action(layer("The party won 47 seats."), "win")
    assert _slots(frame) == {"subject": "agent: party", "object": "theme: 47 seats"}


def test_generic_actions_are_one_event_only_with_the_same_verb(layer: Layer) -> None:
    found = layer(
        "The board did not adopt the budget on Monday. The board delayed the budget on Monday. "
        "Under the budget adopted on Monday, fees rise."
    )
    adopt = frames(found, "action", "adopt")
    (delay,) = frames(found, "action", "delay")
    assert len({found.event(f) for f in adopt}) == 1
    assert found.event(delay) != found.event(adopt[0])


def test_without_denies_the_frame_it_governs(layer: Layer) -> None:
    found = layer("The delegates left without signing the treaty. The talks ended without a deal.")
    assert _action(found, "sign").polarity == "negative"
    # The treaty is a deal noun whose light verb "signing" is denied; the deal is denied outright.
    assert [(f.lemma, f.polarity) for f in frames(found, "deal")] == [
        ("treaty", "negative"),
        ("deal", "negative"),
    ]


def test_a_participle_keeps_its_own_modality(layer: Layer) -> None:
    found = layer("Under the budget adopted on Friday, tenants would pay more.")
    assert _action(found, "adopt").modality == "asserted"


def test_a_passive_without_a_subject_of_its_own_takes_its_clause_subject(layer: Layer) -> None:
    found = layer("The envoy was thanked by officials after being greeted by the king.")
    assert _slots(_action(found, "greet")) == {"passive_subject": "theme: envoy", "by": "agent: king"}


def test_the_main_clause_of_a_condition_is_conditional(layer: Layer) -> None:
    found = layer("If the storm worsens, the carrier cancels the flights.")
    assert _action(found, "cancel").modality == "conditional"


def test_an_adjective_heading_its_noun_phrase_is_an_event_noun(layer: Layer) -> None:
    found = layer("Fiji beat Tonga in the final on Sunday.")
    (beat,) = frames(found, "contest", "beat")
    (final,) = frames(found, "contest", "final")
    assert beat.about == (final.trigger_index,)
    assert final.reference.stage == "final"


def test_a_description_with_a_name_in_apposition_is_the_name(layer: Layer) -> None:
    (frame,) = frames(layer("Ruth Wambui beat the incumbent, Paul Okello, in the vote."), "contest", "beat")
    loser = frame.first("loser")
    assert loser is not None and loser.party is not None
    assert loser.party.key == "person:paul okello"


@pytest.mark.parametrize(
    "text",
    [
        # Another time: the day of one, the month of another owner's.
        "Ministers met in Oslo on Sunday.\n\n"
        "Sunday's meeting agreed a plan. The bank held its May meeting in Bergen.",
        # Another owner: the OECD's meeting is not the G20 ministers'.
        "Debt talks stall\n\nFinance ministers of the G20 met in Oslo on Sunday to discuss debt.\n\n"
        "The G20 ministers' meeting in Oslo ended without a statement. An OECD meeting in Bergen "
        "last week had backed the plan.\n\nOfficials said the OECD meeting in Bergen was calmer.",
    ],
)
def test_meetings_of_other_times_or_owners_are_two_occasions(layer: Layer, text: str) -> None:
    found = layer(text)
    oslo = [found.event(f) for f in frames(found, "meeting") if [p.text for p in f.places] == ["Oslo"]]
    bergen = [found.event(f) for f in frames(found, "meeting") if [p.text for p in f.places] == ["Bergen"]]
    assert oslo and bergen and not set(oslo) & set(bergen)
