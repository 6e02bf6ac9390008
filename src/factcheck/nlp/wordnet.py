"""Which words say the same thing, and which say the opposite: WordNet, shipped as data.

``data/lexical.json`` is generated from Princeton WordNet 3.0 by
``tools/lexical_data.py`` (schema ``schemas/lexical.schema.json``): for each
one-word lemma and part of speech its senses, and for the senses these readings
reach their hypernyms, antonyms, similar senses and morphologically related
senses, each kept only where a method below reads it. Nothing is downloaded.

    "road"      supports "route"        (one sense: a synonym)
    "clifftop"  supports "place"        (a more general word)
    "protest"   supports "protesters"   (a derived word)
    "increase"  opposes  "decline"      (an antonym of its hypernym "decrease")
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

FORMAT = "factcheck-lexical/2"
#: spaCy's coarse tags -> WordNet's parts of speech.
WORDNET_POS = {"NOUN": "n", "PROPN": "n", "VERB": "v", "ADJ": "a", "ADV": "r"}
#: How far up a source word's hypernyms a rewrite may generalise: "clifftop" -> "place".
GENERAL_DEPTH = 4
#: A word's senses (most frequent first) whose derived and similar words it also says.
RELATED_SENSES = 3
#: Two words are sisters when a class this specific holds both within two levels:
#: "murder" and "manslaughter" (homicide), "white" and "blue" (colour), not "a man"
#: and "a plan" (whose nearest common class is "entity").
SISTER_LEVELS = 2
SISTER_MIN_DEPTH = 4
#: For a word the source says elsewhere, only a narrow class counts: "murder" and
#: "manslaughter" (homicide, depth 10), not "road" and "lane" (way, depth 5).
NARROW_SISTER_DEPTH = 7


class LexicalDataError(Exception):
    """The shipped lexical data is missing or not in the expected format."""


@dataclass(frozen=True, slots=True)
class WordNet:
    words: dict[str, dict[str, list[int]]]
    hypernyms: list[list[int]]
    #: Part of speech -> the range of sense numbers it holds: [first, end).
    parts_of_speech: dict[str, list[int]]
    antonyms: dict[int, list[int]]
    similar: dict[int, list[int]]
    related: dict[int, list[int]]

    def senses(self, lemma: str, pos: str | None = None) -> tuple[int, ...]:
        """A word's senses, most frequent first; every part of speech when ``pos`` is None."""
        if pos is not None:
            return tuple(self.words.get(pos, {}).get(lemma, ()))
        return tuple(s for table in self.words.values() for s in table.get(lemma, ()))

    def known(self, lemma: str) -> bool:
        return any(lemma in table for table in self.words.values())

    def ancestors(self, senses: Iterable[int], depth: int) -> set[int]:
        """The senses and their hypernyms up to ``depth`` levels."""
        found = set(senses)
        frontier = set(found)
        for _ in range(depth):
            frontier = {h for s in frontier for h in self.hypernyms[s]} - found
            found |= frontier
        return found

    def said_by(self, senses: Iterable[int]) -> set[int]:
        """Every sense a word with these senses also says: itself, more general words, related words.

        A rewrite may use any of them for the word ("the company" for "the start-up").
        """
        ordered = list(senses)
        found = self.ancestors(ordered, GENERAL_DEPTH)
        # Derived and similar words of a word's common senses only: "lion" (a celebrity)
        # would make "celebrate" say "lions".
        for sense in ordered[:RELATED_SENSES]:
            found.update(self.related.get(sense, ()))
            found.update(self.similar.get(sense, ()))
        return found

    def opposed(self, senses: Iterable[int]) -> set[int]:
        """Senses opposite to any of these: antonyms of the senses, of their similar senses and hypernyms.

        "decline" is a kind of "decrease", whose antonym is "increase".
        """
        near = set(senses)
        for sense in list(near):
            near.update(self.similar.get(sense, ()))
            near.update(self.hypernyms[sense])
        opposite: set[int] = set()
        for sense in near:
            for antonym in self.antonyms.get(sense, ()):
                opposite.add(antonym)
                opposite.update(self.similar.get(antonym, ()))
        return opposite

    def depth(self, sense: int) -> int:
        """How far a sense is below WordNet's top ("entity" is 0, "homicide" 10)."""
        depth = 0
        frontier = {sense}
        while frontier and depth < 30:
            if any(not self.hypernyms[s] for s in frontier):
                return depth
            frontier = {h for s in frontier for h in self.hypernyms[s]}
            depth += 1
        return depth

    def sisters(self, a: Iterable[int], b: Iterable[int], min_depth: int = SISTER_MIN_DEPTH) -> bool:
        """Whether two words are kinds of one specific class, neither a kind of the other.

        Adjectives count by the nouns they name a quality of ("white" by the colour white).
        """
        one, other = self._as_classes(a), self._as_classes(b)
        if not one or not other or one & other:
            return False
        # A class and its kind ("homicide", "murder") are not sisters: the general word says the other.
        if one & self.ancestors(other, SISTER_LEVELS) or other & self.ancestors(one, SISTER_LEVELS):
            return False
        common = self.ancestors(one, SISTER_LEVELS) & self.ancestors(other, SISTER_LEVELS)
        return any(c not in one and c not in other and self.depth(c) >= min_depth for c in common)

    def _as_classes(self, senses: Iterable[int]) -> set[int]:
        found: set[int] = set()
        for sense in senses:
            if self.part_of_speech(sense) == "a":
                found.update(r for r in self.related.get(sense, ()) if self.part_of_speech(r) == "n")
            else:
                found.add(sense)
        return found

    def part_of_speech(self, sense: int) -> str:
        """A sense's part of speech: n, v, a (satellites too) or r."""
        return next(pos for pos, (first, end) in self.parts_of_speech.items() if first <= sense < end)


@cache
def wordnet() -> WordNet:
    """The shipped lexical data, loaded once per process."""
    resource = resources.files("factcheck.data").joinpath("lexical.json")
    try:
        data = json.loads(resource.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise LexicalDataError(f"{resource}: cannot read the lexical data: {error}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise LexicalDataError(
            f"{resource}: expected format {FORMAT!r}; regenerate it with tools/lexical_data.py"
        )
    synsets = data["synsets"]

    def table(name: str) -> dict[int, list[int]]:
        return {int(key): value for key, value in synsets[name].items()}

    return WordNet(
        data["words"],
        synsets["hypernyms"],
        data["parts_of_speech"],
        table("antonyms"),
        table("similar"),
        table("related"),
    )
