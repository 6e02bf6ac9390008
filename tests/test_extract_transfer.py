"""Transfers read from the event layer: giver, receiver, what is given, and how firmly."""

from __future__ import annotations

import pytest

from helpers import ClaimsOf, RuleIds, view

SIDES = ("giver_side", "receiver_side", "thing_head")


def _one(claims_of: ClaimsOf, text: str) -> dict[str, object]:
    (claim,) = claims_of(text, "transfer")
    return {"span": claim.span.text, **view(claim, *SIDES)}


# Each side of a reversal, worded as news copy words it: active, passive, noun of
# giving, the inverse verb, a relative clause, a headline, reported speech.
UZBEK_COTTON = [
    ("Uzbekistan will supply Georgia with cotton.", "Uzbekistan will supply Georgia with cotton"),
    ("Uzbekistan sold cotton to Georgia last week.", "Uzbekistan sold cotton to Georgia"),
    ("Cotton was sold to Georgia by Uzbekistan.", "Cotton was sold to Georgia by Uzbekistan"),
    ("Georgia will buy cotton from Uzbekistan.", "Georgia will buy cotton from Uzbekistan"),
    ("Uzbekistan's sale of cotton to Georgia was signed.", "Uzbekistan's sale of cotton to Georgia"),
    (
        "Officials praised Uzbekistan's pledge to supply Georgia with cotton.",
        "Uzbekistan's pledge to supply Georgia with cotton",
    ),
    (
        "The cotton that Georgia will buy from Uzbekistan arrives in May.",
        "cotton that Georgia will buy from Uzbekistan",
    ),
    (
        "Uzbekistan, which sells cotton to Georgia, reported a surplus.",
        "Uzbekistan, which sells cotton to Georgia",
    ),
    ("Uzbekistan to sell cotton to Georgia", "Uzbekistan to sell cotton to Georgia"),
    ("Georgia will receive cotton from Uzbekistan.", "Georgia will receive cotton from Uzbekistan"),
    ("Georgia has imported cotton from Uzbekistan for years.", "Georgia has imported cotton from Uzbekistan"),
]
GEORGIAN_COTTON = [
    ("Georgia exported cotton to Uzbekistan last year.", "Georgia exported cotton to Uzbekistan"),
    ("Uzbekistan was supplied with cotton by Georgia.", "Uzbekistan was supplied with cotton by Georgia"),
    ("Georgia's shipment of cotton to Uzbekistan was delayed.", "Georgia's shipment of cotton to Uzbekistan"),
    (
        "Uzbekistan's purchase of cotton from Georgia was approved.",
        "Uzbekistan's purchase of cotton from Georgia",
    ),
    (
        "The minister said Georgia would deliver cotton to Uzbekistan.",
        "Georgia would deliver cotton to Uzbekistan",
    ),
    ("Georgia to ship cotton to Uzbekistan", "Georgia to ship cotton to Uzbekistan"),
    ("Uzbekistan will borrow cotton from Georgia.", "Uzbekistan will borrow cotton from Georgia"),
]


@pytest.mark.parametrize(("text", "span"), UZBEK_COTTON)
def test_uzbekistan_gives_georgia_cotton(claims_of: ClaimsOf, text: str, span: str) -> None:
    assert _one(claims_of, text) == {
        "span": span,
        "giver_side": "uzbekistan",
        "receiver_side": "georgia",
        "thing_head": "cotton",
    }


@pytest.mark.parametrize(("text", "span"), GEORGIAN_COTTON)
def test_georgia_gives_uzbekistan_cotton(claims_of: ClaimsOf, text: str, span: str) -> None:
    assert _one(claims_of, text) == {
        "span": span,
        "giver_side": "georgia",
        "receiver_side": "uzbekistan",
        "thing_head": "cotton",
    }


def test_the_seed_s_commitment_to_provide(claims_of: ClaimsOf) -> None:
    (claim,) = claims_of(
        "Japanese Prime Minister Fumio Kishida commits to providing Vietnam with patrol boats.", "transfer"
    )
    assert claim.span.text == "Fumio Kishida commits to providing Vietnam with patrol boats"
    assert view(claim, *SIDES, "thing_modifiers", "receiver_implied") == {
        "giver_side": "japan",
        "receiver_side": "vietnam",
        "thing_head": "boat",
        "thing_modifiers": ("mod:patrol",),
        "receiver_implied": False,
    }


def test_a_proposal_that_b_provide_makes_b_the_giver_and_the_asker_the_receiver(claims_of: ClaimsOf) -> None:
    (claim,) = claims_of("Germany proposed that Poland provide tanks for the exercise.", "transfer")
    assert claim.span.text == "Germany proposed that Poland provide tanks"
    assert view(claim, *SIDES, "modality", "receiver_implied") == {
        "giver_side": "poland",
        "receiver_side": "germany",
        "thing_head": "tank",
        "modality": "requested",
        "receiver_implied": True,
    }


