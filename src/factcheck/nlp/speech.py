"""Whose words a clause is: the article's own, someone it reports, or a direct quotation."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from factcheck.nlp.sentences import sentence_of, text_of

_QUOTES = '"“”«»'
_OPENING = frozenset("“«")
_CLOSING = frozenset("”»")
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_USER_DATA_KEY = "factcheck.quotations"
_ACCORDING_KEY = "factcheck.according_to"


@dataclass(frozen=True, slots=True)
class Quotation:
    """One run of quoted words, between its marks: ``text[start:end]`` is what was quoted."""

    start: int
    end: int


def _opens(text: str, at: int) -> bool:
    """Whether the mark at ``at`` opens a quotation: curly marks say so; a straight one
    opens when it follows a space (or starts the text) and a word follows it."""
    mark = text[at]
    if mark in _OPENING:
        return True
    if mark in _CLOSING:
        return False
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if before.isspace() or before in "([{—–-:":
        return not after.isspace()
    return False


def _read_quotations(text: str) -> tuple[Quotation, ...]:
    """Every quotation of a text, read mark by mark within each paragraph.

    A quotation ends at its closing mark, at the paragraph's end, or where a new one
    opens while it is still open: 'He said: "We lost. "Next week we win.' is two
    quotations of one speaker (the habit of opening each quoted sentence anew).
    """
    found: list[Quotation] = []
    breaks = list(_PARAGRAPH.finditer(text))
    starts = [0, *(m.end() for m in breaks)]
    ends = [*(m.start() for m in breaks), len(text)]
    for paragraph_start, paragraph_end in zip(starts, ends, strict=True):
        opened: int | None = None
        for at in range(paragraph_start, paragraph_end):
            if text[at] not in _QUOTES:
                continue
            if _opens(text, at):
                if opened is not None:
                    found.append(Quotation(opened, at))
                opened = at + 1
            elif opened is not None:
                found.append(Quotation(opened, at))
                opened = None
        if opened is not None:
            found.append(Quotation(opened, paragraph_end))
    trimmed = (Quotation(q.start, q.start + len(text[q.start : q.end].rstrip())) for q in found)
    return tuple(q for q in trimmed if q.end > q.start)


def quotations(doc: Doc) -> tuple[Quotation, ...]:
    """The quotations of a parsed article, read once and kept with it."""
    cached = doc.user_data.get(_USER_DATA_KEY)
    if cached is None:
        cached = _read_quotations(text_of(doc))
        doc.user_data[_USER_DATA_KEY] = cached
    return cached


def quotation_at(doc: Doc, offset: int) -> Quotation | None:
    """The quotation a character offset lies in, if any."""
    found = quotations(doc)
    index = bisect.bisect_right(found, offset, key=lambda q: q.start) - 1
    if index >= 0 and found[index].start <= offset < found[index].end:
        return found[index]
    return None


def in_quotation(token: Token) -> bool:
    """True when the token lies inside a quotation, even one opened sentences before.

    '"The court did not hear the appeal," Smith said.' -> "hear" is quoted;
    'Lee said: "We won. We are happy."' -> "happy" is quoted too.
    """
    return quotation_at(token.doc, token.idx) is not None


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
    return reported_speaker(token) or according_to(token)


def reported_speaker(token: Token) -> str | None:
    """Who says a clause, when it hangs under a reporting verb: "Putin stated that ..." gives "Putin"."""
    current = token
    while current.head.i != current.i:
        head = current.head
        if current.dep_ == "ccomp" and head.lemma_.lower() in REPORTING_VERBS:
            subject = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is None:
                return head.text
            return token.doc[subject.left_edge.i : subject.right_edge.i + 1].text
        current = head
    return None


def according_to(token: Token) -> str | None:
    """The source a sentence names with "according to": "according to preliminary results"."""
    doc = token.doc
    sentence = sentence_of(token)
    cache: dict[int, str | None] = doc.user_data.setdefault(_ACCORDING_KEY, {})
    if sentence.start not in cache:
        cache[sentence.start] = _according_to(sentence)
    return cache[sentence.start]


def _according_to(sentence: Span) -> str | None:
    doc = sentence.doc
    for left in sentence:
        if left.lower_ == "according" and left.i + 1 < len(doc) and doc[left.i + 1].lower_ == "to":
            source = [t.text for t in doc[left.i + 1].subtree if t.i > left.i + 1]
            return " ".join(source) or "according to"
    return None
