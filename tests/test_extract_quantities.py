"""Quantities: amounts with their unit, the interval they allow, and the one thing they measure."""

from __future__ import annotations

import pytest

from factcheck.claims.extractors._amounts import Amount, read_amounts, read_count
from helpers import ClaimsOf, numbered, view

FIELDS = ("occasion", "measured", "amount", "unit", "low", "high", "revised")


# -- reading amounts (no language model) ------------------------------------------


def test_money_spellings_allow_the_same_interval() -> None:
    short = read_amounts("a £1.5bn deal", 0, "money")
    long = read_amounts("worth 1,500 million pounds", 0, "money")
    assert [(a.low, a.high, a.unit) for a in short] == [(1.45e9, 1.55e9, "gbp")]
    assert [(a.low, a.high, a.unit) for a in long] == [(1.45e9, 1.55e9, "gbp")]


def test_a_round_scaled_amount_allows_its_rounding() -> None:
    assert read_amounts("$3bn", 0, "money") == [Amount(2.5e9, 3.5e9, "usd", "money", 0, 4)]


def test_qualifiers_widen_or_open_the_interval() -> None:
    assert read_count("at least 30", 0) == Amount(25.0, None, "", "count", 0, 11)
    assert read_count("up to 12", 0) == Amount(0.0, 12.0, "", "count", 0, 8)
    about = read_count("about 40", 0)
    assert about is not None and (about.low, about.high) == (28.0, 54.0)
    assert read_count("hundreds", 0) == Amount(200.0, 1000.0, "", "count", 0, 8)


def test_durations_are_counted_in_days_or_hours_with_the_range_of_their_unit() -> None:
    (five_days,) = read_amounts("a five-day strike", 0, "duration")
    (week,) = read_amounts("a week-long strike", 0, "duration")
    (hours,) = read_amounts("a 48-hour strike", 0, "duration")
    assert (five_days.low, five_days.high, five_days.unit) == (5.0, 5.0, "day")
    assert (week.low, week.high, week.unit) == (5.0, 7.0, "day")
    assert (hours.low, hours.high, hours.unit) == (48.0, 48.0, "hour")


# -- lengths and values of one event, in every wording ------------------------------


STRIKE_LENGTHS = [
    ("Dockers began a 48-hour strike at the port on Monday.", "48-hour strike"),
    ("Dockers stage 48-hour stoppage at port", "48-hour stoppage"),
    ("The walkout by dockers at the port lasted 48 hours.", "walkout by dockers at the port lasted 48 hours"),
    ("The strike, lasting 48 hours, closed the port on Monday.", "strike, lasting 48 hours"),
    ("A union spokesman said the 48-hour strike at the port would go ahead.", "48-hour strike"),
]


STRIKE_SECOND_SIDES = [
    ("The 24-hour walkout closed every berth.", "24-hour walkout"),
    ("The stoppage lasted 24 hours.", "stoppage lasted 24 hours"),
    ("Officials said the 24-hour strike closed every berth.", "24-hour strike"),
    ("The walkout, lasting 24 hours, closed every berth.", "walkout, lasting 24 hours"),
    ("Shipping firms counted the cost of the 24-hour stoppage.", "24-hour stoppage"),
]


def test_a_strike_length_in_every_wording_and_noun(claims_of: ClaimsOf) -> None:
    for first, quoted in STRIKE_LENGTHS:
        for second, second_quoted in STRIKE_SECOND_SIDES:
            claims = claims_of(f"{first}\n\n{second}", "quantity")
            assert [c.span.text for c in claims] == [quoted, second_quoted], (first, second)
            assert [view(c, "measured", "unit", "low", "high") for c in claims] == [
                {"measured": "strike:duration", "unit": "hour", "low": 48.0, "high": 48.0},
                {"measured": "strike:duration", "unit": "hour", "low": 24.0, "high": 24.0},
            ], (first, second)
            assert numbered(claims) == [0, 0], (first, second)


