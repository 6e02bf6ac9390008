"""Evaluate rules over one article's claim graph: findings with evidence for every side.

Each rule selects claims of its kind (``where``), pairs those that agree on its
``group_by`` fields, and asks its operator whether they conflict; the rules that
ran then see the document's suppression comments applied to their findings.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from factcheck.claims.graph import ClaimGraph
from factcheck.claims.model import Claim
from factcheck.nlp.entities import Mention
from factcheck.reading.document import Document, Evidence
from factcheck.rules.findings import Finding, with_fingerprints
from factcheck.rules.loading import Rule
from factcheck.rules.operators import operators
from factcheck.rules.operators._contract import CheckContext, Conflict, FindingsRead, Operator
from factcheck.rules.suppressions import apply_suppressions


def run_rules(rules: Sequence[Rule], graph: ClaimGraph, document: Document) -> tuple[Finding, ...]:
    """Every finding of ``rules`` on one article, suppressions applied, sorted and fingerprinted.

    Rules run in the order their operators read findings (``FindingsRead``): those
    that read none; those that read theirs as found (CMP001, which leaves a word
    to the contradiction that already quotes it); then, once suppression comments
    have marked every finding so far, those that judge them (SUP001), whose own
    findings nothing marks.
    """
    context = CheckContext(graph, document, rule_ids=frozenset(rule.id for rule in rules))
    known = operators()

    def reading(what: FindingsRead) -> list[Rule]:
        return [rule for rule in rules if known[rule.operator].reads_findings == what]

    found: list[Finding] = []
    for rule in reading("none"):
        found.extend(evaluate(rule, context))
    as_found = replace(context, findings=tuple(found))
    for rule in reading("found"):
        found.extend(evaluate(rule, as_found))
    found = apply_suppressions(found, document)
    judged = replace(context, findings=tuple(found))
    for rule in reading("judged"):
        found.extend(evaluate(rule, judged))
    return tuple(with_fingerprints(found))


def _selected(rule: Rule, claims: Iterable[Claim]) -> list[Claim]:
    return [
        c for c in claims if c.kind == rule.kind and all(_plain(c.get(k)) == v for k, v in rule.where.items())
    ]


def _plain(value: object) -> object:
    return value.id if isinstance(value, Mention) else value


def _render(rule: Rule, claims: tuple[Claim, ...], values: Mapping[str, str], arity: str) -> str:
    names = ("a", "b") if arity == "pair" else ("claim",)
    context = {name: _FieldView(claim) for name, claim in zip(names, claims, strict=False)}
    # A field with nothing to show (a lone action's object) leaves no trailing space.
    return rule.message.format_map({**context, **values}).rstrip()


class _FieldView:
    """Lets a template say {a.place}: mentions render as their text."""

    __slots__ = ("_claim",)

    def __init__(self, claim: Claim) -> None:
        self._claim = claim

    def __getattr__(self, name: str) -> str:
        value = self._claim.get(name)
        if isinstance(value, Mention):
            return value.text
        if isinstance(value, tuple):
            return ", ".join(value)
        return "" if value is None else str(value)


def evaluate(rule: Rule, context: CheckContext) -> list[Finding]:
    operator = operators()[rule.operator]
    document = context.document
    claims = _selected(rule, context.graph.claims)
    groups: list[_Group] = []
    if operator.arity == "pair":
        groups = _pair_groups(rule, operator, claims, context)
    else:
        for claim in claims:
            conflict = operator.check((claim,), rule.conflict_field, rule.operator_options, context)
            if conflict is not None:
                groups.append(_Group((claim,), conflict, _distinct(conflict.sides), 1))
    findings: list[Finding] = []
    seen: set[tuple[tuple[int, int], ...]] = set()
    for group in groups:
        sides = group.sides
        if group.size > 1:
            sides = _quoted_once(sides, document)
        evidence = tuple(s if isinstance(s, Evidence) else document.evidence(s.start, s.end) for s in sides)
        key = tuple(sorted((e.start, e.end) for e in evidence))
        if key in seen:
            continue
        seen.add(key)
        findings.append(
            Finding(
                rule.id,
                rule.name,
                rule.category,
                rule.severity,
                _render(rule, group.claims, group.conflict.values, operator.arity),
                evidence,
            )
        )
    return findings


Side = Mention | Evidence


@dataclass(frozen=True, slots=True)
class _Group:
    """Conflicts that are one problem: the first (it words the message) and every side."""

    claims: tuple[Claim, ...]
    conflict: Conflict
    #: Every span the group's conflicts quote, each once.
    sides: list[Side]
    #: How many conflicts the group holds.
    size: int


def _distinct(sides: Iterable[Side]) -> list[Side]:
    return list(dict.fromkeys(sides))


def _quoted_once(sides: list[Side], document: Document) -> list[Side]:
    """The sides in text order, less a passage repeated word for word (a headline as
    standfirst) and a passage inside another quoted one."""
    ordered = sorted(sides, key=lambda s: (s.start, s.end))
    inside = _inside_another(ordered)
    quoted: set[str] = set()
    unique = []
    for index, side in enumerate(ordered):
        text = " ".join(_words(document, side).casefold().split())
        if text not in quoted and index not in inside:
            quoted.add(text)
            unique.append(side)
    return unique


def _inside_another(sides: list[Side]) -> set[int]:
    """Indexes of the sides lying within another side (two alike lie within each other).

    Swept in order of start, longest first: a side is inside another when one before
    it reaches as far, or the next one is the same stretch.
    """
    order = sorted(range(len(sides)), key=lambda i: (sides[i].start, -sides[i].end))
    inside: set[int] = set()
    reach = -1
    for position, index in enumerate(order):
        side = sides[index]
        following = sides[order[position + 1]] if position + 1 < len(order) else None
        same_as_next = following is not None and (following.start, following.end) == (side.start, side.end)
        if reach >= side.end or same_as_next:
            inside.add(index)
        reach = max(reach, side.end)
    return inside


def _words(document: Document, side: Mention | Evidence) -> str:
    """The words of a side: analysed text for a mention, the text as given for evidence."""
    return side.text if isinstance(side, Evidence) else document.text[side.start : side.end]


def _buckets(claims: list[Claim], group_by: tuple[str, ...]) -> list[list[Claim]]:
    """Claims with equal values in every ``group_by`` field, each bucket in claim order."""
    buckets: dict[tuple[object, ...], list[Claim]] = {}
    for claim in claims:
        buckets.setdefault(tuple(_plain(claim.get(g)) for g in group_by), []).append(claim)
    return list(buckets.values())


def _pair_groups(
    rule: Rule, operator: Operator[Any], claims: list[Claim], context: CheckContext
) -> list[_Group]:
    """The problems a pair rule finds among ``claims``, in order of their first conflict.

    Claims told alike (see ``_signature``) are compared once as a kind; when an
    operator's answers show it does not keep the contract that makes this sound
    (see ``rules/operators/_contract.py``), every two claims are compared instead.
    """
    order = {id(claim): index for index, claim in enumerate(claims)}
    options = rule.operator_options

    def check(a: Claim, b: Claim) -> Conflict | None:
        return operator.check((a, b), rule.conflict_field, options, context)

    def signature(claim: Claim) -> Hashable:
        if operator.signature is None:
            return _signature(claim)
        return operator.signature(claim, rule.conflict_field, options)

    keys: Callable[[Claim], Iterable[Hashable]] | None = None
    if operator.pair_keys is not None:
        pair_keys = operator.pair_keys

        def keys(claim: Claim) -> Iterable[Hashable]:
            return pair_keys(claim, rule.conflict_field, options)

    found: list[tuple[tuple[int, int], _Group]] = []
    for bucket in _buckets(claims, rule.group_by):
        groups = _AlikeClaims(bucket, order, check, signature, keys).groups()
        if groups is None:
            return _pairwise_groups(rule, operator, claims, context)
        found.extend(groups)
    found.sort(key=lambda item: item[0])
    return [group for _, group in found]


def _pairwise_groups(
    rule: Rule, operator: Operator[Any], claims: list[Claim], context: CheckContext
) -> list[_Group]:
    """The problems a pair rule finds, comparing every two claims of a bucket."""
    order = {id(claim): index for index, claim in enumerate(claims)}
    found: list[tuple[tuple[Claim, ...], Conflict]] = []
    for bucket in _buckets(claims, rule.group_by):
        for a, b in itertools.combinations(bucket, 2):
            conflict = operator.check((a, b), rule.conflict_field, rule.operator_options, context)
            if conflict is not None:
                found.append(((a, b), conflict))
    # In the order of pairing every claim with every later one.
    found.sort(key=lambda item: (order[id(item[0][0])], order[id(item[0][1])]))
    groups = _one_problem_each(found, rule, operator, context)
    # In order of each problem's first conflict, as ``_AlikeClaims`` gives them.
    groups.sort(key=lambda group: (order[id(group[0][0][0])], order[id(group[0][0][1])]))
    result = []
    for group in groups:
        first_claims, first_conflict = group[0]
        sides = _distinct(side for _, conflict in group for side in conflict.sides)
        result.append(_Group(first_claims, first_conflict, sides, len(group)))
    return result


def _signature(claim: Claim) -> tuple[object, ...]:
    """All a pair operator without a ``signature`` may read of a claim: its fields (a
    mention by text and id, not by place), who it is attributed to, its polarity.

    Claims with one signature are told alike: an operator answers the same for each,
    so the article's twentieth "the summit in Oslo" is compared as the first was.
    """
    fields = tuple(
        (name, (value.text, value.id) if isinstance(value, Mention) else value)
        for name, value in sorted(claim.values.items())
    )
    return fields, claim.attributed_to, claim.polarity


class _AlikeClaims:
    """One bucket's conflicts, worked out between kinds of claims told alike.

    Claims with one signature (a *kind*, below) that do not conflict with each other
    stand for one another: a claim of kind P conflicts with every claim of kind Q
    after it, or before it, or both, as the kinds' two representatives do. So each
    two kinds are checked once, in each order, and the conflicts between P and Q
    are one problem (they share claims whose other ends agree). Two such problems
    at one claim are one problem when some other end of the one agrees with some
    other end of the other, which needs only the first and last of each near that
    claim. The result is the same as merging every two conflicts that share a claim
    (``_one_problem_each``), with work in proportion to the claims and kinds, not to
    the square of the conflicts.
    """

    def __init__(
        self,
        bucket: list[Claim],
        order: dict[int, int],
        check: Callable[[Claim, Claim], Conflict | None],
        signature: Callable[[Claim], Hashable],
        keys: Callable[[Claim], Iterable[Hashable]] | None = None,
    ) -> None:
        self.check = check
        self.claims = {order[id(claim)]: claim for claim in bucket}
        by_signature: dict[Hashable, list[int]] = {}
        for claim in bucket:
            by_signature.setdefault(signature(claim), []).append(order[id(claim)])
        kinds: list[list[int]] = []
        self.broken = False
        for members in by_signature.values():
            # Twins that conflict with each other cannot stand for one another.
            if len(members) > 1 and self._conflict(members[0], members[1]):
                kinds.extend([member] for member in members)
            else:
                kinds.append(members)
        self.kinds = sorted(kinds)
        count = len(self.kinds)
        representatives = [members[0] for members in self.kinds]
        #: (P, Q) when a claim of kind P conflicts with a later claim of kind Q.
        self.conflicts: set[tuple[int, int]] = {
            (p, q)
            for p, q in self._candidates(keys)
            if self._conflict(representatives[p], representatives[q])
        }
        self.partners: list[list[int]] = [[] for _ in range(count)]
        for p, q in sorted(self.conflicts):
            if p < q or (q, p) not in self.conflicts:
                self.partners[p].append(q)
                self.partners[q].append(p)

    def _candidates(self, keys: Callable[[Claim], Iterable[Hashable]] | None) -> list[tuple[int, int]]:
        """The pairs of kinds that may conflict: all, or those sharing an operator's key."""
        count = len(self.kinds)
        if keys is None:
            return [(p, q) for p in range(count) for q in range(count) if p != q]
        by_key: dict[Hashable, list[int]] = {}
        for kind, members in enumerate(self.kinds):
            for key in dict.fromkeys(keys(self.claims[members[0]])):
                by_key.setdefault(key, []).append(kind)
        pairs = {(p, q) for kinds in by_key.values() for p in kinds for q in kinds if p != q}
        return sorted(pairs)

    def _conflict(self, first: int, second: int) -> bool:
        a, b = self.claims[first], self.claims[second]
        conflict = self.check(a, b)
        if conflict is not None and conflict.sides != (a.span, b.span):
            self.broken = True
        return conflict is not None

    def groups(self) -> list[tuple[tuple[int, int], _Group]] | None:
        """Each problem with its first conflict (as claim positions), or None when an
        operator quoted other sides than its two claims' spans."""
        if self.broken:
            return None
        nodes: dict[tuple[int, int], int] = {}
        firsts: list[tuple[int, int]] = []
        sizes: list[int] = []
        involved: list[list[int]] = []
        for p in range(len(self.kinds)):
            for q in self.partners[p]:
                between = self._between(p, q) if p < q else None
                if between is not None:
                    first, size, claims = between
                    nodes[p, q] = len(firsts)
                    firsts.append(first)
                    sizes.append(size)
                    involved.append(claims)
        parent = list(range(len(firsts)))

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for p, members in enumerate(self.kinds):
            for member in members:
                near = [(q, *span) for q in self.partners[p] if (span := self._near(member, p, q))]
                for (q, q_first, q_last), (r, r_first, r_last) in itertools.combinations(near, 2):
                    # Some conflict of this claim with Q and some with R are one problem
                    # when their other ends agree, read in text order.
                    if ((q, r) not in self.conflicts and q_first < r_last) or (
                        (r, q) not in self.conflicts and r_first < q_last
                    ):
                        parent[root(nodes[min(p, r), max(p, r)])] = root(nodes[min(p, q), max(p, q)])
        members_of: dict[int, list[int]] = {}
        for node in range(len(firsts)):
            members_of.setdefault(root(node), []).append(node)
        result = []
        for group_nodes in members_of.values():
            first = min(firsts[node] for node in group_nodes)
            a, b = self.claims[first[0]], self.claims[first[1]]
            conflict = self.check(a, b)
            if conflict is None or conflict.sides != (a.span, b.span):
                return None
            size = sum(sizes[node] for node in group_nodes)
            sides: list[Side]
            if size == 1:
                sides = _distinct(conflict.sides)
            else:
                sides = _distinct(
                    self.claims[position].span for node in group_nodes for position in involved[node]
                )
            result.append((first, _Group((a, b), conflict, sides, size)))
        return result

    def _between(self, p: int, q: int) -> tuple[tuple[int, int], int, list[int]] | None:
        """The first conflict between kinds P and Q, how many there are, and their claims.

        None when there is none: the kinds conflict only in one order of the text.
        """
        firsts: list[tuple[int, int]] = []
        size = 0
        claims: set[int] = set()
        for earlier, later in ((p, q), (q, p)):
            if (earlier, later) not in self.conflicts:
                continue
            before, after = self.kinds[earlier], self.kinds[later]
            # Every claim of ``earlier`` conflicts with every claim of ``later`` after it.
            size += sum(bisect.bisect_left(before, position) for position in after)
            start = bisect.bisect_right(after, before[0])
            if start < len(after):
                firsts.append((before[0], after[start]))
                claims.update(position for position in before if position < after[-1])
                claims.update(after[start:])
        return (min(firsts), size, sorted(claims)) if firsts else None

    def _near(self, member: int, p: int, q: int) -> tuple[int, int] | None:
        """The first and last claim of kind Q that ``member`` (of kind P) conflicts with."""
        others = self.kinds[q]
        split = bisect.bisect_left(others, member)
        first = last = None
        if (q, p) in self.conflicts and split > 0:
            first, last = others[0], others[split - 1]
        if (p, q) in self.conflicts and split < len(others):
            first, last = others[split] if first is None else first, others[-1]
        return None if first is None or last is None else (first, last)


