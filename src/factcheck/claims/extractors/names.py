"""Person names as written, including near-miss spellings the model does not tag.

    "Mikhail Metzel /Pool/AFP via Getty Images Mikail metzel toggles ..."
        -> name "Mikhail Metzel" (a PERSON entity) and name "Mikail metzel" (found
           because it is one or two edits away from a known full name)

    "Volodymyr Zelensky spoke first. Later Zelenskyy thanked the troops."
        -> name "Volodymyr Zelensky" and the lone surname "Zelenskyy", one or two
           edits from a known surname

Full names (two or more words) are claimed as written; a lone word only when it
is a near miss of a known surname, since a correct surname is just a reference.

A country, a demonym, a title or a word the article writes in lower case is never
a name word: "France" is no misspelling of "Franco", and "Kenyan Eliud Kipchoge"
(a demonym the model took into the name) is the name "Eliud Kipchoge".
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz.distance import Levenshtein
from spacy.tokens import Doc, Span

from factcheck.claims.extractors._syntax import mention, sentence_bounds
from factcheck.claims.model import Claim, ClaimKind, ExtractionContext
from factcheck.nlp.entities import POSSESSIVE, is_honorific
from factcheck.nlp.gazetteer import Gazetteer, normalise_name
from factcheck.nlp.lexicon import words

KINDS = (
    ClaimKind(
        "person_name",
        "A person's full name as written: 'Mikhail Metzel'.",
        {"name": "mention", "normalised": "text", "tagged": "bool"},
    ),
)

_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$")
#: A candidate spelling must be this close to a known name to be claimed at all;
#: the rule decides what is close enough to report.
_CANDIDATE_MAX_EDITS = 3
#: A lone word shorter than this is too common to be a misspelt surname ("Kim", "Lee").
_MIN_SURNAME = 5


@dataclass(frozen=True, slots=True)
class _NotNames:
    """Words of one article that are never a person's name: places, demonyms, titles,
    and words the article itself writes in lower case ("Shortly", a sentence's first word)."""

    gazetteer: Gazetteer
    lower_case: frozenset[str]
    titles: frozenset[str]

    @classmethod
    def of(cls, texts: list[str], gazetteer: Gazetteer) -> _NotNames:
        """``texts``: the article's words, as its tokens are written."""
        lower_case = frozenset(text for text in texts if text.islower() and text.isalpha())
        return cls(gazetteer, lower_case, _title_words())

    def people_or_title(self, text: str) -> bool:
        """ "Kenyan", "Briton", "Striker": a word the model may take into a name before it."""
        return text in self.gazetteer.demonyms or text.lower() in self.titles

    def __contains__(self, text: str) -> bool:
        """ "France", "Kenyan", "Striker", "Shortly": a place, a people, a title or a common word."""
        gazetteer = self.gazetteer
        return (
            self.people_or_title(text)
            or bool(gazetteer.lookup(text))
            or text in gazetteer.metonyms
            or text.lower() in self.lower_case
        )


class NearMisses:
    """Which of a set of strings lie within ``edits`` edits of a query, without trying all.

    Each string is cut into ``edits + 1`` pieces; ``edits`` edits leave one piece
    whole, at most ``edits`` places from where it was, so only strings with a piece
    found in the query there can be close, and only those are measured:

    >>> NearMisses(["mikhail metzel", "anna berg"], 3).any_within("mikail metzel")
    True
    """

    #: Up to this many strings, measuring each is quicker than looking up pieces.
    SCAN_UP_TO = 200

    def __init__(self, strings: Iterable[str], edits: int) -> None:
        self.edits = edits
        self.strings = list(dict.fromkeys(strings))
        self.short: list[str] = []
        self.pieces: dict[tuple[int, int, str], list[str]] = {}
        self._cut_cache: dict[int, list[tuple[int, int]]] = {}
        if len(self.strings) <= self.SCAN_UP_TO:
            return
        for string in self.strings:
            if len(string) <= edits:
                self.short.append(string)  # too short to cut into pieces: always measured
                continue
            for index, (start, end) in enumerate(self._cuts(len(string))):
                self.pieces.setdefault((len(string), index, string[start:end]), []).append(string)

    def _cuts(self, length: int) -> list[tuple[int, int]]:
        cuts = self._cut_cache.get(length)
        if cuts is None:
            count = self.edits + 1
            bounds = [length * i // count for i in range(count + 1)]
            cuts = self._cut_cache[length] = list(itertools.pairwise(bounds))
        return cuts

    def any_within(self, query: str) -> bool:
        edits = self.edits
        if len(self.strings) <= self.SCAN_UP_TO:
            return any(Levenshtein.distance(s, query, score_cutoff=edits) <= edits for s in self.strings)
        candidates = dict.fromkeys(self.short)
        for length in range(max(edits + 1, len(query) - edits), len(query) + edits + 1):
            for index, (start, end) in enumerate(self._cuts(length)):
                width = end - start
                for at in range(max(0, start - edits), min(len(query) - width, start + edits) + 1):
                    found = self.pieces.get((length, index, query[at : at + width]), ())
                    candidates.update(dict.fromkeys(found))
        return any(Levenshtein.distance(c, query, score_cutoff=edits) <= edits for c in candidates)


@cache
def _title_words() -> frozenset[str]:
    return frozenset(w for title in words("people", "titles") for w in title.split())


def _name_span(ent: Span, not_names: _NotNames) -> Span | None:
    """The leading run of name words of a PERSON entity ("Mikhail Metzel /Pool/AFP").

    A tagged name whose words are not capitalised ("hypersonic missiles") is a
    misfire of the model, not a name; a demonym or title the model took into it is
    left out ("Kenyan Eliud Kipchoge", "Striker Ivan Franco").
    """
    end = ent.start
    doc = ent.doc
    while end < ent.end and _NAME_WORD.match(doc[end].text) and doc[end].text not in POSSESSIVE:
        end += 1
    start = ent.start
    while end - start > 1 and not_names.people_or_title(doc[start].text):
        start += 1
    span = doc[start:end]
    if len(span) < 2 or not (span[0].text[:1].isupper() and span[-1].text[:1].isupper()):
        return None
    return span


def _addressed(span: Span) -> Span:
    """The name without its word of address: "Mr Okafor" is the lone surname "Okafor"."""
    if len(span) > 1 and is_honorific(span[0]):
        return span[1:]
    return span


def extract(context: ExtractionContext) -> Iterator[Claim]:
    doc = context.doc
    texts = [t.text for t in doc]
    not_names = _NotNames.of(texts, context.entities.gazetteer)
    known: dict[str, Span] = {}
    covered: set[int] = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        span = _name_span(ent, not_names)
        if span is None:
            continue
        covered.update(range(ent.start, ent.end))
        normalised = normalise_name(_addressed(span).text)
        known.setdefault(normalised, span)
        yield Claim(
            kind="person_name",
            span=mention(span, normalised),
            sentence=sentence_bounds(span.root),
            values={"name": mention(span, normalised), "normalised": normalised, "tagged": True},
        )
    if not known:
        return
    # Scan plain strings first and build spans only for the rare near misses:
    # slicing the Doc at every position is most of this extractor's cost.
    scan = _NameScan(doc, texts, known, covered, not_names)
    yield from _untagged_full_names(scan)
    yield from _surname_variants(scan)


@dataclass(slots=True)
class _NameScan:
    """What the scans for untagged near misses read: the article's words as written, the
    full names already known, and the word positions already claimed (which they extend)."""

    doc: Doc
    texts: list[str]
    known: dict[str, Span]
    covered: set[int]
    not_names: _NotNames
    is_name_word: list[bool] = field(init=False)
    #: The words of the known names, folded: "mikhail", "metzel".
    name_words: set[str] = field(init=False)
    #: Each word folded once, when a scan first needs it.
    _folded: dict[int, str] = field(init=False, default_factory=dict)
    _odd: dict[int, bool] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.is_name_word = [bool(_NAME_WORD.match(text)) for text in self.texts]
        self.name_words = {word for name in self.known for word in name.split()}

    def fold(self, i: int) -> str:
        """The word at ``i`` folded; a window's folded name is its words' folds joined,
        since no fold reaches across a space."""
        if i not in self._folded:
            self._folded[i] = normalise_name(self.texts[i])
        return self._folded[i]

    def is_odd_word(self, i: int) -> bool:
        """A place, a people, a title or a common word that is no word of a known name."""
        if i not in self._odd:
            text = self.texts[i]
            self._odd[i] = text in self.not_names and text.lower() not in self.name_words
        return self._odd[i]


def _untagged_full_names(scan: _NameScan) -> Iterator[Claim]:
    """A run of capitalised words a few edits from a known full name: "Mikail metzel"."""
    doc, texts, is_name_word, covered = scan.doc, scan.texts, scan.is_name_word, scan.covered
    sentence_of = [0] * len(doc)
    for number, sentence in enumerate(doc.sents):
        for i in range(sentence.start, sentence.end):
            sentence_of[i] = number
    by_size: dict[int, list[str]] = {}
    for name in scan.known:
        by_size.setdefault(len(name.split()), []).append(name)
    for size, names in sorted(by_size.items()):
        near = NearMisses(names, _CANDIDATE_MAX_EDITS)
        for start in range(len(doc) - size + 1):
            end = start + size
            if not texts[start][:1].isupper() or not all(is_name_word[start:end]):
                continue
            if sentence_of[start] != sentence_of[end - 1] or any(i in covered for i in range(start, end)):
                continue
            normalised = " ".join(scan.fold(i) for i in range(start, end))
            if normalised in scan.known:
                continue
            # A window whose odd word is a place, a people, a title or a common word
            # is not a misspelt name: "Ivan France", "Kenyan Kipchoge".
            if any(scan.is_odd_word(i) for i in range(start, end)):
                continue
            if near.any_within(normalised):
                window = doc[start:end]
                covered.update(range(start, end))
                yield Claim(
                    kind="person_name",
                    span=mention(window, normalised),
                    sentence=sentence_bounds(window.root),
                    values={"name": mention(window, normalised), "normalised": normalised, "tagged": False},
                )


def _surname_variants(scan: _NameScan) -> Iterator[Claim]:
    """A lone capitalised word one or two edits from a known surname: "Zelenskyy"."""
    doc = scan.doc
    surnames = NearMisses({name.split()[-1] for name in scan.known}, 2)
    for i, text in enumerate(scan.texts):
        if (
            i in scan.covered
            or not scan.is_name_word[i]
            or not text[:1].isupper()
            or len(text) < _MIN_SURNAME
        ):
            continue
        if doc[i].pos_ != "PROPN" or text in scan.not_names:
            continue
        normalised = scan.fold(i)
        if normalised in scan.name_words:
            continue
        if surnames.any_within(normalised):
            token = doc[i : i + 1]
            yield Claim(
                kind="person_name",
                span=mention(token, normalised),
                sentence=sentence_bounds(doc[i]),
                values={
                    "name": mention(token, normalised),
                    "normalised": normalised,
                    "tagged": doc[i].ent_type_ == "PERSON",
                },
            )