def test_capitals_stand_for_their_countries(claims_of: ClaimsOf) -> None:
    (claim,) = claims_of("Washington agreed to send rockets to Kyiv.", "transfer")
    assert view(claim, *SIDES, "modality") == {
        "giver_side": "united_states",
        "receiver_side": "ukraine",
        "thing_head": "rocket",
        "modality": "planned",
    }


def test_organisations_by_name_description_and_home(claims_of: ClaimsOf) -> None:
    text = (
        "Ohio's utility, Lakeland Hydro, will sell up to 400 megawatts of hydroelectric power to Ontario.\n\n"
        "The 400 megawatts Lakeland Hydro will buy from Ontario will light 90,000 homes."
    )
    first, second = claims_of(text, "transfer")
    assert view(first, "giver", "receiver", "giver_side", "receiver_side") == {
        "giver": "Ohio's utility#org:lakeland hydro",
        "receiver": "Ontario#place:ontario",
        "giver_side": "united_states",
        "receiver_side": "canada",
    }
    assert view(second, "giver", "receiver", "giver_side", "receiver_side") == {
        "giver": "Ontario#place:ontario",
        "receiver": "Lakeland Hydro#org:lakeland hydro",
        "giver_side": "canada",
        "receiver_side": "united_states",
    }


# -- what is given ------------------------------------------------------------------

THING = ("thing_head", "thing_modifiers", "thing_unit", "thing_low", "thing_high")


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        # A measure and what it measures; the figure, whatever hedges it.
        (
            "Uzbekistan will supply Georgia with up to 300,000 tonnes of cotton.",
            ("cotton", (), "tonne", 250000.0, 350000.0),
        ),
        # A bare amount: the measure alone.
        (
            "The 400 megawatts Georgia will buy from Armenia will light homes.",
            (None, (), "megawatt", 350.0, 450.0),
        ),
        # What tells one kind from another.
        (
            "Armenia will sell 150 megawatts of wind power to Georgia.",
            # "power" and "electricity" are one stem (data/lexicon.yaml, things.synonyms).
            ("electricity", ("mod:wind",), "megawatt", 145.0, 155.0),
        ),
        # A share of something, and where the something is; the giver's own is no qualifier.
        (
            "Georgia sold its 30 percent stake in the Vale mine to Armenia.",
            ("stake", ("in:mine", "in:vale"), "percent", 25.0, 35.0),
        ),
        # Someone else's is.
        ("Georgia sold Tamura's stake to Armenia.", ("stake", ("owner:org:tamura",), None, None, None)),
        # A generic head takes the word that says what kind: technology.
        ("France offered India technological support.", ("tech", (), None, None, None)),
        # Counted things are counted in themselves.
        ("Germany will send 40 tanks to Poland.", ("tank", (), "tank", 35.0, 45.0)),
    ],
)
def test_what_is_given(claims_of, text: str, thing: tuple[object, ...]) -> None:  # type: ignore[no-untyped-def]
    (claim,) = claims_of(text, "transfer")
    assert tuple(view(claim, *THING).values()) == thing


def test_each_of_two_things_is_a_claim(claims_of: ClaimsOf) -> None:
    claims = claims_of("Georgia will supply Armenia with diesel and jet fuel.", "transfer")
    assert [view(c, "thing_head", "thing_modifiers") for c in claims] == [
        {"thing_head": "diesel", "thing_modifiers": ()},
        {"thing_head": "fuel", "thing_modifiers": ("mod:jet",)},
    ]


def test_unnamed_goods_are_compared_by_the_verb(claims_of: ClaimsOf) -> None:
    assert _one(claims_of, "Russia will supply North Korea.") == {
        "span": "Russia will supply North Korea",
        "giver_side": "russia",
        "receiver_side": "north_korea",
        "thing_head": "supply (unnamed)",
    }


# -- hard negatives: what is not a stated transfer of this deal ------------------------


def test_a_reciprocal_deal_is_two_transfers_of_different_things(claims_of: ClaimsOf) -> None:
    claims = claims_of("Brazil sells grain to Egypt, while Egypt sells fertiliser to Brazil.", "transfer")
    assert [view(c, *SIDES) for c in claims] == [
        {"giver_side": "brazil", "receiver_side": "egypt", "thing_head": "grain"},
        {"giver_side": "egypt", "receiver_side": "brazil", "thing_head": "fertiliser"},
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Paris has always been cautious about passing on sensitive technology to Tehran.",
        "Arms sales rose sharply in Asia last year.",
        "Georgia will provide Armenia with support.",
        "An analyst suggests that Poland will provide tanks in phases.",
    ],
)
def test_no_transfer_is_stated(claims_of: ClaimsOf, text: str) -> None:
    assert claims_of(text, "transfer") == []


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        ("If Georgia sells cotton to Armenia, prices will fall.", {"stated": False}),
        ("Georgia denied that it would sell cotton to Armenia.", {"stated": False}),
        ("Analyst Ana Prieto said Georgia would sell cotton to Armenia.", {"others_plan": True}),
        ("The two governments said Georgia would sell cotton to Armenia.", {"others_plan": False}),
        ("Greece returned the statue to Italy.", {"back": True}),
        ("Italy gave the statue back to Greece.", {"back": True}),
        ("Under a separate deal, Georgia will sell cotton to Armenia.", {"other_occasion": True}),
        ("Georgia sold cotton to Armenia again in May.", {"other_occasion": True}),
        ("In 2019 Georgia sold cotton to Armenia.", {"time": "2019", "dated": True}),
        ('"Georgia will sell cotton to Armenia," the official said.', {"quoted": True}),
    ],
)
def test_what_keeps_a_transfer_out_of_a_reversal(claims_of, text: str, flags: dict[str, object]) -> None:  # type: ignore[no-untyped-def]
    (claim,) = claims_of(text, "transfer")
    assert view(claim, *flags) == flags


