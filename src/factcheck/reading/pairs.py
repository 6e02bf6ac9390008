"""Pairs of texts to compare: a source and a rewrite of it (a summary, a cut-down story).

    factcheck compare SOURCE DERIVED...     each DERIVED read as check reads it, against SOURCE
    factcheck compare --pairs FILE.jsonl    one pair a line: {"source": ..., "derived": ..., "id": ...}

A pair that cannot be read (a missing file, a record without its field) is an
``InputFailure`` of its own; the other pairs are still compared.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from factcheck.reading.decoding import InputError
from factcheck.reading.document import Document
from factcheck.reading.inputs import InputFailure, InputOptions, document_from_text, jsonl_lines, parse_record

DEFAULT_SOURCE_FIELD = "source"
DEFAULT_DERIVED_FIELD = "derived"


@dataclass(frozen=True, slots=True)
class DocumentPair:
    """A rewrite and the source it was made from; results are named by the rewrite."""

    source: Document
    derived: Document

    @property
    def path(self) -> str:
        return self.derived.path

    @property
    def doc_id(self) -> str | None:
        return self.derived.doc_id


@dataclass(frozen=True, slots=True)
class PairFailure:
    """A pair that could not be read: which rewrite, against which source, and why."""

    source: str
    failure: InputFailure


def pairs_with(
    source: Document, derived: Iterable[Document | InputFailure]
) -> Iterator[DocumentPair | PairFailure]:
    """Each rewrite against the one source."""
    for item in derived:
        if isinstance(item, InputFailure):
            yield PairFailure(source.path, item)
        else:
            yield DocumentPair(source, item)


def pair_of(source: Document | InputFailure, derived: Document | InputFailure) -> DocumentPair | PairFailure:
    """One rewrite and its source, each read or not: a source that cannot be read fails the pair."""
    if isinstance(source, InputFailure):
        error = f"the source ({source.path}): {source.error}"
        doc_id = derived.doc_id
        return PairFailure(source.path, InputFailure(derived.path, error, doc_id))
    if isinstance(derived, InputFailure):
        return PairFailure(source.path, derived)
    return DocumentPair(source, derived)


def _text_field(record: dict[str, object], name: str) -> str:
    if name not in record:
        raise InputError(f"no {name!r} field (see --source-field and --derived-field)")
    value = record[name]
    if not isinstance(value, str):
        raise InputError(f"field {name!r} is {type(value).__name__}, not a string")
    return value


def _pair_record(
    record: dict[str, object], name: str, doc_id: str | None, options: InputOptions, fields: tuple[str, str]
) -> DocumentPair:
    texts = []
    for field_name in fields:
        text = _text_field(record, field_name)
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > options.max_bytes:
            raise InputError(
                f"field {field_name!r} too large ({size:,} bytes; the limit is {options.max_bytes:,}, "
                "see --max-bytes)"
            )
        try:
            texts.append(document_from_text(text, name, options.format or "text", doc_id))
        except InputError as error:
            raise InputError(f"field {field_name!r}: {error}") from None
    return DocumentPair(texts[0], texts[1])


def read_pairs(
    path: str,
    options: InputOptions,
    source_field: str = DEFAULT_SOURCE_FIELD,
    derived_field: str = DEFAULT_DERIVED_FIELD,
) -> Iterator[DocumentPair | PairFailure]:
    """Each non-blank line of a JSON Lines file is one pair, named ``PATH:LINE`` (its ``id`` kept)."""
    for line in jsonl_lines(path):
        if isinstance(line, InputFailure):
            yield PairFailure(line.path, line)
            continue
        name, raw = line
        doc_id: str | None = None
        try:
            record, doc_id = parse_record(raw)
            yield _pair_record(record, name, doc_id, options, (source_field, derived_field))
        except InputError as error:
            yield PairFailure(name, InputFailure(name, str(error), doc_id))
