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
    assert len(data["synsets"]["lexfile"]) == count
    for table in data["words"].values():
        assert all(0 <= sense < count for senses in table.values() for sense in senses)
    for name in ("antonyms", "similar", "related"):
        assert all(0 <= int(key) < count for key in data["synsets"][name])
    assert "Princeton" in data["licence"]


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
