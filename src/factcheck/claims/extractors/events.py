"""Event location: where a meeting-like event took place, and which event it is.

    "During a summit in South Korea, Kim pledged ..."   -> summit @ South Korea
    "The four-hour meeting in Russia's Far East ..."     -> the same event @ Russia's Far East
    "The two last met in Russia in 2019."                -> a different, earlier event

Mentions are resolved to events in text order. The first plain mention opens the
event being reported; a later definite mention ("the meeting", "their talks", "the
Wednesday summit") or a clause ("the leaders met in ...") refers back to it unless
its time differs (a year on one side only differs too) or it names other people.
A mention marked as another occasion ("last", "next", "previous", "planned",
"met again") or an indefinite later mention ("a meeting in Paris") opens an event
of its own, so two meetings in two places are never merged by accident.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from factcheck.claims.extractors._syntax import (
    attribution,
    is_negated,
    mention,
    prep_objects,
    sentence_bounds,
)
from factcheck.claims.model import Claim, ClaimKind, ExtractionContext
from factcheck.nlp.entities import Mention, entity_span
from factcheck.nlp.lexicon import words

KINDS = (
    ClaimKind(
        "event_location",
        "A meeting-like event and the place it happened: 'a summit in South Korea'.",
        {
            "event": "text",
            "event_label": "mention",
            "place": "mention",
            "time": "text",
            "participants": "texts",
            "bare": "bool",
        },
    ),
)

_PLACE_PREPS = frozenset({"in", "at"})
_OTHER_OCCASION_TIMES = frozenset(
    {"next", "last", "previous", "earlier", "later", "coming", "past", "ago", "prior", "following"}
)
_ANOTHER_TIME = frozenset(
    {
        "previously",
        "again",
        "before",
        "earlier",
        "once",
        "often",
        "regularly",
        "twice",
        "already",
        "never",
        "since",
    }
)
_TIME_PREPS = frozenset({"on", "in", "during"})
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)


@dataclass(slots=True)
class EventMention:
    trigger: Token
    is_clause: bool
    label: Mention
    place: Mention | None
    time: str | None
    distinct: bool
    definite: bool
    participants: tuple[str, ...]
    event: str = ""


def _time_of(token: Token) -> str | None:
    """A DATE entity attached to the event: "on Wednesday", "in 2019", "Wednesday summit".

    An event noun that is the subject or object of a clause takes the clause's time:
    "On Tuesday the meeting in London focused on trade".
    """
    for child in token.children:
        if child.ent_type_ == "DATE" and child.dep_ in {"compound", "nmod", "npadvmod", "poss", "amod"}:
            return _date_text(child)
    for _, obj in prep_objects(token, _TIME_PREPS):
        if obj.ent_type_ == "DATE":
            return _date_text(obj)
    if token.dep_ in {"nsubj", "nsubjpass", "dobj"} and token.head.i != token.i:
        clause = token.head
        for child in clause.children:
            if child.ent_type_ == "DATE" and child.dep_ in {"npadvmod", "tmod"}:
                return _date_text(child)
        for _, obj in prep_objects(clause, _TIME_PREPS):
            if obj.ent_type_ == "DATE":
                return _date_text(obj)
    return None


def _date_text(token: Token) -> str:
    return entity_span(token).text.lower().removesuffix("'s").removesuffix("’s").strip()


def _place_of(token: Token, context: ExtractionContext) -> Mention | None:
    for _, obj in prep_objects(token, _PLACE_PREPS):
        found = context.entities.place_mention(obj)
        if found is not None:
            return found
    clause_place = _place_of_clause(token, context)
    if clause_place is not None:
        return clause_place
    for child in token.children:
        # "the summit, held in Helsinki"
        if child.dep_ in {"acl", "relcl"} and child.lemma_ in {"hold", "take", "stage", "host"}:
            for _, obj in prep_objects(child, _PLACE_PREPS):
                found = context.entities.place_mention(obj)
                if found is not None:
                    return found
        # "the Vladivostok summit"
        if child.dep_ in {"compound", "nmod"}:
            found = context.entities.place_mention(child)
            if found is not None:
                return found
    return None


def _place_of_clause(token: Token, context: ExtractionContext) -> Mention | None:
    """The place a clause gives its event noun.

    "The talks took place in Geneva."          (subject of a verb of happening)
    "In Geneva, the two leaders held talks."    (object of a verb of holding)
    "Geneva hosted the summit."                 (a place as the host)
    "Kim arrived in Geneva for the summit."     (the purpose of a trip)
    """
    head = token.head
    if head.i == token.i:
        return None
    verb: Token | None = None
    lemma = head.lemma_.lower()
    if token.dep_ in {"nsubj", "nsubjpass"} and lemma in words("events", "happening_verbs"):
        verb = head
    elif token.dep_ == "dobj" and lemma in words("events", "holding_verbs"):
        verb = head
        for subject in head.children:
            if subject.dep_ == "nsubj" and lemma == "host":
                found = context.entities.place_mention(subject)
                if found is not None:
                    return found
    elif (
        token.dep_ == "pobj"
        and head.lower_ == "for"
        and head.head.pos_ in {"VERB", "AUX"}
        and head.head.lemma_.lower() in words("events", "arrival_verbs")
    ):
        verb = head.head
    if verb is None:
        return None
    for _, obj in prep_objects(verb, _PLACE_PREPS):
        found = context.entities.place_mention(obj)
        if found is not None:
            return found
    return None


def _times_conflict(first: str | None, second: str | None) -> bool:
    """Two stated times that cannot be one occasion.

    A year on one side only is another occasion too: "the two met in Russia in
    2019" is not this week's summit; so is a relative time on one side ("talks in
    Geneva next month", "the talks last year").
    """
    has_year = [bool(re.search(r"\b(1[89]\d\d|20\d\d)\b", t or "")) for t in (first, second)]
    if has_year[0] != has_year[1]:
        return True
    # "next month", "last year", "two weeks ago" name another occasion than the one reported.
    relative = [bool(set((t or "").split()) & _OTHER_OCCASION_TIMES) for t in (first, second)]
    if any(relative) and first != second:
        return True
    if first is None or second is None or first == second:
        return False

    def parts(text: str) -> tuple[set[str], set[str], set[str]]:
        years = set(re.findall(r"\b(1[89]\d\d|20\d\d)\b", text))
        weekdays = {w for w in _WEEKDAYS if w in text}
        months = {m for m in _MONTHS if m in text}
        return years, weekdays, months

    return any(a and b and not (a & b) for a, b in zip(parts(first), parts(second), strict=True))


def _is_bare(token: Token) -> bool:
    """A plain back-reference: "the meeting", "their talks", with nothing that describes it anew."""
    return not any(
        c.dep_ not in {"det", "punct"} and not (c.dep_ == "poss" and c.pos_ == "PRON") for c in token.lefts
    )


def _participants(token: Token, context: ExtractionContext) -> tuple[str, ...]:
    keys = set()
    for other in token.sent:
        person = context.entities.persons.get(other.i)
        if person is not None:
            keys.add(person[1])
    return tuple(sorted(keys))


def _mentions(context: ExtractionContext) -> Iterator[EventMention]:
    nouns = words("events", "nouns")
    verbs = words("events", "verbs")
    plural_ok = words("events", "singular_when_plural")
    other = words("events", "other_event_modifiers")
    definite_words = words("events", "definite_determiners")
    for token in context.doc:
        lemma = token.lemma_.lower()
        if token.pos_ in {"NOUN", "PROPN"} and (lemma in nouns or token.lower_ in nouns):
            if token.dep_ == "compound":
                continue
            if token.tag_ in {"NNS", "NNPS"} and token.lower_ not in plural_ok:
                continue
            modifiers = [
                c for c in token.children if c.dep_ in {"amod", "det", "nummod", "advmod", "compound"}
            ]
            distinct = any(m.lower_ in other or m.lemma_.lower() in other for m in modifiers)
            distinct = distinct or any(m.tag_ == "JJS" or m.ent_type_ == "ORDINAL" for m in modifiers)
            determiners = [c for c in token.children if c.dep_ in {"det", "poss"}]
            definite = (
                any(c.lower_ in definite_words for c in determiners)
                or any(
                    c.dep_ in {"compound", "poss", "nmod"} and c.ent_type_ == "DATE" for c in token.children
                )
                # "During talks in Canada": a bare plural that names one event.
                or (not determiners and token.lower_ in plural_ok)
            )
            yield EventMention(
                token,
                False,
                mention(token),
                _place_of(token, context),
                _time_of(token),
                distinct,
                definite,
                _participants(token, context),
            )
        elif (
            lemma in verbs
            # A headline verb the tagger calls a noun: "Biden and Xi meet in San Francisco".
            and (token.pos_ == "VERB" or any(c.dep_ == "nsubj" for c in token.children))
            and not is_negated(token)
        ):
            # "the two last met in ...", "had previously met", "met again"
            distinct = any(
                c.lower_ in other or c.lower_ in _ANOTHER_TIME
                for c in token.children
                if c.dep_ in {"advmod", "npadvmod", "prep"}
            )
            # The label names the event, not the verb: "The meeting is placed in ...".
            label = Mention(token.idx, token.idx + len(token.text), "meeting", "")
            yield EventMention(
                token,
                True,
                label,
                _place_of(token, context),
                _time_of(token),
                distinct,
                False,
                _participants(token, context),
            )


def _same_people(first: EventMention, second: EventMention) -> bool:
    """Two mentions that both name their people must share one to be one event."""
    if not first.participants or not second.participants:
        return True
    return bool(set(first.participants) & set(second.participants))


def resolve_events(mentions: list[EventMention]) -> None:
    """Give each mention its event id, in text order (see the module docstring)."""
    reported: EventMention | None = None
    count = 0
    for item in mentions:
        if (
            reported is not None
            and not item.distinct
            and (item.definite or item.is_clause)
            and not _times_conflict(reported.time, item.time)
            and _same_people(reported, item)
        ):
            item.event = reported.event
            reported.time = reported.time or item.time
            continue
        count += 1
        item.event = f"event{count}"
        if reported is None and not item.distinct:
            reported = item


def extract(context: ExtractionContext) -> Iterator[Claim]:
    mentions = list(_mentions(context))
    resolve_events(mentions)
    for item in mentions:
        if item.place is None:
            continue
        trigger = item.trigger
        span_end = max(item.place.end, item.label.end)
        start = min(item.label.start, item.place.start)
        if not trigger.left_edge.idx <= item.place.start < trigger.right_edge.idx + len(trigger.right_edge):
            # The place came from the clause ("Kim arrived in X for the summit"): quote the clause.
            clause = trigger.head if trigger.dep_ != "pobj" else trigger.head.head
            start = min(start, clause.idx)
            span_end = max(span_end, clause.idx + len(clause.text))
            subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is not None and subject.left_edge.idx < start and subject.i != trigger.i:
                start = subject.left_edge.idx
        doc = context.doc
        span = doc.char_span(start, span_end, alignment_mode="expand")
        yield Claim(
            kind="event_location",
            span=mention(span) if span is not None else item.label,
            sentence=sentence_bounds(trigger),
            values={
                "event": item.event,
                "event_label": item.label,
                "place": item.place,
                "time": item.time,
                "participants": item.participants,
                "bare": _is_bare(trigger),
            },
            attributed_to=attribution(trigger),
            polarity="negative" if is_negated(trigger) else "positive",
        )
