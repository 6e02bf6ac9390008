"""The syntactic slots of an event word, read the same way for every class.

Which slot fills which role is the frame lexicon's business; this module only
says who the subject, the object, the possessor or the object of "to" is, and it
looks through the constructions that hide them:

    "Helix agreed to sell its stake to Orbis"    sell: subject Helix (control)
    "Orbis, which bought the stake"               bought: subject Orbis (relative)
    "the 500 tonnes Georgia will buy"             buy: object tonnes (relative gap, also
                                                  when the parser fuses "tonnes Georgia")
    "Georgia's pledge to supply Armenia"          supply: subject Georgia (noun's owner)
    "Georgia to supply Armenia" (a headline)      supply: subject Georgia
    "the budget adopted on Tuesday"               adopted: passive subject budget
    "Kim was briefed while being hosted by Putin" hosted: passive subject Kim
    "Kim was briefed while hosting Putin"         hosting: subject Kim (control under a passive)
    "a bus travelling from Kathmandu"             travelling: subject bus
    "the suit Salcedo brought against Ibarra"     suit: subject Salcedo, against Ibarra
                                                  (through its light verb "bring")
    "Soria, the plaintiff, said"                  plaintiff: described Soria (a role noun)
    "Hartono will leave for a trip abroad"        trip: subject Hartono (light verb with
                                                  its preposition: "leave for")
    "the trip took him to Kenya"                  trip: carried him, to Kenya (a carrying verb)
    "he boarded a train bound for Kyiv"           bound: rider he (the train's boarder)
    "the goal gave Norway a 2-1 win"              win: second object Norway (light verb)
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
    if verb.dep_ == "ROOT" and not any(c.dep_ in _SUBJECTS for c in verb.children):
        # A headline the parser reads as one noun phrase: "Trade minister heads to Gulf".
        headline = next((c for c in verb.children if c.dep_ == "compound" and c.i < verb.i), None)
        if headline is not None:
            return headline
    current = verb
    climbed_from: str | None = None
    for _ in range(_MAX_CLIMB):
        for child in current.children:
            if child.dep_ in _SUBJECTS:
                return antecedent(child)
        undergoer = next((c for c in current.children if c.dep_ == "nsubjpass"), None)
        if undergoer is not None:
            # An active adjunct or complement under a passive clause is done by that
            # clause's subject ("Kim was briefed while hosting Putin": Kim hosts).
            if climbed_from in {"advcl", "xcomp"} and not is_passive(verb):
                return antecedent(undergoer)
            return None
        climbed_from = current.dep_
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
            if head.dep_ == "ROOT" and head.pos_ == "PROPN":
                return head  # a headline: "Georgia to supply Armenia with grain"
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


def _fused_gap(verb: Token) -> Token | None:
    """The noun of a relative clause the parser read as part of its subject.

    "The 500 tonnes Georgia will buy from Armenia ...": the parser makes "tonnes" a
    compound of "Georgia" and "buy" the main verb. A counted plural before a name
    that is the subject of a verb with no object of its own is that verb's object.
    """
    if any(c.dep_ in {"dobj", "nsubjpass", "ccomp", "xcomp", "dative"} for c in verb.children):
        return None
    for subject_token in verb.children:
        if subject_token.dep_ != "nsubj" or subject_token.pos_ != "PROPN":
            continue
        for child in subject_token.lefts:
            counted = any(c.dep_ == "nummod" for c in child.children)
            if child.dep_ == "compound" and child.tag_ == "NNS" and counted:
                return child
    return None


def _folded_second_object(obj: Token) -> Token | None:
    """ "France offered India technological support": the parser folds the first of two
    objects into the second's phrase. A country or person that opens the phrase of a
    common noun, before its other modifiers, is the first object."""
    if obj.pos_ != "NOUN":
        return None
    lefts = [c for c in obj.lefts if c.dep_ not in {"det", "punct"}]
    first = lefts[0] if lefts else None
    if first is None or first.dep_ not in {"nmod", "compound"} or len(lefts) < 2:
        return None
    return first if first.ent_type_ in {"GPE", "PERSON"} and first.pos_ == "PROPN" else None


#: Prepositions the parser hangs on a name that belong to the verb or noun before it.
_HUNG_ON_NAMES = frozenset({"to", "against"})


def _prepositions(slots: Slots, token: Token, only_new: bool = False) -> None:
    # "sailed from Split to Ancona": the parser may hang the second preposition on the first,
    # and "flew back to Lima" hangs it on the adverb.
    preps = [c for c in token.children if c.dep_ in _PREP_DEPS]
    preps += [p for c in preps for p in c.children if p.dep_ == "prep"]
    # ... or on the first one's name: "flew from Lima to Quito", "a claim lodged by Vexa
    # against Dravo" (a name takes no "to" or "against" of its own).
    preps += [
        p
        for c in preps
        for o in c.children
        if o.dep_ == "pobj" and o.pos_ == "PROPN"
        for p in o.children
        if p.dep_ == "prep" and p.lower_ in _HUNG_ON_NAMES
    ]
    preps += [
        p for c in token.children if c.dep_ in {"advmod", "prt"} for p in c.children if p.dep_ == "prep"
    ]
    for prep in preps:
        # "take Dravo to court": the tagger may call "to" before a noun an infinitive's mark.
        if prep.pos_ != "ADP" and not (prep.dep_ == "prep" and prep.lower_ == "to"):
            continue
        name = "by" if prep.dep_ == "agent" else prep.lower_
        if only_new and name in slots:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj":
                _add(slots, name, antecedent(obj))


def verb_slots(verb: Token, particle: Token | None = None) -> Slots:
    """Slot name -> filler head tokens for a verb (and its particle: "sold it back to X")."""
    slots: Slots = {}
    _add(slots, "subject", subject(verb) if not is_passive(verb) else None)
    for child in verb.children:
        if child.dep_ == "dobj":
            _add(slots, "object", antecedent(child))
            if not any(c.dep_ == "dative" for c in verb.children):
                _add(slots, "second_object", _folded_second_object(child))
        elif child.dep_ == "nsubjpass":
            _add(slots, "passive_subject", antecedent(child))
        elif child.dep_ == "dative" and child.pos_ != "ADP":
            _add(slots, "second_object", child)
    _add(slots, "object", _relative_gap(verb))
    if "object" not in slots:
        _add(slots, "object", _fused_gap(verb))
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        _add(slots, "passive_subject", verb.head)  # "the budget adopted on Tuesday"
    elif "passive_subject" not in slots and is_passive(verb):
        _add(slots, "passive_subject", passive_subject(verb))  # "while being hosted by Putin"
    _prepositions(slots, verb)
    if particle is not None:
        # "sold the stake back to Helix": the parser hangs "to" on the particle.
        _prepositions(slots, particle, only_new=True)
    # "borrowed the paintings from the museum": the parser often hangs the
    # verb's preposition on its object.
    for obj in slots.get("object", []):
        if obj.head.i == verb.i:
            _prepositions(slots, obj, only_new=True)
    return slots


_COPULAS = frozenset({"be", "become", "remain"})


def described(noun: Token) -> Token | None:
    """Who a noun describes: in apposition either way, as a title, as a predicate, after "as".

    "Soria, the plaintiff,", "the plaintiff, Ana Soria,", "plaintiff Ana Soria",
    "Soria was the plaintiff", "named Soria as the defendant".
    """
    head = noun.head
    if noun.dep_ == "appos" or (noun.dep_ == "compound" and head.pos_ == "PROPN"):
        return antecedent(head)
    for child in noun.children:
        if child.dep_ == "appos" and child.pos_ in {"PROPN", "PRON"}:
            return child
    if noun.dep_ == "attr" and head.lemma_.lower() in _COPULAS:
        return subject(head)
    if noun.dep_ == "pobj" and head.lower_ == "as" and head.head.pos_ == "VERB":
        verb = head.head
        return next((c for c in verb.children if c.dep_ in {"dobj", "oprd"}), None) or subject(verb)
    return None


def rider(verb: Token, vehicle_verbs: frozenset[str]) -> Token | None:
    """Who rides in the noun a participle describes: "he boarded a train bound for Kyiv" -> he.

    Only when the noun is the object of one of ``vehicle_verbs`` ("board", "take").
    """
    vehicle = verb.head
    if verb.dep_ not in {"acl", "amod"} or vehicle.dep_ != "dobj":
        return None
    if vehicle.head.lemma_.lower() not in vehicle_verbs:
        return None
    return subject(vehicle.head)


def _in_amount(token: Token) -> bool:
    """A word of a number's phrase: "rand" in "the 1.6 billion rand purchase" is no thing sold."""
    return token.ent_type_ in _AMOUNTS or any(c.dep_ == "nummod" for c in token.children)


