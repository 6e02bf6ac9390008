"""The Document stage: text as given, the text we analyse, and the map between them.

Every later stage works on ``Document.text`` (markup stripped, mojibake repaired),
but every finding must point into ``Document.source``, the text exactly as given.
``Document.offsets`` maps each analysis character to its source character,
so any analysis span can be turned back into evidence with line and column.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from factcheck.reading.directives import BadDirective, Suppression

#: Which text of a compared pair a side quotes (``factcheck compare SOURCE DERIVED``).
SOURCE = "source"
DERIVED = "derived"


@dataclass(frozen=True, slots=True)
class Evidence:
    """A quoted span of the text as given; offsets are 0-based, lines and columns 1-based.

    ``end_column`` is the column just after the last character, so a one-line span
    has ``end_column - column == len(text)``. ``document`` is None for a checked
    article; in a compared pair it says which text the offsets count in
    (``SOURCE`` or ``DERIVED``).
    """

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    document: str | None = None


@dataclass(frozen=True, slots=True)
class Repair:
    """One token whose mojibake was repaired: its span in the analysis text."""

    start: int
    end: int
    original: str
    repaired: str


class TextBuilder:
    """Builds an analysis text piece by piece while recording where each char came from."""

    __slots__ = ("_ends", "_parts", "_starts")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._starts: list[int] = []
        self._ends: list[int] = []

    def __len__(self) -> int:
        return len(self._starts)

    def copy(self, text: str, source_start: int) -> None:
        """Append ``text`` that stands unchanged at ``source_start`` in the source."""
        self._parts.append(text)
        self._starts.extend(range(source_start, source_start + len(text)))
        self._ends.extend(range(source_start + 1, source_start + len(text) + 1))

    def replace(self, text: str, source_start: int, source_end: int) -> None:
        """Append ``text`` that stands for the source range ``[source_start, source_end)``.

        Each of its characters maps to the whole range, so any span touching the
        replacement quotes everything it replaced.
        """
        self._parts.append(text)
        self._starts.extend([source_start] * len(text))
        self._ends.extend([source_end] * len(text))

    def build(self) -> tuple[str, OffsetMap]:
        return "".join(self._parts), OffsetMap(tuple(self._starts), tuple(self._ends))


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """For each analysis character, the source range ``[starts[i], ends[i])`` it came from."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls(tuple(range(length)), tuple(range(1, length + 1)))

    def then(self, inner: OffsetMap) -> OffsetMap:
        """The map of a text derived from this map's text by ``inner``."""
        starts = tuple(self.starts[i] for i in inner.starts)
        ends = tuple(self.ends[j - 1] if j > 0 else 0 for j in inner.ends)
        return OffsetMap(starts, ends)

    def position_of(self, source_offset: int) -> int:
        """The first analysis character at or after a source offset (its length past the end).

        A comment the analysis text leaves out is placed where its text would be.
        """
        return bisect.bisect_left(self.starts, source_offset)

    def span(self, start: int, end: int, source_length: int) -> tuple[int, int]:
        if not self.starts:
            return 0, 0
        if start >= len(self.starts):
            return source_length, source_length
        if end <= start:
            return self.starts[start], self.starts[start]
        return self.starts[start], self.ends[end - 1]


@dataclass(frozen=True, slots=True)
class Document:
    """One article, ready for analysis.

    ``path`` is how the user named it (``-`` for stdin); ``doc_id`` is the id field
    of a JSON Lines record, when there is one.
    """

    path: str
    source: str
    text: str
    offsets: OffsetMap
    format: str = "text"
    doc_id: str | None = None
    repairs: tuple[Repair, ...] = ()
    #: factcheck's own comments in the source, read as data (see ``directives``).
    suppressions: tuple[Suppression, ...] = ()
    bad_directives: tuple[BadDirective, ...] = ()
    #: For texts read one after the other (a source, then its rewrite: ``joined``):
    #: where each starts in ``source``, and its name, which its evidence carries.
    parts: tuple[tuple[int, str], ...] = ()
    _line_starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map an analysis span ``[start, end)`` to the source span it came from."""
        return self.offsets.span(start, end, len(self.source))

    def line_col(self, source_offset: int) -> tuple[int, int]:
        """1-based line and column of a source offset."""
        if not self._line_starts:
            starts = [0]
            starts.extend(i + 1 for i, ch in enumerate(self.source) if ch == "\n")
            self._line_starts.extend(starts)
        line_index = bisect.bisect_right(self._line_starts, source_offset) - 1
        return line_index + 1, source_offset - self._line_starts[line_index] + 1

    def evidence_for_source(self, start: int, end: int) -> Evidence:
        line, column = self.line_col(start)
        end_line, end_column = self.line_col(end)
        part = next((name for begins, name in reversed(self.parts) if start >= begins), None)
        return Evidence(start, end, line, column, end_line, end_column, self.source[start:end], part)

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for an analysis span, pointing into the text as given."""
        return self.evidence_for_source(*self.source_span(start, end))
