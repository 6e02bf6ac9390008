"""Markdown: the words a reader sees, with every character traced back to the file as given.

    ---
    title: Summit
    ---
    # Kim *flies* to [Paris](https://example.org/paris)

    He arrived on Monday
    and left on Tuesday.

reads as ``"Kim flies to Paris\\n\\nHe arrived on Monday and left on Tuesday."``: front
matter, markup and code blocks are dropped, each block is a paragraph of its own and
a soft line break reads as a space.

markdown-it-py (CommonMark) decides what is markup. It reports lines, not characters,
so each inline token's text is aligned back onto its source line here: kept runs
map to their exact source characters, escapes and character references to the
characters they were written as.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import normalizeReference
from markdown_it.helpers import parseLinkDestination, parseLinkTitle
from markdown_it.token import Token

from factcheck.reading.document import OffsetMap
from factcheck.reading.readers._emitter import TextEmitter
from factcheck.reading.readers.html import render_html

#: Front matter delimiters: YAML (closed by ``---`` or ``...``) and TOML.
_FRONT_MATTER = {"---": ("---", "..."), "+++": ("+++",)}
_LINE_END = re.compile(r"\r\n|\r|\n")
_BACKTICK_RUN = re.compile(r"`+")
_HTML_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_EMPHASIS = frozenset({"em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"})
_LINK_SPACE = " \t\n"


def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    # Escapes and entities stay tokens of their own, so each keeps its source span.
    parser.disable("text_join")
    return parser


_MARKDOWN = _parser()


@dataclass(frozen=True, slots=True)
class _Lines:
    """Where each source line starts and where its text ends (before the line break)."""

    starts: list[int]
    ends: list[int]

    @classmethod
    def of(cls, source: str) -> _Lines:
        starts, ends = [0], []
        for line_end in _LINE_END.finditer(source):
            ends.append(line_end.start())
            starts.append(line_end.end())
        ends.append(len(source))
        return cls(starts, ends)


@dataclass(slots=True)
class _Aligned:
    """An inline token's text with, for each of its characters, the source range it came from."""

    text: str
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)

    def range(self, first: int, stop: int) -> tuple[int, int]:
        """The source range of the characters ``[first, stop)``."""
        if not self.starts:
            return 0, 0
        first = min(first, len(self.starts) - 1)
        return self.starts[first], self.ends[max(first, min(stop, len(self.ends)) - 1)]


def _front_matter_lines(source: str, lines: _Lines) -> int:
    """How many lines a front matter block at the very top takes (0 if there is none)."""
    opening = source[: lines.ends[0]].rstrip()
    closers = _FRONT_MATTER.get(opening)
    if closers is None:
        return 0
    for index in range(1, len(lines.starts)):
        if source[lines.starts[index] : lines.ends[index]].rstrip() in closers:
            return index + 1
    return 0


def _match_at(core: str, line: str, position: int) -> list[tuple[int, int]] | None:
    """Per character of ``core``, its range in ``line`` from ``position``, or None.

    A table cell's ``\\|`` is a pipe in the cell's text, so it may stand for one.
    """
    if line.startswith(core, position):
        return [(at, at + 1) for at in range(position, position + len(core))]
    if "|" not in core:
        return None
    spans: list[tuple[int, int]] = []
    for char in core:
        if position < len(line) and line[position] == char:
            spans.append((position, position + 1))
            position += 1
        elif char == "|" and line.startswith("\\|", position):
            spans.append((position, position + 2))
            position += 2
        else:
            return None
    return spans


def _locate(core: str, line: str, lowest: int, from_end: bool) -> list[tuple[int, int]] | None:
    if from_end:
        # A paragraph line is its source line minus container markers and indentation.
        found = _match_at(core, line, len(line.rstrip(" \t")) - len(core))
        if found is not None:
            return found
    position = line.find(core[0], lowest)
    while position >= 0:
        found = _match_at(core, line, position)
        if found is not None:
            return found
        position = line.find(core[0], position + 1)
    return None


