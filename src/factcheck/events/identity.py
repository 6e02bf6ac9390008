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
from collections.abc import Callable, Sequence
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

    @property
    def first(self) -> Frame:
        return self.frames[0]


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
    for earlier in event.frames:
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
    for earlier in event.frames:
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
    frames: Sequence[Frame],
    text: str,
    ledes: Sequence[tuple[int, int]],
    lexicon: FrameLexicon,
    contains: Contains,
) -> dict[str, str]:
    """frame id -> event id for every frame.

    ``ledes`` are the spans that introduce a story (headline and first paragraph):
    one for an article; a rewrite read after its source opens a second one, so its
    first, indefinite mentions ("a summit in ...") may still be the source's event.
    """
    event_of: dict[str, str] = {}
    by_class: dict[str, list[_Event]] = {}
    at_token: dict[tuple[str, int], _Event] = {}
    count = 0
    ordered = sorted(frames, key=lambda f: (f.trigger.start, f.event_class))
    for frame in ordered:
        events = by_class.setdefault(frame.event_class, [])
        chosen = _linked(frame, at_token, ordered)
        in_lede = any(start <= frame.trigger.start < end for start, end in ledes)
        if chosen is None and not frame.reference.other_occasion:
            candidates = [e for e in events if _fits(e, frame, text, lexicon, contains)]
            if _can_refer_back(frame, in_lede):
                chosen = _choose(candidates, events, frame)
        if chosen is None:
            count += 1
            chosen = _Event(f"{frame.event_class}#{count}", reported=in_lede)
            events.append(chosen)
        chosen.frames.append(frame)
        chosen.sides |= _sides(frame)
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


def _choose(candidates: Sequence[_Event], events: Sequence[_Event], frame: Frame) -> _Event | None:
    """Of the earlier events a mention fits, the one it refers to, or None when that cannot be told.

    One that shares a side wins. Otherwise the event the article reports (its
    first) wins, unless the same word already named another occasion: "a vote on
    Thursday ... a second vote ... the vote" could mean either.
    """
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    sides = _sides(frame)
    sharing = [e for e in candidates if sides & e.sides]
    if len(sharing) == 1:
        return sharing[0]
    reported = events[0]
    if reported in candidates:
        others = [e for e in events if e is not reported]
        if not any(f.lemma == frame.lemma for e in others for f in e.frames):
            return reported
    return None
