"""Read every event frame of a parsed article: the words the lexicon knows, and their roles.

    "Kazakhstan will supply Azerbaijan with wheat."
        transfer (supply): giver Kazakhstan, receiver Azerbaijan, theme wheat; future
    "Pacific Rim announced the sale of its stake to Andina."
        transfer (sale): theme stake, receiver Andina, giver Pacific Rim (whose stake)
    "The victory in Suva lifts Samoa to the top of the pool."
        contest (victory): definite, in Suva
    "The bus had left Pokhara at 5:30 a.m."
        trip (leave): traveller bus, origin Pokhara

Slots come from events/slots.py, roles from the lexicon; place, time, polarity,
modality, attribution and what tells occasions apart are read here, alike for
every class.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from factcheck.events.lexicon import NOUN, VERB, FrameLexicon, Sense
from factcheck.events.model import Filler, Frame, Reference
from factcheck.events.parties import PartyIndex
from factcheck.events.slots import Slots, light_verb, noun_slots, rider, verb_slots
from factcheck.nlp.entities import EntityIndex, Mention, entity_span
from factcheck.nlp.sentences import sentence_of
from factcheck.nlp.speech import attribution, in_quotation

_PLACE_PREPS = frozenset({"in", "at"})
#: Not "since" or "until": they bound a period, they do not date the event ("the first visit since 2017").
_TIME_PREPS = frozenset({"on", "in", "during", "at", "by"})
#: Prepositions that set a clause inside an event: "won gold in the final on Sunday".
_SCENE_PREPS = frozenset({"in", "at", "during"})
_TIME_DEPS = frozenset({"compound", "nmod", "npadvmod", "poss", "amod", "tmod", "nummod"})
#: Prepositions whose object says which occasion it is: "the vote on the budget".
_QUALIFYING_PREPS = frozenset({"on", "over", "against", "between", "with", "for"})
_NOT_QUALIFIERS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
_PLACES = frozenset({"GPE", "LOC", "FAC"})
_FUTURE = frozenset({"will", "shall", "'ll", "wo"})
_POSSIBLE = frozenset({"would", "could", "may", "might", "can", "should", "must", "ca"})
_CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
#: Prepositions of an adjunct: a noun in one is not what the verb above it plans or
#: weighs ("trains stopped running at the start of a strike": the strike is real).
_ADJUNCT_PREPS = frozenset(
    {"at", "in", "on", "during", "after", "before", "amid", "since", "until", "despite", "throughout"}
)
_ORDINALS = {
    "first": 1,
    "opening": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
_ORDINAL_NUMBER = re.compile(r"^(\d+)(st|nd|rd|th)$")


def _is_verb_trigger(token: Token) -> bool:
    if token.pos_ == "VERB":
        return True
    if token.pos_ != "NOUN" or token.dep_ != "ROOT":
        return False
    # A headline verb the tagger calls a noun: "Biden and Xi meet in San Francisco",
    # "Trade minister heads to Gulf" (its subject read as a compound).
    return any(
        c.dep_ == "nsubj" or (c.dep_ == "compound" and c.i < token.i and token.tag_ == "NNS")
        for c in token.children
    )


#: Where an adjective stands as a noun: "Suva hosted the final", "the final was played in Apia".
_NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr"})


def _is_noun_trigger(token: Token) -> bool:
    # A name in a date is the date's: "in March, when Fiji won" tells of no march.
    if token.pos_ == "PROPN" and token.ent_type_ in {"DATE", "TIME"}:
        return False
    if token.pos_ == "ADJ":
        # An adjective with a determiner in a noun's place is a noun the tagger missed.
        return token.dep_ in _NOMINAL_DEPS and any(c.dep_ in {"det", "poss"} for c in token.children)
    return token.pos_ in {"NOUN", "PROPN"} and token.dep_ != "compound"


def _is_title(token: Token) -> bool:
    """A noun before a name, as a title: "plaintiff Ana Soria" (read for role nouns only)."""
    return token.pos_ == "NOUN" and token.dep_ == "compound" and token.head.pos_ == "PROPN"


def _phrase(token: Token) -> Span:
    """The words naming a filler: the whole entity, or the noun with its modifiers."""
    if token.ent_type_ and token.ent_type_ not in _NOT_QUALIFIERS:
        return entity_span(token)
    doc = token.doc
    start = token.i
    for child in token.lefts:
        if child.dep_ in {"amod", "compound", "nummod", "poss", "nmod", "quantmod"}:
            start = min(start, child.left_edge.i)
    end = token.i + 1
    for child in token.rights:
        # "600,000 tonnes of wheat": the measured thing belongs to the phrase.
        if child.dep_ == "prep" and child.lower_ == "of":
            end = max(end, child.right_edge.i + 1)
    while start < token.i and (doc[start].dep_ in {"det", "case"} or doc[start].is_punct):
        start += 1
    return doc[start:end]


def _evokes_event(token: Token, lexicon: FrameLexicon) -> bool:
    """A noun of an event; not a role noun ("the buyer" names a party), nor one that is an
    event only with a required slot ("a bus" is a vehicle, "a bus from Kathmandu to Pokhara"
    a trip): those may fill a party's role."""
    senses = lexicon.noun_senses(token)[1] or _generic_head_sense(token, lexicon)[1]
    return _is_noun_trigger(token) and any(not s.requires and not s.role_noun for s in senses)


