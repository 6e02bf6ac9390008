"""The HTML report in a real browser: headless Chromium renders it and dumps its DOM.

The highlights are checked where a reader sees them: in the DOM the browser built
from the page, every mark's text is the source slice its data-start/data-end name,
and it stands at that offset of the article's text. Skipped only when no Chromium
is installed (.ci/run installs Debian's).
"""

from __future__ import annotations

import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factcheck.config import Settings
from factcheck.nlp.gazetteer import Gazetteer
from factcheck.pipeline import Checker, all_rules, rules_for
from factcheck.reading.inputs import document_from_text
from factcheck.report.model import Report
from factcheck.report.renderers import RenderContext, renderers

#: Windows line endings (a browser folds raw CRs away), a character outside the Basic
#: Multilingual Plane (two UTF-16 units in JavaScript, one code point for us), markup
#: to escape, and sides on several lines.
ARTICLE = (
    "Kenya will ship tea to Chile, officials said 🌍.\r\n"
    "\r\n"
    "The summit in Lima opened <b>late</b> & ran long.\r\n"
    "The meeting in Japan ended.\r\n"
    "Chile then agreed to ship tea to Kenya.\r\n"
)
BROWSERS = ("chromium", "chromium-browser")


def browser() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no chromium binary installed (apt-get install chromium)")


def run_browser(profile: Path, page: Path, *mode: str) -> bytes:
    command = [
        browser(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        *mode,
        page.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")[-2000:]
    return done.stdout


@pytest.fixture(scope="module")
def page(gazetteer: Gazetteer, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    # Only the rules the article is written for, so rules added later leave this test alone.
    checker = Checker(rules_for(Settings(select=("LOC001", "TRF001"))), gazetteer)
    document = document_from_text(ARTICLE, "news/tea.txt")
    report = Report(tuple(checker.check([document], keep_analysis=True)), checker.pipeline.model)
    assert [f.rule_id for f in report.documents[0].findings] == ["TRF001", "LOC001"]
    context = RenderContext({rule.id: rule for rule in all_rules(Settings())})
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_bytes(renderers()["html"].render(report, context).encode("utf-8"))
    return path, ARTICLE


class SourceText(HTMLParser):
    """The text of the article container as the browser holds it, with each mark's place."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text = ""
        self.marks: list[tuple[int, int, int, str]] = []
        self._depth = 0
        self._mark: tuple[int, int, int] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if self._depth:
            self._depth += tag not in {"br", "wbr"}
        elif tag == "div" and values.get("id") == "d1-source":
            self._depth = 1
        if self._depth and tag == "mark":
            self._mark = (len(self.text), int(values["data-start"] or -1), int(values["data-end"] or -1))

    def handle_endtag(self, tag: str) -> None:
        if not self._depth:
            return
        if tag == "mark" and self._mark is not None:
            position, start, end = self._mark
            self.marks.append((position, start, end, self.text[position:]))
            self._mark = None
        self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._depth:
            self.text += data


def test_highlights_are_where_the_offsets_say(page: tuple[Path, str], tmp_path: Path) -> None:
    path, source = page
    dom = run_browser(tmp_path / "profile", path, "--dump-dom").decode("utf-8")
    parsed = SourceText()
    parsed.feed(dom)
    assert parsed.text == source
    assert len(parsed.marks) == 4
    for position, start, end, text in parsed.marks:
        assert (position, text) == (start, source[start:end])
    marked = {text for _position, _start, _end, text in parsed.marks}
    assert marked == {
        "Kenya will ship tea to Chile",
        "summit in Lima",
        "meeting in Japan",
        "Chile then agreed to ship tea to Kenya",
    }


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_screenshot_is_a_full_page(page: tuple[Path, str], tmp_path: Path) -> None:
    path, _source = page
    shot = tmp_path / "report.png"
    run_browser(tmp_path / "profile", path, f"--screenshot={shot}", "--window-size=1280,2000")
    data = shot.read_bytes()
    assert png_size(data) == (1280, 2000)
    # A blank page of this size compresses to a few kilobytes; text, marks and a drawing do not.
    assert len(data) > 40_000
