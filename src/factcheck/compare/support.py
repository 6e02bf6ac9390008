"""What a rewrite says that nothing in its source supports: names, numbers, details.

    source   "Activists in London dumped yellow and blue paint outside the Russian
              embassy on Thursday. Four people were arrested."
    derived  "British activists poured yellow and blue paint outside the embassy."    nothing
             "Activists in Paris poured paint outside the embassy."     CMP001 "Paris"
             "Five people were arrested."                              CMP002 "Five"
             "Activists poured yellow and white paint."                CMP003 "white"

A name is supported by the same name or an alias, a person by the same person
(the entity index merges "Putin" with "Vladimir Putin" across the two texts), a
place by any place it contains or stands for ("the U.K." for London, "Moscow"
for the Kremlin), a nationality by its country or a place in it. A number is
supported by a number of the same kind (ordinal, year, amount in the same
currency, plain count) that it equals or rounds ("1.5bn" for 1.47bn, "nearly
500" for 487), with the calendar words beside it ("one-year", "Thursday") in
the same source sentence. A thing or quality (noun, adjective) is supported when
the source says it in any word the lexicon relates (see ``alignment``).
Each finding quotes the rewrite's words and the closest source sentence.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from factcheck.claims.extractors.quantities import read_amounts
from factcheck.claims.graph import Analysis
from factcheck.compare.alignment import Alignment, SourceIndex, is_content, lemma
from factcheck.compare.joined import JoinedPair
from factcheck.compare.lexical import lexicon
from factcheck.nlp.entities import PLACE_LABELS, EntityIndex
from factcheck.nlp.gazetteer import normalise_name
from factcheck.nlp.lexicon import data_file, word_set, words
from factcheck.rules.findings import Finding
from factcheck.rules.loading import Rule

NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", *PLACE_LABELS})
NUMBER_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "DATE", "TIME", "ORDINAL"})
_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
#: Words that loosen a figure: "nearly 500" for 487, "more than 30" for 35.
_LOOSE_SHARE = 0.1


@dataclass(frozen=True, slots=True)
class Figure:
    """A number as written: its value, how it is rounded, and what kind of number it is."""

    value: float
    step: float
    kind: str
    loose: bool = False


@dataclass(slots=True)
class _Source:
    """What the source says, ready to look up."""

    index: SourceIndex
    entities: EntityIndex
    names: str
    places: set[str]
    persons: set[str]
    words: set[str]
    figures: dict[int, list[Figure]]


def _folded(tokens: Iterable[Token]) -> str:
    return " " + " ".join(n for n in (normalise_name(t.text) for t in tokens if not t.is_punct) if n) + " "


def _source(analysis: Analysis, joined: JoinedPair, index: SourceIndex) -> _Source:
    doc = analysis.doc
    end = joined.derived_start
    entities = analysis.graph.entities
    tokens = [t for t in doc if t.idx < end]
    places = {place_id for i, (_, place_id) in entities.places.items() if doc[i].idx < end}
    places |= {t.ent_id_ for t in tokens if t.ent_type_ == "NORP" and t.ent_id_}
    persons = {key for i, (_, key) in entities.persons.items() if doc[i].idx < end}
    figures: dict[int, list[Figure]] = {}
    for number, sentence in enumerate(index.sentences):
        figures[number] = _figures(sentence, sentence.start_char)
    return _Source(
        index,
        entities,
        _folded(tokens),
        places,
        persons,
        {w for t in tokens for w in index.words_of(t)},
        figures,
    )


# -- names -------------------------------------------------------------------------


def _name_text(span: Span) -> str:
    tokens = list(span)
    while tokens and (tokens[0].lower_ == "the" or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (tokens[-1].text in {"'s", "’s", "'", "’"} or tokens[-1].is_punct):
        tokens = tokens[:-1]
    return " ".join(t.text for t in tokens)


def _initials(text: str) -> str:
    return "".join(part[0] for part in text.split() if part[:1].isupper())


def _name_supported(span: Span, source: _Source) -> bool:
    entities = source.entities
    name = _name_text(span)
    if not name or f" {normalise_name(name)} " in source.names:
        return True
    ids = {entities.places[t.i][1] for t in span if t.i in entities.places}
    ids |= {t.ent_id_ for t in span if t.ent_type_ == "NORP" and t.ent_id_}
    known = {i for i in ids if not i.startswith("text:")}
    if known and any(_place_covers(entities, place, named) for place in known for named in source.places):
        return True
    persons = {entities.persons[t.i][1] for t in span if t.i in entities.persons}
    if persons and persons & source.persons:
        return True
    if span.label_ == "ORG":
        parts = [t.lower_ for t in span if t.is_alpha and not t.is_stop]
        if parts and all(p in source.words for p in parts):
            return True
        # "NPR" for "National Public Radio"
        initials = name.replace(".", "")
        if initials.isupper() and len(initials) >= 2 and f" {initials.lower()} " in _source_initials(source):
            return True
    return False


def _place_covers(entities: EntityIndex, derived: str, source: str) -> bool:
    """The rewrite's place says what the source's does: the same, containing it, or standing for it."""
    if entities.contains(derived, source):
        return True
    return entities.side_of_place(source) == derived if source in entities.gazetteer.places else False


def _source_initials(source: _Source) -> str:
    found = []
    for entity in source.index.doc.ents:
        if entity.start_char < source.index.end and entity.label_ in {"ORG", "FAC", "GPE"}:
            found.append(_initials(entity.text).lower())
    return " " + " ".join(found) + " "


# -- numbers -----------------------------------------------------------------------


@cache
def _ordinals() -> dict[str, int]:
    ordinals: dict[str, int] = data_file("compare")["ordinals"]
    return ordinals


@cache
def _number_words() -> dict[str, int]:
    found: dict[str, int] = dict(data_file("units")["number_words"])
    for word in ("a", "an", "single"):
        found.pop(word, None)
    return found


def _step(written: str) -> float:
    """How a figure is rounded: "30" to tens, "1.5" to tenths, "35" not at all (steps of one)."""
    if "." in written:
        return 10.0 ** -len(written.split(".")[1])
    digits = written.replace(",", "")
    zeros = len(digits) - len(digits.rstrip("0"))
    return 10.0**zeros if digits.strip("0") else 1.0


def _loose(tokens: list[Token], at: int) -> bool:
    before = " ".join(t.lower_ for t in tokens[max(0, at - 3) : at])
    qualifiers: dict[str, list[str]] = data_file("units")["qualifiers"]
    return any(before.endswith(q) for group in qualifiers.values() for q in group)


def _figures(span: Span, offset: int) -> list[Figure]:
    """Every figure in a span: money (by currency), ordinals, years, counts."""
    found: list[Figure] = []
    taken: list[tuple[int, int]] = []
    for amount in read_amounts(span.text, offset, "money"):
        written = _NUMBER.search(span.doc.text[amount.start : amount.end])
        high = amount.high if amount.high is not None else amount.low
        value = (amount.low + high) / 2
        step = max(high - amount.low, 1e-9)
        found.append(Figure(value, step, f"money:{amount.unit}", loose=written is None))
        taken.append((amount.start, amount.end))
    tokens = list(span)
    for position, token in enumerate(tokens):
        if any(start <= token.idx < end for start, end in taken):
            continue
        figure = _figure(token, tokens, position)
        if figure is not None:
            found.append(figure)
    return found


def _figure(token: Token, tokens: list[Token], position: int) -> Figure | None:
    text = token.lower_
    for part in text.split("-"):
        if part in _ordinals():
            return Figure(float(_ordinals()[part]), 1.0, "ordinal")
    ordinal = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", text)
    if ordinal:
        return Figure(float(ordinal.group(1)), 1.0, "ordinal")
    loose = _loose(tokens, position)
    digits = _NUMBER.fullmatch(token.text)
    if digits:
        value = float(token.text.replace(",", ""))
        kind = (
            "year" if token.ent_type_ == "DATE" and re.fullmatch(r"1[89]\d\d|20\d\d", token.text) else "count"
        )
        if token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in {"%", "percent", "per"}:
            kind = "percent"
        return Figure(value * _scale_after(token), _step(token.text) * _scale_after(token), kind, loose)
    parts = text.split("-")
    if parts and all(p in _number_words() for p in parts):
        value = float(sum(_number_words()[p] for p in parts))
        step = 10.0 if value >= 20 and value % 10 == 0 and len(parts) == 1 else 1.0
        return Figure(value * _scale_after(token), step * _scale_after(token), "count", loose)
    return None


def _scale_after(token: Token) -> float:
    scales: dict[str, int] = data_file("units")["scales"]
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if following is not None and following.lower_ in scales and following.lower_ not in {"m", "k"}:
        return float(scales[following.lower_])
    return 1.0


def _allows(source: Figure, derived: Figure) -> bool:
    """Whether a figure in the rewrite may stand for one in the source: equal, rounded, or loosely said."""
    if source.kind != derived.kind and not {source.kind, derived.kind} <= {"count", "percent"}:
        return False
    if math.isclose(source.value, derived.value, rel_tol=1e-9, abs_tol=1e-9):
        return True
    step = derived.step
    if step > source.step and math.floor(source.value / step + 0.5) * step == derived.value:
        return True
    if derived.loose and source.value:
        return abs(derived.value - source.value) / abs(source.value) <= _LOOSE_SHARE
    return False


def _units(span: Span) -> set[str]:
    units = word_set("compare", "calendar_units")
    calendar = data_file("calendar")
    # Full names only: "may" and "sun" are words too.
    names = {*calendar["weekdays"], *calendar["months"]}
    found = set()
    for token in span:
        for part in token.lower_.split("-"):
            word = part.rstrip("s") if part.rstrip("s") in units else part
            if word in units or word in names:
                found.add(word)
    return found


def _number_supported(span: Span, source: _Source, alignment: Alignment) -> bool:
    figures = _figures(span, span.start_char)
    units = _units(span)
    if not figures and not units:
        return True
    for number, sentence in enumerate(source.index.sentences):
        sentence_words = {w for t in sentence for w in source.index.words_of(t)}
        sentence_words |= {p.rstrip("s") for t in sentence for p in t.lower_.split("-")}
        if not units <= sentence_words:
            continue
        if all(any(_allows(s, d) for s in source.figures[number]) for d in figures):
            return True
    return False


# -- findings ----------------------------------------------------------------------


def _closest(alignment: Alignment, source: _Source) -> Span:
    best = alignment.best
    return source.index.sentences[best if best is not None else 0]


def _finding(rule: Rule, joined: JoinedPair, span: Span | Token, sentence: Span, problem: str) -> Finding:
    start, end = (
        (span.idx, span.idx + len(span.text)) if isinstance(span, Token) else (span.start_char, span.end_char)
    )
    evidence = (joined.evidence(start, end), joined.evidence(sentence.start_char, sentence.end_char))
    return Finding(
        rule.id, rule.name, rule.category, rule.severity, rule.message.format(problem=problem), evidence
    )


def _detail_supported(token: Token, source: _Source) -> bool:
    if source.index.matches(token):
        return True
    return _compound_part(token.lower_, source)


def _compound_part(word: str, source: _Source) -> bool:
    """ "cliff" and "top" are in "clifftop": a compound of the source, split by the rewrite."""
    if len(word) < 3:
        return False
    known = lexicon()
    for whole in source.words:
        if len(whole) > len(word) + 2 and (whole.startswith(word) or whole.endswith(word)):
            rest = whole[len(word) :] if whole.startswith(word) else whole[: -len(word)]
            if known.known(rest) and len(rest) >= 3:
                return True
    return False


def unsupported_statements(
    rules: Mapping[str, Rule],
    analysis: Analysis,
    joined: JoinedPair,
    index: SourceIndex,
    alignments: Sequence[Alignment],
) -> list[Finding]:
    """CMP001-CMP003 for every name, number and detail of the rewrite the source does not support."""
    wanted = {rule_id: rules[rule_id] for rule_id in ("CMP001", "CMP002", "CMP003") if rule_id in rules}
    if not wanted or not index.sentences:
        return []
    doc = analysis.doc
    source = _source(analysis, joined, index)
    found: list[Finding] = []
    titles = words("people", "titles")
    general = word_set("compare", "general_words")
    for alignment in alignments:
        closest = _closest(alignment, source)
        covered: set[int] = set()
        for entity in alignment.derived.ents:
            covered.update(range(entity.start, entity.end))
            if entity.label_ in NAME_LABELS and "CMP001" in wanted:
                if not _name_supported(entity, source):
                    problem = f"“{_name_text(entity)}” is not in the source, by that name or another"
                    found.append(_finding(wanted["CMP001"], joined, entity, closest, problem))
            elif (
                entity.label_ in NUMBER_LABELS
                and "CMP002" in wanted
                and not _number_supported(entity, source, alignment)
            ):
                problem = f"“{entity.text}”: the source gives no such figure"
                found.append(_finding(wanted["CMP002"], joined, entity, closest, problem))
        for token in alignment.derived:
            if token.i in covered or not is_content(token):
                continue
            if token.like_num or _figure(token, list(alignment.derived), token.i - alignment.derived.start):
                if "CMP002" in wanted and not _number_supported(
                    doc[token.i : token.i + 1], source, alignment
                ):
                    problem = f"“{token.text}”: the source gives no such figure"
                    found.append(_finding(wanted["CMP002"], joined, token, closest, problem))
                continue
            if token.pos_ not in {"NOUN", "ADJ", "PROPN"} or lemma(token) in general:
                continue
            rule_id = "CMP001" if token.pos_ == "PROPN" or lemma(token) in titles else "CMP003"
            if rule_id in wanted and not _detail_supported(token, source):
                what = "office" if lemma(token) in titles else ("name" if token.pos_ == "PROPN" else "word")
                problem = f"“{token.text}”: the source has no such {what}, nor a word for it"
                found.append(_finding(wanted[rule_id], joined, token, closest, problem))
    return found
