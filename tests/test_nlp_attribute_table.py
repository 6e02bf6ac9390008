"""The table-matched attribute ruler gives every token what spaCy's own ruler gives it."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from factcheck.nlp.attribute_table import AttributeTable, TableAttributeRuler, use_attribute_table
from factcheck.nlp.models import MODEL_PACKAGES
from factcheck.pipeline import Checker

#: Each reaches a different kind of pattern in the English ruler: a tag alone, a word
#: and a tag, a word and its dependency ("I" as subject and object), two-word
#: patterns ("gon na", "let 's", "y' all", an expletive and its verb), word regexes
#: ("nothin'"), dependency sets with NOT_IN (a determiner standing as a pronoun),
#: whitespace tokens, and a text of nothing but spaces.
_TEXTS = (
    "Officials in Lagos said on Tuesday that the ferry had sunk near the harbour.",
    "I told you it was late, and you told me I was wrong about it.",
    "We ain't gonna wait, y'all. Let's go: there is nothin' left and there were no boats.",
    "That is what she did.  Did he? He has, and so had they.\n\nThis was theirs.",
    "Whether or not that holds, those who voted got ta choose which one to back.",
    "   \n  ",
    "",
)


@pytest.fixture(scope="module")
def stock() -> Language:
    """The English pipeline as spaCy ships it, before the parts the ruler reads are annotated."""
    for package in MODEL_PACKAGES:
        try:
            return spacy.load(package, exclude=["senter"])
        except OSError:
            continue
    pytest.skip("no English pipeline installed")


def _up_to_ruler(nlp: Language, text: str) -> Doc:
    """The Doc as the ruler sees it: tagged and parsed, nothing after."""
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name == "attribute_ruler":
            return doc
        doc = component(doc)
    raise AssertionError("pipeline has no attribute_ruler")


def _ruler(nlp: Language) -> AttributeRuler:
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    return ruler


@pytest.mark.parametrize("text", _TEXTS)
def test_table_finds_the_matches_spacys_ruler_finds(stock: Language, text: str) -> None:
    ruler = _ruler(stock)
    table = AttributeTable.compile(ruler)
    assert table is not None
    doc = _up_to_ruler(stock, text)
    assert table.match(doc) == ruler.match(doc)


def test_every_kind_of_pattern_is_reached(stock: Language) -> None:
    """The texts above do exercise the two-word and regex patterns, not only the tag map."""
    ruler = _ruler(stock)
    table = AttributeTable.compile(ruler)
    assert table is not None
    longest = max(
        end - start for text in _TEXTS for _, _, start, end in table.match(_up_to_ruler(stock, text))
    )
    assert longest == 2
    lemmas = {t.lemma_ for t in stock("We ain't gonna wait, y'all. There is nothin' left.")}
    assert {"be", "go", "you", "nothing"} <= lemmas


def test_tokens_get_the_attributes_spacys_ruler_gives(stock: Language) -> None:
    tabled = spacy.load(stock.meta["lang"] + "_" + stock.meta["name"], exclude=["senter"])
    assert use_attribute_table(tabled) is True
    assert isinstance(tabled.get_pipe("attribute_ruler"), TableAttributeRuler)
    for text in _TEXTS:
        expected = [
            (t.text, t.pos_, t.tag_, t.lemma_, str(t.morph), t.dep_, t.ent_type_) for t in stock(text)
        ]
        assert [
            (t.text, t.pos_, t.tag_, t.lemma_, str(t.morph), t.dep_, t.ent_type_) for t in tabled(text)
        ] == expected


def test_the_checker_uses_the_table(checker: Checker) -> None:
    assert isinstance(checker.pipeline.nlp.get_pipe("attribute_ruler"), TableAttributeRuler)


def test_a_pattern_beyond_a_table_keeps_spacys_ruler() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"POS": "ADJ"}]], {"LEMMA": "very"})
    assert AttributeTable.compile(ruler) is None
    assert use_attribute_table(nlp) is False
    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeRuler)


def test_a_simple_ruler_is_replaced_and_still_applies_its_attributes() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    ruler.add([[{"LOWER": {"IN": ["colour", "color"]}}]], {"LEMMA": "colour", "POS": "NOUN"})
    ruler.add([[{"LOWER": "gon"}, {"LOWER": {"REGEX": "^na$"}}]], {"LEMMA": "go"})
    assert use_attribute_table(nlp) is True
    doc = nlp("The Color is gon na fade")
    assert [(t.lemma_, t.pos_) for t in doc] == [
        ("", ""),
        ("colour", "NOUN"),
        ("", ""),
        ("go", ""),
        ("", ""),
        ("", ""),
    ]
