"""One notion of "the same event", shared by every rule.

Frames are resolved to events class by class, in text order:

    "Samoa beat Fiji on Saturday ... The victory in Suva lifts Samoa"   one contest
    "Tonga, who beat Japan in Tokyo"                                    another (other sides)
    "Chile drew with Peru" after "Norway beat Chile"                    another (a third side)
    "a vote on Thursday ... a second vote on Friday"                    two votes (ordinal)
    "a landslide ... the storm"                                         two disasters (nouns of
                                                                        distinct kinds)
    "the Senate vote ... the House vote"                                two votes (owners differ)
    "the G7 ministers' meeting ... the IMF meeting"                     two meetings (owners differ)
    "Saturday's match ... Wednesday's match"                            two matches (each named
                                                                        by its day)
    "the talks in Geneva ... talks in Paris next month"                 two (a relative time)
    "Saturday's final" against "the match on Tuesday"                   two (a stage named on
                                                                        one side only)
    "beat Ireland on Tuesday ... Ireland lost to Peru on Sunday"        two (another day and
                                                                        another side)
    "Italy have three wins ... Italy lost to Wales"                     two (a plural names
                                                                        other occasions)

The first mention opens the event the article reports. A later mention joins an
earlier event of its class when it can refer back (a verb clause, a definite or
possessed noun, or an indefinite one still in the headline and first paragraph,
which introduce the story together) and nothing tells them apart: no mark of
another occasion, no stage, owner or qualifier that differs (an owner that is
already a side, or the same party named another way, does not), no sides that
differ or that would be more than the class allows, no time that is relative or in
another year on one side only (except a headline's mention without a time and the
first paragraph's), no plan set against a fact. When several earlier events fit,
the one sharing a side wins; when none can be told, the mention refers to neither,
so nothing is compared by accident.

A story that keeps coming back to its events ("the deal" forty times, a table of
deliveries) is not read mention against mention: an event keeps one mention of
each profile (all the tests below read of an earlier mention), and events alike in
everything the tests read are asked once, as a group (``_ClassEvents``).

Two stated days or two places for one event are not told apart here: those are
exactly the contradictions the date and location rules report.

A generic action (a verb no class claims) is one event only with mentions of the
same verb: "the assembly approved its package" and "the package approved on Monday".

A role noun ("Soria, the plaintiff,", "the buyer") is resolved after the other
mentions: it names a side of an event already told, the one its party takes part in.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from factcheck.events.lexicon import NOUN, FrameLexicon
from factcheck.events.model import Frame
from factcheck.nlp.lexicon import word_set

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


@dataclass(frozen=True, slots=True)
class _Lede:
    """Where one story's headline and its first paragraph end."""

    start: int
    headline_end: int
    end: int


@dataclass(frozen=True, slots=True)
class _Story:
    """The text and the introduction of each story in it: one for an article; a
    rewrite read after its source opens a second one."""

    text: str
    ledes: tuple[_Lede, ...]

    def in_lede(self, position: int) -> bool:
        return any(lede.start <= position < lede.end for lede in self.ledes)

    def headline_at(self, position: int) -> int | None:
        """Which story's headline a position is in, if any."""
        for number, lede in enumerate(self.ledes):
            if lede.start <= position < lede.headline_end:
                return number
        return None

    def headline_of(self, earlier: Frame, later: Frame) -> bool:
        """A headline's mention with no time, and one in the first paragraph that gives it
        ("Party falls short in snap election" ... "in last week's snap election"): the
        headline names the story's event, whose time the paragraph tells."""
        return earlier.time is None and any(
            lede.start <= earlier.trigger.start < lede.headline_end <= later.trigger.start < lede.end
            for lede in self.ledes
        )


