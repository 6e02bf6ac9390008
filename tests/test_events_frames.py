"""The event layer on sentences of our own: slots, roles, parties and which mentions are one event."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from factcheck.events import EventLayer, Frame, PartyIndex, build_event_layer
from factcheck.events.parties import build_party_index
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


def test_a_verb_done_to_nothing_evokes_no_generic_action(layer: Layer) -> None:
    found = layer("Ferry fares rose sharply. The harbour board raised the fares in May.")
    assert [(f.lemma, sorted(_slots(f))) for f in found.of_class("action")] == [
        ("raise", ["object", "subject"])
    ]
    assert all(f.places == () for f in found.of_class("action"))


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


# -- parties: organisations the tagger missed, descriptions, surnames ----------------

Parties = Callable[[str], tuple[EventLayer, PartyIndex]]


@pytest.fixture(scope="module")
def parties_of(checker: Checker, gazetteer: Gazetteer) -> Parties:
    def run(text: str) -> tuple[EventLayer, PartyIndex]:
        doc = checker.pipeline.nlp(text)
        return build_event_layer(doc, build_entity_index(doc, gazetteer))

    return run


def _party_keys(layer: EventLayer, role: str, event_class: str = "transfer") -> list[str]:
    return [f.party.key for frame in layer.of_class(event_class) for f in frame.fillers(role) if f.party]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # The name's last word says it is an organisation; its first word names it again.
        (
            "Peruvian miner Corvo Minerals agreed to sell the mine.\n\nLater Corvo sold it to Helix.",
            "org:corvo minerals",
        ),
        # A noun in apposition or the noun a name qualifies.
        ("Ohio's utility, Lakeland Hydro, will sell power to Indiana.", "org:lakeland hydro"),
        ("The Casa Verde gallery lent the paintings to Porto.", "org:casa verde"),
    ],
)
def test_a_name_the_tagger_missed_is_an_organisation(parties_of: Parties, text: str, key: str) -> None:
    layer, _ = parties_of(text)
    assert key in _party_keys(layer, "giver")


def test_short_names_and_descriptions_name_the_organisation_again(parties_of: Parties) -> None:
    text = (
        "The Casa Verde gallery borrowed the paintings from Teller Energy, a Dayton-based utility.\n\n"
        "Casa Verde will return them to the utility in May, and the gallery will pay a fee to Teller."
    )
    layer, _ = parties_of(text)
    keys = {
        f.lemma: (_party_keys_of(f, "giver"), _party_keys_of(f, "receiver"))
        for f in layer.of_class("transfer")
    }
    assert keys["borrow"] == (["org:teller energy"], ["org:casa verde"])
    assert keys["return"] == (["org:casa verde"], ["org:teller energy"])
    assert keys["pay"] == (["org:casa verde"], ["org:teller energy"])


def _party_keys_of(frame: Frame, role: str) -> list[str]:
    return [f.party.key for f in frame.fillers(role) if f.party]


def test_an_organisation_tied_to_a_place_is_on_that_place_s_side(parties_of: Parties) -> None:
    layer, _ = parties_of("Ohio's utility, Lakeland Hydro, will sell power to Ontario.")
    (sell,) = layer.of_class("transfer")
    giver, receiver = sell.first("giver"), sell.first("receiver")
    assert giver is not None and giver.party is not None and giver.party.side == "united_states"
    assert receiver is not None and receiver.party is not None and receiver.party.side == "canada"


def test_a_description_with_a_place_is_on_that_place_s_side_without_a_name(parties_of: Parties) -> None:
    layer, _ = parties_of("A Swiss trader bought the cargo from the Ohio company.")
    (buy,) = layer.of_class("transfer")
    giver, receiver = buy.first("giver"), buy.first("receiver")
    assert giver is not None and giver.party is not None
    assert (giver.party.side, giver.party.kind) == ("united_states", "thing")
    assert receiver is not None and receiver.party is not None and receiver.party.side == "switzerland"


def test_a_name_beside_a_person_s_title_is_not_an_organisation(parties_of: Parties) -> None:
    text = (
        "Corvo Minerals sold the mine.\n\n"
        "Corvo's chief executive, Ana Prieto, said the company would pay its debts."
    )
    layer, parties = parties_of(text)
    assert [n.key for n in parties.organisations] == ["corvo minerals"]
    (pay,) = [f for f in layer.of_class("transfer") if f.lemma == "pay"]
    assert _party_keys_of(pay, "giver") == ["org:corvo minerals"]


def test_a_lowercase_word_the_tagger_calls_a_name_is_no_organisation(parties_of: Parties) -> None:
    _, parties = parties_of("She will keep the city council seat that the law reserves for the runner-up.")
    assert parties.organisations == []


@pytest.mark.parametrize("name", ["Ana Soria", "Lucia Granada"])
def test_a_surname_is_the_person_even_when_the_tagger_calls_it_a_town(parties_of: Parties, name: str) -> None:
    surname = name.split()[-1]
    text = f"Lawyer Diego Vargas sued journalist {name} in May.\n\n{surname}, the defendant, said so."
    layer, _ = parties_of(text)
    (noun,) = [f for f in layer.of_class("lawsuit") if f.role_noun]
    described = noun.first("defendant")
    assert described is not None and described.party is not None
    assert described.party.key == f"person:{name.lower()}"


# -- slots the parser hides ------------------------------------------------------


def test_a_counted_noun_the_parser_fuses_with_the_subject_is_the_object(layer: Layer) -> None:
    text = "The 300,000 tonnes Georgia will buy from Uzbekistan will arrive in May."
    (buy,) = frames(layer(text), "transfer", "buy")
    assert roles(buy) == {"receiver": "georgia", "giver": "uzbekistan", "theme": "300,000 tonnes"}


@pytest.mark.parametrize(
    ("text", "receiver"),
    [
        ("Brazil sold India new fighter jets.", "india"),
        ("Brazil sold Kenya tea to India.", "india"),  # one modifier: a kind of tea, not a receiver
    ],
)
def test_a_first_object_the_parser_folds_into_the_second(layer: Layer, text: str, receiver: str) -> None:
    (sell,) = frames(layer(text), "transfer", "sell")
    assert roles(sell)["receiver"] == receiver


def test_a_headline_subject_before_an_infinitive(layer: Layer) -> None:
    (sell,) = frames(layer("Uzbekistan to sell cotton to Georgia"), "transfer", "sell")
    assert roles(sell) == {"giver": "uzbekistan", "receiver": "georgia", "theme": "cotton"}


def test_a_particle_the_parser_calls_an_adverb_makes_the_verb_and_keeps_its_preposition(layer: Layer) -> None:
    (back,) = frames(layer("Uzbekistan sold the stake back to Georgia in May."), "transfer")
    assert back.lemma == "sell back"
    assert roles(back) == {"giver": "uzbekistan", "receiver": "georgia", "theme": "stake"}


@pytest.mark.parametrize(
    ("text", "giver", "receiver"),
    [
        ("Georgia will lease the turbines to Armenia.", "georgia", "armenia"),
        ("Armenia will lease the turbines from Georgia.", "georgia", "armenia"),
        ("Russia's loan to Belarus was approved.", "russia", "belarus"),
        ("Belarus's loan from Russia was approved.", "russia", "belarus"),
    ],
)
def test_words_of_either_direction_take_it_from_their_prepositions(
    layer: Layer, text: str, giver: str, receiver: str
) -> None:
    (frame,) = frames(layer(text), "transfer")
    found = roles(frame)
    assert (found["giver"], found["receiver"]) == (giver, receiver)


@pytest.mark.parametrize(
    "text",
    ["Soria filed a counter-suit against Vargas on Friday.", "Soria counter-sued Vargas on Friday."],
)
def test_a_hyphened_prefix_names_another_occasion(layer: Layer, text: str) -> None:
    (frame,) = frames(layer(text), "lawsuit")
    assert frame.reference.other_occasion


# -- role nouns ------------------------------------------------------------------

_SUIT = "Lawyer Diego Vargas sued journalist Ana Soria in May.\n\n"


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


@pytest.mark.parametrize(
    "text",
    [
        "Soria, the defendant, said she would appeal.",
        "The defendant, Ana Soria, said she would appeal.",
        "Soria was the defendant.",
        "The court named Soria as the defendant.",
        "The court named the journalist Ana Soria as the defendant.",
        "Outside court, defendant Ana Soria said she would appeal.",
    ],
)
def test_a_role_noun_names_a_side_of_the_event_its_party_takes_part_in(layer: Layer, text: str) -> None:
    found = layer(_SUIT + text)
    (sue,) = frames(found, "lawsuit", "sue")
    (noun,) = frames(found, "lawsuit", "defendant")
    assert noun.role_noun and noun.places == ()
    described = noun.first("defendant")
    assert described is not None and described.party is not None
    assert described.party.key == "person:ana soria"
    assert found.event(noun) == found.event(sue)


def test_only_a_time_of_its_own_keeps_a_role_noun_from_its_party_s_event(layer: Layer) -> None:
    text = (
        "The lawsuit Diego Vargas filed against Maria Castillo goes to trial next week.\n\n"
        "Vargas is the defendant."
    )
    found = layer(text)
    (suit,) = frames(found, "lawsuit", "lawsuit")
    (noun,) = frames(found, "lawsuit", "defendant")
    assert found.event(noun) == found.event(suit)
    found = layer("Diego Vargas sued Maria Castillo in May.\n\nVargas was the defendant in 2019.")
    (sue,) = frames(found, "lawsuit", "sue")
    (noun,) = frames(found, "lawsuit", "defendant")
    assert found.event(noun) != found.event(sue)


def test_a_role_noun_in_another_case_is_a_side_of_that_case(layer: Layer) -> None:
    text = _SUIT + "Vargas is also the defendant in a separate case brought by a bank."
    found = layer(text)
    (sue,) = frames(found, "lawsuit", "sue")
    (noun,) = frames(found, "lawsuit", "defendant")
    (case,) = frames(found, "lawsuit", "case")
    assert found.event(noun) == found.event(case) != found.event(sue)


def test_a_role_noun_with_no_event_of_its_party_names_none(layer: Layer) -> None:
    found = layer(_SUIT + "Teresa Lamas, the plaintiff, was not in court.")
    (noun,) = frames(found, "lawsuit", "plaintiff")
    assert found.event(noun) not in {found.event(f) for f in found.frames if not f.role_noun}


def test_a_role_noun_is_a_party_when_it_fills_a_role(layer: Layer) -> None:
    (sell,) = frames(layer("Georgia sold the turbines to the buyer, Armenia."), "transfer", "sell")
    receiver = sell.first("receiver")
    assert receiver is not None and receiver.span.text == "buyer"


def test_a_noun_in_apposition_to_a_person_is_the_person(parties_of: Parties) -> None:
    layer, _ = parties_of("Diego Vargas sued the journalist Maria Castillo in May.")
    (sue,) = layer.of_class("lawsuit")
    assert _party_keys_of(sue, "defendant") == ["person:maria castillo"]


# -- time ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lemma", "time"),
    [
        ("The minister landed in Quito on Tuesday morning.", "land", "Tuesday"),
        ("Her flight touched down in Lagos on Friday night.", "flight", "Friday"),
        # "since" and "until" bound a period; they do not date the event.
        ("The visit to Chile will be the first by a minister since 2009.", "visit", None),
        ("The tour of Peru is his longest until 2031.", "tour", None),
        # How often is not when: a recurrence dates no one occasion.
        ("The minister flies to Quito every month.", "fly", None),
        ("Her flights to Lagos each week are paid by the ministry.", "flight", None),
    ],
)
def test_the_time_of_a_frame(layer: Layer, text: str, lemma: str, time: str | None) -> None:
    found = [f for f in frames(layer(text), "trip") if f.lemma == lemma]
    assert [f.time.text if f.time else None for f in found] == [time]


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("In May, when Tonga beat Samoa 3-0, the stadium was full.", "May"),
        ("The stadium was full on Friday, when Fiji beat Japan.", "Friday"),
        ("Chile have not won there since 2019, when Peru beat them in Lima.", "2019"),
        ("Fans still recall the night in May, when Tonga beat Samoa 3-0.", "May"),
    ],
)
def test_a_clause_on_a_date_takes_that_date(layer: Layer, text: str, time: str) -> None:
    (beat,) = frames(layer(text), "contest", "beat")
    assert beat.time is not None and beat.time.text == time


@pytest.mark.parametrize(
    "text",
    [
        "The ban was lifted in March.",
        "Since March, exports to Kenya have doubled.",
        "Talks resumed on March 3 in Nairobi.",
        "In March, when Tonga beat Samoa, the ban was lifted.",
    ],
)
def test_a_month_named_like_an_event_is_a_date(layer: Layer, text: str) -> None:
    assert frames(layer(text), "gathering") == []


def test_a_march_is_still_a_gathering(layer: Layer) -> None:
    (march,) = frames(layer("The march through Nairobi drew thousands on Sunday."), "gathering")
    assert march.lemma == "march"


@pytest.mark.parametrize(
    "earlier",
    [
        "The result reversed their meeting in June, when Uganda beat Kenya 3-1.",
        "In June Uganda beat Kenya 3-1 at home.",
        "Uganda had beaten Kenya in October.",
    ],
)
def test_a_month_set_against_the_story_s_weekday_is_another_occasion(layer: Layer, earlier: str) -> None:
    text = f"Kenya top group\n\nKAMPALA, Uganda — Kenya beat Uganda 2-0 on Saturday.\n\n{earlier}"
    found = layer(text)
    saturday, other = frames(found, "contest", "beat")
    assert found.event(saturday) != found.event(other)


def test_a_month_and_a_date_in_it_may_be_one_occasion(layer: Layer) -> None:
    text = "Kenya top group\n\nKAMPALA, Uganda — Kenya beat Uganda on June 7.\n\nKenya beat Uganda in June."
    found = layer(text)
    first, second = frames(found, "contest", "beat")
    assert found.event(first) == found.event(second)


# -- places -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Apia hosted the final on Saturday.", "Apia"),
        ("The final was hosted by Apia.", "Apia"),
        ("The final was played in Apia on Saturday.", "Apia"),
        ("Thousands watched the final in Apia.", "Apia"),
    ],
)
def test_an_adjective_standing_as_a_noun_is_an_event(layer: Layer, text: str, place: str) -> None:
    (final,) = frames(layer(text), "contest", "final")
    assert [p.text for p in final.places] == [place]


@pytest.mark.parametrize(
    ("text", "cls", "lemma", "place"),
    [
        ("Nuku'alofa hosted the opening match on Friday.", "contest", "match", "Nuku'alofa"),
        ("The rally was hosted by Suva.", "gathering", "rally", "Suva"),
        ("Vienna hosted the summit.", "meeting", "summit", "Vienna"),
        ("The summit, which took place in Helsinki, ended early.", "meeting", "summit", "Helsinki"),
        ("The concert, held in Lagos, drew thousands.", "gathering", "concert", "Lagos"),
        # A venue that is no known place stands in one: "at a hotel in Dakar".
        ("The leaders' summit took place at a hotel in Dakar.", "meeting", "summit", "Dakar"),
        ("The final was played at a stadium in Suva.", "contest", "final", "Suva"),
        ("The signing, held at a villa in Accra, was brief.", "deal", "signing", "Accra"),
        ("Thousands joined the rally at a park in Quito.", "gathering", "rally", "Quito"),
        ("The talks were held in a conference hall in Tashkent.", "meeting", "talks", "Tashkent"),
    ],
)
def test_a_place_that_hosts_or_a_clause_that_places_the_event(
    layer: Layer, text: str, cls: str, lemma: str, place: str
) -> None:
    (event,) = frames(layer(text), cls, lemma)
    assert [p.text for p in event.places] == [place]


def test_a_venue_is_placed_by_its_own_in_only(layer: Layer) -> None:
    (met,) = frames(layer("The leaders met at a hotel owned by a firm from Dakar."), "meeting", "meet")
    assert met.places == ()
    (signing,) = frames(layer("The club completed the signing of a striker from Lyon."), "deal", "signing")
    assert signing.places == ()


def test_a_host_that_is_no_place_places_nothing(layer: Layer) -> None:
    (summit,) = frames(layer("The foreign minister hosted the summit."), "meeting", "summit")
    assert summit.places == ()


@pytest.mark.parametrize(
    ("text", "contest"),
    [
        ("Fiji drew 1-1 with Samoa on Saturday.", True),
        ("Fiji and Samoa drew 2-2.", True),
        ("Fiji drew the final against Samoa.", True),
        ("Tonga tied with Fiji in Suva.", True),
        ("The concert drew thousands.", False),
        ("The plan drew criticism from unions.", False),
    ],
)
def test_a_draw_is_a_contest_only_when_it_draws_no_crowd(layer: Layer, text: str, contest: bool) -> None:
    assert bool([f for f in frames(layer(text), "contest") if f.lemma in {"draw", "tie"}]) is contest


def test_a_final_day_is_no_final(layer: Layer) -> None:
    assert frames(layer("It was the final day of the talks in Apia."), "contest") == []


def test_a_dateline_with_an_apostrophe_is_not_the_subject(layer: Layer) -> None:
    text = "Grain deal signed\n\nNUKU'ALOFA, Tonga — Uzbekistan will supply Georgia with cotton."
    (frame,) = frames(layer(text), "transfer", "supply")
    assert roles(frame)["giver"] == "uzbekistan"


# -- trips: who travels, through light, carrying and vehicle verbs -------------------


def trip_roles(frame: Frame) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for filler in frame.roles:
        found.setdefault(filler.role, []).append(filler.span.text)
    return found


@pytest.mark.parametrize(
    ("text", "lemma", "expected"),
    [
        (
            "Chilean Foreign Minister Ana Rojas will leave on Monday for a trip abroad.",
            "trip",
            {"traveller": ["Ana Rojas"]},
        ),
        (
            "Ana Rojas embarked on a tour of Asia on Monday.",
            "tour",
            {"traveller": ["Ana Rojas"], "destination": ["Asia"]},
        ),
        (
            "The minister is on a visit to Peru.",
            "visit",
            {"traveller": ["minister"], "destination": ["Peru"]},
        ),
        (
            "Her first trip abroad took her to Ghana.",
            "trip",
            {"traveller": ["Her", "her"], "destination": ["Ghana"]},
        ),
        ("The tour brought the choir to Lima.", "tour", {"traveller": ["choir"], "destination": ["Lima"]}),
        ("The visit took place in Lima on Monday.", "visit", {}),
        (
            "Ana Rojas boarded a train bound for Kyiv.",
            "bind",
            {"traveller": ["Ana Rojas", "train"], "destination": ["Kyiv"]},
        ),
        ("The plane took off from Abuja at noon.", "take off", {"traveller": ["plane"], "origin": ["Abuja"]}),
    ],
)
def test_who_travels_where(layer: Layer, text: str, lemma: str, expected: dict[str, list[str]]) -> None:
    (trip,) = frames(layer(text), "trip", lemma)
    assert trip_roles(trip) == expected


def test_bound_by_a_treaty_is_no_trip(layer: Layer) -> None:
    assert frames(layer("Both states are bound by the treaty."), "trip") == []


def test_the_verb_that_carries_a_noun_frame(layer: Layer) -> None:
    found = layer("The minister will leave for a trip to Peru.")
    (trip,) = frames(found, "trip", "trip")
    (leave,) = frames(found, "trip", "leave")
    assert trip.support == leave.trigger_index and trip.modality == "future"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A headline the parser reads as one noun phrase: its subject is a compound.
        (
            "Peruvian trade minister heads to Quito",
            {"traveller": ["Peruvian trade minister"], "destination": ["Quito"]},
        ),
        (
            "Julia Campos flew back to Lima on Sunday.",
            {"traveller": ["Julia Campos"], "destination": ["Lima"]},
        ),
        (
            "Julia Campos was flown to Lima by helicopter.",
            {"traveller": ["Julia Campos"], "destination": ["Lima"]},
        ),
    ],
)
def test_more_wordings_of_a_trip(layer: Layer, text: str, expected: dict[str, list[str]]) -> None:
    (trip,) = frames(layer(text), "trip")
    assert trip_roles(trip) == expected


def test_a_headline_noun_that_is_no_verb_is_still_a_noun(layer: Layer) -> None:
    (talks,) = frames(layer("Border talks in Geneva"), "meeting")
    assert [p.text for p in talks.places] == ["Geneva"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The bus from Graz to Vienna overturned on Sunday.",
            {"traveller": ["bus"], "origin": ["Graz"], "destination": ["Vienna"]},
        ),
        (
            "The ferry to Split was cancelled.",
            {"traveller": ["ferry"], "destination": ["Split"]},
        ),
    ],
)
def test_a_vehicle_named_with_its_route_travels_it(
    layer: Layer, text: str, expected: dict[str, list[str]]
) -> None:
    (trip,) = frames(layer(text), "trip")
    assert trip_roles(trip) == expected


def test_a_vehicle_without_a_route_is_no_trip_but_may_travel(layer: Layer) -> None:
    found = layer("The bus left Graz at dawn. Officials took the bus to work.")
    (leave,) = frames(found, "trip")
    assert trip_roles(leave) == {"traveller": ["bus"], "origin": ["Graz"]}


# -- times, modality and identity of one event (issue 8: values of one event) -----


def test_a_hyphenated_event_noun_is_one_word_with_its_date(layer: Layer) -> None:
    found = layer("Observers praised the count in the May 3 by-election in Tartu.")
    (frame,) = frames(found, "election")
    assert (frame.lemma, frame.trigger.text, frame.reference.definite) == ("by-election", "by-election", True)
    assert frame.time is not None and frame.time.text == "May 3"


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("A reformist won a by-election in Tartu held on May 3.", "May 3"),
        ("The match, which was played on Sunday, drew a record crowd.", "Sunday"),
        ("MPs held the vote on Thursday.", "Thursday"),
        ("Officials announced the vote on Thursday.", None),
        ("The stoppage would be followed by a longer strike next month.", None),
        # A clause set in the event ("in", "at", "during") gives its day to the event.
        ("Residents of Riga will elect a council in a referendum on May 9.", "May 9"),
        ("The striker was injured in the semi-final on Sunday.", "Sunday"),
        ("Three people drowned in the floods on Tuesday.", "Tuesday"),
        ("Lawyers clashed at the hearing on Monday.", "Monday"),
        ("Thousands sang at the festival on Saturday night.", "Saturday"),
        # Not a clause set in it: another preposition, or another event in the clause.
        ("She announced the results of the referendum on Monday.", None),
        ("Ministers agreed on a deal in talks on Monday.", None),
        ("Police said on Friday that nobody was hurt in the crash.", None),
    ],
)
def test_the_time_a_noun_takes_from_its_clause(layer: Layer, text: str, time: str | None) -> None:
    first = next(f for f in layer(text).frames if f.form == "noun")
    assert (first.time.text if first.time is not None else None) == time


def test_a_noun_in_an_adjunct_is_not_what_the_verb_above_weighs(layer: Layer) -> None:
    (strike,) = frames(layer("Buses stopped running at the start of a strike by drivers."), "strike")
    assert strike.modality == "asserted"
    (refused,) = frames(layer("The unions refused to call a strike."), "strike")
    assert refused.modality == "hypothetical"


def test_another_day_and_another_side_is_another_match(layer: Layer) -> None:
    found = layer(
        "Norway beat Chile in Oslo on Tuesday.\n\n"
        "Chile, who lost their opening game to Peru on Sunday, are out."
    )
    beat, lost = frames(found, "contest", "beat")[0], frames(found, "contest", "lose")[0]
    (game,) = frames(found, "contest", "game")
    assert found.event(beat) != found.event(lost)
    # The event word a frame is about joins its event, though it comes later.
    assert found.event(game) == found.event(lost)


def test_the_same_sides_on_another_day_stay_one_match(layer: Layer) -> None:
    found = layer("Norway beat Chile in Oslo on Tuesday.\n\nChile, who lost to Norway on Sunday, are out.")
    assert len(set(events(found, "contest"))) == 1


def test_a_headline_and_the_first_paragraph_tell_one_event(layer: Layer) -> None:
    found = layer(
        "Ruling party short of majority in snap election\n\n"
        "TALLINN — The ruling party won 40 seats in last week's snap election.\n\n"
        "Talks begin on Monday."
    )
    assert len(set(events(found, "election"))) == 1


def test_a_mention_with_a_qualifier_does_not_rival_a_bare_one(layer: Layer) -> None:
    found = layer(
        "Norway edge Chile 2-1 to reach final\n\n"
        "OSLO — Norway beat Chile on Thursday.\n\n"
        "The result gave Norway a 4-3 win on aggregate.\n\n"
        "The coach said the 2-1 win was deserved."
    )
    wins = frames(found, "contest", "win")
    assert found.event(wins[-1]) == found.event(frames(found, "contest", "beat")[0])
    assert found.event(wins[0]) != found.event(wins[-1])


def test_a_pronoun_in_a_fronted_phrase_stands_for_the_subject_after_it(
    checker: Checker, gazetteer: Gazetteer
) -> None:
    text = (
        "The Civic Union won 30 seats. The Farmers League said it would wait.\n\n"
        "With its 30 seats, the union needs one partner. Its partners are few."
    )
    doc = checker.pipeline.nlp(text)
    parties = build_event_layer(doc, build_entity_index(doc, gazetteer))[1]
    pronouns = [t for t in doc if t.lower_ == "its"]
    assert [p.key for t in pronouns if (p := parties.party(t)) is not None] == [
        "org:civic union",
        "org:civic union",
    ]


def test_nouns_of_distinct_kinds_are_distinct_events(layer: Layer) -> None:
    found = layer(
        "Landslide buries village\n\n"
        "A landslide buried the village of Rasa on Monday.\n\n"
        "The storm that caused it flooded two towns. The disaster shocked the country."
    )
    lemmas = {f.lemma: found.event(f) for f in found.of_class("disaster")}
    assert lemmas["landslide"] == lemmas["disaster"] != lemmas["storm"]


def test_a_comparative_marks_another_occasion(layer: Layer) -> None:
    found = layer("Dockers began a 48-hour strike.\n\nThe union threatened a longer strike.")
    strike, longer = frames(found, "strike")
    assert longer.reference.other_occasion and found.event(strike) != found.event(longer)


def test_a_match_has_two_sides(layer: Layer) -> None:
    found = layer("Norway beat Chile on Saturday. Chile drew with Peru. Norway's win sent them top.")
    beat, drew = frames(found, "contest", "beat")[0], frames(found, "contest", "draw")[0]
    (win,) = frames(found, "contest", "win")
    assert found.event(beat) != found.event(drew)
    # An owner that is already a side of the event adds no new occasion.
    assert found.event(win) == found.event(beat)


def test_a_light_verb_s_first_object_wins_and_a_score_is_no_part_of_a_name(layer: Layer) -> None:
    found = layer("Late goal gives Jordan 2-1 win over Lebanon")
    (win,) = frames(found, "contest", "win")
    assert roles(win) == {"cause": "thing:goal", "winner": "jordan", "loser": "lebanon"}


def test_one_owner_named_by_a_pronoun_and_by_a_name(layer: Layer) -> None:
    found = layer(
        "Mensah in Nairobi\n\nNAIROBI — Kofi Mensah began his first visit to Kenya on Monday.\n\n"
        "Mensah's visit to Kenya ends on Wednesday."
    )
    assert len(set(events(found, "trip"))) == 1


def test_a_plural_names_other_occasions_than_a_singular(layer: Layer) -> None:
    found = layer(
        "Italy in Rome\n\nROME — Italy have recorded three wins in Rome.\n\nItaly lost to Wales on Sunday."
    )
    (wins,) = frames(found, "contest", "win")
    (lost,) = frames(found, "contest", "lose")
    assert found.event(wins) != found.event(lost)


def test_the_word_a_frame_is_about_joins_it_only_when_it_fits(layer: Layer) -> None:
    found = layer(
        "Norway beat Chile\n\nOSLO — Norway beat Chile on Saturday.\n\n"
        "The cup was won by Spain in a home success over Peru."
    )
    beat = frames(found, "contest", "beat")[-1]
    (success,) = frames(found, "contest", "success")
    assert found.event(success) != found.event(beat)


@pytest.mark.parametrize(
    ("headline", "pieces"),
    [
        # The model cuts the club's name in two, each piece labelled on its own ...
        ("Vila Rica beat Atlético Tembetary 2-0", [("Atlético", "GPE"), ("Tembetary", "ORG")]),
        # ... or labels one piece and leaves the other bare.
        ("Atlético Tembetary lose to Vila Rica", [("Atlético", "GPE")]),
        ("Vila Rica stun Atlético Tembetary", [("Tembetary", "PRODUCT")]),
        ("Cup win for Vila Rica over Atlético Tembetary", [("Atlético", "NORP")]),
        ("Vila Rica's victory over Atlético Tembetary", []),
    ],
)
def test_a_headline_name_cut_in_two_is_the_name_the_body_gives_whole(
    checker: Checker, gazetteer: Gazetteer, headline: str, pieces: list[tuple[str, str]]
) -> None:
    from spacy.tokens import Span

    text = f"{headline}\n\nVila Rica beat Atlético Tembetary on Sunday. Tembetary had led at half-time.\n"
    doc = checker.pipeline.nlp(text)
    line_end = len(headline)
    words = {t.text: t.i for t in doc if t.idx < line_end}
    cut = [Span(doc, words[word], words[word] + 1, label=label) for word, label in pieces]
    body = [t.i for t in doc if t.idx > line_end and t.text == "Tembetary"]
    # In the body the model reads the name whole, then its last word alone.
    named = [
        Span(doc, body[0] - 1, body[0] + 1, label="PERSON"),
        Span(doc, body[1], body[1] + 1, label="PERSON"),
    ]
    doc.ents = [*cut, *named]
    entities = build_entity_index(doc, gazetteer)
    parties = build_party_index(doc, entities)
    for word in ("Atlético", "Tembetary"):
        party = parties.party(doc[words[word]])
        assert party is not None and party.key == "person:atletico tembetary"


def test_capitalised_words_that_name_no_one_in_the_body_stay_apart(
    checker: Checker, gazetteer: Gazetteer
) -> None:
    doc = checker.pipeline.nlp("Talks In Geneva Stall\n\nDiplomats met in Geneva on Monday.\n")
    entities = build_entity_index(doc, gazetteer)
    parties = build_party_index(doc, entities)
    party = parties.party(doc[2])
    assert party is None or not party.key.startswith("person:")


@pytest.mark.parametrize(
    ("text", "event_class"),
    [
        (
            "Dockworkers end strike at port\n\n"
            "MOMBASA — Dockworkers returned on Saturday after a strike over pay.",
            "strike",
        ),
        (
            "Nurses call off walkout\n\nNAIROBI — Nurses called off a walkout over staffing on Friday.",
            "strike",
        ),
        ("Vote delayed in Lusaka\n\nLUSAKA — A vote on the budget was delayed on Tuesday.", "election"),
        (
            "Peace talks end without deal\n\nGENEVA — Talks on a ceasefire ended on Monday without a deal.",
            "meeting",
        ),
        ("Port strike ends\n\nDURBAN — A strike by crane operators ended on Monday.", "strike"),
    ],
)
def test_the_first_paragraph_may_tell_the_headline_s_event_in_more_words(
    layer: Layer, text: str, event_class: str
) -> None:
    found = layer(text)
    mentions = frames(found, event_class)
    assert len(mentions) == 2
    assert len({found.event(f) for f in mentions}) == 1


def test_a_mention_with_more_words_after_the_first_paragraph_may_be_another_occasion(layer: Layer) -> None:
    text = (
        "Dockworkers end strike at port\n\nMOMBASA — Dockworkers returned to work on Saturday.\n\n"
        "A strike over pensions also closed the airport."
    )
    found = layer(text)
    mentions = frames(found, "strike")
    assert len(mentions) == 2
    assert len({found.event(f) for f in mentions}) == 2


@pytest.mark.parametrize(
    ("text", "lemma"),
    [
        ("It is the first election since the 2023 referendum.", "referendum"),
        ("Fans recalled the 1998 final.", "final"),
        ("The 2019 election left parliament split.", "election"),
    ],
)
def test_a_year_before_an_event_noun_is_its_time(layer: Layer, text: str, lemma: str) -> None:
    (frame,) = [f for f in layer(text).frames if f.lemma == lemma]
    assert frame.time is not None and frame.time.text.isdigit()


@pytest.mark.parametrize(
    ("text", "lemma", "traveller"),
    [
        ("The trade mission landed in Hanoi on Monday.", "land", "mission"),
        ("The flight from Lima landed in Quito after midnight.", "land", "flight"),
        ("A convoy of aid lorries reached Kherson on Tuesday.", "reach", "convoy"),
        ("The expedition returned to Kathmandu on Friday.", "return", "expedition"),
        ("The presidential motorcade drove to Nairobi.", "drive", "motorcade"),
    ],
)
def test_a_trip_noun_that_names_its_travellers_is_the_traveller(
    layer: Layer, text: str, lemma: str, traveller: str
) -> None:
    (frame,) = frames(layer(text), "trip", lemma)
    (filler,) = frame.fillers("traveller")
    assert filler.span.text.split()[-1] == traveller or traveller in filler.span.text


@pytest.mark.parametrize(
    "text",
    [
        "The visit reached its third day in Lima.",
        "The journey took the minister to Quito.",
    ],
)
def test_a_trip_noun_that_names_no_travellers_is_no_traveller(layer: Layer, text: str) -> None:
    assert all(
        all(f.span.text.split()[-1] not in {"visit", "journey"} for f in frame.fillers("traveller"))
        for frame in frames(layer(text), "trip")
    )


def test_a_trip_noun_as_traveller_names_the_verb_s_occasion(layer: Layer) -> None:
    found = layer("A trade mission landed in Hanoi on Monday.\n\nLast year's mission went first to Bangkok.")
    (landed,) = frames(found, "trip", "land")
    (went,) = frames(found, "trip", "go")
    last_year = [f for f in frames(found, "trip", "mission") if f.trigger.start > landed.trigger.start]
    assert found.event(went) != found.event(landed)
    assert [found.event(f) for f in last_year] == [found.event(went)]


def _case_sides(frame: Frame) -> dict[str, str]:
    """role -> the party key of each named side of a case."""
    return {f.role: f.party.key for f in frame.roles if f.party is not None}


@pytest.mark.parametrize(
    "text",
    [
        "A court began hearing a damages claim brought by Vexa Energy against Dravo Logistics.",
        "Vexa Energy filed a claim against Dravo Logistics on Monday.",
        "Vexa Energy's claim against Dravo Logistics will be heard in May.",
        "The suit brought by Vexa Energy against Dravo Logistics was adjourned.",
        "Judges dismissed a claim lodged by Vexa Energy against Dravo Logistics.",
    ],
)
def test_a_claim_or_suit_against_someone_is_a_case_with_its_two_sides(layer: Layer, text: str) -> None:
    (frame,) = frames(layer(text), "lawsuit")
    assert _case_sides(frame) == {"plaintiff": "org:vexa energy", "defendant": "org:dravo logistics"}


@pytest.mark.parametrize(
    "text",
    [
        "Vexa Energy's claim that the tanker was faulty was rejected.",
        "Dravo Logistics rejected the claim as baseless.",
        "Vexa Energy has claimed 95 million koruna.",
    ],
)
def test_a_claim_against_no_one_is_an_assertion_not_a_case(layer: Layer, text: str) -> None:
    assert frames(layer(text), "lawsuit") == []


@pytest.mark.parametrize(
    "text",
    [
        "Vexa Energy took Dravo Logistics to court in March.",
        "Dravo Logistics was taken to court by Vexa Energy.",
        "Vexa Energy has hauled Dravo Logistics before the courts.",
        "Vexa Energy dragged Dravo Logistics to court in May.",
        "Vexa Energy will take Dravo Logistics to court, its lawyers said.",
    ],
)
def test_taking_someone_to_court_is_suing_them(layer: Layer, text: str) -> None:
    (frame,) = frames(layer(text), "lawsuit")
    assert _case_sides(frame) == {"plaintiff": "org:vexa energy", "defendant": "org:dravo logistics"}


@pytest.mark.parametrize(
    "text",
    [
        "Vexa Energy took Dravo Logistics to Prague for talks.",
        "The coach took the players to the training ground.",
        # Either side may take a case on: an appeal says nothing of who sued.
        "Dravo Logistics will take the case to the supreme court.",
    ],
)
def test_taking_someone_elsewhere_is_no_case(layer: Layer, text: str) -> None:
    assert frames(layer(text), "lawsuit", "take") == []


def test_a_description_before_any_name_is_the_organisation_named_with_it_later(layer: Layer) -> None:
    found = layer(
        "A fishing cooperative has taken the operator of the port to court.\n\n"
        "The port operator, Ostrava Docks, denies wrongdoing."
    )
    (taken,) = frames(found, "lawsuit", "take")
    (defendant,) = taken.fillers("defendant")
    assert defendant.party is not None and defendant.party.key == "org:ostrava docks"


def test_a_description_two_organisations_share_stays_a_description(layer: Layer) -> None:
    found = layer(
        "A fishing cooperative has taken the operator of the port to court.\n\n"
        "The port operator, Ostrava Docks, denies wrongdoing. A rival operator, Oder Quays, said nothing."
    )
    (taken,) = frames(found, "lawsuit", "take")
    (defendant,) = taken.fillers("defendant")
    assert defendant.party is not None and defendant.party.key == "thing:operator"


@pytest.mark.parametrize(
    "text",
    [
        "The final, staged in Maputo, drew 6,000 fans.",
        "The final, which was held in Maputo, drew 6,000 fans.",
        "The final, played in Maputo, drew 6,000 fans.",
        "The summit, hosted in Maputo, ended without a deal.",
        "The talks, convened in Maputo, ended without a deal.",
    ],
)
def test_a_clause_that_holds_an_event_noun_places_it(layer: Layer, text: str) -> None:
    found = layer(text)
    (frame,) = [f for f in found.frames if f.lemma in {"final", "summit", "talks"}]
    assert [p.text for p in frame.places] == ["Maputo"]


@pytest.mark.parametrize(
    "text",
    [
        # The clause does something, or tells where people came from: no place of the event.
        "The final, which opened a new era in Maputo's football, drew 6,000 fans.",
        "The final, watched by fans from Maputo, drew 6,000 fans.",
    ],
)
def test_a_clause_that_does_not_hold_the_noun_does_not_place_it(layer: Layer, text: str) -> None:
    (frame,) = [f for f in layer(text).frames if f.lemma == "final"]
    assert frame.places == ()


def test_a_verb_about_a_staged_noun_is_that_noun_s_event(layer: Layer) -> None:
    found = layer(
        "The Lions beat the Kings in the final in Durban on Sunday.\n\n"
        "The final, staged in Maputo, drew 6,000 fans."
    )
    contest = frames(found, "contest")
    assert len({found.event(f) for f in contest}) == 1


@pytest.mark.parametrize(
    ("text", "lemma"),
    [
        ("Passengers on the Zanzibar-Nairobi flight were offered vouchers.", "flight"),
        ("The Zanzibar-Nairobi journey takes two hours by air.", "journey"),
        ("Fares on the Zanzibar-Nairobi flight have doubled since May.", "flight"),
        ("A charter flight carrying tourists from Zanzibar to Nairobi landed safely.", "flight"),
        ("A voyage taking migrants from Zanzibar to Nairobi ended in tragedy.", "voyage"),
    ],
)
def test_a_trip_noun_s_origin_and_destination_before_it_or_on_its_load(
    layer: Layer, text: str, lemma: str
) -> None:
    (frame,) = frames(layer(text), "trip", lemma)
    assert [(f.role, f.span.text) for f in frame.roles if f.role in {"origin", "destination"}] == [
        ("origin", "Zanzibar"),
        ("destination", "Nairobi"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # One name before the noun is where it goes, with no origin.
        "Passengers on the Nairobi flight were offered vouchers.",
        # What the load comes from is no place: no origin.
        "A flight carrying a letter from the president landed in Nairobi.",
    ],
)
def test_a_trip_noun_with_no_origin_before_it_or_on_its_load(layer: Layer, text: str) -> None:
    (frame,) = frames(layer(text), "trip", "flight")
    assert frame.fillers("origin") == ()
