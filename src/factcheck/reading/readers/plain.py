"""Plain text: analysed as given, except for factcheck's own suppression lines."""

from __future__ import annotations

from factcheck.reading.directives import TEXT_DIRECTIVE
from factcheck.reading.document import OffsetMap, TextBuilder


def read_plain(source: str) -> tuple[str, OffsetMap]:
    """The analysis text is the source without ``[factcheck: ...]`` lines.

    A suppression line is an instruction to the checker, not article text, so it
    must not yield claims; it goes with its line break, and every other character
    keeps pointing at its place in the source:

    >>> read_plain("[factcheck: ignore[LOC001] one venue]\\nTalks in Oslo.")[0]
    'Talks in Oslo.'
    """
    directives = list(TEXT_DIRECTIVE.finditer(source))
    if not directives:
        return source, OffsetMap.identity(len(source))
    builder = TextBuilder()
    position = 0
    for directive in directives:
        builder.copy(source[position : directive.start()], position)
        position = directive.end()
        if source.startswith("\n", position):
            position += 1
    builder.copy(source[position:], position)
    return builder.build()
