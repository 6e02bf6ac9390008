"""Outcomes: who won and who lost a contest or an election, read from the event layer.

    "Rivera won Sunday's runoff."                  -> Rivera won the runoff
    "Rivera's defeat in the runoff ..."            -> Rivera lost the runoff
    "Rivera beat the incumbent, Ana Solis."        -> Rivera won, Ana Solis lost (one contest)
    "Solis was defeated by Rivera in the runoff."  -> Solis lost, Rivera won
    "Solis won the first round."                   -> Solis won the first round (another event)
    "Rivera did not win the runoff."               -> not claimed: a denial is no outcome
    '"Solis won the runoff," her aide said.'       -> quoted: never compared

Which event an outcome belongs to is the event layer's: the event word the frame
is about ("won [the runoff]", "defeat [in the runoff]"), else the frame's own
contest, when all of that contest's mentions are about one event word. The
opponent and the day are kept, so that "X beat Y" and "X's defeat to Z" stay two
contests. Only outcomes the article asserts are claimed true (no plan, fear,
denial or condition); whose words they are is kept apart from the article's
sources: "according to preliminary results" is the article reporting a count,
"her aide said" is someone's claim.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from spacy.tokens import Token

from factcheck.claims.extractors._syntax import mention, sentence_bounds
from factcheck.claims.model import Claim, ClaimKind, ExtractionContext
from factcheck.events import EventLayer, Filler, Frame, Party
from factcheck.nlp.entities import Mention, entity_span
from factcheck.nlp.speech import in_quotation, reported_speaker

KINDS = (
    ClaimKind(
        "outcome",
        "Who won or lost a contest or an election: 'Rivera won the runoff', 'Rivera's defeat'.",
        {
            "participant": "text",
            "participant_label": "mention",
            "outcome": "text",
            "opponent": "text",
            "event": "text",
            "event_label": "mention",
            "time": "text",
            "asserted": "bool",
            "quoted": "bool",
        },
    ),
)

#: role -> the outcome it tells about its filler.
_OUTCOMES = {"winner": "won", "loser": "lost"}
_OPPONENT = {"winner": "loser", "loser": "winner"}
#: Parties a contest is between: a description nobody named ("the team") is not one.
_SIDES = frozenset({"person", "organisation", "place", "group"})


def _key(party: Party) -> str:
    """Who a side is, across the tagger's guesses: "Solis" a person here, an unknown place there."""
    kind, _, rest = party.key.partition(":")
    if kind in {"person", "org", "name"} or (kind == "place" and rest.startswith("text:")):
        return "name:" + rest.removeprefix("text:")
    return party.key


def _about_events(frame: Frame, layer: EventLayer, at: Mapping[int, list[Frame]]) -> set[str]:
    return {layer.event(other) for index in frame.about for other in at.get(index, ())}


def _event_of(
    frame: Frame, layer: EventLayer, at: Mapping[int, list[Frame]], mentions: Mapping[str, list[Frame]]
) -> tuple[str, Frame] | None:
    """The event an outcome is of, and the mention that names it, or None when that is unclear."""
    own = _about_events(frame, layer, at)
    if len(own) > 1:
        return None
    if own:
        (event,) = own
        return event, mentions[event][0]
    contest = layer.event(frame)
    through = set().union(*(_about_events(f, layer, at) for f in mentions[contest]))
    if len(through) > 1:
        return None
    if through:
        (event,) = through
        return event, mentions[event][0]
    return contest, frame


def _is_local(token: Token, trigger: Token) -> bool:
    """A filler that hangs on the trigger itself ("Rivera's defeat", "beat Solis", "defeat by
    Rivera"), not one found up the tree ("Rivera won ..., defeating Solis": Rivera)."""
    head = token.head
    return head.i == trigger.i or (head.dep_ in {"prep", "agent"} and head.head.i == trigger.i)


def _phrase_range(token: Token) -> tuple[int, int]:
    """A filler with its modifiers and a name in apposition: "the incumbent, Ana Solis"."""
    start = min([token.i, *(c.left_edge.i for c in token.lefts if c.dep_ != "punct")])
    end = token.i + 1
    for child in token.children:
        if child.dep_ == "appos" and child.i > token.i:
            end = max(end, child.right_edge.i + 1)
    return start, end


