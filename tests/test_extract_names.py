"""Person names as written, including near-miss spellings the model does not tag."""

from __future__ import annotations

from helpers import ClaimsOf


def names(claims_of: ClaimsOf, text: str) -> list[tuple[str, object, object]]:
    return [(c.span.text, c.get("normalised"), c.get("tagged")) for c in claims_of(text, "person_name")]


def test_a_lower_case_variant_of_a_known_name_is_claimed(claims_of: ClaimsOf) -> None:
    text = "Photograph by Katarzyna Nowak for the agency. Katarina nowak took it in Oslo."
    assert names(claims_of, text) == [
        ("Katarzyna Nowak", "katarzyna nowak", True),
        ("Katarina nowak", "katarina nowak", False),
    ]


def test_a_model_misfire_in_lower_case_is_not_a_name(claims_of: ClaimsOf) -> None:
    # The named engineer shows the extractor ran; the lower-case words are no one's name.
    text = "Engineer Anna Berg spoke of advances in hypersonic missiles this year."
    assert [name for name, _, _ in names(claims_of, text)] == ["Anna Berg"]


def test_a_credit_line_name_stops_at_the_agency(claims_of: ClaimsOf) -> None:
    claims = claims_of("Sergei Ivanov /Pool/Reuters via Getty Images shows the port.", "person_name")
    assert [c.span.text for c in claims] == ["Sergei Ivanov"]


def test_identical_spellings_are_one_name(claims_of: ClaimsOf) -> None:
    text = "Photograph by Daniel Okafor. Daniel Okafor took it in Lagos."
    assert {c.get("normalised") for c in claims_of(text, "person_name")} == {"daniel okafor"}


def test_a_lone_near_miss_of_a_known_surname_is_claimed(claims_of: ClaimsOf) -> None:
    text = "Ukrainian President Volodymyr Zelensky spoke first. Later Zelenskyy thanked the troops."
    assert names(claims_of, text) == [
        ("Volodymyr Zelensky", "volodymyr zelensky", True),
        ("Zelenskyy", "zelenskyy", True),
    ]


def test_a_lone_surname_spelled_right_is_not_claimed(claims_of: ClaimsOf) -> None:
    text = "Ukrainian President Volodymyr Zelensky spoke first. Later Zelensky thanked the troops."
    assert [n for n, _, _ in names(claims_of, text)] == ["Volodymyr Zelensky"]


def test_a_country_or_demonym_is_never_a_variant_of_a_surname(claims_of: ClaimsOf) -> None:
    text = "Striker Ivan Franco scored twice. France lost, and a Kenyan, Kenya's coach, watched Franco."
    names = [c.get("normalised") for c in claims_of(text, "person_name")]
    assert names == ["ivan franco"]


def test_a_title_the_model_took_into_a_name_is_left_out(claims_of: ClaimsOf) -> None:
    (claim,) = claims_of("Striker Ivan Franco scored twice on Sunday.", "person_name")
    assert claim.span.text == "Ivan Franco"


def test_a_word_the_article_writes_in_lower_case_is_no_surname(checker, gazetteer) -> None:  # type: ignore[no-untyped-def]
    from factcheck.claims.extractors.names import _NotNames

    doc = checker.pipeline.nlp("Lucas Shortle was sent off. Shortly after, play stopped shortly before nine.")
    not_names = _NotNames.of([t.text for t in doc], gazetteer)
    assert "Shortly" in not_names and "France" in not_names and "Kenyan" in not_names
    assert "Shortle" not in not_names and "Lucas" not in not_names


def test_a_word_of_address_leaves_the_surname_alone(claims_of: ClaimsOf) -> None:
    # "Mr Holloway" names no one new: it is read as the lone surname, so NAM002, not
    # NAM001, compares it with "Graham Holloway".
    text = 'The company said Graham Holloway would take over in March. "It is a fair price," said Mr Holoway.'
    assert names(claims_of, text) == [
        ("Graham Holloway", "graham holloway", True),
        ("Mr Holoway", "holoway", True),
    ]
