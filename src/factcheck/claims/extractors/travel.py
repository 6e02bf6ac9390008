"""Travel: who goes where, read from the trip frames of the event layer, with the cues
that say what kind of trip it is.

    "Kim's first trip abroad ... was when he boarded a train bound for North Korea."
        -> traveller Kim (he rides the train), destination North Korea, abroad (the cue
           is the trip abroad of the same event, in the same sentence)
    "Hartono will leave for a trip abroad ... The visit to Indonesia will be the first ..."
        -> traveller Hartono (the trip's), destination Indonesia, abroad: a later definite
           mention of the reported trip that names no traveller is that trip
    "Kim would continue his journey to Russia after their discussions."
        -> destination Russia, onward (leaving where the talks were)
    "After his trip abroad to France, the president flew home to Kenya."
        -> France (abroad); Kenya (home): the abroad cue belongs to the trip it modifies
    "A passenger bus travelling from Kathmandu to Pokhara skidded off the road."
        -> traveller the bus, origin Kathmandu, destination Pokhara, under way
    "The bus had left Pokhara at 5:30 a.m."
        -> traveller the bus, origin Pokhara

Which mentions are one trip is the event layer's business (events/identity.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Token

from factcheck.claims.model import Claim, ClaimKind, ExtractionContext
from factcheck.events import Filler, Frame
from factcheck.nlp.entities import Mention
from factcheck.nlp.lexicon import word_map, words

KINDS = (
    ClaimKind(
        "travel",
        "Someone or something travelling: 'Kim boarded a train bound for North Korea', "
        "'a bus travelling from Kathmandu to Pokhara'.",
        {
            "traveller": "mention",
            "traveller_name": "text",
            "destination": "mention",
            "origin": "mention",
            "event": "text",
            "day": "text",
            "cue": "mention",
            "abroad": "bool",
            "onward": "bool",
            "home": "bool",
            "stop": "bool",
            "arrived": "bool",
            "tense": "text",
            "firm": "bool",
            "under_way": "bool",
            "trigger": "text",
            "modality": "text",
            "reported": "bool",
        },
    ),
)

TRIP = "trip"
#: Slots of a trip noun that say where the whole trip goes: "a visit to Seoul", "the Seoul visit".
_WHITHER_SLOTS = frozenset({"to", "compound"})
#: Modalities of a trip told as done or as to be done, not only planned or possible.
_FIRM = frozenset({"asserted", "future"})
#: Names that tell whose a vehicle or a team is: "Paraguay's team", "the Chilean squad".
_OWNER_ENTITIES = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"})


@dataclass(frozen=True, slots=True)
class _Traveller:
    mention: Mention
    name: str


def _lexicon(key: str) -> frozenset[str]:
    return words("travel", key)


def _vehicle_kind(noun: str) -> str | None:
    """ "jet" -> "aircraft": the kind of vehicle a noun names, if it names one."""
    return _vehicle_nouns().get(noun)


@cache
def _vehicle_nouns() -> dict[str, str]:
    return {noun: kind for kind, nouns in word_map("travel", "vehicle_kinds").items() for noun in nouns}


def _called_abroad(frame: Frame, context: ExtractionContext) -> bool:
    """ "a trip abroad", "an overseas visit", "travelled abroad to Chile", "his first foreign tour"."""
    token = context.doc[frame.trigger_index]
    abroad, foreign = _lexicon("abroad_words"), _lexicon("foreign_modifiers")
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return (
        any(c.lower_ in abroad for c in token.children)
        or any(c.dep_ == "amod" and c.lower_ in foreign for c in token.children)
        or (frame.form == "noun" and following is not None and following.lower_ in abroad)
    )


def _in_sequence(frame: Frame, context: ExtractionContext) -> bool:
    """ "after his trip abroad", "before a visit abroad": another trip, before or after this one."""
    token = context.doc[frame.trigger_index]
    return token.dep_ == "pobj" and token.head.lower_ in _lexicon("sequence_preps")


def _is_home(frame: Frame, context: ExtractionContext) -> bool:
    """ "returned to Kenya", "flew home", "flew back to Lima", "made the journey home"."""
    lexicon = context.events.lexicon
    senses = (lexicon.nouns if frame.form == "noun" else lexicon.verbs).get(frame.lemma, ())
    if any(s.homeward for s in senses if s.event_class == TRIP and s.index == frame.sense):
        return True
    homeward = _lexicon("homeward_adverbs")
    carriers = [context.doc[frame.trigger_index]]
    if frame.support is not None:
        carriers.append(context.doc[frame.support])
    return any(
        c.lower_ in homeward and c.dep_ in {"advmod", "npadvmod", "prt"} for t in carriers for c in t.children
    )


def _is_onward(frame: Frame, context: ExtractionContext) -> bool:
    """ "travel on to Berlin", "will then fly to Russia", "continue his journey to Russia"."""
    onward = _lexicon("onward_verbs")
    particles = _lexicon("onward_particles")
    adverbs = _lexicon("onward_adverbs")
    trigger = context.doc[frame.trigger_index]
    carriers = [trigger] + ([context.doc[frame.support]] if frame.support is not None else [])
    for token in carriers:
        for child in token.children:
            # The parser may tag "on" a particle, an adverb or a bare preposition.
            if child.lower_ in particles and (
                child.dep_ in {"prt", "advmod"} or (child.dep_ == "prep" and not list(child.children))
            ):
                return True
            if child.dep_ == "advmod" and child.lower_ in adverbs and token.pos_ in {"VERB", "AUX"}:
                return True
        if token.lemma_.lower() in onward:
            return True
    # "continued to travel to Minsk"
    return trigger.dep_ in {"xcomp", "dobj"} and trigger.head.lemma_.lower() in onward


#: The slots of a destination that a trip has reached: "arrived in", "landed at".
_ARRIVAL_SLOTS = frozenset({"in", "at"})


def _is_stop(frame: Frame, goals: tuple[Filler, ...], destinations: list[Mention]) -> bool:
    """A stop on a tour ("visited Zahle", "a tour of Asia"), or a frame of several stops.

    A noun that says where it goes ("a visit to Seoul", "the Seoul visit") is the trip's
    destination, not one of its stops.
    """
    whither = bool(goals) and all(f.slot in _WHITHER_SLOTS for f in goals)
    stop_word = frame.lemma in _lexicon("stop_words") and not (frame.form == "noun" and whither)
    return stop_word or len(destinations) > 1


def _arrived(frame: Frame, destination: Mention | None, context: ExtractionContext) -> bool:
    """ "landed in Hanoi", "arrived at Entebbe": told as done, the trip ends where it says,
    so the traveller is there after it."""
    if destination is None or frame.modality != "asserted" or frame.quoted:
        return False
    reached = (_place(f, context) for f in frame.fillers("destination") if f.slot in _ARRIVAL_SLOTS)
    return any(place is not None and place.start == destination.start for place in reached)


def _tense(frame: Frame, context: ExtractionContext) -> str | None:
    """ "past" for a trip told as done ("flew to Lima", "had left for a visit"), "future" for one
    to come ("will fly to Lima"); None when its words say neither ("the trip to Lima")."""
    if frame.modality == "future":
        return "future"
    index = frame.trigger_index if frame.form == "verb" else frame.support
    if index is None:
        return None
    verb = context.doc[index]
    perfect = verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    return "past" if verb.tag_ == "VBD" or perfect else None


def _under_way(frame: Frame, context: ExtractionContext) -> bool:
    """The traveller is on the way when the sentence is true.

    "a bus travelling to Pokhara", "the ferry was sailing to Split", "a train bound for
    Kyiv", "two hours into its journey", "during the flight", "a bus from Kathmandu to
    Pokhara plunged into a river": it has not arrived yet.
    """
    token = context.doc[frame.trigger_index]
    # "a bus from Kathmandu to Pokhara plunged into a river": a vehicle named by its route.
    if any(f.slot == "self" for f in frame.fillers("traveller")):
        return True
    if frame.form == "verb":
        if token.dep_ in {"acl", "amod"} and token.tag_ in {"VBG", "VBN"}:
            return True
        return token.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in token.children)
    return token.dep_ == "pobj" and token.head.lower_ in _lexicon("under_way_preps")


def _reported(frame: Frame, context: ExtractionContext) -> bool:
    """Words the article does not make its own: a direct quotation, or a clause under a verb
    that doubts or only supposes it ("claimed that", "denied that", "believes")."""
    if frame.quoted:
        return True
    doubting = _lexicon("doubting_verbs")
    current = context.doc[frame.trigger_index]
    for _ in range(8):
        head = current.head
        if head.i == current.i:
            return False
        if head.lemma_.lower() in doubting:
            return True
        current = head
    return False


def _place(filler: Filler, context: ExtractionContext) -> Mention | None:
    return context.entities.place_mention(context.doc[filler.head])


def _day(frame: Frame) -> str | None:
    if frame.time is None:
        return None
    return " ".join(frame.time.text.lower().replace("’s", "").replace("'s", "").split())


class _Travellers:
    """Who a frame's traveller is, told apart as the article tells them apart.

    A person is their person key (so nationality applies); anyone else is their party,
    qualified by an owner named with them ("Paraguay's team"), so two teams are two
    travellers; a later "the team" is the one team so far, when there is one.
    """

    def __init__(self, context: ExtractionContext) -> None:
        self.context = context
        #: party key -> qualified keys seen so far, in text order (a dict: asked, never scanned)
        self.qualified: dict[str, dict[str, None]] = {}
        self._vehicle_kinds: list[str] | None = None

    def vehicle_kinds(self) -> list[str]:
        """The kinds of vehicle the article names anywhere: a model's name ("the Airbus
        A320") is the article's vehicle only when they are of one kind. Read only when a
        traveller is a product's name, not for every article."""
        if self._vehicle_kinds is None:
            doc = self.context.doc
            found = {kind for t in doc if t.pos_ == "NOUN" and (kind := _vehicle_kind(t.lemma_.lower()))}
            self._vehicle_kinds = sorted(found)
        return self._vehicle_kinds

    def of(self, filler: Filler) -> _Traveller | None:
        party = filler.party
        if party is None:
            return None
        token = self.context.doc[filler.head]
        if party.person_key is not None:
            key = party.person_key
            name = self.context.entities.person_names.get(key, filler.span.text)
            return _Traveller(Mention(filler.span.start, filler.span.end, filler.span.text, key), name)
        # "Kenya's rugby squad" and "the squad": a common noun is a description, by its noun
        # (a lower-case noun even when the tagger calls it a name).
        common = token.pos_ == "NOUN" or token.is_lower or (token.pos_ == "PROPN" and not token.ent_type_)
        if common and party.kind in {"thing", "organisation"}:
            noun = token.lemma_.lower()
            # "the team", "the squad", "the riders": one travelling group, however it is called;
            # "the jet", "the aircraft": one vehicle of a kind.
            noun = "group" if noun in _lexicon("group_nouns") else _vehicle_kind(noun) or noun
            # A trip noun that travels itself has its places before it, not an owner: "the
            # Zanzibar-Nairobi flight".
            key = self._qualified(token, f"thing:{noun}", owned=filler.slot != "self")
        elif token.ent_type_ == "PRODUCT" and len(self.vehicle_kinds()) == 1:
            # "A passenger jet ... The Airbus A320": a model's name is the vehicle already told
            # (its maker is part of the name, no owner); when one so far, it is that one.
            vehicle = f"thing:{self.vehicle_kinds()[0]}"
            seen = self.qualified.get(vehicle, {})
            key = next(iter(seen)) if len(seen) == 1 else vehicle
        else:
            key = party.key
        return _Traveller(
            Mention(filler.span.start, filler.span.end, filler.span.text, key), filler.span.text
        )

    def _qualified(self, token: Token, key: str, owned: bool = True) -> str:
        if not key.startswith("thing:"):
            return key
        seen = self.qualified.setdefault(key, {})
        determiners = {c.lower_ for c in token.children if c.dep_ in {"det", "amod", "nummod"}}
        if seen and determiners & _lexicon("new_individual_words"):
            # "another bus", "a second plane", "a bus" once the bus is known: someone else.
            individual = f"{key}#{token.i}"
            seen[individual] = None
            return individual
        owners = [
            self.context.parties.party(c)
            for c in token.children
            if owned and c.dep_ in {"poss", "compound", "nmod", "amod"} and c.ent_type_ in _OWNER_ENTITIES
        ]
        sides = sorted({o.side for o in owners if o is not None and o.kind != "thing"})
        if sides:
            qualified = f"{key}@{'+'.join(sides)}"
            seen.setdefault(qualified)
            return qualified
        if not seen:
            seen[key] = None
        return next(iter(seen)) if len(seen) == 1 else key