def _one_problem_each(
    found: list[tuple[tuple[Claim, ...], Conflict]],
    rule: Rule,
    operator: Operator[Any],
    context: CheckContext,
) -> list[list[tuple[tuple[Claim, ...], Conflict]]]:
    """Merge conflicts that are one problem: the same claim contradicted by passages that agree.

    "Germany to send tanks to Lithuania" (headline) and "Germany would send 35 tanks
    to Lithuania" (body) both conflict with "Lithuania agreed to send the tanks to
    Germany"; the two agreeing passages do not conflict with each other, so the
    editor gets one finding quoting all three, not two findings.
    """
    parent = list(range(len(found)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Two conflicts can be one problem only when they share a claim, so each is
    # compared with the later conflicts of its own two claims only.
    conflicts_of: dict[int, list[int]] = {}
    for index, (pair, _) in enumerate(found):
        for claim in pair:
            conflicts_of.setdefault(id(claim), []).append(index)
    agree: dict[tuple[int, int], bool] = {}
    for i, (pair_i, _) in enumerate(found):
        later = sorted({j for claim in pair_i for j in conflicts_of[id(claim)] if j > i})
        for j in later:
            pair_j = found[j][0]
            ids_i, ids_j = {id(c) for c in pair_i}, {id(c) for c in pair_j}
            (other_i,) = [c for c in pair_i if id(c) not in ids_j]
            (other_j,) = [c for c in pair_j if id(c) not in ids_i]
            key = (id(other_i), id(other_j))
            if key not in agree:
                options = rule.operator_options
                agree[key] = operator.check((other_i, other_j), rule.conflict_field, options, context) is None
            if agree[key]:
                parent[root(j)] = root(i)
    groups: dict[int, list[tuple[tuple[Claim, ...], Conflict]]] = {}
    for index, item in enumerate(found):
        groups.setdefault(root(index), []).append(item)
    return [groups[key] for key in sorted(groups)]
