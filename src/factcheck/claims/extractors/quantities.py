"""Quantities: a number, its unit, and the one measure of one event it gives.

    "Unions called a five-day strike."               -> strike#1 lasts 5 days
    "The walkout lasted three days."                 -> the same strike (events/identity.py), 3 days
    "The club agreed a £1.5bn deal."                 -> deal#1 is worth 1.45-1.55 billion GBP
    "Helix agreed to pay $2bn for the concession."   -> the concession (a deal) is worth $2bn
    "The attack killed at least 30 people."          -> attack#1: 30 or more dead
    "Of the 21 people killed, six were children."    -> the one disaster the article reports: 21 dead
    "The death toll rose from 11 to 17."             -> 17 dead; 11 was an earlier figure
    "The alliance won 47 of the 120 seats."          -> the election: 47 seats for the alliance
    "With its 52 seats, the alliance ..."            -> the same measure of the same election: 52

Which mentions are one event is the event layer's business: every noun of a class
measures the same thing of its event ("the 36-hour strike" / "the 24-hour
walkout"). Each number becomes the interval it allows: "about", "at least", "up
to" widen it, a round number allows its rounding ("30" is 25-35, "£1.5bn"
1.45-1.55bn), and a unit its range ("a week" is five to seven days; hours and
days are never compared). A measure the article says changed ("extended",
"initially") is marked revised; a toll told as a change ("rose from 11 to 17")
gives its latest value, and an earlier figure it names is marked revised; a money
value given on a stated basis ("including debt", "a year") is marked so; a count
told in the perfect or at a time ("had killed 30 by Monday") is a running total,
not a claim to compare.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from factcheck.claims.extractors._amounts import Amount, read_amounts, read_count
from factcheck.claims.extractors._syntax import mention, prep_objects
from factcheck.claims.model import Claim, ClaimKind, ExtractionContext
from factcheck.events import EventLayer, Frame, lede_end
from factcheck.events.lexicon import NOUN
from factcheck.events.slots import RELATIVE_PRONOUNS, subject
from factcheck.nlp.entities import Mention, entity_span
from factcheck.nlp.lexicon import data_file, word_set
from factcheck.nlp.speech import attribution, in_quotation

KINDS = (
    ClaimKind(
        "quantity",
        "A number with its unit and the thing it measures: 'a five-day strike', "
        "'the attack killed 30 people'.",
        {
            "occasion": "text",
            "measured": "text",
            "thing": "mention",
            "amount": "mention",
            "dimension": "text",
            "unit": "text",
            "low": "number",
            "high": "number",
            "revised": "bool",
            "basis_stated": "bool",
            "quoted": "bool",
        },
    ),
)

#: Tokens after a noun or verb searched for its amount: "a deal, worth about £1.5bn".
_WINDOW = 8
#: A toll noun this close to its verb is quoted with it: "toll rises to 17".
_NEAR = 4
_PREDICATE_VERBS = {
    "duration": frozenset({"last", "run"}),
    "money": frozenset({"be", "cost", "total", "value", "amount", "come"}),
}
#: Verbs that tell an event's measure even when the parser hangs their clause on the
#: noun of its modifier: only an event lasts ("a strike over pay that lasted six days");
#: a thing may cost or run ("a strike over a contract that runs three years").
_HUNG_ON_MODIFIER = {"duration": frozenset({"last"})}


# -- readings -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Reading:
    """One amount the article gives one measure of one event, before it becomes a claim."""

    event: str
    measured: str
    #: The words measured, or a description of them with the offsets of the word read.
    thing: Mention
    amount: Amount
    #: The text to quote: from the measured word to its amount.
    start: int
    end: int
    sentence: tuple[int, int]
    quoted: bool
    attributed_to: str | None
    #: The measure is told as changing to this value ("rose to 17"): the latest one counts.
    told_as_change: bool = False
    revised: bool = False
    basis_stated: bool = False


def _claim(reading: _Reading, text: str) -> Claim:
    amount = reading.amount
    return Claim(
        kind="quantity",
        span=Mention(reading.start, reading.end, text[reading.start : reading.end], ""),
        sentence=reading.sentence,
        values={
            "occasion": reading.event,
            "measured": reading.measured,
            "thing": reading.thing,
            "amount": Mention(amount.start, amount.end, text[amount.start : amount.end], ""),
            "dimension": amount.dimension,
            "unit": amount.unit,
            "low": amount.low,
            "high": amount.high,
            "revised": reading.revised,
            "basis_stated": reading.basis_stated,
            "quoted": reading.quoted,
        },
        attributed_to=reading.attributed_to or ("quote" if reading.quoted else None),
    )


def _span(doc: Doc, *tokens: Token) -> tuple[int, int]:
    first, last = min(t.i for t in tokens), max(t.i for t in tokens)
    return doc[first].idx, doc[last].idx + len(doc[last])


# -- lengths and values of events ------------------------------------------------


@cache
def _dimensions_of() -> dict[str, tuple[str, ...]]:
    """Event class -> what may be measured of it: a deal has a length and a value."""
    found: dict[str, list[str]] = {}
    for dimension, classes in data_file("units")["measured_classes"].items():
        for event_class in classes:
            found.setdefault(event_class, []).append(dimension)
    return {event_class: tuple(dimensions) for event_class, dimensions in found.items()}


def _revised_dimensions(token: Token, dimensions: tuple[str, ...]) -> set[str]:
    """What the article tells as changing or as one figure of several, for one mention.

    "The strike was later shortened": its length; "the option to extend the
    concession by 15 years": only its length, the amount said; "the revised deal":
    all it measures.
    """
    revising_verbs = word_set("units", "revising_verbs")
    revising_words = word_set("units", "revising_words")
    if any(c.lower_ in revising_words or c.lemma_.lower() in revising_words for c in token.children):
        return set(dimensions)
    current = token
    for _ in range(2):
        if current.head.i == current.i:
            break
        current = current.head
        if current.lemma_.lower() in revising_verbs:
            said = {
                dimension
                for dimension in dimensions
                if read_amounts(
                    current.doc[current.left_edge.i : current.right_edge.i + 1].text, 0, dimension
                )
            }
            return said or set(dimensions)
    return set()


def _measured(frame: Frame, doc: Doc, layer: EventLayer) -> str | None:
    """What a frame's amounts measure: its class ("strike"), or for a class measured by what
    changes hands, the class and that thing ("transfer:stake"); None when the thing is not told.

    A noun of the act itself ("the $1.6bn purchase") prices what its event's other
    mentions say changed hands ("bought the airline"); a noun of the thing ("a $900m
    loan") prices only itself.
    """
    if frame.event_class not in word_set("units", "measured_by_theme"):
        return frame.event_class
    theme = frame.first("theme")
    if theme is None and frame.form == NOUN and frame.lemma in word_set("units", "act_nouns"):
        themed = (f.first("theme") for f in layer.mentions_of(layer.event(frame)) if f is not frame)
        theme = next((t for t in themed if t is not None), None)
    if theme is not None:
        # "sales of $30bn" are takings, not a price of something sold.
        head = doc[theme.head]
        if head.like_num or head.ent_type_ in {"MONEY", "CARDINAL", "PERCENT"}:
            return None
        return f"{frame.event_class}:{theme.span.text.lower().split()[-1]}"
    # "a $900m loan": the noun is the thing lent; "sales are $14bn" is no one thing.
    singular = frame.form == NOUN and doc[frame.trigger_index].tag_ in {"NN", "NNP"}
    return f"{frame.event_class}:{frame.lemma}" if singular else None


def _text_between(doc: Doc, start: int, end: int) -> tuple[str, int]:
    if start >= end:
        return "", 0
    span = doc[start:end]
    return span.text, span.start_char


def _own_amounts(token: Token, dimension: str) -> list[Amount]:
    """Amounts in the noun's own phrase: before it, or right after it with "worth", "of", ..."""
    doc = token.doc
    left = min([token.i, *(c.left_edge.i for c in token.lefts)])
    text, offset = _text_between(doc, left, token.i)
    found = read_amounts(text, offset, dimension)
    right_end = min(token.right_edge.i + 1, token.i + 1 + _WINDOW)
    text, offset = _text_between(doc, token.i + 1, right_end)
    tail = re.match(
        r"^\s*,?\s*(?:worth|valued at|of|lasting|costing|totalling|totaling|amounting to)\s+", text
    )
    if tail is not None:
        found.extend(a for a in read_amounts(text, offset, dimension) if a.start == offset + tail.end())
    return found


def _relative_clauses(noun: Token) -> list[Token]:
    """ "the contract, which runs ...": the clauses whose subject is a relative pronoun for the noun."""
    return [
        c
        for c in noun.children
        if c.dep_ == "relcl" and any(s.lower_ in {"which", "that"} for s in c.children if s.dep_ == "nsubj")
    ]


def _predicate_amounts(token: Token, dimension: str, layer: EventLayer) -> list[Amount]:
    """Amounts a verb gives its subject: "the strike lasted five days", "the deal is worth £1bn".

    The verb may be a relative clause's: "the contract, which runs for three years"; and
    one the parser hung on the noun of the event's own modifier, when that noun is no
    event: "a strike over pay that lasted six days" (pay does not last; the strike does).
    """
    verbs = [token.head] if token.dep_ in {"nsubj", "nsubjpass"} else []
    verbs += _relative_clauses(token)
    if dimension in _HUNG_ON_MODIFIER:
        verbs += [
            clause
            for prep in token.children
            if prep.dep_ == "prep"
            for obj in prep.children
            if obj.dep_ == "pobj" and not layer.at(obj.i)
            for clause in _relative_clauses(obj)
            if clause.lemma_.lower() in _HUNG_ON_MODIFIER[dimension]
        ]
    return [a for verb in verbs for a in _amounts_after(verb, dimension)]


def _amounts_after(verb: Token, dimension: str) -> list[Amount]:
    if verb.lemma_.lower() not in _PREDICATE_VERBS[dimension]:
        return []
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    # "has lasted", "is lasting", "could cost": a running or possible figure, not the measure.
    if verb.tag_ in {"VBG", "VBN"} and not any(a.dep_ == "auxpass" for a in auxiliaries):
        return []
    if any(a.tag_ == "MD" and a.lower_ not in {"will", "'ll"} for a in auxiliaries):
        return []
    doc = verb.doc
    text, offset = _text_between(doc, verb.i + 1, min(verb.right_edge.i + 1, verb.i + 1 + _WINDOW))
    lead = re.match(r"^\s*(?:for\s+|at\s+|to\s+|worth\s+|valued at\s+)?", text)
    start = offset + (lead.end() if lead else 0)
    return [a for a in read_amounts(text, offset, dimension) if a.start == start]


def _basis_stated(doc: Doc, start: int, end: int, dimension: str) -> bool:
    """Whether a value is given on a stated basis ("including debt", "a year", "net"):
    two such values may measure different totals of one thing, so neither is compared."""
    if dimension != "money":
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return True
    window = doc[span.start : min(span.end + 3, span.sent.end)]
    basis = word_set("units", "basis_words")
    return any(t.lower_ in basis for t in window)


def _measured_frames(context: ExtractionContext) -> Iterator[tuple[Frame, Token]]:
    """Noun frames of a measured class that name one occasion: "the strike", not "strikes"."""
    dimensions = _dimensions_of()
    for frame in context.events.frames:
        if frame.form != NOUN or frame.event_class not in dimensions:
            continue
        if frame.reference.plural or frame.polarity == "negative":
            continue
        yield frame, context.doc[frame.trigger_index]


def _measure_readings(context: ExtractionContext) -> Iterator[_Reading]:
    """Lengths and values an event's nouns give it: "a 36-hour strike", "the walkout lasted a day"."""
    doc = context.doc
    layer = context.events
    dimensions = _dimensions_of()
    revised: dict[tuple[str, str], bool] = {}
    for frame, token in _measured_frames(context):
        for dimension in _revised_dimensions(token, dimensions[frame.event_class]):
            revised[(layer.event(frame), dimension)] = True
    for frame, token in _measured_frames(context):
        event = layer.event(frame)
        measured = _measured(frame, doc, layer)
        if measured is None:
            continue
        amounts = [
            amount
            for dimension in dimensions[frame.event_class]
            for amount in _own_amounts(token, dimension) + _predicate_amounts(token, dimension, layer)
        ]
        # Two amounts of one kind for one mention ("a £2m-a-year, £10m deal") cannot be told apart.
        units = [a.unit for a in amounts]
        for amount in amounts:
            if units.count(amount.unit) != 1:
                continue
            start, end = min(amount.start, token.idx), max(amount.end, token.idx + len(token))
            yield _Reading(
                event,
                f"{measured}:{amount.dimension}",
                mention(token),
                amount,
                start,
                end,
                frame.sentence,
                frame.quoted,
                frame.attribution,
                revised=revised.get((event, amount.dimension), False),
                basis_stated=_basis_stated(doc, start, end, amount.dimension),
            )
    yield from _price_readings(context, revised)


def _price_readings(context: ExtractionContext, revised: dict[tuple[str, str], bool]) -> Iterator[_Reading]:
    """The price a giving verb names: "sold the stake for $2bn"; "agreed to pay $1.2bn for a
    concession" values the concession, when what is paid for is itself an event."""
    doc = context.doc
    layer = context.events
    dimensions = _dimensions_of()
    for frame in layer.frames:
        if frame.form == NOUN or frame.polarity == "negative":
            continue
        # "go on sale for $100" is no trip's price: only classes with a value have one.
        if "money" not in dimensions.get(frame.event_class, ()):
            continue
        verb = doc[frame.trigger_index]
        prices = [(f.head, read_amounts(f.span.text, f.span.start, "money")) for f in frame.fillers("price")]
        if not prices:
            prices = [
                (obj.root.i, read_amounts(obj.text, obj.start_char, "money")) for obj in _price_objects(verb)
            ]
        for price_head, amounts in prices:
            if len(amounts) != 1:
                continue
            (amount,) = amounts
            target = frame
            for _, obj in prep_objects(verb, {"for"}):
                bought = [f for f in layer.at(obj.i) if "money" in dimensions.get(f.event_class, ())]
                if bought and obj.i != price_head:
                    target = bought[0]
            event = layer.event(target)
            measured = _measured(target, doc, layer)
            if measured is None:
                continue
            start, end = min(amount.start, verb.idx), max(amount.end, verb.idx + len(verb))
            yield _Reading(
                event,
                f"{measured}:money",
                mention(doc[target.trigger_index]),
                amount,
                start,
                end,
                frame.sentence,
                frame.quoted,
                frame.attribution,
                revised=revised.get((event, "money"), False),
                basis_stated=_basis_stated(doc, start, end, "money"),
            )


def _price_objects(verb: Token) -> Iterator[Span]:
    """ "sold its unit to Telsa for $400 million": a price the parser hangs below the verb's
    other words, but no lower than its own clause."""
    for prep in verb.subtree:
        if prep.lower_ != "for" or prep.dep_ != "prep":
            continue
        clause = prep.head
        while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
            clause = clause.head
        if clause.i != verb.i:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.ent_type_ == "MONEY":
                yield entity_span(obj)


# -- counts of people an event affected ------------------------------------------


@dataclass(slots=True)
class _Article:
    """What the count readers ask of one article, found once: its numbers, its nouns, the
    end of its first paragraph and the event it reports of each set of classes."""

    context: ExtractionContext
    numbers: list[Token]
    nouns: list[Token]
    lede_end: int
    reported: dict[tuple[frozenset[str], bool], str | None] = field(default_factory=dict)

    @classmethod
    def of(cls, context: ExtractionContext) -> _Article:
        vague = data_file("units")["vague_numbers"]
        numbers, nouns = [], []
        for token in context.doc:
            if token.like_num or token.lower_ in vague:
                numbers.append(token)
            elif token.pos_ in {"NOUN", "PROPN"}:
                nouns.append(token)
        return cls(context, numbers, nouns, lede_end(context.document.text))

    def reported_event(self, classes: frozenset[str], at: int | None = None) -> str | None:
        """``at``: where the count is told; a count in the lede may name the event later."""
        key = (classes, at is not None and at < self.lede_end)
        if key not in self.reported:
            self.reported[key] = _reported_event(self.context, classes, self.lede_end, key[1])
        return self.reported[key]


def _reported_event(
    context: ExtractionContext, classes: frozenset[str], end: int, told_in_lede: bool = False
) -> str | None:
    """The one event of these classes the article reports (opened in its first
    paragraph and happening), or None when there is none or more than one; a plural
    that a day dates ("Tuesday's local elections") when the paragraph opens no single one.

    A lede may tell the event in words no class claims ("a bus skidded off the road
    and fell into a ravine, killing 23") and name it only later ("the crash, which
    claimed 32 lives"): for a count told in the lede, when no such event opens there,
    the article's only one is it. A count further on ("a van overturned in May,
    killing six") may be another event's.
    """
    layer = context.events
    first: dict[str, Frame] = {}
    for frame in layer.frames:
        if frame.event_class in classes:
            first.setdefault(layer.event(frame), frame)
    happening = [
        (event, frame)
        for event, frame in first.items()
        if frame.polarity == "positive" and frame.modality in {"asserted", "future"}
    ]
    reported = [
        event for event, frame in happening if frame.trigger.start < end and not frame.reference.plural
    ]
    if not reported:
        # "in Tuesday's local elections": several held on one day are one occasion to report.
        reported = [
            event
            for event, frame in happening
            if frame.trigger.start < end and frame.reference.plural and frame.time is not None
        ]
    happening = [(event, frame) for event, frame in happening if not frame.reference.plural]
    if not reported and told_in_lede and len(first) == 1:
        reported = [event for event, _ in happening]
    return reported[0] if len(reported) == 1 else None


def _event_at(context: ExtractionContext, token: Token) -> str | None:
    frames = context.events.at(token.i)
    return context.events.event(frames[0]) if frames else None


def _counted_noun(counted: Token) -> str:
    people = word_set("units", "people_nouns")
    lemma = counted.lemma_.lower()
    return "people" if lemma in people or counted.lower_ in people else lemma


def _bare_count_noun(measure: str) -> str:
    """What a number with no noun counts: people, for a measure of people ("killing 12")."""
    return "people" if measure in word_set("units", "people_measures") else ""


def _count_phrase(number: Token) -> tuple[Token, Token, str] | None:
    """The counted noun, its verb and what it counts: "killed [30] people" (dead), "[hundreds]
    of people were hurt" (injured), "the [21] people killed" (dead), "[17] people died" (dead)."""
    vague = data_file("units")["vague_numbers"]
    object_verbs: dict[str, str] = data_file("units")["count_verbs"]
    subject_verbs: dict[str, str] = data_file("units")["subject_count_verbs"]
    if number.dep_ == "nummod" and number.head.pos_ in {"NOUN", "PROPN"}:
        counted = number.head
    elif number.lower_ in vague or number.dep_ in {"dobj", "nsubjpass", "nsubj"}:
        counted = number
        for prep in number.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                counted = next((o for o in prep.children if o.dep_ == "pobj"), number)
        if number.lower_ not in vague and counted is number and number.dep_ not in {"dobj", "nsubjpass"}:
            return None
    else:
        return None
    carrier = number if counted is not number and counted.head.i == number.i else counted
    verb = carrier.head
    lemma = verb.lemma_.lower()
    # "the blast left 20 people dead" counts the dead, "left 300 homeless" the displaced.
    states: dict[str, str] = data_file("units")["result_states"]
    state = _state_word(verb)
    if carrier.dep_ in {"dobj", "nsubjpass"} and lemma in object_verbs:
        return counted, verb, object_verbs[lemma] if state is None else states[state.lower_]
    if carrier.dep_ == "nsubj" and lemma in subject_verbs:
        return counted, verb, subject_verbs[lemma]
    # "With 19 people dead", "30 people were dead": the state itself is said of them.
    if carrier.dep_ == "nsubj" and verb.pos_ == "ADJ" and verb.lower_ in states:
        return counted, verb, states[verb.lower_]
    if carrier.dep_ == "nsubj" and lemma == "be" and state is not None:
        return counted, state, states[state.lower_]
    # "the 21 people killed in the landslide", "the 17 people who died".
    for clause in counted.children:
        clause_lemma = clause.lemma_.lower()
        if clause.dep_ == "acl" and clause.tag_ == "VBN" and clause_lemma in object_verbs:
            return counted, clause, object_verbs[clause_lemma]
        if clause.dep_ == "relcl" and clause_lemma in subject_verbs:
            return counted, clause, subject_verbs[clause_lemma]
        if clause.dep_ == "relcl" and clause_lemma in object_verbs and _passive(clause):
            return counted, clause, object_verbs[clause_lemma]
    return None


def _state_word(verb: Token) -> Token | None:
    """The state a counting verb leaves its object in: "dead" in "left 20 people dead"."""
    states: dict[str, str] = data_file("units")["result_states"]
    return next((c for c in verb.children if c.dep_ in {"oprd", "acomp"} and c.lower_ in states), None)


def _passive(verb: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def _owner(verb: Token, counted: Token, layer: EventLayer) -> Token | None:
    """The words for the event a count belongs to: the subject, the agent, "in the attack".

    None when the clause names nothing that did it: "45 people were killed", "killed in
    the village" (a place where, not what killed them).
    """
    for child in verb.children:
        if child.dep_ == "nsubj" and child.i != counted.i and counted not in child.subtree:
            if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                # "the landslide, which killed 12" names it; "the 15 people who died" does not.
                if verb.head.i == counted.i:
                    continue
                return verb.head
            return child
    if verb.dep_ == "relcl" and not _passive(verb) and verb.head.i != counted.i:
        return verb.head
    # "12,000 people attended the rally": the event the counted did something at.
    for child in verb.children:
        if child.dep_ == "dobj" and child.i != counted.i and layer.at(child.i):
            return child
    for prep in verb.children:
        if prep.dep_ in {"agent", "prep"} and prep.lower_ in {"by", "in", "during", "from"}:
            obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
            if obj is not None and (prep.lower_ == "by" or layer.at(obj.i)):
                return obj
    return None


def _running_total(verb: Token, number: Token) -> bool:
    """ "had killed 30 by Monday", "has injured 12 so far", "killed another 30": a tally, not a total."""
    revising_words = word_set("units", "revising_words")
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return True
    if any(
        _names_a_time(c) and not _on_a_day(c)
        for c in _own_words(verb)
        if c.i not in range(number.i - 3, number.i + 1)
    ):
        return True
    if any(c.lower_ in revising_words for c in verb.children if c.dep_ in {"advmod", "npadvmod"}):
        return True
    return any(t.lower_ in revising_words for t in number.subtree) or any(
        c.lower_ in revising_words for c in number.head.children if c.dep_ in {"amod", "advmod", "det"}
    )


#: Clauses of their own under a verb: their times are theirs ("were killed when the bus
#: left the road on Friday" is no tally up to Friday).
_OWN_CLAUSES = frozenset({"advcl", "relcl", "ccomp", "xcomp", "acl", "conj", "parataxis"})


def _own_words(verb: Token) -> Iterator[Token]:
    """The words of a verb's clause, without the clauses under it."""
    yield verb
    for child in verb.children:
        if child.dep_ not in _OWN_CLAUSES:
            yield from child.subtree


_YEAR = re.compile(r"(1[89]|20)\d\d")


def _names_a_time(token: Token) -> bool:
    """A word of a date or time; not a bare count the model tagged as one ("killing 23 and
    injuring 14": "14" is no day the tally runs to), though a year is ("by 2021")."""
    if token.ent_type_ not in {"DATE", "TIME"}:
        return False
    entity = entity_span(token)
    return not all(t.like_num and not _YEAR.fullmatch(t.text) for t in entity)


def _on_a_day(token: Token) -> bool:
    """A day the event happened on, not a date a tally runs to: "killed 86 people on Monday",
    "killed 86 people Monday" (but "by Monday", "this year", "since March" bound a tally)."""
    entity = entity_span(token)
    root = entity.root
    if root.dep_ == "pobj" and root.head.lower_ == "on":
        return True
    return len(entity) == 1 and root.lower_ in data_file("calendar")["weekdays"]


def _not_told_as_fact(verb: Token) -> bool:
    """ "could kill hundreds", "feared to have killed dozens", "if it kills anyone"."""
    if any(c.tag_ == "MD" for c in verb.children if c.dep_ in {"aux", "auxpass"}):
        return True
    return verb.dep_ in {"xcomp", "ccomp"} and verb.head.lemma_.lower() in word_set("units", "hedging_verbs")


def _count_readings(article: _Article) -> Iterator[_Reading]:
    context = article.context
    doc = context.doc
    for token in article.numbers:
        if token.ent_type_ in {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"}:
            continue
        found = _count_phrase(token)
        if found is None:
            continue
        counted, verb, measure = found
        if _running_total(verb, token) or _not_told_as_fact(verb):
            continue
        owner = _owner(verb, counted, context.events)
        event = (
            _event_at(context, owner)
            if owner is not None
            else article.reported_event(word_set("units", "counting_classes"), token.idx)
        )
        if event is None:
            continue
        left = token.left_edge.i
        amount = read_count(doc[left : token.i + 1].text, doc[left].idx)
        if amount is None:
            continue
        noun = _counted_noun(counted) if counted is not token else _bare_count_noun(measure)
        state = _state_word(verb)
        start, end = _span(doc, doc[left], verb, counted, token, *([state] if state is not None else []))
        yield _Reading(
            event,
            f"{measure}:{noun}",
            Mention(verb.idx, verb.idx + len(verb), _described(measure), ""),
            amount,
            start,
            end,
            (verb.sent.start_char, verb.sent.end_char),
            in_quotation(verb),
            attribution(verb),
        )
    yield from _toll_readings(article)


def _described(measure: str) -> str:
    """How a message names a count: "number of dead", "attendance", "turnout"."""
    return measure if measure in {"attendance", "turnout"} else f"number of {measure}"


def _toll(token: Token) -> tuple[str, str, Token | None, frozenset[str]] | None:
    """What a toll noun counts, of what, the verb that counts it, and whose reported event it
    is when it names none: "the death toll" (dead people), "the number of people killed by
    the landslide" (dead people, killed), "a crowd of 30,000" (attendance)."""
    tolls: dict[str, dict[str, Any]] = data_file("units")["toll_nouns"]
    lemma = token.lemma_.lower()
    if lemma in tolls:
        return tolls[lemma]["measure"], "people", None, frozenset(tolls[lemma]["classes"])
    if lemma not in word_set("units", "tally_nouns"):
        return None
    object_verbs: dict[str, str] = data_file("units")["count_verbs"]
    for _, counted in prep_objects(token, {"of"}):
        for clause in counted.children:
            if clause.dep_ == "acl" and clause.tag_ == "VBN" and clause.lemma_.lower() in object_verbs:
                measure = object_verbs[clause.lemma_.lower()]
                return measure, _counted_noun(counted), clause, word_set("units", "counting_classes")
    return None


def _toll_owner(context: ExtractionContext, token: Token, clause: Token | None) -> Token | None:
    """ "the toll from the landslide", "the quake's toll", "people killed by a landslide"."""
    for child in token.children:
        if child.dep_ in {"poss", "compound", "nmod"} and context.events.at(child.i):
            return child
    for _, obj in prep_objects(token, {"in", "from", "of", "after", "at", "for"}):
        if context.events.at(obj.i):
            return obj
    # "a crowd of 30,000 watched the final", "the rally drew a crowd of 30,000".
    other = {"nsubj": "dobj", "dobj": "nsubj"}.get(token.dep_)
    for obj in token.head.children if other is not None else ():
        if obj.dep_ == other and context.events.at(obj.i):
            return obj
    if clause is not None:
        return _owner(clause, token, context.events)
    return None


def _number_of(token: Token) -> Token | None:
    """The number a value's word is: "17", or the 39 of "39 percent"."""
    if token.lemma_.lower() in {"percent", "per cent"} or token.text == "%":
        return next((c for c in token.children if c.dep_ == "nummod" and c.like_num), None)
    return token if token.like_num or token.ent_type_ == "CARDINAL" else None


def _toll_values(token: Token) -> Iterator[tuple[Token, bool, bool]]:
    """(number, told as a change, superseded) for each value a toll is given.

    "a death toll of 17"; "the toll stood at 17"; "the toll rose from 11 to 17" (17 as
    a change, 11 superseded); "officials put the toll at 17". Nothing for "could rise
    to 30" or "had risen to 11 by Monday".
    """
    for _, value in prep_objects(token, {"of"}):
        if (number := _number_of(value)) is not None:
            yield number, False, False
    # "the 30,000 crowd".
    for child in token.children:
        if child.dep_ == "nummod" and child.like_num:
            yield child, False, False
    if token.dep_ not in {"nsubj", "nsubjpass", "dobj"}:
        return
    verb = token.head
    lemma = verb.lemma_.lower()
    changing = lemma in word_set("units", "revising_verbs")
    if not changing and lemma not in word_set("units", "stating_verbs"):
        return
    if _not_told_as_fact(verb) or any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return
    if any(prep.lower_ in {"by", "until"} for prep, _ in prep_objects(verb, {"by", "until"})):
        return
    # "rose from 9 to 12": the parser may hang "to" on "from".
    preps = [c for c in verb.children if c.dep_ == "prep"]
    preps += [p for c in preps for p in c.children if p.dep_ == "prep"]
    for prep in preps:
        if prep.lower_ not in {"to", "at", "from"}:
            continue
        for value in prep.children:
            number = _number_of(value) if value.dep_ == "pobj" else None
            if number is not None:
                yield number, changing and prep.lower_ != "from", prep.lower_ == "from"
    for child in verb.children:
        number = _number_of(child) if child.dep_ in {"dobj", "attr"} and child.i != token.i else None
        if number is not None:
            yield number, changing, False


def _toll_readings(article: _Article) -> Iterator[_Reading]:
    context = article.context
    doc = context.doc
    for token in article.nouns:
        found = _toll(token)
        if found is None:
            continue
        measure, noun, clause, classes = found
        owner = _toll_owner(context, token, clause)
        event = _event_at(context, owner) if owner is not None else article.reported_event(classes)
        if event is None:
            continue
        for number, changed, superseded in _toll_values(token):
            left = number.left_edge.i
            amount = read_count(doc[left : number.i + 1].text, doc[left].idx)
            if amount is None:
                continue
            last = number
            if number.head.lemma_.lower() in {"percent", "per cent"} or number.head.text == "%":
                amount = replace(amount, unit="percent")
                last = number.head
            # "the toll rose from 11 to 17": the verb and its figures; "a death toll of 17".
            verb = token.head
            first = verb if verb.i < number.i and verb.i - token.i > _NEAR else token
            start, end = _span(doc, first, last, *([verb] if first is token and verb.i < number.i else []))
            yield _Reading(
                event,
                f"{measure}:{noun}",
                Mention(token.idx, token.idx + len(token), _described(measure), ""),
                amount,
                start,
                end,
                (token.sent.start_char, token.sent.end_char),
                in_quotation(token),
                attribution(token),
                told_as_change=changed,
                revised=superseded,
            )


def _latest_values(readings: list[_Reading]) -> list[_Reading]:
    """A measure told as changing keeps its latest value: a figure it changed from ("rose from
    11 to 17"), or an earlier change to another value, is marked revised."""
    revised: dict[tuple[str, str], list[Amount]] = {}
    last_change: dict[tuple[str, str], _Reading] = {}
    for reading in readings:
        key = (reading.event, reading.measured)
        if reading.revised and not reading.told_as_change:
            revised.setdefault(key, []).append(reading.amount)
        if reading.told_as_change and not reading.revised:
            last = last_change.get(key)
            if last is None or reading.start > last.start:
                last_change[key] = reading
    superseded = {key: _Intervals.of(amounts) for key, amounts in revised.items()}
    kept = []
    for reading in readings:
        key = (reading.event, reading.measured)
        old = key in superseded and superseded[key].overlap(reading.amount)
        last = last_change.get(key)
        changed_since = last is not None and not _overlaps(reading.amount, last.amount)
        if (old or (reading.told_as_change and changed_since)) and not reading.revised:
            reading = replace(reading, revised=True)
        kept.append(reading)
    return kept


def _overlaps(a: Amount, b: Amount) -> bool:
    return (a.high is None or b.low <= a.high) and (b.high is None or a.low <= b.high)


@dataclass(frozen=True, slots=True)
class _Intervals:
    """Amounts sorted by their low end, with the highest high end up to each (an open
    one counts as infinite): whether any overlaps an amount is one bisection, not a
    look at each (a toll revised forty times)."""

    lows: list[float]
    reach: list[float]

    @classmethod
    def of(cls, amounts: Iterable[Amount]) -> _Intervals:
        ordered = sorted(amounts, key=lambda amount: amount.low)
        reach: list[float] = []
        for amount in ordered:
            high = math.inf if amount.high is None else amount.high
            reach.append(max(reach[-1], high) if reach else high)
        return cls([amount.low for amount in ordered], reach)

    def overlap(self, amount: Amount) -> bool:
        """``any(_overlaps(amount, other) for other in amounts)``."""
        # The others starting at or below the amount's high end; one of them reaching its low end.
        count = len(self.lows) if amount.high is None else bisect.bisect_right(self.lows, amount.high)
        return count > 0 and self.reach[count - 1] >= amount.low


# -- shares a party wins of an election -------------------------------------------


def _share_phrase(number: Token) -> tuple[Token, Token] | None:
    """The share noun and the phrase head a number counts: "47 [seats]", "47 of the 120
    [seats]" (47), "46 percent of the [vote]"; never the whole ("the 120 seats" above)."""
    shares = word_set("units", "share_nouns")
    head = number.head
    if number.dep_ == "nummod" and head.lemma_.lower() in shares:
        if head.dep_ == "pobj" and head.head.lower_ == "of" and _is_amount(head.head.head):
            return None
        if head.lemma_.lower() != "percent":
            return head, head
    phrase = head if number.dep_ == "nummod" and head.ent_type_ == "PERCENT" else number
    for _, share in prep_objects(phrase, {"of"}):
        if share.lemma_.lower() in shares:
            return share, phrase
    return None


def _is_amount(token: Token) -> bool:
    return token.like_num or token.ent_type_ in {"CARDINAL", "PERCENT"}


def _share_owner(share: Token, phrase: Token) -> tuple[Token, Token | None] | None:
    """Who won the share, and the verb that gives it: "the alliance won 47 seats", "its 52 seats"."""
    owner = next((c for c in share.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner, None
    held_by = phrase.head
    if (
        phrase.dep_ == "pobj"
        and held_by.lower_ == "of"
        and held_by.head.lemma_.lower() in word_set("units", "tally_nouns")
    ):
        # "the alliance's haul of 47 seats": the tally's owner won them.
        owner = next((c for c in held_by.head.children if c.dep_ == "poss"), None)
        return (owner, None) if owner is not None else None
    if phrase.dep_ == "pobj" and held_by.lower_ == "with":
        # "the alliance, with 37 seats in the new assembly": the party the phrase describes;
        # "the alliance finished with 37 seats": the clause's subject.
        described = held_by.head
        if described.pos_ in {"PROPN", "NOUN"}:
            return described, None
        doer = subject(described) if described.pos_ == "VERB" else None
        return (doer, None) if doer is not None else None
    verb = phrase.head
    if phrase.dep_ == "dobj" and verb.lemma_.lower() in word_set("units", "share_verbs"):
        doer = subject(verb)
        if doer is not None and not any(c.dep_ == "conj" for c in doer.children):
            return doer, verb
    return None


def _share_readings(article: _Article) -> Iterator[_Reading]:
    context = article.context
    doc = context.doc
    layer = context.events
    classes = word_set("units", "share_classes")
    revising_words = word_set("units", "revising_words")
    for token in article.numbers:
        if not token.like_num or token.ent_type_ in {"DATE", "TIME", "MONEY", "ORDINAL"}:
            continue
        found = _share_phrase(token)
        if found is None:
            continue
        share, phrase = found
        owned = _share_owner(share, phrase)
        if owned is None:
            continue
        owner, verb = owned
        party = context.parties.party(owner)
        if party is None or party.kind == "thing":
            continue
        # "its new total of 44 seats" is a revision; "44 seats in the new chamber" is not.
        placed = {t.i for c in share.children if c.dep_ == "prep" for t in c.subtree}
        words = [t for t in [*phrase.subtree, *share.children] if t.i not in placed]
        if any(t.lower_ in revising_words for t in words) or (verb is not None and _not_told_as_fact(verb)):
            continue
        clause = verb if verb is not None else share
        # "in last week's election", hung on the verb or on the seats.
        named = [
            f
            for t in clause.subtree
            if t.dep_ == "pobj" and t.head.lower_ in {"in", "at"}
            for f in layer.at(t.i)
            if f.event_class in classes
        ]
        # "won 35 seats in 2019": a time with no election named is another election.
        dated = any(
            t.ent_type_ == "DATE" for t in clause.subtree if t.i not in range(token.i - 2, token.i + 1)
        )
        event = layer.event(named[0]) if named else (None if dated else article.reported_event(classes))
        if event is None:
            continue
        left = token.left_edge.i
        amount = read_count(doc[left : token.i + 1].text, doc[left].idx, exact=True)
        if amount is None:
            continue
        unit = "percent" if phrase.ent_type_ == "PERCENT" else ""
        name = entity_span(owner).text if owner.ent_type_ else owner.text
        owner_start = entity_span(owner)[0] if owner.ent_type_ else owner
        start, end = _span(doc, doc[left], share, *([verb] if verb is not None else [owner_start]))
        yield _Reading(
            event,
            f"{share.lemma_.lower()}:{party.key}",
            Mention(
                share.idx, share.idx + len(share), f"number of {share.lemma_.lower()}s won by {name}", ""
            ),
            replace(amount, unit=unit, dimension="share"),
            start,
            end,
            (token.sent.start_char, token.sent.end_char),
            in_quotation(token),
            attribution(token),
        )


def _estimates(readings: list[_Reading]) -> list[_Reading]:
    """A crowd someone is said to count is their estimate: given on a stated basis."""
    estimated = word_set("units", "estimated_measures")
    return [
        replace(r, basis_stated=True)
        if r.attributed_to is not None and r.measured.split(":")[0] in estimated
        else r
        for r in readings
    ]


def extract(context: ExtractionContext) -> Iterator[Claim]:
    article = _Article.of(context)
    readings = [*_measure_readings(context), *_count_readings(article), *_share_readings(article)]
    text = context.document.text
    for reading in _estimates(_latest_values(readings)):
        yield _claim(reading, text)