def _span_tokens(frame: Frame, context: ExtractionContext) -> tuple[int, int]:
    """The trigger with its own fillers and event word: "Rivera's defeat in the runoff",
    "beating the incumbent, Ana Solis"."""
    doc = context.doc
    trigger = doc[frame.trigger_index]
    ends = [(trigger.i, trigger.i + 1)]
    for role in frame.roles:
        if _is_local(doc[role.head], trigger):
            ends.append(_phrase_range(doc[role.head]))
    for index in frame.about:
        ends.append(_phrase_range(doc[index]))
    return min(s for s, _ in ends), max(e for _, e in ends)


def _label(filler: Filler, context: ExtractionContext) -> Mention:
    """The participant as named: "Ana Solis" for "the incumbent, Ana Solis"."""
    token = context.doc[filler.head]
    named = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    return mention(entity_span(named)) if named is not None else filler.span


def _event_label(frame: Frame, layer: EventLayer) -> Mention:
    """The event word, or for a verb the noun its class names its event by: "beat" -> "match"."""
    if frame.form == "noun":
        return frame.trigger
    return Mention(frame.trigger.start, frame.trigger.end, layer.lexicon.labels[frame.event_class], "")


def _headline_description(filler: Filler, context: ExtractionContext) -> bool:
    """ "Challenger wins mayoral runoff": one capitalised word of the headline, read as an
    organisation's name, that no later line repeats is a description of a side
    ("Challenger", "Hosts"), not a side of its own."""
    party = filler.party
    if party is None or party.kind != "organisation" or " " in filler.span.text.strip():
        return False
    text = context.doc.text
    headline_end = text.find("\n")
    if headline_end < 0 or filler.span.start >= headline_end:
        return False
    # A first line that ends as a sentence ends is the story's first sentence, no headline.
    if text[:headline_end].rstrip()[-1:] in {".", "!", "?", '"', "”"}:
        return False
    return text.find(filler.span.text, headline_end) < 0


def _claims(
    frame: Frame,
    context: ExtractionContext,
    at: Mapping[int, list[Frame]],
    mentions: Mapping[str, list[Frame]],
) -> Iterator[Claim]:
    layer = context.events
    found = _event_of(frame, layer, at, mentions)
    if found is None:
        return
    event, named_by = found
    doc = context.doc
    trigger = doc[frame.trigger_index]
    asserted = (
        frame.polarity == "positive"
        and frame.modality == "asserted"
        and not frame.reference.other_occasion
        and not frame.reference.plural
    )
    for filler in frame.roles:
        outcome = _OUTCOMES.get(filler.role)
        if outcome is None or filler.party is None or filler.party.kind not in _SIDES:
            continue
        if _headline_description(filler, context):
            continue
        opponents = [_key(o.party) for o in frame.fillers(_OPPONENT[filler.role]) if o.party is not None]
        if _key(filler.party) in opponents:
            continue  # one side on both sides of one contest is a misread list, not an outcome
        opponent = opponents[0] if opponents else None
        start, end = _span_tokens(frame, context)
        yield Claim(
            kind="outcome",
            span=mention(doc[start:end]),
            sentence=sentence_bounds(trigger),
            values={
                "participant": _key(filler.party),
                "participant_label": _label(filler, context),
                "outcome": outcome,
                "opponent": opponent,
                "event": event,
                "event_label": _event_label(named_by, layer),
                "time": frame.time.text.lower() if frame.time is not None else None,
                "asserted": asserted,
                "quoted": frame.quoted or in_quotation(trigger),
            },
            attributed_to=reported_speaker(trigger),
        )


def extract(context: ExtractionContext) -> Iterator[Claim]:
    layer = context.events
    at: dict[int, list[Frame]] = {}
    mentions: dict[str, list[Frame]] = {}
    for frame in layer.frames:
        at.setdefault(frame.trigger_index, []).append(frame)
        mentions.setdefault(layer.event(frame), []).append(frame)
    # Every class whose roles tell who won or lost (contest today), as the lexicon says.
    deciding = {name for name, roles in layer.lexicon.roles.items() if _OUTCOMES.keys() & roles.keys()}
    for frame in layer.of_class(*sorted(deciding)):
        yield from _claims(frame, context, at, mentions)
