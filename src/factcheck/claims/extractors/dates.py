"""Dates: the article's own date, weekdays with their dates, and the day of each occasion.

    "Wednesday, October 4, 2023" (first line)          -> dateline: a Wednesday, 2023-10-04
    "An Australian pleaded guilty on Thursday, Feb. 23, 2023"
                                                       -> weekday_date: Thursday, 2023-02-23
    "MPs held the vote on Thursday." ... "Friday's vote was close."
                                                       -> occasion_day: vote#1 on Thursday;
                                                          vote#1 on Friday
    "Monday, March 3" (dateline) ... "The minister resigned tomorrow."
                                                       -> dated_action: past tense, after the
                                                          article's date

Day expressions are read against the article's dateline when it has one: a short
line that is a date ("Wednesday, October 4"), or a wire dateline opening a
paragraph ("LONDON, Oct 4 (Reuters) - ..."), as the first line or the one after
a headline (a date further down is more likely a listing's, a match day). Relative days
("yesterday", "tomorrow") count from it; a date near it gets a weekday from it.
The dateline's year is the one it gives, or else the year of the same day and
month written out in full elsewhere in the article (unless the article also
mentions a later full date, which would make that one an anniversary).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from factcheck.claims.extractors._syntax import mention, sentence_bounds
from factcheck.claims.model import Claim, ClaimKind, ExtractionContext
from factcheck.events import Frame
from factcheck.events.lexicon import NOUN
from factcheck.nlp.entities import Mention, entity_span
from factcheck.nlp.lexicon import data_file, word_set
from factcheck.nlp.speech import attribution, in_quotation

KINDS = (
    ClaimKind(
        "weekday_date",
        "A weekday given together with its date: 'Wednesday, October 4, 2023' (a dateline or inline).",
        {
            "weekday": "text",
            "date": "text",
            "dateline": "bool",
            "year_source": "mention",
        },
    ),
    ClaimKind(
        "occasion_day",
        "The day an occasion happens on: 'the vote on Thursday', \"Friday's vote\".",
        {
            "occasion": "text",
            "noun": "text",
            "occasion_label": "mention",
            "day": "mention",
            "weekday": "text",
            "month_day": "text",
            "year": "number",
            "offset": "number",
            "rescheduled": "bool",
            "quoted": "bool",
        },
    ),
    ClaimKind(
        "dated_action",
        "An action told with its day: 'the minister resigned tomorrow'.",
        {
            "verb": "mention",
            "day": "mention",
            "past": "bool",
            "after_article_date": "bool",
            "article_date": "mention",
        },
    ),
)

#: A day named without a year counts as after the article's date only this close to it;
#: further on it could as well be last year's.
_UNAMBIGUOUS_DAYS_AFTER = 14
#: Weekdays are given to dates this close to the dateline, and no further.
_NEAR_DATELINE_DAYS = 60
_MODALS = frozenset({"will", "would", "shall", "should", "could", "can", "may", "might", "must", "'ll", "wo"})
_CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "until", "till", "once"})


@dataclass(frozen=True, slots=True)
class DayParts:
    """What a day expression says; every part may be unknown (None)."""

    weekday: int | None = None  # 0 = Monday
    month: int | None = None
    day: int | None = None
    year: int | None = None
    #: Days from the article's own date ("yesterday" = -1).
    offset: int | None = None
    #: "past" ("last Friday"), "future" ("next Friday"), "near" ("this Friday").
    relation: str | None = None

    @property
    def has_day(self) -> bool:
        return self.weekday is not None or self.month is not None or self.offset is not None

    @property
    def month_day(self) -> str | None:
        return f"{self.month:02d}-{self.day:02d}" if self.month and self.day else None


@dataclass(frozen=True, slots=True)
class Dateline:
    parts: DayParts
    span: Mention
    #: Where the year came from when the dateline itself does not give it.
    year_source: Mention | None = None


# -- calendar words -------------------------------------------------------------


@cache
def _months() -> dict[str, int]:
    found: dict[str, int] = {}
    for number, (name, abbreviations) in enumerate(data_file("calendar")["months"].items(), start=1):
        found[name] = number
        found.update(dict.fromkeys(abbreviations, number))
    return found


@cache
def _weekdays() -> dict[str, int]:
    found: dict[str, int] = {}
    for number, (name, abbreviations) in enumerate(data_file("calendar")["weekdays"].items()):
        found[name] = number
        found.update(dict.fromkeys(abbreviations, number))
    return found


@cache
def _weekday_names() -> tuple[str, ...]:
    return tuple(data_file("calendar")["weekdays"])


def _alternation(names: dict[str, int]) -> str:
    return "|".join(sorted((re.escape(n) for n in names), key=lambda n: (-len(n), n)))


@cache
def _full_date_pattern() -> re.Pattern[str]:
    """A weekday (optional) and a date with its year: "Thursday, Feb. 23, 2023", "23 February 2023".

    The parts stay on one line, and a "year" followed by a time zone ("2000 GMT")
    is a time: sports listings put the kick-off on the line under the date.
    """
    gap = r"[^\S\n]+"
    month = rf"(?P<month>{_alternation(_months())})\.?"
    month2 = rf"(?P<month2>{_alternation(_months())})\.?"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    day2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
    not_time = r"(?![^\S\n]*(?:gmt|bst|utc|cet|[ap]\.?m\b|hrs|hours|h\b))"
    year = rf"(?P<year>(?:18|19|20)\d\d){not_time}"
    year2 = rf"(?P<year2>(?:18|19|20)\d\d){not_time}"
    weekday = rf"(?:(?P<weekday>{_alternation(_weekdays())})\.?,?{gap}(?:the{gap})?)?"
    return re.compile(
        rf"\b{weekday}(?:{month}{gap}{day},?{gap}{year}|{day2}{gap}(?:of{gap})?{month2},?{gap}{year2})\b",
        re.IGNORECASE,
    )


#: A full date ends in a year, and its parts stay on one line.
_YEAR = re.compile(r"(?:18|19|20)\d\d")
_LINE = re.compile(r"[^\n]*")


def _full_dates(text: str) -> list[re.Match[str]]:
    """Every full date of a text, as ``_full_date_pattern().finditer(text)`` finds them.

    Only lines with a year are searched (the pattern's many month and weekday names,
    tried at every word, cost several per cent of the whole analysis); a search that
    stops at a line's end finds what the whole text's search finds there, since no part
    of the pattern crosses a line.
    """
    pattern = _full_date_pattern()
    found: list[re.Match[str]] = []
    for line in _LINE.finditer(text):
        if _YEAR.search(text, line.start(), line.end()):
            found.extend(pattern.finditer(text, line.start(), line.end()))
    return found


_DAY_TOKEN = re.compile(r"[a-z]+|\d+(?:st|nd|rd|th)?")


def _valid(parts: DayParts) -> bool:
    if parts.month is None or parts.day is None:
        return True
    try:
        datetime.date(parts.year or 2000, parts.month, parts.day)  # 2000 was a leap year
    except ValueError:
        return False
    return True


def parse_day(text: str) -> DayParts | None:
    """Read a day expression; None unless every word of it is understood.

    >>> parse_day("Thursday, Feb. 23, 2023")
    DayParts(weekday=3, month=2, day=23, year=2023, offset=None, relation=None)
    >>> parse_day("35 years ago") is None
    True
    """
    calendar = data_file("calendar")
    lowered = re.sub(r"['’]s\b", "", text.lower()).strip()
    phrase_text = " ".join(_DAY_TOKEN.findall(lowered))
    fillers = word_set("calendar", "filler_words")
    relative: dict[str, int] = calendar["relative_days"]
    for phrase_words, offset in relative.items():
        if " ".join(w for w in phrase_text.split() if w not in {"on"}) == phrase_words:
            return DayParts(offset=offset)
    numbers: dict[str, int] = {}
    relation: str | None = None
    for word in phrase_text.split():
        key, value = _day_word(word, relative, calendar["weekday_relations"], fillers)
        if key == "unknown" or key in numbers or (key == "relation" and relation is not None):
            return None
        if key == "relation":
            relation = calendar["weekday_relations"][word]
        elif key != "filler":
            numbers[key] = value
    parts = DayParts(
        weekday=numbers.get("weekday"),
        month=numbers.get("month"),
        day=numbers.get("day"),
        year=numbers.get("year"),
        offset=numbers.get("offset"),
        relation=relation,
    )
    if (parts.month is None) != (parts.day is None):
        return None
    if parts.relation is not None and parts.weekday is None:
        return None
    if not parts.has_day or not _valid(parts):
        return None
    return parts


def _day_word(
    word: str, relative: dict[str, int], relations: dict[str, str], fillers: frozenset[str]
) -> tuple[str, int]:
    """What one word of a day expression is: ("month", 10) for "oct", ("unknown", 0) if nothing."""
    number = re.sub(r"(?<=\d)(st|nd|rd|th)$", "", word)
    if word in _weekdays():
        return "weekday", _weekdays()[word]
    if word in _months():
        return "month", _months()[word]
    if number.isdecimal() and len(number) == 4 and 1800 <= int(number) <= 2099:
        return "year", int(number)
    if number.isdecimal() and 1 <= int(number) <= 31:
        return "day", int(number)
    if word in relations:
        return "relation", 0
    if word in relative:
        return "offset", relative[word]
    if word in fillers:
        return "filler", 0
    return "unknown", 0


def read_day(span: Span) -> tuple[Span, DayParts] | None:
    """The day a DATE entity names, trimming words the model ran on: "May 12 after a" -> "May 12"."""
    for end in range(span.end, span.start, -1):
        part = span.doc[span.start : end]
        if part[-1].is_space or part[-1].is_punct:
            continue
        parts = parse_day(part.text)
        if parts is not None:
            return part, parts
    return None


# -- the article's own date -----------------------------------------------------

_TIME_SUFFIX = re.compile(
    r"[\s,|–—-]*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?\s*$", re.IGNORECASE
)
_WIRE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'’ -]{1,40}?(?:,\s*[A-Z][A-Za-z.]+)*),\s+(?P<date>[^()\n–—-]{3,40}?)\s*"
    r"(?:\([A-Za-z .&]{2,30}\)\s*)?[–—-]{1,2}\s"
)
_DATELINE_LINES = 2
_DATELINE_MAX_LENGTH = 60


def _strip_prefix(line: str) -> tuple[str, int]:
    lowered = line.lower()
    for prefix in sorted(word_set("calendar", "dateline_prefixes"), key=len, reverse=True):
        if lowered.startswith(prefix):
            rest = line[len(prefix) :]
            stripped = rest.lstrip(" :")
            return stripped, len(line) - len(stripped)
    return line, 0


def find_dateline(text: str) -> Dateline | None:
    """The article's own date, from its first lines (see the module docstring)."""
    position = 0
    seen = 0
    for line in text.split("\n"):
        start = position
        position += len(line) + 1
        if not line.strip():
            continue
        seen += 1
        if seen > _DATELINE_LINES:
            return None
        leading = len(line) - len(line.lstrip())
        body = line.strip()
        wire = _WIRE_DATELINE.match(body)
        if wire is not None:
            parts = parse_day(wire.group("date"))
            if parts is not None and parts.month_day is not None:
                begin = start + leading + wire.start("date")
                return Dateline(
                    parts, Mention(begin, begin + len(wire.group("date")), wire.group("date"), "")
                )
        if len(body) > _DATELINE_MAX_LENGTH:
            continue
        candidate, skipped = _strip_prefix(body)
        candidate = _TIME_SUFFIX.sub("", candidate).rstrip(" ,.|")
        parts = parse_day(candidate)
        if parts is not None and parts.month_day is not None and parts.offset is None:
            begin = start + leading + skipped
            return Dateline(parts, Mention(begin, begin + len(candidate), candidate, ""))
    return None


