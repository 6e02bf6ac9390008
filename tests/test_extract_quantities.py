"""Quantities: amounts with their unit, the interval they allow, and the one thing they measure."""

from __future__ import annotations

from factcheck.claims.extractors.quantities import Amount, read_amounts, read_count
from helpers import view

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


# -- claims -----------------------------------------------------------------------


def test_a_strike_length_in_a_modifier_and_in_a_predicate(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = "Unions called a ten-day strike at the plant. The strike lasted three days."
    first, second = claims_of(text, "quantity")
    assert first.span.text == "ten-day strike"
    assert view(first, *FIELDS) == {
        "occasion": "strike#1",
        "measured": "strike:duration",
        "amount": "ten-day#",
        "unit": "day",
        "low": 10.0,
        "high": 10.0,
        "revised": False,
    }
    assert second.span.text == "strike lasted three days"
    assert view(second, "occasion", "amount", "low", "high") == {
        "occasion": "strike#1",
        "amount": "three days#",
        "low": 3.0,
        "high": 3.0,
    }


def test_a_deal_value_after_worth(claims_of) -> None:  # type: ignore[no-untyped-def]
    (claim,) = claims_of("The deal, worth $2bn, was signed on Monday.", "quantity")
    assert claim.span.text == "deal, worth $2bn"
    assert view(claim, "measured", "amount", "unit", "low", "high") == {
        "measured": "deal:money",
        "amount": "$2bn#",
        "unit": "usd",
        "low": 1.5e9,
        "high": 2.5e9,
    }


def test_a_death_toll_told_actively_and_passively(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The attack killed at least 30 people. "
        "Officials counted the dead, and 45 people were killed in the attack."
    )
    first, second = claims_of(text, "quantity")
    assert first.span.text == "killed at least 30 people"
    assert view(first, "occasion", "measured", "amount", "low", "high") == {
        "occasion": "attack#1",
        "measured": "kill:people",
        "amount": "at least 30#",
        "low": 25.0,
        "high": None,
    }
    assert second.span.text == "45 people were killed"
    assert view(second, "occasion", "measured", "low", "high") == {
        "occasion": "attack#1",
        "measured": "kill:people",
        "low": 45.0,
        "high": 45.0,
    }


def test_a_running_total_is_not_claimed(claims_of) -> None:  # type: ignore[no-untyped-def]
    assert claims_of("By Friday, the attack had killed 45 people.", "quantity") == []


def test_a_count_without_an_occasion_is_not_claimed(claims_of) -> None:  # type: ignore[no-untyped-def]
    # "30 people were killed" says nothing about which attack; "the driver killed" is no occasion.
    assert claims_of("Thirty people were killed. The driver injured 12 passengers.", "quantity") == []


def test_two_sentences_for_two_people_are_two_occasions(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = "He received a four-month jail sentence. His accomplice is serving a nine-month sentence."
    claims = claims_of(text, "quantity")
    assert [c.get("occasion") for c in claims] == ["sentence#1", "sentence#2"]


def test_a_measure_the_article_says_changed_is_revised(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = "Unions called a ten-day strike. The strike was later shortened, and the strike lasted three days."
    claims = claims_of(text, "quantity")
    assert [view(c, "occasion", "revised") for c in claims] == [
        {"occasion": "strike#1", "revised": True},
        {"occasion": "strike#1", "revised": True},
    ]
