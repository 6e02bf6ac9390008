"""The paths that keep time linear in input size give the results of the plain ones.

Large tables, lines without a sentence end, many alike claims, many names and many
suppressions each take a shortcut (bisection, an index, kinds of claims instead of
claims); these tests check that each shortcut answers as the direct way does.
Speed itself is measured in benchmarks/scaling.py, never here.
"""

from __future__ import annotations

import itertools
import random
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest
from rapidfuzz.distance import Levenshtein
from spacy.tokens import Span, Token

from factcheck.claims.extractors import quantities, travel
from factcheck.claims.extractors._amounts import Amount
from factcheck.claims.extractors.names import NearMisses
from factcheck.claims.graph import ClaimGraph
from factcheck.claims.model import Claim, ExtractionContext
from factcheck.events import EventLayer, Filler, Frame, Party, PartyIndex, build_event_layer, identity
from factcheck.events import parties as parties_module
from factcheck.events.parties import build_party_index
from factcheck.nlp.entities import Mention, build_entity_index, entity_of
from factcheck.nlp.pipeline import MAX_SENTENCE_TOKENS, bound_sentences
from factcheck.pipeline import Checker
from factcheck.reading.directives import Suppression
from factcheck.reading.document import Evidence
from factcheck.reading.inputs import document_from_text
from factcheck.reading.readers.markdown import read_markdown
from factcheck.rules import evaluation
from factcheck.rules.findings import Finding
from factcheck.rules.loading import Rule
from factcheck.rules.operators import CheckContext, Conflict, spelling_variant
from factcheck.rules.operators._contract import NoOptions, Operator
from factcheck.rules.suppressions import FindingStarts, _Scopes, covers
from helpers import Analyse

# -- reading ---------------------------------------------------------------------


def _assert_exact(source: str, text: str, starts: tuple[int, ...], ends: tuple[int, ...]) -> None:
    """Every analysis character but a paragraph break is the source character it maps to."""
    for index, char in enumerate(text):
        if char != "\n":
            assert source[starts[index] : ends[index]] == char, index


def test_a_large_markdown_table_reads_cell_by_cell_with_exact_offsets() -> None:
    rows = [[f"Harbour {n}", f"{n * 7} crates", f"pilot Vera Lund {n}"] for n in range(400)]
    source = "# Landings\n\n| Port | Load | Note |\n| --- | --- | --- |\n"
    source += "".join("| " + " | ".join(row) + " |\n" for row in rows)
    text, offsets = read_markdown(source)
    cells = ["Port", "Load", "Note", *(cell for row in rows for cell in row)]
    assert text == "\n\n".join(["Landings", *cells])
    _assert_exact(source, text, offsets.starts, offsets.ends)
    last = text.rindex("pilot Vera Lund 399")
    assert source[offsets.starts[last] : offsets.ends[last + 18]] == "pilot Vera Lund 399"


def test_a_one_row_table_of_thousands_of_cells_keeps_every_cell_and_offset() -> None:
    cells = [f"gate{n}" for n in range(3000)]
    source = "| " + " | ".join(f"h{n}" for n in range(3000)) + " |\n"
    source += "|" + "---|" * 3000 + "\n| " + " | ".join(cells) + " |\n"
    text, offsets = read_markdown(source)
    assert text.split("\n\n")[3000:] == cells
    _assert_exact(source, text, offsets.starts, offsets.ends)


# -- sentences -------------------------------------------------------------------


def _runs(starts: list[bool]) -> list[int]:
    """Lengths of the stretches between sentence starts."""
    points = [i for i, start in enumerate(starts) if start or i == 0] + [len(starts)]
    return [b - a for a, b in itertools.pairwise(points)]


def test_a_line_without_a_sentence_end_is_cut_after_clause_marks(checker: Checker) -> None:
    clause = "the ferry left the quay, "
    doc = checker.pipeline.nlp.make_doc(clause * 200)
    starts = [token.i == 0 for token in doc]
    bound_sentences(doc, starts, limit=40)
    assert max(_runs(starts)) <= 40
    cuts = [i for i, start in enumerate(starts) if start and i > 0]
    assert cuts and all(doc[i - 1].text == "," for i in cuts)


