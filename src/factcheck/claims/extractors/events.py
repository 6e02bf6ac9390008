"""Event location: where an event took place, read from the event layer's frames.

    "During a summit in South Korea, Kim pledged ..."   -> summit @ South Korea
    "The four-hour meeting in Russia's Far East ..."     -> the same event @ Russia's Far East
    "The two last met in Russia in 2019."                -> another, earlier event
    "The victory in Suva lifts Samoa ..."                -> the match reported @ Suva
    "a crowd had gathered in Apia for the opening test"  -> that test @ Apia
    "Thursday's opening ceremony in Timisoara"           -> the opening @ Timisoara

Which mentions are one event is the event layer's business (events/identity.py):
every rule that compares what an article says about one event agrees on it.
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.claims.model import Claim, ClaimKind, ExtractionContext
from factcheck.events import Frame
from factcheck.nlp.entities import Mention

KINDS = (
    ClaimKind(
        "event_location",
        "An event and the place it happened: 'a summit in South Korea', 'the victory in Suva'.",
        {
            "event": "text",
            "event_class": "text",
            "event_label": "mention",
            "place": "mention",
            "time": "text",
            "participants": "texts",
            "bare": "bool",
        },
    ),
)


def _quoted_span(frame: Frame, place: Mention, context: ExtractionContext) -> Mention:
    """The words to quote: from the event word to its place, or the clause that placed it.

    "summit in South Korea"; "Kim arrived in Geneva for the summit" when the place
    came from the clause; "At the Cosmodrome in Russia's Far East, Kim was briefed".
    """
    doc = context.doc
    trigger = doc[frame.trigger_index]
    start, end = min(frame.trigger.start, place.start), max(frame.trigger.end, place.end)
    inside = trigger.left_edge.idx <= place.start < trigger.right_edge.idx + len(trigger.right_edge)
    if not inside:
        clause = trigger.head if trigger.dep_ != "pobj" else trigger.head.head
        start, end = min(start, clause.idx), max(end, clause.idx + len(clause.text))
        subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None and subject.left_edge.idx < start and subject.i != trigger.i:
            start = subject.left_edge.idx
    span = doc.char_span(start, end, alignment_mode="expand")
    return Mention.of(span, "") if span is not None else frame.trigger


def _is_bare(frame: Frame, context: ExtractionContext) -> bool:
    """A plain back-reference: "the meeting", "their talks", "Thursday's ceremony", with
    nothing that describes it anew ("Sunday's international meeting" may be another)."""
    trigger = context.doc[frame.trigger_index]
    lemma_words = frame.lemma.split()
    return frame.form == "noun" and not any(
        c.dep_ not in {"det", "punct", "case"}
        and not (c.dep_ == "poss" and c.pos_ == "PRON")
        and c.ent_type_ != "DATE"
        and c.lower_ not in lemma_words
        for c in trigger.lefts
    )


def _participants(frame: Frame, context: ExtractionContext) -> tuple[str, ...]:
    """The people of the frame's sentence: two mentions that both name theirs must share one."""
    keys = set()
    for token in context.doc.char_span(*frame.sentence, alignment_mode="expand") or ():
        person = context.entities.persons.get(token.i)
        if person is not None:
            keys.add(person[1])
    return tuple(sorted(keys))


def extract(context: ExtractionContext) -> Iterator[Claim]:
    located = context.events.lexicon.located
    for frame in context.events.frames:
        if frame.event_class not in located or frame.polarity == "negative" or frame.reference.plural:
            continue
        # The label names the event, not the verb: "The meeting is placed in ...".
        noun = context.events.lexicon.labels[frame.event_class]
        label = (
            frame.trigger
            if frame.form == "noun"
            else Mention(frame.trigger.start, frame.trigger.end, noun, "")
        )
        for place in frame.places:
            yield Claim(
                kind="event_location",
                span=_quoted_span(frame, place, context),
                sentence=frame.sentence,
                values={
                    "event": context.events.event(frame),
                    "event_class": frame.event_class,
                    "event_label": label,
                    "place": place,
                    "time": frame.time.text.lower() if frame.time is not None else None,
                    "participants": _participants(frame, context),
                    "bare": _is_bare(frame, context),
                },
                attributed_to=frame.attribution,
                polarity=frame.polarity,
            )
