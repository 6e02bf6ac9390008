"""The extractors' own data files: ``data/<name>.yaml``, validated by ``schemas/<name>.schema.json``.

Word lists that are long, or that only one family of claims uses (units, offices,
calendar words), live in a file of their own rather than in the shared lexicon.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from factcheck.datafiles import load_yaml, strip_lines, validate


@cache
def data_file(name: str) -> dict[str, Any]:
    """The validated contents of ``data/<name>.yaml``; loaded once per process."""
    resource = resources.files("factcheck.data").joinpath(f"{name}.yaml")
    raw = load_yaml(str(resource), resource.read_text(encoding="utf-8"))
    validate(raw, f"{name}.schema.json", str(resource))
    data: dict[str, Any] = strip_lines(raw)
    return data


@cache
def word_set(name: str, *keys: str) -> frozenset[str]:
    """A word list of a data file as a set: ``word_set("calendar", "scheduling_verbs")``."""
    value: Any = data_file(name)
    for key in keys:
        value = value[key]
    return frozenset(value)
