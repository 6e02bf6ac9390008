"""Every output format on articles written for these tests: exact content, escaping, contracts."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.config import Settings
from factcheck.datafiles import load_schema
from factcheck.nlp.gazetteer import Gazetteer
from factcheck.pipeline import Checker, all_rules, rules_for
from factcheck.reading.inputs import InputFailure, document_from_text
from factcheck.report.model import Report
from factcheck.report.renderers import RenderContext, renderers
from factcheck.report.renderers import github as github_format
from factcheck.report.renderers import sarif as sarif_format
from factcheck.rules.findings import CATEGORIES, SEVERITIES

ROOT = Path(__file__).resolve().parents[1]
#: The official SARIF 2.1.0 schema, shipped with the tests (tests/data/README.md names its source).
SARIF_SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"

#: Two contradictions across lines: a reversed transfer and an event in two places;
#: brackets and a percent sign that SARIF and GitHub commands must escape.
ARTICLE = (
    "Kenya will ship tea to Chile.\n"
    "The summit in Lima [Peru] opened, 50% of seats empty.\n"
    "The meeting in Japan ended.\n"
    "Chile then agreed to ship tea to Kenya."
)
#: A name spelled two ways (warning) and a garbled apostrophe (info).
SECOND_ARTICLE = "Photo: Katarina Lindqvist / Reuters\n\nKatarina Lindquist said the minister‚Äôs plan works."


#: The rules the articles here are written for: rules added later must not change these tests.
RULES = ("ENC001", "LOC001", "NAM001", "TRF001")


@pytest.fixture(scope="module")
def checker(gazetteer: Gazetteer) -> Checker:
    """Only RULES; the spaCy pipeline is the session's (loaded once per gazetteer)."""
    return Checker(rules_for(Settings(select=RULES)), gazetteer)


@pytest.fixture(scope="module")
def context() -> RenderContext:
    return RenderContext({rule.id: rule for rule in all_rules(Settings())})


def check(checker: Checker, *items: tuple[str, str] | InputFailure) -> Report:
    documents = [
        item if isinstance(item, InputFailure) else document_from_text(item[1], item[0]) for item in items
    ]
    results = tuple(checker.check(documents, keep_analysis=True))
    return Report(results, checker.pipeline.model)


@pytest.fixture(scope="module")
def report(checker: Checker) -> Report:
    return check(
        checker,
        ("news/tea, trade: talks.txt", ARTICLE),
        InputFailure("news/broken.txt", "not valid UTF-8 (byte 0xff at offset 3)"),
        ("news/photo.txt", SECOND_ARTICLE),
    )


#: An editor has looked at this contradiction and suppressed it with a reason.
CHECKED_ARTICLE = (
    "[factcheck: ignore[LOC001] checked with the desk]\n"
    "During a summit in Vienna, leaders met. The meeting in Japan lasted an hour."
)


@pytest.fixture(scope="module")
def checked(checker: Checker) -> Report:
    return check(checker, ("news/checked.txt", CHECKED_ARTICLE), ("news/photo.txt", SECOND_ARTICLE))


# -- the findings these articles give (what the renderers are tested on) --------


def test_the_test_articles_give_one_finding_of_each_expected_kind(report: Report) -> None:
    found = [(d.path, f.rule_id, f.severity) for d in report.documents for f in d.findings]
    assert found == [
        ("news/tea, trade: talks.txt", "TRF001", "error"),
        ("news/tea, trade: talks.txt", "LOC001", "error"),
        ("news/photo.txt", "NAM001", "warning"),
        ("news/photo.txt", "ENC001", "info"),
    ]


# -- discovery and the streaming contract ---------------------------------------


def test_every_format_is_discovered() -> None:
    assert {"text", "json", "jsonl", "sarif", "github", "html"} <= set(renderers())
    streaming = {name for name, r in renderers().items() if r.render_document is not None}
    assert streaming == {"text", "jsonl", "github"}


@pytest.mark.parametrize("name", ["text", "jsonl", "github"])
def test_streamed_output_is_the_whole_report_byte_for_byte(
    name: str, report: Report, checked: Report, context: RenderContext
) -> None:
    renderer = renderers()[name]
    assert renderer.render_document is not None and renderer.render_summary is not None
    for whole in (report, checked):
        streamed = "".join(renderer.render_document(d, context) for d in whole.documents)
        streamed += renderer.render_summary(whole, context)
        assert streamed == renderer.render(whole, context)