DEAL_VALUES = [
    ("Orvane agreed a $3 billion deal with Telsa on Monday.", "$3 billion deal"),
    ("Orvane signs $3 billion deal with Telsa", "$3 billion deal"),
    ("Orvane and Telsa signed a contract, worth $3 billion, on Monday.", "contract, worth $3 billion"),
    (
        "The agreement between Orvane and Telsa is worth $3 billion.",
        "agreement between Orvane and Telsa is worth $3 billion",
    ),
    ("Officials said the $3 billion pact with Telsa would create jobs.", "$3 billion pact"),
]


DEAL_SECOND_SIDES = [
    ("Analysts said the $2 billion agreement was too cheap.", "$2 billion agreement"),
    ("The deal is worth $2 billion, the company said.", "deal is worth $2 billion"),
    ("The $2 billion contract was signed in Lima.", "$2 billion contract"),
    ("Investors welcomed the agreement, worth $2 billion.", "agreement, worth $2 billion"),
    ("Critics said the $2 billion deal favoured Telsa.", "$2 billion deal"),
]


def test_a_deal_value_in_every_wording_and_noun(claims_of: ClaimsOf) -> None:
    for first, quoted in DEAL_VALUES:
        for second, second_quoted in DEAL_SECOND_SIDES:
            claims = claims_of(f"{first}\n\n{second}", "quantity")
            money = [c for c in claims if c.get("dimension") == "money"]
            assert [c.span.text for c in money] == [quoted, second_quoted], (first, second)
            assert [view(c, "measured", "unit", "low", "high") for c in money] == [
                {"measured": "deal:money", "unit": "usd", "low": 2.5e9, "high": 3.5e9},
                {"measured": "deal:money", "unit": "usd", "low": 1.5e9, "high": 2.5e9},
            ], (first, second)
            assert numbered(money) == [0, 0], (first, second)


def test_a_price_paid_for_a_deal_values_that_deal(claims_of: ClaimsOf) -> None:
    (claim,) = claims_of("Orvane will pay $3 billion for the concession.", "quantity")
    assert claim.span.text == "pay $3 billion"
    assert view(claim, "measured", "thing", "low") == {
        "measured": "deal:money",
        "thing": "concession#",
        "low": 2.5e9,
    }


def test_a_price_of_a_sale(claims_of: ClaimsOf) -> None:
    (claim,) = claims_of("Orvane sold its copper unit to Telsa for $400 million.", "quantity")
    assert claim.span.text == "sold its copper unit to Telsa for $400 million"
    assert view(claim, "measured", "unit", "low", "high") == {
        "measured": "transfer:unit:money",
        "unit": "usd",
        "low": 3.5e8,
        "high": 4.5e8,
    }


def test_prices_of_different_things_are_different_measures(claims_of: ClaimsOf) -> None:
    text = "Telsa must repay a $90 million loan.\n\nTelsa bought the mine for $2 billion in May."
    claims = claims_of(text, "quantity")
    assert [c.get("measured") for c in claims] == ["transfer:loan:money", "transfer:mine:money"]


def test_a_part_of_a_deal_is_not_the_deal(claims_of: ClaimsOf) -> None:
    text = (
        "Orvane agreed a $3 billion deal.\n\nThe first phase of the deal, costing $500 million, opens in May."
    )
    claims = claims_of(text, "quantity")
    assert [c.span.text for c in claims] == ["$3 billion deal"]


def test_another_strike_and_a_later_one_are_other_events(claims_of: ClaimsOf) -> None:
    text = (
        "Port closed by strike\n\n"
        "Dockers began a 48-hour strike on Monday.\n\n"
        "Union leaders threatened a longer strike next month. A 24-hour general strike in May "
        "halted the railways."
    )
    claims = claims_of(text, "quantity")
    assert [c.span.text for c in claims] == ["48-hour strike", "24-hour general strike"]
    assert numbered(claims) == [0, 1]


