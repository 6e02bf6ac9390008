"""Roles in the story: which side of one event a person or organisation is on.

Read from the event layer: the roles a frame gives its parties, and role nouns that
name a party's side of an event told elsewhere (data/frames.yaml, senses with
``role_noun``).

    "the suit Marta Ruiz brought against Ana Soria"
        -> Ruiz: plaintiff, Soria: defendant (of that case)
    "Soria, the plaintiff, said ..."        -> Soria: plaintiff (of the case she takes part in)
    "Soria, who sued Ruiz in May"           -> Soria: plaintiff, Ruiz: defendant
    "Helix, the buyer, ..."                 -> Helix: receiver (of the sale it takes part in)

A class whose parties keep one role for the whole event (``fixed_roles``: one case
has one plaintiff side) gives every frame's roles. In other classes a party may
rightly take both roles in one event (a barter: each side gives and receives), so
its frames' roles are given only when a role noun names a side of the event and
they are all one: the role noun is compared with them; frames are never compared
with each other here (TRF001 compares transfers thing by thing).
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.claims.model import Claim, ClaimKind, ExtractionContext
from factcheck.events import Filler, Frame
from factcheck.nlp.entities import Mention

KINDS = (
    ClaimKind(
        "story_role",
        "A party's side of one event: plaintiff or defendant of a case, seller or buyer of a "
        "sale, winner or loser of a match: 'Soria, the plaintiff,'.",
        {
            "party": "mention",
            "role": "text",
            "event": "text",
            "event_label": "text",
            "by_noun": "bool",
            "stated": "bool",
            "quoted": "bool",
        },
    ),
)

#: Modalities under which a frame gives no one a side: "if she sues", "asked him to sue".
_UNSTATED = frozenset({"hypothetical", "conditional", "requested"})


def _named(filler: Filler) -> bool:
    return filler.party is not None and filler.party.kind != "thing"


def _stated(frame: Frame) -> bool:
    return frame.polarity == "positive" and frame.modality not in _UNSTATED


def _end(filler: Filler, context: ExtractionContext) -> int:
    """Where a party's words end, with the name in apposition: "the journalist Maria Castillo"."""
    head = context.doc[filler.head]
    names = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > head.i]
    return max([filler.span.end, *(c.idx + len(c.text) for c in names)])


def _span(frame: Frame, fillers: list[Filler], context: ExtractionContext) -> Mention:
    """The frame's words from its trigger to the parties it gives sides to."""
    start = min([frame.trigger.start, *(f.span.start for f in fillers)])
    end = max([frame.trigger.end, *(_end(f, context) for f in fillers)])
    span = context.doc.char_span(start, end, alignment_mode="expand")
    return Mention.of(span, "") if span is not None else frame.trigger


def _claims(frames: list[Frame], context: ExtractionContext) -> Iterator[Claim]:
    lexicon = context.events.lexicon
    event_class = frames[0].event_class
    roles = lexicon.story_roles(event_class)
    held: dict[str, set[str]] = {}
    for frame in frames:
        if not frame.role_noun and _stated(frame):
            for filler in frame.roles:
                if filler.role in roles and _named(filler):
                    assert filler.party is not None
                    held.setdefault(filler.party.key, set()).add(filler.role)
    fixed = event_class in lexicon.fixed_roles
    if not fixed and not any(f.role_noun for f in frames):
        return  # nothing names a side of this event: its frames are compared elsewhere (TRF001)
    for frame in frames:
        # "the buyer" that refers back, or a title ("plaintiff Ana Soria"); not "a buyer",
        # "the biggest buyer", "buyers".
        title = context.doc[frame.trigger_index].dep_ == "compound"
        if frame.role_noun and (not (frame.reference.definite or title) or frame.reference.other_occasion):
            continue
        sided = [f for f in frame.roles if f.role in roles and _named(f)]
        for filler in sided:
            assert filler.party is not None
            if not frame.role_noun and not fixed and len(held.get(filler.party.key, ())) > 1:
                continue
            party = filler.span
            yield Claim(
                kind="story_role",
                span=_span(frame, sided, context),
                sentence=frame.sentence,
                values={
                    "party": Mention(party.start, party.end, party.text, filler.party.key),
                    "role": filler.role,
                    "event": context.events.event(frame),
                    "event_label": lexicon.labels[event_class],
                    "by_noun": frame.role_noun,
                    "stated": _stated(frame),
                    "quoted": frame.quoted,
                },
                attributed_to=frame.attribution,
                polarity=frame.polarity,
            )


def extract(context: ExtractionContext) -> Iterator[Claim]:
    layer = context.events
    by_event: dict[str, list[Frame]] = {}
    for frame in layer.frames:
        if layer.lexicon.story_roles(frame.event_class):
            by_event.setdefault(layer.event(frame), []).append(frame)
    for event in sorted(by_event):
        yield from _claims(by_event[event], context)