def _infer_year(dateline: Dateline, full_dates: list[re.Match[str]]) -> Dateline:
    """Give a year-less dateline the year of its own day written in full elsewhere
    (``full_dates``: the article's, from ``_full_dates``)."""
    parts = dateline.parts
    if parts.year is not None or parts.month is None:
        return dateline
    same_day: list[tuple[int, re.Match[str]]] = []
    latest = 0
    for match in full_dates:
        month = _months()[(match.group("month") or match.group("month2")).lower()]
        day = int(match.group("day") or match.group("day2"))
        year = int(match.group("year") or match.group("year2"))
        latest = max(latest, year)
        if (month, day) == (parts.month, parts.day):
            same_day.append((year, match))
    years = {year for year, _ in same_day}
    if len(years) != 1:
        return dateline
    year = years.pop()
    if year < latest:
        return dateline
    match = same_day[0][1]
    source = Mention(match.start(), match.end(), match.group(0), "")
    return Dateline(replace(parts, year=year), dateline.span, source)


# -- reading days against the dateline ------------------------------------------


def _day_difference(anchor: DayParts, month: int, day: int) -> int | None:
    """Days from the anchor's date to the nearest (month, day); None if the year matters."""
    if anchor.month is None or anchor.day is None:
        return None
    years = (anchor.year,) if anchor.year is not None else (2001, 2004)  # a common and a leap year
    results = set()
    for year in years:
        try:
            origin = datetime.date(year, anchor.month, anchor.day)
            candidates = [datetime.date(y, month, day) for y in (year - 1, year, year + 1)]
        except ValueError:
            return None
        results.add(min(((c - origin).days for c in candidates), key=abs))
    if len(results) != 1:
        return None
    difference = results.pop()
    return difference if abs(difference) <= _NEAR_DATELINE_DAYS else None