def test_a_measure_the_article_says_changed_is_revised(claims_of: ClaimsOf) -> None:
    text = "Unions called a ten-day strike. The strike was later shortened, and the strike lasted three days."
    claims = claims_of(text, "quantity")
    assert [c.get("revised") for c in claims] == [True, True]
    assert numbered(claims) == [0, 0]


def test_extending_a_length_does_not_revise_a_value(claims_of: ClaimsOf) -> None:
    text = "Orvane agreed a $3 billion deal with Telsa.\n\nOrvane may extend the deal by a further ten years."
    claims = claims_of(text, "quantity")
    assert [view(c, "measured", "revised") for c in claims] == [{"measured": "deal:money", "revised": False}]


# -- counts of the people an event killed or hurt ------------------------------------

TOLLS = [
    ("The landslide killed 12 people in the village.", "killed 12 people"),
    ("Twelve people were killed in the landslide.", "Twelve people were killed"),
    ("Twelve people died in the landslide on the hillside.", "Twelve people died"),
    ("The death toll from the landslide rose to 12.", "toll from the landslide rose to 12"),
    ("Landslide death toll rises to 12\n\nA landslide buried the village on Monday.", "toll rises to 12"),
    ("Police said the landslide killed at least 12 people.", "killed at least 12 people"),
]


TOLL_SECOND_SIDES = [
    ("Of the 15 people killed, four were children.", "15 people killed"),
    ("The 15 people who died came from two families.", "15 people who died"),
    ("Officials said 15 people were killed.", "15 people were killed"),
    ("Rescuers named the 15 people killed in the village.", "15 people killed"),
    ("Fifteen people died, the regional government said.", "Fifteen people died"),
]


def test_a_death_toll_in_every_wording_against_a_count_without_an_event(claims_of: ClaimsOf) -> None:
    for first, quoted in TOLLS:
        for second, second_quoted in TOLL_SECOND_SIDES:
            text = f"{first}\n\nRescuers dug through the mud. {second}"
            claims = claims_of(text, "quantity")
            assert [c.span.text for c in claims] == [quoted, second_quoted], (first, second)
            assert [c.get("measured") for c in claims] == ["dead:people", "dead:people"], (first, second)
            assert claims[1].get("low") == 15.0
            assert numbered(claims) == [0, 0], (first, second)


PARTICIPLE_TOLLS = [
    "A landslide buried the village at dawn, killing 12 people and injuring 14.",
    "A landslide swept through the valley on Monday, killing 12 and injuring 14.",
    "Mud from the landslide engulfed two hamlets, killing 12 people and injuring 14 others.",
    "The landslide, which followed a week of rain, hit the town, killing 12 people and injuring 14.",
    "Landslide hits mining town, killing 12 and injuring 14",
]


@pytest.mark.parametrize("text", PARTICIPLE_TOLLS)
def test_a_toll_in_a_participle_after_the_event_s_clause(claims_of: ClaimsOf, text: str) -> None:
    # The model tags "14" after "injuring" as a date at times; a bare count is no time
    # the tally runs to, so the count of the dead is still a claim.
    claims = claims_of(f"{text}\n\nRescuers dug through the mud.", "quantity")
    read = [(c.get("measured"), c.get("low")) for c in claims]
    assert read == [("dead:people", 12.0), ("injured:people", 14.0)]
    assert numbered(claims) == [0, 0]


UNNAMED_LEDES = [
    "A minibus left the road and rolled down a hillside near Kandy on Friday, killing 9 people.",
    "A lorry lost its brakes on a pass outside Cusco, killing 9 and injuring 20.",
    "Nine people were killed when a minibus left the road near Kandy on Friday.",
    "A minibus carrying tea pickers left the road near Kandy, police said, killing 9 people.",
    "Minibus leaves road near Kandy, killing 9",
]


