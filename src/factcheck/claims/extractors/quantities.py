"""Quantities: a number, its unit, and the one thing it measures.

    "Unions called a five-day strike."            -> strike#1 lasts 5 days
    "The strike lasted three days."               -> strike#1 lasts 3 days
    "The club agreed a £1.5bn deal."              -> deal#1 is worth 1.45-1.55 billion GBP
    "The deal, worth 1,500 million pounds, ..."   -> deal#1 is worth 1.45-1.55 billion GBP
    "The attack killed at least 30 people."       -> attack#1 killed 30 or more people
    "30 people were killed in the attack."        -> attack#1 killed 30 people

What is measured is kept tight so that two numbers are only compared when they
are about one thing: the same occasion noun, resolved to the same occasion (see
``_reference``), and the same measure of it (its length, its value, how many
people a given verb says it killed). Each number becomes the interval it allows:
"about", "at least", "up to" widen it, a round number allows its rounding
("30" is 25-35, "£1.5bn" 1.45-1.55bn), and a unit its range ("a week" is five to
seven days; hours and days are never compared). An occasion whose measure the
article says changed ("extended", "cut to", "initially") is marked revised, a
money value given on a stated basis ("including debt", "a year") is marked so,
and a count told in the perfect or at a time ("had killed 30 by Monday") is a
running total, not a claim to compare.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Doc, Token

from factcheck.claims.extractors._reference import Occasion, find_occasions, resolve_occasions
from factcheck.claims.extractors._syntax import mention, sentence_bounds
from factcheck.claims.model import Claim, ClaimKind, ExtractionContext
from factcheck.nlp.entities import Mention
from factcheck.nlp.lexicon import data_file, word_set
from factcheck.nlp.speech import attribution, in_quotation

KINDS = (
    ClaimKind(
        "quantity",
        "A number with its unit and the thing it measures: 'a five-day strike', "
        "'the attack killed 30 people'.",
        {
            "occasion": "text",
            "measured": "text",
            "thing": "mention",
            "amount": "mention",
            "dimension": "text",
            "unit": "text",
            "low": "number",
            "high": "number",
            "revised": "bool",
            "basis_stated": "bool",
            "quoted": "bool",
        },
    ),
)

#: Tokens after a noun or verb searched for its amount: "a deal, worth about £1.5bn".
_WINDOW = 8
_PREDICATE_VERBS = {
    "duration": frozenset({"last", "run"}),
    "money": frozenset({"be", "cost", "total", "value", "amount", "come"}),
}


@dataclass(frozen=True, slots=True)
class Amount:
    """A number read from text as the interval it allows, in a base unit."""

    low: float
    high: float | None
    unit: str
    dimension: str
    start: int
    end: int


# -- reading numbers ------------------------------------------------------------


def _alternation(items: Any) -> str:
    return "|".join(sorted((re.escape(i) for i in items), key=lambda i: (-len(i), i)))


_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"


@cache
def _word_number() -> str:
    words: dict[str, int] = data_file("units")["number_words"]
    tens = [w for w, v in words.items() if v >= 20 and v % 10 == 0 and v < 100]
    units = [w for w, v in words.items() if 1 <= v <= 9 and w not in {"a", "an", "single"}]
    return rf"(?:(?:{_alternation(tens)})[- ](?:{_alternation(units)})|{_alternation(words)})"


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    units = data_file("units")
    qualifier_words = [w for group in units["qualifiers"].values() for w in group]
    qualifier = rf"(?:(?P<qualifier>{_alternation(qualifier_words)})\s+)?"
    number = rf"(?P<number>{_DIGITS}|{_word_number()})"
    number2 = rf"(?P<number2>{_DIGITS}|{_word_number()})"
    scale = rf"(?:\s?(?P<scale>{_alternation(units['scales'])})\b)?"
    symbols = [s for c in units["currencies"].values() for s in c["symbols"]]
    currency_words = [w for c in units["currencies"].values() for w in c["words"]]
    durations = _alternation(units["durations"])
    return {
        "money_symbol": re.compile(
            rf"(?<!\w){qualifier}(?P<symbol>{_alternation(symbols)})\s?{number}{scale}", re.IGNORECASE
        ),
        "money_word": re.compile(
            rf"\b{qualifier}{number}{scale}\s+(?P<word>{_alternation(currency_words)})\b", re.IGNORECASE
        ),
        "duration": re.compile(
            rf"\b{qualifier}{number}(?:\s*(?:-|–|to)\s*{number2})?[\s-](?P<unit>{durations})s?(?:[\s-]long)?\b",
            re.IGNORECASE,
        ),
        "duration_long": re.compile(rf"\b(?P<unit>{durations})[\s-]long\b", re.IGNORECASE),
        "count": re.compile(rf"^{qualifier}{number}{scale}$", re.IGNORECASE),
    }


def _number_value(text: str) -> tuple[float, float] | None:
    """A number and the rounding it allows: "30" -> (30, 5), "1.5" -> (1.5, 0.05), "five" -> (5, 0)."""
    words: dict[str, int] = data_file("units")["number_words"]
    lowered = text.lower()
    if lowered in words:
        named = words[lowered]
        return float(named), (5.0 if named >= 20 and named % 10 == 0 else 0.0)
    parts = re.split(r"[- ]", lowered)
    if len(parts) == 2 and all(p in words for p in parts):
        return float(words[parts[0]] + words[parts[1]]), 0.0
    digits = text.replace(",", "")
    try:
        value = float(digits)
    except ValueError:
        return None
    if "." in digits:
        return value, 0.5 * 10 ** -len(digits.split(".")[1])
    zeros = len(digits) - len(digits.rstrip("0")) if value else 0
    return value, (0.5 * 10**zeros if zeros else 0.0)


def _interval(
    match: re.Match[str], scale: float, unit_low: float, unit_high: float
) -> tuple[float, float | None]:
    """The interval a matched number allows, after rounding, range, qualifier and unit."""
    value, tolerance = _number_value(match.group("number")) or (0.0, 0.0)
    if scale > 1 and tolerance == 0:
        # "£3bn" is rounded to the billion: 2.5bn to 3.5bn.
        tolerance = 0.5
    low, high = value - tolerance, value + tolerance
    second = match.groupdict().get("number2")
    if second:
        upper = _number_value(second)
        if upper is not None:
            high = upper[0] + upper[1]
    qualifier = (match.groupdict().get("qualifier") or "").lower()
    groups: dict[str, list[str]] = data_file("units")["qualifiers"]
    share = float(data_file("units")["about_share"])
    result_high: float | None
    if qualifier in groups["at_least"]:
        low, result_high = low, None
    elif qualifier in groups["at_most"]:
        low, result_high = 0.0, high
    elif qualifier in groups["about"]:
        low, result_high = low * (1 - share), high * (1 + share)
    else:
        result_high = high
    low = max(low, 0.0) * scale * unit_low
    return low, (result_high * scale * unit_high if result_high is not None else None)


def _scale(match: re.Match[str]) -> float:
    name = (match.groupdict().get("scale") or "").lower()
    scales: dict[str, int] = data_file("units")["scales"]
    return float(scales.get(name, 1))


@cache
def _currency_of() -> dict[str, str]:
    found: dict[str, str] = {}
    for code, written in data_file("units")["currencies"].items():
        for form in [*written["symbols"], *written["words"]]:
            found[form.lower()] = code
    return found


def read_amounts(text: str, offset: int, dimension: str) -> list[Amount]:
    """Every amount of one dimension ("money" or "duration") in a piece of text."""
    found: list[Amount] = []
    patterns = _patterns()
    if dimension == "money":
        for name in ("money_symbol", "money_word"):
            for match in patterns[name].finditer(text):
                written = (match.groupdict().get("symbol") or match.groupdict().get("word") or "").lower()
                low, high = _interval(match, _scale(match), 1.0, 1.0)
                found.append(
                    Amount(
                        low,
                        high,
                        _currency_of()[written],
                        "money",
                        offset + match.start(),
                        offset + match.end(),
                    )
                )
    elif dimension == "duration":
        units: dict[str, dict[str, Any]] = data_file("units")["durations"]
        for match in patterns["duration"].finditer(text):
            unit = units[match.group("unit").lower()]
            low, high = _interval(match, 1.0, *unit["range"])
            start, end = offset + match.start(), offset + match.end()
            found.append(Amount(low, high, unit["family"], "duration", start, end))
        for match in patterns["duration_long"].finditer(text):
            if any(a.start <= offset + match.start() < a.end for a in found):
                continue
            unit = units[match.group("unit").lower()]
            start, end = offset + match.start(), offset + match.end()
            shortest, longest = unit["range"]
            found.append(Amount(shortest, longest, unit["family"], "duration", start, end))
    found.sort(key=lambda a: (a.start, a.end))
    # A shorter match inside a longer one ("1.5bn" inside "£1.5bn") is the same amount.
    return [a for a in found if not any(b != a and b.start <= a.start and a.end <= b.end for b in found)]


def read_count(text: str, offset: int) -> Amount | None:
    """A whole phrase that is a count: "at least 30", "hundreds", "1,200"."""
    vague: dict[str, list[float]] = data_file("units")["vague_numbers"]
    stripped = text.strip()
    if stripped.lower() in vague:
        smallest, largest = vague[stripped.lower()]
        return Amount(smallest, largest, "", "count", offset, offset + len(stripped))
    match = _patterns()["count"].match(stripped)
    if match is None:
        return None
    low, high = _interval(match, _scale(match), 1.0, 1.0)
    return Amount(low, high, "", "count", offset, offset + len(stripped))


# -- what is measured -----------------------------------------------------------


def _measured_nouns() -> dict[str, list[str]]:
    """noun -> what may be measured of it: "a five-year, £2m contract" has a length and a value."""
    found: dict[str, list[str]] = {}
    for dimension, nouns in data_file("units")["measured_nouns"].items():
        for noun in nouns:
            found.setdefault(noun, []).append(dimension)
    return found


def _revised(item: Occasion) -> bool:
    """Whether the article tells this mention's measure as changing or as one figure of several."""
    revising_verbs = word_set("units", "revising_verbs")
    revising_words = word_set("units", "revising_words")
    token = item.token
    if any(c.lower_ in revising_words or c.lemma_.lower() in revising_words for c in token.children):
        return True
    current = token
    for _ in range(2):
        if current.head.i == current.i:
            break
        current = current.head
        if current.lemma_.lower() in revising_verbs:
            return True
    return False


