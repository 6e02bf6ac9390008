"""The findings of a rewrite read after its source: each side in its own text, the rewrite's business only.

The rules run over the joined analysis (``reading.joined``), so any claim kind or
rule compares the rewrite with the source too: the summit in Russia's Far East in
the source and in South Korea in the rewrite, the same deal with giver and
receiver reversed, another amount or day for the same event. Then each finding's
sides are mapped to the text they stand in:

* every side in the source: the source's own business, dropped;
* one side at least in the rewrite: kept (a contradiction inside the rewrite
  alone is reported as ``check`` reports it);
* unless the source contradicts itself the same way (the same rule, the same
  quoted words): the rewrite only repeats what it was given.

Findings are in report order: by where they sit in the rewrite.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from factcheck.reading.document import DERIVED, SOURCE
from factcheck.reading.joined import JoinedPair
from factcheck.rules.findings import Finding, with_fingerprints


def compared_findings(findings: Iterable[Finding], pair: JoinedPair) -> tuple[Finding, ...]:
    """The findings the rewrite is part of, each side in its own text, in report order."""
    mapped = [replace(f, evidence=tuple(pair.split(e) for e in f.evidence)) for f in findings]
    inherited = {_words(f) for f in mapped if all(e.document == SOURCE for e in f.evidence)}
    kept = [
        f for f in mapped if any(e.document == DERIVED for e in f.evidence) and _words(f) not in inherited
    ]
    return tuple(sorted(with_fingerprints(_one_per_statement(kept)), key=_report_order))


def _words(finding: Finding) -> tuple[str, tuple[str, ...]]:
    """The rule and the quoted words, wherever they stand: what makes two findings one problem."""
    return finding.rule_id, tuple(sorted(" ".join(e.text.casefold().split()) for e in finding.evidence))


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


def _report_order(finding: Finding) -> tuple[int, int, str, str]:
    """Where the rewrite is concerned: its first side in the rewrite."""
    first = next((e for e in finding.evidence if e.document == DERIVED), finding.evidence[0])
    return first.start, first.end, finding.rule_id, finding.message