@dataclass(slots=True)
class _EarlierMentions:
    """What a trip's later mentions read of its earlier ones, kept as each one comes
    instead of read again from all of them for each (a story that says "the visit"
    forty times).

    ``_abroad_source`` wants the first earlier mention that calls the trip one
    abroad and is no leg, no way home and goes nowhere named; ``_event_travellers``
    the travellers named so far.
    """

    abroad: Frame | None = None
    last_person: Filler | None = None
    person_keys: set[str] = field(default_factory=set)
    last_traveller: Filler | None = None
    traveller_keys: set[str] = field(default_factory=set)

    def add(self, frame: Frame, first_cue_in_sentence: bool) -> None:
        # The first cue of the trip is the first of its sentence too (``_cues_by_sentence``).
        if self.abroad is None and first_cue_in_sentence:
            self.abroad = frame
        for filler in frame.fillers("traveller"):
            if filler.party is None:
                continue
            self.last_traveller = filler
            self.traveller_keys.add(filler.party.key)
            if filler.party.kind == "person":
                self.last_person = filler
                self.person_keys.add(filler.party.key)


def _abroad_cue(other: Frame, context: ExtractionContext) -> bool:
    """Whether an earlier mention calls the trip one abroad for a later one to take:
    "a trip abroad", not "a trip abroad to France", nor a leg or a way home."""
    if not _called_abroad(other, context):
        return False
    return not (other.fillers("destination") or _in_sequence(other, context) or _is_home(other, context))


