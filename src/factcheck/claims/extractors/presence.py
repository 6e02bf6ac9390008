"""Presence: a person stated to be at a place.

    "At the Vostochny Cosmodrome in Russia's Far East, Kim was briefed by officials."
        -> Kim at Vostochny Cosmodrome
    "Kim, who is in Moscow for talks, said ..." -> Kim at Moscow
    "Holmqvist arrived in Beirut on Sunday from Cairo." -> Holmqvist at Beirut
        (a trip frame of the event layer whose destination is where it ends: "in", "at")

Participants of a located event are present too; the claim graph adds those.
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.claims.extractors._syntax import (
    SUBJECT_DEPS,
    is_negated,
    mention,
    prep_objects,
    sentence_bounds,
)
from factcheck.claims.model import Claim, ClaimKind, ExtractionContext
from factcheck.events import Filler
from factcheck.nlp.entities import Mention
from factcheck.nlp.speech import attribution

KINDS = (
    ClaimKind(
        "presence",
        "A person stated to be at a place: 'At the Vostochny Cosmodrome, Kim was briefed'.",
        {"person": "mention", "person_name": "text", "place": "mention"},
    ),
)

_LOCATIVE = frozenset({"at", "in"})
#: Verbs whose "in X" places the subject there now; "born in", "invested in" do not.
#: Arriving is a trip's; its presence is read from the trip frames.
_STATIVE = frozenset({"be", "stay", "remain", "wait", "meet"})


def _person_of(traveller: Filler, context: ExtractionContext) -> str | None:
    """The person a traveller is: by the name's own words, or by the party layer when the
    filler is a title with the name beside it ("Chile's mining minister Valentina Rojas")."""
    found = context.entities.person_key(context.doc[traveller.head])
    if found is not None:
        return found[1]
    return traveller.party.person_key if traveller.party is not None else None


def _arrivals(context: ExtractionContext) -> Iterator[Claim]:
    """ "arrived in Beirut", "landed at Entebbe": a trip that ends where it says, as a fact."""
    entities = context.entities
    for frame in context.events.of_class("trip"):
        if frame.polarity == "negative" or frame.modality != "asserted" or frame.quoted:
            continue
        arrived = [f for f in frame.fillers("destination") if f.slot in _LOCATIVE]
        for traveller in frame.fillers("traveller"):
            key = _person_of(traveller, context)
            if key is None:
                continue
            who = Mention(traveller.span.start, traveller.span.end, traveller.span.text, key)
            for filler in arrived:
                place = entities.place_mention(context.doc[filler.head])
                if place is None:
                    continue
                # Quote the whole statement: "Holmqvist, the agency's coordinator, arrived in Beirut".
                span = context.doc.char_span(
                    min(who.start, frame.trigger.start), max(place.end, who.end), alignment_mode="expand"
                )
                yield Claim(
                    kind="presence",
                    span=mention(span) if span is not None else place,
                    sentence=frame.sentence,
                    values={
                        "person": who,
                        "person_name": entities.person_names.get(key, who.text),
                        "place": place,
                    },
                    attributed_to=frame.attribution,
                )


def extract(context: ExtractionContext) -> Iterator[Claim]:
    yield from _arrivals(context)
    entities = context.entities
    for token in context.doc:
        if token.pos_ not in {"VERB", "AUX"} or is_negated(token):
            continue
        subject = next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None)
        places = [
            (prep, entities.place_mention(obj))
            for prep, obj in prep_objects(token, _LOCATIVE)
            # A fronted locative ("At the cosmodrome, Kim was briefed") sets the scene.
            if token.lemma_ in _STATIVE or (subject is not None and prep.i < subject.i)
        ]
        found = [(prep, place) for prep, place in places if place is not None]
        if not found:
            continue
        person = entities.person_key(subject) if subject is not None else None
        if subject is None or person is None:
            continue
        who = Mention(subject.idx, subject.idx + len(subject.text), subject.text, person[1])
        verb_end = token.idx + len(token.text)
        for prep, place in found:
            # Quote the whole statement: "At the cosmodrome ..., Kim was briefed".
            span = context.doc.char_span(
                min(prep.idx, who.start), max(place.end, who.end, verb_end), alignment_mode="expand"
            )
            yield Claim(
                kind="presence",
                span=mention(span) if span is not None else place,
                sentence=sentence_bounds(token),
                values={
                    "person": who,
                    "person_name": entities.person_names.get(person[1], who.text),
                    "place": place,
                },
                attributed_to=attribution(token),
            )