@pytest.mark.parametrize("lede", UNNAMED_LEDES)
def test_a_count_in_the_lede_belongs_to_the_event_the_article_names_later(
    claims_of: ClaimsOf, lede: str
) -> None:
    text = f"{lede}\n\nThe driver survived.\n\nThe crash, which claimed 11 lives, was the worst this year."
    claims = claims_of(text, "quantity")
    assert [(c.get("measured"), c.get("low")) for c in claims if c.get("measured") == "dead:people"] == [
        ("dead:people", 9.0),
        ("dead:people", 11.0),
    ]
    assert numbered([c for c in claims if c.get("measured") == "dead:people"]) == [0, 0]


def test_a_count_after_the_lede_with_no_event_of_its_own_is_nobody_s(claims_of: ClaimsOf) -> None:
    # Another accident, told further on: its count is not the crash's.
    text = (
        "Minibus leaves road near Kandy\n\nA minibus left the road near Kandy on Friday, police said.\n\n"
        "In May a van overturned near Galle, killing four.\n\n"
        "The crash, which claimed 11 lives, was the worst this year."
    )
    assert [c.span.text for c in claims_of(text, "quantity")] == ["claimed 11 lives"]


def test_a_toll_told_as_a_change_keeps_its_latest_value(claims_of: ClaimsOf) -> None:
    text = (
        "Nine people were killed in the landslide.\n\n"
        "The number of people killed by the landslide rose from 9 to 12 on Tuesday."
    )
    claims = claims_of(text, "quantity")
    assert [view(c, "amount", "revised") for c in claims] == [
        {"amount": "Nine#", "revised": True},
        {"amount": "9#", "revised": True},
        {"amount": "12#", "revised": False},
    ]
    assert claims[2].span.text == "rose from 9 to 12"


def test_an_earlier_change_is_revised_by_a_later_one(claims_of: ClaimsOf) -> None:
    text = "The toll from the landslide rose to 9 on Monday.\n\nBy Tuesday evening the toll had risen to 12."
    claims = claims_of(text, "quantity")
    assert [view(c, "amount", "revised") for c in claims] == [{"amount": "9#", "revised": False}]


def test_counts_of_other_events_and_running_totals_are_apart(claims_of: ClaimsOf) -> None:
    text = (
        "Landslide buries village\n\nThe landslide killed 12 people.\n\n"
        "Floods killed 300 people in the region, and a storm killed 40 people. "
        "By Friday, the storm had killed 41 people. Soldiers evacuated 2,000 people."
    )
    claims = claims_of(text, "quantity")
    assert [c.span.text for c in claims] == ["killed 12 people", "killed 300 people", "killed 40 people"]
    assert numbered(claims) == [0, 1, 2]


def test_a_count_without_an_event_needs_one_reported_event(claims_of: ClaimsOf) -> None:
    # Two disasters in the first paragraph: the count could be either's.
    text = (
        "Storm hits valley\n\nA landslide triggered by a storm buried the road.\n\n"
        "Of the 15 people killed, four were children."
    )
    assert claims_of(text, "quantity") == []
    assert claims_of("Thirty people were killed. The driver injured 12 passengers.", "quantity") == []


def test_a_running_total_is_not_claimed(claims_of: ClaimsOf) -> None:
    assert claims_of("By Friday, the attack had killed 45 people.", "quantity") == []


# -- seats and votes a party won ------------------------------------------------------

SEATS = [
    ("The Civic Union won 40 of the 101 seats in Sunday's election.", "won 40 of the 101 seats"),
    ("The Civic Union took 40 seats in Sunday's election.", "took 40 seats"),
    ("Civic Union wins 40 seats in snap election", "wins 40 seats"),
    ("Officials said the Civic Union had secured 40 seats in the election.", "secured 40 seats"),
    ("The Civic Union, which won 40 seats in the election, needs a partner.", "won 40 seats"),
]


SEAT_SECOND_SIDES = [
    ("With its 44 seats, the union needs one partner.", "its 44 seats"),
    ("The union's 44 seats leave it short of a majority.", "union's 44 seats"),
    ("Officials later said the union won 44 seats.", "won 44 seats"),
    ("The union, which took 44 seats, needs one partner.", "took 44 seats"),
    ("The commission said the union secured 44 seats.", "secured 44 seats"),
    # The party a "with" phrase describes, a tally's owner, a clause's subject.
    (
        "The Civic Union, with 44 seats in the new chamber, needs one partner.",
        "The Civic Union, with 44 seats",
    ),
    ("The Union's haul of 44 seats leaves it short of a majority.", "Union's haul of 44 seats"),
    ("The union finished with 44 seats.", "union finished with 44 seats"),
]


