"""Whether words stand inside a direct quotation: someone's own words, not the article's."""

from __future__ import annotations

from spacy.tokens import Token

_QUOTES = '"“”«»'


def in_quotation(token: Token) -> bool:
    """True when an odd number of quotation marks open the token's sentence before it.

    '"The court did not hear the appeal," Smith said.' -> "hear" is quoted.
    """
    before = token.doc[token.sent.start : token.i].text
    return sum(before.count(mark) for mark in _QUOTES) % 2 == 1
