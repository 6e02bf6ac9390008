"""Dates: the dateline, weekdays with their dates, the day of an occasion, past actions dated later."""

from __future__ import annotations

import pytest

from factcheck.claims.extractors.dates import DayParts, anchored, find_dateline, parse_day
from factcheck.events import frame_lexicon
from factcheck.nlp.lexicon import word_set
from helpers import ClaimsOf, numbered, view

OCCASION = ("noun", "day", "weekday", "month_day", "year", "offset", "rescheduled")


# -- reading day expressions (no language model) ---------------------------------


def test_a_full_date_with_its_weekday() -> None:
    assert parse_day("Thursday, Feb. 23, 2023") == DayParts(weekday=3, month=2, day=23, year=2023)


def test_relative_days_and_weekday_relations() -> None:
    assert parse_day("yesterday") == DayParts(offset=-1)
    assert parse_day("this morning") == DayParts(offset=0)
    assert parse_day("last Friday") == DayParts(weekday=4, relation="past")
    assert parse_day("Friday's") == DayParts(weekday=4)
    assert parse_day("the 4th of October") == DayParts(month=10, day=4)


def test_expressions_that_are_not_one_day_are_not_read() -> None:
    for text in ("35 years ago", "next week", "October", "2019", "the past two days", "February 30"):
        assert parse_day(text) is None, text


def test_the_dateline_anchors_dates_and_relative_days() -> None:
    anchor = DayParts(weekday=0, month=5, day=20)  # a Monday, 20 May, year unknown
    assert anchored(DayParts(month=5, day=15), anchor).weekday == 2  # Wednesday
    assert anchored(DayParts(offset=-1), anchor) == DayParts(weekday=6, month=5, day=19, offset=-1)
    # Across the end of February the year matters; without one the weekday stays unknown.
    march = DayParts(weekday=2, month=3, day=2)
    assert anchored(DayParts(month=2, day=27), march).weekday is None


def test_datelines_short_first_lines_and_wire_style() -> None:
    found = find_dateline("Wednesday, October 4\n\nThe council met on Tuesday.")
    assert found is not None and found.span.text == "Wednesday, October 4"
    assert found.parts == DayParts(weekday=2, month=10, day=4)
    wire = find_dateline("LONDON, Oct 4 (Reuters) - Shares fell sharply on Monday.")
    assert wire is not None and wire.span.text == "Oct 4" and wire.parts == DayParts(month=10, day=4)
    assert find_dateline("Council backs new library\n\nThe council met on Tuesday.") is None


# -- claims -----------------------------------------------------------------------


def test_dateline_weekday_date_with_the_year_from_the_same_day_in_full(claims_of: ClaimsOf) -> None:
    text = "Monday, March 12\n\nThe festival opened on March 12, 2024, with a parade.\n"
    (claim,) = claims_of(text, "weekday_date")
    assert claim.span.text == "Monday, March 12"
    assert view(claim, "weekday", "date", "dateline", "year_source") == {
        "weekday": "Monday",
        "date": "2024-03-12",
        "dateline": True,
        "year_source": "March 12, 2024#",
    }


def test_inline_weekday_with_a_full_date(claims_of: ClaimsOf) -> None:
    (claim,) = claims_of("The hearing took place on Friday, February 23, 2023.", "weekday_date")
    assert claim.span.text == "Friday, February 23, 2023"
    assert view(claim, "weekday", "date", "dateline") == {
        "weekday": "Friday",
        "date": "2023-02-23",
        "dateline": False,
    }


def test_two_mentions_of_one_vote_with_their_days(claims_of: ClaimsOf) -> None:
    text = "Parliament held a vote on the budget on Thursday. Friday's vote passed narrowly."
    first, second = claims_of(text, "occasion_day")
    assert first.span.text == "vote on the budget on Thursday"
    assert view(first, *OCCASION) == {
        "noun": "election",
        "day": "Thursday#",
        "weekday": "Thursday",
        "month_day": None,
        "year": None,
        "offset": None,
        "rescheduled": False,
    }
    assert second.span.text == "Friday's vote"
    assert view(second, "weekday") == {"weekday": "Friday"}
    assert numbered([first, second]) == [0, 0]


