"""The same name spelled two ways: "Mikhail Metzel" / "Mikail metzel".

Two full names are variants when they share at least one word exactly and the
rest differs by a few letters. Case, accents, hyphens and dots are folded first,
so "Kim Jong-un" / "Kim Jong Un" and "José" / "Jose" never fire.

Options: ``max_edits`` over the whole name (default 2), ``min_word_length`` of a
word that may differ (default 4, so "Dan Smith" / "Don Smith" are different people).
A differing word may change by one letter per four ("Hall" / "Hart" are two names,
"Mikhail" / "Mikail" one), and a plural ("Golden Globe" / "Golden Globes") is a
form of the same word, not a second spelling.

With option ``surnames``, a lone surname of six letters or more is compared with a
full name's surname and may differ by one slip only (a letter added, dropped,
changed or two swapped): "Volodymyr Zelensky" / "Zelenskyy", but not "Smith" /
"Smyth", which may well be two people. Option ``full_names`` (default on) compares
two full names; a rule that reads lone surnames alone turns it off.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from rapidfuzz.distance import OSA, Levenshtein

from factcheck.claims.model import Claim
from factcheck.rules.operators._contract import Arity, CheckContext, Conflict, FindingsRead, option

NAME = "spelling_variant"
ARITY: Arity = "pair"
FIELD_TYPES = ("text",)
TEMPLATE_VALUES = ()
READS_FINDINGS: FindingsRead = "none"
_MIN_LONE_SURNAME = 6


@dataclass(frozen=True, slots=True)
class Options:
    max_edits: int = option(2, minimum=1, maximum=4)
    min_word_length: int = option(4, minimum=1)
    surnames: bool = False
    full_names: bool = True


def signature(claim: Claim, field: str | None, options: Options) -> Hashable:
    """What ``check`` reads of one claim (its contract: ``_contract.py``)."""
    return claim.get(field or "")


def pair_keys(claim: Claim, field: str | None, options: Options) -> Iterable[Hashable]:
    """Keys two claims share when they can conflict (its contract: ``_contract.py``)."""
    name = claim.get(field or "")
    if not isinstance(name, str) or not name.split():
        return ()
    words = name.split()
    # Two full names that conflict have as many words, the same initials and a word
    # in common; a lone surname and the surname it misspells are one slip apart, so
    # they share the word itself or the word less one letter.
    keys: list[Hashable] = []
    if options.full_names:
        initials = "".join(word[0] for word in words)
        keys.extend(("words", initials, word) for word in sorted(set(words)))
    if options.surnames:
        surname = words[-1]
        keys.extend(("surname", variant) for variant in _one_letter_less(surname))
    return keys


def _one_letter_less(word: str) -> set[str]:
    """The word and every word one letter shorter: two words one slip apart (a letter
    added, dropped, changed or two swapped) share one of these."""
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


def check(
    claims: tuple[Claim, ...], field: str | None, options: Options, context: CheckContext
) -> Conflict | None:
    first, second = claims
    a, b = first.get(field or ""), second.get(field or "")
    if not isinstance(a, str) or not isinstance(b, str) or a == b:
        return None
    words_a, words_b = a.split(), b.split()
    if 1 in (len(words_a), len(words_b)) and words_a != words_b:
        if not options.surnames:
            return None
        # A lone surname against a full name: compare it with the surname only, and
        # strictly (one slip of the keys in a long name), since two people may share
        # a similar surname ("Smith" / "Smyth").
        lone, surname = words_a[-1], words_b[-1]
        if min(len(lone), len(surname)) < _MIN_LONE_SURNAME or lone[0] != surname[0]:
            return None
        if lone.rstrip("s") == surname.rstrip("s") or OSA.distance(lone, surname) != 1:
            return None
        return Conflict((first.span, second.span))
    if not options.full_names or len(words_a) != len(words_b) or not set(words_a) & set(words_b):
        return None
    max_edits = options.max_edits
    min_length = options.min_word_length
    total = 0
    for word_a, word_b in zip(words_a, words_b, strict=True):
        if word_a == word_b:
            continue
        shorter = min(len(word_a), len(word_b))
        if shorter < min_length or word_a[0] != word_b[0]:
            return None
        if word_a.rstrip("s") == word_b.rstrip("s"):
            return None
        edits = Levenshtein.distance(word_a, word_b)
        if edits > max(1, shorter // 4):
            return None
        total += edits
    if total == 0 or total > max_edits:
        return None
    return Conflict((first.span, second.span))