def _shift(anchor: DayParts, offset: int) -> tuple[int, int, int | None] | None:
    if anchor.month is None or anchor.day is None:
        return None
    years = (anchor.year,) if anchor.year is not None else (2001, 2004)
    results = set()
    for year in years:
        shifted = datetime.date(year, anchor.month, anchor.day) + datetime.timedelta(days=offset)
        results.add((shifted.month, shifted.day, shifted.year if anchor.year is not None else None))
    return results.pop() if len(results) == 1 else None


def anchored(parts: DayParts, anchor: DayParts | None) -> DayParts:
    """Fill in what the article's own date implies: the weekday of "October 5", the date of "yesterday"."""
    weekday, month, day, year = parts.weekday, parts.month, parts.day, parts.year
    if anchor is not None and parts.offset is not None:
        if weekday is None and anchor.weekday is not None:
            weekday = (anchor.weekday + parts.offset) % 7
        shifted = _shift(anchor, parts.offset) if month is None else None
        if shifted is not None:
            month, day, year = shifted
    if month is not None and day is not None and weekday is None:
        if year is not None:
            weekday = datetime.date(year, month, day).weekday()
        elif anchor is not None and anchor.weekday is not None:
            difference = _day_difference(anchor, month, day)
            if difference is not None:
                weekday = (anchor.weekday + difference) % 7
    return replace(parts, weekday=weekday, month=month, day=day, year=year)