@dataclass(slots=True)
class _Event:
    event_id: str
    #: Opened in the headline or first paragraph: the event the story reports.
    reported: bool
    frames: list[Frame] = field(default_factory=list)
    sides: set[str] = field(default_factory=set)
    #: ``_parties(frames)``, kept as mentions join rather than read again each time.
    parties: set[str] = field(default_factory=set)
    #: The times its mentions give, as ``_fits`` compares them (``_folded``), when they give one.
    times: set[str] = field(default_factory=set)
    #: One frame of each profile among ``frames`` (see ``_profile``): all ``_fits``
    #: needs to read, however often the article comes back to the event.
    distinct: dict[Hashable, Frame] = field(default_factory=dict)

    @property
    def first(self) -> Frame:
        return self.frames[0]

    def add(self, frame: Frame, story: _Story) -> None:
        self.frames.append(frame)
        self.distinct.setdefault(_profile(frame, story), frame)
        self.sides |= _sides(frame)
        self.parties |= _parties([frame])
        time = _folded(_time_words(frame, story.text))
        if time:
            self.times.add(time)

    def key(self) -> Hashable:
        """All that ``_fits``, ``_role_fits`` and ``_ClassEvents.choose`` read of this event:
        events alike in it are told apart by nothing a later mention could show."""
        first = self.first
        return (
            self.reported,
            first.form,
            first.reference.plural,
            tuple(sorted(first.reference.qualifiers.items())),
            frozenset(self.distinct),
            frozenset(self.sides),
            frozenset(self.parties),
        )


def _profile(frame: Frame, story: _Story) -> Hashable:
    """All ``_fits`` and ``_role_fits`` read of an earlier mention of an event: mentions
    alike in it fit alike."""
    reference = frame.reference
    return (
        reference.stage,
        reference.day_name,
        frame.form,
        frame.lemma,
        frame.time is None,
        _time_words(frame, story.text),
        story.headline_at(frame.trigger.start),
        frame.modality in _NOT_HAPPENING,
        tuple(place.id for place in frame.places),
        tuple(sorted(reference.qualifiers.items())),
        frozenset(_owners(frame)),
    )


def _sides(frame: Frame) -> set[str]:
    found = set()
    for filler in frame.roles:
        if filler.role in _SIDE_ROLES and filler.party is not None and filler.party.kind != "thing":
            found.update({filler.party.key, filler.party.side})
    return found


def _parties(frames: Sequence[Frame]) -> set[str]:
    """The sides the frames name, one per party: "Norway beat Chile" has two."""
    return {
        filler.party.side
        for frame in frames
        for filler in frame.roles
        if filler.role in _SIDE_ROLES and filler.party is not None and filler.party.kind != "thing"
    }


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
    if any(relative) and a != b:
        return True
    # "beat Kenya on Saturday" ... "in June, when Uganda beat Kenya": a story names the
    # days of its own week and the months of earlier occasions.
    grains = {_grain(t) for t in (a, b)}
    return grains == {"weekday", "month"}


def _grain(time: str) -> str | None:
    """ "saturday" names a weekday only, "june" or "last june" a month only; a date with
    a day number ("june 7") neither."""
    words = set(_folded(time).split())
    if not words or any(ch.isdigit() for ch in time):
        return None
    weekdays = words & word_set("calendar", "weekdays")
    months = words & word_set("calendar", "months")
    if weekdays and not months:
        return "weekday"
    if months and not weekdays:
        return "month"
    return None


def _folded(time: str) -> str:
    return " ".join(time.replace("’s", "").replace("'s", "").split())


def _owners_as_one(qualifiers: Mapping[str, str]) -> dict[str, str]:
    """A named owner and a common-noun one say the same thing: whose occasion it is.

    "the IMF meeting" (owner "imf") and "the G7 ministers' meeting" (possessor
    "minister") are two owners, so two meetings.
    """
    folded = dict(qualifiers)
    if "poss" in folded and "owner" not in folded:
        folded["owner"] = folded.pop("poss")
    return folded


def _qualifiers_fit(event: _Event, later: Frame, story: _Story) -> bool:
    """No qualifier differs; and a later mention adds none that tells occasions apart
    ("a vote on Thursday" ... "Friday's vote on the amendment" may be a second vote),
    unless the event was first told by a verb, which has no qualifiers to compare, or
    by the headline, whose event the first paragraph tells in full ("Dockworkers end
    strike" ... "after a strike over pay")."""
    two = _owners_as_one(later.reference.qualifiers)
    for earlier in event.distinct.values():
        one = _owners_as_one(earlier.reference.qualifiers)
        differ = {slot for slot in one.keys() & two.keys() if one[slot] != two[slot]}
        # "his visit" and "Mensah's visit": one owner, named two ways.
        if "owner" in differ and _owners(earlier) & _owners(later):
            differ.discard("owner")
        if differ:
            return False
    if _another_measure(event, later):
        return False
    first = event.first
    if first.form != NOUN or story.headline_of(first, later):
        return True
    # "Norway's win" after "Norway beat Chile": an owner that is already a side adds nothing.
    known_owner = any(
        f.slot == "possessor" and f.party is not None and {f.party.key, f.party.side} & event.sides
        for f in later.roles
    )
    first_qualifiers = _owners_as_one(first.reference.qualifiers)
    return all(
        slot in first_qualifiers or slot in _DESCRIPTIVE or (slot == "owner" and known_owner) for slot in two
    )


