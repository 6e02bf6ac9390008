"""Who a role's words refer to: people, places, organisations, groups and things.

    "Andina Minerals ... Andina"                         one organisation
    "Manitoba's utility, Prairie Hydro ... the utility"   the description names it again
    "Canada's Pacific Rim Holdings"                       an organisation on Canada's side
    "Pacific Rim announced the sale of its stake"         "its": the clause's subject
    "a passenger bus ... the bus"                         one thing, by its noun
    "beating the incumbent, Ana Solis"                    the person the apposition names
    "Peruvian miner Corvo Metals ... Corvo"               one organisation, whatever the
                                                          tagger called either name
    "the Casa Verde gallery ... Casa Verde"               a noun beside a name is that name
    "the Ohio company"                                    a company at home in Ohio
    "Ana Soria ... Soria, the plaintiff"                  a surname is the person, not a town

Sides are what a comparison of directions needs: a country for its capital, its
metonym ("the Kremlin"), its ministers and its state companies; an organisation
for itself unless the article ties it to a place.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from factcheck.events.model import Party
from factcheck.nlp.entities import EntityIndex, entity_span
from factcheck.nlp.gazetteer import normalise_name
from factcheck.nlp.lexicon import word_set, words
from factcheck.nlp.sentences import sentence_of

#: Words that end an organisation's name without telling organisations apart.
_LEGAL_SUFFIXES = frozenset(
    {
        "inc",
        "ltd",
        "llc",
        "plc",
        "corp",
        "corporation",
        "co",
        "sa",
        "ag",
        "nv",
        "bv",
        "gmbh",
        "holdings",
        "group",
        "limited",
        "company",
    }
)
_NEUTER_PRONOUNS = frozenset({"it", "its", "itself"})
_PLURAL_PRONOUNS = frozenset({"they", "their", "them", "theirs"})
_ORG_LABELS = frozenset({"ORG"})
_DASHES = frozenset({"-", "–"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
#: How many words before a name may tie it to a place.
_HOME_WINDOW = 4


@dataclass(slots=True)
class _Named:
    """An organisation (or a named thing) as first introduced, with what describes it."""

    key: str
    tokens: tuple[str, ...]
    side: str
    #: The place the article ties it to ("Canada's ..."), if any.
    home: str | None
    #: Common nouns that describe it: its appositive ("a utility") and its last word ("Library").
    descriptions: set[str] = field(default_factory=set)
    position: int = 0


@dataclass(slots=True)
class PartyIndex:
    """Resolves tokens to parties for one article; built once, asked many times."""

    doc: Doc
    entities: EntityIndex
    organisations: list[_Named] = field(default_factory=list)
    #: token index -> organisation key, for every token of a named organisation.
    organisation_at: dict[int, str] = field(default_factory=dict)
    #: The organisations by key, by their words and by each leading run of their
    #: words (the first one so named: "Andina" finds "Andina Minerals"): asked once
    #: per name, never scanned.
    _by_key: dict[str, _Named] = field(default_factory=dict, repr=False)
    _by_tokens: dict[tuple[str, ...], int] = field(default_factory=dict, repr=False)
    _by_leading_words: dict[tuple[str, ...], int] = field(default_factory=dict, repr=False)
    #: The last word of each name of two words or more -> the organisations so named.
    _by_last_word: dict[str, set[str]] = field(default_factory=dict, repr=False)
    #: Where organisations are named, for "the utility" to find the one named last
    #: (see ``_Mentions``); set once every name is registered.
    _mentions: _Mentions | None = field(default=None, repr=False)
    #: (token index, party) of each clause subject, in text order: for "it" and "its".
    subjects: list[tuple[int, Party]] = field(default_factory=list)
    #: A full name's last word -> (where it is first named, the person's key).
    surnames: dict[str, tuple[int, str]] = field(default_factory=dict)
    #: noun -> the organisations it stands in apposition to ("The port operator, Port Pêche
    #: Atlantique,"), first naming first; read when a description comes before any name.
    _appositions: dict[str, list[tuple[int, str]]] | None = field(default=None, repr=False)

    def party(self, token: Token) -> Party | None:
        """The party ``token`` (the head of a role's phrase) refers to, if any."""
        split = self._split_person_name(token) if token.i not in self.entities.persons else None
        if split is not None:
            return self._person(split)
        if token.i in self.organisation_at:
            return self._organisation(self.organisation_at[token.i])
        person = self.entities.person_key(token)
        if person is not None:
            return self._person(person[1])
        if token.i in self.entities.places:
            place_id = self.entities.places[token.i][1]
            surname = self._surname(token, place_id)
            if surname is not None:
                return self._person(surname)
            return Party(f"place:{place_id}", self.entities.side(token) or place_id, "place")
        if token.ent_type_ == "NORP" and token.ent_id_:
            return Party(f"group:{token.ent_id_}", token.ent_id_, "group")
        lower = token.lower_
        if lower in _NEUTER_PRONOUNS or lower in _PLURAL_PRONOUNS:
            return self._pronoun(token)
        if token.pos_ == "NOUN":
            return self._named_beside(token) or self._described(token)
        if token.pos_ == "PROPN":
            key = normalise_name(_proper_phrase(token).text)
            return Party(f"name:{key}", f"name:{key}", "organisation")
        return None

    def _split_person_name(self, token: Token) -> str | None:
        """ "Deportivo Ypacaraí beat Atlético Itauguá 2-1": a headline's name the model cut in
        two (a place "Atlético" and a word "Itauguá") is the person or club the article
        names in full ("Atlético Itauguá", tagged whole in the body)."""
        run = _capitalised_run(token)
        if len(run) < 2:
            return None
        key = normalise_name(run.text)
        return key if key in self.entities.person_names else None

    def _person(self, key: str) -> Party:
        nationality = self.entities.nationality.get(key)
        side = nationality.country if nationality else f"person:{key}"
        return Party(f"person:{key}", side, "person")

    def _surname(self, token: Token, place_id: str) -> str | None:
        """ "Ana Soria ... Soria, the plaintiff": a one-word place that is the surname of
        someone named before it is that person (a country keeps its own name)."""
        if self.entities.gazetteer.is_country(place_id) or len(self.entities.places[token.i][0]) != 1:
            return None
        found = self.surnames.get(normalise_name(token.text))
        return found[1] if found is not None and found[0] < token.i else None

    def _named_beside(self, noun: Token) -> Party | None:
        """ "utility, Lakeland Hydro", "the Casa Verde gallery": a noun beside a name is its
        organisation; "the journalist Maria Castillo": a noun in apposition to a person is her."""
        for child in noun.children:
            if child.dep_ in {"appos", "compound"} and child.i in self.organisation_at:
                return self._organisation(self.organisation_at[child.i])
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                person = self.entities.person_key(child)
                # "beating the incumbent, Ana Solis": a name the tagger missed is still the name.
                return self._person(person[1]) if person is not None else self.party(child)
        return None

    def _named_later(self, noun: Token, lemma: str) -> str | None:
        """ "has taken the operator of Dakar's port to court ... The port operator, Port Pêche
        Atlantique, denies": a description before any name is the one organisation the
        article names with it later, in apposition."""
        if self._appositions is None:
            found: dict[str, list[tuple[int, str]]] = {}
            for token in self.doc:
                if token.pos_ != "NOUN":
                    continue
                named = [c for c in token.children if c.dep_ == "appos" and c.i in self.organisation_at]
                if token.dep_ == "appos" and token.head.i in self.organisation_at:
                    named.append(token.head)
                for name in named:
                    found.setdefault(token.lemma_.lower(), []).append((token.i, self.organisation_at[name.i]))
            self._appositions = found
        later = [key for index, key in self._appositions.get(lemma, ()) if index > noun.i]
        return later[0] if later and len(set(later)) == 1 else None

    def _organisation(self, key: str) -> Party:
        return Party(f"org:{key}", self._by_key[key].side, "organisation")

    def _named(self, tokens: tuple[str, ...]) -> _Named | None:
        """The first organisation named by these words, by more words that start with
        them ("Andina" for "Andina Minerals"), or by fewer ("Corvo Minerals" for "Corvo")."""
        found = [self._by_leading_words.get(tokens)]
        found.extend(self._by_tokens.get(tokens[:length]) for length in range(1, len(tokens)))
        first = min((order for order in found if order is not None), default=None)
        if first is not None:
            return self.organisations[first]
        # "The Alliance's haul" after "the Reform Alliance": a name's last word alone is
        # that organisation, when no other one ends in it.
        keys = self._by_last_word.get(tokens[0], set()) if len(tokens) == 1 else set()
        return self._by_key[next(iter(keys))] if len(keys) == 1 else None

    def _add(self, named: _Named) -> None:
        order = len(self.organisations)
        self.organisations.append(named)
        self._by_key.setdefault(named.key, named)
        self._by_tokens.setdefault(named.tokens, order)
        for length in range(1, len(named.tokens) + 1):
            self._by_leading_words.setdefault(named.tokens[:length], order)
        if len(named.tokens) > 1:
            self._by_last_word.setdefault(named.tokens[-1], set()).add(named.key)

    def _is_named(self, tokens: tuple[str, ...]) -> bool:
        """Whether an organisation is named by exactly these words."""
        return tokens in self._by_tokens

    def _pronoun(self, pronoun: Token) -> Party | None:
        """ "its" and "it": the subject of the clause, or the last subject before it that is not a person."""
        clause = pronoun.head
        while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
            clause = clause.head
        for child in clause.children:
            subject = child.dep_ in {"nsubj", "nsubjpass"} and child.i != pronoun.i
            if subject and _may_stand_for(child, pronoun):
                found = self.party(child)
                if found is not None and found.kind != "person":
                    return found
        position = bisect.bisect_left(self.subjects, pronoun.i, key=lambda item: item[0])
        window_start = sentence_of(self.doc[max(sentence_of(pronoun).start - 1, 0)]).start
        for index in range(position - 1, -1, -1):
            at, party = self.subjects[index]
            if at < window_start:
                break
            if party.kind != "person":
                return party
        return None

    def _described(self, noun: Token) -> Party:
        """ "the utility", "the Bamako library", "the Ohio company": the last named party so
        described (a generic noun such as "company" describes any), else the noun itself,
        on the side of the place that qualifies it."""
        lemma = noun.lemma_.lower()
        definite = any(c.dep_ in {"det", "poss"} and c.lower_ not in {"a", "an"} for c in noun.children)
        places = {self.entities.places[c.i][1] for c in noun.children if c.i in self.entities.places}
        if definite:
            # The one named last before the noun: "Corvo's chief said the company ...".
            generic = lemma in _words("generic_organisation_nouns")
            mentions = self._mentions if self._mentions is not None else _Mentions.of(self)
            key = mentions.last_before(noun.i, None if generic else lemma, places, self.entities.contains)
            if key is None and not generic:
                key = self._named_later(noun, lemma)
            if key is not None:
                return self._organisation(key)
        if lemma in _words("organisation_nouns"):
            # "the Ohio company", "a Swiss trader": still no one named, but on that place's side.
            homes = sorted(places) or sorted(
                c.ent_id_ for c in noun.children if c.ent_type_ == "NORP" and c.ent_id_
            )
            if homes:
                side = (
                    self.entities.side_of_place(homes[0])
                    if homes[0] in self.entities.gazetteer.places
                    else homes[0]
                )
                return Party(f"thing:{lemma}@{homes[0]}", side, "thing")
        return Party(f"thing:{lemma}", f"thing:{lemma}", "thing")


@dataclass(frozen=True, slots=True)
class _Mentions:
    """The tokens naming organisations, in text order, by each word that describes them
    (``None``: any organisation) and by the place they are at home in.

    "the Bamako library" asks for the library named last that is at home in or
    around Bamako: the last mention before it on each home's list, not every name
    of every organisation.
    """

    #: description -> home -> sorted token indexes, with the organisation at each.
    at: dict[str | None, dict[str | None, tuple[list[int], list[str]]]]

    @classmethod
    def of(cls, index: PartyIndex) -> _Mentions:
        at: dict[str | None, dict[str | None, tuple[list[int], list[str]]]] = {}
        for position, key in sorted(index.organisation_at.items()):
            named = index._by_key[key]
            for description in (None, *named.descriptions):
                positions, keys = at.setdefault(description, {}).setdefault(named.home, ([], []))
                positions.append(position)
                keys.append(key)
        return cls(at)

    def last_before(
        self, position: int, description: str | None, places: set[str], contains: Callable[[str, str], bool]
    ) -> str | None:
        """The organisation so described named last before ``position`` whose home is
        in or around one of ``places`` (any home, or none, when there are no places)."""
        best: tuple[int, str] | None = None
        for home, (positions, keys) in self.at.get(description, {}).items():
            if places and (home is None or not any(contains(p, home) or contains(home, p) for p in places)):
                continue
            before = bisect.bisect_left(positions, position)
            if before and (best is None or positions[before - 1] > best[0]):
                best = positions[before - 1], keys[before - 1]
        return best[1] if best is not None else None


def _may_stand_for(subject: Token, pronoun: Token) -> bool:
    """Whether a clause's subject may be what a pronoun of the clause stands for: one before it,
    or one after a fronted phrase the pronoun is in ("With its 52 seats, the alliance will
    need ..."), never the subject the pronoun is part of ("Its partners won 15 seats")."""
    if subject.i < pronoun.i:
        return True
    # A pronoun after it stands for something itself ("With its ..., it will ...").
    if subject.lower_ in _NEUTER_PRONOUNS | _PLURAL_PRONOUNS or subject.pos_ == "PRON":
        return False
    inside = subject.left_edge.i <= pronoun.i <= subject.right_edge.i
    if inside or pronoun.i > subject.head.i:
        return False
    # "With both sides looking for their first win, the game ...": a noun before the
    # pronoun in its phrase is what it stands for, not the subject after it.
    before = pronoun.doc[pronoun.sent.start : pronoun.i]
    return not any(t.pos_ in {"NOUN", "PROPN"} for t in before)


def _capitalised_run(token: Token, longest: int = 4) -> Span:
    """The capitalised words either side of a token on its line, at most ``longest``."""
    doc = token.doc

    def joined(left: Token, right: Token) -> bool:
        capitalised = left.is_title and right.is_title and left.is_alpha and right.is_alpha
        return capitalised and left.whitespace_ == " "

    start = end = token.i
    while start > 0 and end - start + 1 < longest and joined(doc[start - 1], doc[start]):
        start -= 1
    while end + 1 < len(doc) and end - start + 1 < longest and joined(doc[end], doc[end + 1]):
        end += 1
    return doc[start : end + 1]


def _proper_phrase(token: Token) -> Span:
    """The run of proper nouns a token heads: "North Star Energy"."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
        start -= 1
    return doc[start : token.i + 1]


def _organisation_key(tokens: tuple[str, ...]) -> tuple[str, ...]:
    words = [t for t in tokens if t not in {"the", "'s", "’s"}]
    while len(words) > 1 and words[-1] in _LEGAL_SUFFIXES:
        words.pop()
    return tuple(words)


def _place_in(tokens: Span, index: EntityIndex) -> str | None:
    """A place that words before a name tie it to: "Canada's", "Abu Dhabi-based"."""
    for token in tokens:
        following = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if token.i not in index.places or following is None:
            continue
        if following.text in POSSESSIVE:
            return index.places[token.i][1]
        if following.text in _DASHES and token.i + 2 < len(token.doc) and token.nbor(2).lower_ == "based":
            return index.places[token.i][1]
    return None


def _home(span: Span, index: EntityIndex) -> str | None:
    """The place an organisation belongs to, as the article ties it.

    "Canada's Pacific Rim Holdings", "Abu Dhabi-based Gulf Gateway", "Manitoba's
    utility, Prairie Hydro", "North Star, a Minneapolis-based utility", "the
    National Library in Bamako".
    """
    doc = span.doc
    found = _place_in(doc[max(span.start - _HOME_WINDOW, 0) : span.start], index)
    if found is not None:
        return found
    root = span.root
    nouns = [root.head] if root.dep_ == "appos" else []
    nouns.extend(c for c in root.children if c.dep_ == "appos")
    for noun in nouns:
        found = _place_in(doc[noun.left_edge.i : noun.i], index)
        if found is not None:
            return found
    for prep in root.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            for obj in prep.children:
                if obj.i in index.places:
                    return index.places[obj.i][1]
    return None


def _words(key: str) -> frozenset[str]:
    return word_set("parties", key)


def _person_titles() -> frozenset[str]:
    return words("people", "titles")


def _descriptions(span: Span) -> set[str]:
    """The common nouns that name an organisation again: "a Minneapolis-based utility" (its
    appositive), "Library" (its last word), "the Casa Verde gallery" (the noun it qualifies)."""
    root = span.root
    found = {root.lemma_.lower(), span[-1].lower_}
    nouns = [root.head] if root.dep_ in {"appos", "compound"} else []
    nouns.extend(
        c for c in root.children if c.dep_ in {"appos", "compound"} and c.i not in range(*_bounds(span))
    )
    found.update(n.lemma_.lower() for n in nouns if n.pos_ == "NOUN")
    return found


def _bounds(span: Span) -> tuple[int, int]:
    return span.start, span.end


def _name_runs(doc: Doc) -> list[Span]:
    """Every run of proper nouns, in text order: "National Manuscript Library", "Casa Verde"."""
    runs: list[Span] = []
    start: int | None = None
    for token in [*doc, None]:
        # A demonym the gazetteer knows ("Chilean") is no name; "Helix" tagged as one may be.
        demonym = token is not None and token.ent_type_ == "NORP" and bool(token.ent_id_)
        inside = token is not None and token.pos_ == "PROPN" and not demonym and token.is_alpha
        if inside:
            start = token.i if start is None else start
            continue
        if start is not None:
            run = doc[start : token.i if token is not None else len(doc)]
            # A name begins and ends with a capital ("Banco do Norte"); "city" tagged as a name is not one.
            if run[0].text[:1].isupper() and run[-1].text[:1].isupper():
                runs.append(run)
            start = None
    return runs


def _run_holding(runs: list[Span], starts: list[int], span: Span) -> Span | None:
    """The run (in text order, none overlapping) that holds ``span``, if any: only the
    last one starting at or before it can."""
    at = bisect.bisect_right(starts, span.start) - 1
    return runs[at] if at >= 0 and span.end <= runs[at].end else None


def _known_place(span: Span, entities: EntityIndex) -> bool:
    return any(t.i in entities.places and entities.places[t.i][1] in entities.gazetteer.places for t in span)


def _is_organisation_name(span: Span, entities: EntityIndex) -> bool:
    """Whether a run of proper nouns names an organisation, whatever the tagger called it.

    "Corvo Metals" (its last word), "Ohio's utility, Lakeland Hydro" and "Teller
    Wind, a Dayton-based utility" (a noun in apposition), "the Casa Verde
    gallery" (the noun it qualifies), "trading house Tamura" (a noun before it).
    A name the tagger read as a person's needs more than a last word: "Samantha
    Power" is a person, "Corvo Minerals" (a plural) and "Tamura Corp." are not;
    and more than a noun before a full name: "Chilean miner Luis Vera" is a person.
    """
    root = span.root
    nouns = _words("organisation_nouns")
    person = any(t.i in entities.persons for t in span)
    if not person and any(t.ent_type_ == "ORG" for t in span):
        return True
    last = span[-1]
    head = last.lower_.strip(".")
    if head in _words("organisation_name_heads") and (
        not person or last.tag_ == "NNPS" or head in _LEGAL_SUFFIXES
    ):
        return True
    if root.dep_ in {"appos", "compound"} and root.head.pos_ == "NOUN" and root.head.lemma_.lower() in nouns:
        return True
    beside = [c for c in root.children if c.pos_ == "NOUN" and not span.start <= c.i < span.end]
    if any(c.dep_ == "appos" and c.lemma_.lower() in nouns for c in beside):
        return True
    # "oil firm Yukos": a noun before a single name, or a name the tagger did not call a person's.
    return (not person or len(span) == 1) and any(
        c.dep_ in {"compound", "nmod"} and c.i < span.start and c.lemma_.lower() in nouns for c in beside
    )


def _titled(span: Span) -> bool:
    """ "Corvo's chief executive, Ana Prieto": a name beside a person's title is a person's,
    whatever the tagger called it."""
    root = span.root
    nouns = [root.head] if root.dep_ == "appos" else []
    nouns.extend(c for c in root.children if c.dep_ == "appos")
    titles = _person_titles()
    return any(
        n.lemma_.lower() in titles
        or any(c.dep_ in {"amod", "compound"} and c.lower_ in titles for c in n.children)
        for n in nouns
    )


def _register(index: PartyIndex, span: Span, entities: EntityIndex, create: bool) -> None:
    """Index a name as an organisation: a new one, or another name of one already named."""
    tokens = _organisation_key(tuple(normalise_name(t.text) for t in span))
    if not tokens:
        return
    # The same words, or a leading run of the other's: "Andina" and "Andina Minerals".
    named = index._named(tokens)
    if named is None:
        if not create:
            return
        key = " ".join(tokens)
        home = _home(span, entities)
        side = entities.side_of_place(home) if home is not None else f"org:{key}"
        named = _Named(key, tokens, side, home, position=span.start)
        index._add(named)
    elif named.home is None and (home := _home(span, entities)) is not None:
        # "Corvo ... Peru's Corvo Minerals": the name that ties it to a place gives its side.
        named.home, named.side = home, entities.side_of_place(home)
    named.position = min(named.position, span.start)
    named.descriptions |= _descriptions(span)
    for token in span:
        index.organisation_at[token.i] = named.key


def build_party_index(doc: Doc, entities: EntityIndex) -> PartyIndex:
    """Index the article's organisations (with aliases and sides), surnames and clause subjects."""
    index = PartyIndex(doc, entities)
    for span, key in sorted(set(entities.persons.values()), key=lambda item: item[0].start):
        words = [t for t in span if t.text not in POSSESSIVE]
        if len(words) >= 2:
            index.surnames.setdefault(normalise_name(words[-1].text), (span.start, key))
    runs = [r for r in _name_runs(doc) if not _known_place(r, entities)]
    run_starts = [r.start for r in runs]
    # The tagger's organisations, each as the whole run of proper nouns it is part of.
    named: list[Span] = []
    for ent in doc.ents:
        if (
            ent.label_ not in _ORG_LABELS
            or any(t.i in entities.places or t.i in entities.persons for t in ent)
            or _titled(ent)
        ):
            continue
        run = _run_holding(runs, run_starts, ent)
        named.append(run if run is not None and not any(t.i in entities.persons for t in run) else ent)
    named.extend(r for r in runs if _is_organisation_name(r, entities) and not _titled(r))
    unique = {(s.start, s.end): s for s in named}
    for span in sorted(unique.values(), key=lambda s: (s.start, -s.end)):
        if not any(t.i in index.organisation_at for t in span):
            _register(index, span, entities, create=True)
    # Other names of an organisation named elsewhere: "Corvo" for "Corvo Metals", which
    # the tagger may call a place; a person's name only when it is the whole name.
    for run in runs:
        if any(t.i in index.organisation_at for t in run):
            continue
        if not any(t.i in entities.persons for t in run) or index._is_named(
            _organisation_key(tuple(normalise_name(t.text) for t in run))
        ):
            _register(index, run, entities, create=False)
    index._mentions = _Mentions.of(index)
    for token in doc:
        if token.dep_ in {"nsubj", "nsubjpass"} and token.lower_ not in _NEUTER_PRONOUNS | _PLURAL_PRONOUNS:
            party = index.party(entity_span(token).root if token.ent_type_ else token)
            if party is not None:
                index.subjects.append((token.i, party))
    return index
