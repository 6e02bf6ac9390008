"""Each conflict operator on its own: claims built by hand, the operator's ``check`` called
directly, with the options a rule would give. The rule fixtures test the same operators
through extraction; these pin down what each decides, one case per branch it takes.
"""

from __future__ import annotations

from typing import Any

import pytest

from factcheck.claims.model import Claim, FieldValue
from factcheck.nlp.entities import Mention
from factcheck.rules.findings import Finding
from factcheck.rules.operators import (
    already_there,
    calendar_weekday,
    different_days,
    different_values,
    disjoint_amounts,
    disjoint_places,
    each,
    exclusive_offices,
    exclusive_values,
    home_country,
    operators,
    opposite_polarity,
    quoted_with,
    reversed_direction,
    spelling_variant,
    swapped_roles,
    unless_already_quoted,
    unused_suppression,
)
from factcheck.rules.operators._contract import CheckContext, Conflict, NoOptions
from helpers import Analyse

# The graph the place operators ask: a North Korean leader at a cosmodrome in Russia.
ARTICLE = "North Korean leader Kim Jong Un was at the Vostochny Cosmodrome on Monday.\n\nKim spoke."
KIM = "kim jong un"
PRESENCE = "Un was at the Vostochny Cosmodrome"


def place(text: str, place_id: str, start: int = 500) -> Mention:
    return Mention(start, start + len(text), text, place_id)


def claim(start: int, polarity: str = "positive", **values: FieldValue) -> Claim:
    """A claim at its own offsets (so two claims are two spans) with the given fields."""
    span = Mention(start, start + 5, f"claim{start}", "")
    return Claim(kind="test", span=span, sentence=(start, start + 5), values=values, polarity=polarity)


@pytest.fixture(scope="module")
def context(analyse: Analyse) -> CheckContext:
    analysis = analyse(ARTICLE)
    return CheckContext(analysis.graph, analysis.document)


def sides(conflict: Conflict | None) -> list[str]:
    assert conflict is not None
    return [side.text for side in conflict.sides]


def test_every_registered_operator_has_its_tests_here() -> None:
    tested = {
        module.NAME
        for module in (
            already_there,
            calendar_weekday,
            different_days,
            different_values,
            disjoint_amounts,
            disjoint_places,
            each,
            exclusive_offices,
            exclusive_values,
            home_country,
            opposite_polarity,
            quoted_with,
            reversed_direction,
            spelling_variant,
            swapped_roles,
            unless_already_quoted,
            unused_suppression,
        )
    }
    assert tested == set(operators())


# -- already_there ---------------------------------------------------------------------


def test_already_there_a_trip_to_the_country_one_is_already_in(context: CheckContext) -> None:
    trip = claim(300, destination=place("Russia", "russia"), traveller=place("Kim", KIM))
    options = already_there.Options(person="traveller")
    conflict = already_there.check((trip,), "destination", options, context)
    assert sides(conflict) == ["claim300", PRESENCE]
    assert conflict is not None and conflict.values == {"current": "Russia (Vostochny Cosmodrome)"}


def test_already_there_a_trip_elsewhere_or_by_someone_else_is_not(context: CheckContext) -> None:
    options = already_there.Options(person="traveller")
    home = claim(300, destination=place("North Korea", "north_korea"), traveller=place("Kim", KIM))
    other = claim(300, destination=place("Russia", "russia"), traveller=place("Lee", "lee"))
    assert already_there.check((home,), "destination", options, context) is None
    assert already_there.check((other,), "destination", options, context) is None


# -- calendar_weekday ------------------------------------------------------------------


def test_calendar_weekday_a_date_that_falls_on_another_day() -> None:
    source = place("2023", "", 40)
    wrong = claim(0, date="2023-09-13", weekday="Monday", year_source=source)
    options = calendar_weekday.Options(weekday="weekday", source="year_source")
    conflict = calendar_weekday.check((wrong,), "date", options, _unused_context())
    assert sides(conflict) == ["claim0", "2023"]
    assert conflict is not None and conflict.values == {"actual": "Wednesday"}


