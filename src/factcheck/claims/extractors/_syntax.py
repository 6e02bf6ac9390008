"""Small dependency-tree helpers shared by the extractors."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from factcheck.nlp.entities import Mention
from factcheck.nlp.sentences import sentence_of

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


def children(token: Token, *deps: str) -> Iterator[Token]:
    return (c for c in token.children if c.dep_ in deps)


def prep_objects(token: Token, preps: frozenset[str] | set[str]) -> Iterator[tuple[Token, Token]]:
    """(preposition, object) pairs hanging off ``token``: "journey to Russia"."""
    for prep in token.children:
        if prep.dep_ in {"prep", "agent", "dative"} and prep.lower_ in preps:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    yield prep, obj


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, climbing through xcomp, conj and "commit to providing"."""
    current: Token | None = verb
    for _ in range(5):
        if current is None:
            return None
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        if (
            current.dep_ in {"xcomp", "conj", "pcomp", "advcl", "acl"}
            or (current.dep_ == "pobj" and current.head.dep_ == "prep")
            or current.dep_ == "prep"
        ):
            current = current.head
        else:
            return None
    return None


def phrase(token: Token, *, with_preps: bool = False) -> Span:
    """The noun phrase of ``token``: its modifiers, and prepositional tails if asked."""
    doc = token.doc
    start = token.i
    for child in token.lefts:
        if child.dep_ in {"amod", "compound", "nummod", "poss", "det", "nmod", "quantmod"}:
            start = min(start, child.left_edge.i)
    end = token.i + 1
    if with_preps:
        end = token.right_edge.i + 1
    while start < token.i and doc[start].dep_ in {"det", "punct"}:
        start += 1
    return doc[start:end]


def mention(span: Span | Token, entity_id: str = "") -> Mention:
    return Mention.of(span, entity_id)


def sentence_bounds(token: Token) -> tuple[int, int]:
    sent = sentence_of(token)
    return sent.start_char, sent.end_char


def is_negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)
