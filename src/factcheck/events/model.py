"""The event layer's data: frames read from the parse, and the events they mention.

A frame is one mention of an event, by a verb ("Kazakhstan will supply Azerbaijan
with wheat") or a noun ("Azerbaijan's commitment to supply ...", "the sale of its
stake to Andina"), with the roles the parse gives it. Frames that mention the
same event share an event id (events/identity.py).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from factcheck.events.lexicon import FrameLexicon
from factcheck.nlp.entities import Mention

#: How firmly an article states a frame: "sold" is asserted, "will sell" future.
MODALITIES = ("asserted", "future", "possible", "planned", "requested", "conditional", "hypothetical")


@dataclass(frozen=True, slots=True)
class Party:
    """Who or what a role's words refer to, as far as the article tells.

    ``key`` identifies the referent across the article ("Andina Minerals" and
    "Andina" share one); ``side`` is what it stands for when sides are compared
    (a country for its capital, a minister or a state company; else the key).
    """

    key: str
    side: str
    kind: str  # person, place, organisation, group, thing

    @property
    def person_key(self) -> str | None:
        """A person's key in the entity index ("valentina rojas"); None for anyone else."""
        return self.key.removeprefix("person:") if self.kind == "person" else None


@dataclass(frozen=True, slots=True)
class Filler:
    """One role of a frame and the words that fill it."""

    role: str
    #: The syntactic slot it was read from: "subject", "to", "possessor", ...
    slot: str
    #: Index of the filler's head token in the Doc.
    head: int
    #: The phrase, in analysis offsets.
    span: Mention
    party: Party | None


@dataclass(frozen=True, slots=True)
class Reference:
    """What a mention says about which occasion it is.

    "the Senate vote on Thursday" is definite, with the owner "senate"; "a second
    vote" is marked as another occasion; "Saturday's match" is named by its day.
    """

    definite: bool
    #: A word marks another occasion than the one reported: "next", "second", "again".
    other_occasion: bool
    #: slot -> folded words that tell occasions of one class apart: owner, compound, ...
    qualifiers: Mapping[str, str] = field(default_factory=dict)
    #: The stage a contest noun names ("final"), if any.
    stage: str | None = None
    #: An ordinal count given with the mention ("first", "third"), as a number.
    ordinal: int | None = None
    #: The day word the mention is named by ("saturday" in "Saturday's match").
    day_name: str | None = None
    #: A plural that names several occasions: "meetings in Paris are common".
    plural: bool = False


@dataclass(frozen=True, slots=True)
class Frame:
    frame_id: str
    event_class: str
    #: The evoking word: "supply", "sale", "opening ceremony".
    trigger: Mention
    trigger_index: int
    lemma: str
    #: "verb" or "noun"
    form: str
    #: Index of the sense in its class's list, for sense-level flags ("homeward").
    sense: int
    roles: tuple[Filler, ...]
    #: Where it happened: the places of its "in"/"at" and of its clause.
    places: tuple[Mention, ...]
    #: The date or day words attached to it: "on Wednesday", "Friday's".
    time: Mention | None
    #: Index of the head token of ``time``, for the date readers.
    time_index: int | None
    polarity: str
    modality: str
    attribution: str | None
    quoted: bool
    reference: Reference
    sentence: tuple[int, int]
    #: Event words this frame is about (token indexes): "won the runoff", "beat Fiji in the match".
    about: tuple[int, ...] = ()
    #: Told by a role noun ("Soria, the plaintiff,"): it names a side of an event the
    #: article tells elsewhere, and has no place of its own.
    role_noun: bool = False
    #: The verb that carries a noun frame, if any (token index): "made a trip", "left for a trip",
    #: "the trip took him to Kenya".
    support: int | None = None

    def fillers(self, role: str) -> tuple[Filler, ...]:
        return tuple(f for f in self.roles if f.role == role)

    def first(self, role: str) -> Filler | None:
        return next((f for f in self.roles if f.role == role), None)


@dataclass(frozen=True, slots=True)
class EventLayer:
    """Every frame of one article, and the event each one mentions."""

    frames: tuple[Frame, ...]
    #: frame id -> event id ("contest#1"); frames of one event share it.
    event_of: Mapping[str, str]
    lexicon: FrameLexicon
    #: Positions in ``frames`` by class, and the frames of each trigger token and of
    #: each event: the questions below are asked of one frame or token at a time and
    #: must not scan the article each time.
    _by_class: Mapping[str, tuple[int, ...]] = field(init=False, repr=False, compare=False)
    _by_token: Mapping[int, tuple[Frame, ...]] = field(init=False, repr=False, compare=False)
    _by_event: Mapping[str, tuple[Frame, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_class: dict[str, list[int]] = {}
        by_token: dict[int, list[Frame]] = {}
        by_event: dict[str, list[Frame]] = {}
        for position, frame in enumerate(self.frames):
            by_class.setdefault(frame.event_class, []).append(position)
            by_token.setdefault(frame.trigger_index, []).append(frame)
            by_event.setdefault(self.event_of[frame.frame_id], []).append(frame)
        # Frozen: the indexes are set once, here, as the frames are.
        object.__setattr__(self, "_by_class", {key: tuple(found) for key, found in by_class.items()})
        object.__setattr__(self, "_by_token", {key: tuple(found) for key, found in by_token.items()})
        object.__setattr__(self, "_by_event", {key: tuple(found) for key, found in by_event.items()})

    def of_class(self, *classes: str) -> Iterator[Frame]:
        """The frames of these classes, in the order of ``frames``."""
        positions = sorted(p for event_class in set(classes) for p in self._by_class.get(event_class, ()))
        return (self.frames[position] for position in positions)

    def at(self, token_index: int) -> tuple[Frame, ...]:
        return self._by_token.get(token_index, ())

    def event(self, frame: Frame) -> str:
        return self.event_of[frame.frame_id]

    def mentions_of(self, event_id: str) -> tuple[Frame, ...]:
        return self._by_event.get(event_id, ())
