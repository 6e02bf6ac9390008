"""Which of someone's visits or meetings an event is: "his first visit to Kenya".

    "Ruto's first visit to Kenya as president"        -> trip#1 is Ruto's 1st to Kenya
    "on his third visit to Kenya, Ruto ..."           -> the same trip (events/identity.py), 3rd
    "her second trip to Lima", "their fourth meeting" -> 2nd, 4th

Only a possessed mention counts the owner's occasions ("the first visit by a
leader in a decade" counts something else). Which mentions are one trip is the
event layer's business: "his previous visit" and a visit dated to another year
are other trips.
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.claims.extractors._syntax import mention
from factcheck.claims.model import Claim, ClaimKind, ExtractionContext
from factcheck.events.lexicon import NOUN
from factcheck.nlp.lexicon import word_set

KINDS = (
    ClaimKind(
        "occasion_ordinal",
        "Which of its owner's occasions an event is: 'his first visit to Kenya', 'their third meeting'.",
        {
            "event": "text",
            "event_label": "mention",
            "ordinal": "number",
            "destination": "text",
            "quoted": "bool",
        },
    ),
)


def extract(context: ExtractionContext) -> Iterator[Claim]:
    doc = context.doc
    layer = context.events
    classes = word_set("units", "ordinal_classes")
    for frame in layer.frames:
        if frame.form != NOUN or frame.event_class not in classes or frame.reference.ordinal is None:
            continue
        if frame.polarity == "negative" or frame.reference.plural:
            continue
        trigger = doc[frame.trigger_index]
        owner = next((c for c in trigger.children if c.dep_ == "poss"), None)
        if owner is None:
            continue
        # "his first visit to Kenya": the places it goes to, or the place it is held in.
        places = [f.party.key for f in frame.fillers("destination") if f.party is not None]
        places += [p.id or p.text.lower() for p in frame.places]
        if not places:
            continue
        # Quoted from the owner to the place: "his third visit to Kenya", "their second meeting in Geneva".
        phrase_end = trigger.right_edge.idx + len(trigger.right_edge)
        ends = [f.span.end for f in frame.fillers("destination")]
        ends += [p.end for p in frame.places if frame.trigger.end < p.start and p.end <= phrase_end]
        end = max([frame.trigger.end, *ends])
        span = doc.char_span(owner.left_edge.idx, end, alignment_mode="expand")
        yield Claim(
            kind="occasion_ordinal",
            span=mention(span) if span is not None else frame.trigger,
            sentence=frame.sentence,
            values={
                "event": layer.event(frame),
                "event_label": frame.trigger,
                "ordinal": float(frame.reference.ordinal),
                "destination": places[0],
                "quoted": frame.quoted,
            },
            attributed_to=frame.attribution,
        )
