"""Contradictions across a source and its rewrite: ``check``'s claims and rules over both texts at once.

The rules run over the joined analysis (see ``joined``), so any claim kind or rule
that ``check`` has compares the rewrite with the source too: the summit in
Russia's Far East in the source and in South Korea in the rewrite, the same deal
with giver and receiver reversed, another amount or day for the same event.
Then each finding's sides are mapped to the text they stand in:

* every side in the source: the source's own business, dropped;
* one side at least in the rewrite: kept (a contradiction inside the rewrite
  alone is reported as ``check`` reports it);
* unless the source contradicts itself the same way (the same rule, the same
  quoted words): the rewrite only repeats what it was given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from factcheck.claims.graph import Analysis
from factcheck.compare.joined import JoinedPair
from factcheck.reading.document import DERIVED, SOURCE
from factcheck.rules.comparison import COMPARED_PAIR
from factcheck.rules.evaluation import evaluate
from factcheck.rules.findings import Finding
from factcheck.rules.loading import Rule
from factcheck.rules.suppressions import BUILTIN_RULES

_BUILTIN_IDS = frozenset(rule.id for rule in BUILTIN_RULES)


def _words(finding: Finding) -> tuple[str, tuple[str, ...]]:
    """The rule and the quoted words, wherever they stand: what makes two findings one problem."""
    return finding.rule_id, tuple(sorted(" ".join(e.text.casefold().split()) for e in finding.evidence))


def cross_findings(rules: Sequence[Rule], analysis: Analysis, pair: JoinedPair) -> list[Finding]:
    """The claim rules' findings that the rewrite is part of, each side in its own text."""
    mapped: list[Finding] = []
    for rule in rules:
        if rule.id in _BUILTIN_IDS or rule.kind == COMPARED_PAIR:
            continue
        for finding in evaluate(rule, analysis.graph, analysis.document):
            evidence = tuple(pair.split(e) for e in finding.evidence)
            mapped.append(replace(finding, evidence=evidence))
    inherited = {_words(f) for f in mapped if all(e.document == SOURCE for e in f.evidence)}
    kept = [
        f for f in mapped if any(e.document == DERIVED for e in f.evidence) and _words(f) not in inherited
    ]
    return _one_per_statement(kept)


def _one_per_statement(findings: list[Finding]) -> list[Finding]:
    """One finding for each rule and words of the rewrite, quoting every source side they contradict.

    "the meeting in Mongolia" contradicts both the source's "summit in South Korea" and
    its "meeting in Russia's Far East": one problem of the rewrite, one finding.
    """
    merged: dict[tuple[str, tuple[tuple[int, int], ...]], Finding] = {}
    for finding in findings:
        key = (finding.rule_id, tuple((e.start, e.end) for e in finding.evidence if e.document == DERIVED))
        known = merged.get(key)
        if known is None:
            merged[key] = finding
            continue
        extra = tuple(e for e in finding.evidence if e not in known.evidence)
        merged[key] = replace(known, evidence=known.evidence + extra)
    return list(merged.values())