#: Slots of a verb that name what it is done to: "approved the budget", "the budget was approved".
_DONE_TO = frozenset({"object", "passive_subject"})


def _another_measure(event: _Event, later: Frame) -> bool:
    """ "Parliament approved the budget" ... "Friday's vote on the health bill": what a verb
    mention was done to and what a later noun is "on" share no word, so two occasions."""
    about = {
        word
        for slot, words in later.reference.qualifiers.items()
        if slot.startswith("prep:")
        for word in words.split()
    }
    if not about:
        return False
    for earlier in event.distinct.values():
        if earlier.form == NOUN:
            continue
        done_to = {w.lower() for f in earlier.roles if f.slot in _DONE_TO for w in f.span.text.split()}
        if done_to and not done_to & about:
            return True
    return False


def _owners(frame: Frame) -> set[str]:
    return {f.party.key for f in frame.roles if f.slot == "possessor" and f.party is not None}


def _places_apart(first: Frame, later: Frame, contains: Contains) -> bool:
    if not first.places or not later.places:
        return False
    return not any(
        contains(a.id, b.id) or contains(b.id, a.id)
        for a in first.places
        for b in later.places
        if a.id and b.id
    )


def _other_kinds(earlier: Frame, later: Frame, generic: frozenset[str], kinds: Mapping[str, str]) -> bool:
    """Two nouns of a class whose nouns name distinct kinds: "a landslide" ... "the storm",
    but not "the earthquake" ... "the quake"."""
    if earlier.form != NOUN or later.form != NOUN or {earlier.lemma, later.lemma} & generic:
        return False
    return kinds.get(earlier.lemma, earlier.lemma) != kinds.get(later.lemma, later.lemma)


def _new_side(event: _Event, frame: Frame) -> bool:
    """Whether the frame names a side the event has not had: "Ireland lost to South Africa"
    after "Sri Lanka beat Ireland"."""
    if not event.sides:
        return False
    return any(
        filler.party.key not in event.sides and filler.party.side not in event.sides
        for filler in frame.roles
        if filler.role in _SIDE_ROLES and filler.party is not None and filler.party.kind != "thing"
    )


def _fits(
    event: _Event, frame: Frame, story: _Story, lexicon: FrameLexicon, contains: Contains, about: bool = False
) -> bool:
    """Whether ``frame`` may be a later mention of ``event``; ``about``: a verb of the event
    says it is about this noun ("beat Kenya in the final")."""
    text = story.text
    # "three wins" are several occasions; "the win" is none of them.
    if event.first.reference.plural != frame.reference.plural:
        return False
    generic = lexicon.generic_nouns.get(frame.event_class)
    kinds = lexicon.noun_kinds.get(frame.event_class, {})
    if not _stages_fit(event, frame, about):
        return False
    for earlier in event.distinct.values():
        if generic is not None and _other_kinds(earlier, frame, generic, kinds):
            return False
        days = (earlier.reference.day_name, frame.reference.day_name)
        if all(days) and days[0] != days[1]:
            return False
        if _times_apart(earlier, frame, text, lexicon) and not story.headline_of(earlier, frame):
            return False
        times = (_folded(_time_words(earlier, text)), _folded(_time_words(frame, text)))
        # Outside the story's own event, two stated times are two occasions ("the game
        # in October" ... "Saturday's game"); for the reported event they are what the
        # date rules compare.
        if not event.reported and all(times) and times[0] != times[1]:
            return False
        if (earlier.modality in _NOT_HAPPENING) != (frame.modality in _NOT_HAPPENING):
            return False
        # Another day and another place, or another day and another side: a later
        # mention that differs in both tells of another occasion ("met in Brussels on
        # Monday" ... "on Tuesday the meeting in London"; "beat Ireland on Tuesday" ...
        # "Ireland lost to South Africa on Sunday"); one that differs in one is that
        # one's contradiction.
        apart = _places_apart(earlier, frame, contains) or _new_side(event, frame)
        if all(times) and times[0] != times[1] and apart:
            return False
    if not _qualifiers_fit(event, frame, story):
        return False
    limit = lexicon.sides.get(frame.event_class)
    if limit is not None and len(event.parties | _parties([frame])) > limit:
        return False
    sides = _sides(frame)
    return not (sides and event.sides and not sides & event.sides)


