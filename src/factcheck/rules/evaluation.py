"""Evaluate rules over one article's claim graph: findings with evidence for every side.

Each rule selects claims of its kind (``where``), pairs those that agree on its
``group_by`` fields, and asks its operator whether they conflict; the rules that
ran then see the document's suppression comments applied to their findings.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence

from factcheck.claims.graph import ClaimGraph
from factcheck.claims.model import Claim
from factcheck.nlp.entities import Mention
from factcheck.reading.document import Document
from factcheck.rules.comparison import COMPARED_PAIR
from factcheck.rules.findings import Finding, with_fingerprints
from factcheck.rules.loading import Rule
from factcheck.rules.operators import Conflict, Operator, operators
from factcheck.rules.suppressions import BUILTIN_RULES, apply_suppressions

#: Rules implemented in Python (not evaluated from YAML), e.g. SUP001 unused-suppression.
_BUILTIN_IDS = frozenset(rule.id for rule in BUILTIN_RULES)


def run_rules(rules: Sequence[Rule], graph: ClaimGraph, document: Document) -> tuple[Finding, ...]:
    """Every finding of ``rules`` on one article, suppressions applied, sorted and fingerprinted."""
    found: list[Finding] = []
    for rule in rules:
        if rule.id not in _BUILTIN_IDS and rule.kind != COMPARED_PAIR:
            found.extend(evaluate(rule, graph, document))
    # Suppression comments in the source mark findings and report unused comments (SUP001).
    found = apply_suppressions(found, document, rules)
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
    return rule.message.format_map({**context, **values})


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


def evaluate(rule: Rule, graph: ClaimGraph, document: Document) -> list[Finding]:
    operator = operators()[rule.operator]
    claims = _selected(rule, graph.claims)
    found: list[tuple[tuple[Claim, ...], Conflict]] = []
    if operator.arity == "pair":
        for a, b in itertools.combinations(claims, 2):
            if all(_plain(a.get(g)) == _plain(b.get(g)) for g in rule.group_by):
                conflict = operator.check((a, b), rule.conflict_field, rule.options, graph)
                if conflict is not None:
                    found.append(((a, b), conflict))
        groups = _one_problem_each(found, rule, operator, graph)
    else:
        for claim in claims:
            conflict = operator.check((claim,), rule.conflict_field, rule.options, graph)
            if conflict is not None:
                found.append(((claim,), conflict))
        groups = [[item] for item in found]
    findings: list[Finding] = []
    seen: set[tuple[tuple[int, int], ...]] = set()
    for group in groups:
        (first_claims, first_conflict) = group[0]
        sides: list[Mention] = []
        for _, conflict in group:
            sides.extend(s for s in conflict.sides if s not in sides)
        if len(group) > 1:
            sides.sort(key=lambda s: (s.start, s.end))
            # A passage repeated word for word (a headline as standfirst) is quoted once,
            # and so is a passage inside another quoted one.
            quoted: set[str] = set()
            unique = []
            for side in sides:
                text = " ".join(document.text[side.start : side.end].casefold().split())
                inside = any(o is not side and o.start <= side.start and side.end <= o.end for o in sides)
                if text not in quoted and not inside:
                    quoted.add(text)
                    unique.append(side)
            sides = unique
        evidence = tuple(document.evidence(s.start, s.end) for s in sides)
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
                _render(rule, first_claims, first_conflict.values, operator.arity),
                evidence,
            )
        )
    return findings


def _one_problem_each(
    found: list[tuple[tuple[Claim, ...], Conflict]], rule: Rule, operator: Operator, graph: ClaimGraph
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

    for i, j in itertools.combinations(range(len(found)), 2):
        claims_i, claims_j = set(map(id, found[i][0])), set(map(id, found[j][0]))
        shared = claims_i & claims_j
        if len(shared) != 1:
            continue
        (other_i,) = [c for c in found[i][0] if id(c) not in shared]
        (other_j,) = [c for c in found[j][0] if id(c) not in shared]
        if operator.check((other_i, other_j), rule.conflict_field, rule.options, graph) is None:
            parent[root(j)] = root(i)
    groups: dict[int, list[tuple[tuple[Claim, ...], Conflict]]] = {}
    for index, item in enumerate(found):
        groups.setdefault(root(index), []).append(item)
    return [groups[key] for key in sorted(groups)]
