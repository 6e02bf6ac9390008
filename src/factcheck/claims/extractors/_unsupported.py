"""What a rewrite says that nothing in its source supports: names, numbers, details.

    source   "Activists in London dumped yellow and blue paint outside the Russian
              embassy on Thursday. Four people were arrested."
    derived  "British activists poured yellow and blue paint outside the embassy."    nothing
             "Activists in Paris poured paint outside the embassy."     a name, "Paris"
             "Five people were arrested."                              a number, "Five"
             "Activists poured yellow and white paint."                a detail, "white" for "blue"

A name is supported by the same name or an alias, a person by the same person
(the entity index merges "Putin" with "Vladimir Putin" across the two texts), a
place by any place it contains or stands for ("the U.K." for London, "Moscow"
for the Kremlin), a nationality by its country or a place in it. A number is
supported by a number of the same kind (ordinal, year, amount in the same
currency, plain count) that it equals or rounds ("1.5bn" for 1.47bn, "nearly
500" for 487), with the calendar words beside it ("one-year", "Thursday") in
the same source sentence. A thing or quality (noun, adjective) is supported when
the source says it in any word the lexicon relates (see ``alignment``).
Each statement holds the rewrite's words and the closest source sentence.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from factcheck.claims.extractors._alignment import Alignment, SourceIndex, bounds, is_content, lemma
from factcheck.claims.extractors._amounts import read_amounts
from factcheck.claims.model import Claim
from factcheck.nlp.entities import PLACE_LABELS, EntityIndex, Mention
from factcheck.nlp.gazetteer import normalise_name
from factcheck.nlp.lexicon import data_file, word_set, words
from factcheck.nlp.wordnet import NARROW_SISTER_DEPTH, SISTER_MIN_DEPTH, WORDNET_POS, wordnet

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


@dataclass(frozen=True, slots=True)
class _Facts:
    """What the source text alone says: worked out once per source, kept with its index."""

    names: str
    words: frozenset[str]
    figures: tuple[tuple[Figure, ...], ...]
    #: Per sentence: its words, with hyphenated parts and plural units ("one-year", "years").
    sentence_words: tuple[frozenset[str], ...]
    norp: frozenset[str]


@dataclass(slots=True)
class _Source:
    """What the source says, ready to look up."""

    index: SourceIndex
    facts: _Facts
    entities: EntityIndex
    places: set[str]
    persons: set[str]

    @property
    def words(self) -> frozenset[str]:
        return self.facts.words


def _folded(tokens: Iterable[Token]) -> str:
    return " " + " ".join(n for n in (normalise_name(t.text) for t in tokens if not t.is_punct) if n) + " "


def _facts(index: SourceIndex) -> _Facts:
    cached = index.memo.get("support")
    if isinstance(cached, _Facts):
        return cached
    tokens = [t for sentence in index.sentences for t in sentence if t.idx < index.end]
    sentence_words = []
    for sentence in index.sentences:
        found = {w for t in sentence for w in index.words_of(t)}
        found |= {p.rstrip("s") for t in sentence for p in t.lower_.split("-")}
        sentence_words.append(frozenset(found))
    facts = _Facts(
        _folded(tokens),
        frozenset(w for t in tokens for w in index.words_of(t)),
        tuple(tuple(_figures(sentence, sentence.start_char)) for sentence in index.sentences),
        tuple(sentence_words),
        frozenset(t.ent_id_ for t in tokens if t.ent_type_ == "NORP" and t.ent_id_),
    )
    index.memo["support"] = facts
    return facts


def _source(entities: EntityIndex, index: SourceIndex) -> _Source:
    doc = index.doc
    end = index.end
    facts = _facts(index)
    places = {place_id for i, (_, place_id) in entities.places.items() if doc[i].idx < end}
    persons = {key for i, (_, key) in entities.persons.items() if doc[i].idx < end}
    return _Source(index, facts, entities, places | facts.norp, persons)


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
    if not name or f" {normalise_name(name)} " in source.facts.names:
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


@cache
def _qualifiers() -> tuple[str, ...]:
    groups: dict[str, list[str]] = data_file("units")["qualifiers"]
    return tuple(f" {q}" for group in groups.values() for q in group)


def _loose(tokens: list[Token], at: int) -> bool:
    if at == 0:
        return False
    before = " " + " ".join(t.lower_ for t in tokens[max(0, at - 3) : at])
    return before.endswith(_qualifiers())


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


def _same(source: Figure, derived: Figure) -> bool:
    return source.kind == derived.kind and math.isclose(source.value, derived.value, abs_tol=1e-9)


def _amount(span: Span) -> tuple[Span, int]:
    """The words of a figure as written, and the character they end at.

    The model often leaves a currency sign ("£" + "2.5bn") and a scale written
    against the number ("4.2" + "m") out of the entity; a scale that ends a
    sentence ("cost £4.2m.") is one token with the full stop, which is no part of it.
    """
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].pos_ == "SYM":
        span = doc[span.start - 1 : span.end]
    if span.end < len(doc) and not doc[span.end - 1].whitespace_:
        scale = doc[span.end]
        if scale.lower_.rstrip(".") in data_file("units")["scales"]:
            return doc[span.start : span.end + 1], scale.idx + len(scale.text.rstrip("."))
    return span, span.end_char


def _number_supported(span: Span, source: _Source, alignment: Alignment) -> bool:
    """The same figure anywhere in the source; a rounded or loose one only where the sentence is aligned.

    A long article has many numbers: "20 years" may round a figure of another story
    in it, but not the "35 years" of the sentence the rewrite says again.
    """
    span, _ = _amount(span)
    figures = _figures(span, span.start_char)
    units = _units(span)
    if not figures and not units:
        return True
    near = {number for number, _ in alignment.aligned}
    for number, sentence_words in enumerate(source.facts.sentence_words):
        if not units <= sentence_words:
            continue
        allowed = _allows if number in near else _same
        if all(any(allowed(s, d) for s in source.facts.figures[number]) for d in figures):
            return True
    return False


# -- statements --------------------------------------------------------------------

#: What the rewrite says that the source does not: the classes of unsupported words.
NAME, NUMBER, DETAIL, QUALITY = "name", "number", "detail", "quality"


def _closest(alignment: Alignment, source: _Source) -> Span:
    best = alignment.best
    return source.index.sentences[best if best is not None else 0]


def _sentence_mention(span: Span) -> Mention:
    start, end = bounds(span)
    return Mention(start, end, span.doc.text[start:end], "")


def _statement(
    what: str,
    words_said: Span | Token | Mention,
    alignment: Alignment,
    closest: Span,
    problem: str,
    source_word: str | None = None,
) -> Claim:
    words_mention = words_said if isinstance(words_said, Mention) else Mention.of(words_said, "")
    return Claim(
        kind="unsupported_statement",
        span=words_mention,
        sentence=bounds(alignment.derived),
        values={
            "what": what,
            "words": words_mention,
            "closest": _sentence_mention(closest),
            "source_word": source_word,
            "problem": problem,
        },
    )


def nominal(token: Token) -> str | None:
    """ "n" or "a" for a word that names a thing or a quality, whatever its tag.

    The tagger calls "murder" a verb in "pleaded guilty to murder" and a sentence's
    first word a proper noun ("Staff painted ..."); the relation tells.
    """
    if token.pos_ == "NOUN" or (
        token.pos_ == "VERB" and token.dep_ in {"pobj", "dobj", "nsubj", "nsubjpass"}
    ):
        return "n"
    if token.pos_ == "ADJ":
        return "a"
    if token.pos_ == "PROPN" and not token.ent_type_ and wordnet().senses(token.lower_, "n"):
        return "n"
    return None


def _senses(token: Token) -> tuple[int, ...]:
    known = wordnet()
    pos = nominal(token) or WORDNET_POS.get(token.pos_)
    return known.senses(lemma(token), pos) or known.senses(token.lower_, pos) or known.senses(token.lower_)


def content_head(token: Token) -> Token:
    """The word a word depends on, through prepositions and function words: "guilty" in "guilty to murder"."""
    head = token.head
    for _ in range(4):
        if head.i == head.head.i or head.pos_ not in {"ADP", "AUX", "DET", "PART", "CCONJ", "SCONJ"}:
            break
        head = head.head
    return head


def _neighbours(token: Token, sentence: Span) -> list[Token]:
    """The words a word stands among: its head and the content words just before and after it.

    "yellow and white paint": "yellow" and "paint"; "guilty to murder over": "guilty".
    """
    found = [content_head(token)]
    before = [t for t in sentence[: token.i - sentence.start] if is_content(t)]
    after = [t for t in sentence[token.i - sentence.start + 1 :] if is_content(t)]
    if before and token.i - before[-1].i <= 3:
        found.append(before[-1])
    if after and after[0].i - token.i <= 3:
        found.append(after[0])
    return found


def _sister(token: Token, alignment: Alignment, source: _Source, said_elsewhere: bool) -> Token | None:
    """The word of an aligned source sentence that the rewrite's word stands in for.

    "guilty to murder" for "guilty to manslaughter", "yellow and white paint" for
    "yellow and blue paint": a kindred word (``Lexicon.sisters``) in the same place
    (its head is the word the rewrite's word hangs on) that no word of the rewrite's
    sentence says. A word the source says elsewhere is moved only on strong
    grounds: the closest sentence, the same relation to its head, a narrow class.
    """
    senses = _senses(token)
    anchors = {
        i for n in _neighbours(token, alignment.derived) for i in alignment.matches.get(n.i, frozenset())
    }
    if not senses or not anchors:
        return None
    used = {i for found in alignment.matches.values() for i in found}
    said = {lemma(t) for t in alignment.derived}
    sentences = alignment.aligned[:1] if said_elsewhere else alignment.aligned
    depth = NARROW_SISTER_DEPTH if said_elsewhere else SISTER_MIN_DEPTH
    for number, _ in sentences:
        sentence = source.index.sentences[number]
        for other in sentence:
            if other.i in used or nominal(other) is None or other.ent_type_:
                continue
            if lemma(other) in said or not {n.i for n in _neighbours(other, sentence)} & anchors:
                continue
            if said_elsewhere and other.dep_ != token.dep_:
                continue
            if wordnet().sisters(senses, _senses(other), depth):
                return other
    return None


def _detail(token: Token, alignment: Alignment, source: _Source) -> tuple[str, str, str | None] | None:
    """(what, problem, the source's kindred word) for a noun or adjective the source does not support here."""
    found = source.index.matches(token)
    near = {t.i for number, _ in alignment.aligned for t in source.index.sentences[number]}
    if found and found & near:
        return None
    if not found and _compound_part(token.lower_, source):
        return None
    sister = _sister(token, alignment, source, bool(found))
    if sister is not None:
        return DETAIL, f"The rewrite says “{token.text}” where the source says “{sister.text}”", sister.text
    if found:
        # Said elsewhere in the source: a summary may well join two passages.
        return None
    if nominal(token) == "a":
        return QUALITY, f"“{token.text}”: no word of the source says so", None
    return DETAIL, f"“{token.text}”: the source has no such word, nor a word for it", None


def _compound_part(word: str, source: _Source) -> bool:
    """ "cliff" and "top" are in "clifftop": a compound of the source, split by the rewrite."""
    if len(word) < 3:
        return False
    known = wordnet()
    for whole in source.words:
        if len(whole) > len(word) + 2 and (whole.startswith(word) or whole.endswith(word)):
            rest = whole[len(word) :] if whole.startswith(word) else whole[: -len(word)]
            if known.known(rest) and len(rest) >= 3:
                return True
    return False


def unsupported_statements(
    entities: EntityIndex, index: SourceIndex, alignments: Sequence[Alignment]
) -> list[Claim]:
    """Every name, number and detail of the rewrite the source does not support."""
    if not index.sentences:
        return []
    source = _source(entities, index)
    found: list[Claim] = []
    for alignment in alignments:
        closest = _closest(alignment, source)
        covered: set[int] = set()
        found.extend(_unsupported_entities(alignment, closest, source, index, covered))
        found.extend(_unsupported_words(alignment, closest, source, index, covered))
    return found


def _unsupported_entities(
    alignment: Alignment, closest: Span, source: _Source, index: SourceIndex, covered: set[int]
) -> Iterable[Claim]:
    """The names and figures the model tags in one rewrite sentence; their tokens go in ``covered``."""
    for entity in alignment.derived.ents:
        if entity.label_ in NAME_LABELS:
            covered.update(range(entity.start, entity.end))
            if not _name_supported(entity, source):
                problem = f"“{_name_text(entity)}” is not in the source, by that name or another"
                yield _statement(NAME, entity, alignment, closest, problem)
        elif entity.label_ in NUMBER_LABELS:
            amount, end = _amount(entity)
            covered.update(range(amount.start, amount.end))
            if not _number_supported(entity, source, alignment):
                written = Mention(amount.start_char, end, index.doc.text[amount.start_char : end], "")
                problem = f"“{written.text}”: the source gives no such figure"
                yield _statement(NUMBER, written, alignment, closest, problem)


def _unsupported_words(
    alignment: Alignment, closest: Span, source: _Source, index: SourceIndex, covered: set[int]
) -> Iterable[Claim]:
    """The words of one rewrite sentence outside its tagged entities: figures, names, details."""
    titles = words("people", "titles")
    general = word_set("compare", "general_words")
    for token in alignment.derived:
        if token.i in covered or not is_content(token):
            continue
        if token.like_num or _figure(token, list(alignment.derived), token.i - alignment.derived.start):
            if not _number_supported(index.doc[token.i : token.i + 1], source, alignment):
                problem = f"“{token.text}”: the source gives no such figure"
                yield _statement(NUMBER, token, alignment, closest, problem)
            continue
        kind = nominal(token)
        if (token.pos_ != "PROPN" and kind is None) or lemma(token) in general:
            continue
        if (token.pos_ == "PROPN" and kind is None) or lemma(token) in titles:
            if not source.index.matches(token) and not _compound_part(token.lower_, source):
                what = "office" if lemma(token) in titles else "name"
                problem = f"“{token.text}”: the source has no such {what}, nor a word for it"
                yield _statement(NAME, token, alignment, closest, problem)
            continue
        detail = _detail(token, alignment, source)
        if detail is not None:
            what, problem, source_word = detail
            yield _statement(what, token, alignment, closest, problem, source_word)