def test_seats_a_party_won_in_every_wording(claims_of: ClaimsOf) -> None:
    for first, quoted in SEATS:
        for second, second_quoted in SEAT_SECOND_SIDES:
            text = f"{first}\n\nTalks begin on Monday. {second}"
            claims = claims_of(text, "quantity")
            assert [c.span.text for c in claims] == [quoted, second_quoted], (first, second)
            assert [view(c, "measured", "low", "high") for c in claims] == [
                {"measured": "seat:org:civic union", "low": 40.0, "high": 40.0},
                {"measured": "seat:org:civic union", "low": 44.0, "high": 44.0},
            ], (first, second)
            assert numbered(claims) == [0, 0], (first, second)


def test_the_whole_other_parties_and_joint_figures_are_not_a_party_s_seats(claims_of: ClaimsOf) -> None:
    text = (
        "Civic Union falls short\n\nThe Civic Union won 40 of the 101 seats in Sunday's election.\n\n"
        "The Farmers League won 31 seats, up from 29. Its two partners won a combined 15 seats. "
        "The Civic Union won 35 seats in 2019."
    )
    claims = claims_of(text, "quantity")
    assert [view(c, "measured", "low") for c in claims] == [
        {"measured": "seat:org:civic union", "low": 40.0},
        {"measured": "seat:org:farmers league", "low": 31.0},
    ]


def test_a_share_of_the_vote_in_percent(claims_of: ClaimsOf) -> None:
    text = (
        "Reformist wins by-election\n\nAnna Tamm won the by-election.\n\n"
        "Tamm received 46 percent of the vote."
    )
    (claim,) = claims_of(text, "quantity")
    assert view(claim, "measured", "unit", "low") == {
        "measured": "vote:person:anna tamm",
        "unit": "percent",
        "low": 46.0,
    }


# -- crowds and turnout ---------------------------------------------------------------

CROWDS = [
    ("A crowd of 30,000 gathered for the rally in the park.", "crowd of 30,000"),
    ("The rally attracted a crowd of 30,000 to the park.", "attracted a crowd of 30,000"),
    ("30,000 people attended the rally in the park.", "30,000 people attended"),
    ("Attendance at the rally was 30,000.", "Attendance at the rally was 30,000"),
    ("The 30,000 crowd at the rally sang the anthem.", "30,000 crowd"),
]


@pytest.mark.parametrize(("first", "quoted"), CROWDS)
def test_a_crowd_in_every_wording(claims_of: ClaimsOf, first: str, quoted: str) -> None:
    text = f"Rally fills park\n\nNAIROBI — {first}\n\nThe 45,000 crowd cheered every speaker."
    claims = claims_of(text, "quantity")
    assert [c.span.text for c in claims] == [quoted, "45,000 crowd"]
    assert [view(c, "measured", "basis_stated") for c in claims] == [
        {"measured": "attendance:people", "basis_stated": False},
        {"measured": "attendance:people", "basis_stated": False},
    ]
    assert numbered(claims) == [0, 0]


def test_a_crowd_a_source_counts_is_its_estimate(claims_of: ClaimsOf) -> None:
    text = "Rally fills park\n\nNAIROBI — Police said 12,000 people attended the rally in the park."
    (claim,) = claims_of(text, "quantity")
    assert view(claim, "low", "basis_stated") == {"low": 11500.0, "basis_stated": True}


def test_turnout_in_percent(claims_of: ClaimsOf) -> None:
    text = "Low turnout in by-election\n\nTARTU — Turnout in the by-election was 39 percent."
    (claim,) = claims_of(text, "quantity")
    assert claim.span.text == "Turnout in the by-election was 39 percent"
    assert view(claim, "measured", "unit", "low") == {
        "measured": "turnout:people",
        "unit": "percent",
        "low": 39.0,
    }


