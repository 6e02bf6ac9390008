"""The frame lexicon (data/frames.yaml): which word evokes which event class, and how.

Loaded once, validated against schemas/frames.schema.json, then checked for what a
schema cannot say: every slot maps to a role its class declares.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from spacy.tokens import Token

from factcheck.datafiles import DataFileError, line_of, load_yaml, strip_lines, validate

VERB = "verb"
NOUN = "noun"


@dataclass(frozen=True, slots=True)
class Sense:
    """One way of evoking a class: its words and which slot fills which role."""

    event_class: str
    index: int
    form: str
    slots: Mapping[str, str]
    alternation_if: str | None
    alternation_slots: Mapping[str, str]
    light_verbs: frozenset[str]
    homeward: bool
    #: slot -> the type its filler must have for the word to be used in this sense.
    needs: Mapping[str, str]
    #: The noun names a side of the event, not the event: "Soria, the plaintiff," "the buyer".
    role_noun: bool = False
    #: Slots of which one must be filled for the word to evoke this sense ("bound for X").
    requires: tuple[str, ...] = ()
    #: Verbs whose subject carries the noun as its own ("the trip took him to Kenya").
    carrying_verbs: frozenset[str] = frozenset()
    #: Verbs whose subject rides in the vehicle the word describes ("boarded a train bound for X").
    vehicle_verbs: frozenset[str] = frozenset()
    #: Participles on the noun whose "from"/"to" are the noun's: "a flight carrying tourists to X".
    conveying_verbs: frozenset[str] = frozenset()
    #: slot -> the words that must fill it for this sense: "took Dravo to court" (to: court).
    slot_words: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def roles_for(self, filled_slots: set[str]) -> Mapping[str, str]:
        """Slot -> role, with the alternation applied when its slot is filled."""
        if self.alternation_if is not None and self.alternation_if in filled_slots:
            return {**self.slots, **self.alternation_slots}
        return self.slots


@dataclass(frozen=True, slots=True)
class FrameLexicon:
    verbs: Mapping[str, tuple[Sense, ...]]
    nouns: Mapping[str, tuple[Sense, ...]]
    classes: Mapping[str, str]
    #: class -> the noun that names its event in a report: "meeting", "match".
    labels: Mapping[str, str]
    #: class -> role -> what fills it: party, place, event, thing or amount.
    roles: Mapping[str, Mapping[str, str]]
    stage_nouns: Mapping[str, frozenset[str]]
    #: class -> nouns that may name any event of a class whose nouns name distinct kinds.
    generic_nouns: Mapping[str, frozenset[str]]
    #: class -> noun -> the first noun of its kind ("quake" -> "earthquake").
    noun_kinds: Mapping[str, Mapping[str, str]]
    #: class -> the most sides one of its events has (a match: two).
    sides: Mapping[str, int]
    #: class -> its event nouns that may fill one of its party roles too: "the mission landed".
    party_nouns: Mapping[str, frozenset[str]]
    #: Classes whose frames happen at a place the location rules compare.
    located: frozenset[str]
    #: class -> the role whose own place is the event's ("opened a factory in X").
    place_of_role: Mapping[str, str]
    generic_heads: frozenset[str]
    other_occasion_modifiers: frozenset[str]
    other_occasion_adverbs: frozenset[str]
    relative_times: frozenset[str]
    definite_determiners: frozenset[str]
    non_referring_determiners: frozenset[str]
    singular_when_plural: frozenset[str]
    #: modality -> the governing words that give it: "plan to sell" is planned.
    modality: Mapping[str, frozenset[str]]
    happening_verbs: frozenset[str]
    holding_verbs: frozenset[str]
    #: Holding verbs whose doer is the place: "Suva hosted the final".
    hosting_verbs: frozenset[str]
    #: Verbs of a clause on an event noun that places it (the holding verbs and more):
    #: "the summit, which took place in Helsinki".
    placing_clause_verbs: frozenset[str]
    arrival_verbs: frozenset[str]
    #: Senses every other verb evokes ("any_verb"): "the assembly approved its package".
    generic_verbs: tuple[Sense, ...] = ()
    #: Verbs of the generic class done by their subject alone ("resign"), read once.
    lone_verbs: frozenset[str] = frozenset()
    #: The senses of a noun made from a verb no class claims ("closure"), and the verb of each noun.
    nominal_senses: tuple[Sense, ...] = ()
    nominalizations: Mapping[str, str] = field(default_factory=dict)
    #: Verbs too light to evoke a generic sense: "be", "have", "say".
    generic_except: frozenset[str] = frozenset()
    #: "left without signing": prepositions that deny the frame they govern.
    negating_prepositions: frozenset[str] = frozenset()
    #: The classes of the generic senses ("action"), read once: asked for every frame.
    generic_classes: frozenset[str] = frozenset()
    #: Classes whose parties keep one role for the whole event: one case has one plaintiff.
    fixed_roles: frozenset[str] = frozenset()
    #: class -> the roles its role nouns give: "plaintiff" and "defendant" of a case.
    role_noun_roles: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: The words a compound noun ends with ("strike" of "air strike") and a particle verb
    #: starts with ("hand" of "hand over"): only these have children worth reading, and
    #: nouns and verbs are looked up for nearly every word of an article.
    _compound_heads: frozenset[str] = field(init=False, repr=False, compare=False)
    _particle_heads: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Frozen: set once, here, from the word lists.
        object.__setattr__(self, "_compound_heads", frozenset(w.split()[-1] for w in self.nouns if " " in w))
        object.__setattr__(self, "_particle_heads", frozenset(w.split()[0] for w in self.verbs if " " in w))

    def generic_senses(self, token: Token) -> tuple[str, tuple[Sense, ...]]:
        """The generic senses of a verb no class claims, unless it is too light: "approved", not "was"."""
        lemma = token.lemma_.lower()
        for child in token.children:
            if child.dep_ == "prt":
                lemma = f"{lemma} {child.lower_}"
                break
        if lemma in self.generic_except or lemma.split()[0] in self.generic_except:
            return lemma, ()
        return lemma, self.generic_verbs

    def names_party(self, event_class: str, lemma: str) -> bool:
        """Whether a noun of this class's events also names who takes part: "the mission"
        travels, "the flight" flies (frames.yaml party_nouns)."""
        return lemma in self.party_nouns.get(event_class, ())

    def nominal_action(self, token: Token) -> tuple[str, tuple[Sense, ...]]:
        """ "the closure of the crossing": a noun made from a verb no class claims is that
        verb's action (its lemma, and the generic noun senses); none for any other noun."""
        verb = self.nominalizations.get(token.lemma_.lower())
        if verb is None or verb in self.verbs or verb in self.generic_except:
            return "", ()
        return verb, self.nominal_senses

    def story_roles(self, event_class: str) -> frozenset[str]:
        """The roles a role noun can give a party: "plaintiff" and "defendant" of a case."""
        return self.role_noun_roles.get(event_class, frozenset())

    @property
    def hyphenated_words(self) -> frozenset[str]:
        """Event words written with a hyphen, which the tokenizer must keep whole: "by-election"."""
        return frozenset(word for word in (*self.verbs, *self.nouns) if "-" in word and " " not in word)

    def verb_senses(self, token: Token) -> tuple[str, tuple[Sense, ...]]:
        """The senses of a verb, a particle verb first: "walk out", "hand over", "sold it back"."""
        lemma = token.lemma_.lower()
        particle = self.particle(token)
        if particle is not None:
            phrasal = f"{lemma} {particle.lower_}"
            return phrasal, self.verbs[phrasal]
        return lemma, self.verbs.get(lemma, ())

    def particle(self, token: Token) -> Token | None:
        """The particle that makes a verb a particle verb of the lexicon: "back" in "sold it back"
        (which the parser may call an adverb)."""
        lemma = token.lemma_.lower()
        if lemma not in self._particle_heads:
            return None
        for child in token.children:
            if child.dep_ in {"prt", "advmod"} and f"{lemma} {child.lower_}" in self.verbs:
                return child
        return None

    def noun_senses(self, token: Token) -> tuple[str, tuple[Sense, ...]]:
        """The senses of a noun, a compound first: "air strike", "opening ceremony"."""
        lemma = token.lemma_.lower()
        children = token.children if lemma in self._compound_heads else ()
        for child in children:
            if child.dep_ in {"compound", "amod"} and child.i == token.i - 1:
                compound = f"{child.lower_} {lemma}"
                if compound in self.nouns:
                    return compound, self.nouns[compound]
        if token.lower_ in self.nouns:
            return token.lower_, self.nouns[token.lower_]
        return lemma, self.nouns.get(lemma, ())


