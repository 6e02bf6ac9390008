"""The extractors' word lists, loaded from ``data/lexicon.yaml`` and validated once."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from factcheck.datafiles import load_yaml, strip_lines, validate


@cache
def lexicon() -> dict[str, Any]:
    resource = resources.files("factcheck.data").joinpath("lexicon.yaml")
    raw = load_yaml(str(resource), resource.read_text(encoding="utf-8"))
    validate(raw, "lexicon.schema.json", str(resource))
    data: dict[str, Any] = strip_lines(raw)
    return data


@cache
def words(section: str, key: str) -> frozenset[str]:
    """A word list as a set, e.g. ``words("events", "nouns")``."""
    return frozenset(lexicon()[section][key])


@cache
def word_map(section: str, key: str) -> dict[str, Any]:
    value: dict[str, Any] = lexicon()[section][key]
    return value
