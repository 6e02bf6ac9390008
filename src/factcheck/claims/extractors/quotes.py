"""Quotations and who the article says spoke them.

    '"We will not raise fares this year," Ortega said.'      -> Ortega
    'Ortega told reporters: "We will not raise fares."'      -> Ortega
    'said Ortega, "we will not raise fares this year."'      -> Ortega
    'Ortega said: "Fares stay. "We will not raise them."'    -> Ortega, twice (a quotation
                                                                opened anew keeps its speaker)
    'Lima repeated Ortega's pledge: "We will not ..."'       -> Lima, echoing (Ortega is named)

A quotation of some length is one utterance wherever it appears: two quotations
are one quote when one's words (case, punctuation and spacing folded) are, or
contain, the other's. Its speaker is the subject of the reporting verb of the
sentence it opens or closes in, as the entity index names people (so "Ortega" and
"Luis Ortega" are one speaker); "he said" names nobody for certain. A quotation
is an echo when its reporting verb says so ("repeated", "echoed", "quoted") or when
its sentence also names the quote's other speaker: then the article attributes it
knowingly, not by mistake.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from factcheck.claims.extractors._syntax import mention, sentence_bounds
from factcheck.claims.model import Claim, ClaimKind, ExtractionContext
from factcheck.nlp.entities import Mention, entity_span
from factcheck.nlp.lexicon import data_file, word_set
from factcheck.nlp.sentences import sentence_of
from factcheck.nlp.speech import REPORTING_VERBS, Quotation, quotation_at, quotations

KINDS = (
    ClaimKind(
        "quote",
        "A quotation and who spoke it: '\"We will not raise fares,\" Ortega said'.",
        {
            "quote": "text",
            "words": "mention",
            "speaker": "text",
            "speaker_label": "mention",
            "echoed": "bool",
        },
    ),
)

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_PARAGRAPH = re.compile(r"\n[ \t]*\n")


@dataclass(slots=True)
class _Quoted:
    quotation: Quotation
    words: tuple[str, ...]
    speaker: Token | None = None
    verb: Token | None = None
    group: int = -1


def _folded(text: str) -> tuple[str, ...]:
    return tuple(w.casefold().replace("’", "'") for w in _WORD.findall(text))


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    size = len(shorter)
    return any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))


def _reporting_verbs(sentence: Span, context: ExtractionContext) -> list[Token]:
    verbs = REPORTING_VERBS | word_set("quotes", "reporting_verbs") | word_set("quotes", "echo_verbs")
    doc = context.doc
    return [
        t
        for t in sentence
        if t.pos_ in {"VERB", "AUX"} and t.lemma_.lower() in verbs and quotation_at(doc, t.idx) is None
    ]


def _speaker_of(quoted: _Quoted, context: ExtractionContext) -> None:
    """The reporting verb nearest the quotation in the sentence it opens or closes in, and its subject."""
    doc = context.doc
    quotation = quoted.quotation
    words = doc.char_span(quotation.start, quotation.end, alignment_mode="expand")
    if words is None:
        return
    sentences = [sentence_of(words[0]), sentence_of(words[-1])]
    candidates = [v for s in dict.fromkeys(sentences) for v in _reporting_verbs(s, context)]
    if not candidates:
        return
    verb = min(candidates, key=lambda v: min(abs(v.idx - quotation.start), abs(v.idx - quotation.end)))
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    quoted.verb = verb
    quoted.speaker = subject


def _read(context: ExtractionContext) -> list[_Quoted]:
    text = context.document.text
    found = [_Quoted(q, _folded(text[q.start : q.end])) for q in quotations(context.doc)]
    for quoted in found:
        _speaker_of(quoted, context)
    # "Ortega said: "Fares stay. "We will not raise them.": a quotation opened anew, with
    # no reporting verb of its own, continues the paragraph's last speaker.
    breaks = [m.end() for m in _PARAGRAPH.finditer(text)]
    for before, after in itertools.pairwise(found):
        paragraphs = (bisect.bisect_right(breaks, q.quotation.start) for q in (before, after))
        if after.verb is None and len(set(paragraphs)) == 1:
            after.speaker, after.verb = before.speaker, before.verb
    return found


def _group(found: list[_Quoted], min_words: int) -> None:
    """Quotations that are one utterance share a group: the same words, or one inside the other."""
    long_enough = [q for q in found if len(q.words) >= min_words]
    for index, quoted in enumerate(long_enough):
        quoted.group = index
        for earlier in long_enough[:index]:
            longer, shorter = (
                (earlier.words, quoted.words)
                if len(earlier.words) >= len(quoted.words)
                else (quoted.words, earlier.words)
            )
            if _contains(longer, shorter):
                quoted.group = earlier.group
                break


def _speaker_key(token: Token | None, context: ExtractionContext) -> tuple[str, Mention] | None:
    # "he said" after a list of names is whoever the pronoun guess picks; a misattribution
    # must not rest on that guess, so only a speaker named by name is one.
    if token is None or token.pos_ == "PRON":
        return None
    person = context.entities.person_key(token)
    if person is None:
        return None
    span = entity_span(token) if token.ent_type_ else token.doc[token.i : token.i + 1]
    return person[1], mention(span)


def _echoes(quoted: _Quoted, others: list[str], context: ExtractionContext) -> bool:
    if quoted.verb is not None and quoted.verb.lemma_.lower() in word_set("quotes", "echo_verbs"):
        return True
    sentence = sentence_of(quoted.verb) if quoted.verb is not None else None
    if sentence is None:
        return False
    # 'Lima repeated Ortega's pledge: "..."': the other speaker is named beside it.
    return any(
        (key := context.entities.person_key(t)) is not None and key[1] in others
        for t in sentence
        if quotation_at(context.doc, t.idx) is None
    )


def _quoted_span(quoted: _Quoted, speaker: Mention | None, context: ExtractionContext) -> Span | None:
    """The quotation with its speaker when they share a sentence: '"We will not ...," Ortega said'."""
    doc = context.doc
    start, end = quoted.quotation.start, quoted.quotation.end
    words = doc.char_span(start, end, alignment_mode="expand")
    if words is None:
        return None
    if speaker is not None and quoted.verb is not None:
        verb = quoted.verb
        if sentence_of(verb) in (sentence_of(words[0]), sentence_of(words[-1])):
            start = min(start, speaker.start, verb.idx)
            end = max(end, speaker.end, verb.idx + len(verb.text))
    return doc.char_span(start, end, alignment_mode="expand")


def extract(context: ExtractionContext) -> Iterator[Claim]:
    found = _read(context)
    _group(found, int(data_file("quotes")["min_words"]))
    speakers: dict[int, list[str]] = {}
    keyed = []
    for quoted in found:
        if quoted.group < 0:
            continue
        speaker = _speaker_key(quoted.speaker, context)
        keyed.append((quoted, speaker))
        if speaker is not None:
            speakers.setdefault(quoted.group, []).append(speaker[0])
    text = context.document.text
    for quoted, speaker in keyed:
        quotation = quoted.quotation
        words = Mention(quotation.start, quotation.end, text[quotation.start : quotation.end], "")
        others = [s for s in speakers.get(quoted.group, []) if speaker is None or s != speaker[0]]
        span = _quoted_span(quoted, speaker[1] if speaker is not None else None, context)
        if span is None:
            continue
        yield Claim(
            kind="quote",
            span=mention(span),
            sentence=sentence_bounds(span[0]),
            values={
                "quote": f"quote#{quoted.group}",
                "words": words,
                "speaker": speaker[0] if speaker is not None else None,
                "speaker_label": speaker[1] if speaker is not None else None,
                "echoed": _echoes(quoted, others, context),
            },
        )