@pytest.mark.parametrize(
    ("iso", "weekday"), [("2023-09-13", "wednesday"), ("2023-02-30", "Monday"), (None, "Monday")]
)
def test_calendar_weekday_the_right_day_or_no_real_date_is_no_conflict(iso: str | None, weekday: str) -> None:
    options = calendar_weekday.Options(weekday="weekday")
    given = claim(0, date=iso, weekday=weekday)
    assert calendar_weekday.check((given,), "date", options, _unused_context()) is None


# -- different_days --------------------------------------------------------------------


def test_different_days_a_part_known_on_both_sides_and_different() -> None:
    options = different_days.Options(parts=("weekday", "month_day"))
    first, second = claim(0, weekday="Thursday"), claim(10, weekday="Friday")
    assert sides(different_days.check((first, second), None, options, _unused_context())) == [
        "claim0",
        "claim10",
    ]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ({"weekday": "Thursday"}, {"weekday": "Thursday"}),
        ({"weekday": "Thursday"}, {"month_day": "10-05"}),
        ({}, {}),
    ],
)
def test_different_days_the_same_day_or_parts_known_on_one_side_only(
    a: dict[str, str], b: dict[str, str]
) -> None:
    options = different_days.Options(parts=("weekday", "month_day"))
    assert different_days.check((claim(0, **a), claim(10, **b)), None, options, _unused_context()) is None


# -- disjoint_amounts ------------------------------------------------------------------

AMOUNTS = disjoint_amounts.Options(low="low", high="high")


def test_disjoint_amounts_two_exact_figures_for_one_measure() -> None:
    first, second = claim(0, unit="dead", low=30.0, high=30.0), claim(10, unit="dead", low=45.0, high=45.0)
    assert disjoint_amounts.check((first, second), "unit", AMOUNTS, _unused_context()) is not None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ((30.0, None), (45.0, 45.0)),  # "at least 30" holds 45
        ((30.0, 50.0), (45.0, 45.0)),  # "30 to 50" holds 45
        ((30.0, 30.0), (30.0, 30.0)),
    ],
)
def test_disjoint_amounts_bounds_that_meet_are_no_conflict(
    a: tuple[float, float | None], b: tuple[float, float | None]
) -> None:
    first, second = claim(0, unit="dead", low=a[0], high=a[1]), claim(10, unit="dead", low=b[0], high=b[1])
    assert disjoint_amounts.check((first, second), "unit", AMOUNTS, _unused_context()) is None


def test_disjoint_amounts_other_units_or_no_figure_are_not_compared() -> None:
    dead, hurt = claim(0, unit="dead", low=30.0, high=30.0), claim(10, unit="injured", low=45.0, high=45.0)
    unknown = claim(10, unit="dead", low=None, high=None)
    assert disjoint_amounts.check((dead, hurt), "unit", AMOUNTS, _unused_context()) is None
    assert disjoint_amounts.check((dead, unknown), "unit", AMOUNTS, _unused_context()) is None


# -- disjoint_places -------------------------------------------------------------------


def test_disjoint_places_two_countries_for_one_event(context: CheckContext) -> None:
    options = disjoint_places.Options()
    seoul, vladivostok = (
        claim(0, place=place("Seoul", "seoul")),
        claim(10, place=place("Vladivostok", "vladivostok")),
    )
    assert disjoint_places.check((seoul, vladivostok), "place", options, context) is not None


def test_disjoint_places_a_place_inside_the_other_or_unknown_places(context: CheckContext) -> None:
    options = disjoint_places.Options()
    russia, city = (
        claim(0, place=place("Russia", "russia")),
        claim(10, place=place("Vladivostok", "vladivostok")),
    )
    unknown = claim(10, place=place("Elsewhere", "text:elsewhere"))
    assert disjoint_places.check((russia, city), "place", options, context) is None
    assert disjoint_places.check((city, russia), "place", options, context) is None
    assert disjoint_places.check((russia, unknown), "place", options, context) is None