@pytest.mark.parametrize(
    "text",
    [
        # Takings are no price of something sold.
        "Orvane reported sales of $30bn. Sales were $14bn a year earlier.",
        # A verb of travel has no price: "go on sale".
        "The console will go on sale for less than $100.",
        # An age of an event is no length of it.
        "Stars arrived for the 31-year-old awards ceremony.",
    ],
)
def test_what_is_no_measure_of_an_event(claims_of: ClaimsOf, text: str) -> None:
    assert claims_of(text, "quantity") == []


#: The parser hangs "that lasted ..." on the noun of the strike's own modifier.
STRIKE_OVER_SOMETHING = [
    "Dockers walked out on Monday in a strike over pay that lasted 48 hours.",
    "The port reopened after a strike over overtime that lasted 48 hours.",
    "Ferries were cancelled during a stoppage by crews that lasted 48 hours.",
    "A walkout over pensions that lasted 48 hours closed the port.",
    "Dockers ended a strike over shift rotas that lasted 48 hours.",
]


@pytest.mark.parametrize("sentence", STRIKE_OVER_SOMETHING)
def test_a_clause_hung_on_the_strike_s_modifier_still_measures_the_strike(
    claims_of: ClaimsOf, sentence: str
) -> None:
    (claim,) = claims_of(sentence, "quantity")
    assert view(claim, "measured", "unit", "low", "high") == {
        "measured": "strike:duration",
        "unit": "hour",
        "low": 48.0,
        "high": 48.0,
    }


@pytest.mark.parametrize(
    "sentence",
    [
        # A thing may run or cost: the contract's length is not the strike's.
        "Dockers staged a strike over a contract that runs for three years.",
        "Dockers staged a strike over a contract that runs three years.",
        # The clause's noun is an event of its own: the talks lasted, not the strike.
        "Dockers staged a strike after talks that lasted three days.",
    ],
)
def test_a_clause_about_the_modifier_s_own_noun_does_not_measure_the_strike(
    claims_of: ClaimsOf, sentence: str
) -> None:
    assert [
        c for c in claims_of(sentence, "quantity") if view(c, "measured")["measured"] == "strike:duration"
    ] == []


#: Several elections held on one day are one occasion to report.
DATED_PLURAL_LEDES = [
    "The Civic Union won 40 of the 90 seats on the city council in Tuesday's local elections.",
    "The Civic Union won 40 seats on the city council in local elections on Sunday.",
    "The Civic Union took 40 council seats in the May 4 municipal elections.",
    "In regional elections held on Sunday, the Civic Union won 40 seats on the city council.",
    "The Civic Union finished with 40 seats in Sunday's council elections.",
]


@pytest.mark.parametrize("lede", DATED_PLURAL_LEDES)
def test_seats_told_later_are_of_the_one_polling_day_the_lede_dates(claims_of: ClaimsOf, lede: str) -> None:
    text = (
        f"Civic Union gains ground in Vilnius\n\nVILNIUS — {lede}\n\n"
        "The Union's haul of 44 seats is its best."
    )
    claims = [
        c for c in claims_of(text, "quantity") if view(c, "measured")["measured"] == "seat:org:civic union"
    ]
    assert [view(c, "low") for c in claims][-1] == {"low": 44.0}
    assert len(claims) >= 2 and len(set(numbered(claims))) == 1


def test_elections_no_day_dates_are_no_one_occasion(claims_of: ClaimsOf) -> None:
    text = (
        "Civic Union gains in council votes\n\nVILNIUS — The Civic Union has won seats in local elections "
        "across the country this decade.\n\nThe Union's haul of 44 seats is its best."
    )
    assert [
        c for c in claims_of(text, "quantity") if view(c, "measured")["measured"] == "seat:org:civic union"
    ] == []
