"""Whose words a clause is: the article's own, someone it reports, or a direct quotation."""

from __future__ import annotations

from spacy.tokens import Token

_QUOTES = '"“”«»'


def in_quotation(token: Token) -> bool:
    """True when an odd number of quotation marks open the token's sentence before it.

    '"The court did not hear the appeal," Smith said.' -> "hear" is quoted.
    """
    before = token.doc[token.sent.start : token.i].text
    return sum(before.count(mark) for mark in _QUOTES) % 2 == 1


REPORTING_VERBS = frozenset(
    {
        "say",
        "state",
        "tell",
        "claim",
        "add",
        "report",
        "announce",
        "assert",
        "insist",
        "believe",
        "think",
        "argue",
        "write",
        "suggest",
        "note",
        "warn",
        "allege",
        "quote",
    }
)


def speaker(token: Token) -> Token | None:
    """The head word of who a clause is attributed to: "Analysts said ..." gives "Analysts".

    The same reading as ``attribution``, as a token a caller can resolve further.
    """
    current = token
    while current.head.i != current.i:
        head = current.head
        if current.dep_ == "ccomp" and head.lemma_.lower() in REPORTING_VERBS:
            return next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        current = head
    doc = token.doc
    for left in token.sent:
        if left.lower_ == "according" and left.i + 1 < len(doc) and doc[left.i + 1].lower_ == "to":
            return next((c for c in doc[left.i + 1].children if c.dep_ == "pobj"), None)
    return None


def attribution(token: Token) -> str | None:
    """Who a clause is attributed to: "Putin stated that ..." gives "Putin".

    A clause is attributed when it hangs, as a complement, under a reporting verb,
    or when its sentence says "according to".
    """
    current = token
    while current.head.i != current.i:
        head = current.head
        if current.dep_ == "ccomp" and head.lemma_.lower() in REPORTING_VERBS:
            subject = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is None:
                return head.text
            return token.doc[subject.left_edge.i : subject.right_edge.i + 1].text
        current = head
    doc = token.doc
    for left in token.sent:
        if left.lower_ == "according" and left.i + 1 < len(doc) and doc[left.i + 1].lower_ == "to":
            source = [t.text for t in doc[left.i + 1].subtree if t.i > left.i + 1]
            return " ".join(source) or "according to"
    return None
