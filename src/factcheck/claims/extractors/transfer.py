"""Transfers: who gives what to whom, read from the event layer's transfer frames.

Every wording the frame lexicon reads gives the same claim (data/frames.yaml,
class "transfer"): giving and taking verbs, passives, relative clauses and
nouns of giving.

    "Uzbekistan will supply Georgia with 300,000 tonnes of cotton."
        -> giver Uzbekistan, receiver Georgia, thing cotton (300,000 tonnes); future
    "Georgia's pledge to supply Uzbekistan with cotton"
        -> giver Georgia, receiver Uzbekistan, thing cotton
    "The 40 turbines Norvik will buy from Teller Wind"
        -> giver Teller Wind, receiver Norvik, thing: an amount of 40 turbines
    "Helix announced the sale of its stake to Orbis."
        -> giver Helix (whose stake it is), receiver Orbis, thing stake
    "Putin proposed that North Korea provide technological support."
        -> giver North Korea, receiver Putin (implied: the one who asks); requested
    "Paris has been cautious about passing on technology to Tehran."
        -> the giving is only weighed: not stated
    "The museum returned the statue to Athens."
        -> a giving back: never a reversal of the loan that took it away

What is given is described so that two passages can be compared: the word it is
named by ("wheat" in "600,000 tonnes of wheat", "tech" in "technological
support"), what tells it from others of its kind ("hydroelectric" power, a stake
"in" one mine), and the amount in its unit. Parties are compared by side (a
country for its capital, its state company, its nationals; an organisation for
itself unless the article ties it to a place), as the party layer gives them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from factcheck.claims.extractors._amounts import read_amounts, read_count
from factcheck.claims.extractors._syntax import mention
from factcheck.claims.model import Claim, ClaimKind, ExtractionContext
from factcheck.events import Filler, Frame, FrameLexicon, Party
from factcheck.events.slots import subject
from factcheck.nlp.entities import Mention, entity_of
from factcheck.nlp.lexicon import data_file, word_map, words
from factcheck.nlp.speech import speaker

KINDS = (
    ClaimKind(
        "transfer",
        "One party giving, selling, lending or supplying something to another: "
        "'Putin commits to providing North Korea with space tech'.",
        {
            "giver": "mention",
            "receiver": "mention",
            "thing": "mention",
            "verb": "mention",
            "giver_side": "text",
            "receiver_side": "text",
            "thing_stems": "texts",
            "thing_head": "text",
            "thing_modifiers": "texts",
            "thing_unit": "text",
            "thing_low": "number",
            "thing_high": "number",
            "modality": "text",
            "stated": "bool",
            "others_plan": "bool",
            "receiver_implied": "bool",
            "back": "bool",
            "other_occasion": "bool",
            "quoted": "bool",
            "event": "text",
            "time": "text",
            "dated": "bool",
        },
    ),
)

#: Modalities under which nothing is said to be given: "cautious about passing on", "if it sells".
_UNSTATED = frozenset({"hypothetical", "conditional"})
#: Modalities of what is yet to happen: someone's plan, forecast or request.
_UNREALISED = frozenset({"future", "possible", "planned", "requested"})
#: Entity types of words that count or date a thing rather than describe it.
_AMOUNT_TYPES = frozenset({"CARDINAL", "QUANTITY", "PERCENT", "MONEY", "DATE", "TIME", "ORDINAL"})
#: Prepositions that are the frame's own roles, never a description of the thing.
_ROLE_PREPS = frozenset({"to", "from", "for", "by", "with"})
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@dataclass(frozen=True, slots=True)
class Thing:
    """What a transfer gives, as far as its words tell.

    "up to 600,000 tonnes of wheat": head "wheat", unit "tonne", 600,000;
    "its 45 percent stake": head "stake", unit "percent", 45; "the 500 megawatts":
    no head, unit "megawatt", 500.
    """

    head: str | None
    #: "slot:word", slot "mod" for the words before it, or the preposition: "in:mine".
    modifiers: tuple[str, ...]
    unit: str | None
    low: float | None
    high: float | None

    @property
    def stems(self) -> tuple[str, ...]:
        found = {m.split(":", 1)[1] for m in self.modifiers if m.startswith("mod:")}
        if self.head is not None:
            found.add(self.head)
        return tuple(sorted(found))


@cache
def _stem_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for stem, members in word_map("things", "synonyms").items():
        for member in members:
            index[member] = stem
    return index


def _stem(token: Token) -> str:
    index = _stem_index()
    return index.get(token.lower_, index.get(token.lemma_.lower(), token.lemma_.lower()))


def _is_generic(token: Token) -> bool:
    generic = words("transfer", "generic_things")
    return token.lemma_.lower() in generic or token.lower_ in generic


def _is_measure(token: Token) -> bool:
    measures = words("transfer", "measure_nouns")
    return token.lemma_.lower() in measures or token.lower_ in measures


def _number(token: Token) -> tuple[float, float | None] | None:
    """The amount a counted noun is given in: "600,000 tonnes", "1.5 million barrels".

    Only the figure is read ("up to 500" is 500): two amounts of one thing agree when
    their figures do, whatever hedges them.
    """
    scales = data_file("units")["scales"]
    for child in token.children:
        if child.dep_ != "nummod":
            continue
        parts = [t for t in child.subtree if t.like_num or t.lower_ in scales]
        if not parts:
            continue
        amount = read_count(" ".join(t.text for t in parts), 0)
        if amount is not None:
            return amount.low, amount.high
    return None


def _of_object(token: Token) -> Token | None:
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def _content_words(token: Token) -> list[Token]:
    return [
        t
        for t in token.subtree
        if t.pos_ in {"NOUN", "PROPN", "ADJ"}
        and not (t.is_stop and t.pos_ != "NOUN")
        and t.ent_type_ not in _AMOUNT_TYPES
    ]


def read_thing(
    token: Token, parties: tuple[Party, ...], context: ExtractionContext, beside: frozenset[int] = frozenset()
) -> Thing | None:
    """What a theme filler names; None when its words say nothing about it ("support").

    ``beside`` are the frame's other fillers the parser may have put in the theme's
    phrase ("offered India technological support"): they are no description of it.
    """
    money = _money(token)
    if money is not None:
        return money
    head: Token | None = token
    unit: str | None = None
    amount = _number(token)
    measured = _of_object(token)
    if _is_measure(token) or (amount is not None and measured is not None):
        # "600,000 tonnes of wheat": the tonnes measure the wheat; "the 500 megawatts": a bare amount.
        unit, head = token.lemma_.lower(), measured
    elif amount is not None:
        unit = token.lemma_.lower()  # "40 tanks": counted in tanks
    if head is not None and amount is None:
        for child in head.lefts:
            # "its 45 percent stake", "a 500-megawatt line"
            if child.dep_ in {"compound", "amod", "nmod"} and _is_measure(child):
                found = _number(child)
                if found is not None:
                    unit, amount = child.lemma_.lower(), found
    modifiers: set[str] = set()
    word: str | None = None
    if head is not None:
        described = [
            c
            for c in head.lefts
            if c.dep_ in {"amod", "compound", "nmod"}
            and c.ent_type_ not in _AMOUNT_TYPES
            and not c.like_num
            and not _is_measure(c)
            and not _is_generic(c)
            and c.i not in beside
        ]
        if _is_generic(head):
            # "technological support" is tech; "military aid" is military.
            head = described.pop() if described else None
        if head is not None:
            word = _stem(head)
            modifiers.update(f"mod:{_stem(c)}" for c in described if c.i != head.i)
            for child in head.children:
                modifiers.update(_described_by(child, parties, context))
    if word is None and amount is None:
        return None
    low, high = amount if amount is not None else (None, None)
    return Thing(word, tuple(sorted(modifiers)), unit, low, high)


def _money(token: Token) -> Thing | None:
    """A sum of money given ("lent $40 million to B"): the thing is the sum, in its currency.

    Its head word ("million") names no kind of thing, so two sums compare by amount:
    "$40 million" is "$40m", not "$12 million".
    """
    if token.ent_type_ != "MONEY":
        return None
    entity = entity_of(token)
    if entity is None:
        return None
    amounts = read_amounts(entity.text, 0, "money")
    if not amounts:
        return None
    return Thing(None, (), amounts[0].unit, amounts[0].low, amounts[0].high)


def _described_by(child: Token, parties: tuple[Party, ...], context: ExtractionContext) -> set[str]:
    """What a word beside the thing tells about which one it is: an owner other than the
    parties ("Tamura's stake"), or a preposition ("a stake in the Vale mine")."""
    if child.dep_ == "poss":
        owner = context.parties.party(child)
        if owner is None or any(owner.key == p.key or owner.side == p.side for p in parties):
            return set()
        return {f"owner:{owner.key}"}
    if child.dep_ == "prep" and child.lower_ not in _ROLE_PREPS:
        return {
            f"{child.lower_}:{_stem(t)}"
            for obj in child.children
            if obj.dep_ == "pobj"
            for t in _content_words(obj)
        }
    return set()


def _asker(frame: Frame, context: ExtractionContext) -> Filler | None:
    """Who asks in "Putin proposed that North Korea provide X": the implied receiver."""
    requests = context.events.lexicon.modality["requested"]
    current = context.doc[frame.trigger_index]
    for _ in range(4):
        if current.dep_ not in {"ccomp", "xcomp", "conj"} or current.head.i == current.i:
            return None
        current = current.head
        if current.lemma_.lower() in requests:
            asker = subject(current)
            if asker is None:
                return None
            party = context.parties.party(asker)
            span = context.doc[asker.i : asker.i + 1]
            if asker.ent_type_:
                ent = entity_of(asker)
                span = ent if ent is not None else span
            return Filler("receiver", "asker", asker.i, Mention.of(span, ""), party)
    return None


def _is_homeward(frame: Frame, lexicon: FrameLexicon) -> bool:
    table = lexicon.verbs if frame.form == "verb" else lexicon.nouns
    return any(
        s.homeward
        for s in table.get(frame.lemma, ())
        if s.event_class == frame.event_class and s.index == frame.sense
    )


def _under_another(trigger: Token, lexicon: FrameLexicon) -> bool:
    """ "Under a separate clause, B will sell ...": the giving belongs to another deal.

    "Under a new deal, B will sell ...": a new deal is the one reported, not another.
    """
    other = lexicon.other_occasion_modifiers - words("transfer", "current_deal_words")
    for prep in trigger.children:
        if prep.dep_ != "prep" or prep.lower_ != "under":
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and any(
                c.dep_ in {"amod", "det"} and c.lower_ in other for c in obj.children
            ):
                return True
    return False


def _denied(trigger: Token, lexicon: FrameLexicon) -> bool:
    """ "Georgia denied that it would sell cotton": a clause under a verb that denies or only
    weighs it states nothing, whatever its own auxiliary says."""
    weighing = lexicon.modality["hypothetical"]
    current = trigger
    for _ in range(4):
        if current.dep_ not in {"ccomp", "xcomp", "pcomp", "advcl"} or current.head.i == current.i:
            return False
        current = current.head if current.dep_ != "pcomp" else current.head.head
        if current.lemma_.lower() in weighing:
            return True
    return False


def _others_plan(frame: Frame, sides: tuple[Party, ...], context: ExtractionContext) -> bool:
    """ "Analysts expect Georgia to sell cotton to Armenia": a plan or forecast told on the word
    of someone named who is neither side. The sides' own account ("the two governments
    said", "Armenia's minister said") is the story's."""
    if frame.modality not in _UNREALISED:
        return False
    source = speaker(context.doc[frame.trigger_index])
    party = context.parties.party(source) if source is not None else None
    if party is None or party.kind == "thing":
        return False
    return not any(party.key == p.key or party.side == p.side for p in sides)


def _dated(time: str | None, lexicon: FrameLexicon) -> bool:
    """A year or a relative time ("last year") puts a transfer on an occasion of its own."""
    if time is None:
        return False
    return bool(_YEAR.search(time)) or bool(set(time.split()) & lexicon.relative_times)


def _span(parts: list[Mention], context: ExtractionContext) -> Mention:
    start, end = min(p.start for p in parts), max(p.end for p in parts)
    span = context.doc.char_span(start, end, alignment_mode="expand")
    return mention(span) if span is not None else parts[0]


def _sided(filler: Filler) -> bool:
    """A party with a side: named, or described with its place ("a Swiss trader")."""
    party = filler.party
    return party is not None and (party.kind != "thing" or not party.side.startswith("thing:"))


def _with_id(span: Mention, entity_id: str) -> Mention:
    return Mention(span.start, span.end, span.text, entity_id)


def _claim(
    frame: Frame,
    giver: Filler,
    receiver: Filler,
    theme: Filler | None,
    thing: Thing,
    implied: bool,
    context: ExtractionContext,
) -> Claim:
    assert giver.party is not None and receiver.party is not None
    lexicon = context.events.lexicon
    trigger = context.doc[frame.trigger_index]
    named = frame.trigger if theme is None else theme.span
    time = frame.time.text.lower() if frame.time is not None else None
    return Claim(
        kind="transfer",
        span=_span([frame.trigger, giver.span, receiver.span, named], context),
        sentence=frame.sentence,
        values={
            "giver": _with_id(giver.span, giver.party.key),
            "receiver": _with_id(receiver.span, receiver.party.key),
            "thing": _with_id(named, thing.head or thing.unit or ""),
            "verb": frame.trigger,
            "giver_side": giver.party.side,
            "receiver_side": receiver.party.side,
            "thing_stems": thing.stems,
            "thing_head": thing.head,
            "thing_modifiers": thing.modifiers,
            "thing_unit": thing.unit,
            "thing_low": thing.low,
            "thing_high": thing.high,
            "modality": frame.modality,
            "stated": frame.modality not in _UNSTATED and not _denied(trigger, lexicon),
            "others_plan": _others_plan(frame, (giver.party, receiver.party), context),
            "receiver_implied": implied,
            "back": _is_homeward(frame, lexicon),
            "other_occasion": frame.reference.other_occasion or _under_another(trigger, lexicon),
            "quoted": frame.quoted,
            "event": context.events.event(frame),
            "time": time,
            "dated": _dated(time, lexicon),
        },
        attributed_to=frame.attribution,
        polarity=frame.polarity,
    )


def _object_receivers(frame: Frame, lexicon: FrameLexicon) -> list[Filler]:
    """ "Russia will supply North Korea": where the sense lets its object be the receiver
    ("supply B with X"), a named party as its only object is the receiver."""
    table = lexicon.verbs if frame.form == "verb" else lexicon.nouns
    senses = [
        s for s in table.get(frame.lemma, ()) if s.event_class == frame.event_class and s.index == frame.sense
    ]
    if not any(s.alternation_slots.get("object") == "receiver" for s in senses):
        return []
    return [
        Filler("receiver", f.slot, f.head, f.span, f.party)
        for f in frame.fillers("theme")
        if f.slot == "object" and f.party is not None and f.party.kind in {"place", "person", "organisation"}
    ]


def _claims(frame: Frame, context: ExtractionContext, told: Mapping[str, list[Filler]]) -> Iterator[Claim]:
    givers = [f for f in frame.fillers("giver") if _sided(f)]
    receivers = [f for f in frame.fillers("receiver") if _sided(f)]
    themes = list(frame.fillers("theme"))
    # "has lent 30 million euros to Termoelectrica" ... "Termoelectrica's loan to the bank": a
    # noun with no theme names the transfer its event's last mention with one told, and so
    # what that one moved (quoted where it was told, not here).
    borrowed = list(told.get(context.events.event(frame), ())) if not themes and frame.form == "noun" else []
    if not receivers:
        receivers = _object_receivers(frame, context.events.lexicon)
        themes = [t for t in themes if all(t.head != r.head for r in receivers)]
    implied = False
    if not receivers and frame.modality == "requested":
        asker = _asker(frame, context)
        if asker is not None and _sided(asker):
            receivers, implied = [asker], True
    beside = frozenset(f.head for f in frame.roles if f.role != "theme")
    for giver in givers:
        for receiver in receivers:
            assert giver.party is not None and receiver.party is not None
            if giver.party.side == receiver.party.side:
                continue
            sides = (giver.party, receiver.party)
            if not themes and not borrowed:
                # Unnamed goods are compared by the giving word: "will supply" / "will supply".
                unnamed = Thing(f"{frame.lemma} (unnamed)", (), None, None, None)
                yield _claim(frame, giver, receiver, None, unnamed, implied, context)
            for theme in borrowed:
                thing = read_thing(context.doc[theme.head], sides, context, beside)
                if thing is not None:
                    yield _claim(frame, giver, receiver, None, thing, implied, context)
            for theme in themes:
                # "support", "help": a theme that says nothing about what is given is not compared.
                thing = read_thing(context.doc[theme.head], sides, context, beside)
                if thing is not None:
                    yield _claim(frame, giver, receiver, theme, thing, implied, context)


def extract(context: ExtractionContext) -> Iterator[Claim]:
    #: event -> the themes its last mention with any named (what the transfer moved).
    told: dict[str, list[Filler]] = {}
    for frame in context.events.of_class("transfer"):
        yield from _claims(frame, context, told)
        if frame.fillers("theme"):
            told[context.events.event(frame)] = list(frame.fillers("theme"))
