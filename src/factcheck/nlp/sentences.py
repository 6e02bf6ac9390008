"""The sentence a token is in, found by bisection over sentence starts read once per Doc;
and the Doc's text, read once.

spaCy's ``Token.sent`` checks the whole Doc's sentence annotation on every call, so
a reader that asks for every frame's sentence spends time quadratic in the
article's length; this keeps the starts with the Doc and asks them instead.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("sentencizer")
>>> sentence_of(nlp("Kim left. Putin stayed in Moscow.")[5]).text
'Putin stayed in Moscow.'
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span, Token

_USER_DATA_KEY = "factcheck.sentence_starts"
_TEXT_KEY = "factcheck.text"


def text_of(doc: Doc) -> str:
    """``doc.text``, which spaCy rebuilds from every token on each call, read once."""
    cached = doc.user_data.get(_TEXT_KEY)
    if cached is None:
        cached = doc.text
        doc.user_data[_TEXT_KEY] = cached
    return str(cached)


def _starts(doc: Doc) -> list[int]:
    cached = doc.user_data.get(_USER_DATA_KEY)
    if cached is None:
        cached = [sentence.start for sentence in doc.sents]
        doc.user_data[_USER_DATA_KEY] = cached
    return cached


def sentence_of(token: Token) -> Span:
    """The sentence ``token`` belongs to, the same span ``token.sent`` gives."""
    doc = token.doc
    starts = _starts(doc)
    index = bisect.bisect_right(starts, token.i) - 1
    end = starts[index + 1] if index + 1 < len(starts) else len(doc)
    return doc[starts[index] : end]
