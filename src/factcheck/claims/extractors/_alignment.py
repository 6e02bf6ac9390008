"""Which source sentences a rewrite's sentence says again, word by word: lexical alignment over lemmas.

Each content word of a derived sentence (noun, proper noun, verb, adjective,
adverb, number) is matched to the source words that say it: the same lemma or
spelling, a part of a compound ("cliff" in "clifftop"), or a word the lexicon
relates (a synonym, a more general word, a derived word). A source sentence
scores the rarer words it matches higher (inverse sentence frequency), so

    derived  "U.K. activists poured yellow and blue paint outside the embassy."
    source   "Activists in London dumped gallons of yellow and blue paint in
              front of the Russian embassy."                        <- best
             "A large group of spectators gathered to watch."       <- far below

The best sentences are the ones a derived sentence is aligned to: the closest
is quoted beside a finding, and a flip is only read between aligned statements.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from factcheck.nlp.wordnet import WORDNET_POS, WordNet

CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"})
#: Sentences within this share of the best score are aligned too (a summary joins several).
_NEAR_BEST = 0.5
_MAX_ALIGNED = 3
#: Below this share of its weight matched, a derived sentence has no source statement to flip.
_STATEMENT_COVER = 0.3
#: A rewrite may be this many levels more specific than the source: "the street" for "the road".
_SPECIFIC_LEVELS = 2
_SUFFIXES = ("ings", "ing", "ers", "er", "ed", "es", "s", "d", "ly", "ions", "ion")


def stem(word: str) -> str:
    """A word without its inflection or agent suffix: "protesters", "protest" -> "protest"."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)].rstrip("e")
    return word.rstrip("e") if len(word) > 4 else word


def is_content(token: Token) -> bool:
    return (
        token.pos_ in CONTENT_POS
        and not token.is_stop
        and not token.is_punct
        and any(c.isalnum() for c in token.text)
    )


def lemma(token: Token) -> str:
    return token.lemma_.lower()


def pieces(token: Token) -> list[str]:
    """A hyphenated or compound word's parts: "start-up" -> start, up."""
    return [p for p in token.lower_.replace("-", " ").replace("/", " ").split() if p]


@dataclass(slots=True)
class SourceIndex:
    """The source's words by lemma, spelling and sense, for matching a rewrite's words."""

    doc: Doc
    end: int
    lexicon: WordNet
    sentences: list[Span] = field(default_factory=list)
    by_word: dict[str, set[int]] = field(default_factory=dict)
    by_sense: dict[int, set[int]] = field(default_factory=dict)
    #: For generalising rewrites: a source word's senses and everything they say.
    own_senses: dict[int, set[int]] = field(default_factory=dict)
    sentence_of: dict[int, int] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=dict)
    #: The source text indexed: a later pair with the same source reuses the index.
    text: str = ""
    #: What later stages work out from the source alone, kept with the index.
    memo: dict[str, object] = field(default_factory=dict)

    def rebind(self, doc: Doc) -> SourceIndex:
        """This index for another parse that starts with the same source (its tokens are the same)."""
        return replace(self, doc=doc, sentences=[doc[s.start : s.end] for s in self.sentences])

    def words_of(self, token: Token) -> set[str]:
        return {lemma(token), token.lower_, *pieces(token), f"~{stem(token.lower_)}"}

    def matches(self, token: Token) -> set[int]:
        """Source tokens that say this derived word, literally or by the lexicon."""
        found: set[int] = set()
        for word in self.words_of(token):
            found |= self.by_word.get(word, set())
        if found or token.pos_ not in WORDNET_POS:
            return found
        senses = _senses(self.lexicon, token)
        for sense in senses:
            found |= self.by_sense.get(sense, set())
        # A rewrite a little more specific ("the street" for "the road"): a kind of what the source says.
        if not found and token.pos_ == "NOUN" and not token.ent_type_:
            for general in self.lexicon.ancestors(senses, _SPECIFIC_LEVELS) - set(senses):
                found |= self.own_senses.get(general, set())
        return found

    def weight(self, token: Token) -> float:
        return self.weights.get(lemma(token), self.weights.get("", 1.0))


