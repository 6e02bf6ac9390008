"""Evaluate rules over one article's claim graph: findings with evidence for every side.

Each rule selects claims of its kind (``where``), pairs those that agree on its
``group_by`` fields, and asks its operator whether they conflict; the rules that
ran then see the document's suppression comments applied to their findings.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
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


def evaluate(rule: Rule, context: CheckContext) -> list[Finding]:
    operator = operators()[rule.operator]
    document = context.document
    claims = _selected(rule, context.graph.claims)
    found: list[tuple[tuple[Claim, ...], Conflict]] = []
    if operator.arity == "pair":
        for a, b in itertools.combinations(claims, 2):
            if all(_plain(a.get(g)) == _plain(b.get(g)) for g in rule.group_by):
                conflict = operator.check((a, b), rule.conflict_field, rule.operator_options, context)
                if conflict is not None:
                    found.append(((a, b), conflict))
        groups = _one_problem_each(found, rule, operator, context)
    else:
        for claim in claims:
            conflict = operator.check((claim,), rule.conflict_field, rule.operator_options, context)
            if conflict is not None:
                found.append(((claim,), conflict))
        groups = [[item] for item in found]
    findings: list[Finding] = []
    seen: set[tuple[tuple[int, int], ...]] = set()
    for group in groups:
        (first_claims, first_conflict) = group[0]
        sides: list[Mention | Evidence] = []
        for _, conflict in group:
            sides.extend(s for s in conflict.sides if s not in sides)
        if len(group) > 1:
            sides.sort(key=lambda s: (s.start, s.end))
            # A passage repeated word for word (a headline as standfirst) is quoted once,
            # and so is a passage inside another quoted one.
            quoted: set[str] = set()
            unique = []
            for side in sides:
                text = " ".join(_words(document, side).casefold().split())
                inside = any(o is not side and o.start <= side.start and side.end <= o.end for o in sides)
                if text not in quoted and not inside:
                    quoted.add(text)
                    unique.append(side)
            sides = unique
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
                _render(rule, first_claims, first_conflict.values, operator.arity),
                evidence,
            )
        )
    return findings


def _words(document: Document, side: Mention | Evidence) -> str:
    """The words of a side: analysed text for a mention, the text as given for evidence."""
    return side.text if isinstance(side, Evidence) else document.text[side.start : side.end]


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

    for i, j in itertools.combinations(range(len(found)), 2):
        claims_i, claims_j = set(map(id, found[i][0])), set(map(id, found[j][0]))
        shared = claims_i & claims_j
        if len(shared) != 1:
            continue
        (other_i,) = [c for c in found[i][0] if id(c) not in shared]
        (other_j,) = [c for c in found[j][0] if id(c) not in shared]
        if operator.check((other_i, other_j), rule.conflict_field, rule.operator_options, context) is None:
            parent[root(j)] = root(i)
    groups: dict[int, list[tuple[tuple[Claim, ...], Conflict]]] = {}
    for index, item in enumerate(found):
        groups.setdefault(root(index), []).append(item)
    return [groups[key] for key in sorted(groups)]
