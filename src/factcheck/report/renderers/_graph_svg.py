"""The claim graph around a document's findings, drawn as inline SVG for the HTML report.

Only what the findings rest on is drawn: the claims a finding quotes (an edge of
the rule's claim kind, or a presence, event place or nationality, whose passage is
exactly one of its sides) in the finding's colour, and, dashed in the same colour,
the containment that places each of their places in its country ("Russia" contains
"Russia's Far East"), which is what a location finding compares. Other claims that
merely share words with a side are left out. Entities are named as the article
names them, never by internal ids.
Layout is layered left to right (Sugiyama style, no floats), so the same
report gives the same bytes.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from factcheck.claims.graph import CLAIM_EDGES, ClaimGraph
from factcheck.nlp.entities import Mention
from factcheck.reading.document import Evidence
from factcheck.rules.findings import SEVERITY_RANK

#: Beyond this many entities a drawing stops being readable; the rest is left out.
MAX_NODES = 40
#: Wider drawings wrap their separate parts onto further rows.
MAX_WIDTH = 1200
COLUMN_WIDTH = 270
NODE_WIDTH = 180
NODE_HEIGHT = 40
ROW_HEIGHT = 62
COMPONENT_GAP = 24
MARGIN = 14
LABEL_CHARACTERS = 21
TYPE_ORDER = {"event": 0, "person": 1, "party": 2, "place": 3, "name": 4}
#: Claims a finding may rest on whatever its rule's own kind: where people are, where
#: events are held, whose national someone is (the location and travel operators read them).
CONTEXT_KINDS = frozenset({"presence", "event_location", "national_of"})
#: An internal occurrence number: "meeting#1".
_OCCURRENCE = re.compile(r"#\d+$")


@dataclass(frozen=True, slots=True)
class FindingSides:
    """What the drawing needs of one finding: its anchor id, severity and sides."""

    anchor: str
    label: str
    severity: str
    evidence: tuple[Evidence, ...]
    #: The claim kind its rule selects (None: any kind).
    kind: str | None = None


@dataclass(slots=True)
class DrawnEdge:
    """All claims from one entity to another, drawn as one arrow."""

    source: str
    target: str
    #: claim kind -> how many claims of it the arrow stands for
    kinds: dict[str, int]
    quotes: list[str]
    findings: list[FindingSides]
    #: Containment a finding rests on (country -> place), drawn dashed.
    reason: bool = False

    @property
    def severity(self) -> str | None:
        if not self.findings:
            return None
        return max((f.severity for f in self.findings), key=lambda s: SEVERITY_RANK[s])

    @property
    def label(self) -> str:
        return ", ".join(
            kind.replace("_", " ") + (f" ×{count}" if count > 1 else "")
            for kind, count in sorted(self.kinds.items())
        )


def _uses(finding: FindingSides, kind: str, start: int, end: int) -> bool:
    """Whether a claim edge is one the finding rests on: its passage is one of the sides."""
    if finding.kind is not None and kind != finding.kind and kind not in CONTEXT_KINDS:
        return False
    return any(start == side.start and end == side.end for side in finding.evidence)


def _edges_around(graph: ClaimGraph, findings: Sequence[FindingSides]) -> list[DrawnEdge]:
    """The claim edges the findings rest on, then the containment placing their places in countries."""
    merged: dict[tuple[str, str], DrawnEdge] = {}
    all_edges = sorted(graph.graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2])))
    for source, target, _key, attrs in all_edges:
        provenance = attrs.get("provenance") or {}
        start, end = provenance.get("start"), provenance.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or source == target:
            continue
        kind = str(attrs.get("kind", ""))
        users = [f for f in findings if _uses(f, kind, start, end)]
        if not users:
            continue
        edge = merged.setdefault((source, target), DrawnEdge(source, target, {}, [], []))
        edge.kinds[kind] = edge.kinds.get(kind, 0) + 1
        edge.quotes.append(str(provenance.get("text", "")))
        edge.findings.extend(f for f in users if f not in edge.findings)
    nodes = set(sorted({n for pair in merged for n in pair})[:MAX_NODES])
    reasons: dict[tuple[str, str], DrawnEdge] = {}
    for edge in list(merged.values()):
        for end_node in (edge.source, edge.target):
            place = end_node.removeprefix("place:")
            if _node_type(end_node) != "place" or end_node not in nodes or graph.is_country(place):
                continue
            for country in sorted(graph.countries_of(place)):
                outer = f"place:{country}"
                if (outer, end_node) in merged or outer not in graph.graph:
                    continue
                reason = reasons.setdefault(
                    (outer, end_node), DrawnEdge(outer, end_node, {"contains": 1}, [], [], reason=True)
                )
                reason.findings.extend(f for f in edge.findings if f not in reason.findings)
    if len(nodes | {e.source for e in reasons.values()}) <= MAX_NODES:
        merged.update(reasons)
        nodes |= {e.source for e in reasons.values()}
    return [e for _key, e in sorted(merged.items()) if e.source in nodes and e.target in nodes]


def _components(nodes: Iterable[str], edges: Sequence[DrawnEdge]) -> list[list[str]]:
    neighbours: dict[str, set[str]] = defaultdict(set)
    for edge in edges:
        neighbours[edge.source].add(edge.target)
        neighbours[edge.target].add(edge.source)
    seen: set[str] = set()
    components = []
    for node in sorted(nodes):
        if node in seen:
            continue
        stack, members = [node], []
        seen.add(node)
        while stack:
            current = stack.pop()
            members.append(current)
            for other in sorted(neighbours[current] - seen):
                seen.add(other)
                stack.append(other)
        components.append(sorted(members))
    # The largest first: the main story, then the small pairs packed beside it.
    return sorted(components, key=lambda c: (-len(c), c))


def _layers(members: list[str], edges: Sequence[DrawnEdge]) -> dict[str, int]:
    """Longest-path layering after turning back the edges that close a cycle."""
    member_set = set(members)
    successors: dict[str, set[str]] = defaultdict(set)
    for edge in edges:
        if edge.source in member_set and edge.target in member_set and edge.source != edge.target:
            successors[edge.source].add(edge.target)
    state: dict[str, int] = {}
    predecessors: dict[str, set[str]] = defaultdict(set)
    for root in sorted(members, key=_rank):
        if root in state:
            continue
        # Iterative depth-first search: an edge to a node still on the stack closes a
        # cycle and is left out of the layering (it is still drawn, pointing back).
        state[root] = 1
        stack = [(root, iter(sorted(successors[root])))]
        while stack:
            node, pending = stack[-1]
            following = next(pending, None)
            if following is None:
                state[node] = 2
                stack.pop()
                continue
            if state.get(following) == 1:
                continue
            predecessors[following].add(node)
            if following not in state:
                state[following] = 1
                stack.append((following, iter(sorted(successors[following]))))
    layer: dict[str, int] = {}
    remaining = sorted(members, key=_rank)
    while remaining:
        ready = [n for n in remaining if all(p in layer for p in predecessors[n])] or remaining[:1]
        for node in ready:
            layer[node] = 1 + max((layer[p] for p in predecessors[node]), default=-1)
        remaining = [n for n in remaining if n not in layer]
    return layer


def _rank(node: str) -> tuple[int, str]:
    return (TYPE_ORDER.get(_node_type(node), 9), node)


@dataclass(slots=True)
class Layout:
    """Top-left corner of every slot (entities and the bends of long edges), and each edge's route."""

    positions: dict[str, tuple[int, int]]
    routes: list[list[str]]
    width: int
    height: int