def _fits_type(
    token: Token, kind: str, event_class: str, entities: EntityIndex, lexicon: FrameLexicon
) -> bool:
    """Whether a slot's filler can fill a role of this kind ("lost in Suva": a place, not a
    contest); an event noun fills a party role where its class says it names one ("the
    mission landed in Hanoi": the people on the mission travel)."""
    if kind == "party" and lexicon.names_party(event_class, token.lemma_.lower()):
        return token.ent_type_ not in {"DATE", "TIME"}
    is_event = _evokes_event(token, lexicon)
    is_place = token.i in entities.places
    if kind == "event":
        return is_event
    if kind == "place":
        return is_place or token.lower_ in {"home", "abroad", "overseas"}
    if kind == "amount":
        return token.like_num or token.ent_type_ in {"MONEY", "CARDINAL", "QUANTITY", "PERCENT"}
    if token.ent_type_ in {"DATE", "TIME"}:
        return False
    return kind == "any" or not is_event


def _fillers(
    sense: Sense, slots: Slots, parties: PartyIndex, entities: EntityIndex, lexicon: FrameLexicon
) -> tuple[Filler, ...]:
    roles = sense.roles_for(set(slots))
    kinds = lexicon.roles[sense.event_class]
    found = []
    for slot, tokens in sorted(slots.items()):
        role = roles.get(slot)
        if role is None:
            continue
        for token in tokens:
            if _fits_type(token, kinds[role], sense.event_class, entities, lexicon):
                found.append(
                    Filler(role, slot, token.i, Mention.of(_phrase(token), ""), parties.party(token))
                )
    return tuple(sorted(found, key=lambda f: (f.head, f.role)))