def test_a_relative_day_gets_a_weekday_and_date_from_the_dateline(claims_of: ClaimsOf) -> None:
    (claim,) = claims_of("Tuesday, May 14\n\nThe strike began yesterday at the port.\n", "occasion_day")
    assert claim.span.text == "strike began yesterday"
    assert view(claim, "weekday", "month_day", "offset") == {
        "weekday": "Monday",
        "month_day": "05-13",
        "offset": -1.0,
    }


def test_another_occasion_and_an_indefinite_mention_open_new_occasions(claims_of: ClaimsOf) -> None:
    text = "A vote on Thursday failed. A second vote on Friday passed. The vote on Monday was close."
    claims = claims_of(text, "occasion_day")
    assert numbered(claims) == [0, 1, 2]


def test_a_postponed_occasion_is_marked_rescheduled(claims_of: ClaimsOf) -> None:
    text = "The vote on Thursday was postponed. Friday's vote passed without incident."
    claims = claims_of(text, "occasion_day")
    assert [c.get("rescheduled") for c in claims] == [True, True]
    assert numbered(claims) == [0, 0]


MOVED_FROM_NO_DAY = [
    "The poll was brought forward from next year.",
    "The poll was moved forward from 2028.",
    "The poll was postponed from the spring.",
    "Officials delayed the poll from early next year.",
    "The poll, pushed back from 2027, will be the first under the new law.",
]


@pytest.mark.parametrize("moved", MOVED_FROM_NO_DAY)
def test_a_move_from_no_day_leaves_the_occasion_one_day(claims_of: ClaimsOf, moved: str) -> None:
    text = f"Zambia will hold a snap poll on November 29.\n\n{moved}\n\nThe December 6 poll is its third."
    claims = claims_of(text, "occasion_day")
    assert [c.get("rescheduled") for c in claims] == [False, False]
    assert numbered(claims) == [0, 0]


@pytest.mark.parametrize(
    "moved",
    [
        # The old time is a day: the occasion has had two.
        "The poll was postponed from November 22.",
        "The poll, moved from Sunday, will be the first under the new law.",
        # No old time: it may have been any day.
        "The poll was postponed.",
        "Officials postponed the poll.",
        "The poll that officials postponed will be the first under the new law.",
    ],
)
def test_a_move_from_a_day_or_from_no_stated_time_may_give_two_days(claims_of: ClaimsOf, moved: str) -> None:
    text = f"Zambia will hold a snap poll on November 29.\n\n{moved}\n\nThe December 6 poll is its third."
    claims = claims_of(text, "occasion_day")
    assert all(c.get("rescheduled") for c in claims)


def test_an_occasion_that_changed_something_is_not_itself_moved(claims_of: ClaimsOf) -> None:
    text = (
        "The referendum on March 3 extended presidential terms. "
        "Critics said the March 10 referendum was rigged."
    )
    claims = claims_of(text, "occasion_day")
    assert [c.get("rescheduled") for c in claims] == [False, False]


def test_a_past_tense_tomorrow_is_after_the_article_date(claims_of: ClaimsOf) -> None:
    (claim,) = claims_of("The health minister resigned tomorrow.", "dated_action")
    assert claim.span.text == "resigned tomorrow"
    assert view(claim, "verb", "day", "past", "after_article_date", "article_date") == {
        "verb": "resigned#",
        "day": "tomorrow#",
        "past": True,
        "after_article_date": True,
        "article_date": None,
    }


def test_a_future_or_reported_tomorrow_is_not_a_past_action(claims_of: ClaimsOf) -> None:
    (future,) = claims_of("The health minister will resign tomorrow.", "dated_action")
    assert view(future, "past", "after_article_date") == {"past": False, "after_article_date": True}
    (reported,) = claims_of("A spokesman said the minister left tomorrow.", "dated_action")
    assert reported.attributed_to == "A spokesman"