def test_a_denied_transfer_is_negative(claims_of: ClaimsOf) -> None:
    (claim,) = claims_of("Poland has never delivered tanks to Germany.", "transfer")
    assert claim.polarity == "negative"


def test_one_side_giving_to_itself_is_no_transfer_between_sides(claims_of: ClaimsOf) -> None:
    assert claims_of("Moscow will send grain to Russia.", "transfer") == []


# A sum of money given is the sum, in its currency: its head word ("million") names no
# kind of thing, so two loans compare by amount.
MONEY_SIDES = ("thing_head", "thing_unit", "thing_low", "thing_high")
SURA_LENDS_TALARA = {
    "giver": "Sura Bank",
    "receiver": "Talara Mining",
    "thing_head": None,
    "thing_unit": "usd",
    "thing_low": 75000000.0,
    "thing_high": 85000000.0,
}


@pytest.mark.parametrize(
    "text",
    [
        "Sura Bank lent $80 million to Talara Mining.",
        "Sura Bank lent Talara Mining $80 million.",
        "Talara Mining borrowed $80 million from Sura Bank.",
        "Sura Bank's loan of $80 million to Talara Mining was approved.",
        "Talara Mining, which borrowed $80 million from Sura Bank, reported a loss.",
        "Sura Bank to lend $80 million to Talara Mining",
        "The regulator said Sura Bank had lent $80 million to Talara Mining.",
    ],
)
def test_a_sum_lent_is_compared_by_its_amount(claims_of: ClaimsOf, text: str) -> None:
    (claim,) = claims_of(text, "transfer")
    ends = {end: getattr(claim.get(end), "text", None) for end in ("giver", "receiver")}
    assert {**ends, **view(claim, *MONEY_SIDES)} == SURA_LENDS_TALARA


def test_two_sums_of_one_currency_are_two_things(rule_ids) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Sura Bank has lent $80 million to Talara Mining, the bank said.\n\n"
        "Talara had lent Sura Bank $5 million in 2018 to open branches."
    )
    assert "TRF001" not in rule_ids(text)


def test_one_sum_lent_both_ways_is_a_reversal(rule_ids) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Sura Bank has lent $80 million to Talara Mining, the bank said.\n\n"
        "Filings show the $80 million was borrowed by Sura Bank from Talara Mining."
    )
    assert rule_ids(text).count("TRF001") == 1


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("Under a new deal, Georgia will sell cotton to Armenia.", False),
        ("Georgia to sell cotton to Armenia under fresh trade pact", False),
        ("Under the latest agreement, Georgia will sell cotton to Armenia.", False),
        ("Under a separate deal, Georgia will sell cotton to Armenia.", True),
        ("Under an earlier agreement, Georgia sold cotton to Armenia.", True),
        ("Under another pact, Georgia will sell cotton to Armenia.", True),
    ],
)
def test_a_new_deal_is_the_deal_reported(claims_of: ClaimsOf, text: str, other: bool) -> None:
    (claim,) = claims_of(text, "transfer")
    assert claim.get("other_occasion") is other


LENT = "BERN — The Alpine Credit Bank has lent 40 million francs to Rhone Energie, a state utility.\n\n"


@pytest.mark.parametrize(
    "sentence",
    [
        "Rhone Energie's loan to the Alpine Credit Bank is its largest.",
        "The loan from Rhone Energie to the Alpine Credit Bank is its largest.",
        "Officials said Rhone Energie's loan to the Alpine Credit Bank was its largest.",
        "Rhone Energie's loan to the Alpine Credit Bank runs for ten years.",
        "Under Rhone Energie's loan to the Alpine Credit Bank, repayments start in 2028.",
    ],
)
def test_a_transfer_noun_without_its_goods_moves_what_its_event_moved(
    rule_ids: RuleIds, sentence: str
) -> None:
    assert "TRF001" in rule_ids(LENT + sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The Alpine Credit Bank's loan to Rhone Energie is its largest.",
        "The loan from the Alpine Credit Bank to Rhone Energie runs for ten years.",
    ],
)
def test_a_transfer_noun_told_the_same_way_round_is_no_reversal(rule_ids: RuleIds, sentence: str) -> None:
    assert "TRF001" not in rule_ids(LENT + sentence)