def _modifier_slots(slots: Slots, noun: Token) -> None:
    """The words a noun's own phrase hangs on it: "Kenya's", "the Kigali talks", "gas
    deliveries", "the summit, a two-day meeting"."""
    for child in noun.children:
        if child.dep_ == "poss":
            _add(slots, "possessor", child)
        elif child.dep_ == "compound" and (child.pos_ == "PROPN" or child.ent_type_ in _NAMED):
            _add(slots, "compound", child)
            _add(slots, "compound_origin", _hyphened_first(child))
        elif child.dep_ == "compound" and child.pos_ == "NOUN" and not _in_amount(child):
            _add(slots, "noun_modifier", child)
        elif child.dep_ == "appos":
            _add(slots, "apposition", child)


def noun_slots(
    noun: Token,
    light_verbs: frozenset[str],
    carrying_verbs: frozenset[str] = frozenset(),
    conveying_verbs: frozenset[str] = frozenset(),
) -> Slots:
    """Slot name -> filler head tokens for an event noun; "self" is the noun itself
    ("a bus from Kathmandu to Pokhara": the bus travels)."""
    slots: Slots = {"self": [noun]}
    _add(slots, "described", described(noun))
    _modifier_slots(slots, noun)
    _prepositions(slots, noun)
    for owned in slots.get("of", []):
        _add(slots, "theme_possessor", next((c for c in owned.children if c.dep_ == "poss"), None))
        # "the sale of its stake to Andina": the parser hangs "to" on "stake".
        _prepositions(slots, owned, only_new=True)
    for clause in noun.children:
        # "a flight carrying 140 tourists from Nairobi to Zanzibar": where the load goes, the
        # flight goes (the parser hangs "from" on the load, "to" on the participle).
        if clause.dep_ == "acl" and clause.lemma_.lower() in conveying_verbs:
            _directions(slots, clause)
            for load in clause.children:
                if load.dep_ == "dobj":
                    _directions(slots, load)
    light = light_verb(noun, light_verbs, carrying_verbs)
    if light is not None:
        if noun.dep_ == "nsubj" and light.i == noun.head.i:
            # "the trip took him to Kenya": who is carried, and where to.
            carried = next((c for c in light.children if c.dep_ == "dobj"), None)
            # "the visit took place": a bare common noun is part of an idiom, not who was carried.
            if carried is not None and (
                carried.pos_ != "NOUN" or any(c.dep_ in {"det", "poss"} for c in carried.children)
            ):
                _add(slots, "carried", carried)
        else:
            _add(slots, "subject", subject(light))
            # "the goal gave Norway a win": the light verb's first object.
            for child in light.children:
                if child.dep_ == "dative" and child.pos_ != "ADP":
                    _add(slots, "second_object", child)
        _prepositions(slots, light, only_new=True)
    return slots