def _place_from_preps(token: Token, entities: EntityIndex, venue: bool = True) -> Iterator[Mention]:
    """ "in Kigali"; or where a venue that is no known place stands: "at a hotel in Kigali"."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPS:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    found = entities.place_mention(obj)
                    if found is not None:
                        yield found
                    elif venue:
                        yield from _place_from_preps(obj, entities, venue=False)


def _places(
    trigger: Token, form: str, entities: EntityIndex, light: Token | None, lexicon: FrameLexicon
) -> list[Mention]:
    """Where a frame happened: its own "in"/"at", its clause's, or its name ("the Vladivostok summit").

    "The talks took place in Geneva", "In Geneva, the two held talks",
    "Geneva hosted the summit", "Apia staged the match", "Kim arrived in Geneva for the summit",
    "a crowd gathered in Apia for the test", "the summit, held in Helsinki".
    """
    found = list(_place_from_preps(trigger, entities))
    if form == VERB:
        # "met Biden in Washington": the parser hangs the place on the person met.
        for obj in trigger.children:
            if obj.dep_ == "dobj" and obj.i in entities.persons:
                found.extend(_place_from_preps(obj, entities))
    if form == NOUN:
        found.extend(_noun_places(trigger, entities, light, lexicon))
    return found


def _noun_places(
    trigger: Token, entities: EntityIndex, light: Token | None, lexicon: FrameLexicon
) -> Iterator[Mention]:
    """An event noun's places: its name ("the Vladivostok summit"), a clause holding it
    ("the summit, held in Helsinki"), a host, or the clause it is the subject or object of."""
    for child in trigger.children:
        if child.dep_ in {"compound", "nmod"}:
            place = entities.place_mention(child)
            if place is not None:
                yield place
        if child.dep_ in {"acl", "relcl"} and _places_its_noun(child, lexicon):
            yield from _place_from_preps(child, entities)
    head = trigger.head
    lemma = head.lemma_.lower()
    clause: Token | None = light
    if trigger.dep_ in {"nsubj", "nsubjpass"} and lemma in lexicon.happening_verbs:
        clause = head
    elif trigger.dep_ in {"dobj", "nsubjpass"} and lemma in lexicon.holding_verbs:
        clause = head
        if lemma in lexicon.hosting_verbs:
            yield from _hosts(head, entities)
    elif (
        trigger.dep_ == "pobj"
        and head.lower_ == "for"
        and head.head.pos_ in {"VERB", "AUX"}
        and head.head.lemma_.lower() in lexicon.arrival_verbs
    ):
        clause = head.head
    if clause is not None:
        yield from _place_from_preps(clause, entities)


def _places_its_noun(clause: Token, lexicon: FrameLexicon) -> bool:
    """ "the summit, which took place in Helsinki", "the final, staged in Maputo", "the match,
    which was played in Apia": a clause that says where its noun happened."""
    lemma = clause.lemma_.lower()
    if lemma in lexicon.placing_clause_verbs:
        return True
    # The lemmatizer reads a mis-tagged participle as a noun's form ("staged": "stag").
    lower = clause.lower_
    names = {lemma, lower.removesuffix("d"), lower.removesuffix("ed")} if lower.endswith("ed") else {lemma}
    # A holding verb tells of its noun only as done to it: "the final, staged in Maputo", not
    # "the final, which staged a comeback". A participle may be tagged as a past tense.
    participle = clause.dep_ == "acl" and clause.tag_ in {"VBN", "VBD"}
    passive = participle or any(c.dep_ == "auxpass" for c in clause.children)
    passive = passive and not any(c.dep_ == "dobj" for c in clause.children)
    return passive and bool(names & lexicon.holding_verbs)


def _hosts(host_verb: Token, entities: EntityIndex) -> Iterator[Mention]:
    """ "Suva hosted the final", "the final was hosted by Suva": the place that hosts."""
    hosts = [c for c in host_verb.children if c.dep_ == "nsubj"]
    agents = [a for a in host_verb.children if a.dep_ == "agent"]
    hosts += [o for a in agents for o in a.children if o.dep_ == "pobj"]
    for host in hosts:
        place = entities.place_mention(host)
        if place is not None:
            yield place


def _unique(found: Iterable[Mention]) -> tuple[Mention, ...]:
    unique: dict[tuple[int, int], Mention] = {}
    for place in found:
        unique.setdefault((place.start, place.end), place)
    return tuple(sorted(unique.values(), key=lambda m: (m.start, m.end)))


#: "a year", "five-year", "36-hour", "two weeks": how long, not when.
_SCORE = re.compile(r"^\d{1,3} ?[-–] ?\d{1,3}$")
#: How often, not when: "settled each quarter", "paid every year" is no one occasion's date.
_RECURRENCE = re.compile(r"^(?:each|every|per)\b")
_DURATION = re.compile(
    r"^(?:about |nearly |almost |more than |up to |over |some )?"
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d[\d.,]*)[ -]"
    r"(?:year|day|week|month|hour|minute|decade|night)s?(?:[ -]long|[ -]old)?$"
)


