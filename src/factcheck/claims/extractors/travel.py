"""Travel: who goes where, with the cues that say what kind of trip it is.

"Kim's first trip abroad ... was when he boarded a train bound for North Korea."
    -> traveller Kim, destination North Korea, abroad
"Kim would continue his journey to Russia after their discussions."
    -> traveller Kim, destination Russia, onward (leaving where the talks were)
"After his trip abroad to France, the president flew home to Kenya."
    -> France (abroad); Kenya (home): the abroad cue belongs to the trip it modifies
"The minister arrived in Paris on Monday."
    -> traveller the minister (if a named person), destination Paris
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from factcheck.claims.extractors._syntax import is_negated, mention, prep_objects, sentence_bounds, subject_of
from factcheck.claims.model import Claim, ClaimKind, ExtractionContext
from factcheck.nlp.entities import Mention
from factcheck.nlp.lexicon import word_map, words
from factcheck.nlp.speech import attribution

KINDS = (
    ClaimKind(
        "travel",
        "A person travelling to a place: 'Kim boarded a train bound for North Korea'.",
        {
            "traveller": "mention",
            "traveller_name": "text",
            "destination": "mention",
            "cue": "mention",
            "abroad": "bool",
            "onward": "bool",
            "home": "bool",
            "trigger": "text",
        },
    ),
)


_TRIP_PREPS = frozenset({"to", "for"})


@dataclass(slots=True)
class _Trip:
    trigger: Token
    destination: Token
    traveller: Token | None


def _has_abroad(token: Token) -> bool:
    """ "trip abroad", "overseas visit", "foreign tour": the trip leaves the home country."""
    abroad = words("travel", "abroad_words")
    foreign = words("travel", "foreign_modifiers")
    return (
        any(c.lower_ in abroad for c in token.children)
        or any(c.dep_ == "amod" and c.lower_ in foreign for c in token.children)
        or (token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in abroad)
    )


def _trips(context: ExtractionContext) -> Iterator[_Trip]:
    verbs = word_map("travel", "verbs")
    participles = word_map("travel", "vehicle_participles")
    nouns = words("travel", "nouns")
    for token in context.doc:
        lemma = token.lemma_.lower()
        if token.pos_ in {"VERB", "AUX"} and lemma in verbs:
            preps = frozenset(verbs[lemma])
            objects = [obj for _, obj in prep_objects(token, preps)]
            if not preps:
                objects = [c for c in token.children if c.dep_ == "dobj"]
            for obj in objects:
                yield _Trip(token, obj, subject_of(token))
        elif token.lower_ in participles and token.dep_ in {"acl", "amod", "advcl"}:
            for _, obj in prep_objects(token, frozenset(participles[token.lower_])):
                vehicle = token.head
                carrier = vehicle.head if vehicle.dep_ in {"dobj", "pobj"} else vehicle
                if carrier.dep_ == "prep":
                    carrier = carrier.head
                yield _Trip(token, obj, subject_of(carrier) if carrier.pos_ in {"VERB", "AUX"} else None)
        elif token.pos_ == "NOUN" and lemma in nouns:
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            if owner is None and token.dep_ in {"dobj", "nsubj"}:
                owner = subject_of(token.head)
            objects = [obj for _, obj in prep_objects(token, _TRIP_PREPS)]
            # "made his first trip abroad to Kenya": the parser hangs "to" on the verb.
            if token.dep_ == "dobj" and token.head.lemma_.lower() in words("travel", "light_verbs"):
                objects += [obj for _, obj in prep_objects(token.head, _TRIP_PREPS)]
            # "his first trip abroad took him to Kenya"
            if token.dep_ == "nsubj" and token.head.lemma_.lower() in words("travel", "carrying_verbs"):
                objects += [obj for _, obj in prep_objects(token.head, _TRIP_PREPS)]
                if owner is None:
                    owner = next((c for c in token.head.children if c.dep_ == "dobj"), None)
            for obj in objects:
                yield _Trip(token, obj, owner)


def _abroad_cue(trip: _Trip) -> Token | None:
    """The words that call this trip a trip abroad, in its own phrase or its sentence's subject.

    "his first trip abroad was when he boarded a train bound for X" describes the
    same trip; "after a trip abroad to France, he flew home to X" does not, because
    that trip abroad has a destination of its own.
    """
    if _has_abroad(trip.trigger):
        return trip.trigger
    if _is_home(trip) or trip.trigger.lemma_.lower() in words("travel", "homeward_verbs"):
        return None
    nouns = words("travel", "nouns")
    for token in trip.trigger.sent:
        if token.lemma_.lower() in nouns and token.i != trip.trigger.i and _has_abroad(token):
            has_own_destination = any(True for _ in prep_objects(token, _TRIP_PREPS))
            if not has_own_destination:
                return token
    return None


def _phrase_start(token: Token) -> int:
    """Start of a noun's own modifiers ("Kim's first trip"), not of its clauses."""
    start = token.i
    for child in token.lefts:
        if child.dep_ in {"poss", "amod", "det", "compound", "nummod"}:
            start = min(start, child.left_edge.i)
    return start


