"""Format readers: source text -> (analysis text, offset map into the source).

A reader strips markup for analysis while keeping every offset pointing into the
text as given. Readers are looked up by format name.
"""

from __future__ import annotations

from collections.abc import Callable

from factcheck.reading.document import OffsetMap
from factcheck.reading.readers.html import read_html
from factcheck.reading.readers.markdown import read_markdown
from factcheck.reading.readers.plain import read_plain

#: A format reader turns decoded source text into analysis text and its offset map.
FormatReader = Callable[[str], tuple[str, OffsetMap]]

READERS: dict[str, FormatReader] = {"text": read_plain, "markdown": read_markdown, "html": read_html}

__all__ = ["READERS", "FormatReader", "OffsetMap"]
