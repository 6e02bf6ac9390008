"""Statements a rewrite turns round: a negation added or removed, a word swapped for its opposite.

A derived sentence is compared with the source sentences it is aligned to (those
that say at least half of it again, see ``alignment``):

    source   "The board approved the merger on Tuesday."
    derived  "The board did not approve the merger."       a negation added
             "The board rejected the merger."              an antonym, "rejected" for "approved"
             "The board turned down the merger."           nothing the lexicon calls opposite

A negation ("not", "never", "no", "without") belongs to the word it attaches to;
the flip is reported when that word's match in the source sentence has none (or
the other way round). An antonym is a pair the lexicon opposes ("increase" and
"decline", "win" and "lose"), one word in each sentence, neither said in the
other sentence, and the two not negated differently ("did not lose" for "won"
is no flip). Each statement holds both sentences and the words that differ.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

from spacy.tokens import Span, Token

from factcheck.claims.extractors._alignment import Alignment, SourceIndex, bounds, is_content, lemma
from factcheck.claims.model import Claim
from factcheck.nlp.entities import Mention
from factcheck.nlp.lexicon import word_set
from factcheck.nlp.wordnet import WORDNET_POS, wordnet

#: The senses of a word read for antonyms: its common ones, not every figurative use.
_ANTONYM_SENSES = 3


def _negations() -> frozenset[str]:
    return word_set("compare", "negations")


def negated(token: Token) -> bool:
    """Whether a word carries a negation: "did not approve", "no agreement", "never won"."""
    return any(
        c.lower_ in _negations() and c.dep_ in {"neg", "det", "advmod", "preconj"} for c in token.children
    )


def _negation_heads(sentence: Span) -> list[Token]:
    heads = []
    for token in sentence:
        if token.lower_ in _negations() and token.dep_ in {"neg", "det", "advmod", "preconj"}:
            heads.append(token.head)
    return heads


def _in(numbers: Iterable[int], index: SourceIndex) -> set[int]:
    return {t.i for n in numbers for t in index.sentences[n]}


def _statement_negations(
    alignment: Alignment, index: SourceIndex, number: int
) -> list[tuple[Token, Token, str]]:
    """(derived word, source word, added|removed) for each negation only one side has."""
    inside = _in([number], index)
    doc = alignment.derived.doc
    found = []
    for head in _negation_heads(alignment.derived):
        # Light words ("go", "do") are no content words, but their negation counts.
        matches = alignment.matches.get(head.i)
        matched = sorted((matches if matches is not None else frozenset(index.matches(head))) & inside)
        if matched and not any(negated(doc[i]) for i in matched):
            found.append((head, doc[matched[0]], "added"))
    for head in _negation_heads(index.sentences[number]):
        derived = [
            token
            for token in alignment.derived
            if token.pos_ == head.pos_
            and (head.i in alignment.matches.get(token.i, frozenset()) or lemma(token) == lemma(head))
        ]
        if derived and not any(negated(d) for d in derived):
            found.append((derived[0], head, "removed"))
    return found


@cache
def _opposed(word: str, pos: str) -> frozenset[int]:
    known = wordnet()
    return frozenset(known.opposed(known.senses(word, pos)[:_ANTONYM_SENSES]))


def _common_senses(word: str, pos: str) -> frozenset[int]:
    return frozenset(wordnet().senses(word, pos)[:_ANTONYM_SENSES])


def _opposite(a: Token, b: Token) -> bool:
    pos_a, pos_b = WORDNET_POS.get(a.pos_), WORDNET_POS.get(b.pos_)
    if pos_a is None or pos_b is None:
        return False
    return bool(_opposed(lemma(a), pos_a) & _common_senses(lemma(b), pos_b)) or bool(
        _opposed(lemma(b), pos_b) & _common_senses(lemma(a), pos_a)
    )


def _statement_antonyms(alignment: Alignment, index: SourceIndex, number: int) -> list[tuple[Token, Token]]:
    source_tokens = [t for t in index.sentences[number] if is_content(t) and not t.ent_type_]
    source_lemmas = {lemma(t) for t in source_tokens}
    derived_lemmas = {lemma(t) for t in alignment.derived}
    found = []
    for token in alignment.derived:
        if not is_content(token) or token.ent_type_ or lemma(token) in source_lemmas:
            continue
        for other in source_tokens:
            if lemma(other) in derived_lemmas or negated(token) != negated(other):
                continue
            if _opposite(token, other):
                found.append((token, other))
                break
    return found


#: How a statement of the rewrite turns its source's round.
NEGATION, ANTONYM = "negation", "antonym"


def _mention(span: Span) -> Mention:
    start, end = bounds(span)
    return Mention(start, end, span.doc.text[start:end], "")


def _statement(
    change: str, alignment: Alignment, sentence: Span, derived: Token, source: Token, problem: str
) -> Claim:
    words = Mention.of(derived, "")
    return Claim(
        kind="flipped_statement",
        span=words,
        sentence=bounds(alignment.derived),
        values={
            "change": change,
            "statement": _mention(alignment.derived),
            "source_statement": _mention(sentence),
            "words": words,
            "source_words": Mention.of(source, ""),
            "problem": problem,
        },
    )


def _phrase(token: Token) -> str:
    """A word with its negation: "not known", "never won", "not safe" (for "was not safe")."""
    negation = [c for c in token.children if c.lower_ in _negations() and c.dep_ in {"neg", "det", "advmod"}]
    predicate = [c for c in token.children if c.dep_ in {"acomp", "attr"}] if lemma(token) == "be" else []
    words = [*negation, *(predicate[:1] or [token])]
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i))


def flipped_statements(index: SourceIndex, alignments: Sequence[Alignment]) -> list[Claim]:
    """Every aligned statement the rewrite negates or turns into its opposite."""
    found: list[Claim] = []
    for alignment in alignments:
        for number in alignment.statements():
            sentence = index.sentences[number]
            for derived, source, change in _statement_negations(alignment, index, number):
                problem = (
                    f"The rewrite says “{_phrase(derived)}” where the source says “{_phrase(source)}”"
                    f" (a negation {change})"
                )
                found.append(_statement(NEGATION, alignment, sentence, derived, source, problem))
            for derived, source in _statement_antonyms(alignment, index, number):
                problem = f"The rewrite says “{derived.text}”, the opposite of “{source.text}” in the source"
                found.append(_statement(ANTONYM, alignment, sentence, derived, source, problem))
    return found
