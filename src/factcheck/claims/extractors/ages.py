"""Ages of people, in every way an article gives them.

    "Sow, 52, began her career ..."                     -> mariama sow is 52
    "Sow (52)", "Sow, aged 52,", "Sow, who is 52,"      -> the same
    "52-year-old Sow", "Sow, a 52-year-old director,"   -> the same
    "Mariama Sow won ... The 47-year-old had been ..."  -> mariama sow is 47: a definite
                                                           "the N-year-old" is the one
                                                           person the sentence before is about,
                                                           else the story's protagonist

An age is the person's age when the article is written; one given for another
time ("Sow, then 19,", "as a 19-year-old") is not read, nor one inside a direct
quotation. Which person a name is comes from the entity index (a surname alone is
the full name mentioned before).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from factcheck.claims.extractors._syntax import mention
from factcheck.claims.model import Claim, ClaimKind, ExtractionContext
from factcheck.nlp.entities import EntityIndex
from factcheck.nlp.lexicon import data_file, word_set, words
from factcheck.nlp.speech import attribution, in_quotation

KINDS = (
    ClaimKind(
        "person_age",
        "A person's age: 'Sow, 52,', 'the 47-year-old', 'aged 52', '52-year-old Sow'.",
        {"person": "text", "name": "text", "age": "number", "unit": "text", "quoted": "bool"},
    ),
)

_OPENING = frozenset({",", "("})
_CLOSING = frozenset({",", ")", ";", ".", "—", "–"})


def _age(token: Token) -> int | None:
    """The age a bare number may be: "52", not "52,000" or "3.5"."""
    if not token.text.isdecimal():
        return None
    value = int(token.text)
    oldest: int = data_file("units")["ages"]["oldest"]
    return value if 0 < value <= oldest else None


def _person_before(entities: EntityIndex, doc: Doc, index: int) -> tuple[Span, str] | None:
    """The person whose name ends just before ``index``: "Sow" in "Sow, 52".

    Never a name the model ran into a number ("Henry 2, Pires 29" in a team sheet).
    """
    if index == 0 or not doc[index - 1].is_alpha:
        return None
    found = entities.persons.get(index - 1)
    return found if found is not None and all(not t.like_num for t in found[0]) else None


def _another_time(token: Token) -> bool:
    """ "Sow, then 19,", "as a 19-year-old", "at 19": an age at another time than the article's."""
    doc = token.doc
    before = doc[max(token.i - 2, 0) : token.i]
    other = word_set("units", "ages", "other_time_words")
    return any(t.lower_ in other for t in before)


def _appositive_ages(
    context: ExtractionContext, digits: list[Token]
) -> Iterator[tuple[tuple[Span, str], Token, Token]]:
    """(person, first and last token quoted) for "Sow, 52,", "Sow (52)", "Sow, aged 52,"."""
    doc = context.doc
    entities = context.entities
    for token in digits:
        if _age(token) is None or token.i + 1 >= len(doc) or token.i < 2:
            continue
        if doc[token.i + 1].text not in _CLOSING or _another_time(token):
            continue
        aged = doc[token.i - 1].lower_ in word_set("units", "ages", "age_words")
        opening = doc[token.i - 2] if aged else doc[token.i - 1]
        if opening.text not in _OPENING:
            continue
        if opening.text == "(" and doc[token.i + 1].text != ")":
            continue
        person = _person_before(entities, doc, opening.i)
        if person is not None:
            yield person, person[0][0], token


def _relative_ages(
    context: ExtractionContext, verbs: list[Token]
) -> Iterator[tuple[tuple[Span, str], Token, Token]]:
    """ "Sow, who is 52,": a relative clause of "be" whose complement is an age."""
    for verb in verbs:
        if not any(c.dep_ == "nsubj" and c.lower_ == "who" for c in verb.children):
            continue
        for child in verb.children:
            if child.dep_ in {"attr", "acomp"} and _age(child) is not None and not _another_time(child):
                person = context.entities.persons.get(verb.head.i)
                if person is not None:
                    yield person, person[0][0], child


def _year_old(old: Token) -> Token | None:
    """The number of "52-year-old", written as five tokens: 52 - year - old."""
    doc = old.doc
    if old.lower_ != "old" or old.i < 4:
        return None
    if doc[old.i - 1].text not in {"-", "–"} or doc[old.i - 2].lower_ not in {"year", "years"}:
        return None
    number = doc[old.i - 4] if doc[old.i - 3].text in {"-", "–"} else None
    return number if number is not None and _age(number) is not None else None


def _subject_person(sentence: Span, entities: EntityIndex) -> tuple[Span, str] | None:
    """The one person a sentence is about: its main clause's subject, when no other person is in it."""
    keys = {entities.persons[t.i][1] for t in sentence if t.i in entities.persons}
    if len(keys) != 1:
        return None
    for token in sentence:
        if token.dep_ in {"nsubj", "nsubjpass"} and token.head.dep_ == "ROOT":
            found = entities.persons.get(token.i)
            if found is not None:
                return found
    return None


def _previous_sentence(token: Token) -> Span | None:
    start = token.sent.start
    return token.doc[start - 1].sent if start > 0 else None


