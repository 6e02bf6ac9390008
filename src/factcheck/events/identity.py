"""One notion of "the same event", shared by every rule.

Frames are resolved to events class by class, in text order:

    "Samoa beat Fiji on Saturday ... The victory in Suva lifts Samoa"   one contest
    "Tonga, who beat Japan in Tokyo"                                    another (other sides)
    "a vote on Thursday ... a second vote on Friday"                    two votes (ordinal)
    "the Senate vote ... the House vote"                                two votes (owners differ)
    "Saturday's match ... Wednesday's match"                            two matches (each named
                                                                        by its day)
    "the talks in Geneva ... talks in Paris next month"                 two (a relative time)
    "Saturday's final" against "the match on Tuesday"                   two (a stage named on
                                                                        one side only)

The first mention opens the event the article reports. A later mention joins an
earlier event of its class when it can refer back (a verb clause, a definite or
possessed noun, or an indefinite one still in the headline and first paragraph,
which introduce the story together) and nothing tells them apart: no mark of
another occasion, no stage, owner or qualifier that differs, no sides that differ,
no time that is relative or in another year on one side only, no plan set against
a fact. When several earlier events fit, the one sharing a side wins; when none
can be told, the mention refers to neither, so nothing is compared by accident.

Two stated days or two places for one event are not told apart here: those are
exactly the contradictions the date and location rules report.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field

from factcheck.events.lexicon import NOUN, FrameLexicon
from factcheck.events.model import Frame

#: Slots a later mention may add without naming another occasion: "the crucial vote", "the budget vote".
_DESCRIPTIVE = frozenset({"amod", "compound"})
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
#: Roles whose fillers tell two occasions of a class apart ("Tonga beat Japan" is not Samoa's win).
_SIDE_ROLES = frozenset(
    {
        "participant",
        "winner",
        "loser",
        "traveller",
        "striker",
        "attacker",
        "target",
        "party",
        "plaintiff",
        "defendant",
        "giver",
        "receiver",
        "opener",
        "host",
        "organiser",
        "voter",
    }
)
#: Modalities that are not the event happening: a plan, a request, a thing only weighed.
_NOT_HAPPENING = frozenset({"planned", "requested", "hypothetical"})
Contains = Callable[[str, str], bool]


@dataclass(slots=True)
class _Event:
    event_id: str
    #: Opened in the headline or first paragraph: the event the story reports.
    reported: bool
    frames: list[Frame] = field(default_factory=list)
    sides: set[str] = field(default_factory=set)
    #: One frame of each profile among ``frames`` (see ``_profile``): all ``_fits``
    #: needs to read, however often the article comes back to the event.
    distinct: dict[Hashable, Frame] = field(default_factory=dict)

    @property
    def first(self) -> Frame:
        return self.frames[0]

    def add(self, frame: Frame, text: str) -> None:
        self.frames.append(frame)
        self.distinct.setdefault(_profile(frame, text), frame)
        self.sides |= _sides(frame)

    def key(self) -> Hashable:
        """All that ``_fits`` and ``_ClassEvents.choose`` read of this event: events alike in it are
        told apart by nothing a later mention could show."""
        first = self.first
        qualifiers = tuple(sorted(first.reference.qualifiers.items()))
        return self.reported, first.form, qualifiers, frozenset(self.distinct), frozenset(self.sides)


def _profile(frame: Frame, text: str) -> Hashable:
    """All ``_fits`` reads of an earlier mention of an event: mentions alike in it fit alike."""
    reference = frame.reference
    return (
        reference.stage,
        reference.day_name,
        _time_words(frame, text),
        frame.modality in _NOT_HAPPENING,
        tuple(place.id for place in frame.places),
        tuple(sorted(reference.qualifiers.items())),
    )


def _sides(frame: Frame) -> set[str]:
    found = set()
    for filler in frame.roles:
        if filler.role in _SIDE_ROLES and filler.party is not None and filler.party.kind != "thing":
            found.update({filler.party.key, filler.party.side})
    return found


def _time_words(frame: Frame, text: str) -> str:
    if frame.time is None:
        return ""
    return text[frame.time.start : frame.time.end].lower()


def _times_apart(first: Frame, later: Frame, text: str, lexicon: FrameLexicon) -> bool:
    """A relative time or a year on one side only: "the two met in 2019", "talks next month"."""
    a, b = _time_words(first, text), _time_words(later, text)
    years = [bool(_YEAR.search(t)) for t in (a, b)]
    if years[0] != years[1]:
        return True
    if all(years) and not set(_YEAR.findall(a)) & set(_YEAR.findall(b)):
        return True
    relative = [bool(set(t.split()) & lexicon.relative_times) for t in (a, b)]
    return any(relative) and a != b


def _folded(time: str) -> str:
    return " ".join(time.replace("’s", "").replace("'s", "").split())


def _qualifiers_fit(event: _Event, later: Frame) -> bool:
    """No qualifier differs; and a later mention adds none that tells occasions apart
    ("a vote on Thursday" ... "Friday's vote on the amendment" may be a second vote),
    unless the event was first told by a verb, which has no qualifiers to compare."""
    two = later.reference.qualifiers
    for earlier in event.distinct.values():
        one = earlier.reference.qualifiers
        if any(one[slot] != two[slot] for slot in one.keys() & two.keys()):
            return False
    first = event.first
    if first.form != NOUN:
        return True
    return all(slot in first.reference.qualifiers or slot in _DESCRIPTIVE for slot in two)


def _places_apart(first: Frame, later: Frame, contains: Contains) -> bool:
    if not first.places or not later.places:
        return False
    return not any(
        contains(a.id, b.id) or contains(b.id, a.id)
        for a in first.places
        for b in later.places
        if a.id and b.id
    )


def _fits(event: _Event, frame: Frame, text: str, lexicon: FrameLexicon, contains: Contains) -> bool:
    for earlier in event.distinct.values():
        if earlier.reference.stage != frame.reference.stage:
            return False
        days = (earlier.reference.day_name, frame.reference.day_name)
        if all(days) and days[0] != days[1]:
            return False
        if _times_apart(earlier, frame, text, lexicon):
            return False
        times = (_folded(_time_words(earlier, text)), _folded(_time_words(frame, text)))
        # Outside the story's own event, two stated times are two occasions ("the game
        # in October" ... "Saturday's game"); for the reported event they are what the
        # date rules compare.
        if not event.reported and all(times) and times[0] != times[1]:
            return False
        if (earlier.modality in _NOT_HAPPENING) != (frame.modality in _NOT_HAPPENING):
            return False
        # Another day and another place: a later mention that differs in both tells
        # of another occasion ("met in Brussels on Monday" ... "on Tuesday the meeting
        # in London"); one that differs in one is that one's contradiction.
        if all(times) and times[0] != times[1] and _places_apart(earlier, frame, contains):
            return False
    if not _qualifiers_fit(event, frame):
        return False
    sides = _sides(frame)
    return not (sides and event.sides and not sides & event.sides)


def _can_refer_back(frame: Frame, in_lede: bool) -> bool:
    return frame.form != NOUN or frame.reference.definite or in_lede


def resolve_events(
    frames: Sequence[Frame], text: str, lede_end: int, lexicon: FrameLexicon, contains: Contains
) -> dict[str, str]:
    """frame id -> event id for every frame; ``lede_end`` is where the first body paragraph ends."""
    event_of: dict[str, str] = {}
    by_class: dict[str, _ClassEvents] = {}
    at_token: dict[tuple[str, int], _Event] = {}
    count = 0
    ordered = sorted(frames, key=lambda f: (f.trigger.start, f.event_class))

    def fits(event: _Event, frame: Frame) -> bool:
        return _fits(event, frame, text, lexicon, contains)

    for frame in ordered:
        events = by_class.setdefault(frame.event_class, _ClassEvents())
        chosen = _linked(frame, at_token, ordered)
        if (
            chosen is None
            and not frame.reference.other_occasion
            and _can_refer_back(frame, frame.trigger.start < lede_end)
        ):
            chosen = events.choose(frame, fits)
        if chosen is None:
            count += 1
            chosen = _Event(f"{frame.event_class}#{count}", reported=frame.trigger.start < lede_end)
        events.join(chosen, frame, text)
        event_of[frame.frame_id] = chosen.event_id
        at_token[(frame.event_class, frame.trigger_index)] = chosen
    return event_of


def _linked(frame: Frame, at_token: dict[tuple[str, int], _Event], frames: Sequence[Frame]) -> _Event | None:
    """ "Samoa beat Fiji in the opening match": a frame about an event word of its own class is that event.

    The event word may come later in the sentence; then it joins this frame's event.
    """
    for index in frame.about:
        found = at_token.get((frame.event_class, index))
        if found is not None:
            return found
    return None


@dataclass(slots=True)
class _ClassEvents:
    """The events of one class so far, grouped by all that ``_fits`` and ``_choose``
    read of them (``_Event.key``).

    A story that keeps coming back to its events ("the deal" forty times, a table
    of deliveries) has many events of a class, but few kinds of them: each later
    mention asks each kind once, not each event.
    """

    #: The first event of the class: the one the article reports.
    reported: _Event | None = None
    groups: dict[Hashable, dict[str, _Event]] = field(default_factory=dict)
    keys: dict[str, Hashable] = field(default_factory=dict)
    #: How many mentions of each word the events after the reported one hold.
    later_lemmas: Counter[str] = field(default_factory=Counter)

    def join(self, event: _Event, frame: Frame, text: str) -> None:
        """Add a mention to an event of this class, new or not."""
        old = self.keys.get(event.event_id)
        if old is not None:
            group = self.groups[old]
            del group[event.event_id]
            if not group:
                del self.groups[old]
        if self.reported is None:
            self.reported = event
        elif event is not self.reported:
            self.later_lemmas[frame.lemma] += 1
        event.add(frame, text)
        key = self.keys[event.event_id] = event.key()
        self.groups.setdefault(key, {})[event.event_id] = event

    def choose(self, frame: Frame, fits: Callable[[_Event, Frame], bool]) -> _Event | None:
        """Of the earlier events a mention fits, the one it refers to, or None when that cannot be told.

        One that shares a side wins. Otherwise the event the article reports (its
        first) wins, unless the same word already named another occasion: "a vote on
        Thursday ... a second vote ... the vote" could mean either.
        """
        # Events of one group are alike in all ``fits`` reads: one answers for all.
        fitting = [group for group in self.groups.values() if fits(next(iter(group.values())), frame)]
        candidates = sum(len(group) for group in fitting)
        if candidates <= 1:
            return _only(fitting)
        sides = _sides(frame)
        sharing = [group for group in fitting if sides & next(iter(group.values())).sides]
        if sum(len(group) for group in sharing) == 1:
            return _only(sharing)
        reported = self.reported
        if reported is None or not any(reported.event_id in group for group in fitting):
            return None
        return None if self.later_lemmas[frame.lemma] else reported


def _only(groups: Sequence[dict[str, _Event]]) -> _Event | None:
    """The one event of some groups that hold one between them, or None when they hold none."""
    return next((event for group in groups for event in group.values()), None)