def test_disjoint_places_two_cities_of_one_country_only_at_the_known_level(context: CheckContext) -> None:
    seoul, busan = claim(0, place=place("Seoul", "seoul")), claim(10, place=place("Busan", "busan"))
    assert disjoint_places.check((seoul, busan), "place", disjoint_places.Options(), context) is None
    known = disjoint_places.Options(level="known")
    assert disjoint_places.check((seoul, busan), "place", known, context) is not None
    bare_needed = disjoint_places.Options(level="known", later_bare="bare")
    named_again = claim(10, place=place("Busan", "busan"), bare=False)
    assert disjoint_places.check((seoul, named_again), "place", bare_needed, context) is None


def test_disjoint_places_claims_that_differ_in_an_agreed_field_are_two_events(context: CheckContext) -> None:
    options = disjoint_places.Options(agree_if_given=("time",))
    seoul = claim(0, place=place("Seoul", "seoul"), time="monday")
    moscow = claim(10, place=place("Moscow", "moscow"), time="friday")
    untimed = claim(10, place=place("Moscow", "moscow"), time=None)
    assert disjoint_places.check((seoul, moscow), "place", options, context) is None
    assert disjoint_places.check((seoul, untimed), "place", options, context) is not None


# -- each, quoted_with -----------------------------------------------------------------


def test_each_reports_every_claim_it_is_given() -> None:
    assert sides(each.check((claim(7),), None, NoOptions(), _unused_context())) == ["claim7"]


def test_quoted_with_adds_the_reference_when_it_is_another_span() -> None:
    with_reference = claim(0, source=place("the dateline", "", 90))
    on_itself = claim(0)
    assert sides(quoted_with.check((with_reference,), "source", NoOptions(), _unused_context())) == [
        "claim0",
        "the dateline",
    ]
    assert sides(quoted_with.check((on_itself,), "source", NoOptions(), _unused_context())) == ["claim0"]


# -- exclusive_offices, exclusive_values -----------------------------------------------

OFFICES = exclusive_offices.Options(
    rank="rank", country="country", exclusive=(("head_of_state", "head_of_government"),)
)


def test_exclusive_offices_one_person_both_head_of_state_and_of_government(context: CheckContext) -> None:
    president = claim(
        0, office="president", rank="head_of_state", country=place("South Korea", "south_korea")
    )
    premier = claim(10, office="prime minister", rank="head_of_government", country=place("Seoul", "seoul"))
    assert exclusive_offices.check((president, premier), "office", OFFICES, context) is not None


def test_exclusive_offices_of_two_countries_or_one_office_twice(context: CheckContext) -> None:
    president = claim(
        0, office="president", rank="head_of_state", country=place("South Korea", "south_korea")
    )
    abroad = claim(10, office="prime minister", rank="head_of_government", country=place("Russia", "russia"))
    again = claim(10, office="president", rank="head_of_state", country=place("South Korea", "south_korea"))
    assert exclusive_offices.check((president, abroad), "office", OFFICES, context) is None
    assert exclusive_offices.check((president, again), "office", OFFICES, context) is None


def test_exclusive_values_in_either_order_and_only_listed_pairs() -> None:
    options = exclusive_values.Options(exclusive=(("plaintiff", "defendant"),))
    sues, sued, witness = claim(0, role="plaintiff"), claim(10, role="defendant"), claim(20, role="witness")
    assert exclusive_values.check((sues, sued), "role", options, _unused_context()) is not None
    assert exclusive_values.check((sued, sues), "role", options, _unused_context()) is not None
    assert exclusive_values.check((sues, witness), "role", options, _unused_context()) is None


# -- home_country ----------------------------------------------------------------------


def test_home_country_a_trip_abroad_to_the_travellers_own_country(context: CheckContext) -> None:
    cue = place("trip abroad", "", 700)
    trip = claim(600, destination=place("Pyongyang", "pyongyang"), traveller=place("Kim", KIM), cue=cue)
    conflict = home_country.check(
        (trip,), "destination", home_country.Options(person="traveller", cue="cue"), context
    )
    assert sides(conflict) == ["trip abroad", "claim600", "North Korean leader Kim Jong Un"]
    assert conflict is not None and conflict.values == {"country": "North Korea"}