def days_after(parts: DayParts, dateline: Dateline | None) -> int | None:
    """How many days after the article's date a day expression is, when that is certain."""
    if parts.offset is not None:
        return parts.offset
    if parts.relation == "future" and parts.weekday is not None:
        return 1
    if dateline is None or parts.month is None or parts.day is None:
        return None
    anchor = dateline.parts
    if anchor.month is None or anchor.day is None:
        return None
    if parts.year is not None:
        if anchor.year is None:
            return None
        try:
            target = datetime.date(parts.year, parts.month, parts.day)
        except ValueError:
            return None
        return (target - datetime.date(anchor.year, anchor.month, anchor.day)).days
    difference = _day_difference(anchor, parts.month, parts.day)
    if difference is not None and 0 < difference <= _UNAMBIGUOUS_DAYS_AFTER:
        return difference
    return None


# -- claims ---------------------------------------------------------------------


def _weekday_dates(
    context: ExtractionContext, dateline: Dateline | None, full_dates: list[re.Match[str]]
) -> Iterator[Claim]:
    doc = context.doc
    if dateline is not None and dateline.parts.weekday is not None:
        parts = dateline.parts
        weekday = dateline.parts.weekday
        iso = None
        if parts.year is not None and parts.month is not None and parts.day is not None:
            iso = datetime.date(parts.year, parts.month, parts.day).isoformat()
        yield Claim(
            kind="weekday_date",
            span=dateline.span,
            sentence=_sentence(doc, dateline.span),
            values={
                "weekday": _weekday_names()[weekday].capitalize(),
                "date": iso,
                "dateline": True,
                "year_source": dateline.year_source,
            },
        )
    for match in full_dates:
        if match.group("weekday") is None:
            continue
        if dateline is not None and dateline.span.start <= match.start() < dateline.span.end:
            continue
        weekday = _weekdays()[match.group("weekday").lower()]
        month = _months()[(match.group("month") or match.group("month2")).lower()]
        day = int(match.group("day") or match.group("day2"))
        try:
            iso = datetime.date(int(match.group("year") or match.group("year2")), month, day).isoformat()
        except ValueError:
            continue
        span = Mention(match.start(), match.end(), match.group(0), "")
        yield Claim(
            kind="weekday_date",
            span=span,
            sentence=_sentence(doc, span),
            values={
                "weekday": _weekday_names()[weekday].capitalize(),
                "date": iso,
                "dateline": False,
                "year_source": None,
            },
        )