def _date_entity(token: Token) -> Span | None:
    if token.ent_type_ != "DATE":
        return None
    span = entity_span(token)
    text = span.text.lower()
    return None if _DURATION.match(text) or _SCORE.match(text) or _RECURRENCE.match(text) else span


def _dated(obj: Token) -> Span | None:
    """The date of a preposition's object, or of the part of a day it names: "on Sunday afternoon"."""
    span = _date_entity(obj)
    if span is not None or obj.ent_type_ != "TIME":
        return span
    for child in obj.children:
        if child.dep_ in {"compound", "nmod", "amod"}:
            if (span := _date_entity(child)) is not None:
                return span
            if child.pos_ == "PROPN":  # "Friday night" tagged as one time
                return obj.doc[child.i : child.i + 1]
    return None


def _time(trigger: Token, form: str, lexicon: FrameLexicon) -> Span | None:
    """The date words attached to a frame: "on Wednesday", "in 2019", "Friday's vote".

    An event noun that is the subject of a clause, or the object of a verb that holds
    it, takes the clause's time: "On Tuesday the meeting in London focused on trade",
    "MPs held the vote on Thursday" (not "announced the vote on Thursday"), unless the
    clause tells of another event too ("the walkout would be followed by a strike next
    month": whose month cannot be told). A participle that holds the noun gives its time: "the
    by-election held on June 8", "the match, which was played on Tuesday"; so does a clause
    set in the event: "voters choose a mayor in a runoff on June 14".
    """
    own = _own_time(trigger)
    if own is not None:
        return own
    if form == VERB:
        return _time_on_object(trigger)
    for clause in trigger.children:
        held = clause.dep_ in {"acl", "relcl"} and clause.lemma_.lower() in _holding(lexicon)
        if held and (span := _time(clause, VERB, lexicon)) is not None:
            return span
    if trigger.head.i != trigger.i and _takes_clause_time(trigger, lexicon):
        return _time(trigger.head, VERB, lexicon)
    verb = _clause_of_scene(trigger, lexicon)
    return _own_time(verb) if verb is not None else None


def _clause_of_scene(noun: Token, lexicon: FrameLexicon) -> Token | None:
    """The verb whose "in"/"at"/"during" sets its clause in the event: "voters choose a
    mayor in a runoff on June 14", "she was hurt in the match on Sunday" (the runoff is on
    June 14), in a clause of no other event."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in _SCENE_PREPS or prep.dep_ != "prep":
        return None
    verb = prep.head
    if verb.pos_ not in {"VERB", "AUX"} or _tells_another_event(verb, noun, lexicon):
        return None
    return verb


def _own_time(trigger: Token) -> Span | None:
    """ "Friday's vote", "met on Wednesday", "the talks on Sunday afternoon"; a "when"
    clause takes the time of what it hangs on: "in March, when Fiji won", "In May, when
    Fiji won, the stadium was full"."""
    for child in trigger.children:
        if child.dep_ in _TIME_DEPS and (span := _date_entity(child)) is not None:
            return span
    if any(c.dep_ == "advmod" and c.lower_ == "when" for c in trigger.children):
        if trigger.dep_ == "relcl" and (span := _date_entity(trigger.head)) is not None:
            return span
        if trigger.dep_ == "advcl" and (span := _own_time(trigger.head)) is not None:
            return span
    for prep in trigger.children:
        if prep.dep_ == "prep" and prep.lower_ in _TIME_PREPS:
            for obj in prep.children:
                if obj.dep_ == "pobj" and (span := _dated(obj)) is not None:
                    return span
    return None


def _takes_clause_time(noun: Token, lexicon: FrameLexicon) -> bool:
    """The subject of a clause, or the object of a verb that holds it ("held the vote on
    Thursday", not "announced the vote on Thursday"), in a clause of no other event."""
    holds = noun.dep_ in {"nsubj", "nsubjpass"} or (
        noun.dep_ == "dobj" and noun.head.lemma_.lower() in _holding(lexicon)
    )
    return holds and not _tells_another_event(noun.head, noun, lexicon)


