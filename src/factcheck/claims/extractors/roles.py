"""Roles: a person's title, and the country whose office it is.

    "Dutch Finance Minister Gerrit Zalm said ..."    -> Gerrit Zalm: finance minister, Netherlands
    "Zalm, Germany's finance minister, said ..."     -> Gerrit Zalm: finance minister, Germany
    "Junichiro Koizumi, the prime minister of Japan" -> Koizumi: prime minister, Japan
    "Prime Minister and Foreign Minister X"          -> X: foreign minister, coordinated (two offices
                                                        held together, never compared)
    "former Prime Minister John Major"               -> John Major: prime minister, not current
    "X became prime minister in 2001"                -> not current (a change over time)

The country comes from the same reading of titles the entity index uses for
nationality (``entities.title_nationality``), or from "of <country>". A title
that names an organisation ("Fifa president", "president of the club") is not a
national office and is left out. A title is current unless a marker says
otherwise ("former", "ex-", "then-", "acting", "-elect", "would-be"), a verb puts
it at another time ("became", "was appointed", "served as"), or its sentence
dates it with a year or "ago".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from factcheck.claims.extractors._syntax import mention, sentence_bounds
from factcheck.claims.model import Claim, ClaimKind, ExtractionContext
from factcheck.nlp.entities import POSSESSIVE, EntityIndex, Mention, entity_span, title_nationality
from factcheck.nlp.lexicon import data_file, word_set
from factcheck.nlp.sentences import sentence_of
from factcheck.nlp.speech import attribution, in_quotation

KINDS = (
    ClaimKind(
        "role",
        "A person's office and the country it belongs to: 'Dutch Finance Minister Gerrit Zalm'.",
        {
            "person": "mention",
            "person_name": "text",
            "office": "text",
            "rank": "text",
            "title": "mention",
            "country": "mention",
            "current": "bool",
            "coordinated": "bool",
            "quoted": "bool",
        },
    ),
)

_COORDINATORS = frozenset({"and", "&", "/"})
_DETERMINERS = frozenset({"the", "a", "an"})
_HYPHENS = frozenset({"-", "–"})
_OF = frozenset({"of", "for"})
#: A sentence that dates what it tells: "in 1997", "two years ago", "at the time". A year
#: after "since" dates the start of what still holds ("minister since 2019"): not a past.
_DATED = re.compile(r"(?<!\bsince )\b(?:1[89]\d\d|20\d\d)\b|\bago\b|\bat the time\b|\buntil\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Title:
    tokens: tuple[Token, ...]
    office: str
    coordinated: bool
    #: A noun the title hangs off, whose governing verb may put it at another time.
    noun: Token | None = None
    #: "her Ugandan counterpart": the office is another person's, the country the title's own.
    counterpart_country: Mention | None = None


@cache
def _office_forms() -> dict[tuple[str, ...], str]:
    forms: dict[tuple[str, ...], str] = {}
    for office, entry in data_file("roles")["offices"].items():
        for form in entry["forms"]:
            forms[tuple(form.split())] = office
    return forms


@cache
def _form_words() -> frozenset[str]:
    return frozenset(word for form in _office_forms() for word in form)


def _office_in(tokens: list[Token]) -> tuple[str, int, int] | None:
    """The office named by the longest run of ``tokens`` matching one of its forms, with the run."""
    lowered = [t.lower_ for t in tokens]
    matches: list[tuple[int, int, str]] = []
    for form, office in _office_forms().items():
        size = len(form)
        for start in range(len(lowered) - size + 1):
            if tuple(lowered[start : start + size]) == form:
                matches.append((start + size, size, office))
    if not matches:
        return _portfolio_in(tokens)
    # The title nearest the name, and the longest one ending there ("prime minister", not "minister").
    end, size, office = max(matches)
    return office, end - size, end


def _is_portfolio_word(token: Token) -> bool:
    """A word that can name a department before "minister": "Mines", "tourism"."""
    return (
        token.pos_ in {"NOUN", "PROPN"}
        and token.is_alpha
        and token.ent_type_ not in {"GPE", "NORP", "PERSON", "ORG", "LOC", "FAC", "DATE"}
        and token.lower_ not in word_set("roles", "not_portfolios")
        and token.lower_ not in _form_words()
    )


def _portfolio_in(tokens: list[Token]) -> tuple[str, int, int] | None:
    """A department the office list does not name: "Tourism Minister", "minister of fisheries"."""
    heads = word_set("roles", "portfolio_heads")
    for at in range(len(tokens) - 1, -1, -1):
        if tokens[at].lower_ not in heads:
            continue
        head = tokens[at].lower_
        if at > 0 and _is_portfolio_word(tokens[at - 1]):
            return f"{tokens[at - 1].lower_} {head}", at - 1, at + 1
        after = tokens[at + 1 : at + 3]
        if len(after) == 2 and after[0].lower_ in {"of", "for"} and _is_portfolio_word(after[1]):
            return f"{after[1].lower_} {head}", at, at + 3
    return None


def _rank(office: str) -> str:
    entry = data_file("roles")["offices"].get(office)
    return str(entry["rank"]) if entry is not None else "portfolio"


def _premodifier_title(ent: Span) -> _Title | None:
    """ "Dutch Finance Minister Gerrit Zalm", "former Prime Minister John Major"."""
    doc = ent.doc
    allowed = (
        _form_words() | word_set("roles", "temporal_markers") | word_set("roles", "office_changing_words")
    )
    i = ent.start - 1
    tokens: list[Token] = []
    sentence = sentence_of(ent.root)
    while i >= 0 and i >= sentence.start:
        token = doc[i]
        if token.is_space:
            i -= 1
            continue
        if token.lower_ in _COORDINATORS or token.lower_ in _DETERMINERS:
            break
        markers = word_set("roles", "temporal_markers")
        marked = (i > 0 and doc[i - 1].lower_ in markers) or doc[i + 1].lower_ in markers
        if token.text in _HYPHENS and not marked:
            # "e-commerce minister", "co-president": a word of its own, not the office.
            return None
        title_word = token.lower_ in allowed or token.text in POSSESSIVE or token.text in _HYPHENS
        before_head = bool(tokens) and tokens[0].lower_ in word_set("roles", "portfolio_heads")
        if before_head and not title_word and _is_portfolio_word(token):
            title_word = True  # "Tourism Minister Kofi Mensah"
        if not (title_word or token.ent_type_ in {"GPE", "NORP"}):
            break
        tokens.insert(0, token)
        i -= 1
    found = _office_in(tokens)
    if found is None:
        return None
    office, _, end = found
    # The office must be the title right before the name, not an earlier word of it.
    if any(t.lower_ in _form_words() and t.ent_type_ not in {"GPE", "NORP"} for t in tokens[end:]):
        return None
    coordinated = i >= 0 and doc[i].lower_ in _COORDINATORS
    # "Moderna president Stephen Hoge", "party chairman X": the word before the title
    # names whose office it is, and it is not a country's.
    if i >= sentence.start and doc[i].pos_ in {"NOUN", "PROPN"} and not doc[i].is_space:
        tokens.insert(0, doc[i])
    return _Title(tuple(tokens), office, coordinated)


def _noun_title(noun: Token) -> _Title | None:
    """A title told by a noun phrase: "Germany's finance minister", "the prime minister of Japan"."""
    doc = noun.doc
    start = min([noun.i, *(c.left_edge.i for c in noun.lefts)])
    end = noun.i + 1
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in {"of", "for"} and prep.i == end:
            end = prep.right_edge.i + 1
    tokens = list(doc[start:end])
    found = _office_in(tokens)
    if found is None:
        return None
    office, first, last = found
    if noun.i not in {t.i for t in tokens[first:last]}:
        return None
    coordinated = any(c.dep_ == "conj" for c in noun.children) or noun.dep_ == "conj"
    return _Title(tuple(tokens), office, coordinated, noun)


def _appositive_nouns(ent: Span) -> Iterator[Token]:
    """The nouns beside a name: "Zalm, Germany's finance minister," and "his counterpart, Y"."""
    head = ent.root
    doc = ent.doc
    for child in head.children:
        # Only a title right after the name: in "A, the prime minister, and B, the
        # foreign secretary" the second title is B's, whatever the parse says.
        if child.dep_ == "appos" and child.left_edge.i in {ent.end, ent.end + 1}:
            yield child
    if head.dep_ == "appos" and head.head.right_edge.i >= ent.start - 2 and head.head.i < ent.start:
        noun = head.head
        # "the leader of the opposition, X": the title ends after its "of" phrase.
        title_end = 1 + max(
            [noun.i]
            + [
                p.right_edge.i
                for p in noun.children
                if p.dep_ == "prep" and p.i == noun.i + 1 and p.lower_ in _OF
            ]
        )
        if title_end >= ent.start - 2 and all(
            t.text in {",", "-", "–", "—"} for t in doc[title_end : ent.start]
        ):
            yield noun


def _counterpart_nouns(ent: Span) -> Iterator[Token]:
    """ "her Ugandan counterpart, Paul Okello, ...": the counterpart noun before the name.

    Read from the words as well as the parse, which often hangs the name on the
    first person; the name must be closed by a comma or end the clause, so that
    "after meeting his counterpart, Okello said" gives Okello nothing.
    """
    counterparts = word_set("roles", "counterpart_words")
    found = [n for n in _appositive_nouns(ent) if n.lemma_.lower() in counterparts]
    doc = ent.doc
    if not found and ent.start >= 2 and doc[ent.start - 1].text == ",":
        noun = doc[ent.start - 2]
        closed = ent.end < len(doc) and doc[ent.end].text in {",", ".", ";"}
        if noun.lemma_.lower() in counterparts and noun.pos_ == "NOUN" and closed:
            found.append(noun)
    return iter(found)


def _appositive_titles(ent: Span) -> Iterator[_Title]:
    """ "Zalm, Germany's finance minister," and "Germany's finance minister, Gerrit Zalm"."""
    for noun in _appositive_nouns(ent):
        found = _noun_title(noun)
        if found is not None:
            yield found


@dataclass(frozen=True, slots=True)
class _Held:
    """An office a person was given earlier in the article, for counterparts to borrow."""

    start: int
    sentence: int
    person: str
    office: str


def _counterpart_titles(ent: Span, key: str, held: list[_Held], index: EntityIndex) -> Iterator[_Title]:
    """ "Wambui and her Ugandan counterpart, Paul Okello": Okello holds Wambui's office, for Uganda.

    Whose counterpart: the person named as its owner ("Wambui's counterpart"), else
    the last person given an office earlier in the sentence.
    """
    for noun in _counterpart_nouns(ent):
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        owner_key = index.person_key(owner) if owner is not None else None
        earlier = [
            h
            for h in held
            if h.person != key
            and h.start < noun.i
            and (h.person == owner_key[1] if owner_key else h.sentence == sentence_of(noun).start)
        ]
        country = _modifier_country(noun, index)
        if not earlier or country is None:
            continue
        tokens = tuple(noun.doc[noun.left_edge.i : noun.i + 1])
        yield _Title(tokens, earlier[-1].office, False, noun, country)


def _modifier_country(noun: Token, index: EntityIndex) -> Mention | None:
    """The country a noun's modifier names: "her Ugandan counterpart", "Kenya's counterpart"."""
    for modifier in noun.children:
        if modifier.dep_ in {"amod", "compound", "poss", "nmod"} and modifier.ent_id_:
            country = index.gazetteer.metonyms.get(modifier.text) or modifier.ent_id_
            if index.gazetteer.is_country(country):
                return Mention.of(entity_span(modifier), country)
    return None


