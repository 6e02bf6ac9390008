"""The word lists in ``data/<name>.yaml``, each validated by ``schemas/<name>.schema.json`` once.

The shared lexicon (``data/lexicon.yaml``) holds the words several stages use;
lists that are long, or that only one family of claims uses (units, offices,
calendar words), live in a file of their own. One loader reads them all.
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


def lexicon() -> dict[str, Any]:
    """The shared lexicon, ``data/lexicon.yaml``."""
    return data_file("lexicon")


@cache
def words(section: str, key: str) -> frozenset[str]:
    """A word list of the shared lexicon as a set, e.g. ``words("travel", "nouns")``."""
    return word_set("lexicon", section, key)


@cache
def word_map(section: str, key: str) -> dict[str, Any]:
    value: dict[str, Any] = lexicon()[section][key]
    return value