def _sentence(doc: Doc, span: Mention) -> tuple[int, int]:
    found = doc.char_span(span.start, span.end, alignment_mode="expand")
    if found is None:
        return span.start, span.end
    return found.sent.start_char, found.sent.end_char


def _rescheduled(token: Token) -> bool:
    """ "The vote was postponed", "they called off the match", "the postponed vote": the
    event may have had another day.

    Not when the move says where from and that is no day: "the vote was brought forward
    from next year" leaves the event one day, so two days given for it still disagree.
    """
    rescheduling = word_set("calendar", "rescheduling_verbs")

    def names(verb: Token) -> set[str]:
        lemma = verb.lemma_.lower()
        particles = [c.lower_ for c in verb.children if c.dep_ in {"prt", "advmod"}]
        return {lemma, *(f"{lemma} {p}" for p in particles)}

    verbs = [token] if names(token) & rescheduling else []
    verbs += [c for c in token.children if _undergoes(c) and names(c) & rescheduling]
    if token.dep_ in {"nsubj", "nsubjpass", "dobj"} and names(token.head) & rescheduling:
        verbs.append(token.head)
    return any(not _moved_from_no_day(verb) for verb in verbs)


def _undergoes(modifier: Token) -> bool:
    """Whether a noun's modifier tells of something done to it: "the postponed vote", "the vote
    postponed in May", "the match that was called off"; not of what it did: "the referendum
    that extended terms", "the strike halting trains"."""
    if modifier.dep_ == "amod":
        return True
    if modifier.dep_ == "acl":
        return modifier.tag_ != "VBG"
    if modifier.dep_ == "relcl":
        return not any(c.dep_ == "nsubj" and c.lower_ in {"that", "which", "who"} for c in modifier.children)
    return False


def _moved_from_no_day(verb: Token) -> bool:
    """ "brought forward from next year", "pushed back from 2027": the old time is no day."""
    heads = [verb, *(c for c in verb.children if c.dep_ in {"prt", "advmod"})]
    for prep in (c for head in heads for c in head.children):
        if prep.dep_ == "prep" and prep.lower_ == "from":
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.ent_type_ == "DATE":
                    entity = entity_span(obj)
                    return read_day(entity) is None
    return False


def _label(frame: Frame, context: ExtractionContext) -> Mention:
    """The words naming the occasion: the noun, or for a verb the noun of its class ("met": meeting)."""
    if frame.form == NOUN:
        return frame.trigger
    noun = context.events.lexicon.labels[frame.event_class]
    return Mention(frame.trigger.start, frame.trigger.end, noun, "")