def _attributed(token: Token) -> str | None:
    found = attribution(token)
    return found or ("quote" if in_quotation(token) else None)


def _text_between(doc: Doc, start: int, end: int) -> tuple[str, int]:
    if start >= end:
        return "", 0
    span = doc[start:end]
    return span.text, span.start_char


def _own_amounts(item: Occasion, dimension: str) -> list[Amount]:
    """Amounts written in the noun's own phrase: before it, or right after it with "worth", "of", ..."""
    token = item.token
    doc = token.doc
    left = min([token.i, *(c.left_edge.i for c in token.lefts)])
    text, offset = _text_between(doc, left, token.i)
    found = read_amounts(text, offset, dimension)
    right_end = min(token.right_edge.i + 1, token.i + 1 + _WINDOW)
    text, offset = _text_between(doc, token.i + 1, right_end)
    tail = re.match(
        r"^\s*,?\s*(?:worth|valued at|of|lasting|costing|totalling|totaling|amounting to)\s+", text
    )
    if tail is not None:
        found.extend(a for a in read_amounts(text, offset, dimension) if a.start == offset + tail.end())
    return found


def _predicate_amounts(item: Occasion, dimension: str) -> list[Amount]:
    """Amounts a verb gives its subject: "the strike lasted five days", "the deal is worth £1bn".

    The verb may be a relative clause's: "the contract, which runs for three years".
    """
    token = item.token
    verbs = [token.head] if token.dep_ in {"nsubj", "nsubjpass"} else []
    verbs += [
        c
        for c in token.children
        if c.dep_ == "relcl" and any(s.lower_ in {"which", "that"} for s in c.children if s.dep_ == "nsubj")
    ]
    return [a for verb in verbs for a in _amounts_after(verb, dimension)]