def test_home_country_a_city_is_not_the_country_when_only_countries_count(context: CheckContext) -> None:
    trip = claim(600, destination=place("Pyongyang", "pyongyang"), traveller=place("Kim", KIM))
    options = home_country.Options(person="traveller", country_only=True)
    assert home_country.check((trip,), "destination", options, context) is None


def test_home_country_another_country_or_a_person_of_no_known_nationality(context: CheckContext) -> None:
    options = home_country.Options(person="traveller")
    abroad = claim(600, destination=place("Russia", "russia"), traveller=place("Kim", KIM))
    stranger = claim(600, destination=place("North Korea", "north_korea"), traveller=place("Ri", "ri"))
    assert home_country.check((abroad,), "destination", options, context) is None
    assert home_country.check((stranger,), "destination", options, context) is None


# -- opposite_polarity -----------------------------------------------------------------


POLARITY = opposite_polarity.Options()


def test_opposite_polarity_asserted_and_denied_at_one_time() -> None:
    said, denied = claim(0, time="monday"), claim(10, "negative", time=None)
    assert opposite_polarity.check((said, denied), "time", POLARITY, _unused_context()) is not None


def test_opposite_polarity_one_polarity_or_two_times() -> None:
    said, again = claim(0, time="monday"), claim(10, time="monday")
    later = claim(10, "negative", time="friday")
    assert opposite_polarity.check((said, again), "time", POLARITY, _unused_context()) is None
    assert opposite_polarity.check((said, later), "time", POLARITY, _unused_context()) is None


def test_opposite_polarity_two_doers_are_two_actions_and_the_doer_is_named() -> None:
    options = opposite_polarity.Options(agent="agent")
    court, denied = claim(0, agent="court"), claim(10, "negative", agent="court")
    ministry = claim(10, "negative", agent="ministry")
    conflict = opposite_polarity.check((court, denied), None, options, _unused_context())
    assert conflict is not None and conflict.values == {"doer": "court"}
    assert opposite_polarity.check((court, ministry), None, options, _unused_context()) is None


def test_opposite_polarity_a_denial_covers_only_what_it_names() -> None:
    options = opposite_polarity.Options(scope="scope", terms="terms")
    none_of_them = claim(0, "negative", scope="every", terms=("treaty",))
    signed = claim(10, scope="definite", terms=("border", "treaty"))
    not_this_one = claim(0, "negative", scope="definite", terms=("trade", "treaty"))
    some = claim(0, "negative", scope="some", terms=("treaty",))
    assert opposite_polarity.check((none_of_them, signed), None, options, _unused_context()) is not None
    assert opposite_polarity.check((signed, none_of_them), None, options, _unused_context()) is not None
    assert opposite_polarity.check((not_this_one, signed), None, options, _unused_context()) is None
    assert opposite_polarity.check((some, signed), None, options, _unused_context()) is None


# -- different_values ------------------------------------------------------------------


def test_different_values_one_field_known_on_both_sides_and_different() -> None:
    options = different_values.Options(apart=("opponent",))
    won, lost = (
        claim(0, outcome="win", opponent=None),
        claim(10, outcome="loss", opponent=place("Ruiz", "ruiz")),
    )
    assert different_values.check((won, lost), "outcome", options, _unused_context()) is not None


def test_different_values_one_value_an_unknown_or_a_field_that_keeps_them_apart() -> None:
    options = different_values.Options(apart=("opponent",))
    won = claim(0, outcome="win", opponent=place("Ruiz", "ruiz"))
    again, unknown = claim(10, outcome="win", opponent=None), claim(10, outcome=None, opponent=None)
    other_contest = claim(10, outcome="loss", opponent=place("Soto", "soto"))
    for other in (again, unknown, other_contest):
        assert different_values.check((won, other), "outcome", options, _unused_context()) is None


