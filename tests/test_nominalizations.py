"""The shipped nominalizations: valid, and what tools/nominalizations.py makes of the shipped WordNet."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema

ROOT = Path(__file__).resolve().parents[1]


def _shipped() -> str:
    return resources.files("factcheck.data").joinpath("nominalizations.json").read_text(encoding="utf-8")


def test_the_shipped_file_meets_its_schema() -> None:
    schema_file = ROOT / "src/factcheck/schemas/nominalizations.schema.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(_shipped()), schema)


def test_the_shipped_file_is_what_the_tool_generates() -> None:
    made = subprocess.run(
        [sys.executable, str(ROOT / "tools/nominalizations.py")], capture_output=True, text=True, check=True
    )
    assert made.stdout == _shipped()


def test_action_nouns_name_their_verbs_and_other_nouns_none() -> None:
    nouns = json.loads(_shipped())["nouns"]
    assert {word: nouns.get(word) for word in ("closure", "cancellation", "approval", "destruction")} == {
        "closure": "close",
        "cancellation": "cancel",
        "approval": "approve",
        "destruction": "destroy",
    }
    # A body, a thing, a statement: not acts, whatever verb they are related to.
    assert [nouns.get(word) for word in ("government", "building", "statement", "bus")] == [None] * 4