def _time_on_object(verb: Token) -> Span | None:
    """The parser often hangs the time on the object: "heard [the appeal on Monday]"."""
    for obj in verb.children:
        if obj.dep_ == "dobj":
            for prep in obj.children:
                if prep.dep_ == "prep" and prep.lower_ == "on":
                    for date in prep.children:
                        if (span := _date_entity(date)) is not None:
                            return span
    return None


def _holding(lexicon: FrameLexicon) -> frozenset[str]:
    return lexicon.holding_verbs | lexicon.happening_verbs


def _tells_another_event(verb: Token, trigger: Token, lexicon: FrameLexicon) -> bool:
    """Whether a clause has an event word among its arguments besides ``trigger``."""
    arguments = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj", "attr"}]
    arguments += [
        o for p in verb.children if p.dep_ in {"agent", "prep"} for o in p.children if o.dep_ == "pobj"
    ]
    return any(a.i != trigger.i and _evokes_event(a, lexicon) for a in arguments)


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def _polarity(trigger: Token, form: str, light: Token | None, lexicon: FrameLexicon) -> str:
    if _negated(trigger) or (light is not None and _negated(light)):
        return "negative"
    # "left without signing the treaty", "the talks ended without a deal".
    governed = light or trigger
    if governed.dep_ in {"pcomp", "pobj"} and governed.head.lower_ in lexicon.negating_prepositions:
        return "negative"
    if form == NOUN and any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children):
        return "negative"
    if form == NOUN and trigger.dep_ in {"dobj", "nsubjpass"} and _negated(trigger.head):
        return "negative"
    return "positive"


def _modality(trigger: Token, form: str, light: Token | None, lexicon: FrameLexicon) -> str:
    """How firmly the frame is told, read up the verbs that govern it."""
    planned_words = lexicon.modality["planned"]
    if form == NOUN:
        if any(c.dep_ == "amod" and c.lemma_.lower() in planned_words for c in trigger.children):
            return "planned"
        # "A meeting in Paris is planned", "the vote is scheduled for May"; not the doer of
        # a planning verb: "the victory sets up a final" plans the final, not the victory.
        acts_on_object = trigger.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in trigger.head.children)
        if (
            trigger.dep_ in {"nsubj", "nsubjpass"}
            and trigger.head.lemma_.lower() in planned_words
            and not acts_on_object
        ):
            return "planned"
        current = light or trigger.head
    else:
        current = trigger
    adjunct = False
    for _ in range(6):
        own = _clause_modality(current)
        if own is not None:
            return own
        head = current.head
        if head.i == current.i:
            break
        if form == NOUN and current.dep_ == "prep" and current.lower_ in _ADJUNCT_PREPS:
            adjunct = adjunct or head.pos_ in {"VERB", "AUX"}
        governed = None if adjunct else _governed_modality(current, head, lexicon)
        if governed is not None:
            return governed
        if current.dep_ == "acl" and current.tag_ in {"VBN", "VBG"}:
            # A participle tells its own event: "under the package approved on Monday,
            # teachers would earn more" asserts the approval whatever "would" says.
            break
        if current.dep_ not in {"xcomp", "ccomp", "pcomp", "conj", "advcl", "acl", "prep", "pobj", "dobj"}:
            break
        current = head
    return "asserted"


def _clause_modality(verb: Token) -> str | None:
    """The modality a verb's own auxiliaries and marks give: "will meet", "if they meet"."""
    children = list(verb.children)
    auxiliaries = {c.lower_ for c in children if c.dep_ in {"aux", "auxpass"}}
    if auxiliaries & _FUTURE:
        return "future"
    if auxiliaries & _POSSIBLE:
        return "possible"
    if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in children):
        return "conditional"
    # "If the storm worsens, the carrier cancels the flights": the main clause of a condition.
    for clause in children:
        if clause.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in clause.children
        ):
            return "conditional"
    return None


