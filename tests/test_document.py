"""The Document stage: offsets into the text as given survive every transformation."""

from __future__ import annotations

import pytest

from factcheck.reading.decoding import InputError, decode
from factcheck.reading.document import OffsetMap, TextBuilder
from factcheck.reading.inputs import document_from_text
from factcheck.reading.mojibake import repair_mojibake


def test_offset_map_identity_maps_each_character_to_itself() -> None:
    offsets = OffsetMap.identity(5)
    assert offsets.span(1, 4, 5) == (1, 4)


def test_text_builder_replacement_maps_back_to_the_whole_replaced_range() -> None:
    builder = TextBuilder()
    builder.copy("Tom ", 0)
    builder.replace("&", 4, 9)  # "&amp;" in the source
    builder.copy(" Jerry", 9)
    text, offsets = builder.build()
    assert text == "Tom & Jerry"
    assert offsets.span(4, 5, 15) == (4, 9)
    assert offsets.span(6, 11, 15) == (10, 15)


def test_composed_maps_point_into_the_original_source() -> None:
    outer = TextBuilder()
    outer.copy("ab", 10)
    outer.copy("cd", 20)
    _, outer_map = outer.build()
    inner = TextBuilder()
    inner.copy("bc", 1)
    _, inner_map = inner.build()
    assert outer_map.then(inner_map).span(0, 2, 30) == (11, 21)


def test_mojibake_is_repaired_per_token_next_to_good_quotes() -> None:
    text = "Russia’s army and Russia‚Äôs war"
    repaired, offsets, repairs = repair_mojibake(text)
    assert repaired == "Russia’s army and Russia’s war"
    assert [(r.original, r.repaired) for r in repairs] == [("Russia‚Äôs", "Russia’s")]
    start = repaired.index("Russia’s war")
    source_start, source_end = offsets.span(start, start + len("Russia’s"), len(text))
    assert text[source_start:source_end] == "Russia‚Äôs"


def test_clean_text_is_left_alone() -> None:
    text = "Café owners in São Paulo said “no”."
    assert repair_mojibake(text) == (text, OffsetMap.identity(len(text)), ())


def test_document_evidence_quotes_the_source_with_line_and_column() -> None:
    document = document_from_text("Title\n\nSecond line with Russia‚Äôs war.\n", "a.txt")
    start = document.text.index("Russia’s")
    evidence = document.evidence(start, start + len("Russia’s"))
    assert evidence.text == "Russia‚Äôs"
    assert (evidence.line, evidence.column) == (3, 18)
    assert (evidence.end_line, evidence.end_column) == (3, 28)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\xef\xbb\xbfplain", "plain"),
        ("utf16 text".encode("utf-16"), "utf16 text"),
        ("caf\u00e9".encode(), "caf\u00e9"),
    ],
)
def test_decode_accepts_utf8_and_utf16_with_bom(data: bytes, expected: str) -> None:
    assert decode(data) == expected


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"caf\xe9 latin-1", "not valid UTF-8 (byte 0xe9 at offset 3)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file (contains NUL bytes)"),
    ],
)
def test_decode_refuses_other_encodings_and_binary(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        decode(data)


def test_empty_document_is_an_input_error() -> None:
    with pytest.raises(InputError, match="empty document"):
        document_from_text("  \n\n ", "empty.txt")