def test_a_date_far_after_a_year_less_dateline_is_not_certainly_later(claims_of: ClaimsOf) -> None:
    near, far = claims_of(
        "Wednesday, October 4\n\nThe firm opened a plant on October 10. It opened another on December 10.\n",
        "dated_action",
    )
    assert view(near, "after_article_date", "article_date") == {
        "after_article_date": True,
        "article_date": "Wednesday, October 4#",
    }
    assert view(far, "after_article_date") == {"after_article_date": False}


def test_meeting_nouns_name_one_kind_of_occasion(claims_of: ClaimsOf) -> None:
    text = (
        "During a summit in Seoul, the leaders spoke. "
        "The meeting on Wednesday ended early. The Thursday summit was calm."
    )
    claims = claims_of(text, "occasion_day")
    assert [view(c, "occasion_label", "weekday") for c in claims] == [
        {"occasion_label": "meeting#", "weekday": "Wednesday"},
        {"occasion_label": "summit#", "weekday": "Thursday"},
    ]
    assert numbered(claims) == [0, 0]


def test_a_day_the_parser_hangs_on_the_verb_inside_the_subject(claims_of: ClaimsOf) -> None:
    text = "The talks in Vienna on Tuesday showed how far apart the two sides are."
    (claim,) = claims_of(text, "occasion_day")
    assert view(claim, "occasion_label", "day", "weekday") == {
        "occasion_label": "talks#",
        "day": "Tuesday#",
        "weekday": "Tuesday",
    }


def test_occasions_named_by_their_day_or_told_apart_later_are_different(claims_of: ClaimsOf) -> None:
    named = claims_of(
        "Saturday's match ended in a draw. Wednesday's match will decide the title.", "occasion_day"
    )
    assert numbered(named) == [0, 1]
    told_apart = claims_of(
        "The vote on Thursday was close. Friday's vote on the amendment was not.", "occasion_day"
    )
    assert numbered(told_apart) == [0, 1]


def test_a_date_below_a_headline_and_a_venue_is_a_listing_not_a_dateline() -> None:
    assert find_dateline("Worcester v Sale\n\nSixways\n\nFriday, 25 February\n\n2000 GMT\n") is None
    below_headline = find_dateline("Leaders meet in Seoul\n\nWednesday, October 4\n\nThe talks began.")
    assert below_headline is not None and below_headline.span.text == "Wednesday, October 4"


# -- one event's day, in every wording the event layer reads ------------------------

#: One side: an event told by a verb, a participle, a light verb or in reported speech.
FIRST_SIDES = [
    ("Kenya beat Uganda in Nairobi on Tuesday.", "Tuesday"),
    ("Uganda were beaten by Kenya on Tuesday in Nairobi.", "Tuesday"),
    ("Kenya, who beat Uganda on Tuesday, top the group.", "Tuesday"),
    ("Officials said Kenya had beaten Uganda on Tuesday.", "Tuesday"),
    ("Kenya's victory over Uganda on Tuesday was their first.", "Tuesday"),
    ("The match, which was played on Tuesday, ended 2-0.", "Tuesday"),
]
#: The other side: a noun named by its day, or with its day.
SECOND_SIDES = [
    ("Wednesday's match drew a record crowd.", "Wednesday"),
    ("The Wednesday match drew a record crowd.", "Wednesday"),
    ("The match on Wednesday drew a record crowd.", "Wednesday"),
    ("The win on Wednesday drew a record crowd.", "Wednesday"),
    ("Fans said the match on Wednesday was the best of the year.", "Wednesday"),
]


def test_one_match_given_a_day_in_every_wording(claims_of: ClaimsOf) -> None:
    for first_text, first_day in FIRST_SIDES:
        for second_text, second_day in SECOND_SIDES:
            claims = claims_of(f"{first_text}\n\n{second_text}", "occasion_day")
            # A verb and its own noun ("the match, which was played") may both give the day.
            days = [c.get("weekday") for c in claims]
            assert set(days[:-1]) == {first_day} and days[-1] == second_day, (first_text, second_text)
            assert set(numbered(claims)) == {0}, (first_text, second_text)