def test_different_values_that_share_a_word_may_be_one_name_written_two_ways() -> None:
    options = different_values.Options(one_if_a_word_is_shared=True)
    full = claim(0, participant="name:nurse ana ruiz")
    short, other = claim(10, participant="name:ana ruiz"), claim(20, participant="name:luis soto")
    assert different_values.check((full, short), "participant", options, _unused_context()) is None
    assert different_values.check((full, other), "participant", options, _unused_context()) is not None
    plain = different_values.Options()
    assert different_values.check((full, short), "participant", plain, _unused_context()) is not None


# -- reversed_direction ----------------------------------------------------------------

TRANSFER = reversed_direction.Options(giver="giver", receiver="receiver", things="things")


def test_reversed_direction_giver_and_receiver_swapped_for_one_thing(context: CheckContext) -> None:
    supplies = claim(0, giver="kazakhstan", receiver="azerbaijan", things=("wheat",))
    supplied = claim(10, giver="azerbaijan", receiver="kazakhstan", things=("grain", "wheat"))
    conflict = reversed_direction.check((supplies, supplied), None, TRANSFER, context)
    assert conflict is not None and conflict.values == {"shared": "wheat"}


def test_reversed_direction_other_things_other_times_or_one_direction(context: CheckContext) -> None:
    supplies = claim(0, giver="kazakhstan", receiver="azerbaijan", things=("wheat",), time="2020")
    gas = claim(10, giver="azerbaijan", receiver="kazakhstan", things=("gas",), time="2020")
    later = claim(10, giver="azerbaijan", receiver="kazakhstan", things=("wheat",), time="2024")
    same_way = claim(10, giver="kazakhstan", receiver="azerbaijan", things=("wheat",), time="2020")
    options = reversed_direction.Options(giver="giver", receiver="receiver", things="things", time="time")
    for other in (gas, later, same_way):
        assert reversed_direction.check((supplies, other), None, options, context) is None


def test_reversed_direction_things_by_word_and_amount(context: CheckContext) -> None:
    options = reversed_direction.Options(
        giver="giver", receiver="receiver", head="head", unit="unit", low="low", high="high"
    )
    power = claim(0, giver="a", receiver="b", head="power", unit="megawatt", low=500.0, high=500.0)
    bare = claim(10, giver="b", receiver="a", head=None, unit="megawatt", low=500.0, high=500.0)
    other_amount = claim(10, giver="b", receiver="a", head=None, unit="megawatt", low=900.0, high=900.0)
    conflict = reversed_direction.check((power, bare), None, options, context)
    assert conflict is not None and conflict.values == {"shared": "power"}
    assert reversed_direction.check((power, other_amount), None, options, context) is None


def test_reversed_direction_one_end_where_one_goes_and_the_other_leaves_from(context: CheckContext) -> None:
    options = reversed_direction.Options(giver="origin", receiver="destination", ends="one", moving="moving")
    to_moscow = claim(0, origin=None, destination=place("Moscow", "moscow"), moving=True)
    from_moscow = claim(10, origin=place("Moscow", "moscow"), destination=None, moving=True)
    from_russia = claim(10, origin=place("Russia", "russia"), destination=None, moving=True)
    from_seoul = claim(10, origin=place("Seoul", "seoul"), destination=None, moving=True)
    conflict = reversed_direction.check((to_moscow, from_moscow), None, options, context)
    assert conflict is not None and conflict.values == {"end": "Moscow"}
    assert reversed_direction.check((to_moscow, from_russia), None, options, context) is not None
    assert reversed_direction.check((to_moscow, from_seoul), None, options, context) is None


def test_reversed_direction_a_standing_claim_is_not_a_journey(context: CheckContext) -> None:
    options = reversed_direction.Options(giver="origin", receiver="destination", ends="one", moving="moving")
    stays = claim(0, origin=None, destination=place("Moscow", "moscow"), moving=False)
    leaves = claim(10, origin=place("Moscow", "moscow"), destination=None, moving=True)
    assert reversed_direction.check((stays, leaves), None, options, context) is None