def _amounts_after(verb: Token, dimension: str) -> list[Amount]:
    if verb.lemma_.lower() not in _PREDICATE_VERBS[dimension]:
        return []
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    # "has lasted", "is lasting", "could cost": a running or possible figure, not the measure.
    if verb.tag_ in {"VBG", "VBN"} and not any(a.dep_ == "auxpass" for a in auxiliaries):
        return []
    if any(a.tag_ == "MD" and a.lower_ not in {"will", "'ll"} for a in auxiliaries):
        return []
    doc = verb.doc
    text, offset = _text_between(doc, verb.i + 1, min(verb.right_edge.i + 1, verb.i + 1 + _WINDOW))
    lead = re.match(r"^\s*(?:for\s+|at\s+|to\s+|worth\s+|valued at\s+)?", text)
    start = offset + (lead.end() if lead else 0)
    return [a for a in read_amounts(text, offset, dimension) if a.start == start]


def _measure_claims(context: ExtractionContext) -> Iterator[Claim]:
    doc = context.doc
    nouns = _measured_nouns()
    occasions = find_occasions(doc, frozenset(nouns))
    resolve_occasions(occasions)
    revised = {o.occasion for o in occasions if _revised(o)}
    for item in occasions:
        amounts = [
            amount
            for dimension in nouns[item.word]
            for amount in _own_amounts(item, dimension) + _predicate_amounts(item, dimension)
        ]
        # Two amounts of one kind for one mention ("a £2m-a-year, £10m deal") cannot be told apart.
        units = [a.unit for a in amounts]
        for amount in amounts:
            dimension = amount.dimension
            if units.count(amount.unit) != 1:
                continue
            start, end = min(amount.start, item.token.idx), max(amount.end, item.token.idx + len(item.token))
            text = doc.text
            yield Claim(
                kind="quantity",
                span=Mention(start, end, text[start:end], ""),
                sentence=sentence_bounds(item.token),
                values={
                    "occasion": item.occasion,
                    "measured": f"{item.noun}:{dimension}",
                    "thing": mention(item.token),
                    "amount": Mention(amount.start, amount.end, text[amount.start : amount.end], ""),
                    "dimension": dimension,
                    "unit": amount.unit,
                    "low": amount.low,
                    "high": amount.high,
                    "revised": item.occasion in revised,
                    "basis_stated": _basis_stated(doc, start, end, dimension),
                    "quoted": in_quotation(item.token),
                },
                attributed_to=_attributed(item.token),
            )