def _bend_id(number: int, layer: int) -> str:
    return f"~{number}~{layer}"


def _layout(nodes: Sequence[str], edges: Sequence[DrawnEdge]) -> Layout:
    """Columns by layer; an edge across several columns passes through a slot in each.

    Within a column, slots are ordered by the mean row of their neighbours, sweeping
    right then left a few times, which untangles most crossings in graphs this small.
    """
    positions: dict[str, tuple[int, int]] = {}
    routes: list[list[str]] = [[] for _ in edges]
    top = left = right = MARGIN
    shelf_height = 0
    for members in _components(nodes, edges):
        layer = _layers(members, edges)
        member_set = set(members)
        links: dict[str, list[str]] = defaultdict(list)
        for number, edge in enumerate(edges):
            if edge.source not in member_set:
                continue
            first, last = layer[edge.source], layer[edge.target]
            step = 1 if last > first else -1
            bends = [_bend_id(number, index) for index in range(first + step, last, step)]
            for index, bend in zip(range(first + step, last, step), bends, strict=True):
                layer[bend] = index
            route = [edge.source, *bends, edge.target]
            routes[number] = route
            for one, two in itertools.pairwise(route):
                links[one].append(two)
                links[two].append(one)
        count = max(layer.values()) + 1
        columns: list[list[str]] = [[] for _ in range(count)]
        for node in sorted(layer, key=lambda n: (n.startswith("~"), _rank(n))):
            columns[layer[node]].append(node)
        for sweep in range(4):
            indices = range(1, count) if sweep % 2 == 0 else range(count - 2, -1, -1)
            for index in indices:
                neighbour_column = columns[index - 1] if sweep % 2 == 0 else columns[index + 1]
                row_of = {n: i for i, n in enumerate(neighbour_column)}
                current = {n: i for i, n in enumerate(columns[index])}

                def weight(
                    node: str,
                    row_of: dict[str, int] = row_of,
                    current: dict[str, int] = current,
                    links: dict[str, list[str]] = links,
                ) -> tuple[float, int]:
                    rows = [row_of[n] for n in links[node] if n in row_of]
                    return (sum(rows) / len(rows) if rows else float(current[node]), current[node])

                columns[index].sort(key=weight)
        tallest = max(len(c) for c in columns)
        block_width = (count - 1) * COLUMN_WIDTH + NODE_WIDTH
        block_height = (tallest - 1) * ROW_HEIGHT + NODE_HEIGHT
        # Components sit side by side while they fit, like words on a line.
        if left > MARGIN and left + block_width > MAX_WIDTH - MARGIN:
            left, top = MARGIN, top + shelf_height + COMPONENT_GAP
            shelf_height = 0
        for index, column in enumerate(columns):
            offset = (tallest - len(column)) * ROW_HEIGHT // 2
            for row, node in enumerate(column):
                positions[node] = (left + index * COLUMN_WIDTH, top + offset + row * ROW_HEIGHT)
        right = max(right, left + block_width)
        shelf_height = max(shelf_height, block_height)
        left += block_width + COLUMN_WIDTH - NODE_WIDTH
    return Layout(positions, routes, right + MARGIN, top + shelf_height + MARGIN)


