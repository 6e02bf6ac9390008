"""The Markdown and HTML readers: exact analysis text, exact offsets back into the source."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.reading.document import OffsetMap
from factcheck.reading.inputs import document_from_text
from factcheck.reading.readers import READERS
from factcheck.reading.readers.html import read_html
from factcheck.reading.readers.markdown import read_markdown

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_ad2f7963976caff1"

Reader = Callable[[str], tuple[str, OffsetMap]]


def quote(source: str, offsets: OffsetMap, start: int, end: int) -> str:
    """The source text an analysis span stands for."""
    first, last = offsets.span(start, end, len(source))
    return source[first:last]


def source_of(source: str, text: str, offsets: OffsetMap, word: str) -> str:
    """The source text behind the one occurrence of ``word`` in the analysis text."""
    assert text.count(word) == 1, f"{word!r} is not unique in {text!r}"
    start = text.index(word)
    return quote(source, offsets, start, start + len(word))


def assert_well_formed(source: str, text: str, offsets: OffsetMap) -> None:
    """Every analysis character maps inside the source, in order, and kept ones exactly."""
    assert len(offsets.starts) == len(offsets.ends) == len(text)
    previous = 0
    for index, char in enumerate(text):
        start, end = offsets.starts[index], offsets.ends[index]
        assert 0 <= start <= end <= len(source), (index, char, start, end)
        assert start >= previous, f"offsets go backwards at {index} ({char!r})"
        previous = start
        if end - start == 1 and not char.isspace():
            assert source[start] == char, (index, char, source[start])


# Markdown ------------------------------------------------------------------------------


def test_markdown_yaml_front_matter_is_skipped_and_offsets_stay_exact() -> None:
    source = "---\ntitle: Talks in Oslo\ndate: 2024-05-02\n---\nThe talks opened.\n"
    text, offsets = read_markdown(source)
    assert text == "The talks opened."
    assert offsets.starts[0] == source.index("The talks")
    assert_well_formed(source, text, offsets)


def test_markdown_toml_front_matter_is_skipped() -> None:
    source = '+++\ntitle = "Talks"\n+++\n\nDelegates arrived.'
    text, _ = read_markdown(source)
    assert text == "Delegates arrived."


def test_markdown_dashes_later_in_the_file_are_not_front_matter() -> None:
    source = "Opening line.\n\n---\ntitle: kept\n---\n"
    text, _ = read_markdown(source)
    # A thematic break, then a setext heading "title: kept": both read as text.
    assert text == "Opening line.\n\ntitle: kept"


def test_markdown_unclosed_front_matter_is_read_as_text() -> None:
    text, _ = read_markdown("---\nNo closing fence here.\n")
    assert text == "No closing fence here."


def test_markdown_heading_emphasis_and_link_are_stripped() -> None:
    source = '# Kim *flies* to [Paris](https://example.org/paris "The city") #\n'
    text, offsets = read_markdown(source)
    assert text == "Kim flies to Paris"
    assert offsets.starts == (
        2, 3, 4, 5, 7, 8, 9, 10, 11, 13, 14, 15, 16, 18, 19, 20, 21, 22,
    )  # fmt: skip
    assert offsets.ends == tuple(start + 1 for start in offsets.starts)
    assert source_of(source, text, offsets, "flies to Paris") == "flies* to [Paris"


def test_markdown_blocks_are_paragraphs_and_soft_breaks_are_spaces() -> None:
    source = "## Summit ends\n\nLeaders met in Oslo\non Monday.\nThey left.\n\nNew paragraph."
    text, offsets = read_markdown(source)
    assert text == "Summit ends\n\nLeaders met in Oslo on Monday. They left.\n\nNew paragraph."
    soft = text.index("Oslo") + len("Oslo")
    assert (offsets.starts[soft], offsets.ends[soft]) == (source.index("\non"), source.index("on Monday"))
    first_break = text.index("\n\n")
    assert quote(source, offsets, first_break, first_break + 2) == "\n\n"
    assert_well_formed(source, text, offsets)


def test_markdown_hard_break_ends_a_paragraph() -> None:
    text, _ = read_markdown("Line one  \nLine two\\\nLine three")
    assert text == "Line one\n\nLine two\n\nLine three"


def test_markdown_strong_and_nested_emphasis() -> None:
    source = "A **bold _and nested_ claim** and __strong__ and ~~struck~~ text."
    text, offsets = read_markdown(source)
    assert text == "A bold and nested claim and strong and struck text."
    assert source_of(source, text, offsets, "bold and nested claim") == "bold _and nested_ claim"
    assert_well_formed(source, text, offsets)


def test_markdown_intraword_underscores_and_lone_stars_are_text() -> None:
    text, _ = read_markdown("The snake_case_name costs 5 * 3 dollars.")
    assert text == "The snake_case_name costs 5 * 3 dollars."


def test_markdown_unmatched_delimiters_map_to_themselves() -> None:
    source = "*a**"
    text, offsets = read_markdown(source)
    assert text == "a*"
    assert offsets.starts == (1, 3)


def test_markdown_inline_code_keeps_its_text_without_ticks() -> None:
    source = "Run `` a `tick` `` then `plain` now."
    text, offsets = read_markdown(source)
    assert text == "Run a `tick` then plain now."
    assert source_of(source, text, offsets, "a `tick`") == "a `tick`"
    assert offsets.starts[text.index("plain")] == source.index("plain")


def test_markdown_code_blocks_are_dropped() -> None:
    source = "Before.\n\n```python\nprint('Oslo')\n```\n\n    indented = 'Lisbon'\n\nAfter."
    text, offsets = read_markdown(source)
    assert text == "Before.\n\nAfter."
    assert quote(source, offsets, 7, 9) == source[len("Before.") : source.index("After.")]


def test_markdown_images_read_as_alt_text_and_titles_are_dropped() -> None:
    source = '![Kim *in* Oslo](kim.jpg "A title") Photo: Jane Roe'
    text, offsets = read_markdown(source)
    assert text == "Kim in Oslo Photo: Jane Roe"
    assert source_of(source, text, offsets, "Kim in Oslo") == "Kim *in* Oslo"
    assert source_of(source, text, offsets, "Photo") == "Photo"


def test_markdown_autolinks_keep_the_address() -> None:
    source = "See <https://example.org/a_b> now."
    text, offsets = read_markdown(source)
    assert text == "See https://example.org/a_b now."
    assert source_of(source, text, offsets, "https://example.org/a_b") == "https://example.org/a_b"


def test_markdown_reference_links_read_as_their_text() -> None:
    source = (
        "Full [Oslo talks][talks], collapsed [talks][], shortcut [talks] and [undefined] stay.\n\n"
        '[talks]: https://example.org/talks "Talks"\n'
    )
    text, offsets = read_markdown(source)
    assert text == "Full Oslo talks, collapsed talks, shortcut talks and [undefined] stay."
    assert_well_formed(source, text, offsets)


def test_markdown_link_title_text_is_never_read() -> None:
    source = '[Oslo](https://example.org "Oslo is the capital") is cold.'
    text, offsets = read_markdown(source)
    assert text == "Oslo is cold."
    assert offsets.starts[text.index(" is cold")] == source.index(" is cold.")


def test_markdown_entities_and_escapes_quote_what_was_written() -> None:
    source = "Ben &amp; Jerry&rsquo;s paid \\*not\\* 5&#36; and &bogus; too."
    text, offsets = read_markdown(source)
    assert text == "Ben & Jerry’s paid *not* 5$ and &bogus; too."
    assert source_of(source, text, offsets, "Ben &") == "Ben &amp;"
    assert source_of(source, text, offsets, "’") == "&rsquo;"
    assert source_of(source, text, offsets, "*not*") == "\\*not\\*"
    assert source_of(source, text, offsets, "$") == "&#36;"
    assert_well_formed(source, text, offsets)


def test_markdown_html_comments_and_inline_tags_are_dropped() -> None:
    source = "Talks <span class='x'>in Oslo</span><!-- note --> ended.\n\n<!-- a block comment -->\n\nNext."
    text, offsets = read_markdown(source)
    assert text == "Talks in Oslo ended.\n\nNext."
    assert source_of(source, text, offsets, "in Oslo") == "in Oslo"


def test_markdown_html_blocks_are_read_as_html() -> None:
    source = 'Intro.\n\n<div class="box">\n<p>Boxed &ndash; text</p>\n<script>x()</script>\n</div>\n\nOutro.'
    text, offsets = read_markdown(source)
    assert text == "Intro.\n\nBoxed – text\n\nOutro."
    assert source_of(source, text, offsets, "–") == "&ndash;"


def test_markdown_lists_and_blockquotes_lose_their_markers() -> None:
    source = "- first item\n- second item\n  continues here\n\n1. numbered\n\n> quoted\n> > nested quote"
    text, offsets = read_markdown(source)
    assert text == ("first item\n\nsecond item continues here\n\nnumbered\n\nquoted\n\nnested quote")
    assert source_of(source, text, offsets, "continues") == "continues"
    assert source_of(source, text, offsets, "nested quote") == "nested quote"
    assert_well_formed(source, text, offsets)


def test_markdown_table_cells_are_blocks_without_pipes() -> None:
    source = "| City | Event |\n|------|-------|\n| Oslo | talks \\| summit |\n| Oslo | Oslo |\n"
    text, offsets = read_markdown(source)
    assert text == "City\n\nEvent\n\nOslo\n\ntalks | summit\n\nOslo\n\nOslo"
    assert source_of(source, text, offsets, "|") == "\\|"
    # The two "Oslo" cells of the last row map to their own columns, in order.
    last_row = source.rindex("| Oslo | Oslo |")
    assert offsets.starts[len(text) - 4] == last_row + len("| Oslo | ")
    assert offsets.starts[len(text) - 10] == last_row + 2


def test_markdown_windows_line_endings() -> None:
    source = "---\r\ntitle: x\r\n---\r\n# Head\r\n\r\nOne\r\ntwo.\r\n"
    text, offsets = read_markdown(source)
    assert text == "Head\n\nOne two."
    soft = text.index(" two")
    assert quote(source, offsets, soft, soft + 1) == "\r\n"
    assert_well_formed(source, text, offsets)


def test_markdown_empty_and_markup_only_documents_have_no_text() -> None:
    assert read_markdown("") == ("", OffsetMap((), ()))
    assert read_markdown("---\ntitle: x\n---\n\n```\ncode\n```\n<!-- c -->\n")[0] == ""


# HTML ----------------------------------------------------------------------------------


def test_html_paragraphs_and_a_character_reference() -> None:
    source = "<article><h1>Kim flies to Paris</h1><p>He arrived on Monday &amp; left.</p></article>"
    text, offsets = read_html(source)
    assert text == "Kim flies to Paris\n\nHe arrived on Monday & left."
    assert offsets.starts[:3] == (13, 14, 15)
    ampersand = text.index("&")
    assert (offsets.starts[ampersand], offsets.ends[ampersand]) == (60, 65)
    assert source[60:65] == "&amp;"
    assert quote(source, offsets, len("Kim flies to Paris"), len("Kim flies to Paris") + 2) == "</h1><p>"
    assert_well_formed(source, text, offsets)


def test_html_ignores_scripts_chrome_forms_and_comments() -> None:
    source = (
        "<html><head><title>Oslo talks</title><style>p { color: red }</style></head><body>"
        "<header>Site banner</header><nav><a href='/'>Home</a></nav>"
        "<p>Talks <!-- hidden --> began.<script>var s = '<p>fake</p>';</script></p>"
        "<noscript>Enable JS</noscript><template><p>Later</p></template>"
        "<form><label>Name</label></form><aside>Related story</aside>"
        "<svg><title>icon</title></svg><iframe>frame text</iframe>"
        "<footer>Copyright</footer></body></html>"
    )
    text, offsets = read_html(source)
    assert text == "Oslo talks\n\nTalks began."
    assert_well_formed(source, text, offsets)


def test_html_article_is_preferred_to_the_page() -> None:
    source = (
        "<title>Page title</title><main><p>Main intro.</p>"
        "<article><header><h1>The headline</h1></header><p>Story text.</p>"
        "<footer>Share this</footer></article></main><p>Outside.</p>"
    )
    text, _ = read_html(source)
    # Inside the article its own <header> (headline) is kept; its <footer> is not.
    assert text == "The headline\n\nStory text."


def test_html_main_is_used_when_there_is_no_article() -> None:
    source = "<p>Cookie notice.</p><main><p>The story.</p></main><p>More links.</p>"
    assert read_html(source)[0] == "The story."


def test_html_the_longest_article_is_the_story() -> None:
    source = (
        "<article><p>Teaser.</p></article>"
        "<article><p>The real story is much longer than a teaser.</p></article>"
    )
    assert read_html(source)[0] == "The real story is much longer than a teaser."


def test_html_articles_inside_asides_do_not_count() -> None:
    source = "<aside><article><p>Related.</p></article></aside><div><p>Body.</p></div>"
    assert read_html(source)[0] == "Body."


def test_html_blocks_break_and_inline_elements_join() -> None:
    source = (
        "<div>Lead<span>ing</span> <em>text</em></div><ul><li>one</li><li>two</ul>"
        "<p>Line<br>break</p><table><tr><td>cell a</td><td>cell b</td></tr></table>"
        "<figure><img src=x.jpg alt='not read'><figcaption>Photo: AP</figcaption></figure>"
    )
    text, offsets = read_html(source)
    assert text == "Leading text\n\none\n\ntwo\n\nLine\n\nbreak\n\ncell a\n\ncell b\n\nPhoto: AP"
    assert_well_formed(source, text, offsets)


def test_html_whitespace_collapses_and_newlines_never_split_sentences() -> None:
    source = "<p>\n   Talks in\n      Oslo\tended.  </p>"
    text, offsets = read_html(source)
    assert text == "Talks in Oslo ended."
    space = text.index(" Oslo")
    assert quote(source, offsets, space, space + 1) == "\n      "


def test_html_character_references_decode_and_quote_as_written() -> None:
    source = "<p>Kim&rsquo;s trip &#8212; and Putin&#x2019;s &ndash; cost &pound;5 at AT&T &bogus; &amp</p>"
    text, offsets = read_html(source)
    assert text == "Kim’s trip — and Putin’s – cost £5 at AT&T &bogus; &"
    assert source_of(source, text, offsets, "Kim’s") == "Kim&rsquo;s"
    assert source_of(source, text, offsets, "—") == "&#8212;"
    assert source_of(source, text, offsets, "Putin’s") == "Putin&#x2019;s"
    assert source_of(source, text, offsets, "AT&T") == "AT&T"
    assert_well_formed(source, text, offsets)


def test_html_non_breaking_space_reads_as_a_space() -> None:
    source = "<p>Kim&nbsp;Jong Un</p>"
    text, offsets = read_html(source)
    assert text == "Kim Jong Un"
    assert quote(source, offsets, 3, 4) == "&nbsp;"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<p>Unclosed paragraph<p>Second one", "Unclosed paragraph\n\nSecond one"),
        ("<div><p>Stray end</span></b> tags</div></div>", "Stray end tags"),
        ("<p>Unterminated <!-- comment", "Unterminated"),
        ("<p>An unclosed <script>alert(1)", "An unclosed"),
        ("5 < 6 and 7 > 6", "5 < 6 and 7 > 6"),
        ("<p>Ref junk &#; &#xZZ; &# end</p>", "Ref junk &#; &#xZZ; &# end"),
        ("<p a='1' b=\"2\" c>Odd attributes</p >", "Odd attributes"),
        ("</p></div>Only ends", "Only ends"),
        ("<nav>Never closed nav<p>Swallowed", ""),
        ("<<<>>>", "<<<>>>"),
        ("", ""),
    ],
)
def test_html_malformed_markup_never_crashes(source: str, expected: str) -> None:
    text, offsets = read_html(source)
    assert text == expected
    assert_well_formed(source, text, offsets)


# Properties over many generated documents ------------------------------------------------

# fmt: off
MARKDOWN_PIECES = [
    "Kim", " met ", "Putin", " in ", "Oslo", ".", "*", "**", "_", "`", "``", "[", "]", "(", ")",
    "![", "](https://x.org/a)", "<", ">", "&amp;", "&#8217;", "&bogus;", "\\*", "\\", "#", "## ",
    "> ", "- ", "1. ", "|", " | ", "\n", "\n\n", "\n---\n", "```\n", "    ", "\t", "<!--", "-->",
    "<span>", "</span>", "<div>", "</div>", "[ref]", "\n[ref]: /u\n", "~~", "  \n", "\r\n", "’", "é",
]
HTML_PIECES = [
    "Kim", " met ", "Putin", " in ", "Oslo", ".", "<p>", "</p>", "<div>", "</div>", "<br>", "<br/>",
    "<em>", "</em>", "<article>", "</article>", "<main>", "</main>", "<nav>", "</nav>", "<script>",
    "</script>", "<style>", "</style>", "<!--", "-->", "&amp;", "&rsquo;", "&#8217;", "&#x27;", "&",
    "&#", ";", "<", ">", "</", "<!DOCTYPE html>", "<?php ?>", "<a href='x'>", "</a>", "\n", "  ",
    "<li>", "<header>", "</header>", "<svg>", "<![CDATA[x]]>", "<![", "<!", "=", "'", '"', "é", "\r\n",
]
# fmt: on


def _generated(pieces: list[str], count: int, seed: int) -> list[str]:
    generator = random.Random(seed)
    return ["".join(generator.choice(pieces) for _ in range(generator.randint(0, 40))) for _ in range(count)]


@pytest.mark.parametrize(
    ("reader", "pieces"), [(read_markdown, MARKDOWN_PIECES), (read_html, HTML_PIECES)], ids=["md", "html"]
)
def test_every_analysis_character_maps_inside_the_source(reader: Reader, pieces: list[str]) -> None:
    for source in _generated(pieces, 400, seed=4):
        text, offsets = reader(source)
        assert_well_formed(source, text, offsets)
        assert "\n\n\n" not in text
        assert text == text.strip()
        # Same input, same output.
        assert reader(source) == (text, offsets)


def test_readers_are_registered_by_format_name() -> None:
    assert READERS["markdown"] is read_markdown
    assert READERS["html"] is read_html


def test_markdown_evidence_points_at_the_source_line_and_column() -> None:
    source = "---\nauthor: A. Writer\n---\n\n# Summit\n\nThe talks in *Oslo* opened.\n"
    document = document_from_text(source, "a.md", "markdown")
    start = document.text.index("talks in Oslo")
    evidence = document.evidence(start, start + len("talks in Oslo"))
    assert (evidence.text, evidence.line, evidence.column) == ("talks in *Oslo", 7, 5)
    assert (evidence.end_line, evidence.end_column) == (7, 19)


# The seed article rendered as Markdown and as HTML ----------------------------------------


def test_seed_renderings_read_as_the_plain_text_seed() -> None:
    plain = document_from_text(SEED.with_suffix(".txt").read_text(encoding="utf-8"), "seed.txt")
    for suffix, fmt in ((".md", "markdown"), (".html", "html")):
        rendered = document_from_text(SEED.with_suffix(suffix).read_text(encoding="utf-8"), "seed", fmt)
        assert rendered.text == plain.text, suffix
        assert rendered.source != plain.source


def _line_and_column(source: str, offset: int) -> tuple[int, int]:
    return source.count("\n", 0, offset) + 1, offset - (source.rfind("\n", 0, offset) + 1) + 1


def test_seed_renderings_give_the_same_findings_with_exact_evidence() -> None:
    paths = [str(SEED.with_suffix(suffix)) for suffix in (".txt", ".md", ".html")]
    result = CliRunner().invoke(app, ["check", *paths, "--format", "json", "--fail-on", "never"])
    assert result.exit_code == 0, result.stderr
    documents = json.loads(result.stdout)["documents"]
    assert [d["path"] for d in documents] == paths
    assert all(d["error"] is None for d in documents)

    def found(document: dict[str, object]) -> list[tuple[str, list[str]]]:
        findings = document["findings"]
        assert isinstance(findings, list)
        return [(f["rule_id"], [e["text"] for e in f["evidence"]]) for f in findings]

    plain = found(documents[0])
    assert plain, "the seed article has contradictions"
    for document in documents[1:]:
        assert found(document) == plain
    for path, document in zip(paths, documents, strict=True):
        source = Path(path).read_text(encoding="utf-8")
        for finding in document["findings"]:
            for evidence in finding["evidence"]:
                assert source[evidence["start"] : evidence["end"]] == evidence["text"]
                line_column = _line_and_column(source, evidence["start"])
                assert line_column == (evidence["line"], evidence["column"])
                end_line_column = _line_and_column(source, evidence["end"])
                assert end_line_column == (evidence["end_line"], evidence["end_column"])