class _MarkdownReader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.lines = _Lines.of(source)
        self.emitter = TextEmitter(source)
        self.references: dict[str, Any] = {}
        #: Table cells share a line: where the next cell's search starts, per line.
        self.line_cursor: dict[int, int] = {}
        #: The last source line cut out, by number: the cells of a row share it.
        self._line: tuple[int, str] = (-1, "")

    def read(self) -> tuple[str, OffsetMap]:
        skipped = _front_matter_lines(self.source, self.lines)
        # Blank lines in place of the front matter keep markdown-it's line numbers ours.
        body = "\n" * skipped + self.source[self.lines.starts[skipped] :] if skipped else self.source
        env: dict[str, Any] = {}
        tokens = _MARKDOWN.parse(body, env)
        self.references = env.get("references", {})
        opener: Token | None = None
        for token in tokens:
            if token.type == "inline":
                self.emitter.block_break()
                self._inline(token, opener)
            elif token.type == "html_block" and token.level == 0 and token.map:
                # Read as HTML straight from the source lines. Nested in a list or a
                # quote, its lines carry markers the HTML parser would read as text,
                # so such a block is left out, like a code block.
                self.emitter.block_break()
                first, stop = token.map
                render_html(self.emitter, self.lines.starts[first], self.lines.ends[stop - 1], False)
            # Every other block token (code, rules, list and quote edges) ends a paragraph.
            self.emitter.block_break()
            opener = token
        return self.emitter.build()

    def _align(self, token: Token, opener: Token | None) -> _Aligned:
        """Map the inline token's text, line by line, onto its source lines."""
        aligned = _Aligned(token.content)
        first_line = token.map[0] if token.map else 0
        kind = opener.type if opener is not None else ""
        in_cell = kind in ("th_open", "td_open")
        # An ATX heading's text sits between its # markers; the other blocks end their line.
        atx_heading = kind == "heading_open" and opener is not None and opener.markup.startswith("#")
        parts = token.content.split("\n")
        last_part = len(parts) - 1
        line_break: int | None = None
        for offset, part in enumerate(parts):
            number = min(first_line + offset, len(self.lines.starts) - 1)
            line_start, line_end = self.lines.starts[number], self.lines.ends[number]
            line = self._source_line(number, line_start, line_end)
            core = part.strip(" \t")
            lead = len(part) - len(part.lstrip(" \t"))
            lowest = self.line_cursor.get(number, 0)
            if atx_heading:
                lowest = max(lowest, len(line) - len(line.lstrip(" \t>").lstrip("#")))
            spans = _locate(core, line, lowest, from_end=not (in_cell or atx_heading)) if core else []
            if spans is None:
                # Not found where expected (an unusual tab expansion): quote the whole line.
                spans = [(0, len(line))] * len(core)
            core_start = spans[0][0] if spans else lead
            core_end = spans[-1][1] if spans else lead
            if in_cell:
                self.line_cursor[number] = core_end
            for index in range(lead):
                # Indentation kept by the parser: the same spaces, else just before the text.
                place = core_start - lead + index
                exact = place >= 0 and line[place : place + 1] == part[index]
                aligned.starts.append(line_start + (place if exact else core_start))
                aligned.ends.append(line_start + (place + 1 if exact else core_start))
            aligned.starts.extend(line_start + start for start, _ in spans)
            aligned.ends.extend(line_start + end for _, end in spans)
            for index in range(lead + len(core), len(part)):
                place = core_end + index - lead - len(core)
                exact = line[place : place + 1] == part[index]
                aligned.starts.append(line_start + (place if exact else core_end))
                aligned.ends.append(line_start + (place + 1 if exact else core_end))
            if line_break is not None and len(aligned.starts) > line_break + 1:
                # The line break stands for the break and this line's markers ("> ", indent).
                aligned.ends[line_break] = max(aligned.ends[line_break], aligned.starts[line_break + 1])
            if offset < last_part:
                line_break = len(aligned.starts)
                aligned.starts.append(line_end)
                aligned.ends.append(self.lines.starts[min(number + 1, len(self.lines.starts) - 1)])
        return aligned

    def _source_line(self, number: int, start: int, end: int) -> str:
        # Cut once per line, not once per cell: a row of thousands of cells is one line.
        if self._line[0] != number:
            self._line = (number, self.source[start:end])
        return self._line[1]

    def _inline(self, token: Token, opener: Token | None) -> None:
        aligned = self._align(token, opener)
        self._children(token.children or [], aligned, 0)

    def _emit(self, aligned: _Aligned, first: int, stop: int) -> None:
        """Emit ``aligned.text[first:stop]``: exact runs as copies, the rest as replacements."""
        text = aligned.text
        run_start: int | None = None
        for index in range(first, stop):
            start, end = aligned.starts[index], aligned.ends[index]
            exact = end == start + 1 and self.source[start] == text[index]
            if exact and run_start is not None and start == aligned.ends[index - 1]:
                continue
            if run_start is not None:
                self.emitter.text(text[run_start:index], aligned.starts[run_start])
                run_start = None
            if exact:
                run_start = index
            else:
                self.emitter.replace(text[index], start, end)
        if run_start is not None:
            self.emitter.text(text[run_start:stop], aligned.starts[run_start])

    def _children(self, children: Sequence[Token], aligned: _Aligned, cursor: int) -> int:
        """Emit an inline token's children, walking ``aligned.text`` from ``cursor``."""
        in_autolink = False
        for child in children:
            if in_autolink:
                in_autolink = child.type != "link_close"
            elif child.type == "link_open" and child.markup == "autolink":
                cursor = self._autolink(aligned, cursor)
                in_autolink = True
            else:
                cursor = self._inline_token(child, aligned, cursor)
        return cursor

    def _inline_token(self, child: Token, aligned: _Aligned, cursor: int) -> int:
        """Emit one inline token; the cursor moves past the source it stands for."""
        text, kind = aligned.text, child.type
        if kind == "text":
            return self._plain_text(child, aligned, cursor)
        if kind == "text_special":
            # An escape (\*) or a character reference (&amp;): quote it as written.
            found = text.find(child.markup, cursor)
            if found < 0:
                return cursor
            self.emitter.replace(child.content, *aligned.range(found, found + len(child.markup)))
            return found + len(child.markup)
        if kind in ("softbreak", "hardbreak"):
            return self._line_break(kind, aligned, cursor)
        if kind == "code_inline":
            return self._code_span(aligned, child, cursor)
        if kind == "html_inline":
            found = text.find(child.content, cursor)
            if found < 0:
                return cursor
            if _HTML_BREAK.fullmatch(child.content):
                self.emitter.block_break()
            return found + len(child.content)
        if kind == "image":
            found = text.find("![", cursor)
            cursor = found + 2 if found >= 0 else cursor
            cursor = self._children(child.children or [], aligned, cursor)
            return self._skip_link_target(text, cursor)
        if kind == "link_open":
            found = text.find("[", cursor)
            return found + 1 if found >= 0 else cursor
        if kind == "link_close":
            return self._skip_link_target(text, cursor)
        if kind in _EMPHASIS:
            found = text.find(child.markup, cursor)
            return found + len(child.markup) if found >= 0 else cursor
        return cursor

    def _plain_text(self, child: Token, aligned: _Aligned, cursor: int) -> int:
        found = aligned.text.find(child.content, cursor)
        if found < 0:  # pragma: no cover - the parser's text is always in its source
            self.emitter.replace(child.content, *aligned.range(cursor, cursor + 1))
            return cursor
        self._emit(aligned, found, found + len(child.content))
        return found + len(child.content)

    def _line_break(self, kind: str, aligned: _Aligned, cursor: int) -> int:
        found = aligned.text.find("\n", cursor)
        if found < 0:
            return cursor
        if kind == "softbreak":
            self.emitter.space(*aligned.range(found, found + 1))
        else:
            # A hard break is an explicit end of line, like <br>.
            self.emitter.block_break()
        return found + 1

    def _autolink(self, aligned: _Aligned, cursor: int) -> int:
        """``<https://example.org>``: the address is the text a reader sees."""
        opening = aligned.text.find("<", cursor)
        closing = aligned.text.find(">", opening + 1)
        if opening >= 0 and closing > opening:
            self._emit(aligned, opening + 1, closing)
            return closing + 1
        return cursor

    def _code_span(self, aligned: _Aligned, token: Token, cursor: int) -> int:
        text, fence = aligned.text, token.markup
        opening = text.find(fence, cursor)
        if opening < 0:
            return cursor
        first = opening + len(fence)
        closing = next(
            (run.start() for run in _BACKTICK_RUN.finditer(text, first) if len(run.group()) == len(fence)),
            len(text),
        )
        stop = closing
        inner = text[first:stop]
        # CommonMark drops one space on each side of `` ` code ` `` (not of blank code).
        if len(inner) >= 2 and inner[0] in " \n" and inner[-1] in " \n" and inner.strip(" \n"):
            first, stop = first + 1, stop - 1
        self._emit(aligned, first, stop)
        return min(closing + len(fence), len(text))

    def _skip_link_target(self, text: str, cursor: int) -> int:
        """Past a link's ``](destination "title")`` or ``][label]``; stay put on ``]`` alone."""
        bracket = text.find("]", cursor)
        if bracket < 0:
            return cursor
        after = bracket + 1
        if text.startswith("(", after):
            end = self._inline_target_end(text, after + 1)
            if end is not None:
                return end
        if text.startswith("[", after):
            closing = text.find("]", after + 1)
            label = text[after + 1 : closing] if closing > after else None
            if label is not None and (not label or normalizeReference(label) in self.references):
                return closing + 1
        return after

    @staticmethod
    def _inline_target_end(text: str, position: int) -> int | None:
        """Where ``destination "title")`` ends, as CommonMark's link rule reads it, else None."""
        limit = len(text)
        while position < limit and text[position] in _LINK_SPACE:
            position += 1
        destination = parseLinkDestination(text, position, limit)
        if destination.ok:
            position = destination.pos
            while position < limit and text[position] in _LINK_SPACE:
                position += 1
            title = parseLinkTitle(text, position, limit)
            if title.ok:
                position = title.pos
                while position < limit and text[position] in _LINK_SPACE:
                    position += 1
        if position < limit and text[position] == ")":
            return position + 1
        return None


def read_markdown(source: str) -> tuple[str, OffsetMap]:
    """The document's readable text, one paragraph per block, soft line breaks as spaces."""
    return _MarkdownReader(source).read()
