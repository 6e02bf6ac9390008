"""Every operator's options are checked when rules load: a typo is a file:line error, never a silent no-op.

For each operator, one of the shipped rules that uses it is copied into a folder
of its own (as a newsroom would start a rule) and broken in one place; ``rules
validate`` must reject it with exit 2 and the exact line and problem.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.claims.extractors import claim_kinds
from factcheck.claims.model import COMMON_FIELDS
from factcheck.cli import app
from factcheck.rules.operators import OPERATORS, operators

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()

#: operator -> (a shipped rule using it, a line of it, that line with the option's
#: name misspelled, that line with the field it names misspelled).
TYPOS: dict[str, tuple[str, str, str, str]] = {
    "already_there": (
        "TRV002-travel-to-current-location",
        "person: traveller",
        "persn: traveller",
        "person: travelr",
    ),
    "calendar_weekday": (
        "DAT001-weekday-date-mismatch",
        "weekday: weekday",
        "wekday: weekday",
        "weekday: wekday",
    ),
    "different_days": (
        "DAT002-occasion-on-two-days",
        "parts: [weekday, month_day, year, offset]",
        "part: [weekday, month_day, year, offset]",
        "parts: [weekday, month_day, yaer, offset]",
    ),
    "disjoint_amounts": ("NUM001-amount-given-two-ways", "low: low", "lwo: low", "low: lowe"),
    "disjoint_places": (
        "LOC002-event-in-two-cities",
        "later_bare: bare",
        "later_bar: bare",
        "later_bare: bear",
    ),
    "each": ("ENC001-mojibake-repaired", "operator: each", "operator: each\n  options: {evry: true}", ""),
    "exclusive_offices": ("ROL002-exclusive-offices", "rank: rank", "rnak: rank", "rank: rnak"),
    "home_country": ("TRV001-trip-abroad-to-own-country", "cue: cue", "que: cue", "cue: que"),
    "different_values": (
        "OUT001-outcome-reversed",
        "apart: [opponent, time]",
        "aprt: [opponent, time]",
        "apart: [opponent, tiem]",
    ),
    "opposite_polarity": (
        "NEG001-action-asserted-and-denied",
        "agent: subject",
        "agnet: subject",
        "agent: subjct",
    ),
    "quoted_with": (
        "DAT003-past-event-after-article-date",
        "field: article_date",
        "field: article_date\n  options: {with: article_date}",
        "field: article_dat",
    ),
    "exclusive_values": (
        "ROL003-story-role-swapped",
        "exclusive: [[plaintiff, defendant]",
        "exclusiv: [[plaintiff, defendant]",
        "field: role",
    ),
    "reversed_direction": (
        "TRF001-transfer-reversed",
        "head: thing_head",
        "haed: thing_head",
        "head: thing_haed",
    ),
    "spelling_variant": ("NAM001-name-spelled-two-ways", "max_edits: 2", "max_edit: 2", "field: normalised"),
    "swapped_roles": (
        "REL001-one-way-action-reversed",
        "vague_time: vague_time",
        "vauge_time: vague_time",
        "vague_time: vauge_time",
    ),
    "unless_already_quoted": (
        "CMP001-unsupported-name",
        "sides: [words, closest]",
        "side: [words, closest]",
        "sides: [words, closets]",
    ),
    "unused_suppression": (
        "SUP001-unused-suppression",
        "scope_end: scope_end",
        "scope_ed: scope_end",
        "scope_end: scope_ed",
    ),
}
# spelling_variant and exclusive_values name no claim field in their options; their field
# typo is in conflict.field.
FIELD_TYPOS = {"spelling_variant": "field: normalisd", "exclusive_values": "field: rol"}


def test_every_operator_is_covered() -> None:
    assert sorted(TYPOS) == sorted(operators())


def _copy(tmp_path: Path, stem: str, old: str, new: str) -> tuple[Path, int]:
    """The shipped rule as TST001 with ``old`` replaced by ``new``, and the line of the change."""
    text = (ROOT / "rules" / f"{stem}.yaml").read_text(encoding="utf-8")
    assert old in text
    text = text.replace(text.split("\n", 1)[0], "id: TST001", 1).replace(old, new, 1)
    folder = tmp_path / "newsroom-rules"
    folder.mkdir()
    path = folder / "TST001-copy.yaml"
    path.write_text(text, encoding="utf-8")
    if not new:
        return path, 0
    changed = next(i for i, line in enumerate(text.splitlines(), start=1) if new.splitlines()[-1] in line)
    return path, changed


def _validate(path: Path) -> tuple[int, str]:
    result = runner.invoke(app, ["rules", "validate", str(path.parent)])
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout.splitlines()[0]


def _fields(stem: str) -> str:
    text = (ROOT / "rules" / f"{stem}.yaml").read_text(encoding="utf-8")
    kind = text.split("  kind: ", 1)[1].split("\n", 1)[0]
    return ", ".join(sorted({**claim_kinds()[kind].fields, **COMMON_FIELDS}))


@pytest.mark.parametrize("name", sorted(TYPOS))
def test_a_misspelled_option_name_is_rejected(name: str, tmp_path: Path) -> None:
    stem, old, misspelled, _ = TYPOS[name]
    path, line = _copy(tmp_path, stem, old, misspelled)
    wrong = misspelled.splitlines()[-1].replace("options: {", "").split(":")[0].strip()
    declared = sorted(f.name for f in dataclasses.fields(operators()[name].options_type))
    expected = f"expected one of: {', '.join(declared)}" if declared else "it takes none"
    assert _validate(path) == (
        2,
        f"{path}:{line}: bad options for operator {name!r}: unknown option {wrong!r}; {expected}",
    )


@pytest.mark.parametrize("name", sorted(TYPOS))
def test_a_misspelled_field_name_is_rejected(name: str, tmp_path: Path) -> None:
    stem, old, _, misspelled = TYPOS[name]
    if name == "each":
        # It reads no field at all: naming one is the mistake.
        path, line = _copy(tmp_path, stem, old, "operator: each\n  field: original")
        assert _validate(path) == (2, f"{path}:{line}: operator 'each' takes no field")
        return
    if name in FIELD_TYPOS:
        old, misspelled = misspelled, FIELD_TYPOS[name]
    path, line = _copy(tmp_path, stem, old, misspelled)
    key, value = (part.strip() for part in misspelled.split(":", 1))
    wrong = next(word for word in value.strip("[]").split(", ") if word not in _fields(stem).split(", "))
    if key == "field":
        problem = f"unknown field {wrong!r}; expected one of: {_fields(stem)}"
    else:
        problem = f"option {key!r} names unknown field {wrong!r}; expected one of: {_fields(stem)}"
    assert _validate(path) == (2, f"{path}:{line}: {problem}")


@pytest.mark.parametrize(
    ("stem", "old", "new", "problem"),
    [
        (
            "NUM001-amount-given-two-ways",
            "low: low",
            "low: unit",
            "option 'low' names field 'unit', which is of type text in quantity; "
            "expected a field of type number",
        ),
        (
            "NUM001-amount-given-two-ways",
            "    low: low\n",
            "",
            "bad options for operator 'disjoint_amounts': 'low' is a required property",
        ),
        (
            "NEG001-action-asserted-and-denied",
            "terms: object_terms",
            "terms: object_scope",
            "option 'terms' names field 'object_scope', which is of type text in action; "
            "expected a field of type texts",
        ),
        (
            "NAM001-name-spelled-two-ways",
            "max_edits: 2",
            "max_edits: two",
            "bad options for operator 'spelling_variant': 'two' is not of type 'integer'",
        ),
        (
            "NAM001-name-spelled-two-ways",
            "max_edits: 2",
            "max_edits: 9",
            "bad options for operator 'spelling_variant': 9 is greater than the maximum of 4",
        ),
        (
            "NAM002-surname-spelled-two-ways",
            "surnames: true",
            "surnames: 1",
            "bad options for operator 'spelling_variant': 1 is not of type 'boolean'",
        ),
        (
            "REL001-one-way-action-reversed",
            "verbs: [host,",
            "verbs: [Host,",
            "bad options for operator 'swapped_roles': 'Host' does not match '^[a-z]+$'",
        ),
        (
            "CMP004-negation-flipped",
            "sides: [statement, source_statement]",
            "sides: [change, source_statement]",
            "option 'sides' names field 'change', which is of type text in flipped_statement; "
            "expected a field of type mention",
        ),
        (
            "CMP004-negation-flipped",
            "sides: [statement, source_statement]",
            "sides: []",
            "bad options for operator 'unless_already_quoted': [] should have at least 1 item(s)",
        ),
        (
            "ROL002-exclusive-offices",
            "exclusive: [[top, top], [top, portfolio], [top, opposition]]",
            "exclusive: [[top, top], [top], [top, opposition]]",
            "bad options for operator 'exclusive_offices': ['top'] should have 2 items",
        ),
    ],
)
def test_an_option_of_the_wrong_kind_is_rejected(
    stem: str, old: str, new: str, problem: str, tmp_path: Path
) -> None:
    path, line = _copy(tmp_path, stem, old, new)
    if not new:
        line = next(
            i for i, text in enumerate(path.read_text().splitlines(), 1) if text.strip() == "options:"
        )
    assert _validate(path) == (2, f"{path}:{line}: {problem}")


def test_every_operator_module_declares_its_options_as_a_frozen_dataclass() -> None:
    for entry in OPERATORS:
        assert dataclasses.is_dataclass(entry.options_type), entry.name
        assert entry.options_type.__dataclass_params__.frozen, entry.name  # type: ignore[attr-defined]