def _abroad_source(
    frame: Frame, earlier: _EarlierMentions, in_sentence: Frame | None, context: ExtractionContext
) -> Frame | None:
    """The frame that calls this trip a trip abroad: itself, or another mention of the same trip.

    "his first trip abroad was when he boarded a train bound for X" and "flew to X for
    her first trip abroad" (one sentence, one trip, the cue before or after) and "will
    leave for a trip abroad ... The visit to X" or "The tour will take her to X" (a later
    definite mention naming no traveller but the trip abroad's own) take the cue;
    "after a trip abroad to France, he flew to X" does not: that trip abroad went
    somewhere else, and came before.
    """
    if _called_abroad(frame, context):
        return frame
    if frame.form == "noun" and frame.reference.definite and earlier.abroad is not None:
        # "The tour will take her to X": a definite mention of the trip whose only
        # traveller is the trip abroad's own (or who names none) is that trip.
        travellers = {f.party.key for f in frame.fillers("traveller") if f.party is not None}
        own = {f.party.key for f in earlier.abroad.fillers("traveller") if f.party is not None}
        if travellers <= own and len(travellers) == len(frame.fillers("traveller")):
            return earlier.abroad
    return in_sentence


def _cue(source: Frame, context: ExtractionContext) -> Mention:
    """ "Kim's first trip abroad": the abroad frame's words."""
    token = context.doc[source.trigger_index]
    start = token.i
    for child in token.lefts:
        if child.dep_ in {"poss", "amod", "det", "compound", "nummod"}:
            start = min(start, child.left_edge.i)
    end = max([token.i + 1, *(c.i + 1 for c in token.children if c.lower_ in _lexicon("abroad_words"))])
    if end == token.i + 1 and end < len(token.doc) and token.doc[end].lower_ in _lexicon("abroad_words"):
        end += 1
    span = context.doc[start:end]
    return Mention(span.start_char, span.end_char, span.text, "")


