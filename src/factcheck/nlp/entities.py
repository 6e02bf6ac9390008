"""Resolve the entities of one parsed article: places, people and who belongs where.

Built once per article from the spaCy Doc; the claim extractors ask it questions
such as "which place does this token name?" or "whose is this pronoun?".
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from factcheck.nlp.gazetteer import Gazetteer, normalise_name
from factcheck.nlp.lexicon import word_set, words
from factcheck.nlp.sentences import sentence_of

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_PERSON_PREFIX_WORDS = frozenset({"former", "then", "vice", "deputy", "acting", "late"})
#: spaCy's ``Token.ent_iob`` codes.
_INSIDE, _BEGIN = 1, 3
_INSIDE_OR_BEGIN = frozenset({_INSIDE, _BEGIN})


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the analysis text naming something, with the id it resolves to."""

    start: int
    end: int
    text: str
    id: str

    @classmethod
    def of(cls, span: Span | Token, entity_id: str) -> Mention:
        if isinstance(span, Token):
            return cls(span.idx, span.idx + len(span.text), span.text, entity_id)
        return cls(span.start_char, span.end_char, span.text, entity_id)


@dataclass(slots=True)
class Nationality:
    country: str
    evidence: Mention


@dataclass(slots=True)
class EntityIndex:
    """What the entities of one article resolve to."""

    doc: Doc
    gazetteer: Gazetteer
    places: dict[int, tuple[Span, str]] = field(default_factory=dict)
    persons: dict[int, tuple[Span, str]] = field(default_factory=dict)
    person_names: dict[str, str] = field(default_factory=dict)
    nationality: dict[str, Nationality] = field(default_factory=dict)
    #: Containment read from the article itself: (container id, contained id).
    text_containment: set[tuple[str, str]] = field(default_factory=set)
    #: ``text_containment`` by contained id, and each place's ancestors, as of
    #: ``_indexed`` pairs: rules ask about the same few places again and again.
    _text_parents: dict[str, set[str]] = field(default_factory=dict, repr=False, compare=False)
    _ancestors: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)
    _indexed: int = field(default=0, repr=False, compare=False)

    # -- places -------------------------------------------------------------

    def place_span(self, token: Token) -> tuple[Span, str] | None:
        """The place entity ``token`` is part of, with its id."""
        return self.places.get(token.i)

    def place_mention(self, token: Token) -> Mention | None:
        found = self.place_span(token)
        return Mention.of(found[0], found[1]) if found else None

    def ancestors(self, place_id: str) -> set[str]:
        return set(self._ancestors_of(place_id))

    def _ancestors_of(self, place_id: str) -> frozenset[str]:
        if self._indexed != len(self.text_containment):
            self._text_parents.clear()
            for outer, inner in self.text_containment:
                self._text_parents.setdefault(inner, set()).add(outer)
            self._ancestors.clear()
            self._indexed = len(self.text_containment)
        cached = self._ancestors.get(place_id)
        if cached is not None:
            return cached
        found: set[str] = set()
        frontier = [place_id]
        while frontier:
            current = frontier.pop()
            parents = set(self._text_parents.get(current, ()))
            parents |= set(self.gazetteer.ancestors(current)) if current in self.gazetteer.places else set()
            for parent in parents - found:
                found.add(parent)
                frontier.append(parent)
        cached = self._ancestors[place_id] = frozenset(found)
        return cached

    def contains(self, outer: str, inner: str) -> bool:
        return outer == inner or outer in self._ancestors_of(inner)

    def countries_of(self, place_id: str) -> frozenset[str]:
        if self.gazetteer.is_country(place_id):
            return frozenset({place_id})
        return frozenset(a for a in self._ancestors_of(place_id) if self.gazetteer.is_country(a))

    # -- people -------------------------------------------------------------

    def person_key(self, token: Token) -> tuple[Span, str] | None:
        """The person ``token`` names or refers to (pronouns resolved to the nearest person)."""
        found = self.persons.get(token.i)
        if found is not None:
            return found
        if token.lower_ in words("people", "pronouns_singular"):
            return self._antecedent(token)
        # "Pistorius, who arrived in Lithuania on Monday": the relative clause's noun.
        if token.lower_ in {"who", "whom", "whose"} and token.head.dep_ == "relcl":
            return self.persons.get(token.head.head.i)
        return None

    def _antecedent(self, pronoun: Token) -> tuple[Span, str] | None:
        """The nearest person before the pronoun, within this and the two previous sentences.

        With none, a fronted clause may name its person later: "After his trip
        abroad, Ruto flew home" - the subject of the sentence is then the person.
        """
        sentence = sentence_of(pronoun)
        window_start = sentence.start
        previous = 0
        while window_start > 0 and previous < 2:
            window_start = sentence_of(self.doc[window_start - 1]).start
            previous += 1
        for i in range(pronoun.i - 1, window_start - 1, -1):
            found = self.persons.get(i)
            if found is not None:
                return found
        for token in self.doc[pronoun.i + 1 : sentence.end]:
            found = self.persons.get(token.i)
            if found is not None and token.dep_ in {"nsubj", "nsubjpass"}:
                return found
        return None

    def side_of_place(self, place_id: str) -> str:
        """What a place stands for as a party: its country, or itself when it has none or several."""
        metonym = (
            self.gazetteer.metonyms.get(self.gazetteer.places[place_id].name)
            if place_id in self.gazetteer.places
            else None
        )
        if metonym:
            return metonym
        if self.gazetteer.is_country(place_id):
            return place_id
        countries = self.countries_of(place_id)
        return next(iter(countries)) if len(countries) == 1 else place_id

    def side(self, token: Token) -> str | None:
        """Who acts: a country for states, capitals, metonyms and nationals; else a person."""
        place = self.place_span(token)
        if place is not None:
            span, place_id = place
            metonym = self.gazetteer.metonyms.get(span.text) or self.gazetteer.metonyms.get(
                _without_the(span.text)
            )
            if metonym:
                return metonym
            countries = self.countries_of(place_id)
            if self.gazetteer.is_country(place_id):
                return place_id
            return next(iter(countries)) if len(countries) == 1 else place_id
        person = self.person_key(token)
        if person is not None:
            nationality = self.nationality.get(person[1])
            return nationality.country if nationality else person[1]
        if token.ent_type_ == "NORP" and token.ent_id_:
            return token.ent_id_
        return None


