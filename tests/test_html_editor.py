"""What an editor gets from the HTML report: a suppression comment that works, and a graph of
what each finding rests on, with the article's own names."""

from __future__ import annotations

import re
from html import unescape

import pytest

from factcheck.config import Settings
from factcheck.pipeline import Checker, rules_for
from factcheck.reading.inputs import document_from_text
from factcheck.report.model import Report
from factcheck.report.renderers import RenderContext, renderers

#: LOC001 (one meeting in two countries, one of them named by a region) and NAM001.
ARTICLE = """\
Delegates gathered for a summit in Chile, chaired by Marta Oyarzabal.

The meeting in Bavaria ended without a statement, Marta Oyarzabel said.
"""
PARAGRAPHS = ARTICLE.split("\n\n")


def _page(checker: Checker, text: str, fmt: str) -> tuple[Report, str]:
    rules = rules_for(Settings(select=("LOC001", "NAM001", "SUP001")))
    run = Checker(rules, checker.gazetteer)
    document = document_from_text(text, f"story.{ {'text': 'txt', 'markdown': 'md'}[fmt] }", fmt)
    report = Report(tuple(run.check([document], keep_analysis=True)), run.model)
    return report, renderers()["html"].render(report, RenderContext({r.id: r for r in rules}))


def _comments(page: str) -> dict[str, str]:
    fields = re.findall(
        r'<li class="finding[^"]*" id="(d1-f\d+)" data-rule="(\w+)".*?value="([^"]*)"', page, re.S
    )
    return {rule: unescape(value) for _anchor, rule, value in fields}


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_the_suggested_comment_suppresses_the_finding(checker: Checker, fmt: str) -> None:
    report, page = _page(checker, ARTICLE, fmt)
    assert sorted(f.rule_id for f in report.documents[0].findings) == ["LOC001", "NAM001"]
    comments = _comments(page)
    assert set(comments) == {"LOC001", "NAM001"}
    assert comments["LOC001"].startswith(
        "[factcheck: ignore[LOC001] " if fmt == "text" else "<!-- factcheck:"
    )
    assert 'button type="button" class="copy"' in page
    # Pasted before the second paragraph with the reason written in, it silences that finding only.
    comment = comments["LOC001"].replace("REASON: why the text is right", "two venues, one conference")
    edited = f"{PARAGRAPHS[0]}\n\n{comment}\n{PARAGRAPHS[1]}"
    again, _ = _page(checker, edited, fmt)
    state = {f.rule_id: (f.suppressed, f.suppression_reason) for f in again.documents[0].findings}
    assert state == {"LOC001": (True, "two venues, one conference"), "NAM001": (False, None)}


def test_the_graph_draws_what_the_location_finding_rests_on(checker: Checker) -> None:
    _, page = _page(checker, ARTICLE, "text")
    graph = page[page.index('<svg class="claim-graph"') : page.index("</svg>")]
    nodes = re.findall(r'<g class="node node-(\w+)"[^>]*><title>\w+: ([^<]*)</title>', graph)
    assert ("place", "Germany") in nodes, nodes  # the country Bavaria lies in: what LOC001 compares
    assert ("place", "Chile") in nodes and ("place", "Bavaria") in nodes
    for _kind, label in nodes:
        assert not re.search(r"#\d|event\d", label), label  # no internal ids
    edges = re.findall(r'<g class="edge ([^"]+)">(?:<a [^>]*>)?<title>([^<]*)</title>', graph)
    coloured = {title.split(":")[0].split(" (")[0]: classes for classes, title in edges}
    assert coloured["contains"] == "edge-error edge-reason"
    assert coloured["event location"] == "edge-error"
    # Only what a finding quotes is drawn: no claim that merely shares words with a side.
    assert {title.split(":")[0].split(" (")[0] for _, title in edges} == {
        "event location",
        "contains",
        "person name",
    }
