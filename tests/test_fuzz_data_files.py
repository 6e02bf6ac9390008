"""Fuzzing config files and rule files: a bad one is a DataFileError naming the file (and a line
inside it when one is given), never another exception; a good one loads as it always does.

Config files are written as TOML and YAML from settings whose values are drawn from
every JSON type; rule files are the shipped rules with keys dropped, retyped or added;
both also as plain noise.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from factcheck.config import CONFIG_SCHEMA, Settings, load_settings
from factcheck.datafiles import DataFileError
from factcheck.pipeline import rules_for
from factcheck.rules.loading import Rule, load_rules
from fuzzing import ROOT, budget, markup_text

_FOLDER: list[Path] = []


@pytest.fixture(autouse=True, scope="module")
def scratch_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    _FOLDER[:] = [tmp_path_factory.mktemp("fuzz-data")]


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**40), 2**40),
    st.floats(allow_nan=False, allow_infinity=False),
    markup_text,
    st.sampled_from(["LOC001", "LOC", "NAM001", "XYZ999", "error", "warning", "*.md", "rules", ""]),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(min_size=1, max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
config_keys = st.sampled_from([*CONFIG_SCHEMA["properties"], "unknown-key"])


def toml_value(value: Any) -> str | None:
    """TOML for a value, or None for what TOML cannot say (null)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else None
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        items = [toml_value(item) for item in value]
        return None if None in items else "[" + ", ".join(str(i) for i in items) + "]"
    pairs = [(json.dumps(k), toml_value(v)) for k, v in value.items()]
    if any(v is None for _, v in pairs):
        return None
    return "{" + ", ".join(f"{k} = {v}" for k, v in pairs) + "}"


def lines_in(path: Path) -> int:
    return path.read_bytes().count(b"\n") + 1


def assert_points_inside(error: DataFileError, path: Path) -> None:
    assert error.path == str(path)
    assert error.detail
    assert error.line is None or 1 <= error.line <= lines_in(path)


def load_config(path: Path) -> Settings | None:
    try:
        settings = load_settings(path)
        # Rule ids the config names are checked against the rules when they load.
        rules_for(settings)
    except DataFileError as error:
        assert_points_inside(error, path)
        return None
    return settings


@given(st.dictionaries(config_keys, values, max_size=5))
@budget(1.0)
def test_a_toml_config_loads_or_says_where_it_is_wrong(config: dict[str, Any]) -> None:
    written = {key: toml_value(value) for key, value in config.items()}
    path = _FOLDER[0] / ".factcheck.toml"
    path.write_text("".join(f"{json.dumps(k)} = {v}\n" for k, v in written.items() if v is not None))
    load_config(path)


@given(st.dictionaries(config_keys, values, max_size=5))
@budget(1.0)
def test_a_yaml_config_loads_or_says_where_it_is_wrong(config: dict[str, Any]) -> None:
    path = _FOLDER[0] / ".factcheck.yaml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    load_config(path)


@given(
    st.binary(max_size=120) | markup_text.map(str.encode),
    st.sampled_from([".factcheck.toml", ".factcheck.yaml"]),
)
@budget(1.0)
def test_a_config_of_noise_is_a_data_file_error(data: bytes, name: str) -> None:
    path = _FOLDER[0] / name
    path.write_bytes(data)
    load_config(path)


SHIPPED = sorted(p for p in (ROOT / "rules").glob("*.yaml") if not p.stem.endswith(".test"))


@st.composite
def rule_data(draw: st.DrawFn) -> dict[str, Any]:
    """A shipped rule with a few keys dropped, retyped or added (nested keys too)."""
    data: dict[str, Any] = yaml.safe_load(draw(st.sampled_from(SHIPPED)).read_text(encoding="utf-8"))
    for _ in range(draw(st.integers(0, 3))):
        target = data
        for key in draw(st.sampled_from([(), ("select",), ("conflict",), ("conflict", "options")])):
            if not isinstance(target.get(key), dict):
                break
            target = target[key]
        action = draw(st.sampled_from(["drop", "retype", "add"]))
        if action == "drop" and target:
            target.pop(draw(st.sampled_from(sorted(target))))
        elif action == "retype" and target:
            target[draw(st.sampled_from(sorted(target)))] = draw(values)
        else:
            target[draw(st.text(min_size=1, max_size=8))] = draw(values)
    return data


def load_one(path: Path) -> list[Rule] | None:
    try:
        return load_rules([path.parent])
    except DataFileError as error:
        assert_points_inside(error, path)
        return None


@given(rule_data())
@budget(1.0)
def test_a_rule_file_loads_or_says_where_it_is_wrong(data: dict[str, Any]) -> None:
    path = _rule_folder() / "XYZ001-fuzzed.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    loaded = load_one(path)
    if loaded is not None:
        (rule,) = loaded
        assert rule.id == data["id"]
        assert load_one(path) == loaded  # the same file, the same rule


@given(st.binary(max_size=160) | markup_text.map(str.encode))
@budget(1.0)
def test_a_rule_file_of_noise_is_a_data_file_error(data: bytes) -> None:
    path = _rule_folder() / "XYZ001-noise.yaml"
    path.write_bytes(data)
    load_one(path)


def _rule_folder() -> Path:
    folder = _FOLDER[0] / "rules"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    return folder
