"""Strategies shared by the fuzz suites: texts rich in the characters readers treat specially."""

from __future__ import annotations

import codecs
from pathlib import Path

import yaml
from hypothesis import settings
from hypothesis import strategies as st

from factcheck.reading.document import Document

ROOT = Path(__file__).resolve().parents[1]


def line_and_column(source: str, offset: int) -> tuple[int, int]:
    """Counted afresh: lines end at each newline, columns start at 1."""
    return source.count("\n", 0, offset) + 1, offset - (source.rfind("\n", 0, offset) + 1) + 1


def assert_sound(document: Document) -> None:
    """The offset map covers the analysis text and stays inside the source, in order."""
    offsets = document.offsets
    assert len(offsets.starts) == len(offsets.ends) == len(document.text)
    assert all(0 <= s <= e <= len(document.source) for s, e in zip(offsets.starts, offsets.ends, strict=True))
    # position_of bisects the starts, which only works when they never go back.
    assert list(offsets.starts) == sorted(offsets.starts)
    for suppression in document.suppressions:
        assert 0 <= suppression.start < suppression.end <= len(document.source)
        assert 0 <= suppression.scope_start <= suppression.scope_end <= len(document.source)
    for bad in document.bad_directives:
        assert 0 <= bad.start < bad.end <= len(document.source)
        assert bad.problem


def budget(share: float) -> settings:
    """A share of the loaded profile's examples: a test that parses gets fewer than one that only reads."""
    loaded = settings.default
    assert loaded is not None, "conftest loads a profile"
    return settings(max_examples=max(5, int(loaded.max_examples * share)))


#: What markup, entities, mojibake, suppressions and line ends are made of.
SPECIAL = list("<>&;#*_`[]()!|\\-=~:\"'/ \t\n\r\u00a0\u200b\u2028\ufeff\u00c3\u00a9\u00e2\u20ac\u2122")
FRAGMENTS = [
    "<p>",
    "</p>",
    "<b>",
    "</b>",
    "<br/>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "&amp;",
    "&nbsp;",
    "&#233;",
    "&bogus;",
    "**",
    "# ",
    "| a | b |\n|---|---|\n",
    "```\n",
    "[link](http://x)",
    "![img](y.png)",
    "\n\n",
    "\r\n",
    "---\n",
    "<![CDATA[x]]>",
    "<?xml version='1.0'?>",
    "<!DOCTYPE html>",
    "&#0;",
    "&#x110000;",
    "&#xD800;",
    "<table><tr><td>",
    "<main>",
    "<article>",
    "<style>",
    "    code\n",
    "> ",
    "1. ",
    "- ",
    "[ref]: http://x\n",
    "[ref]",
    "<http://auto>",
    "\\*",
    "~~~\n",
    "+++\n",
    "Ã©",
    "â€™",
    "<!-- factcheck: ignore[LOC001] one campus -->",
    "<!-- factcheck: ignore-file[NAM,TRV] kept -->",
    "<!-- factcheck: ignore[] -->",
    "<!-- factcheck: nonsense -->",
    "[factcheck: ignore[LOC001] one campus]",
    "[factcheck: ignore-file[lower] bad]",
    "[factcheck: ignore[LOC001,]]",
]


def rule_fixture_texts() -> list[str]:
    """The plain-text cases of the rule fixtures that fire: the repository's own wordings."""
    found: list[str] = []
    for path in sorted((ROOT / "rules").glob("*.test.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            if case.get("format", "text") == "text" and case.get("expect"):
                found.append(case["text"])
    return found


CASES = rule_fixture_texts()

#: Any text, markup-heavy: single characters, markup fragments and words.
pieces = st.one_of(
    st.sampled_from(SPECIAL),
    st.sampled_from(FRAGMENTS),
    st.text(min_size=1, max_size=6),
    st.sampled_from(["Oslo", "Kim", "met", "the summit", "in", "Paris", "on Monday", "."]),
)
markup_text = st.lists(pieces, max_size=40).map("".join)


@st.composite
def articles(draw: st.DrawFn) -> str:
    """A fixture case (often one that fires) with markup, comments and noise put in anywhere."""
    text = draw(st.sampled_from(CASES))
    noise = st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(SPECIAL), st.text(max_size=4))
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.sampled_from([0, len(text), *(i for i, ch in enumerate(text) if ch in " \n")]))
        text = text[:at] + draw(noise) + text[at:]
    return text


formats = st.sampled_from(["text", "markdown", "html"])


@st.composite
def encoded(draw: st.DrawFn) -> bytes:
    """Bytes as files arrive: UTF-8 (with or without BOM), UTF-16 with BOM, other encodings, noise."""
    text = draw(markup_text)
    how = draw(st.sampled_from(["utf-8", "utf-8-bom", "utf-16", "latin-1", "cp1252", "raw", "cut"]))
    if how == "utf-8":
        return text.encode("utf-8", "surrogatepass")
    if how == "utf-8-bom":
        return codecs.BOM_UTF8 + text.encode("utf-8", "surrogatepass")
    if how == "utf-16":
        return text.encode(draw(st.sampled_from(["utf-16", "utf-16-le", "utf-16-be"])), "surrogatepass")
    if how in ("latin-1", "cp1252"):
        return text.encode(how, "replace")
    data = text.encode("utf-8", "surrogatepass")
    if how == "cut" and data:
        return data[: draw(st.integers(0, len(data)))]
    return draw(st.binary(max_size=200))