def _basis_stated(doc: Doc, start: int, end: int, dimension: str) -> bool:
    """Whether a value is given on a stated basis ("including debt", "a year", "net"):
    two such values may measure different totals of one thing, so neither is compared."""
    if dimension != "money":
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return True
    window = doc[span.start : min(span.end + 3, span.sent.end)]
    basis = word_set("units", "basis_words")
    return any(t.lower_ in basis for t in window)


# -- counts of people or things an occasion affected ----------------------------


def _count_phrase(number: Token) -> tuple[Token, Token] | None:
    """The counted noun and its verb: "killed [30] people", "[hundreds] of people were hurt"."""
    vague = data_file("units")["vague_numbers"]
    if number.dep_ == "nummod" and number.head.pos_ in {"NOUN", "PROPN"}:
        counted = number.head
    elif number.lower_ in vague or number.dep_ in {"dobj", "nsubjpass"}:
        counted = number
        for prep in number.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                counted = next((o for o in prep.children if o.dep_ == "pobj"), number)
        if number.lower_ not in vague and counted is number and number.dep_ not in {"dobj", "nsubjpass"}:
            return None
    else:
        return None
    carrier = number if counted is not number and counted.head.i == number.i else counted
    verb = carrier.head
    if carrier.dep_ not in {"dobj", "nsubjpass"} or verb.lemma_.lower() not in word_set(
        "units", "count_verbs"
    ):
        return None
    return counted, verb


