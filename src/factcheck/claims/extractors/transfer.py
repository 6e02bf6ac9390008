"""Transfer and offer: who gives what to whom, and how firmly.

"Putin commits to providing North Korea with space tech."
    -> giver Putin (Russia), receiver North Korea, thing "space tech", committed
"Putin proposed that North Korea provide technological support."
    -> giver North Korea, receiver Putin (implied: the one who asks), requested
"A sells grain to B while B sells fertiliser to A."
    -> two transfers of different things (a reciprocal deal, not a reversal)
"Moscow has been cautious about passing on technology to Pyongyang."
    -> nothing: the giving is only weighed, not stated
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from factcheck.claims.extractors._syntax import (
    is_negated,
    mention,
    phrase,
    prep_objects,
    sentence_bounds,
    subject_of,
)
from factcheck.claims.model import Claim, ClaimKind, ExtractionContext
from factcheck.nlp.entities import Mention
from factcheck.nlp.lexicon import word_map, words
from factcheck.nlp.speech import attribution

KINDS = (
    ClaimKind(
        "transfer",
        "One party giving, offering or supplying something to another: "
        "'Putin commits to providing North Korea with space tech'.",
        {
            "giver": "mention",
            "receiver": "mention",
            "thing": "mention",
            "verb": "mention",
            "force": "text",
            "giver_side": "text",
            "receiver_side": "text",
            "thing_stems": "texts",
            "receiver_implied": "bool",
        },
    ),
)

_PARTY_ENTITIES = frozenset({"GPE", "LOC", "FAC", "PERSON", "ORG"})
_MODAL_FORCE = {
    "will": "future",
    "shall": "future",
    "'ll": "future",
    "would": "possible",
    "could": "possible",
    "may": "possible",
    "might": "possible",
    "can": "possible",
}


@dataclass(slots=True)
class _Transfer:
    verb: Token
    giver: Token | None
    receiver: Token | None
    thing: Token | None
    force: str
    receiver_implied: bool = False


@cache
def _stem_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for stem, members in word_map("things", "synonyms").items():
        for member in members:
            index[member] = stem
    return index


def thing_stems(span: Span) -> tuple[str, ...]:
    """Content words of what is given, folded to shared stems, generic heads dropped."""
    generic = words("transfer", "generic_things")
    index = _stem_index()
    stems = set()
    for token in span:
        if token.ent_type_ == "MONEY":
            # "$1bn", "£300m": an amount of money is money, whatever the figure.
            stems.add("money")
            continue
        if token.pos_ not in {"NOUN", "PROPN", "ADJ"} or token.ent_type_ in _PARTY_ENTITIES:
            continue
        lemma = token.lemma_.lower()
        if lemma in generic or token.lower_ in generic:
            continue
        stems.add(index.get(token.lower_, index.get(lemma, lemma)))
    return tuple(sorted(stems))


def _is_hypothetical(verb: Token) -> bool:
    heads = words("transfer", "hypothetical_heads")
    current = verb
    for _ in range(4):
        if current.lemma_.lower() in heads:
            return True
        if current.head.i == current.i:
            break
        current = current.head
    return False


def _force(verb: Token) -> str:
    force_verbs = word_map("transfer", "force_verbs")
    current = verb
    for _ in range(3):
        for child in current.children:
            if child.dep_ == "aux" and child.lower_ in _MODAL_FORCE:
                return _MODAL_FORCE[child.lower_]
        if current.lemma_.lower() in force_verbs and current.i != verb.i:
            return str(force_verbs[current.lemma_.lower()])
        if current.dep_ not in {"xcomp", "pcomp", "pobj", "prep"}:
            break
        current = current.head
    if verb.lemma_.lower() in force_verbs:
        return str(force_verbs[verb.lemma_.lower()])
    return "stated"


def _request(verb: Token) -> Token | None:
    """The asking verb when ``verb`` is its mandative clause: "proposed that B provide"."""
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in words("transfer", "request_verbs"):
        return None
    has_aux = any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
    # "proposed that B provide" (bare form after a past verb) asks; "will provide" predicts.
    return verb.head if verb.tag_ in {"VB", "VBP"} and not has_aux else None


def _gives(verb: Token, is_party: Callable[[Token], bool]) -> _Transfer:
    withs = [obj for _, obj in prep_objects(verb, frozenset({"with"}))]
    tos = [obj for _, obj in prep_objects(verb, frozenset({"to"}))]
    agents = [obj for _, obj in prep_objects(verb, frozenset({"by"}))]
    dative = next((c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"), None)
    dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    passive_subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if passive_subject is not None:
        # "B was supplied with X by A" / "X was supplied to B by A"
        giver = agents[0] if agents else None
        if withs:
            return _Transfer(verb, giver, passive_subject, withs[0], _force(verb))
        return _Transfer(verb, giver, tos[0] if tos else None, passive_subject, _force(verb))
    receiver: Token | None
    thing: Token | None
    if withs and dobj is not None:
        receiver, thing = dobj, withs[0]
    elif dative is not None:
        receiver, thing = dative, dobj
    elif dobj is not None and not tos and is_party(dobj):
        # "Russia will supply North Korea": what is given goes unnamed.
        receiver, thing = dobj, None
    elif (
        dobj is not None
        and not tos
        and (hidden := next((c for c in dobj.lefts if c.dep_ in {"nmod", "compound"} and is_party(c)), None))
    ):
        # "France offered India technological support": the parser folds the
        # receiver into the thing's noun phrase.
        receiver, thing = hidden, dobj
    else:
        receiver, thing = (tos[0] if tos else None), dobj
    request = _request(verb)
    giver = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if giver is None and request is None:
        giver = subject_of(verb)
    if request is not None:
        asker = subject_of(request)
        if receiver is None and asker is not None:
            return _Transfer(verb, giver, asker, thing, "requested", receiver_implied=True)
        return _Transfer(verb, giver, receiver, thing, "requested")
    return _Transfer(verb, giver, receiver, thing, _force(verb))


def _receives(verb: Token) -> _Transfer:
    froms = [obj for _, obj in prep_objects(verb, frozenset({"from"}))]
    thing = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return _Transfer(verb, froms[0] if froms else None, subject_of(verb), thing, _force(verb))


def _transfers(context: ExtractionContext) -> Iterator[_Transfer]:
    give = words("transfer", "give_verbs")
    receive = words("transfer", "receive_verbs")

    def is_party(token: Token) -> bool:
        return context.entities.side(token) is not None

    nominal = words("transfer", "give_nouns")
    for token in context.doc:
        if _is_hypothetical(token):
            continue
        lemma = token.lemma_.lower()
        if token.pos_ == "NOUN" and lemma in nominal:
            found = _given_by_noun(token)
            if found is not None:
                yield found
            continue
        if token.pos_ != "VERB":
            continue
        if lemma in give:
            yield _gives(token, is_party)
        elif lemma in receive:
            yield _receives(token)


def _given_by_noun(noun: Token) -> _Transfer | None:
    """Read a noun of giving: "Russia's supply of arms to North Korea".

    All three parts must be named in the phrase: a bare "arms sales" says nothing
    about who gives to whom.
    """
    giver = next((c for c in noun.children if c.dep_ == "poss"), None)
    things = [obj for _, obj in prep_objects(noun, frozenset({"of"}))]
    receivers = [obj for _, obj in prep_objects(noun, frozenset({"to"}))]
    if giver is None or not things or not receivers:
        return None
    return _Transfer(noun, giver, receivers[0], things[0], "stated")


def _party(token: Token, context: ExtractionContext) -> tuple[Mention, str] | None:
    side = context.entities.side(token)
    if side is None:
        return None
    place = context.entities.place_span(token)
    person = context.entities.persons.get(token.i)
    span = place[0] if place else person[0] if person else None
    return (mention(span, side) if span is not None else mention(token, side)), side


def extract(context: ExtractionContext) -> Iterator[Claim]:
    for item in _transfers(context):
        if item.giver is None or item.receiver is None:
            continue
        giver = _party(item.giver, context)
        receiver = _party(item.receiver, context)
        if giver is None or receiver is None or giver[1] == receiver[1]:
            continue
        doc = context.doc
        if item.thing is not None:
            thing_span = phrase(item.thing)
            stems = thing_stems(thing_span)
            if not stems:
                continue
        else:
            # Unnamed goods are compared by the giving verb: "will supply" vs "will supply".
            thing_span = doc[item.verb.i : item.verb.i + 1]
            stems = (f"{item.verb.lemma_.lower()} (unnamed)",)
        start = min(item.verb.idx, giver[0].start, receiver[0].start, thing_span.start_char)
        end = max(item.verb.idx + len(item.verb), giver[0].end, receiver[0].end, thing_span.end_char)
        span = doc.char_span(start, end, alignment_mode="expand")
        yield Claim(
            kind="transfer",
            span=mention(span) if span is not None else mention(item.verb),
            sentence=sentence_bounds(item.verb),
            values={
                "giver": giver[0],
                "receiver": receiver[0],
                "thing": mention(thing_span, " ".join(stems)),
                "verb": mention(item.verb),
                "force": item.force,
                "giver_side": giver[1],
                "receiver_side": receiver[1],
                "thing_stems": stems,
                "receiver_implied": item.receiver_implied,
            },
            attributed_to=attribution(item.verb),
            polarity="negative" if is_negated(item.verb) else "positive",
        )
