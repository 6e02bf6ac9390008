"""Fuzzing the input stage: any text or bytes becomes a Document or a typed InputError, never a crash.

Each Document's offset map points every analysis character back into the text as
given, and evidence for any span quotes the source at its offsets with the line and
column counted from the source itself. Example counts come from the Hypothesis
profile (tests/conftest.py).
"""

from __future__ import annotations

import codecs
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO, cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.reading.document import Document
from factcheck.reading.inputs import (
    InputError,
    InputFailure,
    InputOptions,
    collect,
    document_from_bytes,
    document_from_text,
    read_jsonl,
)
from fuzzing import assert_sound, budget, encoded, formats, line_and_column, markup_text


def read(source: str, fmt: str) -> Document | None:
    try:
        return document_from_text(source, "fuzz", fmt)
    except InputError as error:
        assert str(error)
        return None


@given(markup_text, formats)
def test_any_text_is_a_document_or_an_input_error(source: str, fmt: str) -> None:
    document = read(source, fmt)
    if document is not None:
        assert document.source == source
        assert document.text.strip()
        assert_sound(document)
        assert read(source, fmt) == document  # the same input, the same document


@given(markup_text, formats, st.data())
def test_evidence_quotes_the_source_at_its_offsets(source: str, fmt: str, data: st.DataObject) -> None:
    document = read(source, fmt)
    if document is None:
        return
    start = data.draw(st.integers(0, len(document.text)))
    end = data.draw(st.integers(start, len(document.text)))
    evidence = document.evidence(start, end)
    assert 0 <= evidence.start <= evidence.end <= len(source)
    assert evidence.text == source[evidence.start : evidence.end]
    assert (evidence.line, evidence.column) == line_and_column(source, evidence.start)
    assert (evidence.end_line, evidence.end_column) == line_and_column(source, evidence.end)
    if start < end:
        # The span's own characters came from inside what the evidence quotes.
        assert evidence.start <= document.offsets.starts[start]
        assert document.offsets.ends[end - 1] <= evidence.end


@given(encoded(), st.sampled_from(["a.txt", "a.md", "a.markdown", "a.html", "a.htm", "a", "a.TXT"]))
def test_any_bytes_are_a_document_or_an_input_error(data: bytes, name: str) -> None:
    try:
        document = document_from_bytes(data, name, InputOptions())
    except InputError as error:
        assert str(error)
        return
    assert_sound(document)


@given(
    st.lists(
        st.one_of(
            encoded(),
            st.builds(
                json.dumps,
                st.recursive(
                    st.none() | st.booleans() | st.integers() | st.floats() | markup_text,
                    lambda inner: (
                        st.lists(inner, max_size=3)
                        | st.dictionaries(st.sampled_from(["id", "text", "body"]), inner)
                    ),
                    max_leaves=6,
                ),
            ).map(str.encode),
        ),
        max_size=8,
    )
)
@budget(0.5)
def test_a_corpus_gives_one_result_per_nonblank_line(lines: list[bytes]) -> None:
    body = b"\n".join(line.replace(b"\n", b" ").replace(b"\r", b" ") for line in lines)
    path = _scratch("corpus.jsonl", body)
    items = list(read_jsonl(str(path), InputOptions()))
    # A byte order mark opens the file, not its first record.
    unmarked = body.removeprefix(codecs.BOM_UTF8)
    numbers = [n for n, line in enumerate(unmarked.split(b"\n"), start=1) if line.strip()]
    assert [item.path for item in items] == [f"{path}:{n}" for n in numbers]
    for item in items:
        if isinstance(item, Document):
            assert_sound(item)
        else:
            assert isinstance(item, InputFailure) and item.error


@given(
    data=encoded(),
    name=st.sampled_from([None, "story.md", "page.html", "notes.txt", "feed.jsonl", "odd.name.HTML"]),
)
@budget(0.5)
def test_stdin_is_read_under_its_given_name(data: bytes, name: str | None, monkeypatch_stdin: _Stdin) -> None:
    monkeypatch_stdin.feed(data)
    items = list(collect(["-"], InputOptions(stdin_filename=name)))
    shown = name or "-"
    for item in items:
        assert item.path == shown or item.path.startswith(f"{shown}:")
        if isinstance(item, Document):
            assert_sound(item)
            assert item.format == {"md": "markdown", "html": "html"}.get(
                shown.rsplit(".", 1)[-1].lower(), "text"
            )


_FOLDER: list[Path] = []


def _scratch(name: str, data: bytes) -> Path:
    """A file in this module's scratch folder (Hypothesis runs many examples per test)."""
    path = _FOLDER[0] / name
    path.write_bytes(data)
    return path


@pytest.fixture(autouse=True, scope="module")
def scratch_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    _FOLDER[:] = [tmp_path_factory.mktemp("fuzz-reading")]


class _Stdin:
    """Standard input as the readers see it: only its byte buffer is read."""

    def __init__(self) -> None:
        self.buffer = io.BytesIO()

    def feed(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


@pytest.fixture(scope="module")
def monkeypatch_stdin() -> Iterator[_Stdin]:
    real = sys.stdin
    fake = _Stdin()
    sys.stdin = cast(TextIO, fake)
    yield fake
    sys.stdin = real
