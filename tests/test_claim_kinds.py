"""Every claim an extractor emits has exactly the fields its ClaimKind declares, with the declared types.

The extractors run over the seed article and every fixture text of the shipped
rules (a case with a source as the rewrite and its source, read as one, as
``factcheck compare`` reads them), so a field added, dropped or filled with the
wrong type in any wording they meet fails here, not later in a rule that reads it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from conftest import TextCache
from factcheck.claims.extractors import EXTRACTORS, claim_kinds
from factcheck.claims.graph import Analysis
from factcheck.claims.model import FIELD_TYPES
from factcheck.nlp.entities import Mention
from factcheck.reading.inputs import document_from_text
from factcheck.reading.joined import join
from factcheck.rules.testcases import fixture_files, load_fixture

ROOT = Path(__file__).resolve().parents[1]

#: Declared field type -> the Python type its values have.
PYTHON_TYPES: dict[str, type] = {
    "mention": Mention,
    "text": str,
    "bool": bool,
    "number": float,
    "texts": tuple,
}


@cache
def _texts() -> tuple[tuple[str, str, str, str | None], ...]:
    """(name, text, format, source) for the seeds and every fixture case."""
    found: list[tuple[str, str, str, str | None]] = [
        (p.name, p.read_text(encoding="utf-8"), _format(p), None) for p in sorted((ROOT / "seeds").iterdir())
    ]
    for path in fixture_files([ROOT / "rules"]):
        fixture = load_fixture(path)
        found += [
            (f"{fixture.rule_id}: {case.name}", case.text, case.format, case.source) for case in fixture.cases
        ]
    return tuple(found)


def _analysis(cache: TextCache, name: str, text: str, fmt: str, source: str | None) -> Analysis:
    document = document_from_text(text, name, fmt)
    if source is None:
        return cache.analyse(document)
    return cache.analyse_pair(join(document_from_text(source, f"{name} (source)", fmt), document))


def _format(path: Path) -> str:
    return {".md": "markdown", ".html": "html"}.get(path.suffix, "text")


def test_every_declared_type_has_a_python_type() -> None:
    assert set(PYTHON_TYPES) == FIELD_TYPES


def test_kind_names_are_unique_across_extractors() -> None:
    names = [kind.name for module in EXTRACTORS for kind in module.KINDS]
    assert len(names) == len(set(names)) == len(claim_kinds())


def test_every_claim_has_exactly_its_kinds_fields_with_their_types(shared_analyses: TextCache) -> None:
    kinds = claim_kinds()
    problems: list[str] = []
    emitted: set[str] = set()
    for name, text, fmt, source in _texts():
        # The analysis holds every extractor's claims; kind names are unique (above),
        # so each claim's kind says which extractor declared it.
        for claim in _analysis(shared_analyses, name, text, fmt, source).claims:
            emitted.add(claim.kind)
            where = f"{name}: {claim.kind} {claim.span.text!r}"
            if claim.kind not in kinds:
                problems.append(f"{where}: no extractor declares this kind")
                continue
            declared = kinds[claim.kind].fields
            if set(claim.values) != set(declared):
                missing, extra = set(declared) - set(claim.values), set(claim.values) - set(declared)
                problems.append(f"{where}: missing {sorted(missing)}, undeclared {sorted(extra)}")
            for field, value in claim.values.items():
                expected = PYTHON_TYPES.get(declared.get(field, ""), object)
                if value is not None and not _has_type(value, expected):
                    problems.append(f"{where}: {field}={value!r} is not {declared[field]}")
    assert problems == []
    # The texts reach every kind, so no kind goes unchecked.
    assert emitted == set(kinds)


def _has_type(value: object, expected: type) -> bool:
    if expected is float:
        # A count is a number too, but a bool is not.
        return isinstance(value, int | float) and not isinstance(value, bool)
    if expected is tuple:
        return isinstance(value, tuple) and all(isinstance(item, str) for item in value)
    return isinstance(value, expected)


@pytest.mark.parametrize("kind", sorted(claim_kinds()))
def test_every_kind_declares_only_known_field_types(kind: str) -> None:
    assert set(claim_kinds()[kind].fields.values()) <= FIELD_TYPES