def _predicate_title(ent: Span) -> _Title | None:
    """ "Zalm is the Dutch finance minister", "Stone became prime minister", "X was named president"."""
    head = ent.root
    verb = head.head
    if head.dep_ not in {"nsubj", "nsubjpass"} or verb.pos_ not in {"VERB", "AUX"}:
        return None
    if verb.lemma_ != "be" and verb.lemma_.lower() not in word_set("roles", "change_verbs"):
        return None
    for child in verb.children:
        if child.dep_ in {"attr", "oprd"} and child.pos_ in {"NOUN", "PROPN"}:
            return _noun_title(child)
    return None


def _changes_over_time(title: _Title) -> bool:
    """ "became prime minister", "was appointed foreign minister", "served as president"."""
    if title.noun is None:
        return False
    change = word_set("roles", "change_verbs")
    current = title.noun
    # Climb only while the title is a complement ("became [prime minister]", "served as
    # [president]"); an appositive title says nothing about its person's verb.
    while current.dep_ in {"attr", "oprd", "xcomp", "pobj", "prep", "dobj", "conj"}:
        if current.head.i == current.i:
            return False
        current = current.head
        if current.lemma_.lower() in change:
            return True
        if current.lemma_ == "be" and current.tag_ == "VBD":
            return True  # "X was prime minister": a past office
        if current.pos_ in {"VERB", "AUX"} and current.lemma_ != "be":
            return False
    return False


