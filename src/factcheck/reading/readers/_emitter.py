"""Shared by the markup readers: turn kept source runs into analysis text, block by block.

Markup readers walk their source and hand over three kinds of pieces: text that stands
unchanged in the source, text that stands for a source range (a character reference,
an escape), and whitespace. The emitter collapses whitespace the way a reader sees it,
drops it at block edges, and separates blocks with a blank line, so the sentence
splitter (nlp/pipeline.py) sees one paragraph per block and a heading as its own sentence.
Every analysis character keeps the source range it came from.
"""

from __future__ import annotations

import re

from factcheck.reading.document import OffsetMap, TextBuilder

#: Whitespace a reader does not see as such: runs of it read as one space.
_WHITESPACE_RUN = re.compile(r"[ \t\n\r\f\v]+")
#: Decoded from a reference (``&nbsp;``), these read as a plain space.
_SPACE_LIKE = frozenset(" \t\n\r\f\v\xa0")

PARAGRAPH_BREAK = "\n\n"


class TextEmitter:
    """Builds analysis text from pieces of ``source``; see the module docstring."""

    __slots__ = ("_builder", "_has_text", "_last_end", "_pending_break", "_pending_space", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        self._builder = TextBuilder()
        self._has_text = False
        self._last_end = 0
        self._pending_break = False
        self._pending_space: tuple[int, int] | None = None

    def text(self, text: str, source_start: int) -> None:
        """Text standing unchanged at ``source_start``; whitespace runs are collapsed."""
        if self.source[source_start : source_start + len(text)] != text:
            # A caller's misalignment must never produce a wrong offset: quote the range.
            self.replace(text, source_start, min(source_start + len(text), len(self.source)))
            return
        position = 0
        for run in _WHITESPACE_RUN.finditer(text):
            if run.group() == " " and position < run.start() and run.end() < len(text):
                continue  # one space between words is kept as it stands
            if run.start() > position:
                self._put(text[position : run.start()], source_start + position, True)
            self.space(source_start + run.start(), source_start + run.end())
            position = run.end()
        if position < len(text):
            self._put(text[position:], source_start + position, True)

    def replace(self, text: str, source_start: int, source_end: int) -> None:
        """Text that stands for ``source[source_start:source_end]`` (a reference, an escape)."""
        if not text:
            return
        if all(ch in _SPACE_LIKE for ch in text):
            self.space(source_start, source_end)
            return
        self._put(text, source_start, False, source_end)

    def space(self, source_start: int, source_end: int) -> None:
        """Whitespace between words; dropped at the start and end of a block."""
        if not self._has_text or self._pending_break:
            return
        if self._pending_space is None:
            self._pending_space = (source_start, source_end)
        else:
            self._pending_space = (self._pending_space[0], max(self._pending_space[1], source_end))

    def block_break(self) -> None:
        """End the current block: the next text starts a new paragraph."""
        if self._has_text:
            self._pending_break = True
            self._pending_space = None

    def build(self) -> tuple[str, OffsetMap]:
        return self._builder.build()

    def _put(self, text: str, source_start: int, exact: bool, source_end: int | None = None) -> None:
        end = source_start + len(text) if source_end is None else source_end
        if self._pending_break:
            # The break stands for everything between the two blocks.
            gap_start = min(self._last_end, source_start)
            self._builder.replace(PARAGRAPH_BREAK, gap_start, source_start)
        elif self._pending_space is not None:
            space_start, space_end = self._pending_space
            if self.source[space_start:space_end] == " ":
                self._builder.copy(" ", space_start)
            else:
                self._builder.replace(" ", space_start, space_end)
        self._pending_break = False
        self._pending_space = None
        if exact:
            self._builder.copy(text, source_start)
        else:
            self._builder.replace(text, source_start, end)
        self._has_text = True
        self._last_end = end
