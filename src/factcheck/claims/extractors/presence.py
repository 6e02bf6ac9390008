"""Presence: a person stated to be at a place.

    "At the Vostochny Cosmodrome in Russia's Far East, Kim was briefed by officials."
        -> Kim at Vostochny Cosmodrome
    "Kim, who is in Moscow for talks, said ..." -> Kim at Moscow

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
_STATIVE = frozenset({"be", "stay", "remain", "arrive", "land", "wait", "meet"})


def extract(context: ExtractionContext) -> Iterator[Claim]:
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