def _names_organisation(title: _Title, index: EntityIndex) -> bool:
    """Whether a word of the title says the office is an organisation's, not a country's.

    "the organisation's president", "the president of the club", "Fifa president",
    "Liberal Democrat president": a noun or name there that is not a country.
    """
    title_words = (
        _form_words()
        | word_set("roles", "temporal_markers")
        | word_set("roles", "office_changing_words")
        | word_set("roles", "counterpart_words")
    )
    found = _office_in(list(title.tokens))
    office_words = {t.i for t in title.tokens[found[1] : found[2]]} if found is not None else set()
    for token in title.tokens:
        if token.ent_type_ in {"ORG", "FAC"}:
            return True
        if (
            token.i in office_words
            or token.lower_ in title_words
            or (token.pos_ not in {"NOUN", "PROPN"} and token.ent_type_ != "NORP")
        ):
            continue
        country = token.ent_id_ or index.gazetteer.metonyms.get(token.text, "")
        if not (country and index.gazetteer.is_country(country)):
            return True
    return False


def _country(title: _Title, ent: Span, index: EntityIndex) -> Mention | None:
    """The country whose office it is, from the entity index's reading of titles or "of <country>"."""
    if title.counterpart_country is not None:
        return title.counterpart_country
    nationality = title_nationality(ent, index)
    if nationality is not None:
        evidence = nationality.evidence
        if any(evidence.start <= t.idx < evidence.end for t in title.tokens):
            return _country_mention(title, nationality.country, index) or Mention(
                evidence.start, evidence.end, evidence.text, nationality.country
            )
    for token in title.tokens:
        # "Ghanaian Tourism Minister X": the demonym before a department the nationality
        # reading does not know as a title word.
        if token.ent_type_ == "NORP" and index.gazetteer.is_country(token.ent_id_):
            return Mention.of(entity_span(token), token.ent_id_)
        if token.ent_type_ != "GPE":
            continue
        place = index.place_span(token)
        if place is not None and index.gazetteer.is_country(place[1]) and token.head.lower_ in {"of", "for"}:
            return Mention.of(place[0], place[1])
    return None


