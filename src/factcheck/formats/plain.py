"""Plain text: analysed as given."""

from __future__ import annotations

from factcheck.document import OffsetMap


def read_plain(source: str) -> tuple[str, OffsetMap]:
    """Plain text needs no stripping: the analysis text is the source."""
    return source, OffsetMap.identity(len(source))