def test_prose_with_full_stops_is_never_cut(checker: Checker) -> None:
    prose = "The ferry left the quay at dawn. It reached the island by noon. "
    doc = checker.pipeline.nlp.make_doc(prose * 50)
    starts = [token.i == 0 for token in doc]
    bound_sentences(doc, starts, limit=40)
    assert starts == [token.i == 0 for token in doc]


def test_a_cut_prefers_a_paragraph_break_then_a_line_break_then_a_clause_mark(checker: Checker) -> None:
    nlp = checker.pipeline.nlp
    words = ["grain", "rye", "oats", "barley", "millet", "spelt"]

    def first_cut(text: str) -> str:
        doc = nlp.make_doc(text)
        starts = [token.i == 0 for token in doc]
        bound_sentences(doc, starts, limit=12)
        return next(doc[i].text for i, start in enumerate(starts) if start and i > 0)

    assert first_cut(" ".join(words) + ", wheat\n\nmaize, " + " ".join(words * 3)) == "maize"
    assert first_cut(" ".join(words) + ", wheat\nmaize " + " ".join(words * 3)) == "maize"
    assert first_cut(" ".join(words) + ", wheat maize " + " ".join(words * 3)) == "wheat"
    assert first_cut(" ".join(f"w{n}" for n in range(30))) == "w12"


def test_a_parsed_long_line_has_no_sentence_over_the_limit(checker: Checker) -> None:
    doc = checker.pipeline.nlp("the crews loaded the barges in the rain, " * 150)
    assert max(len(sentence) for sentence in doc.sents) <= MAX_SENTENCE_TOKENS


# -- entities and the graph --------------------------------------------------------


def test_entity_of_gives_the_entity_doc_ents_holds(analyse: Analyse) -> None:
    analysis = analyse(
        "On Monday, Vera Lund of Norway met Tomas Berg in Oslo. By Friday the 12 crates had "
        "reached the Port of Gdansk, 3 km away, and Berg flew home to Sweden."
    )
    doc = analysis.doc
    for token in doc:
        expected = next((e for e in doc.ents if e.start <= token.i < e.end), None)
        found = entity_of(token)
        if expected is None:
            assert found is None
        else:
            assert isinstance(found, Span)
            assert (found.start, found.end, found.label_, found.ent_id_, found.kb_id_) == (
                expected.start,
                expected.end,
                expected.label_,
                expected.ent_id_,
                expected.kb_id_,
            )


def _presences_by_scan(graph: ClaimGraph, person: str) -> Iterator[tuple[Mention, Claim]]:
    attended = set()
    for claim in graph.claims:
        person_value = claim.get("person")
        if claim.kind == "presence" and isinstance(person_value, Mention) and person_value.id == person:
            place = claim.get("place")
            if isinstance(place, Mention):
                yield place, claim
        elif claim.kind == "event_location":
            participants = claim.get("participants")
            if isinstance(participants, tuple) and person in participants:
                attended.add(claim.get("event"))
    for claim in graph.claims:
        place = claim.get("place")
        if claim.kind == "event_location" and claim.get("event") in attended and isinstance(place, Mention):
            yield place, claim


def test_the_presence_index_answers_as_a_scan_of_the_claims(analyse: Analyse) -> None:
    analysis = analyse(
        "At the harbour in Gdansk, Vera Lund was shown the new cranes. Vera Lund and Tomas Berg "
        "held a summit in Oslo on Monday. Later Tomas Berg was in Riga. Lund met Berg at the "
        "talks in Tallinn."
    )
    graph = analysis.graph
    people = {
        value.id for claim in graph.claims for value in [claim.get("person")] if isinstance(value, Mention)
    } | {
        p
        for claim in graph.claims
        for value in [claim.get("participants")]
        if isinstance(value, tuple)
        for p in value
    }
    assert people
    for person in [*sorted(people), "nobody"]:
        assert list(graph.presences(person)) == list(_presences_by_scan(graph, person))