def _stages_fit(event: _Event, frame: Frame, about: bool) -> bool:
    """No mention names another stage than ``frame`` ("the group match" is not "the final").

    A verb names no stage, so an event's stage is the one its nouns name: "beat Kenya in
    the final" ... "the final". An event a verb told first keeps taking later mentions
    that name no stage ("Kenya beat Uganda in the semi-final" ... "Kenya's 3-1 win"); a
    noun named by the event's own mention ("in the final") may add the stage.
    """
    other = frame.reference.stage
    if other is None and event.first.form != NOUN:
        return True
    stage = next((e.reference.stage for e in event.distinct.values() if e.reference.stage), None)
    for earlier in event.distinct.values():
        one = earlier.reference.stage
        if one == other or (about and (one is None or other is None)):
            continue
        if earlier.form != NOUN and one is None and stage is not None and stage == other:
            continue
        return False
    return True


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
    story = _Story(
        text, tuple(_Lede(start, start + _headline_end(text[start:end]), end) for start, end in ledes)
    )
    event_of: dict[str, str] = {}
    by_class: dict[tuple[str, str], _ClassEvents] = {}
    at_token: dict[tuple[str, int], _Event] = {}
    generic = lexicon.generic_classes
    count = 0
    ordered = sorted(frames, key=lambda f: (f.trigger.start, f.event_class))

    def fits(event: _Event, frame: Frame) -> bool:
        return _fits(event, frame, story, lexicon, contains)

    #: (class, token) of an event word -> the frame about it that came first: "lost their opening game".
    about_token: dict[tuple[str, int], Frame] = {}
    for frame in ordered:
        if frame.role_noun:
            continue
        # A generic action is told apart by its verb first: approving is never cancelling.
        bucket = (frame.event_class, frame.lemma if frame.event_class in generic else "")
        events = by_class.setdefault(bucket, _ClassEvents())
        chosen = _linked(frame, at_token, ordered)
        in_lede = story.in_lede(frame.trigger.start)
        told_by = about_token.get((frame.event_class, frame.trigger_index))
        if chosen is None and told_by is not None:
            teller = at_token.get((told_by.event_class, told_by.trigger_index))
            # "beat Kenya in the final": the verb says which event it tells, so the noun may
            # name the stage the verb did not.
            if teller is not None and _fits(teller, frame, story, lexicon, contains, about=True):
                chosen = teller
        for index in frame.about:
            about_token.setdefault((frame.event_class, index), frame)
        if chosen is None and not frame.reference.other_occasion and _can_refer_back(frame, in_lede):
            chosen = events.choose(frame, fits, events.may_fit(frame, story))
        if chosen is None:
            count += 1
            chosen = _Event(f"{frame.event_class}#{count}", reported=in_lede)
        events.join(chosen, frame, story)
        event_of[frame.frame_id] = chosen.event_id
        at_token[(frame.event_class, frame.trigger_index)] = chosen
    for frame in ordered:
        if frame.role_noun:
            count += 1
            chosen = _named_by_role(
                frame, by_class.get((frame.event_class, "")), at_token, ordered, text, lexicon
            )
            event_of[frame.frame_id] = (
                chosen.event_id if chosen is not None else f"{frame.event_class}#{count}"
            )
    return event_of


def _headline_end(text: str) -> int:
    """Where the first line with words on it ends."""
    position = 0
    for line in text.split("\n"):
        if line.strip():
            return position + len(line)
        position += len(line) + 1
    return 0