# -- spelling_variant ------------------------------------------------------------------

SPELLING = spelling_variant.Options()


@pytest.mark.parametrize(
    ("a", "b"), [("katarzyna nowak", "katarzyna nowack"), ("daniel okafor", "daniel okafour")]
)
def test_spelling_variant_one_slip_in_a_full_name(a: str, b: str) -> None:
    assert spelling_variant.check((claim(0, name=a), claim(10, name=b)), "name", SPELLING, _unused_context())


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("katarzyna nowak", "katarzyna nowak"),  # one spelling
        ("anna berg", "anna berger"),  # too far apart for a short word
        ("tom hall", "tom ball"),  # another first letter
        ("john smith", "jane smyth"),  # no word shared
        ("maria lopez", "maria lopezs"),  # a plural
        ("ola", "ola nordmann"),  # word counts differ, surnames not asked
    ],
)
def test_spelling_variant_names_that_are_not_one_name(a: str, b: str) -> None:
    assert (
        spelling_variant.check((claim(0, name=a), claim(10, name=b)), "name", SPELLING, _unused_context())
        is None
    )


def test_spelling_variant_a_lone_surname_against_the_full_name_when_asked() -> None:
    options = spelling_variant.Options(surnames=True)
    full = claim(0, name="gabriela monteiro")
    assert spelling_variant.check((full, claim(10, name="monteyro")), "name", options, _unused_context())
    assert (
        spelling_variant.check((full, claim(10, name="monteiros")), "name", options, _unused_context())
        is None
    )
    short = claim(0, name="john smith")
    assert (
        spelling_variant.check((short, claim(10, name="smyth")), "name", options, _unused_context()) is None
    )


# -- swapped_roles ---------------------------------------------------------------------

ROLES = swapped_roles.Options(subject="subject", object="object", verb="verb", verbs=("sue",), time="time")


def test_swapped_roles_one_way_action_told_both_ways() -> None:
    sues = claim(0, verb="sue", subject="person:vargas", object="person:castillo")
    sued = claim(10, verb="sue", subject="name:castillo", object="person:vargas")
    assert swapped_roles.check((sues, sued), None, ROLES, _unused_context()) is not None


def test_swapped_roles_same_direction_other_verb_or_other_time() -> None:
    sues = claim(0, verb="sue", subject="person:vargas", object="person:castillo", time="2021")
    again = claim(10, verb="sue", subject="person:vargas", object="person:castillo", time="2021")
    meets = claim(0, verb="meet", subject="person:vargas", object="person:castillo")
    met = claim(10, verb="meet", subject="person:castillo", object="person:vargas")
    later = claim(10, verb="sue", subject="person:castillo", object="person:vargas", time="2024")
    assert swapped_roles.check((sues, again), None, ROLES, _unused_context()) is None
    assert swapped_roles.check((meets, met), None, ROLES, _unused_context()) is None
    assert swapped_roles.check((sues, later), None, ROLES, _unused_context()) is None


def test_swapped_roles_a_vague_time_on_one_side_may_be_an_earlier_case() -> None:
    options = swapped_roles.Options(
        subject="subject", object="object", verb="verb", verbs=("sue",), time="time", vague_time="vague"
    )
    sues = claim(0, verb="sue", subject="person:vargas", object="person:castillo", time=None, vague=False)
    back_then = claim(
        10, verb="sue", subject="person:castillo", object="person:vargas", time=None, vague=True
    )
    assert swapped_roles.check((sues, back_then), None, options, _unused_context()) is None


# -- unused_suppression ----------------------------------------------------------------

SUPPRESSION = unused_suppression.Options(
    rules="rules",
    whole_file="whole_file",
    problem="problem",
    comment_start="comment_start",
    comment_end="comment_end",
    scope_start="scope_start",
    scope_end="scope_end",
)