# -- events ------------------------------------------------------------------------


def _story(random_: random.Random, paragraphs: int) -> str:
    """A story that keeps coming back to a few meetings, matches, votes and deliveries."""
    teams, cities = ["Norway", "Chile", "Peru", "Spain"], ["Oslo", "Bergen", "Lima", "Cadiz"]
    days = ["Monday", "Tuesday", "Saturday"]
    wordings = [
        "{a} beat {b} in {city} on {day}.",
        "The victory in {city} lifted {a}.",
        "{day}'s match in {city} sold out.",
        "Ministers from {a} and {b} met in {city} on {day}.",
        "The meeting ended without a statement.",
        "They will meet again in {city} next month.",
        "Lawmakers held a vote on {day}.",
        "A second vote is due on {day}.",
        "The vote was close.",
        "{a} agreed to send ferries to {b}.",
        "crates of grain sent to {city}",
        "{a}, the winner, thanked the fans in {city}.",
        "The loser, {b}, blamed the rain.",
        "{a} won three matches and lost {day}'s game.",
        "A 3-1 win over {b} on aggregate sent {a} through.",
        "The 3-1 win in {city} was their first.",
        "{a} sold its ferries to {b}; the buyer, {b}, paid in cash.",
    ]
    story = ["Talks and matches in the north"]
    for _ in range(paragraphs):
        sentences = []
        for _ in range(random_.randint(2, 4)):
            a, b = random_.sample(teams, 2)
            wording = random_.choice(wordings)
            sentences.append(wording.format(a=a, b=b, city=random_.choice(cities), day=random_.choice(days)))
        story.append(" ".join(sentences))
    return "\n\n".join(story)


def _layer(checker: Checker, text: str) -> EventLayer:
    doc = checker.pipeline.nlp(text)
    return build_event_layer(doc, build_entity_index(doc, checker.gazetteer))[0]


def _rival(other: Frame, frame: Frame) -> bool:
    """A mention of another occasion that could be what ``frame`` names (the definition)."""
    if other.lemma != frame.lemma or other.reference.plural:
        return False
    own = frame.reference.qualifiers
    return all(own.get(slot) == value for slot, value in other.reference.qualifiers.items())


def _choose_by_scan(
    self: identity._ClassEvents,
    frame: Frame,
    fits: Callable[[identity._Event, Frame], bool],
    asked: object = None,
) -> identity._Event | None:
    """The rules of ``choose`` applied to every event (not only those the indexes leave),
    each with every one of its mentions and the parties of all of them read again."""
    events = sorted(
        (event for group in self.groups.values() for event in group.values()),
        key=lambda event: event.frames[0].trigger.start,
    )

    def fits_every_mention(event: identity._Event) -> bool:
        whole = replace(
            event, distinct=dict(enumerate(event.frames)), parties=identity._parties(event.frames)
        )
        return fits(whole, frame)

    candidates = [event for event in events if fits_every_mention(event)]
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    sides = identity._sides(frame)
    sharing = [event for event in candidates if sides & event.sides]
    if len(sharing) == 1:
        return sharing[0]
    reported = events[0]
    assert reported is self.reported
    if reported in candidates:
        others = [event for event in events if event is not reported]
        if not any(_rival(f, frame) for event in others for f in event.frames):
            return reported
    return None


def test_events_asked_by_kind_are_the_events_of_asking_each_one(
    checker: Checker, monkeypatch: pytest.MonkeyPatch
) -> None:
    random_ = random.Random(16)
    for paragraphs in (6, 20, 60):
        text = _story(random_, paragraphs)
        by_kinds = _layer(checker, text)
        with monkeypatch.context() as patch:
            patch.setattr(identity._ClassEvents, "choose", _choose_by_scan)
            by_scan = _layer(checker, text)
        assert by_kinds.event_of == by_scan.event_of
        # The story tells some events more than once, and some apart.
        told = Counter(by_kinds.event_of.values())
        assert max(told.values()) > 1
        assert len(told) > len({f.event_class for f in by_kinds.frames})


