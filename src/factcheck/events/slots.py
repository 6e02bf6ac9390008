"""The syntactic slots of an event word, read the same way for every class.

Which slot fills which role is the frame lexicon's business; this module only
says who the subject, the object, the possessor or the object of "to" is, and it
looks through the constructions that hide them:

    "Helix agreed to sell its stake to Orbis"    sell: subject Helix (control)
    "Orbis, which bought the stake"               bought: subject Orbis (relative)
    "the 500 tonnes Georgia will buy"             buy: object tonnes (relative gap)
    "Georgia's pledge to supply Armenia"          supply: subject Georgia (noun's owner)
    "the budget adopted on Tuesday"               adopted: passive subject budget
    "Kim was briefed while being hosted by Putin" hosted: passive subject Kim
    "a bus travelling from Kathmandu"             travelling: subject bus
    "the suit Salcedo brought against Ibarra"     suit: subject Salcedo, against Ibarra
                                                  (through its light verb "bring")
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

Slots = dict[str, list[Token]]

RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "that", "whose"})
_SUBJECTS = frozenset({"nsubj", "csubj"})
_PREP_DEPS = frozenset({"prep", "agent", "dative"})
#: How far control and coordination are followed up the tree.
_MAX_CLIMB = 5


def _add(slots: Slots, name: str, token: Token | None) -> None:
    if token is None:
        return
    for item in _with_conjuncts(token):
        if item not in slots.setdefault(name, []):
            slots[name].append(item)


def _with_conjuncts(token: Token) -> Iterable[Token]:
    """ "Kenya and Uganda": both are fillers of the slot."""
    yield token
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in {"PROPN", "NOUN", "PRON"}:
            yield from _with_conjuncts(child)


def antecedent(token: Token) -> Token:
    """The noun a relative pronoun stands for: "Orbis, which bought ..." -> Orbis."""
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ in {"relcl", "acl"}:
        return token.head.head
    return token


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN"
    )


def _infinitival(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def subject(verb: Token) -> Token | None:
    """The doer of an active verb, through control, coordination and relative clauses."""
    current = verb
    for _ in range(_MAX_CLIMB):
        for child in current.children:
            if child.dep_ in _SUBJECTS:
                return antecedent(child)
        if any(c.dep_ == "nsubjpass" for c in current.children):
            return None
        head = current.head
        if head.i == current.i:
            return None
        if current.dep_ == "acl" and current.tag_ == "VBG":
            return head  # "a bus travelling to Pokhara"
        if current.dep_ == "acl" and _infinitival(current) and head.pos_ in {"NOUN", "PROPN"}:
            # "Georgia's pledge to supply ...": the noun's owner, or who made it.
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            if owner is not None:
                return owner
            current = head
            continue
        if current.dep_ in {"xcomp", "conj", "advcl"} or (current.dep_ == "pcomp" and head.dep_ == "prep"):
            current = head if current.dep_ != "pcomp" else head.head
            continue
        if current.dep_ in {"dobj", "pobj", "nsubj"} and current.pos_ in {"NOUN", "PROPN"}:
            # A noun's infinitive, climbed to the noun: "made a pledge to supply"
            current = head if current.dep_ != "pobj" else head.head
            continue
        return None
    return None


def passive_subject(verb: Token) -> Token | None:
    """What a passive is done to when it has no subject of its own: the subject of the
    clause it hangs under ("Kim was briefed while being hosted by Putin": Kim is hosted)."""
    current = verb
    for _ in range(_MAX_CLIMB):
        head = current.head
        if head.i == current.i:
            return None
        if current.dep_ in {"xcomp", "conj", "advcl"}:
            current = head
        elif current.dep_ == "pcomp" and head.dep_ == "prep":
            current = head.head
        else:
            return None
        for child in current.children:
            if child.dep_ in _SUBJECTS | {"nsubjpass"}:
                return antecedent(child)
    return None


def _relative_gap(verb: Token) -> Token | None:
    """The noun a relative clause's missing object stands for: "the 500 tonnes Georgia will buy"."""
    if verb.dep_ != "relcl":
        return None
    deps = {c.dep_ for c in verb.children if c.lower_ not in RELATIVE_PRONOUNS}
    if "dobj" in deps or "nsubjpass" in deps:
        return None
    has_own_subject = any(c.dep_ in _SUBJECTS and c.lower_ not in RELATIVE_PRONOUNS for c in verb.children)
    relative_object = any(c.dep_ == "dobj" and c.lower_ in RELATIVE_PRONOUNS for c in verb.children)
    return verb.head if has_own_subject or relative_object else None