def _directions(slots: Slots, token: Token) -> None:
    """The "from" and "to" phrases on a token, as slots not yet filled."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in {"from", "to"} and prep.lower_ not in slots:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    _add(slots, prep.lower_, antecedent(obj))


def _hyphened_first(name: Token) -> Token | None:
    """ "the Zanzibar-Nairobi flight": the first of two names joined by a hyphen before a noun
    (where it comes from, for a trip; the second is where it goes)."""
    doc = name.doc
    for child in name.children:
        joined = child.i + 2 == name.i and doc[child.i + 1].text in {"-", "–"}
        if child.dep_ == "compound" and joined and not doc[child.i].whitespace_:
            return child
    return None


def _verb_names(verb: Token) -> tuple[str, ...]:
    """ "set off" as well as "set": a particle verb's names."""
    lemma = verb.lemma_.lower()
    particles = [f"{lemma} {c.lower_}" for c in verb.children if c.dep_ == "prt"]
    return (*particles, lemma)


def light_verb(
    noun: Token, light_verbs: frozenset[str], carrying_verbs: frozenset[str] = frozenset()
) -> Token | None:
    """The verb that only carries the noun: "held talks", "the suit she brought", "the
    suit brought by Vexa", "left for a trip" (a light verb with its preposition), "the
    trip took him to Kenya"."""
    head = noun.head
    if noun.dep_ in {"dobj", "nsubjpass"} and head.lemma_.lower() in light_verbs:
        return head
    verb = head.head
    if (
        noun.dep_ == "pobj"
        and head.dep_ == "prep"
        and verb.pos_ in {"VERB", "AUX"}
        and any(f"{name} {head.lower_}" in light_verbs for name in _verb_names(verb))
    ):
        return verb
    if noun.dep_ == "nsubj" and head.lemma_.lower() in carrying_verbs:
        return head
    for child in noun.children:
        if child.dep_ == "relcl" and child.lemma_.lower() in light_verbs:
            gap = _relative_gap(child)
            if gap is not None and gap.i == noun.i:
                return child
        # "a claim brought by Vexa against Dravo", "the suit filed on Monday": a participle
        # that carries the noun, its doer in "by".
        if child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_.lower() in light_verbs:
            return child
    return None


_NAMED = frozenset({"GPE", "ORG", "NORP", "PERSON", "LOC", "FAC"})
_AMOUNTS = frozenset({"MONEY", "CARDINAL", "QUANTITY", "PERCENT"})