def test_the_event_layer_indexes_answer_as_a_scan_of_the_frames(checker: Checker) -> None:
    layer = _layer(checker, _story(random.Random(18), 12))
    frames = layer.frames
    assert frames
    for event_class in {f.event_class for f in frames} | {"nothing"}:
        assert list(layer.of_class(event_class)) == [f for f in frames if f.event_class == event_class]
    classes = sorted({f.event_class for f in frames})[:2]
    assert list(layer.of_class(*classes, classes[0])) == [f for f in frames if f.event_class in classes]
    for token in {f.trigger_index for f in frames} | {-1}:
        assert layer.at(token) == tuple(f for f in frames if f.trigger_index == token)
    for event_id in set(layer.event_of.values()) | {"none#0"}:
        expected = tuple(f for f in frames if layer.event_of[f.frame_id] == event_id)
        assert layer.mentions_of(event_id) == expected


def _organisations_story(random_: random.Random, paragraphs: int) -> str:
    """Companies named in full, by their first words, by what they are and by a generic noun."""
    companies = [
        ("Northwind Ferries Ltd", "Northwind", "operator"),
        ("Harbour Grain Company", "Harbour Grain", "trader"),
        ("Fjordline Holdings", "Fjordline", "carrier"),
        ("Kestrel Mining Corp", "Kestrel", "miner"),
        # The same first word as another: "Northwind" is the one named first.
        ("Northwind Grain Company", "Northwind", "trader"),
    ]
    wordings = [
        "{full}, a {noun} based in {city}, bought {count} trucks.",
        "{short} said its profits rose.",
        "The {noun} will open a depot in {city}.",
        "The {city} {noun} denied it.",
        "Oslo's {full} sold its stake to {other}.",
        "{other} agreed to buy grain from {short}.",
        "The company said {short} would appeal.",
        "{city}-based {full} hired {count} pilots.",
    ]
    cities = ["Oslo", "Bergen", "Tromso"]
    story = ["Shipping firms report"]
    for _ in range(paragraphs):
        sentences = []
        for _ in range(random_.randint(2, 3)):
            (full, short, noun), (other, _, _) = random_.sample(companies, 2)
            wording = random_.choice(wordings)
            city, count = random_.choice(cities), random_.randint(2, 90)
            sentences.append(
                wording.format(full=full, short=short, noun=noun, other=other, city=city, count=count)
            )
        story.append(" ".join(sentences))
    return "\n\n".join(story)