def _senses(lexicon: WordNet, token: Token) -> tuple[int, ...]:
    """A word's senses for its part of speech, most frequent first (any part of speech if it has none)."""
    pos = WORDNET_POS.get(token.pos_)
    senses = lexicon.senses(lemma(token), pos) or lexicon.senses(token.lower_, pos)
    return senses or lexicon.senses(lemma(token))


def index_source(doc: Doc, end: int, lexicon: WordNet, previous: SourceIndex | None = None) -> SourceIndex:
    """Index the source part of a joined parse: the tokens before character ``end``.

    ``previous`` is reused when it indexed the same source (one article, many summaries).
    """
    if previous is not None and previous.end == end and previous.text == doc.text[:end]:
        return previous.rebind(doc)
    index = SourceIndex(doc, end, lexicon, text=doc.text[:end])
    documents_with: dict[str, int] = {}
    for number, sentence in enumerate(s for s in doc.sents if s.start_char < end):
        index.sentences.append(sentence)
        seen: set[str] = set()
        for token in sentence:
            if token.idx >= end or token.is_space or token.is_punct:
                continue
            index.sentence_of[token.i] = number
            for word in index.words_of(token):
                index.by_word.setdefault(word, set()).add(token.i)
            if token.pos_ in WORDNET_POS and not token.is_stop:
                senses = _senses(lexicon, token)
                for sense in senses:
                    index.own_senses.setdefault(sense, set()).add(token.i)
                for sense in lexicon.said_by(senses):
                    index.by_sense.setdefault(sense, set()).add(token.i)
            seen.add(lemma(token))
        for word in seen:
            documents_with[word] = documents_with.get(word, 0) + 1
    total = max(1, len(index.sentences))
    index.weights = {word: math.log((1 + total) / (1 + count)) + 1 for word, count in documents_with.items()}
    index.weights[""] = math.log(1 + total) + 1
    return index


@dataclass(frozen=True, slots=True)
class Alignment:
    """A derived sentence and the source sentences it says again, best first."""

    derived: Span
    #: Source sentence numbers, best first, with the share of the derived weight each matches.
    aligned: tuple[tuple[int, float], ...]
    #: derived token index -> matching source token indices (any sentence).
    matches: dict[int, frozenset[int]]

    @property
    def best(self) -> int | None:
        return self.aligned[0][0] if self.aligned else None

    def statements(self) -> list[int]:
        """Source sentences that say enough of this one to compare statements with."""
        return [number for number, cover in self.aligned if cover >= _STATEMENT_COVER]


def align(sentence: Span, index: SourceIndex) -> Alignment:
    matches: dict[int, frozenset[int]] = {}
    scores: dict[int, float] = {}
    total = 0.0
    for token in sentence:
        if not is_content(token):
            continue
        weight = index.weight(token)
        total += weight
        found = frozenset(index.matches(token))
        matches[token.i] = found
        for number in {index.sentence_of[i] for i in found if i in index.sentence_of}:
            scores[number] = scores.get(number, 0.0) + weight
    if not scores or total == 0:
        return Alignment(sentence, (), matches)
    best = max(scores.values())
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    aligned = tuple(
        (number, score / total) for number, score in ranked[:_MAX_ALIGNED] if score >= best * _NEAR_BEST
    )
    return Alignment(sentence, aligned, matches)


def bounds(span: Span) -> tuple[int, int]:
    """A sentence's characters without the spaces and line breaks around it."""
    words = [t for t in span if not t.is_space]
    if not words:
        return span.start_char, span.start_char
    return words[0].idx, words[-1].idx + len(words[-1].text)


def derived_sentences(doc: Doc, start: int) -> list[Span]:
    return [s for s in doc.sents if s.start_char >= start and s.text.strip()]


def align_all(doc: Doc, start: int, index: SourceIndex) -> list[Alignment]:
    return [align(sentence, index) for sentence in derived_sentences(doc, start)]