def _without_the(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def is_honorific(token: Token) -> bool:
    """A word of address before a surname: "Mr", "Dr.", "Dame"."""
    return token.lower_.strip(".") in words("people", "honorifics")


def _name_tokens(span: Span) -> list[str]:
    return [t.text for t in span if t.text not in POSSESSIVE and not is_honorific(t)]


def build_entity_index(doc: Doc, gazetteer: Gazetteer) -> EntityIndex:
    index = EntityIndex(doc, gazetteer)
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            place_id = ent.ent_id_ or f"text:{normalise_name(ent.text)}"
            for token in ent:
                index.places[token.i] = (ent, place_id)
    _index_described_capitals(index)
    _index_people(index, [e for e in doc.ents if e.label_ == "PERSON"])
    _read_containment(index)
    return index


def _index_described_capitals(index: EntityIndex) -> None:
    """ "the Rwandan capital", "Samoa's capital": a country's capital named by description."""
    for token in index.doc:
        if token.lemma_.lower() != "capital" or token.pos_ != "NOUN" or token.i in index.places:
            continue
        for child in token.children:
            country = child.ent_id_ if child.dep_ in {"amod", "compound", "poss", "nmod"} else ""
            if country and index.gazetteer.is_country(country) and country in index.gazetteer.capitals:
                start = min(child.left_edge.i, token.i)
                span = index.doc[start : token.i + 1]
                index.places[token.i] = (span, index.gazetteer.capitals[country])
                break


def _index_people(index: EntityIndex, people: Iterable[Span]) -> None:
    full_names: list[tuple[int, list[str], str]] = []
    for ent in people:
        tokens = _name_tokens(ent)
        if len(tokens) >= 2:
            key = normalise_name(" ".join(tokens))
            full_names.append((ent.start, tokens, key))
            index.person_names.setdefault(key, " ".join(tokens))
    by_word = _full_names_by_word(full_names)
    for ent in people:
        tokens = _name_tokens(ent)
        if not tokens:
            continue
        if len(tokens) >= 2:
            key = normalise_name(" ".join(tokens))
        else:
            key = _resolve_short_name(tokens[0], ent.start, by_word)
            index.person_names.setdefault(key, tokens[0])
        for token in ent:
            index.persons[token.i] = (ent, key)
        nationality = title_nationality(ent, index)
        if nationality is not None and key not in index.nationality:
            index.nationality[key] = nationality
    _index_untagged_surnames(index, full_names)


#: Labels the model gives a lone surname by mistake.
_MISTAKEN_SURNAME = frozenset({"ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})


def _index_untagged_surnames(index: EntityIndex, full_names: list[tuple[int, list[str], str]]) -> None:
    """A surname the model did not tag ("Scholz will then travel on") after its full name;
    a first name too ("Batbayar, 41, won"), when only one full name opens with it and none
    ends with it, since stories in many languages call people by their given names."""
    surnames: dict[str, tuple[int, str]] = {}
    for start, tokens, key in full_names:
        surnames.setdefault(tokens[-1], (start, key))
    openers: dict[str, set[str]] = {}
    for _, tokens, key in full_names:
        openers.setdefault(tokens[0], set()).add(key)
    # "Andina Minerals" tagged as a person is a company; its first word is no given name.
    company_heads = word_set("parties", "organisation_name_heads")
    for start, tokens, key in full_names:
        given = tokens[0]
        if given not in surnames and len(openers[given]) == 1 and tokens[-1].lower() not in company_heads:
            surnames.setdefault(given, (start, key))
    for token in index.doc:
        if token.i in index.persons or token.pos_ != "PROPN":
            continue
        # The model sometimes calls a lone surname an organisation ("Orlov will travel"),
        # a product ("Mensah, the minister, said") or a place the gazetteer does not
        # know ("Okello, the minister, said"); never a known place or a number.
        mistaken = token.ent_type_ in _MISTAKEN_SURNAME or (
            token.ent_type_ in PLACE_LABELS and not token.ent_id_
        )
        if token.ent_type_ and not (mistaken and len(entity_span(token)) == 1):
            continue
        known = surnames.get(token.text)
        if known is not None and known[0] < token.i:
            index.persons[token.i] = (index.doc[token.i : token.i + 1], known[1])
            index.places.pop(token.i, None)


@dataclass(slots=True)
class _NamesWithWord:
    """The full names whose first or last word is one word, in text order."""

    starts: list[int] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    distinct: set[str] = field(default_factory=set)


def _full_names_by_word(full_names: list[tuple[int, list[str], str]]) -> dict[str, _NamesWithWord]:
    """Full names by their first and by their last word, so a lone name looks up its own."""
    by_word: dict[str, _NamesWithWord] = {}
    for start, tokens, key in full_names:
        for word in dict.fromkeys((tokens[0], tokens[-1])):
            names = by_word.setdefault(word, _NamesWithWord())
            names.starts.append(start)
            names.keys.append(key)
            names.distinct.add(key)
    return by_word


def _resolve_short_name(name: str, position: int, by_word: dict[str, _NamesWithWord]) -> str:
    """ "Putin" is "Vladimir Putin"; "Kim" is "Kim Jong Un" (family name first).

    With two people of that name, the one named last before; with none before,
    the first named after.
    """
    candidates = by_word.get(name)
    if candidates is None:
        return normalise_name(name)
    if len(candidates.distinct) == 1:
        return candidates.keys[0]
    # Entities never overlap, so the starts are distinct and in text order.
    before = bisect.bisect_right(candidates.starts, position)
    return candidates.keys[before - 1] if before else candidates.keys[0]


def title_nationality(ent: Span, index: EntityIndex) -> Nationality | None:
    """The country a title beside this mention of a person names, if any.

    "Dutch Finance Minister Gerrit Zalm", "Zalm, Germany's finance minister". The
    index keeps each person's first; the role extractor asks for every mention.
    """
    return _nationality_before(ent, index) or _nationality_in_apposition(ent, index)


def _nationality_before(ent: Span, index: EntityIndex) -> Nationality | None:
    """ "North Korean President Kim Jong Un", "Russia's Vladimir Putin"."""
    doc = ent.doc
    titles = _title_words()
    i = ent.start - 1
    saw_title = False
    sentence_start = sentence_of(ent.root).start
    while i >= 0 and i >= sentence_start:
        token = doc[i]
        if token.ent_type_ == "NORP" and token.ent_id_:
            start = entity_span(token).start
            return Nationality(token.ent_id_, Mention.of(doc[start : ent.end], token.ent_id_))
        if (
            token.ent_type_ == "GPE"
            and index.gazetteer.is_country(token.ent_id_)
            and (saw_title or (i + 1 < len(doc) and doc[i + 1].text in POSSESSIVE))
        ):
            start = entity_span(token).start
            return Nationality(token.ent_id_, Mention.of(doc[start : ent.end], token.ent_id_))
        if token.lower_ in titles or token.lemma_.lower() in titles:
            saw_title = True
        elif saw_title and token.dep_ == "compound" and token.pos_ in {"NOUN", "PROPN"} and token.is_alpha:
            # A department before the title is part of it: "Indonesian Trade Minister X".
            pass
        elif not (
            token.text in POSSESSIVE
            or token.lower_ in _PERSON_PREFIX_WORDS
            or (token.ent_type_ in {"GPE", "NORP"})
        ):
            return None
        i -= 1
    return None


@cache
def _title_words() -> frozenset[str]:
    """Every word of every title: "Prime Minister" is read word by word, right to left."""
    return frozenset(word for title in words("people", "titles") for word in title.split())


def entity_span(token: Token) -> Span:
    """The whole entity a token is part of ("North Korean" for "Korean"); the token alone if none."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def entity_of(token: Token) -> Span | None:
    """The named entity a token is part of, as ``doc.ents`` gives it (label, ids), or None.

    Read from the token's own IOB marks, so the cost is the entity's length, not the
    article's (``doc.ents`` builds every entity of the document on each access).
    """
    doc = token.doc
    if token.ent_iob not in _INSIDE_OR_BEGIN:
        return None
    start = token.i
    while start > 0 and doc[start].ent_iob == _INSIDE:
        start -= 1
    first = doc[start]
    if first.ent_iob != _BEGIN or first.ent_type == 0:
        return None
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob == _INSIDE:
        end += 1
    return Span(doc, start, end, label=first.ent_type, kb_id=first.ent_kb_id, span_id=first.ent_id)


def _nationality_in_apposition(ent: Span, index: EntityIndex) -> Nationality | None:
    """ "Dmitry Peskov, the Russian spokesman," or "the Kremlin spokesperson, Dmitry Peskov"."""
    head = ent.root
    titles = words("people", "titles")
    candidates = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        candidates.append(head.head)
    for noun in candidates:
        if noun.lemma_.lower() not in titles:
            continue
        for modifier in noun.children:
            if modifier.dep_ in {"amod", "compound", "poss", "nmod"} and modifier.ent_id_:
                country = modifier.ent_id_
                metonym = index.gazetteer.metonyms.get(_without_the(modifier.text))
                country = metonym or country
                if index.gazetteer.is_country(country):
                    span = ent.doc[min(noun.left_edge.i, ent.start) : max(noun.i + 1, ent.end)]
                    return Nationality(country, Mention.of(span, country))
    return None


def _read_containment(index: EntityIndex) -> None:
    """ "X in Y" and "Y's X" put place X inside place Y."""
    doc = index.doc
    seen_spans: set[tuple[int, int]] = set()
    for span, place_id in index.places.values():
        if (span.start, span.end) in seen_spans:
            continue
        seen_spans.add((span.start, span.end))
        root = span.root
        for prep in root.children:
            if prep.dep_ == "prep" and prep.lower_ == "in":
                for obj in prep.children:
                    outer = index.places.get(obj.i)
                    if obj.dep_ == "pobj" and outer is not None and outer[1] != place_id:
                        _add_containment(index, outer[1], place_id)
        if span.start >= 2 and doc[span.start - 1].text in POSSESSIVE:
            outer = index.places.get(doc[span.start - 2].i)
            if outer is not None and outer[1] != place_id:
                _add_containment(index, outer[1], place_id)


def _add_containment(index: EntityIndex, outer: str, inner: str) -> None:
    # The text never overrules the gazetteer: a country is not put inside a city.
    if index.gazetteer.is_country(inner) or index.contains(inner, outer):
        return
    if (outer, inner) in index.text_containment:
        return
    index.text_containment.add((outer, inner))
    if index._indexed == len(index.text_containment) - 1:
        # Keep the index in step rather than rebuild it from every pair.
        index._text_parents.setdefault(inner, set()).add(outer)
        index._ancestors.clear()
        index._indexed += 1