def _node_type(node: str) -> str:
    return node.partition(":")[0]


def _short(text: str, limit: int = LABEL_CHARACTERS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _labels(graph: ClaimGraph, nodes: Sequence[str]) -> dict[str, str]:
    """Readable names: an event by how the article calls it, a person or party by its name.

    Graph nodes are keyed by normalised ids ("person:kim jong un", "event:event1",
    "party:north_korea"); the claims on their edges hold the words as written.
    """
    written: dict[str, str] = {}
    first_seen: dict[str, list[tuple[int, str]]] = {}
    for source, target, _key, attrs in sorted(
        graph.graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2]))
    ):
        claim = attrs.get("claim")
        ends = CLAIM_EDGES.get(str(attrs.get("kind")))
        if claim is None or ends is None:
            continue
        for node, (field_name, _type) in ((source, ends[0]), (target, ends[1])):
            value = claim.get(field_name)
            # The longest capitalised mention: "Kim Jong Un" rather than "he" or "Kim".
            capitalised = isinstance(value, Mention) and value.text[:1].isupper()
            if capitalised and isinstance(value, Mention) and len(value.text) > len(written.get(node, "")):
                written[node] = value.text
        label = claim.get("event_label")
        if _node_type(source) == "event" and isinstance(label, Mention):
            # An event is called what the article first calls it.
            first_seen.setdefault(source, []).append((label.start, label.text))
    for node, seen in first_seen.items():
        written[node] = min(seen)[1]

    def readable(node: str, depth: int = 0) -> str:
        node_type, _, key = node.partition(":")
        known = node in graph.graph
        stored = str(graph.graph.nodes[node].get("label", key)) if known else key
        names = [m for m in graph.graph.successors(node) if _node_type(m) == "name"] if known else []
        inner_type, nested, _ = key.partition(":")
        if node_type == "person" and len(names) == 1:
            return str(graph.graph.nodes[names[0]].get("label", stored))
        if node in written:
            return written[node]
        if nested and inner_type in TYPE_ORDER and depth < 2:
            # A party keyed by the entity it stands for ("party:person:vladimir putin").
            return readable(key, depth + 1)
        if node_type in {"place", "party"} and stored == key:
            return graph.place_name(key)
        # Never an internal id: "meeting#1" is the article's "meeting".
        return _OCCURRENCE.sub("", stored)

    return {node: readable(node) for node in nodes}


def draw(graph: ClaimGraph, findings: Sequence[FindingSides], title_id: str) -> str:
    """The SVG markup, or an empty string when no finding rests on a graph edge."""
    edges = _edges_around(graph, findings)
    if not edges:
        return ""
    nodes = sorted({e.source for e in edges} | {e.target for e in edges})
    labels = _labels(graph, nodes)
    layout = _layout(nodes, edges)
    parts = [
        f'<svg class="claim-graph" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {layout.width} '
        f'{layout.height}" width="{layout.width}" height="{layout.height}" role="img" '
        f'aria-labelledby="{title_id}">',
        f'<title id="{title_id}">What the findings rest on: {len(nodes)} entities, '
        f"{len(edges)} relations</title>",
        "<defs>",
    ]
    for name in ("error", "warning", "info", "context"):
        parts.append(
            f'<marker id="{title_id}-arrow-{name}" class="arrow-{name}" viewBox="0 0 10 10" '
            'refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
            '<path d="M0,0 L10,5 L0,10 z"/></marker>'
        )
    parts.append("</defs>")
    ports = _ports(layout)
    labels_svg = []
    for number, edge in enumerate(edges):
        path_svg, label_svg = _edge_svg(edge, number, layout, ports, title_id)
        parts.append(path_svg)
        labels_svg.append(label_svg)
    for node in nodes:
        x, y = layout.positions[node]
        node_type = _node_type(node)
        label = labels[node]
        parts.append(
            f'<g class="node node-{escape(node_type)}" transform="translate({x},{y})">'
            f"<title>{escape(node_type)}: {escape(label)}</title>"
            f'<rect width="{NODE_WIDTH}" height="{NODE_HEIGHT}" rx="8"/>'
            f'<text class="node-type" x="10" y="14">{escape(node_type)}</text>'
            f'<text class="node-label" x="10" y="31">{escape(_short(label))}</text></g>'
        )
    # Labels last, so no node or line is drawn over them.
    parts.extend(labels_svg)
    parts.append("</svg>")
    return "\n".join(parts)