def _protagonist(entities: EntityIndex) -> tuple[Span, str] | None:
    """The person a story is about: named first, and more often than anyone else.

    "Mongolian wrestler Batbayar Dorj announced ... Batbayar, 41, won ... president
    Ganzorig Tumur said Batbayar would stay" -> Batbayar Dorj (three mentions to one).
    """
    first: dict[str, tuple[Span, str]] = {}
    mentions: dict[str, set[int]] = {}
    for span, key in sorted(entities.persons.values(), key=lambda found: found[0].start):
        first.setdefault(key, (span, key))
        mentions.setdefault(key, set()).add(span.start)
    if not first:
        return None
    lead = next(iter(first))
    counts = sorted((len(starts) for key, starts in mentions.items() if key != lead), reverse=True)
    if len(mentions[lead]) < 2 or (counts and counts[0] >= len(mentions[lead])):
        return None
    return first[lead]


def _name_titles(entities: EntityIndex) -> frozenset[str]:
    """The nouns an article sets before a person's name: "grandmaster" in "grandmaster Kaido Tamm"."""
    return frozenset(
        t.lemma_.lower()
        for index in entities.persons
        for t in entities.doc[index].children
        if t.dep_ == "compound" and t.pos_ == "NOUN" and t.is_lower
    )


def _tells_of_someone(sentence: Span, person_nouns: frozenset[str]) -> bool:
    """A sentence with a person in it who has no name: "His son was hurt too"."""
    return any(t.pos_ == "NOUN" and t.lemma_.lower() in person_nouns for t in sentence)


def _described_person(
    old: Token, context: ExtractionContext, protagonist: tuple[Span, str] | None, titles: frozenset[str]
) -> tuple[Span, str] | None:
    """Who "N-year-old" describes: the name it modifies ("52-year-old Sow"), the name in
    apposition ("Sow, a 52-year-old director"), or, for a definite "the 47-year-old
    (director)", the one person the sentence before is about.

    A definite "the 47-year-old" that is its clause's subject, after a sentence that
    tells of no one, or of several people among them the story's protagonist, is the
    protagonist: "... Tumur said Batbayar would stay on. The 44-year-old said ..."."""
    entities = context.entities
    head = old.head if old.dep_ in {"amod", "compound", "nmod"} else old
    if head.i in entities.persons:
        return entities.persons[head.i]
    if head.dep_ == "appos" and head.head.i in entities.persons:
        return entities.persons[head.head.i]
    for child in head.children:
        if child.dep_ == "appos" and child.i in entities.persons:
            return entities.persons[child.i]
    person_nouns = word_set("units", "ages", "person_nouns") | words("people", "titles")
    nominal = head.i == old.i or head.lemma_.lower() in person_nouns | words("people", "occupations")
    nominal = nominal or head.lemma_.lower() in titles
    determiner = old.doc[old.left_edge.i if head.i == old.i else head.left_edge.i]
    if not nominal or determiner.lower_ != "the":
        return None
    previous = _previous_sentence(old)
    if previous is None:
        return None
    subject = _subject_person(previous, entities)
    if subject is not None or protagonist is None or head.dep_ not in {"nsubj", "nsubjpass"}:
        return subject
    keys = {entities.persons[t.i][1] for t in previous if t.i in entities.persons}
    if protagonist[1] in keys or not (keys or _tells_of_someone(previous, person_nouns)):
        return protagonist
    return None


def _year_old_ages(
    context: ExtractionContext, olds: list[Token]
) -> Iterator[tuple[tuple[Span, str], Token, Token]]:
    # Read once per article: every "N-year-old" asks the same of its people.
    protagonist = _protagonist(context.entities) if olds else None
    titles = _name_titles(context.entities) if olds else frozenset()
    for old in olds:
        number = _year_old(old)
        if number is None or _another_time(number):
            continue
        person = _described_person(old, context, protagonist, titles)
        if person is not None:
            first = (
                number.doc[number.i - 1]
                if number.i > 0 and number.doc[number.i - 1].lower_ == "the"
                else number
            )
            yield person, first, old


def extract(context: ExtractionContext) -> Iterator[Claim]:
    doc = context.doc
    digits, verbs, olds = [], [], []
    for token in doc:
        if token.text.isdecimal():
            digits.append(token)
        elif token.dep_ == "relcl" and token.lemma_ == "be":
            verbs.append(token)
        elif token.lower_ == "old":
            olds.append(token)
    found = [
        *_appositive_ages(context, digits),
        *_relative_ages(context, verbs),
        *_year_old_ages(context, olds),
    ]
    seen: set[tuple[int, int]] = set()
    for (name, key), first, last in sorted(found, key=lambda item: (item[1].i, item[2].i)):
        age_token = last if last.text.isdecimal() else doc[last.i - 4]
        end = last.i + 1
        # "52-year-old Sow": the name it modifies is quoted with it.
        if name.start == end:
            end = name.end
        span = doc[first.i : end]
        if (span.start, span.end) in seen:
            continue
        seen.add((span.start, span.end))
        yield Claim(
            kind="person_age",
            span=mention(span),
            sentence=(span.sent.start_char, span.sent.end_char),
            values={
                "person": f"person:{key}",
                "name": name.text,
                "age": float(age_token.text),
                "unit": "year",
                "quoted": in_quotation(age_token),
            },
            attributed_to=attribution(age_token),
        )