@pytest.mark.parametrize("name", ["text", "json", "jsonl", "sarif", "github", "html"])
def test_same_report_same_bytes(name: str, report: Report, context: RenderContext) -> None:
    render = renderers()[name].render
    assert render(report, context) == render(report, context)


# -- json and its schema ----------------------------------------------------------


def report_validator() -> jsonschema.Draft202012Validator:
    schema = load_schema("report.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def part_validator(name: str) -> jsonschema.Draft202012Validator:
    schema = load_schema("report.schema.json")
    return jsonschema.Draft202012Validator({"$ref": f"#/$defs/{name}", "$defs": schema["$defs"]})


def test_json_report_validates_with_unreadable_documents(report: Report, context: RenderContext) -> None:
    data = json.loads(renderers()["json"].render(report, context))
    report_validator().validate(data)
    assert data["documents"][1] == {
        "path": "news/broken.txt",
        "error": "not valid UTF-8 (byte 0xff at offset 3)",
        "findings": [],
    }
    assert data["summary"] == {
        "documents": 3,
        "unreadable": 1,
        "findings": 4,
        "suppressed": 0,
        "by_severity": {"error": 2, "warning": 1, "info": 1},
    }


def test_json_report_validates_with_suppressed_findings(checked: Report, context: RenderContext) -> None:
    data = json.loads(renderers()["json"].render(checked, context))
    report_validator().validate(data)
    (finding,) = data["documents"][0]["findings"]
    assert (finding["rule_id"], finding["suppressed"]) == ("LOC001", True)
    assert finding["suppression_reason"] == "checked with the desk"
    assert "suppression_reason" not in data["documents"][1]["findings"][0]
    assert (data["summary"]["findings"], data["summary"]["suppressed"]) == (2, 1)


def test_report_schema_is_strict(report: Report, context: RenderContext) -> None:
    validator = report_validator()
    data = json.loads(renderers()["json"].render(report, context))
    extra = json.loads(json.dumps(data))
    extra["documents"][0]["findings"][0]["confidence"] = 0.9
    assert not validator.is_valid(extra)
    fatal = json.loads(json.dumps(data))
    fatal["documents"][0]["findings"][0]["severity"] = "fatal"
    assert not validator.is_valid(fatal)
    reason_without_suppression = json.loads(json.dumps(data))
    reason_without_suppression["documents"][0]["findings"][0]["suppression_reason"] = "why"
    assert not validator.is_valid(reason_without_suppression)
    findings_of_unreadable = json.loads(json.dumps(data))
    findings_of_unreadable["documents"][1]["findings"] = data["documents"][0]["findings"]
    assert not validator.is_valid(findings_of_unreadable)


def test_schema_enums_are_the_code_s_severities_and_categories() -> None:
    definitions = load_schema("report.schema.json")["$defs"]
    assert tuple(definitions["severity"]["enum"]) == SEVERITIES
    assert tuple(definitions["category"]["enum"]) == CATEGORIES
    assert load_schema("rule.schema.json")["properties"]["category"]["enum"] == list(CATEGORIES)


def test_jsonl_has_one_line_per_document_then_the_summary(report: Report, context: RenderContext) -> None:
    lines = renderers()["jsonl"].render(report, context).split("\n")
    assert lines[-1] == ""
    objects = [json.loads(line) for line in lines[:-1]]
    paths = [o.get("path") for o in objects]
    assert paths == ["news/tea, trade: talks.txt", "news/broken.txt", "news/photo.txt", None]
    whole = json.loads(renderers()["json"].render(report, context))
    for line, document in zip(objects, whole["documents"], strict=False):
        part_validator("streamedDocument").validate(line)
        assert line == {"schema_version": 2, **document}
    part_validator("streamedSummary").validate(objects[-1])
    assert objects[-1] == {"schema_version": 2, "tool": whole["tool"], "summary": whole["summary"]}


def test_jsonl_escapes_unicode_line_separators(checker: Checker, context: RenderContext) -> None:
    text = "During a summit in Vienna,\u2028leaders met. The meeting in Japan lasted an hour."
    output = renderers()["jsonl"].render(check(checker, ("a\u2029b.txt", text)), context)
    assert "\u2028" not in output and "\u2029" not in output
    assert len(output.splitlines()) == 2
    assert json.loads(output.splitlines()[0])["path"] == "a\u2029b.txt"


# -- sarif ------------------------------------------------------------------------------


def sarif_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    return schema


def sarif_of(report: Report, context: RenderContext) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(renderers()["sarif"].render(report, context))
    jsonschema.Draft4Validator(sarif_schema()).validate(data)
    return data


def test_sarif_validates_and_describes_every_rule(report: Report, context: RenderContext) -> None:
    run = sarif_of(report, context)["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["semanticVersion"]) == ("factcheck", report.version)
    assert driver["informationUri"].startswith("https://")
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == sorted(context.rules)
    loc = driver["rules"][ids.index("LOC001")]
    assert loc["name"] == "event-in-two-places"
    assert loc["defaultConfiguration"]["level"] == "error"
    assert loc["properties"]["category"] == "location"
    # "e.g. a summit" does not end the first sentence.
    assert loc["shortDescription"]["text"].startswith("One event is placed in two places")
    assert loc["shortDescription"]["text"].endswith(".")
    assert "e.g. a summit" in loc["shortDescription"]["text"]
    assert loc["fullDescription"]["text"] == " ".join(context.rules["LOC001"].description.split())
    assert context.rules["LOC001"].message in loc["help"]["text"]
    assert loc["help"]["markdown"].startswith("**LOC001 event-in-two-places**")
    levels = {rule["id"]: rule["defaultConfiguration"]["level"] for rule in driver["rules"]}
    assert (levels["NAM001"], levels["ENC001"]) == ("warning", "note")


def test_sarif_results_locate_every_side(report: Report, context: RenderContext) -> None:
    run = sarif_of(report, context)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    transfer, event, name, garbled = run["results"]
    assert [r["level"] for r in run["results"]] == ["error", "error", "warning", "note"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    location = event["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {
        "uri": "news/tea%2C%20trade%3A%20talks.txt",
        "uriBaseId": "%SRCROOT%",
    }
    assert location["region"] == {
        "startLine": 2,
        "startColumn": 5,
        "endLine": 2,
        "endColumn": 19,
        "charOffset": 34,
        "charLength": 14,
        "snippet": {"text": "summit in Lima"},
    }
    (other,) = event["relatedLocations"]
    assert other["id"] == 1
    assert other["physicalLocation"]["region"]["startLine"] == 3
    assert other["physicalLocation"]["region"]["snippet"] == {"text": "meeting in Japan"}
    message = report.documents[0].findings[1].message
    assert event["message"]["text"] == f"{message}. Other side: [“meeting in Japan”](1) at 3:5."
    assert transfer["partialFingerprints"] == {"factcheck/v1": report.documents[0].findings[0].fingerprint}
    assert "relatedLocations" not in garbled
    assert "suppressions" not in name
    assert run["invocations"][0]["executionSuccessful"] is False


def test_sarif_links_in_messages_match_related_location_ids(report: Report, context: RenderContext) -> None:
    for result in sarif_of(report, context)["runs"][0]["results"]:
        linked = [int(n) for n in re.findall(r"(?<!\\)\]\((\d+)\)", result["message"]["text"])]
        assert linked == [related["id"] for related in result.get("relatedLocations", [])]


def test_sarif_escapes_brackets_that_are_not_links(report: Report, context: RenderContext) -> None:
    document = report.documents[0]
    finding = document.findings[1]
    first, second = finding.evidence
    bracketed = replace(
        finding, message="Placed in [Lima]", evidence=(first, replace(second, text="in [sic] Japan"))
    )
    result = sarif_format.result_data(document, bracketed, 0)
    assert result["message"]["text"] == (
        "Placed in \\[Lima\\]. Other side: [“in \\[sic\\] Japan”](1) at 3:5."
    )
    snippet = result["relatedLocations"][0]["physicalLocation"]["region"]["snippet"]
    assert snippet == {"text": "in [sic] Japan"}


def test_sarif_suppressions(checked: Report, context: RenderContext) -> None:
    run = sarif_of(checked, context)["runs"][0]
    suppressed, *others = run["results"]
    assert suppressed["ruleId"] == "LOC001"
    assert suppressed["suppressions"] == [{"kind": "inSource", "justification": "checked with the desk"}]
    assert others and all("suppressions" not in result for result in others)


def test_sarif_unreadable_documents_are_notifications(report: Report, context: RenderContext) -> None:
    run = sarif_of(report, context)["runs"][0]
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    (notification,) = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error"
    assert notification["message"]["text"] == (
        "news/broken.txt could not be read: not valid UTF-8 (byte 0xff at offset 3)"
    )
    assert notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "news/broken.txt"


def test_sarif_invocation_succeeds_when_everything_was_read(checker: Checker, context: RenderContext) -> None:
    run = sarif_of(check(checker, ("calm.txt", "The council met on Tuesday.")), context)["runs"][0]
    assert run["invocations"] == [{"executionSuccessful": True}]
    assert run["results"] == []


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("news/a b.txt", {"uri": "news/a%20b.txt", "uriBaseId": "%SRCROOT%"}),
        ("./news/a.txt", {"uri": "news/a.txt", "uriBaseId": "%SRCROOT%"}),
        ("news\\a.txt", {"uri": "news/a.txt", "uriBaseId": "%SRCROOT%"}),
        ("-", {"uri": "stdin", "description": {"text": "standard input"}}),
    ],
)
def test_sarif_artifact_locations(path: str, expected: dict[str, Any]) -> None:
    assert sarif_format.artifact_location(path) == expected


def test_sarif_absolute_paths_become_relative_to_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    inside = sarif_format.artifact_location(str(tmp_path / "news" / "a.txt"))
    assert inside == {"uri": "news/a.txt", "uriBaseId": "%SRCROOT%"}
    outside = sarif_format.artifact_location("/elsewhere/a.txt")
    assert outside == {"uri": "file:///elsewhere/a.txt"}


# -- github annotations ----------------------------------------------------------------


def test_github_escaping() -> None:
    assert github_format.escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert github_format.escape_property("news/a, b: c%.txt\n") == "news/a%2C b%3A c%25.txt%0A"


def test_github_annotations(report: Report, context: RenderContext) -> None:
    output = renderers()["github"].render(report, context)
    lines = output.split("\n")
    message = report.documents[0].findings[0].message
    assert lines[0] == (
        "::error file=news/tea%2C trade%3A talks.txt,line=1,col=1,endLine=1,endColumn=29,"
        f"title=TRF001 transfer-reversed::{message}"
        "%0A[1] 1:1 “Kenya will ship tea to Chile”%0A[2] 4:1 “Chile then agreed to ship tea to Kenya”"
    )
    assert lines[1].startswith(
        "::error file=news/tea%2C trade%3A talks.txt,line=2,col=5,endLine=2,endColumn=19,"
    )
    assert lines[2] == (
        "::error file=news/broken.txt,title=factcheck input error::"
        "news/broken.txt: not valid UTF-8 (byte 0xff at offset 3)"
    )
    assert lines[3].startswith(
        "::warning file=news/photo.txt,line=1,col=8,endLine=1,endColumn=26,title=NAM001"
    )
    assert lines[4].startswith("::notice file=news/photo.txt,line=3,")
    assert lines[5] == "factcheck: 3 documents checked: 2 errors, 1 warning, 1 info; 1 could not be read"
    assert lines[6:] == [""]


def test_github_side_across_lines_has_no_columns(checker: Checker, context: RenderContext) -> None:
    # The runner ignores col/endColumn when an annotation spans lines; give only lines.
    result = check(checker, ("a.txt", "Kenya will ship\ntea to Chile. Chile agreed to ship tea to Kenya."))
    (finding,) = result.documents[0].findings
    assert finding.evidence[0].end_line == 2
    line = github_format.annotation(result.documents[0], finding)
    assert line.startswith("::error file=a.txt,line=1,endLine=2,title=TRF001 transfer-reversed::")
    assert "[1] 1:1 “Kenya will ship tea to Chile”" in line


def test_github_skips_suppressed_findings(checked: Report, context: RenderContext) -> None:
    output = renderers()["github"].render(checked, context)
    assert "LOC001" not in output
    assert "::warning file=news/photo.txt" in output


def test_github_is_the_default_format_on_github_actions(tmp_path: Path) -> None:
    (tmp_path / ".factcheck.toml").write_text('select = ["LOC001"]\n', encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(
        "During a summit in Vienna, leaders met. The meeting in Japan lasted an hour.", "utf-8"
    )
    on_actions = CliRunner().invoke(app, ["check", str(article)], env={"GITHUB_ACTIONS": "true"})
    assert on_actions.stdout.startswith(f"::error file={github_format.escape_property(str(article))},line=1,")
    elsewhere = CliRunner().invoke(app, ["check", str(article)], env={"GITHUB_ACTIONS": ""})
    assert elsewhere.stdout.startswith(f"{article}:1:10: error LOC001")


# -- text -------------------------------------------------------------------------------


def test_text_puts_the_caret_under_the_side(report: Report, context: RenderContext) -> None:
    output = renderers()["text"].render(report, context)
    block = output.split("\n\n")[1].split("\n")
    assert block[0] == "news/tea, trade: talks.txt:2:5: error LOC001 event-in-two-places"
    assert block[2] == '    [1] 2:5  "summit in Lima"'
    assert block[3] == "        The summit in Lima [Peru] opened, 50% of seats empty."
    assert block[4] == "        " + " " * 4 + "^" * len("summit in Lima")
    assert "\033[" not in output


def test_text_caret_counts_wide_characters_and_tabs(checker: Checker, context: RenderContext) -> None:
    text = "\t東京 During a summit in Vienna, leaders met. The meeting in Japan lasted an hour."
    output = renderers()["text"].render(check(checker, ("a.txt", text)), context)
    source_line, caret_line = output.split("\n")[3:5]
    assert (
        source_line
        == " " * 9 + "東京 During a summit in Vienna, leaders met. The meeting in Japan lasted an hour."
    )
    # The tab shows as one space; each of the two wide characters takes two columns.
    assert caret_line == "        " + " " * (1 + 4 + 1 + 9) + "^" * len("summit in Vienna")


def test_text_colour_only_when_asked(report: Report, context: RenderContext) -> None:
    coloured = renderers()["text"].render(report, replace(context, color=True))
    assert "\033[31merror\033[0m TRF001" in coloured
    assert "\033[33mwarning\033[0m NAM001" in coloured


def test_text_statistics_count_findings_per_rule(
    report: Report, checked: Report, context: RenderContext
) -> None:
    both = replace(report, documents=report.documents + checked.documents)
    summary = renderers()["text"].render(both, replace(context, statistics=True))
    assert summary.endswith(
        "5 documents checked: 2 errors, 2 warnings, 2 infos, 1 suppressed; 1 could not be read\n"
        "     2  ENC001 mojibake-repaired\n"
        "     1  LOC001 event-in-two-places\n"
        "     2  NAM001 name-spelled-two-ways\n"
        "     1  TRF001 transfer-reversed\n"
    )


def test_text_marks_suppressed_findings_only_when_asked(checked: Report, context: RenderContext) -> None:
    hidden = renderers()["text"].render(checked, context)
    assert "LOC001" not in hidden
    shown = renderers()["text"].render(checked, replace(context, options={"show_suppressed": True}))
    assert "news/checked.txt:2:10: error LOC001 event-in-two-places (suppressed)" in shown


def test_text_shows_control_characters_as_spaces(checker: Checker, context: RenderContext) -> None:
    text = "During a summit in Vienna, leaders met.\x1b[2J\r\nThe meeting in Japan lasted an hour."
    output = renderers()["text"].render(check(checker, ("a.txt", text)), context)
    assert "\x1b" not in output and "\r" not in output
    assert "        During a summit in Vienna, leaders met. [2J \n" in output


# -- html (structure; tests/test_html_browser.py renders it in Chromium) -----------------


class MarkCollector(HTMLParser):
    """Text inside every mark, the ids and links of every element, and resources loaded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.marks: list[dict[str, str]] = []
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []
        self.external: list[str] = []
        self._open_mark: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if "id" in values:
            self.ids.add(values["id"])
        if "href" in values:
            self.links.append((values.get("id", ""), values["href"]))
        for name in ("src", "href"):
            if name in values and not values[name].startswith("#"):
                self.external.append(values[name])
        if tag in {"link", "iframe", "img", "object", "embed"}:
            self.external.append(tag)
        if tag == "mark":
            self._open_mark = {**values, "text": ""}

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self._open_mark is not None:
            self.marks.append(self._open_mark)
            self._open_mark = None

    def handle_data(self, data: str) -> None:
        if self._open_mark is not None:
            self._open_mark["text"] += data


def test_html_marks_are_where_the_offsets_say(report: Report, context: RenderContext) -> None:
    page = renderers()["html"].render(report, context)
    collector = MarkCollector()
    collector.feed(page)
    sources = {d.path: d.analysis.document.source for d in report.documents if d.analysis is not None}
    assert len(collector.marks) == 7
    for mark in collector.marks:
        document = report.documents[int(mark["id"].split("-")[0][1:]) - 1]
        start, end = int(mark["data-start"]), int(mark["data-end"])
        assert mark["text"] == sources[document.path][start:end]


def test_html_sides_link_to_each_other_and_to_their_finding(report: Report, context: RenderContext) -> None:
    collector = MarkCollector()
    collector.feed(renderers()["html"].render(report, context))
    side_links = dict((source, target) for source, target in collector.links if source)
    # Document 1, finding 2 (LOC001): side 1 -> side 2 and back.
    assert side_links["d1-f2-s1"] == "#d1-f2-s2"
    assert side_links["d1-f2-s2"] == "#d1-f2-s1"
    assert {"d1-f1", "d1-f2", "d3-f1", "d3-f2"} <= collector.ids
    for _source, target in collector.links:
        assert target.startswith("#") and target[1:] in collector.ids, target
    assert collector.external == []


def test_html_is_self_contained_and_escapes_the_article(checker: Checker, context: RenderContext) -> None:
    text = (
        "During a summit in Vienna, leaders met. The meeting in Japan lasted an hour.\r\n"
        '<script>alert("x")</script> & more'
    )
    page = renderers()["html"].render(check(checker, ("<b>a</b>.txt", text)), context)
    assert '<script>alert("x")</script>' not in page
    assert '&lt;script&gt;alert("x")&lt;/script&gt;' in page
    assert "&lt;b&gt;a&lt;/b&gt;.txt" in page
    # A raw CR would be folded into LF by the browser; a reference keeps offsets exact.
    assert "\r" not in page and "&#13;" in page
    assert page.count("<script>") == 1
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "@import" not in page
    references = re.findall(r"url\(([^)]*)\)", page)
    assert references and all(target.startswith("#d1-graph-arrow-") for target in references)


def test_html_shows_the_rule_description_and_the_claim_graph(report: Report, context: RenderContext) -> None:
    page = renderers()["html"].render(report, context)
    description = " ".join(context.rules["TRF001"].description.split())
    assert f"<span>About TRF001:</span> {description}" in page.replace("&quot;", '"').replace("&#x27;", "'")
    graph = page[page.index('<svg class="claim-graph"') : page.index("</svg>")]
    # The reversed transfer joins the two parties both ways; the event joins two places.
    assert graph.count('class="node node-party"') == 2
    assert "<title>party: Kenya</title>" in graph and "<title>party: Chile</title>" in graph
    assert "<title>event: summit</title>" in graph  # named as the article first names it
    assert "<title>place: Lima</title>" in graph and "<title>place: Japan</title>" in graph
    assert 'class="edge edge-error"' in graph


def test_html_lists_unreadable_documents(report: Report, context: RenderContext) -> None:
    page = renderers()["html"].render(report, context)
    assert '<section class="document input-error" id="d2">' in page
    assert "not valid UTF-8 (byte 0xff at offset 3)" in page


def test_html_without_kept_analysis_still_lists_findings(report: Report, context: RenderContext) -> None:
    bare = replace(report, documents=tuple(replace(d, analysis=None) for d in report.documents))
    page = renderers()["html"].render(bare, context)
    assert "<mark" not in page and "<svg" not in page
    assert "The article text was not kept for this report." in page
    assert "summit in Lima" in page


def test_html_for_a_clean_run(checker: Checker, context: RenderContext) -> None:
    page = renderers()["html"].render(check(checker, ("calm.txt", "The council met on Tuesday.")), context)
    assert "No contradictions found." in page
