"""The ClaimGraph stage: entities and events as nodes, claims as edges.

One networkx MultiDiGraph per article. Each claim is an edge keyed by its claim id
between the two entities it relates (a traveller and a destination, a giver and
a receiver, an event and a place). Context the rules need is in the graph too:
place containment (from the gazetteer and from the text), nationality read from
titles, and who took part in which event. Every edge carries its provenance.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

import networkx as nx
from spacy.tokens import Doc

from factcheck.claims.model import Claim
from factcheck.nlp.entities import EntityIndex, Mention
from factcheck.reading.document import Document

#: For each claim kind, the fields whose values are the edge's two ends, and
#: the node type each end is (place, person, party, event, name, text).
CLAIM_EDGES: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "event_location": (("event", "event"), ("place", "place")),
    "travel": (("traveller", "person"), ("destination", "place")),
    "transfer": (("giver_side", "party"), ("receiver_side", "party")),
    "presence": (("person", "person"), ("place", "place")),
    "person_name": (("normalised", "person"), ("name", "name")),
    "weekday_date": (("date", "text"), ("weekday", "text")),
    "occasion_day": (("occasion", "event"), ("day", "text")),
    "dated_action": (("verb", "text"), ("day", "text")),
    "quantity": (("occasion", "event"), ("amount", "text")),
    "role": (("person", "person"), ("office", "text")),
    "action": (("subject", "party"), ("object", "party")),
    "story_role": (("party", "party"), ("event", "event")),
}


@dataclass(frozen=True, slots=True)
class Analysis:
    """One article through the claims stage: its parse, claims and claim graph."""

    document: Document
    doc: Doc
    claims: list[Claim]
    graph: ClaimGraph


def _node_id(node_type: str, value: object) -> str:
    if isinstance(value, Mention):
        value = value.id or value.text
    return f"{node_type}:{value}"


@dataclass(slots=True)
class ClaimGraph:
    graph: nx.MultiDiGraph
    claims: list[Claim]
    entities: EntityIndex
    #: ``presences`` of every person, built on first use (the claims never change).
    _presences: dict[str, list[tuple[Mention, Claim]]] | None = field(default=None, repr=False, compare=False)

    # -- questions the operators ask ----------------------------------------

    def nationality(self, person: str) -> tuple[str, Mention] | None:
        found = self.entities.nationality.get(person)
        return (found.country, found.evidence) if found else None

    def contains(self, outer: str, inner: str) -> bool:
        return self.entities.contains(outer, inner)

    def countries_of(self, place: str) -> frozenset[str]:
        return self.entities.countries_of(place)

    def is_country(self, place: str) -> bool:
        return self.entities.gazetteer.is_country(place)

    def is_point(self, place: str) -> bool:
        """A city or facility the gazetteer knows: somewhere an event can be held."""
        known = self.entities.gazetteer.places.get(place)
        return known is not None and known.type in {"city", "facility"}

    def place_name(self, place: str) -> str:
        known = self.entities.gazetteer.places.get(place)
        return known.name if known else place.removeprefix("text:")

    def presences(self, person: str) -> Iterator[tuple[Mention, Claim]]:
        """Places a person is said to be at: presence claims, and located events they attend.

        Presence claims come first, then the events' places, each in claim order.
        """
        if self._presences is None:
            self._presences = self._index_presences()
        yield from self._presences.get(person, ())

    def _index_presences(self) -> dict[str, list[tuple[Mention, Claim]]]:
        # One pass over the claims for every person, not one per question: a rule
        # asks about the traveller of each travel claim.
        stated: dict[str, list[tuple[Mention, Claim]]] = {}
        attended: dict[str, set[object]] = {}
        located: dict[object, list[tuple[int, Mention, Claim]]] = {}
        for index, claim in enumerate(self.claims):
            place = claim.get("place")
            if claim.kind == "presence":
                person = _mention_id(claim.get("person"))
                if person is not None and isinstance(place, Mention):
                    stated.setdefault(person, []).append((place, claim))
            elif claim.kind == "travel" and claim.get("arrived"):
                # A person's arrival is a presence claim already; a group's or a vehicle's
                # ("the mission landed in Hanoi") is stated here only.
                traveller = _mention_id(claim.get("traveller"))
                destination = claim.get("destination")
                if traveller is not None and ":" in traveller and isinstance(destination, Mention):
                    stated.setdefault(traveller, []).append((destination, claim))
            elif claim.kind == "event_location":
                participants = claim.get("participants")
                if isinstance(participants, tuple):
                    for person in participants:
                        attended.setdefault(person, set()).add(claim.get("event"))
                if isinstance(place, Mention):
                    located.setdefault(claim.get("event"), []).append((index, place, claim))
        found: dict[str, list[tuple[Mention, Claim]]] = {}
        for person in stated.keys() | attended.keys():
            at_events = sorted(
                (item for event in attended.get(person, ()) for item in located.get(event, ())),
                key=lambda item: item[0],
            )
            found[person] = stated.get(person, []) + [(place, claim) for _, place, claim in at_events]
        return found

    # -- export ---------------------------------------------------------------

    def to_json(self) -> str:
        data = {
            "directed": True,
            "multigraph": True,
            "nodes": [{"id": node, **_plain(attrs)} for node, attrs in sorted(self.graph.nodes(data=True))],
            "edges": [
                {"source": u, "target": v, "key": k, **_plain(attrs)}
                for u, v, k, attrs in sorted(
                    self.graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2]))
                )
            ],
        }
        return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"

    def to_graphml(self) -> str:
        plain = nx.MultiDiGraph()
        for node, attrs in sorted(self.graph.nodes(data=True)):
            plain.add_node(node, **{k: _scalar(v) for k, v in sorted(_plain(attrs).items())})
        for u, v, k, attrs in sorted(
            self.graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2]))
        ):
            plain.add_edge(u, v, key=k, **{a: _scalar(b) for a, b in sorted(_plain(attrs).items())})
        return "\n".join(nx.generate_graphml(plain, prettyprint=True)) + "\n"

    def to_dot(self) -> str:
        lines = ["digraph claims {", "  rankdir=LR;", "  node [shape=box, fontname=Helvetica];"]
        for node, attrs in sorted(self.graph.nodes(data=True)):
            label = f"{attrs.get('type', '')}\\n{attrs.get('label', node)}"
            lines.append(f"  {_dot_id(node)} [label={_dot_str(label)}];")
        for u, v, _, attrs in sorted(
            self.graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2]))
        ):
            lines.append(f"  {_dot_id(u)} -> {_dot_id(v)} [label={_dot_str(str(attrs.get('kind')))}];")
        lines.append("}")
        return "\n".join(lines) + "\n"


def _mention_id(value: object) -> str | None:
    return value.id if isinstance(value, Mention) else None


def _plain(attrs: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in attrs.items() if k != "claim"}


def _scalar(value: object) -> str | int | float | bool:
    if isinstance(value, str | int | float | bool):
        return value
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _dot_id(node: str) -> str:
    return _dot_str(node)


def _dot_str(text: str) -> str:
    return '"' + escape(text).replace('"', '\\"') + '"'


def _provenance(document: Document, found: Mention) -> dict[str, object]:
    evidence = document.evidence(found.start, found.end)
    return {
        "start": evidence.start,
        "end": evidence.end,
        "line": evidence.line,
        "column": evidence.column,
        "text": evidence.text,
    }


def build_graph(document: Document, entities: EntityIndex, claims: Iterable[Claim]) -> ClaimGraph:
    graph = nx.MultiDiGraph()
    claim_list = list(claims)

    def add_node(node_type: str, value: object, label: str) -> str:
        node = _node_id(node_type, value)
        if node not in graph:
            graph.add_node(node, type=node_type, label=label)
        return node

    for claim in claim_list:
        ends = CLAIM_EDGES.get(claim.kind)
        if ends is None:
            continue
        (source_field, source_type), (target_field, target_type) = ends
        source_value, target_value = claim.get(source_field), claim.get(target_field)
        if source_value is None or target_value is None:
            continue
        source = add_node(_end_type(source_type, source_value), source_value, _label(source_value))
        target = add_node(target_type, target_value, _label(target_value))
        graph.add_edge(
            source,
            target,
            key=claim.claim_id,
            kind=claim.kind,
            claim=claim,
            provenance=_provenance(document, claim.span),
            attributed_to=claim.attributed_to,
            polarity=claim.polarity,
        )
    gazetteer = entities.gazetteer
    places = [n.removeprefix("place:") for n in graph if n.startswith("place:")]
    for place in sorted(places):
        for ancestor in sorted(entities.ancestors(place)):
            outer = add_node(
                "place",
                ancestor,
                gazetteer.places[ancestor].name if ancestor in gazetteer.places else ancestor,
            )
            source = "text" if (ancestor, place) in entities.text_containment else "gazetteer"
            graph.add_edge(
                outer,
                f"place:{place}",
                key=f"contains:{ancestor}>{place}",
                kind="contains",
                provenance={"source": source},
            )
    for person, nationality in sorted(entities.nationality.items()):
        node = _node_id("person", person)
        if node in graph:
            country = add_node("place", nationality.country, gazetteer.places[nationality.country].name)
            graph.add_edge(
                node,
                country,
                key=f"national_of:{person}",
                kind="national_of",
                provenance=_provenance(document, nationality.evidence),
            )
    return ClaimGraph(graph, claim_list, entities)


def _end_type(declared: str, value: object) -> str:
    """A traveller is a person unless the claim names a party ("thing:bus", "org:acme")."""
    if declared == "person" and isinstance(value, Mention) and ":" in value.id:
        return "party"
    return declared


def _label(value: object) -> str:
    if isinstance(value, Mention):
        return value.text
    return str(value)
