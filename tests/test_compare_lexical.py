"""The shipped lexical data: its schema, and the relations the comparison reads from it."""

from __future__ import annotations

import json

import jsonschema

from conftest import ROOT
from factcheck.nlp.wordnet import wordnet

DATA = ROOT / "src" / "factcheck" / "data"
SCHEMAS = ROOT / "src" / "factcheck" / "schemas"


def test_the_shipped_data_fits_its_schema_and_every_sense_exists() -> None:
    data = json.loads((DATA / "lexical.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads((SCHEMAS / "lexical.schema.json").read_text(encoding="utf-8")))
    count = len(data["synsets"]["hypernyms"])
    parts = data["parts_of_speech"]
    # The parts of speech number the senses one after the other, from 0 to the last.
    assert [parts[pos] for pos in "nvar"] == sorted(parts.values())
    assert parts["n"][0] == 0 and parts["r"][1] == count
    assert all(parts[a][1] == parts[b][0] for a, b in ("nv", "va", "ar"))
    for pos, table in data["words"].items():
        first, end = parts[pos]
        assert all(first <= sense < end for senses in table.values() for sense in senses)
    for name in ("antonyms", "similar", "related"):
        table = data["synsets"][name]
        assert all(0 <= int(key) < count for key in table)
        assert all(0 <= sense < count for senses in table.values() for sense in senses)
    assert all(0 <= sense < count for senses in data["synsets"]["hypernyms"] for sense in senses)
    assert "Princeton" in data["licence"]


def test_a_sense_s_part_of_speech_comes_from_its_number() -> None:
    known = wordnet()
    assert {known.part_of_speech(s) for s in known.senses("river", "n")} == {"n"}
    assert {known.part_of_speech(s) for s in known.senses("blue", "a")} == {"a"}
    assert {known.part_of_speech(s) for s in known.senses("quickly", "r")} == {"r"}


def _supports(derived: str, source: str, pos: str = "n") -> bool:
    known = wordnet()
    return bool(set(known.senses(derived, pos)) & known.said_by(known.senses(source, pos)))


def _opposed(one: str, other: str, pos: str) -> bool:
    known = wordnet()
    return bool(known.opposed(known.senses(one, pos)) & set(known.senses(other, pos)))


def test_synonyms_and_more_general_words_support_a_word() -> None:
    assert _supports("route", "road")
    assert _supports("homicide", "manslaughter")
    assert not _supports("murder", "manslaughter")
    assert not _supports("road", "pavement")


def test_antonyms_reach_through_hypernyms() -> None:
    assert _opposed("decline", "increase", "n")  # "decline" is a kind of "decrease"
    assert _opposed("win", "lose", "v")
    assert _opposed("approve", "reject", "v")
    assert not _opposed("approve", "endorse", "v")


def test_sisters_are_kinds_of_one_specific_class() -> None:
    known = wordnet()

    def sisters(a: str, b: str, pos: str = "n") -> bool:
        return known.sisters(known.senses(a, pos), known.senses(b, pos))

    assert sisters("murder", "manslaughter")
    assert sisters("white", "blue", "a")
    assert not sisters("road", "route")  # one synset: the same thing
    assert not sisters("homicide", "murder")  # a class and its kind