def _governed_modality(current: Token, head: Token, lexicon: FrameLexicon) -> str | None:
    """The modality the word governing a clause gives it: "asked them to meet", "plans to meet"."""
    head_lemma = head.lemma_.lower()
    if (
        current.dep_ == "ccomp"
        and head_lemma in lexicon.modality["requested"]
        and current.tag_ in {"VB", "VBP"}
    ):
        return "requested"
    if (
        current.dep_ in {"xcomp", "ccomp", "pcomp", "acl", "advcl"}
        and head_lemma in lexicon.modality["hypothetical"]
    ):
        return "hypothetical"
    if current.dep_ in {"xcomp", "acl"} and head_lemma in lexicon.modality["planned"]:
        return "planned"
    return None


def _ordinal(token: Token) -> int | None:
    lower = token.lower_
    if lower in _ORDINALS:
        return _ORDINALS[lower]
    match = _ORDINAL_NUMBER.match(lower)
    return int(match.group(1)) if match else None


def _content(token: Token) -> str:
    return " ".join(t.lemma_.lower() for t in token.subtree if t.is_alpha and not t.is_stop)


def _prefixed(trigger: Token, lexicon: FrameLexicon) -> bool:
    """ "a counter-suit", "counter-sued": a prefix joined by a hyphen names another occasion."""
    doc, i = trigger.doc, trigger.i
    if i < 2 or doc[i - 1].text not in {"-", "–"} or doc[i - 1].whitespace_ or doc[i - 2].whitespace_:
        return False
    return doc[i - 2].lower_ in lexicon.other_occasion_modifiers


#: The slot a noun's owner would fill: "Fiji's victory" (possessor), "the Fiji victory" (compound).
_OWNER_SLOTS = {"poss": "possessor", "compound": "compound"}


def _reference(trigger: Token, form: str, lemma: str, sense: Sense, lexicon: FrameLexicon) -> Reference:
    """What tells this mention's occasion apart (see events/identity.py)."""
    if form == VERB:
        other = _prefixed(trigger, lexicon) or any(
            c.lower_ in lexicon.other_occasion_adverbs or c.lower_ in lexicon.other_occasion_modifiers
            for c in trigger.children
            if c.dep_ in {"advmod", "npadvmod"}
        )
        return Reference(definite=True, other_occasion=other)
    determiners = [c for c in trigger.children if c.dep_ in {"det", "poss", "predet"}]
    modifiers = [c for c in trigger.children if c.dep_ in {"amod", "det", "nummod", "advmod", "compound"}]
    plural = trigger.tag_ in {"NNS", "NNPS"} and trigger.lower_ not in lexicon.singular_when_plural
    # "the opening ceremony": a word of the event's own name is not an ordinal.
    modifiers = [m for m in modifiers if m.lower_ not in lemma.split()]
    ordinal = next((n for n in map(_ordinal, modifiers) if n is not None), None)
    possessive = any(d.dep_ == "poss" for d in determiners)
    other = (
        plural
        or _prefixed(trigger, lexicon)
        or any(m.lower_ in lexicon.other_occasion_modifiers for m in modifiers if _ordinal(m) is None)
        or any(m.tag_ in {"JJS", "RBS", "JJR", "RBR"} for m in modifiers)
        or any(d.lower_ in lexicon.non_referring_determiners for d in determiners)
        or (ordinal is not None and ordinal >= 2 and not possessive)
    )
    indefinite = any(d.lower_ in {"a", "an"} for d in determiners)
    day_name: str | None = None
    qualifiers: dict[str, str] = {}
    role_slots = set(sense.slots)
    for child in trigger.children:
        if child.dep_ in {"poss", "compound", "nmod"} and _date_entity(child) is not None:
            day_name = child.lower_.removesuffix("'s").removesuffix("’s")
            continue
        if child.ent_type_ in _NOT_QUALIFIERS or child.like_num or _ordinal(child) is not None:
            continue
        if _OWNER_SLOTS.get(child.dep_) in role_slots and child.pos_ in {"PRON", "PROPN"}:
            # "Fiji's victory": the possessor fills a role (the winner); a participant, which
            # identity compares as one, not an owner that tells another occasion apart.
            continue
        if child.dep_ == "poss" and child.pos_ == "PRON":
            qualifiers["owner"] = f"pronoun:{child.lower_}"
        elif child.dep_ in {"poss", "compound", "nmod"} and child.pos_ == "PROPN":
            qualifiers["owner"] = " ".join(filter(None, [qualifiers.get("owner"), child.lemma_.lower()]))
        elif child.dep_ in {"compound", "nmod"} and child.ent_type_ not in _PLACES:
            qualifiers["compound"] = " ".join(
                filter(None, [qualifiers.get("compound"), child.lemma_.lower()])
            )
        elif child.dep_ == "poss" and child.pos_ == "NOUN":
            qualifiers["poss"] = child.lemma_.lower()
        elif child.dep_ == "prep" and child.lower_ in _QUALIFYING_PREPS and child.lower_ not in role_slots:
            for obj in child.children:
                if obj.dep_ != "pobj" or obj.ent_type_ in _NOT_QUALIFIERS or obj.like_num:
                    continue
                if child.lower_ in _PLACE_PREPS and (obj.ent_type_ in _PLACES or obj.pos_ == "PROPN"):
                    continue
                qualifiers[f"prep:{child.lower_}"] = _content(obj)
    definite = (
        any(d.lower_ in lexicon.definite_determiners or d.dep_ == "poss" for d in determiners)
        or (not indefinite and day_name is not None)
        or (not determiners and trigger.lower_ in lexicon.singular_when_plural)
    )
    stage = lemma if lemma in lexicon.stage_nouns.get(sense.event_class, frozenset()) else None
    return Reference(definite, other, qualifiers, stage, ordinal, day_name, plural)