def _owner(verb: Token) -> Token | None:
    """The occasion a count belongs to: the subject, the agent, or "in the attack"."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            if child.lower_ in {"which", "that"} and verb.dep_ == "relcl":
                return verb.head
            return child
    if verb.dep_ == "relcl" and not any(c.dep_ == "nsubjpass" for c in verb.children):
        return verb.head
    for prep in verb.children:
        if prep.dep_ in {"agent", "prep"} and prep.lower_ in {"by", "in"}:
            obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def _running_total(verb: Token, number: Token) -> bool:
    """ "had killed 30 by Monday", "has injured 12 so far", "killed another 30": a tally, not a total."""
    revising_words = word_set("units", "revising_words")
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return True
    if any(
        c.ent_type_ in {"DATE", "TIME"} for c in verb.subtree if c.i not in range(number.i - 3, number.i + 1)
    ):
        return True
    if any(c.lower_ in revising_words for c in verb.children if c.dep_ in {"advmod", "npadvmod"}):
        return True
    return any(t.lower_ in revising_words for t in number.subtree) or any(
        c.lower_ in revising_words for c in number.head.children if c.dep_ in {"amod", "advmod", "det"}
    )


def _count_claims(context: ExtractionContext) -> Iterator[Claim]:
    doc = context.doc
    occasions = find_occasions(doc, word_set("units", "counting_occasions"))
    resolve_occasions(occasions)
    by_token = {o.token.i: o for o in occasions}
    people = word_set("units", "people_nouns")
    for token in doc:
        if not (token.like_num or token.lower_ in data_file("units")["vague_numbers"]):
            continue
        if token.ent_type_ in {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"}:
            continue
        found = _count_phrase(token)
        if found is None:
            continue
        counted, verb = found
        owner_token = _owner(verb)
        owner = by_token.get(owner_token.i) if owner_token is not None else None
        if owner is None or _running_total(verb, token):
            continue
        left = token.left_edge.i
        amount = read_count(doc[left : token.i + 1].text, doc[left].idx)
        if amount is None:
            continue
        noun = (
            "people"
            if counted.lemma_.lower() in people or counted.lower_ in people
            else counted.lemma_.lower()
        )
        if counted is token:
            noun = ""
        start, end = min(left, verb.i, counted.i), max(verb.i, counted.i, token.i) + 1
        yield Claim(
            kind="quantity",
            span=mention(doc[start:end]),
            sentence=sentence_bounds(verb),
            values={
                "occasion": owner.occasion,
                "measured": f"{verb.lemma_.lower()}:{noun}",
                "thing": mention(verb),
                "amount": mention(doc[left : token.i + 1]),
                "dimension": "count",
                "unit": "",
                "low": amount.low,
                "high": amount.high,
                "revised": _revised(owner),
                "basis_stated": False,
                "quoted": in_quotation(verb),
            },
            attributed_to=_attributed(verb),
        )


def extract(context: ExtractionContext) -> Iterator[Claim]:
    yield from _measure_claims(context)
    yield from _count_claims(context)
