"""Entities: gazetteer places, person mentions merged, nationality from titles."""

from __future__ import annotations

from factcheck.nlp.speech import attribution, speaker


def test_gazetteer_fixes_a_city_the_model_calls_a_person(analyse) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse("The delegation will visit Vladivostok, the port city, next week.")
    places = {(e.text, e.label_, e.ent_id_) for e in analysis.doc.ents}
    assert ("Vladivostok", "GPE", "vladivostok") in places


def test_a_region_named_with_its_country_is_one_place_inside_it(analyse) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse("Talks were held in Russia's Far East.")
    entities = analysis.graph.entities
    (place,) = [e for e in analysis.doc.ents if e.label_ in {"GPE", "LOC"}]
    assert (place.text, place.ent_id_) == ("Russia's Far East", "russian_far_east")
    assert entities.countries_of("russian_far_east") == frozenset({"russia"})


def test_x_in_y_puts_an_unknown_place_inside_a_known_one(analyse) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse("The fire at Kellerwald Castle in Germany was put out.")
    entities = analysis.graph.entities
    assert ("germany", "text:kellerwald castle") in entities.text_containment
    assert entities.countries_of("text:kellerwald castle") == frozenset({"germany"})


def test_y_s_x_puts_a_place_inside_y(analyse) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse("Officials toured Germany's Kellerwald Castle on Monday.")
    assert analysis.graph.entities.countries_of("text:kellerwald castle") == frozenset({"germany"})


def test_nationality_from_a_demonym_title(analyse) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse("North Korean President Kim Jong Un met officials. Kim said little.")
    nationality = analysis.graph.entities.nationality["kim jong un"]
    assert nationality.country == "north_korea"
    assert nationality.evidence.text == "North Korean President Kim Jong Un"


def test_nationality_from_a_title_with_its_department(analyse) -> None:  # type: ignore[no-untyped-def]
    cases = {
        "Peruvian Energy Minister Julia Campos spoke on Monday.": ("julia campos", "peru"),
        "Ghanaian trade minister Kofi Mensah landed on Monday.": ("kofi mensah", "ghana"),
    }
    for text, (person, country) in cases.items():
        assert analyse(text).graph.entities.nationality[person].country == country


def test_nationality_from_a_possessive_country(analyse) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse("France's President Emmanuel Macron spoke on Monday.")
    assert analysis.graph.entities.nationality["emmanuel macron"].country == "france"


def test_nationality_from_an_apposition_with_a_metonym(analyse) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse("The Kremlin spokesman, Dmitry Peskov, declined to comment.")
    assert analysis.graph.entities.nationality["dmitry peskov"].country == "russia"


def test_a_surname_and_a_pronoun_resolve_to_the_full_name(analyse) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse("Angela Merkel arrived on Monday. Merkel said she was pleased.")
    entities = analysis.graph.entities
    keys = {entities.person_key(t)[1] for t in analysis.doc if entities.person_key(t)}  # type: ignore[index]
    assert keys == {"angela merkel"}


def test_the_speaker_of_a_reported_clause(analyse) -> None:  # type: ignore[no-untyped-def]
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