def _prepositions(slots: Slots, token: Token, only_new: bool = False) -> None:
    # "sailed from Split to Ancona": the parser may hang the second preposition on the first.
    preps = [c for c in token.children if c.dep_ in _PREP_DEPS]
    preps += [p for c in preps for p in c.children if p.dep_ == "prep"]
    for prep in preps:
        if prep.pos_ != "ADP":
            continue
        name = "by" if prep.dep_ == "agent" else prep.lower_
        if only_new and name in slots:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj":
                _add(slots, name, antecedent(obj))


def verb_slots(verb: Token) -> Slots:
    """Slot name -> filler head tokens for a verb."""
    slots: Slots = {}
    _add(slots, "subject", subject(verb) if not is_passive(verb) else None)
    for child in verb.children:
        if child.dep_ == "dobj":
            _add(slots, "object", antecedent(child))
        elif child.dep_ == "nsubjpass":
            _add(slots, "passive_subject", antecedent(child))
        elif child.dep_ == "dative" and child.pos_ != "ADP":
            _add(slots, "second_object", child)
    _add(slots, "object", _relative_gap(verb))
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        _add(slots, "passive_subject", verb.head)  # "the budget adopted on Tuesday"
    elif "passive_subject" not in slots and is_passive(verb):
        _add(slots, "passive_subject", passive_subject(verb))  # "while being hosted by Putin"
    _prepositions(slots, verb)
    # "borrowed the paintings from the museum": the parser often hangs the
    # verb's preposition on its object.
    for obj in slots.get("object", []):
        if obj.head.i == verb.i:
            _prepositions(slots, obj, only_new=True)
    return slots


def noun_slots(noun: Token, light_verbs: frozenset[str]) -> Slots:
    """Slot name -> filler head tokens for an event noun."""
    slots: Slots = {}
    for child in noun.children:
        if child.dep_ == "poss":
            _add(slots, "possessor", child)
        elif child.dep_ == "compound" and (child.pos_ == "PROPN" or child.ent_type_ in _NAMED):
            _add(slots, "compound", child)
        elif child.dep_ == "appos":
            _add(slots, "apposition", child)
    _prepositions(slots, noun)
    for owned in slots.get("of", []):
        _add(slots, "theme_possessor", next((c for c in owned.children if c.dep_ == "poss"), None))
        # "the sale of its stake to Andina": the parser hangs "to" on "stake".
        _prepositions(slots, owned, only_new=True)
    light = light_verb(noun, light_verbs)
    if light is not None:
        _add(slots, "subject", subject(light))
        _prepositions(slots, light, only_new=True)
    return slots


def light_verb(noun: Token, light_verbs: frozenset[str]) -> Token | None:
    """The verb that only carries the noun: "held talks", "the suit she brought"."""
    head = noun.head
    if noun.dep_ in {"dobj", "nsubjpass"} and head.lemma_.lower() in light_verbs:
        return head
    for child in noun.children:
        if child.dep_ == "relcl" and child.lemma_.lower() in light_verbs:
            gap = _relative_gap(child)
            if gap is not None and gap.i == noun.i:
                return child
    return None


_NAMED = frozenset({"GPE", "ORG", "NORP", "PERSON", "LOC", "FAC"})