def _ports(layout: Layout) -> dict[tuple[int, str], int]:
    """Where each edge leaves or enters an entity's box, spread out and ordered by the far end.

    Keyed by (edge number, "out" or "in"): a y offset within the box.
    """
    sides: dict[tuple[str, str], list[tuple[int, int, int]]] = defaultdict(list)
    for number, route in enumerate(layout.routes):
        if len(route) < 2:
            continue
        (sx, _), (nx, ny) = layout.positions[route[0]], layout.positions[route[1]]
        (px, py), (tx, _) = layout.positions[route[-2]], layout.positions[route[-1]]
        sides[(route[0], "right" if nx > sx else "left")].append((ny, number, 0))
        sides[(route[-1], "left" if tx > px else "right")].append((py, number, 1))
    ports: dict[tuple[int, str], int] = {}
    for entries in sides.values():
        entries.sort()
        step = NODE_HEIGHT // (len(entries) + 1)
        for index, (_y, number, end) in enumerate(entries, start=1):
            ports[(number, "in" if end else "out")] = step * index
    return ports


def _edge_svg(
    edge: DrawnEdge, number: int, layout: Layout, ports: dict[tuple[int, str], int], title_id: str
) -> tuple[str, str]:
    """The edge's path through its route, and its label on the first straight run or mid-curve."""
    route = layout.routes[number]
    positions = layout.positions
    forward = positions[route[-1]][0] > positions[route[0]][0]
    points: list[tuple[int, int]] = []
    sx, sy = positions[route[0]]
    points.append((sx + NODE_WIDTH if forward else sx, sy + ports[(number, "out")]))
    for bend in route[1:-1]:
        bx, by = positions[bend]
        middle = by + NODE_HEIGHT // 2
        through = [(bx, middle), (bx + NODE_WIDTH, middle)]
        points += through if forward else through[::-1]
    tx, ty = positions[route[-1]]
    points.append((tx if forward else tx + NODE_WIDTH, ty + ports[(number, "in")]))
    commands = [f"M{points[0][0]},{points[0][1]}"]
    for index in range(1, len(points)):
        (x1, y1), (x2, y2) = points[index - 1], points[index]
        if index % 2 == 0:
            commands.append(f"L{x2},{y2}")  # straight through a bend slot
        else:
            middle = (x1 + x2) // 2
            commands.append(f"C{middle},{y1} {middle},{y2} {x2},{y2}")
    if len(points) > 2:
        (x1, y1), (x2, _y2) = points[1], points[2]
        label_x, label_y = (x1 + x2) // 2, y1 - 4
    else:
        (x1, y1), (x2, y2) = points
        label_x, label_y = (x1 + x2) // 2, (y1 + y2) // 2 - 4
    style = edge.severity or "context"
    classes = f"edge edge-{style}" + (" edge-reason" if edge.reason else "")
    label = edge.label
    tooltip = label
    if edge.quotes:
        tooltip += ": " + "; ".join(f"“{q}”" for q in sorted(set(edge.quotes)))
    if edge.findings:
        tooltip += " (" + ", ".join(f.label for f in edge.findings) + ")"
    link_open = link_close = ""
    if edge.findings:
        link_open, link_close = f'<a href="#{escape(edge.findings[0].anchor)}">', "</a>"
    path_svg = (
        f'<g class="{classes}">{link_open}<title>{escape(tooltip)}</title>'
        f'<path d="{" ".join(commands)}" marker-end="url(#{title_id}-arrow-{style})"/>{link_close}</g>'
    )
    label_svg = (
        f'<g class="edge-label edge-{style}">{link_open}<title>{escape(tooltip)}</title>'
        f'<text x="{label_x}" y="{label_y}" text-anchor="middle">{escape(label)}</text>{link_close}</g>'
    )
    return path_svg, label_svg