def _frame(
    token: Token,
    lemma: str,
    form: str,
    sense: Sense,
    slots: Slots,
    light: Token | None,
    entities: EntityIndex,
    parties: PartyIndex,
    lexicon: FrameLexicon,
) -> Frame:
    trigger = Mention.of(token, "")
    time = (
        _time(light or token, form, lexicon)
        if form == NOUN and light is not None
        else _time(token, form, lexicon)
    )
    if time is None and form == NOUN:
        time = _time(token, form, lexicon)
    if time is None and sense.role_noun and token.dep_ == "attr":
        time = _time(token.head, VERB, lexicon)  # "Vargas was the defendant in 2019"
    sentence = sentence_of(token)
    roles = _fillers(sense, slots, parties, entities, lexicon)
    kinds = lexicon.roles[sense.event_class]
    # A role noun ("the buyer in Lima") names a side, not where an event happened; a
    # generic action is placed by no rule.
    unplaced = sense.role_noun or sense.event_class in lexicon.generic_classes
    places = [] if unplaced else _places(token, form, entities, light, lexicon)
    placing_role = lexicon.place_of_role.get(sense.event_class)
    for filler in roles:
        if filler.role == placing_role:
            places.extend(_place_from_preps(token.doc[filler.head], entities))
    return Frame(
        frame_id=f"{sense.event_class}@{trigger.start}-{trigger.end}",
        event_class=sense.event_class,
        trigger=trigger,
        trigger_index=token.i,
        lemma=lemma,
        form=form,
        sense=sense.index,
        roles=tuple(f for f in roles if kinds[f.role] != "event"),
        places=_unique(places),
        time=Mention.of(time, "") if time is not None else None,
        time_index=time.root.i if time is not None else None,
        polarity=_polarity(token, form, light, lexicon),
        modality=_modality(token, form, light, lexicon),
        attribution=attribution(token),
        quoted=in_quotation(token),
        reference=_reference(token, form, lemma, sense, lexicon),
        sentence=(sentence.start_char, sentence.end_char),
        about=tuple(
            f.head for f in roles if kinds[f.role] == "event" or _names_own_event(f, sense, token, lexicon)
        ),
        support=light.i if light is not None else None,
        role_noun=sense.role_noun,
    )


def _names_own_event(filler: Filler, sense: Sense, trigger: Token, lexicon: FrameLexicon) -> bool:
    """ "Last year's mission went to Bangkok": a party that is an event of the frame's own
    class is what the frame tells of (last year's trip, not this one)."""
    return filler.head != trigger.i and lexicon.names_party(
        sense.event_class, trigger.doc[filler.head].lemma_.lower()
    )


