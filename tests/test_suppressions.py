"""Inline suppressions: parsing, where they apply, SUP001, and how the CLI reports them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.config import Settings
from factcheck.nlp.gazetteer import Gazetteer
from factcheck.pipeline import Checker, rules_for
from factcheck.reading.directives import parse_suppressions
from factcheck.reading.inputs import document_from_text
from factcheck.reading.readers.plain import read_plain
from helpers import Analyse

runner = CliRunner()

#: The rules these texts are written for; others added later must not change the counts.
RULES = ("LOC001", "NAM001", "SUP001")
SELECT = [arg for rule_id in RULES for arg in ("--select", rule_id)]

SUMMIT = "Trade ministers opened a summit in Norway on Tuesday, promising a deal on fishing quotas."
MEETING = "The meeting in Brazil ended late in the evening without a joint statement."


def _findings(checker: Checker, text: str, fmt: str = "text") -> list[tuple[str, bool, str | None]]:
    analysis = checker.analyse(document_from_text(text, "<test>", fmt))
    return [(f.rule_id, f.suppressed, f.suppression_reason) for f in checker.findings(analysis)]


# -- parsing (no model) ------------------------------------------------------------


def test_plain_text_directive_with_ids_prefixes_and_reason() -> None:
    source = f"{SUMMIT}\n\n[factcheck: ignore[LOC001, TRV] venue moved during the day]\n{MEETING}\n"
    (found,), bad = parse_suppressions(source, "text")
    assert bad == []
    assert found.rules == ("LOC001", "TRV")
    assert found.reason == "venue moved during the day"
    assert not found.whole_file
    assert source[found.start : found.end] == "[factcheck: ignore[LOC001, TRV] venue moved during the day]"
    # It covers the next paragraph, from its first character to the blank line or the end.
    assert source[found.scope_start : found.scope_end] == MEETING + "\n"


def test_a_block_directive_covers_only_up_to_the_next_blank_line() -> None:
    source = "[factcheck: ignore[NAM001]]\nFirst line.\nSecond line.\n\nNext paragraph.\n"
    (found,), _ = parse_suppressions(source, "text")
    assert source[found.scope_start : found.scope_end] == "First line.\nSecond line."
    assert found.reason is None


def test_stacked_directives_cover_the_same_paragraph() -> None:
    source = "<!-- factcheck: ignore[LOC001] a -->\n<!-- factcheck: ignore[NAM001] b -->\n\nThe paragraph.\n"
    first, second = parse_suppressions(source, "markdown")[0]
    assert source[first.scope_start : first.scope_end] == "The paragraph.\n"
    assert (first.scope_start, first.scope_end) == (second.scope_start, second.scope_end)


def test_html_directive_covers_the_next_element_to_its_closing_tag() -> None:
    source = (
        "<p>Before.</p>\n<!-- factcheck: ignore[LOC001] checked -->\n"
        "<div><p>Inside one.</p>\n<p>Inside two.</p></div>\n<p>After.</p>\n"
    )
    (found,), _ = parse_suppressions(source, "html")
    assert source[found.scope_start : found.scope_end] == "<div><p>Inside one.</p>\n<p>Inside two.</p></div>"


def test_ignore_file_covers_everything_wherever_it_stands() -> None:
    source = "First.\n\nSecond.\n\n<!-- factcheck: ignore-file[NAM001] spelled as the family asked -->\n"
    (found,), _ = parse_suppressions(source, "markdown")
    assert found.whole_file
    assert (found.scope_start, found.scope_end) == (0, len(source))


def test_unreadable_directives_are_reported_not_ignored() -> None:
    source = "[factcheck: ignore LOC001]\n[factcheck: ignore[]]\n[factcheck: ignore[loc-1]]\nText.\n"
    found, bad = parse_suppressions(source, "text")
    assert found == []
    expected = "expected 'ignore[RULE,...] reason' or 'ignore-file[RULE,...] reason'"
    assert [b.problem for b in bad] == [
        f"factcheck comment not understood; {expected}",
        f"suppression names no rule; {expected}",
        "suppression names 'loc-1', which is not a rule id or prefix such as LOC001 or LOC",
    ]


def test_plain_reader_drops_directive_lines_and_keeps_offsets() -> None:
    source = "Intro.\n\n  [factcheck: ignore[LOC001] the summit in Peru moved]\r\nTalks in Oslo.\n"
    text, offsets = read_plain(source)
    assert text == "Intro.\n\nTalks in Oslo.\n"
    start = text.index("Talks")
    assert source[slice(*offsets.span(start, start + len("Talks in Oslo"), len(source)))] == "Talks in Oslo"


def test_text_that_only_looks_like_a_directive_stays_article_text() -> None:
    source = "He said [factcheck: ignore[LOC001]] is a joke.\n"
    assert read_plain(source)[0] == source
    assert parse_suppressions(source, "text") == ([], [])


# -- applied in the Findings stage ----------------------------------------------------


@pytest.fixture(scope="module")
def selected(gazetteer: Gazetteer) -> Checker:
    return Checker(rules_for(Settings(select=RULES)), gazetteer)


def test_directive_lines_are_not_analysed(analyse: Analyse) -> None:
    analysis = analyse(f"[factcheck: ignore[LOC001] the summit in Peru moved]\n{SUMMIT}\n")
    assert "Peru" not in analysis.document.text
    assert [c.span.text for c in analysis.claims if c.kind == "event_location"] == ["summit in Norway"]


def test_a_comment_before_either_side_suppresses_the_finding(selected: Checker) -> None:
    before_second = f"{SUMMIT}\n\n[factcheck: ignore[LOC001] two venues]\n{MEETING}\n"
    before_first = f"[factcheck: ignore[LOC] two venues]\n{SUMMIT}\n\n{MEETING}\n"
    assert _findings(selected, before_second) == [("LOC001", True, "two venues")]
    assert _findings(selected, before_first) == [("LOC001", True, "two venues")]


def test_a_comment_on_an_unrelated_paragraph_suppresses_nothing_and_is_reported(selected: Checker) -> None:
    text = f"{SUMMIT}\n\n{MEETING}\n\n[factcheck: ignore[LOC001] stale]\nThe ministers flew home.\n"
    analysis = selected.analyse(document_from_text(text, "<test>"))
    found = selected.findings(analysis)
    assert [(f.rule_id, f.suppressed) for f in found] == [("LOC001", False), ("SUP001", False)]
    unused = found[1]
    assert unused.severity == "warning"
    assert unused.category == "suppression"
    assert unused.message == "Suppression of LOC001 silences no finding in the paragraph after it"
    (evidence,) = unused.evidence
    assert (evidence.line, evidence.column, evidence.text) == (5, 1, "[factcheck: ignore[LOC001] stale]")


def test_a_comment_for_a_rule_that_did_not_run_is_not_called_unused(gazetteer) -> None:  # type: ignore[no-untyped-def]
    only_names = Checker(rules_for(Settings(select=("NAM001", "SUP001"))), gazetteer)
    text = f"[factcheck: ignore-file[LOC001] checked by the desk]\n{SUMMIT}\n\n{MEETING}\n"
    assert _findings(only_names, text) == []


def test_markdown_comment_suppresses_the_next_paragraph(selected: Checker) -> None:
    text = f"# Fishing quotas\n\n{SUMMIT}\n\n<!-- factcheck: ignore[LOC001] second venue -->\n{MEETING}\n"
    assert _findings(selected, text, "markdown") == [("LOC001", True, "second venue")]


def test_html_comment_suppresses_the_next_element(selected: Checker) -> None:
    text = (
        f"<html><body><p>{SUMMIT}</p>\n"
        f"<!-- factcheck: ignore[LOC001] second venue -->\n<p>{MEETING}</p></body></html>\n"
    )
    assert _findings(selected, text, "html") == [("LOC001", True, "second venue")]


def test_ignore_file_with_several_ids(selected: Checker) -> None:
    text = (
        "<!-- factcheck: ignore-file[NAM001, LOC001] agreed with the desk -->\n"
        f"{SUMMIT} Stefan Kowalczyk chaired it.\n\n{MEETING} Stefan Kowalzcyk said so.\n"
    )
    assert _findings(selected, text, "markdown") == [
        ("LOC001", True, "agreed with the desk"),
        ("NAM001", True, "agreed with the desk"),
    ]


# -- the report ---------------------------------------------------------------------------


def test_cli_keeps_suppressed_findings_in_json_hides_them_in_text_and_passes(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(f"{SUMMIT}\n\n[factcheck: ignore[LOC001] two venues]\n{MEETING}\n", encoding="utf-8")

    as_json = runner.invoke(app, ["check", str(article), *SELECT, "--format", "json"])
    assert as_json.exit_code == 0
    (finding,) = json.loads(as_json.stdout)["documents"][0]["findings"]
    assert finding["rule_id"] == "LOC001"
    assert finding["suppressed"] is True
    assert finding["suppression_reason"] == "two venues"
    # Evidence still points into the file as written, past the directive line.
    assert [(e["line"], e["text"]) for e in finding["evidence"]] == [
        (1, "summit in Norway"),
        (4, "meeting in Brazil"),
    ]

    as_text = runner.invoke(app, ["check", str(article), *SELECT, "--format", "text", "--no-color"])
    assert as_text.exit_code == 0
    assert "LOC001" not in as_text.stdout
    assert as_text.stdout.rstrip().endswith("1 suppressed")

    shown = runner.invoke(
        app, ["check", str(article), *SELECT, "--format", "text", "--no-color", "--show-suppressed"]
    )
    assert "LOC001 event-in-two-places (suppressed)" in shown.stdout


def test_cli_unused_suppression_is_a_warning_with_file_and_line(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        f"{SUMMIT}\n\n[factcheck: ignore[NAM001] stale]\nThe ministers flew home.\n", encoding="utf-8"
    )
    result = runner.invoke(
        app, ["check", str(article), *SELECT, "--format", "text", "--no-color", "--fail-on", "warning"]
    )
    assert result.exit_code == 1
    assert f"{article}:3:1: warning SUP001 unused-suppression" in result.stdout.splitlines()
    ignored = runner.invoke(app, ["check", str(article), *SELECT, "--fail-on", "warning", "--ignore", "SUP"])
    assert ignored.exit_code == 0
