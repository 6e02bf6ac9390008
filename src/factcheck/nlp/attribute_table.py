"""The attribute ruler's patterns found by table lookup, not by spaCy's general Matcher.

The English pipeline's ``attribute_ruler`` gives each token its part of speech and
morphology from its tag ({"TAG": "NNS"} -> NOUN, Number=Plur) and corrects a few
words ({"LOWER": "i", "DEP": "nsubj"} -> Case=Nom; "gon na" -> lemmas "go", "to").
spaCy's ``Matcher`` tries each of its 180 patterns at every token, which costs an
eighth of the whole parse. Yet every one of those patterns is one or two tokens
of exact values, ``IN``/``NOT_IN`` sets and word regexes, so a token's candidates
are found by looking its word, tag or dependency up in a table, and only they are
tested. ``AttributeTable.match`` returns the very matches ``AttributeRuler.match``
does, in the same order, and the ruler's own ``set_annotations`` applies them, so
every token ends with the same attributes (tested against spaCy's matcher).

A pipeline whose ruler has a pattern beyond this (an ``OP``, another attribute or
predicate) keeps spaCy's own component: ``AttributeTable.compile`` returns None.

"I told you" gives "I" the patterns {"TAG": "PRP"} (PRON, from the tag) and {"LOWER":
"i", "DEP": "nsubj"} (Case=Nom): the first is filed under the tag PRP, the second
under the word "i", and both are found by two lookups of the token's row.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc

#: The token attributes a table reads, as columns of ``Doc.to_array``; which of them a
#: pattern's first token fixes decides the table it is filed under (the first that does).
_COLUMNS = ("LOWER", "TAG", "DEP", "IS_SPACE")
_COLUMN_IDS = (LOWER, TAG, DEP, IS_SPACE)
_STRING_COLUMNS = frozenset({"LOWER", "TAG", "DEP"})

#: One ruler match as ``AttributeRuler.match`` gives it: (pattern number, key, start, end).
Match = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class _TokenTest:
    """What one token of a pattern must be: {"TAG": {"IN": ["VBP", "VBZ"]}, "LOWER": "ai"}."""

    #: column -> the values it may have (one for an exact value, several for ``IN``).
    allowed: Mapping[int, frozenset[int]]
    #: column -> the values it must not have (``NOT_IN``).
    excluded: Mapping[int, frozenset[int]]
    #: column -> a regex its string must contain a match of (``REGEX``, searched as spaCy does).
    patterns: Mapping[int, re.Pattern[str]]

    def passes(self, row: Sequence[int], strings: _Strings) -> bool:
        for column, values in self.allowed.items():
            if row[column] not in values:
                return False
        for column, values in self.excluded.items():
            if row[column] in values:
                return False
        return all(strings.search(pattern, row[column]) for column, pattern in self.patterns.items())


@dataclass(frozen=True, slots=True)
class _Pattern:
    number: int
    key: int
    tokens: tuple[_TokenTest, ...]


class _Strings:
    """The strings of hashed values, and regex answers per value: a word recurs."""

    def __init__(self, doc: Doc) -> None:
        self.store = doc.vocab.strings
        self.answers: dict[tuple[str, int], bool] = {}

    def search(self, pattern: re.Pattern[str], value: int) -> bool:
        key = (pattern.pattern, value)
        answer = self.answers.get(key)
        if answer is None:
            answer = self.answers[key] = bool(pattern.search(self.store[value]))
        return answer


def _value_id(column: str, value: object) -> int | None:
    if column == "IS_SPACE":
        return int(value) if isinstance(value, bool) else None
    return get_string_id(value) if isinstance(value, str) else None


def _token_test(spec: Mapping[str, Any]) -> _TokenTest | None:
    """The test of one token's spec, or None for anything a table cannot answer alike."""
    allowed: dict[int, frozenset[int]] = {}
    excluded: dict[int, frozenset[int]] = {}
    patterns: dict[int, re.Pattern[str]] = {}
    for name, value in spec.items():
        column_name = name.upper()
        if column_name not in _COLUMNS:
            return None
        column = _COLUMNS.index(column_name)
        if not isinstance(value, dict):
            found = _value_id(column_name, value)
            if found is None:
                return None
            allowed[column] = frozenset({found})
            continue
        if len(value) != 1 or column_name not in _STRING_COLUMNS:
            return None
        ((predicate, argument),) = value.items()
        if predicate in {"IN", "NOT_IN"} and isinstance(argument, list):
            ids = [_value_id(column_name, item) for item in argument]
            if any(i is None for i in ids):
                return None
            (allowed if predicate == "IN" else excluded)[column] = frozenset(i for i in ids if i is not None)
        elif predicate == "REGEX" and isinstance(argument, str):
            patterns[column] = re.compile(argument)
        else:
            return None
    return _TokenTest(allowed, excluded, patterns)


#: Distinct token rows a table remembers the answers for before it starts afresh.
_ROW_MEMORY = 200_000


