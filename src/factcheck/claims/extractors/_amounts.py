"""Numbers and units read from text as the interval they allow, with no language model.

    read_amounts("a £1.5bn deal", 0, "money")        -> 1.45bn-1.55bn GBP
    read_amounts("worth 1,500 million pounds", ...)  -> the same interval
    read_amounts("a 48-hour strike", 0, "duration")  -> 48 hours
    read_count("at least 30", 0)                     -> 25 or more

"About", "at least", "up to" widen a number, a round number allows its rounding,
and a unit its range ("a week" is five to seven days). The words are in
data/units.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from factcheck.nlp.lexicon import data_file


@dataclass(frozen=True, slots=True)
class Amount:
    """A number read from text as the interval it allows, in a base unit."""

    low: float
    high: float | None
    unit: str
    dimension: str
    start: int
    end: int


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
            # "a 31-year-old ceremony" is an age, not a length.
            rf"\b{qualifier}{number}(?:\s*(?:-|–|to)\s*{number2})?[\s-](?P<unit>{durations})s?(?:[\s-]long)?\b"
            rf"(?![\s-]old\b)",
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
    match: re.Match[str], scale: float, unit_low: float, unit_high: float, exact: bool = False
) -> tuple[float, float | None]:
    """The interval a matched number allows, after rounding, range, qualifier and unit."""
    value, tolerance = _number_value(match.group("number")) or (0.0, 0.0)
    if exact:
        tolerance = 0.0
    elif scale > 1 and tolerance == 0:
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


def read_count(text: str, offset: int, exact: bool = False) -> Amount | None:
    """A whole phrase that is a count: "at least 30", "hundreds", "1,200".

    ``exact`` counts allow no rounding: a party wins 40 seats, not 35 to 45.
    """
    vague: dict[str, list[float]] = data_file("units")["vague_numbers"]
    stripped = text.strip()
    if stripped.lower() in vague:
        smallest, largest = vague[stripped.lower()]
        return Amount(smallest, largest, "", "count", offset, offset + len(stripped))
    match = _patterns()["count"].match(stripped)
    if match is None:
        return None
    low, high = _interval(match, _scale(match), 1.0, 1.0, exact)
    return Amount(low, high, "", "count", offset, offset + len(stripped))