def _check_roles(raw: Any, path: str) -> None:
    for name, entry in strip_lines(raw)["classes"].items():
        roles = set(entry["roles"])
        for index, sense in enumerate(entry["senses"]):
            maps = [("slots", sense["slots"])]
            if "alternation" in sense:
                maps.append(("alternation", sense["alternation"]["slots"]))
            for slot in sense.get("requires", ()):
                if slot not in sense["slots"]:
                    raise DataFileError(
                        path,
                        line_of(raw, ("classes", name, "senses", index, "requires")),
                        f"required slot {slot!r} of class {name!r} fills no role; "
                        f"expected one of its slots: {', '.join(sorted(sense['slots']))}",
                    )
            for key, slots in maps:
                for slot, role in slots.items():
                    if role not in roles:
                        steps: tuple[str | int, ...] = ("classes", name, "senses", index, key)
                        raise DataFileError(
                            path,
                            line_of(raw, steps),
                            f"slot {slot!r} of class {name!r} fills role {role!r}; "
                            f"expected one of its roles: {', '.join(sorted(roles))}",
                        )


def parse_lexicon(raw: Any, path: str, nominalizations: Mapping[str, str] | None = None) -> FrameLexicon:
    validate(raw, "frames.schema.json", path)
    _check_roles(raw, path)
    data: dict[str, Any] = strip_lines(raw)
    verbs: dict[str, list[Sense]] = {}
    nouns: dict[str, list[Sense]] = {}
    generic: list[Sense] = []
    nominal: list[Sense] = []
    generic_except: set[str] = set()
    for name, entry in data["classes"].items():
        for index, sense_data in enumerate(entry["senses"]):
            form = NOUN if "nouns" in sense_data or "any_nominalization" in sense_data else VERB
            alternation = sense_data.get("alternation", {})
            sense = Sense(
                event_class=name,
                index=index,
                form=form,
                slots=dict(sense_data["slots"]),
                alternation_if=alternation.get("if"),
                alternation_slots=dict(alternation.get("slots", {})),
                light_verbs=frozenset(sense_data.get("light_verbs", ())),
                homeward=bool(sense_data.get("homeward", False)),
                needs=dict(sense_data.get("needs", {})),
                role_noun=bool(sense_data.get("role_noun", False)),
                requires=tuple(sense_data.get("requires", ())),
                slot_words={slot: frozenset(w) for slot, w in sense_data.get("slot_words", {}).items()},
                carrying_verbs=frozenset(sense_data.get("carrying_verbs", ())),
                vehicle_verbs=frozenset(sense_data.get("vehicle_verbs", ())),
                conveying_verbs=frozenset(sense_data.get("conveying_verbs", ())),
            )
            if sense_data.get("any_verb"):
                generic.append(sense)
                generic_except.update(sense_data.get("except", ()))
                continue
            if sense_data.get("any_nominalization"):
                nominal.append(sense)
                continue
            table = verbs if form == VERB else nouns
            for word in sense_data["verbs" if form == VERB else "nouns"]:
                table.setdefault(word, []).append(sense)
    generic_classes = frozenset(sense.event_class for sense in generic)
    return FrameLexicon(
        verbs={word: tuple(senses) for word, senses in verbs.items()},
        nouns={word: tuple(senses) for word, senses in nouns.items()},
        classes={name: entry["description"] for name, entry in data["classes"].items()},
        labels={name: entry["label"] for name, entry in data["classes"].items()},
        roles={name: dict(entry["roles"]) for name, entry in data["classes"].items()},
        place_of_role={
            name: entry["place_of_role"]
            for name, entry in data["classes"].items()
            if "place_of_role" in entry
        },
        located=frozenset(name for name, entry in data["classes"].items() if entry.get("located", True)),
        stage_nouns={
            name: frozenset(entry.get("stage_nouns", ())) for name, entry in data["classes"].items()
        },
        generic_nouns={
            name: frozenset(entry["generic_nouns"])
            for name, entry in data["classes"].items()
            if "generic_nouns" in entry
        },
        noun_kinds={
            name: {noun: group[0] for group in entry["same_kind_nouns"] for noun in group}
            for name, entry in data["classes"].items()
            if "same_kind_nouns" in entry
        },
        sides={name: entry["sides"] for name, entry in data["classes"].items() if "sides" in entry},
        party_nouns={
            name: frozenset(entry["party_nouns"])
            for name, entry in data["classes"].items()
            if "party_nouns" in entry
        },
        generic_heads=frozenset(data["generic_heads"]),
        other_occasion_modifiers=frozenset(data["other_occasion_modifiers"]),
        other_occasion_adverbs=frozenset(data["other_occasion_adverbs"]),
        relative_times=frozenset(data["relative_times"]),
        definite_determiners=frozenset(data["definite_determiners"]),
        non_referring_determiners=frozenset(data["non_referring_determiners"]),
        singular_when_plural=frozenset(data["singular_when_plural"]),
        modality={name: frozenset(items) for name, items in data["modality"].items()},
        happening_verbs=frozenset(data["places"]["happening_verbs"]),
        holding_verbs=frozenset(data["places"]["holding_verbs"]),
        hosting_verbs=frozenset(data["places"]["hosting_verbs"]),
        placing_clause_verbs=frozenset(
            data["places"]["holding_verbs"] + data["places"]["placing_clause_verbs"]
        ),
        arrival_verbs=frozenset(data["places"]["arrival_verbs"]),
        generic_verbs=tuple(generic),
        nominal_senses=tuple(nominal),
        lone_verbs=frozenset(
            word
            for word, senses in verbs.items()
            if any(s.slots.keys() == {"subject"} and s.event_class in generic_classes for s in senses)
        ),
        nominalizations=dict(nominalizations or {}),
        generic_classes=generic_classes,
        generic_except=frozenset(generic_except),
        negating_prepositions=frozenset(data.get("negating_prepositions", ())),
        fixed_roles=frozenset(name for name, entry in data["classes"].items() if entry.get("fixed_roles")),
        role_noun_roles=_role_noun_roles(nouns),
    )


def _role_noun_roles(nouns: Mapping[str, list[Sense]]) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for senses in nouns.values():
        for sense in senses:
            if sense.role_noun and "described" in sense.slots:
                found.setdefault(sense.event_class, set()).add(sense.slots["described"])
    return {name: frozenset(roles) for name, roles in found.items()}


@cache
def frame_lexicon() -> FrameLexicon:
    """The shipped lexicon, loaded and checked once per process."""
    resource = resources.files("factcheck.data").joinpath("frames.yaml")
    path = str(resource)
    return parse_lexicon(load_yaml(path, resource.read_text(encoding="utf-8")), path, _nominalizations())


def _nominalizations() -> dict[str, str]:
    """data/nominalizations.json (tools/nominalizations.py): "closure" -> "close"."""
    resource = resources.files("factcheck.data").joinpath("nominalizations.json")
    path = str(resource)
    try:
        data = json.loads(resource.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise DataFileError(path, None, f"cannot read the nominalizations: {error}") from None
    validate(data, "nominalizations.schema.json", path)
    return dict(data["nouns"])