def _is_onward(trip: _Trip) -> bool:
    onward = words("travel", "onward_verbs")
    particles = words("travel", "onward_particles")
    trigger = trip.trigger
    # "travel on to Berlin": the parser may tag "on" a particle, an adverb or a bare preposition.
    for child in trigger.children:
        if child.lower_ in particles and (
            child.dep_ in {"prt", "advmod"} or (child.dep_ == "prep" and not list(child.children))
        ):
            return True
    # "Xi will then fly to Russia": the next leg of the same trip.
    if trigger.pos_ in {"VERB", "AUX"} and any(
        c.dep_ == "advmod" and c.lower_ in words("travel", "onward_adverbs") for c in trigger.children
    ):
        return True
    governor = trigger.head if trigger.dep_ in {"dobj", "xcomp"} else trigger
    return governor.lemma_.lower() in onward


def _is_home(trip: _Trip) -> bool:
    return any(c.lower_ == "home" for c in trip.trigger.children)


def extract(context: ExtractionContext) -> Iterator[Claim]:
    entities = context.entities
    seen: set[tuple[int, int]] = set()
    for trip in _trips(context):
        destination = entities.place_mention(trip.destination)
        if destination is None or trip.traveller is None:
            continue
        person = entities.person_key(trip.traveller)
        if person is None:
            continue
        key = (trip.trigger.i, destination.start)
        if key in seen:
            continue
        seen.add(key)
        _, person_key = person
        traveller = Mention(
            trip.traveller.idx, trip.traveller.idx + len(trip.traveller.text), trip.traveller.text, person_key
        )
        doc = context.doc
        start = min(trip.trigger.idx, destination.start)
        span = doc.char_span(start, destination.end, alignment_mode="expand")
        claim_span = mention(span) if span is not None else destination
        abroad = _abroad_cue(trip)
        cue = claim_span
        if abroad is not None and abroad.i != trip.trigger.i:
            abroad_end = max([abroad.i + 1, *(c.i + 1 for c in abroad.children if c.dep_ == "advmod")])
            cue = mention(doc[_phrase_start(abroad) : abroad_end])
        yield Claim(
            kind="travel",
            span=claim_span,
            sentence=sentence_bounds(trip.trigger),
            values={
                "traveller": traveller,
                "traveller_name": entities.person_names.get(person_key, traveller.text),
                "destination": destination,
                "cue": cue,
                "abroad": abroad is not None,
                "onward": _is_onward(trip),
                "home": _is_home(trip),
                "trigger": trip.trigger.lemma_.lower(),
            },
            attributed_to=attribution(trip.trigger),
            polarity="negative" if is_negated(trip.trigger) else "positive",
        )