def _suppression(**values: Any) -> Claim:
    comment = {"comment_start": 0.0, "comment_end": 5.0, "scope_start": 6.0, "scope_end": 40.0}
    return claim(0, **{**comment, "whole_file": False, "problem": None, "rules": ("LOC001",), **values})


def test_unused_suppression_a_comment_that_silences_nothing(context: CheckContext) -> None:
    running = CheckContext(context.graph, context.document, rule_ids=frozenset({"LOC001"}))
    conflict = unused_suppression.check((_suppression(),), None, SUPPRESSION, running)
    assert conflict is not None
    assert [side.text for side in conflict.sides] == [ARTICLE[0:5]]
    assert conflict.values == {
        "problem": "Suppression of LOC001 silences no finding in the paragraph after it"
    }


def test_unused_suppression_a_malformed_comment_says_its_problem(context: CheckContext) -> None:
    broken = _suppression(problem="Unknown rule LOC999")
    conflict = unused_suppression.check((broken,), None, SUPPRESSION, context)
    assert conflict is not None and conflict.values == {"problem": "Unknown rule LOC999"}


def test_unused_suppression_of_a_rule_not_running_or_one_that_silences(context: CheckContext) -> None:
    assert unused_suppression.check((_suppression(),), None, SUPPRESSION, context) is None
    silenced = _finding_at(context, 10, 20, "LOC001")
    running = CheckContext(context.graph, context.document, (silenced,), frozenset({"LOC001"}))
    assert unused_suppression.check((_suppression(),), None, SUPPRESSION, running) is None


# -- unless_already_quoted -------------------------------------------------------------

QUOTED = unless_already_quoted.Options(sides=("words", "closest"))


WORD = ARTICLE.index("Vostochny")
WORD_END = WORD + len("Vostochny")


def _unsupported() -> Claim:
    """A claim on "Vostochny" quoting it and the sentence closest to it."""
    words = Mention(WORD, WORD_END, "Vostochny", "")
    closest = Mention(0, 74, ARTICLE[0:74], "")
    values: dict[str, FieldValue] = {"words": words, "closest": closest, "absent": None}
    return Claim(kind="test", span=words, sentence=(0, 74), values=values)


def test_unless_already_quoted_a_claim_no_finding_quotes_is_one(context: CheckContext) -> None:
    elsewhere = _finding_at(context, 77, 80, "LOC001")
    given = CheckContext(context.graph, context.document, (elsewhere,))
    conflict = unless_already_quoted.check((_unsupported(),), None, QUOTED, given)
    assert sides(conflict) == ["Vostochny", ARTICLE[0:74]]


def test_unless_already_quoted_a_finding_on_its_words_says_it_already(context: CheckContext) -> None:
    overlapping = _finding_at(context, WORD - 4, WORD + 3, "LOC001")
    given = CheckContext(context.graph, context.document, (overlapping,))
    assert unless_already_quoted.check((_unsupported(),), None, QUOTED, given) is None
    # Touching is not quoting: a finding that ends where the words begin leaves them to this one.
    touching = CheckContext(context.graph, context.document, (_finding_at(context, 30, WORD, "LOC001"),))
    assert unless_already_quoted.check((_unsupported(),), None, QUOTED, touching) is not None


def test_unless_already_quoted_quotes_only_the_sides_it_has(context: CheckContext) -> None:
    options = unless_already_quoted.Options(sides=("absent", "words"))
    assert sides(unless_already_quoted.check((_unsupported(),), None, options, context)) == ["Vostochny"]
    nothing = unless_already_quoted.Options(sides=("absent",))
    assert unless_already_quoted.check((_unsupported(),), None, nothing, context) is None


def _finding_at(context: CheckContext, start: int, end: int, rule_id: str) -> Finding:
    evidence = context.document.evidence_for_source(start, end)
    return Finding(rule_id, "event-in-two-places", "location", "error", "m", (evidence, evidence))


def _unused_context() -> CheckContext:
    """A context for operators that compare the claims alone: asking it anything fails the test."""
    return CheckContext(graph=None, document=None)  # type: ignore[arg-type]
