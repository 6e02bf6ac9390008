"""Golden files: every output format on the seed article, byte for byte, through the CLI.

The CLI runs from the repository root with the seed's relative path, as a user would,
so the files hold no absolute paths and no timestamps. When a rule, an extractor or
a renderer changes the output on purpose, regenerate and review the diff:

    FACTCHECK_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_renderers_golden.py
"""

from __future__ import annotations

import difflib
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
UPDATE = os.environ.get("FACTCHECK_UPDATE_GOLDEN") == "1"
SEED_STEM = "000_ad2f7963976caff1"
#: The seed as plain text, and as Markdown and HTML once those versions are in seeds/.
SEEDS = sorted(
    p.name for p in (ROOT / "seeds").glob(f"{SEED_STEM}.*") if p.suffix in {".txt", ".md", ".html"}
)
#: format -> file extension of its golden file
FORMATS = {"text": "txt", "json": "json", "jsonl": "jsonl", "sarif": "sarif", "github": "txt", "html": "html"}


#: The rules behind the seed's findings. Pinned so a new rule changes these files only
#: if it changes how they render; which findings the seed gives is tests/test_seed.py's job.
SEED_RULES = ("ENC001", "LOC001", "NAM001", "TRF001", "TRV001", "TRV002")
SELECT = [option for rule in SEED_RULES for option in ("--select", rule)]


