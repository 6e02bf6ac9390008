"""The score of a match, read from the event layer's contest frames.

    "Haddad's goal gives Jordan 2-1 win over Lebanon"   -> contest#1 ended 2-1
    "Jordan beat Lebanon 2-1 in Amman"                  -> the same match, 2-1
    "Lebanon lost 1-2 to Jordan", "the 2-1 victory"     -> 2-1: a score is the same read either way
    "The match ended 1-1"                               -> 1-1
    "a 3-2 win on aggregate", "won 4-3 on penalties"    -> another measure of the tie: its basis
    "a 6-3 3-6 6-2 win"                                 -> nothing: the scores of its sets

A score is the goals of the two sides, the larger first. Which mentions are one
match is the event layer's business (events/identity.py): "a 1-1 draw in Beirut
last week" is another match, and so is Saturday's final.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from factcheck.claims.extractors._syntax import mention
from factcheck.claims.model import Claim, ClaimKind, ExtractionContext
from factcheck.events import Frame
from factcheck.events.lexicon import NOUN
from factcheck.nlp.entities import Mention
from factcheck.nlp.lexicon import word_set

KINDS = (
    ClaimKind(
        "match_score",
        "The score of a match: 'a 2-1 win over Lebanon', 'beat Fiji 3-1', 'the match ended 1-1'.",
        {
            "event": "text",
            "event_label": "mention",
            "score": "mention",
            "winner_goals": "number",
            "loser_goals": "number",
            "basis": "text",
            "quoted": "bool",
        },
    ),
)

_DASHES = frozenset({"-", "–"})
#: The most goals, points or sets a side's score is read as; more is not a match score.
_MOST = 199
#: How many words of the object may come between a verb and its score: "beat the visiting side 2-1".
_OBJECT_WORDS = 4


def _score_at(doc: Doc, start: int) -> tuple[int, int, int] | None:
    """(first goals, second goals, end) for "2-1" written as three tokens from ``start``."""
    if start < 0 or start + 2 >= len(doc):
        return None
    first, dash, second = doc[start], doc[start + 1], doc[start + 2]
    if dash.text not in _DASHES or not (first.text.isdecimal() and second.text.isdecimal()):
        return None
    # "2-1", not "2 - 1" in a list or a range with spaces.
    if first.whitespace_ or dash.whitespace_:
        return None
    a, b = int(first.text), int(second.text)
    if a > _MOST or b > _MOST:
        return None
    # "a 6-3 3-6 6-2 win": scores of sets in a row, no one score of the match.
    if _plain_score(doc, start + 3) or _plain_score(doc, start - 3):
        return None
    return a, b, start + 3


def _plain_score(doc: Doc, start: int) -> bool:
    if start < 0 or start + 2 >= len(doc):
        return False
    first, dash, second = doc[start], doc[start + 1], doc[start + 2]
    return first.text.isdecimal() and dash.text in _DASHES and second.text.isdecimal()


def _noun_score(token: Token) -> tuple[int, int, int, int] | None:
    """ "the 3-1 win", "Norway's 2-0 victory": a score in the noun's own words before it."""
    doc = token.doc
    for start in range(token.left_edge.i, token.i - 2):
        found = _score_at(doc, start)
        if found is not None and found[2] <= token.i:
            return start, *found
    return None


def _verb_score(verb: Token) -> tuple[int, int, int, int] | None:
    """ "won 2-0", "beat Chile 2-1", "drew 1-1 with Peru": a score right after the verb or its object."""
    doc = verb.doc
    for start in range(verb.i + 1, min(verb.i + 1 + _OBJECT_WORDS + 1, len(doc))):
        found = _score_at(doc, start)
        if found is not None:
            return start, *found
        # The score comes before any preposition, clause or punctuation: "beat the hosts 2-1".
        if doc[start].pos_ not in {"PROPN", "NOUN", "DET", "ADJ"}:
            return None
    return None


def _predicate_score(token: Token) -> tuple[int, int, int, int] | None:
    """ "The match ended 1-1": a score a verb of ending gives its subject."""
    if token.dep_ != "nsubj" or token.head.lemma_.lower() not in word_set("units", "score_verbs"):
        return None
    return _verb_score(token.head)


def _basis(frame: Frame, doc: Doc, score_end: int) -> str:
    """What a score is counted on, when not the match itself: "on aggregate", "on penalties"."""
    bases = word_set("units", "score_bases")
    trigger = doc[frame.trigger_index]
    words = [c for c in trigger.children if c.dep_ in {"amod", "compound", "nmod"}]
    words += [o for p in trigger.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    # "won 3-2 on aggregate": the parser may hang the basis on the score.
    words += [t for t in doc[score_end : min(score_end + 3, len(doc))] if t.dep_ == "pobj"]
    for word in words:
        if word.lemma_.lower() in bases or word.lower_ in bases:
            return word.lemma_.lower()
    return ""


def extract(context: ExtractionContext) -> Iterator[Claim]:
    doc = context.doc
    layer = context.events
    lexicon = layer.lexicon
    for frame in layer.of_class("contest"):
        if frame.polarity == "negative" or frame.reference.plural:
            continue
        trigger = doc[frame.trigger_index]
        if frame.form == NOUN:
            found = _noun_score(trigger) or _predicate_score(trigger)
        else:
            found = _verb_score(trigger)
        if found is None:
            continue
        start, a, b, end = found
        first, last = min(start, trigger.i), max(end, trigger.i + 1)
        label = (
            frame.trigger
            if frame.form == NOUN
            else Mention(frame.trigger.start, frame.trigger.end, lexicon.labels[frame.event_class], "")
        )
        yield Claim(
            kind="match_score",
            span=mention(doc[first:last]),
            sentence=frame.sentence,
            values={
                "event": layer.event(frame),
                "event_label": label,
                "score": mention(doc[start:end]),
                "winner_goals": float(max(a, b)),
                "loser_goals": float(min(a, b)),
                "basis": _basis(frame, doc, end),
                "quoted": frame.quoted,
            },
            attributed_to=frame.attribution,
        )
