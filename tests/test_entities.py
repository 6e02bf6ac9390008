"""Entities: gazetteer places, person mentions merged, nationality from titles."""

from __future__ import annotations

import pytest

from factcheck.nlp.speech import attribution, speaker
from factcheck.pipeline import Checker
from helpers import Analyse


def test_gazetteer_fixes_a_city_the_model_calls_a_person(analyse: Analyse) -> None:
    analysis = analyse("The delegation will visit Vladivostok, the port city, next week.")
    places = {(e.text, e.label_, e.ent_id_) for e in analysis.doc.ents}
    assert ("Vladivostok", "GPE", "vladivostok") in places


def test_a_region_named_with_its_country_is_one_place_inside_it(analyse: Analyse) -> None:
    analysis = analyse("Talks were held in Russia's Far East.")
    entities = analysis.graph.entities
    (place,) = [e for e in analysis.doc.ents if e.label_ in {"GPE", "LOC"}]
    assert (place.text, place.ent_id_) == ("Russia's Far East", "russian_far_east")
    assert entities.countries_of("russian_far_east") == frozenset({"russia"})


def test_x_in_y_puts_an_unknown_place_inside_a_known_one(analyse: Analyse) -> None:
    analysis = analyse("The fire at Kellerwald Castle in Germany was put out.")
    entities = analysis.graph.entities
    assert ("germany", "text:kellerwald castle") in entities.text_containment
    assert entities.countries_of("text:kellerwald castle") == frozenset({"germany"})


def test_y_s_x_puts_a_place_inside_y(analyse: Analyse) -> None:
    analysis = analyse("Officials toured Germany's Kellerwald Castle on Monday.")
    assert analysis.graph.entities.countries_of("text:kellerwald castle") == frozenset({"germany"})


def test_nationality_from_a_demonym_title(analyse: Analyse) -> None:
    analysis = analyse("North Korean President Kim Jong Un met officials. Kim said little.")
    nationality = analysis.graph.entities.nationality["kim jong un"]
    assert nationality.country == "north_korea"
    assert nationality.evidence.text == "North Korean President Kim Jong Un"


def test_nationality_from_a_title_with_its_department(analyse: Analyse) -> None:
    cases = {
        "Peruvian Energy Minister Julia Campos spoke on Monday.": ("julia campos", "peru"),
        "Ghanaian trade minister Kofi Mensah landed on Monday.": ("kofi mensah", "ghana"),
    }
    for text, (person, country) in cases.items():
        assert analyse(text).graph.entities.nationality[person].country == country


def test_nationality_from_a_possessive_country(analyse: Analyse) -> None:
    analysis = analyse("France's President Emmanuel Macron spoke on Monday.")
    assert analysis.graph.entities.nationality["emmanuel macron"].country == "france"


def test_nationality_from_an_apposition_with_a_metonym(analyse: Analyse) -> None:
    analysis = analyse("The Kremlin spokesman, Dmitry Peskov, declined to comment.")
    assert analysis.graph.entities.nationality["dmitry peskov"].country == "russia"


def test_a_surname_and_a_pronoun_resolve_to_the_full_name(analyse: Analyse) -> None:
    analysis = analyse("Angela Merkel arrived on Monday. Merkel said she was pleased.")
    entities = analysis.graph.entities
    keys = {entities.person_key(t)[1] for t in analysis.doc if entities.person_key(t)}  # type: ignore[index]
    assert keys == {"angela merkel"}


def test_a_surname_the_model_calls_a_product_is_the_person(checker, gazetteer) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Span

    from factcheck.nlp.entities import build_entity_index

    doc = checker.pipeline.nlp("Maria Kowalski arrived on Monday. Kowalski, the envoy, spoke later.")
    surname = next(t for t in doc if t.text == "Kowalski" and t.i > 2)
    doc.ents = [e for e in doc.ents if surname.i not in range(e.start, e.end)] + [
        Span(doc, surname.i, surname.i + 1, label="PRODUCT")
    ]
    index = build_entity_index(doc, gazetteer)
    assert index.person_key(surname) is not None
    assert index.person_key(surname)[1] == "maria kowalski"  # type: ignore[index]


def test_a_surname_the_model_calls_an_unknown_place_is_the_person(checker, gazetteer) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Span

    from factcheck.nlp.entities import build_entity_index

    text = "Maria Kowalski arrived in Warsaw on Monday. Kowalski, the envoy, spoke later."
    doc = checker.pipeline.nlp(text)
    surname = next(t for t in doc if t.text == "Kowalski" and t.i > 2)
    doc.ents = [e for e in doc.ents if surname.i not in range(e.start, e.end)] + [
        Span(doc, surname.i, surname.i + 1, label="GPE")
    ]
    index = build_entity_index(doc, gazetteer)
    assert index.person_key(surname)[1] == "maria kowalski"  # type: ignore[index]
    assert surname.i not in index.places
    warsaw = next(t for t in doc if t.text == "Warsaw")
    assert warsaw.i in index.places and index.person_key(warsaw) is None