def _is_alias(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    return 0 < len(short) < len(full) and full[: len(short)] == short


def test_organisations_are_found_by_index_as_by_a_scan(
    checker: Checker, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = checker.pipeline.nlp(_organisations_story(random.Random(20), 40))
    entities = build_entity_index(doc, checker.gazetteer)

    def parties() -> tuple[list[object], list[object], list[object]]:
        index = build_party_index(doc, entities)
        named: list[object] = [
            (n.key, n.tokens, n.side, n.home, sorted(n.descriptions), n.position) for n in index.organisations
        ]
        return [index.party(token) for token in doc], list(index.subjects), named

    by_index = parties()

    def named_by_scan(self: PartyIndex, tokens: tuple[str, ...]) -> object:
        return next(
            (
                n
                for n in self.organisations
                if n.tokens == tokens or _is_alias(tokens, n.tokens) or _is_alias(n.tokens, tokens)
            ),
            None,
        )

    def is_named_by_scan(self: PartyIndex, tokens: tuple[str, ...]) -> bool:
        return tokens in {n.tokens for n in self.organisations}

    def organisation_by_scan(self: PartyIndex, key: str) -> Party:
        named = next(n for n in self.organisations if n.key == key)
        return Party(f"org:{key}", named.side, "organisation")

    def run_by_scan(runs: list[Span], _: list[int], span: Span) -> Span | None:
        return next((r for r in runs if r.start <= span.start and span.end <= r.end), None)

    def described_by_scan(self: PartyIndex, noun: Token) -> Party:
        lemma = noun.lemma_.lower()
        definite = any(c.dep_ in {"det", "poss"} and c.lower_ not in {"a", "an"} for c in noun.children)
        places = {self.entities.places[c.i][1] for c in noun.children if c.i in self.entities.places}
        if definite:
            generic = lemma in parties_module._words("generic_organisation_nouns")
            by_key = {n.key: n for n in self.organisations}
            mentioned = sorted(
                {k: i for i, k in sorted(self.organisation_at.items()) if i < noun.i}.items(),
                key=lambda item: -item[1],
            )
            for key, _ in mentioned:
                named = by_key[key]
                home = named.home
                placed = not places or (
                    home is not None
                    and any(
                        self.entities.contains(p, home) or self.entities.contains(home, p) for p in places
                    )
                )
                if (generic or lemma in named.descriptions) and placed:
                    return self._organisation(named.key)
            later = None if generic else self._named_later(noun, lemma)
            if later is not None:
                return self._organisation(later)
        if lemma in parties_module._words("organisation_nouns"):
            homes = sorted(places) or sorted(
                c.ent_id_ for c in noun.children if c.ent_type_ == "NORP" and c.ent_id_
            )
            if homes:
                known = homes[0] in self.entities.gazetteer.places
                side = self.entities.side_of_place(homes[0]) if known else homes[0]
                return Party(f"thing:{lemma}@{homes[0]}", side, "thing")
        return Party(f"thing:{lemma}", f"thing:{lemma}", "thing")

    monkeypatch.setattr(PartyIndex, "_named", named_by_scan)
    monkeypatch.setattr(PartyIndex, "_is_named", is_named_by_scan)
    monkeypatch.setattr(PartyIndex, "_organisation", organisation_by_scan)
    monkeypatch.setattr(PartyIndex, "_described", described_by_scan)
    monkeypatch.setattr(parties_module, "_run_holding", run_by_scan)
    by_scan = parties()
    assert by_index == by_scan
    kinds = {party.key.split(":")[0] for party in by_index[0] if isinstance(party, Party)}
    assert {"org", "thing"} <= kinds


# -- claims read from frames --------------------------------------------------------


def _trips_story(random_: random.Random, paragraphs: int) -> str:
    """Trips told again and again: abroad, by a later "the visit", by a team and a bus."""
    people, places = ["Vera Lund", "Tomas Berg"], ["Oslo", "Lima", "Riga", "Cadiz"]
    wordings = [
        "{person} will leave on {day} for a trip abroad. "
        "The visit to {place} will be the first by a minister.",
        "{person} flew to {place} on {day}.",
        "The trip to {place} ended early.",
        "After a trip abroad to {place}, {surname} flew home.",
        "{person}'s first trip abroad was when {surname} boarded a train bound for {place}.",
        "The team flew to {place} on {day}.",
        "Another bus left {place} for {other}.",
        "Norway's squad arrived in {place}.",
    ]
    story = ["Minister abroad"]
    for _ in range(paragraphs):
        sentences = []
        for _ in range(random_.randint(2, 3)):
            person = random_.choice(people)
            place, other = random_.sample(places, 2)
            day = random_.choice(["Monday", "Friday"])
            wording = random_.choice(wordings)
            sentences.append(
                wording.format(person=person, surname=person.split()[-1], place=place, other=other, day=day)
            )
        story.append(" ".join(sentences))
    return "\n\n".join(story)


class _EveryEarlierMention:
    """The earlier mentions of a trip, all of them, for the direct way to read."""

    def __init__(self) -> None:
        self.frames: list[Frame] = []

    def add(self, frame: Frame, first_cue_in_sentence: bool) -> None:
        self.frames.append(frame)


def _abroad_source_by_scan(
    frame: Frame, earlier: _EveryEarlierMention, in_sentence: Frame | None, context: ExtractionContext
) -> Frame | None:
    """The same question asked of every earlier mention; the cue of the frame's own
    sentence (before or after it) is read once per sentence, not from earlier mentions."""
    if travel._called_abroad(frame, context):
        return frame
    if frame.form == "noun" and frame.reference.definite:
        for other in earlier.frames:
            if not travel._called_abroad(other, context):
                continue
            if (
                other.fillers("destination")
                or travel._in_sequence(other, context)
                or travel._is_home(other, context)
            ):
                continue
            # The first trip abroad told; this mention is it when it names no traveller
            # but that trip's own.
            travellers = [f.party.key if f.party is not None else None for f in frame.fillers("traveller")]
            own = {f.party.key for f in other.fillers("traveller") if f.party is not None}
            return other if all(key in own for key in travellers) else in_sentence
    return in_sentence


def _event_travellers_by_scan(frame: Frame, earlier: _EveryEarlierMention) -> list[Filler]:
    if frame.form != "noun" or not frame.reference.definite:
        return []
    fillers = [f for other in earlier.frames for f in other.fillers("traveller") if f.party is not None]
    people = [f for f in fillers if f.party is not None and f.party.kind == "person"]
    named = people or fillers
    keys = {f.party.key for f in named if f.party is not None}
    return named[-1:] if len(keys) == 1 else []


def test_a_trip_s_earlier_mentions_are_read_as_by_asking_each_one(
    checker: Checker, monkeypatch: pytest.MonkeyPatch
) -> None:
    random_ = random.Random(22)
    earlier_told = False
    for paragraphs in (1, 2, 3, 8, 40):
        document = document_from_text(_trips_story(random_, paragraphs), "<test>", "text")
        by_summary = checker.analyse(document).claims
        with monkeypatch.context() as patch:
            patch.setattr(travel, "_EarlierMentions", _EveryEarlierMention)
            patch.setattr(travel, "_abroad_source", _abroad_source_by_scan)
            patch.setattr(travel, "_event_travellers", _event_travellers_by_scan)
            by_scan = checker.analyse(document).claims
        assert by_summary == by_scan
        with monkeypatch.context() as patch:
            patch.setattr(travel._EarlierMentions, "add", lambda self, frame, first_cue: None)
            earlier_told = earlier_told or checker.analyse(document).claims != by_summary
    # What the earlier mentions tell changed some claims: the test reads that path.
    assert earlier_told


def test_revised_amounts_overlap_as_by_comparing_each() -> None:
    random_ = random.Random(24)
    for _ in range(2000):

        def amount() -> Amount:
            low = float(random_.randint(0, 30))
            high = None if random_.random() < 0.2 else low + random_.randint(0, 6)
            return Amount(low, high, "people", "count", 0, 1)

        revised = [amount() for _ in range(random_.randint(0, 7))]
        intervals = quantities._Intervals.of(revised)
        for _ in range(5):
            asked = amount()
            assert intervals.overlap(asked) == any(quantities._overlaps(asked, other) for other in revised)


# -- rules -------------------------------------------------------------------------


def _claims(random_: random.Random, count: int, values: int) -> list[Claim]:
    claims = []
    position = 0
    for _ in range(count):
        position += random_.randint(0, 3)
        span = Mention(position, position + random_.randint(1, 6), f"t{random_.randint(0, 3)}", "")
        fields = {
            "v": float(random_.randrange(values)),
            "bare": random_.random() < 0.5,
            "g": float(random_.randint(0, 1)),
        }
        claims.append(Claim(kind="k", span=span, sentence=(0, 0), values=fields))
    return sorted(claims, key=lambda c: (c.span.start, c.span.end))


def _operators(random_: random.Random, values: int) -> list[Operator[NoOptions]]:
    """A symmetric operator, a one-way one (the later claim must be bare), and one whose
    alike claims conflict with each other, each with and without a signature."""
    table = {(a, b): random_.random() < 0.5 for a in range(values) for b in range(values)}

    def value(claim: Claim) -> int:
        found = claim.get("v")
        assert isinstance(found, float)
        return int(found)

    def symmetric(claims: tuple[Claim, ...], *_: object) -> Conflict | None:
        a, b = claims
        key = (min(value(a), value(b)), max(value(a), value(b)))
        return Conflict((a.span, b.span)) if key[0] != key[1] and table[key] else None

    def one_way(claims: tuple[Claim, ...], *_: object) -> Conflict | None:
        a, b = claims
        conflict = value(a) != value(b) and table[value(a), value(b)] and b.get("bare") is True
        return Conflict((a.span, b.span)) if conflict else None

    def with_twins(claims: tuple[Claim, ...], *_: object) -> Conflict | None:
        a, b = claims
        return Conflict((a.span, b.span)) if table[value(a), value(b)] else None

    def signature(claim: Claim, *_: object) -> tuple[object, ...]:
        return claim.get("v"), claim.get("bare")

    return [
        Operator("test", "pair", frozenset(), NoOptions, (), "none", check, sign, None)
        for check in (symmetric, one_way, with_twins)
        for sign in (signature, None)
    ]


def _shown(groups: list[evaluation._Group]) -> list[tuple[object, ...]]:
    """Each problem: its first two claims, how many conflicts, the sides it quotes."""
    return [
        (tuple(map(id, g.claims)), g.size, sorted((s.start, s.end, s.text) for s in g.sides)) for g in groups
    ]


def test_kinds_of_claims_give_the_problems_of_pairing_every_two() -> None:
    random_ = random.Random(12)
    # The test operators read nothing beyond their two claims.
    context = CheckContext(ClaimGraph.__new__(ClaimGraph), document_from_text("Unread.", "<test>", "text"))
    for _ in range(400):
        values = random_.randint(1, 5)
        claims = _claims(random_, random_.randint(0, 14), values)
        for operator in _operators(random_, values):
            group_by = ("g",) if random_.random() < 0.5 else ()
            rule = Rule("TST001", "t", "location", "error", "", "m", "k", "test", group_by=group_by)
            rule = replace(rule, operator_options=NoOptions())
            by_kinds = evaluation._pair_groups(rule, operator, claims, context)
            by_pairs = evaluation._pairwise_groups(rule, operator, claims, context)
            assert _shown(by_kinds) == _shown(by_pairs)


def test_an_article_of_repeated_claims_gets_the_findings_of_pairing_every_two(
    checker: Checker,
    analyse: Analyse,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    places = ["Oslo", "Lisbon", "Warsaw", "Vienna"]
    sentences = []
    for n in range(60):
        place = places[n % 4]
        surname = "Brandtner" if n % 5 else "Brandner"
        sentences.append(
            f"The summit in {place} drew {n + 10} delegates. Halvard {surname} flew to {place}. "
            f"Norway agreed to send {n + 2} ferries to Poland."
        )
        if n % 7 == 0:
            sentences.append("Poland agreed to send ferries to Norway.")
    analysis = analyse("Summit talks resume\n\n" + " ".join(sentences))
    by_kinds = checker.findings(analysis)
    monkeypatch.setattr(evaluation._AlikeClaims, "groups", lambda self: None)
    by_pairs = checker.findings(analysis)
    assert {f.rule_id for f in by_kinds} >= {"LOC001", "NAM001", "TRF001"}
    assert by_kinds == by_pairs


def test_passages_inside_others_are_found_by_the_sweep_as_by_comparing_all() -> None:
    random_ = random.Random(4)
    for _ in range(300):
        sides: list[Mention | Evidence] = list(
            dict.fromkeys(
                Mention(start, start + random_.randint(1, 5), random_.choice("ab"), "")
                for start in (random_.randint(0, 12) for _ in range(random_.randint(0, 8)))
            )
        )
        expected = {
            i
            for i, side in enumerate(sides)
            if any(o is not side and o.start <= side.start and side.end <= o.end for o in sides)
        }
        assert evaluation._inside_another(sides) == expected


# -- names and suppressions --------------------------------------------------------


def test_near_misses_are_the_strings_within_the_edits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(NearMisses, "SCAN_UP_TO", 0)
    random_ = random.Random(8)
    letters = "abcde "
    for _ in range(1500):
        edits = random_.choice([1, 2, 3])
        strings = ["".join(random_.choices(letters, k=random_.randint(0, 9))) for _ in range(8)]
        near = NearMisses(strings, edits)
        for _ in range(4):
            query = "".join(random_.choices(letters, k=random_.randint(0, 10)))
            expected = any(Levenshtein.distance(s, query, score_cutoff=edits) <= edits for s in strings)
            assert near.any_within(query) == expected


def test_suppression_scopes_are_found_as_by_asking_every_suppression() -> None:
    random_ = random.Random(6)
    for _ in range(300):
        suppressions = []
        for _ in range(random_.randint(0, 8)):
            start = random_.randint(0, 40)
            suppressions.append(
                Suppression(
                    (random_.choice(["LOC", "NAM001"]),),
                    None,
                    random_.random() < 0.1,
                    0,
                    0,
                    start,
                    start + random_.randint(0, 15),
                )
            )
        scopes = _Scopes(suppressions)
        for _ in range(5):
            evidence = tuple(
                Evidence(at, at + 1, 1, at + 1, 1, at + 2, "x")
                for at in (random_.randint(0, 50) for _ in range(random_.randint(1, 3)))
            )
            finding = Finding(random_.choice(["LOC001", "NAM001"]), "n", "location", "error", "m", evidence)
            expected = [i for i, s in enumerate(suppressions) if covers(s, finding)]
            assert [i for i in scopes.around(finding) if covers(suppressions[i], finding)] == expected


def test_comments_that_silence_a_finding_are_found_as_by_asking_every_finding() -> None:
    random_ = random.Random(10)
    for _ in range(300):
        findings = [
            Finding(
                random_.choice(["LOC001", "LOC002", "NAM001"]),
                "n",
                "location",
                "error",
                "m",
                tuple(
                    Evidence(at, at + 1, 1, at + 1, 1, at + 2, "x")
                    for at in (random_.randint(0, 60) for _ in range(random_.randint(1, 3)))
                ),
            )
            for _ in range(random_.randint(0, 6))
        ]
        starts = FindingStarts.of(findings)
        for _ in range(6):
            start = random_.randint(0, 60)
            suppression = Suppression(
                (random_.choice(["LOC", "LOC002", "NAM001", "TRV"]),),
                None,
                random_.random() < 0.15,
                0,
                0,
                start,
                start + random_.randint(0, 20),
            )
            expected = any(covers(suppression, finding) for finding in findings)
            assert starts.covered_by(suppression) == expected


def _slip(random_: random.Random, word: str) -> str:
    """The word with one letter added, dropped, changed or two swapped."""
    at = random_.randrange(len(word))
    match random_.randrange(4):
        case 0:
            return word[:at] + random_.choice("abcd") + word[at:]
        case 1:
            return word[:at] + word[at + 1 :]
        case 2:
            return word[:at] + random_.choice("abcd") + word[at + 1 :]
        case _:
            return word[:at] + word[at + 1 : at + 2] + word[at : at + 1] + word[at + 2 :]


def test_two_names_the_spelling_rule_pairs_share_a_pair_key() -> None:
    random_ = random.Random(14)
    context = CheckContext(ClaimGraph.__new__(ClaimGraph), document_from_text("Unread.", "<test>", "text"))
    paired = 0
    for options in (spelling_variant.Options(), spelling_variant.Options(surnames=True)):
        for _ in range(3000):
            words = ["".join(random_.choices("abcd", k=random_.randint(4, 9))) for _ in range(3)]
            first = words[: random_.randint(1, 3)]
            second = [_slip(random_, w) if random_.random() < 0.4 else w for w in first]
            if random_.random() < 0.3:
                second = second[-1:]
            claims = tuple(
                Claim(
                    kind="person_name",
                    span=Mention(n, n + 1, "x", ""),
                    sentence=(0, 0),
                    values={"name": name},
                )
                for n, name in enumerate((" ".join(first), " ".join(second)))
            )
            if spelling_variant.check(claims, "name", options, context) is None:
                continue
            paired += 1
            keys_a, keys_b = (set(spelling_variant.pair_keys(c, "name", options)) for c in claims)
            assert keys_a & keys_b
    assert paired > 100
