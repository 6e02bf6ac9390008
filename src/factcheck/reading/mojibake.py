"""Repair mojibake token by token, keeping a map back to the text as given.

Whole-text repair fails when good and bad quotes share a paragraph ("Russia’s" next
to "Russia‚Äôs"): ftfy then judges the text as a whole to be fine. Each
whitespace-delimited token with non-ASCII characters is judged on its own instead.
"""

from __future__ import annotations

import re

import ftfy
from ftfy.badness import is_bad

from factcheck.reading.document import OffsetMap, Repair, TextBuilder

_NON_ASCII_TOKEN = re.compile(r"\S*[^\x00-\x7f]\S*")


def repair_mojibake(text: str) -> tuple[str, OffsetMap, tuple[Repair, ...]]:
    """Return the repaired text, its offset map into ``text``, and what was repaired.

    >>> repair_mojibake("Russia‚Äôs war")[0]
    'Russia’s war'
    """
    builder = TextBuilder()
    repairs: list[Repair] = []
    position = 0
    for match in _NON_ASCII_TOKEN.finditer(text):
        token = match.group()
        if not is_bad(token):
            continue
        fixed = ftfy.fix_encoding(token)
        if fixed == token:
            continue
        builder.copy(text[position : match.start()], position)
        repaired_start = len(builder)
        _copy_repaired(builder, token, fixed, match.start())
        repairs.append(Repair(repaired_start, len(builder), token, fixed))
        position = match.end()
    if not repairs:
        return text, OffsetMap.identity(len(text)), ()
    builder.copy(text[position:], position)
    repaired, offsets = builder.build()
    return repaired, offsets, tuple(repairs)


def _copy_repaired(builder: TextBuilder, token: str, fixed: str, token_start: int) -> None:
    """Keep the unchanged prefix and suffix of a token mapped one to one."""
    prefix = 0
    while prefix < min(len(token), len(fixed)) and token[prefix] == fixed[prefix]:
        prefix += 1
    suffix = 0
    while (
        suffix < min(len(token), len(fixed)) - prefix
        and token[len(token) - 1 - suffix] == fixed[len(fixed) - 1 - suffix]
    ):
        suffix += 1
    builder.copy(fixed[:prefix], token_start)
    builder.replace(
        fixed[prefix : len(fixed) - suffix],
        token_start + prefix,
        token_start + len(token) - suffix,
    )
    builder.copy(fixed[len(fixed) - suffix :], token_start + len(token) - suffix)