def test_the_speaker_of_a_reported_clause(analyse: Analyse) -> None:
    doc = analyse("Analyst Ana Prieto said Georgia would sell cotton to Armenia.").doc
    sell = next(t for t in doc if t.lemma_ == "sell")
    found = speaker(sell)
    assert found is not None and found.text == "Prieto"
    assert attribution(sell) == "Analyst Ana Prieto"
    doc = analyse("Georgia will sell cotton to Armenia, according to the ministry.").doc
    found = speaker(next(t for t in doc if t.lemma_ == "sell"))
    assert found is not None and found.text == "ministry"
    doc = analyse("Georgia will sell cotton to Armenia.").doc
    assert speaker(next(t for t in doc if t.lemma_ == "sell")) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # The model reads these unfamiliar names as organisations.
        ("The appeal was filed by veteran lawyer Okonkwo Adeyemi on Monday.", "Okonkwo Adeyemi"),
        ("Striker Ousmane Diallo scored twice in the second half.", "Ousmane Diallo"),
        ("Veteran lawyer Okonkwo Adeyemi filed the appeal.", "Okonkwo Adeyemi"),
        # Names it reads right stay people.
        ("Mongolian boxer Erdene Tsogt won the bout.", "Erdene Tsogt"),
        ("Police said local activist Zarina Kasymova was detained.", "Zarina Kasymova"),
    ],
)
def test_a_name_after_a_title_or_occupation_is_a_person(checker: Checker, text: str, name: str) -> None:
    doc = checker.pipeline.nlp(text)
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == [name]


def test_a_company_after_a_title_is_still_a_company(checker: Checker) -> None:
    doc = checker.pipeline.nlp("The chairman of coach operator Lakeland Holdings resigned.")
    assert "PERSON" not in {e.label_ for e in doc.ents}


def test_a_given_name_alone_is_the_one_person_it_opens(analyse: Analyse) -> None:
    # The lone given name is left untagged by the model; it opens one full name and ends none.
    for full, given in [
        ("Ganbaatar Erdene", "Ganbaatar"),
        ("Batbold Sukh", "Batbold"),
        ("Oyun Enkhbat", "Oyun"),
    ]:
        text = f"The veteran wrestler {full} retired on Sunday.\n\n{given}, 41, won five titles."
        (age,) = [c for c in analyse(text).claims if c.kind == "person_age"]
        assert age.get("person") == f"person:{full.lower()}"


def _tagged(
    checker: Checker, words: list[str], label: str, spans: list[tuple[int, int]]
) -> list[tuple[str, str]]:
    """The entities ``factcheck_entities`` leaves of a Doc whose model entities are ``spans``."""
    from spacy.tokens import Doc, Span

    from factcheck.nlp.pipeline import merge_gazetteer_entities

    nlp = checker.pipeline.nlp
    doc = Doc(nlp.vocab, words=words)
    for name, component in nlp.pipeline:
        if name == "ner":
            break
        doc = component(doc)
    doc.ents = [Span(doc, start, end, label=label) for start, end in spans]
    return [(e.text, e.label_) for e in merge_gazetteer_entities(doc).ents]


@pytest.mark.parametrize(
    ("words", "spans", "expected"),
    [
        (
            ["Aminata", "Diallo", ",", "46", ",", "was", "named", ".", "Diallo", "spoke", "."],
            [(0, 2), (8, 9)],
            [("Aminata Diallo", "PERSON"), ("Diallo", "PERSON")],
        ),
        (
            ["Officials", "chose", "Mamadou", "Sow", "(", "71", ")", "to", "lead", "it", "."],
            [(2, 4)],
            [("Mamadou Sow", "PERSON")],
        ),
    ],
)
def test_a_name_the_model_calls_an_organisation_is_a_person_when_given_an_age(
    checker: Checker, words: list[str], spans: list[tuple[int, int]], expected: list[tuple[str, str]]
) -> None:
    assert _tagged(checker, words, "ORG", spans) == expected


@pytest.mark.parametrize(
    ("words", "spans"),
    [
        # A company's name: its last word makes it one.
        (["Lakeland", "Holdings", ",", "46", ",", "said", "so", "."], [(0, 2)]),
        # A number that is no age.
        (["Aston", "Villa", ",", "2,000", ",", "fans", "said", "."], [(0, 2)]),
        # One word is a club or a firm as often as a person.
        (["Arsenal", ",", "12", ",", "lead", "."], [(0, 1)]),
        # "who" follows clubs too ("Arsenal, who beat ..."): no age, no person.
        (["Aston", "Villa", ",", "who", "won", ",", "lead", "."], [(0, 2)]),
    ],
)
def test_what_is_given_no_age_stays_an_organisation(
    checker: Checker, words: list[str], spans: list[tuple[int, int]]
) -> None:
    assert all(label == "ORG" for _, label in _tagged(checker, words, "ORG", spans))