def test_one_election_given_two_dates(claims_of: ClaimsOf) -> None:
    text = (
        "A reformist won a by-election in Tartu held on May 3.\n\nTurnout in the May 10 by-election was low."
    )
    first, second = claims_of(text, "occasion_day")
    assert (first.span.text, second.span.text) == ("by-election in Tartu held on May 3", "May 10 by-election")
    assert [c.get("month_day") for c in (first, second)] == ["05-03", "05-10"]
    assert numbered([first, second]) == [0, 0]


def test_days_of_other_matches_are_other_events(claims_of: ClaimsOf) -> None:
    text = (
        "Kenya beat Uganda in Nairobi on Tuesday.\n\n"
        "Uganda, who lost their opening game to Rwanda on Sunday, are out.\n\n"
        "Kenya meet Rwanda in Saturday's final. The two drew their group match last week."
    )
    claims = claims_of(text, "occasion_day")
    assert [c.get("weekday") for c in claims] == ["Tuesday", "Sunday", "Sunday", "Saturday"]
    assert numbered(claims) == [0, 1, 1, 2]


def test_the_legs_of_one_trip_are_not_given_one_day(claims_of: ClaimsOf) -> None:
    text = "The minister arrived in Lima on Sunday.\n\nShe will travel on to Quito on Wednesday."
    assert claims_of(text, "occasion_day") == []


def test_the_classes_that_span_days_are_classes_of_the_frame_lexicon() -> None:
    assert word_set("calendar", "spanning_classes") <= set(frame_lexicon().classes)


def test_full_dates_are_found_line_by_line_as_in_the_whole_text() -> None:
    from factcheck.claims.extractors.dates import _full_date_pattern, _full_dates

    text = (
        "Ballot day\n"
        "Polls opened on Sunday, 9 March 2025 across the islands.\n"
        "The count ended on Tuesday, March 11,\n2025 and no year follows this date: 12 March.\n"
        "\n"
        "Kick-off on 14 March 2000 GMT, the final on Saturday the 15 March 2025."
    )
    spans = [m.span() for m in _full_dates(text)]
    assert spans == [m.span() for m in _full_date_pattern().finditer(text)]
    assert [text[start:end] for start, end in spans] == ["Sunday, 9 March 2025", "Saturday the 15 March 2025"]


CHAMBER_DECISIONS = [
    "Slovakia's parliament approved the pension reform on Thursday.",
    "The pension reform was approved by parliament on Thursday.",
    "Lawmakers passed the pension reform on Thursday.",
    "The Senate adopted the pension reform on Thursday after a long debate.",
    "MPs voted for the pension reform on Thursday.",
]


@pytest.mark.parametrize("decision", CHAMBER_DECISIONS)
def test_a_chamber_s_decision_is_its_vote(claims_of: ClaimsOf, decision: str) -> None:
    text = (
        f"Pension reform passes\n\nBRATISLAVA — {decision}\n\nOpposition parties boycotted Wednesday's vote."
    )
    claims = claims_of(text, "occasion_day")
    assert [c.get("noun") for c in claims] == ["election", "election"]
    assert numbered(claims) == [0, 0]


@pytest.mark.parametrize(
    "text",
    [
        # A vote on another measure is another vote.
        "Parliament approved the budget on Thursday.\n\n"
        "Opposition parties boycotted Wednesday's vote on the health bill.",
        # Not a chamber: a board's or a fan's approval is no vote of the chamber.
        "The board approved the merger on Thursday.\n\nOpposition parties boycotted Wednesday's vote.",
    ],
)
def test_another_measure_or_no_chamber_is_another_occasion(claims_of: ClaimsOf, text: str) -> None:
    claims = claims_of(text, "occasion_day")
    assert len(set(numbered(claims))) == len(claims)
