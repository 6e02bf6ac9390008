"""Who a role's words refer to: people, places, organisations, groups and things.

    "Andina Minerals ... Andina"                         one organisation
    "Manitoba's utility, Prairie Hydro ... the utility"   the description names it again
    "Canada's Pacific Rim Holdings"                       an organisation on Canada's side
    "Pacific Rim announced the sale of its stake"         "its": the clause's subject
    "a passenger bus ... the bus"                         one thing, by its noun

Sides are what a comparison of directions needs: a country for its capital, its
metonym ("the Kremlin"), its ministers and its state companies; an organisation
for itself unless the article ties it to a place.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from factcheck.events.model import Party
from factcheck.nlp.entities import EntityIndex, entity_span
from factcheck.nlp.gazetteer import normalise_name

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
    #: The organisations by key, by each leading run of their words (the first one
    #: so named: "Andina" and "Andina Minerals" find "Andina Minerals"), and by each
    #: word that describes them, in text order: asked once per mention, never scanned.
    _by_key: dict[str, _Named] = field(default_factory=dict, repr=False)
    _by_leading_words: dict[tuple[str, ...], _Named] = field(default_factory=dict, repr=False)
    _by_description: dict[str, list[_Named]] = field(default_factory=dict, repr=False)
    #: token index -> organisation key, for every token of a named organisation.
    organisation_at: dict[int, str] = field(default_factory=dict)
    #: (token index, party) of each clause subject, in text order: for "it" and "its".
    subjects: list[tuple[int, Party]] = field(default_factory=list)

    def party(self, token: Token) -> Party | None:
        """The party ``token`` (the head of a role's phrase) refers to, if any."""
        person = self.entities.person_key(token)
        if person is not None:
            nationality = self.entities.nationality.get(person[1])
            side = nationality.country if nationality else f"person:{person[1]}"
            return Party(f"person:{person[1]}", side, "person")
        if token.i in self.entities.places:
            place_id = self.entities.places[token.i][1]
            return Party(f"place:{place_id}", self.entities.side(token) or place_id, "place")
        if token.i in self.organisation_at:
            return self._organisation(self.organisation_at[token.i])
        if token.ent_type_ == "NORP" and token.ent_id_:
            return Party(f"group:{token.ent_id_}", token.ent_id_, "group")
        lower = token.lower_
        if lower in _NEUTER_PRONOUNS or lower in _PLURAL_PRONOUNS:
            return self._pronoun(token)
        if token.pos_ == "NOUN":
            return self._described(token)
        if token.pos_ == "PROPN":
            key = normalise_name(_proper_phrase(token).text)
            return Party(f"name:{key}", f"name:{key}", "organisation")
        return None

    def _organisation(self, key: str) -> Party:
        return Party(f"org:{key}", self._by_key[key].side, "organisation")

    def _named(self, tokens: tuple[str, ...]) -> _Named | None:
        """The first organisation named by these words or by more words that start with them."""
        return self._by_leading_words.get(tokens)

    def _add(self, named: _Named) -> None:
        self.organisations.append(named)
        self._by_key.setdefault(named.key, named)
        for length in range(1, len(named.tokens) + 1):
            self._by_leading_words.setdefault(named.tokens[:length], named)

    def _index_descriptions(self) -> None:
        """Once every organisation has all its descriptions."""
        self._by_description.clear()
        for named in self.organisations:
            for description in named.descriptions:
                self._by_description.setdefault(description, []).append(named)

    def _pronoun(self, pronoun: Token) -> Party | None:
        """ "its" and "it": the subject of the clause, or the last subject before it that is not a person."""
        clause = pronoun.head
        while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
            clause = clause.head
        for child in clause.children:
            if child.dep_ in {"nsubj", "nsubjpass"} and child.i < pronoun.i and child.i != pronoun.i:
                found = self.party(child)
                if found is not None and found.kind != "person":
                    return found
        position = bisect.bisect_left(self.subjects, pronoun.i, key=lambda item: item[0])
        window_start = self.doc[max(pronoun.sent.start - 1, 0)].sent.start
        for index in range(position - 1, -1, -1):
            at, party = self.subjects[index]
            if at < window_start:
                break
            if party.kind != "person":
                return party
        return None

    def _described(self, noun: Token) -> Party:
        """ "the utility", "the Bamako library": the last named party so described, else the noun itself."""
        lemma = noun.lemma_.lower()
        definite = any(c.dep_ in {"det", "poss"} and c.lower_ not in {"a", "an"} for c in noun.children)
        if definite:
            places = {self.entities.places[c.i][1] for c in noun.children if c.i in self.entities.places}
            described = self._by_description.get(lemma, [])
            before = bisect.bisect_left(described, noun.i, key=lambda n: n.position)
            for position in range(before - 1, -1, -1):
                if self._placed(described[position], places):
                    return self._organisation(described[position].key)
        return Party(f"thing:{lemma}", f"thing:{lemma}", "thing")

    def _placed(self, named: _Named, places: set[str]) -> bool:
        """ "the Bamako library" names a library at home in Bamako (or around it), not another."""
        home = named.home
        return not places or (
            home is not None
            and any(self.entities.contains(p, home) or self.entities.contains(home, p) for p in places)
        )


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


def _descriptions(span: Span) -> set[str]:
    root = span.root
    found = {root.lemma_.lower(), span[-1].lower_}
    nouns = [root.head] if root.dep_ == "appos" else []
    nouns.extend(c for c in root.children if c.dep_ == "appos")
    found.update(n.lemma_.lower() for n in nouns if n.pos_ == "NOUN")
    return found


def build_party_index(doc: Doc, entities: EntityIndex) -> PartyIndex:
    """Index the article's organisations (with aliases and sides) and its clause subjects."""
    index = PartyIndex(doc, entities)
    for ent in doc.ents:
        if ent.label_ not in _ORG_LABELS or any(
            t.i in entities.places or t.i in entities.persons for t in ent
        ):
            continue
        tokens = _organisation_key(tuple(normalise_name(t.text) for t in ent))
        if not tokens:
            continue
        # The same words, or the leading words of a longer name ("Andina" for "Andina
        # Minerals"): the organisation named before.
        named = index._named(tokens)
        if named is None:
            key = " ".join(tokens)
            home = _home(ent, entities)
            side = entities.side_of_place(home) if home is not None else f"org:{key}"
            named = _Named(key, tokens, side, home, position=ent.start)
            index._add(named)
        named.descriptions |= _descriptions(ent)
        for token in ent:
            index.organisation_at[token.i] = named.key
    index._index_descriptions()
    for token in doc:
        if token.dep_ in {"nsubj", "nsubjpass"} and token.lower_ not in _NEUTER_PRONOUNS | _PLURAL_PRONOUNS:
            party = index.party(entity_span(token).root if token.ent_type_ else token)
            if party is not None:
                index.subjects.append((token.i, party))
    return index