def _span(frame: Frame, places: list[Mention], context: ExtractionContext) -> Mention:
    """From the travel word to its farthest place: "travelling from Kathmandu to Pokhara"."""
    start = min([frame.trigger.start, *(p.start for p in places)])
    end = max([frame.trigger.end, *(p.end for p in places)])
    span = context.doc.char_span(start, end, alignment_mode="expand")
    return Mention.of(span, "") if span is not None else frame.trigger


def _event_travellers(frame: Frame, earlier: _EarlierMentions) -> list[Filler]:
    """ "The visit to Indonesia": a definite mention naming no traveller is the trip's traveller's."""
    if frame.form != "noun" or not frame.reference.definite:
        return []
    # A named person is who "the minister" of a headline is; a description is no other traveller.
    if earlier.person_keys:
        last, keys = earlier.last_person, earlier.person_keys
    else:
        last, keys = earlier.last_traveller, earlier.traveller_keys
    return [last] if last is not None and len(keys) == 1 else []


def _cues_by_sentence(context: ExtractionContext) -> dict[tuple[str, tuple[int, int]], Frame]:
    """(event, sentence) -> the first mention there that calls the trip one abroad: "flew
    to Lima for her first trip abroad" gives the cue after the destination."""
    found: dict[tuple[str, tuple[int, int]], Frame] = {}
    for frame in context.events.of_class(TRIP):
        if _abroad_cue(frame, context):
            found.setdefault((context.events.event(frame), frame.sentence), frame)
    return found


