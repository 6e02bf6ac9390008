"""The curated gazetteer: places, their names, demonyms, metonyms and containment.

Shipped as data (``data/gazetteer.yaml``) and extendable per newsroom from the
configuration. Containment is a directed graph (parent -> child) so that
"Vladivostok" is known to lie in Russia's Far East, and that in Russia.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import networkx as nx

from factcheck.datafiles import DataFileError, line_of, load_yaml, strip_lines, validate

COUNTRY = "country"


def normalise_name(name: str) -> str:
    """Fold the variants a name is written in: accents, curly quotes, case, dots, hyphens.

    >>> normalise_name("José  Mourinho") == normalise_name("jose mourinho")
    True
    """
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = plain.replace("’", "'").replace("‘", "'").replace("-", " ").replace(".", "")
    return " ".join(folded.casefold().split())


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    type: str
    parents: tuple[str, ...]


@dataclass(slots=True)
class Gazetteer:
    places: dict[str, Place] = field(default_factory=dict)
    #: Surface names as written (case kept), each with the ids it may name.
    names: dict[str, set[str]] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    metonyms: dict[str, str] = field(default_factory=dict)
    #: country id -> the place id of its capital, for "the Rwandan capital".
    capitals: dict[str, str] = field(default_factory=dict)
    containment: nx.DiGraph = field(default_factory=nx.DiGraph)
    fingerprint: str = ""
    _normalised: dict[str, set[str]] = field(default_factory=dict)
    _ancestors: dict[str, frozenset[str]] = field(default_factory=dict)

    def add_entries(self, data: Mapping[str, Any]) -> None:
        for country in data.get("countries", []):
            self._add_place(country["id"], country["name"], COUNTRY, country.get("in", []))
            for alias in country.get("aliases", []):
                self._add_name(alias, country["id"])
            for demonym in country.get("demonyms", []):
                self.demonyms[demonym] = country["id"]
            for metonym in [*country.get("metonyms", []), *_listed(country.get("capital"))]:
                self.metonyms[metonym] = country["id"]
        for place in data.get("places", []):
            self._add_place(place["id"], place["name"], place["type"], place.get("in", []))
            for alias in place.get("aliases", []):
                self._add_name(alias, place["id"])
        # Capitals are places too, even when the data lists only the country.
        for country in data.get("countries", []):
            capital = country.get("capital")
            if capital and not self.lookup(capital):
                capital_id = f"{country['id']}__capital"
                self._add_place(capital_id, capital, "city", [country["id"]])
            inside = sorted(p for p in self.lookup(capital or "") if country["id"] in self.ancestors(p))
            if inside:
                self.capitals[country["id"]] = inside[0]
        self._ancestors.clear()
        digest = hashlib.sha256(self.fingerprint.encode())
        digest.update(json.dumps(data, sort_keys=True, default=str).encode())
        self.fingerprint = digest.hexdigest()[:16]

    def _add_place(self, place_id: str, name: str, kind: str, parents: Iterable[str]) -> None:
        self.places[place_id] = Place(place_id, name, kind, tuple(parents))
        self.containment.add_node(place_id)
        for parent in parents:
            self.containment.add_edge(parent, place_id)
        self._add_name(name, place_id)

    def _add_name(self, name: str, place_id: str) -> None:
        self.names.setdefault(name, set()).add(place_id)
        self._normalised.setdefault(normalise_name(name), set()).add(place_id)

    def lookup(self, name: str) -> set[str]:
        """Ids a surface name may refer to (empty when unknown, several when ambiguous)."""
        found = self._normalised.get(normalise_name(name))
        if found:
            return found
        if name.lower().startswith("the "):
            return self._normalised.get(normalise_name(name[4:]), set())
        return set()

    def ancestors(self, place_id: str) -> frozenset[str]:
        """Every place that contains ``place_id`` (not including itself)."""
        cached = self._ancestors.get(place_id)
        if cached is None:
            if place_id in self.containment:
                cached = frozenset(nx.ancestors(self.containment, place_id))
            else:
                cached = frozenset()
            self._ancestors[place_id] = cached
        return cached

    def is_country(self, place_id: str) -> bool:
        place = self.places.get(place_id)
        return place is not None and place.type == COUNTRY


def _listed(value: str | None) -> list[str]:
    return [value] if value else []


def check_references(data: Mapping[str, Any], raw: Any, path: str, known: Iterable[str] = ()) -> None:
    """Every id is unique and every ``in`` names an id defined here or in ``known``."""
    seen: set[str] = set()
    for section in ("countries", "places"):
        for index, entry in enumerate(data.get(section, [])):
            if entry["id"] in seen:
                line = line_of(raw, (section, index, "id"))
                raise DataFileError(path, line, f"duplicate id {entry['id']!r}")
            seen.add(entry["id"])
    known_ids = set(known)
    for section in ("countries", "places"):
        for index, entry in enumerate(data.get(section, [])):
            for parent in entry.get("in", []):
                if parent not in seen and parent not in known_ids:
                    line = line_of(raw, (section, index, "in"))
                    raise DataFileError(
                        path,
                        line,
                        f"{entry['id']!r} is in unknown place {parent!r}; "
                        "expected the id of a country or place defined in the gazetteer",
                    )


def parse_gazetteer_data(raw: Any, path: str, known: Iterable[str] = ()) -> dict[str, Any]:
    validate(raw, "gazetteer.schema.json", path)
    data: dict[str, Any] = strip_lines(raw)
    check_references(data, raw, path, known)
    return data


@cache
def _builtin_data() -> dict[str, Any]:
    resource = resources.files("factcheck.data").joinpath("gazetteer.yaml")
    text = resource.read_text(encoding="utf-8")
    return parse_gazetteer_data(load_yaml("gazetteer.yaml", text), str(resource))


def load_gazetteer(extra: Iterable[tuple[str, Any]] = ()) -> Gazetteer:
    """The shipped gazetteer, extended by ``(path, raw data)`` pairs from configuration."""
    gazetteer = Gazetteer()
    gazetteer.add_entries(_builtin_data())
    for path, raw in extra:
        gazetteer.add_entries(parse_gazetteer_data(raw, path, gazetteer.places))
    return gazetteer