def _country_mention(title: _Title, country: str, index: EntityIndex) -> Mention | None:
    """The words of the title that name the country ("Dutch", "Germany"), for evidence."""
    for token in title.tokens:
        if token.ent_id_ == country or index.gazetteer.metonyms.get(token.text) == country:
            return Mention.of(entity_span(token), country)
    return None


def _current(title: _Title, ent: Span) -> bool:
    markers = word_set("roles", "temporal_markers")
    words = {t.lower_ for t in title.tokens}
    following = ent.doc[title.tokens[-1].i + 1 : title.tokens[-1].i + 3]
    if words & markers or any(t.lower_ in markers for t in following if t.i < ent.start):
        return False
    if _changes_over_time(title):
        return False
    return not _DATED.search(sentence_of(ent.root).text)


def _changes_office(title: _Title) -> bool:
    changing = word_set("roles", "office_changing_words")
    if title.counterpart_country is not None:
        return any(t.lower_ in changing for t in title.tokens)
    found = _office_in(list(title.tokens))
    if found is None:
        return True
    _, start, end = found
    office_words = {t.i for t in title.tokens[start:end]}
    return any(t.lower_ in changing and t.i not in office_words for t in title.tokens)


def extract(context: ExtractionContext) -> Iterator[Claim]:
    index = context.entities
    held: list[_Held] = []
    # Every person mention the index knows, including surnames the model did not tag.
    people = sorted({(span.start, span.end): (span, key) for span, key in index.persons.values()}.items())
    for _, (ent, key) in people:
        titles = [
            _premodifier_title(ent),
            *_appositive_titles(ent),
            _predicate_title(ent),
            *_counterpart_titles(ent, key, held, index),
        ]
        for title in titles:
            if title is None or _names_organisation(title, index) or _changes_office(title):
                continue
            held.append(_Held(ent.start, sentence_of(ent.root).start, key, title.office))
            first, last = title.tokens[0], title.tokens[-1]
            span = context.doc[min(first.i, ent.start) : max(last.i + 1, ent.end)]
            person = Mention(ent.start_char, ent.end_char, ent.text, key)
            yield Claim(
                kind="role",
                span=mention(span),
                sentence=sentence_bounds(ent.root),
                values={
                    "person": person,
                    "person_name": index.person_names.get(key, ent.text),
                    "office": title.office,
                    "rank": _rank(title.office),
                    "title": mention(context.doc[first.i : last.i + 1]),
                    "country": _country(title, ent, index),
                    "current": _current(title, ent),
                    "coordinated": title.coordinated,
                    "quoted": in_quotation(ent.root),
                },
                attributed_to=attribution(ent.root),
            )