@dataclass(frozen=True, slots=True)
class _RowAnswer:
    """What a pattern table says of one token row: the one-token patterns it matches, and
    the longer patterns that may start at it (their later tokens still to be tested)."""

    matched: tuple[tuple[int, int], ...]
    starting: tuple[_Pattern, ...]


class AttributeTable:
    """An attribute ruler's patterns, filed by a value their first token must have.

    A token's answer depends only on its row (word, tag, dependency, space), and rows
    recur ("the" as a determiner), so the answer for each row is remembered.
    """

    def __init__(self, filed: Sequence[Mapping[int, tuple[_Pattern, ...]]], unfiled: tuple[_Pattern, ...]):
        #: column -> value -> the patterns whose first token needs that value there.
        self.filed = tuple(filed)
        #: Patterns whose first token fixes no value (only ``NOT_IN`` or ``REGEX``): tried everywhere.
        self.unfiled = unfiled
        self._answers: dict[tuple[int, ...], _RowAnswer] = {}

    @classmethod
    def compile(cls, ruler: AttributeRuler) -> AttributeTable | None:
        filed: list[dict[int, list[_Pattern]]] = [{} for _ in _COLUMNS]
        unfiled: list[_Pattern] = []
        for number, group in enumerate(ruler.patterns):
            key = ruler.vocab.strings.add(str(number))
            specs: Any = group["patterns"]  # list[list[dict]] as spaCy stores them
            for token_specs in specs:
                tests = [_token_test(spec) if isinstance(spec, dict) else None for spec in token_specs]
                if not tests or any(test is None for test in tests):
                    return None
                pattern = _Pattern(number, key, tuple(t for t in tests if t is not None))
                first = pattern.tokens[0]
                column = next((c for c in range(len(_COLUMNS)) if c in first.allowed), None)
                if column is None:
                    unfiled.append(pattern)
                    continue
                for value in first.allowed[column]:
                    filed[column].setdefault(value, []).append(pattern)
        return cls(
            [{value: tuple(found) for value, found in table.items()} for table in filed], tuple(unfiled)
        )

    def _answer(self, row: tuple[int, ...], strings: _Strings) -> _RowAnswer:
        candidates = [p for column, table in enumerate(self.filed) for p in table.get(row[column], ())]
        matched: set[tuple[int, int]] = set()
        starting: list[_Pattern] = []
        for pattern in (*candidates, *self.unfiled):
            if not pattern.tokens[0].passes(row, strings):
                continue
            if len(pattern.tokens) == 1:
                matched.add((pattern.number, pattern.key))
            elif pattern not in starting:
                starting.append(pattern)
        return _RowAnswer(tuple(sorted(matched)), tuple(starting))

    def match(self, doc: Doc) -> list[Match]:
        """The matches ``AttributeRuler.match`` gives for this Doc, in its order."""
        if not len(doc):
            return []
        rows = [tuple(row) for row in doc.to_array(list(_COLUMN_IDS)).tolist()]
        strings = _Strings(doc)
        answers = self._answers
        if len(answers) > _ROW_MEMORY:
            answers.clear()
        found: set[Match] = set()
        for start, row in enumerate(rows):
            answer = answers.get(row)
            if answer is None:
                answer = answers[row] = self._answer(row, strings)
            for number, key in answer.matched:
                found.add((number, key, start, start + 1))
            for pattern in answer.starting:
                end = start + len(pattern.tokens)
                if end <= len(rows) and all(
                    test.passes(rows[start + offset], strings)
                    for offset, test in enumerate(pattern.tokens[1:], start=1)
                ):
                    found.add((pattern.number, pattern.key, start, end))
        return sorted(found)


class TableAttributeRuler:
    """The attribute ruler with its matching done by an ``AttributeTable``."""

    def __init__(self) -> None:
        self.ruler: AttributeRuler | None = None
        self.table: AttributeTable | None = None

    def bind(self, ruler: AttributeRuler, table: AttributeTable) -> None:
        self.ruler, self.table = ruler, table

    def __call__(self, doc: Doc) -> Doc:
        if self.ruler is None or self.table is None:
            raise RuntimeError("factcheck_attribute_table was added without a ruler to stand for")
        ruler: Any = self.ruler  # spaCy leaves set_annotations untyped
        ruler.set_annotations(doc, self.table.match(doc))
        return doc


@Language.factory("factcheck_attribute_table")
def make_table_attribute_ruler(nlp: Language, name: str) -> TableAttributeRuler:
    return TableAttributeRuler()


def use_attribute_table(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Put a table-matched ruler in the place of ``name``; False (pipeline unchanged) when
    the pipeline has no such ruler or one of its patterns is beyond a table."""
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    table = AttributeTable.compile(ruler) if isinstance(ruler, AttributeRuler) else None
    if table is None or not isinstance(ruler, AttributeRuler):
        return False
    component = nlp.replace_pipe(name, "factcheck_attribute_table")
    assert isinstance(component, TableAttributeRuler)
    component.bind(ruler, table)
    return True