def extract(context: ExtractionContext) -> Iterator[Claim]:
    travellers = _Travellers(context)
    #: event id -> what its mentions so far tell: the earlier mentions of one trip.
    trips: dict[str, _EarlierMentions] = {}
    cues = _cues_by_sentence(context)
    for frame in context.events.of_class(TRIP):
        event = context.events.event(frame)
        earlier = trips.setdefault(event, _EarlierMentions())
        # "did not fly to Lima"; "flights to Lima are full", "his visits to Peru": no one trip.
        in_sentence = cues.get((event, frame.sentence))
        if frame.polarity != "negative" and not frame.reference.plural:
            yield from _claims(frame, earlier, in_sentence, travellers, context)
        earlier.add(frame, in_sentence is frame)


def _itself(frame: Frame, context: ExtractionContext) -> tuple[Filler, ...]:
    """ "the Zanzibar-Nairobi flight": a trip noun that names who or what makes the trip
    (frames.yaml party_nouns) travels itself when no one else is said to."""
    if frame.form != "noun" or not context.events.lexicon.names_party(frame.event_class, frame.lemma):
        return ()
    token = context.doc[frame.trigger_index]
    party = context.parties.party(token)
    return (Filler("traveller", "self", token.i, frame.trigger, party),) if party is not None else ()


def _claims(
    frame: Frame,
    earlier: _EarlierMentions,
    in_sentence: Frame | None,
    travellers: _Travellers,
    context: ExtractionContext,
) -> Iterator[Claim]:
    # "flew to Auckland for the series": beside a destination, "for" names the purpose.
    goals = frame.fillers("destination")
    if any(f.slot != "for" for f in goals):
        goals = tuple(f for f in goals if f.slot != "for")
    destinations = [p for f in goals if (p := _place(f, context)) is not None]
    origins = [p for f in frame.fillers("origin") if (p := _place(f, context)) is not None]
    if not destinations and not origins:
        return
    own = frame.fillers("traveller") or _event_travellers(frame, earlier) or _itself(frame, context)
    found: dict[str, _Traveller] = {}
    for filler in own:
        traveller = travellers.of(filler)
        if traveller is not None:
            found.setdefault(traveller.mention.id, traveller)
    source = _abroad_source(frame, earlier, in_sentence, context)
    home = _is_home(frame, context)
    origin = origins[0] if origins else None
    for traveller in sorted(found.values(), key=lambda t: (t.mention.start, t.mention.id)):
        ends: list[Mention | None] = [*destinations] or [None]
        for destination in ends:
            places = [p for p in (origin, destination) if p is not None]
            span = _span(frame, places, context)
            yield Claim(
                kind="travel",
                span=span,
                sentence=frame.sentence,
                values={
                    "traveller": traveller.mention,
                    "traveller_name": traveller.name,
                    "destination": destination,
                    "origin": origin,
                    "event": context.events.event(frame),
                    "day": _day(frame),
                    "cue": _cue(source, context) if source is not None and source is not frame else span,
                    "abroad": source is not None and not home,
                    "onward": _is_onward(frame, context),
                    "home": home,
                    "stop": _is_stop(frame, goals, destinations),
                    "arrived": _arrived(frame, destination, context),
                    "tense": _tense(frame, context),
                    "firm": frame.modality in _FIRM,
                    "under_way": _under_way(frame, context),
                    "trigger": frame.lemma,
                    "modality": frame.modality,
                    "reported": _reported(frame, context),
                },
                attributed_to=frame.attribution,
                polarity=frame.polarity,
            )