def run_check(output_format: str, seed: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(ROOT)
    arguments = ["check", f"seeds/{seed}", "--format", output_format, "--fail-on", "never", "--no-color"]
    arguments += SELECT
    result = CliRunner().invoke(app, arguments, env={"GITHUB_ACTIONS": "", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return result.stdout


def golden_path(output_format: str, seed: str) -> Path:
    return GOLDEN / output_format / f"{seed}.{FORMATS[output_format]}"


def test_the_plain_text_seed_is_covered() -> None:
    assert f"{SEED_STEM}.txt" in SEEDS


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("output_format", sorted(FORMATS))
def test_output_matches_golden_file(output_format: str, seed: str, monkeypatch: pytest.MonkeyPatch) -> None:
    output = run_check(output_format, seed, monkeypatch)
    path = golden_path(output_format, seed)
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(output.encode("utf-8"))
    if not path.is_file():
        pytest.fail(f"no golden file {path.relative_to(ROOT)}; create it with FACTCHECK_UPDATE_GOLDEN=1")
    expected = path.read_bytes().decode("utf-8")
    if output != expected:
        diff = difflib.unified_diff(
            expected.splitlines(keepends=True), output.splitlines(keepends=True), "golden", "now", n=1
        )
        pytest.fail(
            f"{output_format} output of seeds/{seed} differs from {path.relative_to(ROOT)}; if the change "
            "is intended, regenerate with FACTCHECK_UPDATE_GOLDEN=1 and review the diff:\n"
            + "".join(list(diff)[:60])
        )
    assert str(ROOT) not in output


# -- every format points at the same text ------------------------------------------------


def line_starts(source: str) -> list[int]:
    return [0, *(i + 1 for i, char in enumerate(source) if char == "\n")]


def one_line(text: str) -> str:
    return " ".join(text.split())


def sides_from_json(output: str) -> set[tuple[int, int]]:
    data = json.loads(output)
    return {(e["start"], e["end"]) for d in data["documents"] for f in d["findings"] for e in f["evidence"]}


def sides_from_jsonl(output: str) -> set[tuple[int, int]]:
    lines = [json.loads(line) for line in output.splitlines()]
    assert "summary" in lines[-1]
    return {(e["start"], e["end"]) for d in lines[:-1] for f in d["findings"] for e in f["evidence"]}


def sides_from_sarif(output: str, source: str) -> set[tuple[int, int]]:
    starts = line_starts(source)
    found = set()
    for result in json.loads(output)["runs"][0]["results"]:
        for location in [*result["locations"], *result.get("relatedLocations", [])]:
            region = location["physicalLocation"]["region"]
            start, end = region["charOffset"], region["charOffset"] + region["charLength"]
            assert starts[region["startLine"] - 1] + region["startColumn"] - 1 == start
            assert starts[region["endLine"] - 1] + region["endColumn"] - 1 == end
            assert region["snippet"]["text"] == source[start:end]
            found.add((start, end))
    return found


def quoted_sides(lines: list[str], pattern: str, source: str) -> set[tuple[int, int]]:
    """Sides given as line:column and a quote; the quote fixes where each side ends."""
    starts = line_starts(source)
    found = set()
    for line in lines:
        for row, column, quote in re.findall(pattern, line):
            start = starts[int(row) - 1] + int(column) - 1
            end = start
            # Quotes show line breaks and control characters as spaces: match by words.
            while one_line(source[start:end]) != one_line(quote) and end < len(source):
                end += 1
            assert one_line(source[start:end]) == one_line(quote)
            found.add((start, end))
    return found


def unescape_data(text: str) -> str:
    return text.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")


def sides_from_github(output: str, source: str) -> set[tuple[int, int]]:
    starts = line_starts(source)
    messages, firsts = [], set()
    for line in output.splitlines():
        match = re.match(r"::(error|warning|notice) (.*?)::(.*)$", line)
        if match is None:
            continue
        properties = dict(pair.split("=", 1) for pair in match.group(2).split(","))
        if "col" in properties:  # left out when the first side spans lines
            firsts.add(starts[int(properties["line"]) - 1] + int(properties["col"]) - 1)
        messages.extend(unescape_data(match.group(3)).split("\n"))
    found = quoted_sides(messages, r"^\[\d+\] (\d+):(\d+) “(.*)”$", source)
    assert firsts <= {start for start, _ in found}
    return found


def sides_from_text(output: str, source: str) -> set[tuple[int, int]]:
    return quoted_sides(output.splitlines(), r'^    \[\d+\] (\d+):(\d+)  "(.*)"$', source)


class MarkedOffsets(HTMLParser):
    """Every character offset inside a mark, checking each mark's text against the source."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.marked: set[int] = set()
        self._mark: dict[str, Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "mark":
            values = dict(attrs)
            self._mark = {
                "start": int(values["data-start"] or 0),
                "end": int(values["data-end"] or 0),
                "text": "",
            }

    def handle_data(self, data: str) -> None:
        if self._mark is not None:
            self._mark["text"] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self._mark is not None:
            start, end = self._mark["start"], self._mark["end"]
            assert self._mark["text"] == self.source[start:end]
            self.marked.update(range(start, end))
            self._mark = None


@pytest.mark.parametrize("seed", SEEDS)
def test_every_format_points_at_the_same_text(seed: str, monkeypatch: pytest.MonkeyPatch) -> None:
    source = (ROOT / "seeds" / seed).read_bytes().decode("utf-8-sig")
    outputs = {name: run_check(name, seed, monkeypatch) for name in FORMATS}
    sides = sides_from_json(outputs["json"])
    assert sides, "the seed should give findings"
    assert sides_from_jsonl(outputs["jsonl"]) == sides
    assert sides_from_sarif(outputs["sarif"], source) == sides
    assert sides_from_github(outputs["github"], source) == sides
    assert sides_from_text(outputs["text"], source) == sides
    marks = MarkedOffsets(source)
    marks.feed(outputs["html"])
    assert marks.marked == {offset for start, end in sides for offset in range(start, end)}


@pytest.mark.parametrize("output_format", ["text", "jsonl", "github"])
def test_streamed_stdout_and_output_file_are_the_same_bytes(
    output_format: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed = f"{SEED_STEM}.txt"
    streamed = run_check(output_format, seed, monkeypatch)
    written = tmp_path / "report"
    arguments = [
        "check",
        f"seeds/{seed}",
        "--format",
        output_format,
        "--fail-on",
        "never",
        "-o",
        str(written),
        *SELECT,
    ]
    result = CliRunner().invoke(app, arguments, env={"GITHUB_ACTIONS": "", "NO_COLOR": "1"})
    assert (result.exit_code, result.stdout) == (0, "")
    assert written.read_bytes().decode("utf-8") == streamed