def _occasion_days(context: ExtractionContext, dateline: Dateline | None) -> Iterator[Claim]:
    """The day of every event mention that gives one, by verb or noun: "beat Ireland in
    Colombo on Tuesday", "Wednesday's match", "the by-election held on June 8"."""
    doc = context.doc
    layer = context.events
    rescheduled = {layer.event(f) for f in layer.frames if _rescheduled(doc[f.trigger_index])}
    anchor = dateline.parts if dateline is not None else None
    spanning = word_set("calendar", "spanning_classes")
    for frame in layer.frames:
        if frame.time is None or frame.polarity == "negative" or frame.reference.plural:
            continue
        # A generic action is one event only by its verb, too loose a notion of one
        # occasion for its days to be compared.
        if frame.event_class in spanning or frame.event_class in layer.lexicon.generic_classes:
            continue
        entity = doc.char_span(frame.time.start, frame.time.end, alignment_mode="expand")
        read = read_day(entity) if entity is not None else None
        if read is None:
            continue
        day, parts = read
        parts = anchored(parts, anchor)
        trigger = doc[frame.trigger_index]
        start, end = min(day.start, trigger.i), max(day.end, trigger.i + 1)
        weekday = _weekday_names()[parts.weekday].capitalize() if parts.weekday is not None else None
        event = layer.event(frame)
        yield Claim(
            kind="occasion_day",
            span=mention(doc[start:end]),
            sentence=frame.sentence,
            values={
                "occasion": event,
                "noun": layer.lexicon.labels[frame.event_class],
                "occasion_label": _label(frame, context),
                "day": mention(day),
                "weekday": weekday,
                "month_day": parts.month_day,
                "year": float(parts.year) if parts.year is not None else None,
                "offset": float(parts.offset) if parts.offset is not None else None,
                "rescheduled": event in rescheduled,
                "quoted": frame.quoted,
            },
            attributed_to=frame.attribution,
        )


def _is_past(verb: Token) -> bool:
    """Simple past or past perfect, indicative: "resigned", "was arrested", "had left"."""
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.tag_ == "MD" or a.lower_ in _MODALS for a in auxiliaries):
        return False
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(a.tag_ == "VBD" for a in auxiliaries)


def _hypothetical(verb: Token) -> bool:
    current = verb
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in current.children):
            return True
        if current.head.i == current.i:
            break
        current = current.head
    return verb.sent.text.rstrip().endswith("?")


def _dated_actions(context: ExtractionContext, dateline: Dateline | None) -> Iterator[Claim]:
    doc = context.doc
    scheduling = word_set("calendar", "scheduling_verbs")
    for ent in doc.ents:
        read = read_day(ent) if ent.label_ == "DATE" else None
        if read is None:
            continue
        day, parts = read
        root = day.root
        verb: Token | None = None
        if root.dep_ in {"npadvmod", "tmod"} and root.head.pos_ in {"VERB", "AUX"}:
            verb = root.head
        elif root.dep_ == "pobj" and root.head.lower_ == "on" and root.head.head.pos_ == "VERB":
            verb = root.head.head
        if verb is None or verb.lemma_.lower() in scheduling or verb.lemma_ == "be":
            continue
        past = _is_past(verb)
        attributed = attribution(verb)
        if in_quotation(verb) or in_quotation(root):
            attributed = attributed or "quote"
        after = days_after(parts, dateline)
        start, end = min(verb.i, day.start), max(verb.i + 1, day.end)
        yield Claim(
            kind="dated_action",
            span=mention(doc[start:end]),
            sentence=sentence_bounds(verb),
            values={
                "verb": mention(verb),
                "day": mention(day),
                "past": past and not _hypothetical(verb),
                "after_article_date": after is not None and after > 0,
                "article_date": dateline.span if dateline is not None and parts.offset is None else None,
            },
            attributed_to=attributed,
        )


def extract(context: ExtractionContext) -> Iterator[Claim]:
    text = context.document.text
    dateline = find_dateline(text)
    full_dates = _full_dates(text)
    if dateline is not None:
        dateline = _infer_year(dateline, full_dates)
    yield from _weekday_dates(context, dateline, full_dates)
    yield from _occasion_days(context, dateline)
    yield from _dated_actions(context, dateline)