def _generic_head_sense(token: Token, lexicon: FrameLexicon) -> tuple[str, tuple[Sense, ...]]:
    """ "the signing ceremony": a generic noun takes the class of the event noun before it."""
    if token.lemma_.lower() not in lexicon.generic_heads:
        return "", ()
    for child in token.children:
        if child.dep_ in {"compound", "amod", "nmod"}:
            lemma, senses = lexicon.noun_senses(child)
            if senses:
                return f"{lemma} {token.lemma_.lower()}", senses
    return "", ()


def _needs_met(sense: Sense, slots: Slots, entities: EntityIndex, lexicon: FrameLexicon) -> bool:
    """ "won a cap" is not "won the match": a filled slot must have the type its sense needs;
    "bound by the rules" is no trip: one of the slots it requires must be filled ("bound for X");
    "took Dravo to court" sues, "took Dravo to Lima" does not: a slot may need its own words."""
    kinds = lexicon.roles[sense.event_class]
    for slot, fitting in sense.slot_words.items():
        fillers = slots.get(slot, [])
        if not fillers or any(not _word_forms(t) & fitting for t in fillers):
            return False
    if sense.requires and not any(
        _fits_type(token, kinds[sense.slots[slot]], sense.event_class, entities, lexicon)
        for slot in sense.requires
        for token in slots.get(slot, [])
    ):
        return False
    return all(
        _fits_type(token, kind, sense.event_class, entities, lexicon)
        for slot, kind in sense.needs.items()
        for token in slots.get(slot, [])
    )


def _word_forms(token: Token) -> set[str]:
    """A word as a list may name it: its lemma, or, for a plural the tagger calls a name
    ("MPs", "Lawmakers"), the word without its "s"."""
    lower = token.lower_
    return {token.lemma_.lower(), lower, lower.removesuffix("s")}


def _with_rider(token: Token, sense: Sense, slots: Slots) -> Slots:
    """ "he boarded a train bound for Kyiv": the boarder rides, when the sense names such verbs."""
    boarder = rider(token, sense.vehicle_verbs) if sense.vehicle_verbs else None
    return {**slots, "rider": [boarder]} if boarder is not None else slots


def read_frames(doc: Doc, entities: EntityIndex, parties: PartyIndex, lexicon: FrameLexicon) -> list[Frame]:
    """Every frame of the article, in text order."""
    frames: list[Frame] = []
    for token in doc:
        verb = _is_verb_trigger(token)
        lemma, senses = lexicon.verb_senses(token) if verb else ("", ())
        if senses or (verb and token.pos_ == "VERB"):
            common = verb_slots(token, lexicon.particle(token))
            met = [(sense, _with_rider(token, sense, common)) for sense in senses]
            met = [(sense, slots) for sense, slots in met if _needs_met(sense, slots, entities, lexicon)]
            if not met and token.pos_ == "VERB":
                # A verb no class claims (or "won 47 seats", no contest) is still an action.
                lemma, generic = lexicon.generic_senses(token)
                met = [(sense, common) for sense in generic if _needs_met(sense, common, entities, lexicon)]
            for sense, slots in met:
                frames.append(_frame(token, lemma, VERB, sense, slots, None, entities, parties, lexicon))
        # A headline noun that is no verb the lexicon knows is still a noun: "Peace talks resume".
        elif _is_noun_trigger(token) or _is_title(token):
            lemma, senses = lexicon.noun_senses(token)
            if not senses:
                lemma, senses = _generic_head_sense(token, lexicon)
            if not senses and token.pos_ == "NOUN":
                lemma, senses = lexicon.nominal_action(token)
            if not _is_noun_trigger(token):
                senses = tuple(s for s in senses if s.role_noun)
            for sense in senses:
                light = light_verb(token, sense.light_verbs, sense.carrying_verbs)
                slots = noun_slots(token, sense.light_verbs, sense.carrying_verbs, sense.conveying_verbs)
                if _needs_met(sense, slots, entities, lexicon):
                    frames.append(_frame(token, lemma, NOUN, sense, slots, light, entities, parties, lexicon))
    return frames