def _named_by_role(
    frame: Frame,
    events: _ClassEvents | None,
    at_token: dict[tuple[str, int], _Event],
    frames: Sequence[Frame],
    text: str,
    lexicon: FrameLexicon,
) -> _Event | None:
    """The event a role noun names a side of: "Soria, the plaintiff," is a side of the case
    the article tells in which Soria takes part ("the defendant in the libel case": that case).

    A role noun never opens an event of its own, nor changes the events it names: with no
    event to name, or several, it refers to none.
    """
    linked = _linked(frame, at_token, frames)
    if linked is not None or frame.reference.other_occasion or events is None:
        return linked
    sides = _sides(frame)

    def names_a_side(event: _Event, role: Frame) -> bool:
        return bool(sides & event.sides) and _role_fits(event, role, text, lexicon)

    return events.choose(frame, names_a_side, events.share_a_side(frame))


def _role_fits(event: _Event, frame: Frame, text: str, lexicon: FrameLexicon) -> bool:
    """Whether a role noun can name a side of an event: only a time or a plan of its own
    ("the winner in 2019", "the proposed buyer") tells it apart; its words describe its
    party, not the occasion ("the Brazilian buyer")."""
    for earlier in event.distinct.values():
        if frame.time is not None and _times_apart(earlier, frame, text, lexicon):
            return False
        if (earlier.modality in _NOT_HAPPENING) != (frame.modality in _NOT_HAPPENING):
            return False
    return True


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
    """The events of one class so far, grouped by all that ``_fits``, ``_role_fits`` and
    ``choose`` read of them (``_Event.key``).

    A story that keeps coming back to its events ("the deal" forty times, a table
    of deliveries) has many events of a class, but few kinds of them: each later
    mention asks each kind once, not each event.
    """

    #: The first event of the class: the one the article reports.
    reported: _Event | None = None
    groups: dict[Hashable, dict[str, _Event]] = field(default_factory=dict)
    keys: dict[str, Hashable] = field(default_factory=dict)
    #: lemma -> the qualifiers of each singular mention of the events after the
    #: reported one: what ``_rival`` reads of them.
    rivals: dict[str, set[frozenset[tuple[str, str]]]] = field(default_factory=dict)
    #: The groups by what rules most of them out for a mention, as ``_fits`` reads
    #: it: their sides (a mention naming sides fits only events with none or one of
    #: them) and, for events the story does not report, the times their mentions
    #: give (a mention with a time fits only those giving none or that one). A long
    #: story's many events are mostly other people's, other days': never asked.
    no_sides: set[Hashable] = field(default_factory=set)
    by_side: dict[str, set[Hashable]] = field(default_factory=dict)
    reported_groups: set[Hashable] = field(default_factory=set)
    by_times: dict[frozenset[str], set[Hashable]] = field(default_factory=dict)
    traits: dict[Hashable, tuple[frozenset[str], bool, frozenset[str]]] = field(default_factory=dict)

    def join(self, event: _Event, frame: Frame, story: _Story) -> None:
        """Add a mention to an event of this class, new or not."""
        old = self.keys.get(event.event_id)
        if old is not None:
            group = self.groups[old]
            del group[event.event_id]
            if not group:
                del self.groups[old]
                self._unindex(old)
        if self.reported is None:
            self.reported = event
        elif event is not self.reported and not frame.reference.plural:
            qualifiers = frozenset(frame.reference.qualifiers.items())
            self.rivals.setdefault(frame.lemma, set()).add(qualifiers)
        event.add(frame, story)
        key = self.keys[event.event_id] = event.key()
        if key not in self.groups:
            self._index(key, event)
        self.groups.setdefault(key, {})[event.event_id] = event

    def _index(self, key: Hashable, event: _Event) -> None:
        sides, times = frozenset(event.sides), frozenset(event.times)
        self.traits[key] = sides, event.reported, times
        for side in sides:
            self.by_side.setdefault(side, set()).add(key)
        if not sides:
            self.no_sides.add(key)
        if event.reported:
            self.reported_groups.add(key)
        else:
            self.by_times.setdefault(times, set()).add(key)

    def _unindex(self, key: Hashable) -> None:
        sides, reported, times = self.traits.pop(key)
        for side in sides:
            self.by_side[side].discard(key)
        self.no_sides.discard(key)
        self.reported_groups.discard(key)
        if not reported:
            self.by_times[times].discard(key)

    def _with_sides(self, sides: set[str]) -> set[Hashable]:
        return set().union(*(self.by_side.get(side, ()) for side in sides))

    def may_fit(self, frame: Frame, story: _Story) -> tuple[set[Hashable], Iterator[Hashable]]:
        """The groups whose events ``_fits`` does not rule out at once for the mention:
        those sharing a side with it, and the others (read lazily, as ``choose`` asks)."""
        sides = _sides(frame)
        time = _folded(_time_words(frame, story.text))

        def timely(key: Hashable) -> bool:
            _, reported, times = self.traits[key]
            return reported or not time or times <= {time}

        sharing = {key for key in self._with_sides(sides) if timely(key)}
        # A mention naming sides fits no event with other sides only.
        rest = self.no_sides if sides else self.groups.keys()
        return sharing, (key for key in rest if key not in sharing and timely(key))

    def share_a_side(self, frame: Frame) -> tuple[set[Hashable], Iterator[Hashable]]:
        """The groups whose events share a side with the mention (and no others)."""
        return self._with_sides(_sides(frame)), iter(())

    def choose(
        self,
        frame: Frame,
        fits: Callable[[_Event, Frame], bool],
        asked: tuple[set[Hashable], Iterator[Hashable]] | None = None,
    ) -> _Event | None:
        """Of the earlier events a mention fits, the one it refers to, or None when that cannot be told.

        One that shares a side wins. Otherwise the event the article reports (its
        first) wins, unless the same word already named another occasion: "a vote on
        Thursday ... a second vote ... the vote" could mean either. ``asked`` are the
        groups ``fits`` may accept, those sharing a side with the mention and the
        others (see ``may_fit``); all of them when not given.
        """
        sides = _sides(frame)
        if asked is None:
            sharing = self._with_sides(sides)
            asked = sharing, (key for key in list(self.groups) if key not in sharing)
        sharing, others = asked
        reported = self.reported
        reported_key = self.keys.get(reported.event_id) if reported is not None else None

        # Events of one group are alike in all ``fits`` reads: one answers for all.
        def fitting(key: Hashable) -> bool:
            return fits(next(iter(self.groups[key].values())), frame)

        def count(keys: Iterable[Hashable]) -> int:
            return sum(len(self.groups[key]) for key in keys)

        # The answer turns on whether the reported event fits, and on the one event
        # that fits, or that fits and shares a side: once that is told, no more
        # groups are asked (a long story's many alike events).
        # ``fits`` accepts no group outside ``asked``: the reported one is asked at once.
        reported_fits = reported_key is not None and fitting(reported_key)
        reported_shares = reported_fits and bool(sides & self.traits[reported_key][0])
        found_sharing = [reported_key] if reported_fits and reported_shares else []
        found_others = [reported_key] if reported_fits and not reported_shares else []
        for key in sharing:
            if count(found_sharing) >= 2:
                break
            if key != reported_key and fitting(key):
                found_sharing.append(key)
        for key in others:
            if count(found_sharing) + count(found_others) >= 2:
                break
            if key != reported_key and fitting(key):
                found_others.append(key)
        found = found_sharing + found_others
        if count(found) <= 1:
            return _only([self.groups[key] for key in found])
        if count(found_sharing) == 1:
            return _only([self.groups[key] for key in found_sharing])
        if not reported_fits:
            return None
        return None if self._has_rival(frame) else reported

    def _has_rival(self, frame: Frame) -> bool:
        """Whether a singular mention of another event could be what ``frame`` names: one
        of the same word with no qualifier ``frame`` lacks ("a 3-2 win on aggregate" is not
        what "the 3-1 win" names; "a second vote" may be what "the vote" names)."""
        known = self.rivals.get(frame.lemma)
        if not known:
            return False
        own = frozenset(frame.reference.qualifiers.items())
        if 2 ** len(own) > len(known):
            return any(qualifiers <= own for qualifiers in known)
        subsets = itertools.chain.from_iterable(itertools.combinations(own, n) for n in range(len(own) + 1))
        return any(frozenset(subset) in known for subset in subsets)


def _only(groups: Sequence[dict[str, _Event]]) -> _Event | None:
    """The one event of some groups that hold one between them, or None when they hold none."""
    return next((event for group in groups for event in group.values()), None)
