"""The input stage: bytes from a file or stdin become a Document, or a clear InputError.

Bytes are decoded by ``factcheck.reading.decoding``; text that is not valid UTF-8, binary
content, empty text and oversized files are refused per document, so one bad file
never stops a batch.
"""

from __future__ import annotations

import codecs
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

# Re-exported: a document that cannot be read is the input stage's error.
from factcheck.reading.decoding import InputError as InputError
from factcheck.reading.decoding import decode
from factcheck.reading.directives import parse_suppressions
from factcheck.reading.document import Document
from factcheck.reading.mojibake import repair_mojibake
from factcheck.reading.readers import READERS
from factcheck.reading.selection import JSONL_SUFFIXES as JSONL_SUFFIXES
from factcheck.reading.selection import Selection as Selection
from factcheck.reading.selection import format_of, named_file_excluded, walk

DEFAULT_MAX_BYTES = 1024 * 1024


@dataclass(frozen=True, slots=True)
class InputOptions:
    max_bytes: int = DEFAULT_MAX_BYTES
    #: Forces a format (text, markdown, html) instead of guessing from the file name.
    format: str | None = None
    #: The field of a JSON Lines record that holds the article (default ``text``);
    #: naming one also makes stdin a JSON Lines stream.
    jsonl_field: str | None = None
    #: The name standard input is reported under and read as (its suffix picks the
    #: format): ``--stdin-filename article.md`` reads stdin as Markdown.
    stdin_filename: str | None = None


def format_for(path: str) -> str:
    """The reader for a file name: a corpus suffix reads each record's text as plain text."""
    found = format_of(path)
    return "text" if found == "jsonl" else found


def document_from_text(source: str, path: str, fmt: str = "text", doc_id: str | None = None) -> Document:
    """Build a Document from decoded text; the source is kept exactly as given."""
    if "\x00" in source:
        raise InputError("binary content (contains NUL characters)")
    reader = READERS.get(fmt)
    if reader is None:
        raise InputError(f"unknown format {fmt!r}; expected one of {', '.join(sorted(READERS))}")
    markup_free, markup_map = reader(source)
    if not markup_free.strip():
        raise InputError("empty document: no text to check")
    text, repair_map, repairs = repair_mojibake(markup_free)
    offsets = markup_map.then(repair_map) if repairs else markup_map
    suppressions, bad_directives = parse_suppressions(source, fmt)
    return Document(
        path,
        source,
        text,
        offsets,
        fmt,
        doc_id,
        repairs,
        suppressions=tuple(suppressions),
        bad_directives=tuple(bad_directives),
    )


def document_from_bytes(data: bytes, path: str, options: InputOptions, doc_id: str | None = None) -> Document:
    if len(data) > options.max_bytes:
        raise InputError(
            f"file too large ({len(data):,} bytes; the limit is {options.max_bytes:,}, see --max-bytes)"
        )
    return document_from_text(decode(data), path, options.format or format_for(path), doc_id)


def read_document(path: Path, options: InputOptions) -> Document:
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            raise InputError(
                f"file too large ({size:,} bytes; the limit is {options.max_bytes:,}, see --max-bytes)"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as error:
        raise InputError(error.strerror or str(error)) from None
    return document_from_bytes(data, str(path), options)


@dataclass(frozen=True, slots=True)
class InputFailure:
    """A document that could not be read, kept in order with the others."""

    path: str
    error: str
    doc_id: str | None = None


def read_text(text: str, path: str, fmt: str, doc_id: str | None, max_bytes: int) -> Document | InputFailure:
    """A text given as a string (the library, the service), or why it cannot be checked."""
    size = len(text.encode("utf-8", "surrogatepass"))
    try:
        if size > max_bytes:
            raise InputError(f"text too large ({size:,} bytes; the limit is {max_bytes:,}, see --max-bytes)")
        return document_from_text(text, path, fmt, doc_id)
    except InputError as error:
        return InputFailure(path, str(error), doc_id)


def read_stdin(options: InputOptions) -> Document | InputFailure:
    """Standard input, named and read as ``options.stdin_filename`` says (default ``-``, plain text)."""
    name = options.stdin_filename or "-"
    try:
        return document_from_bytes(sys.stdin.buffer.read(), name, options)
    except InputError as error:
        return InputFailure(name, str(error))


DEFAULT_JSONL_FIELD = "text"


def parse_record(raw: bytes) -> tuple[dict[str, Any], str | None]:
    """One JSON Lines record: the object and its ``id`` (a string, or a number as written)."""
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        byte = f"0x{raw[error.start]:02x}"
        raise InputError(f"not valid UTF-8 (byte {byte} at offset {error.start})") from None
    except json.JSONDecodeError as error:
        raise InputError(f"invalid JSON: {error.msg} at column {error.colno}") from None
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object, got {type(record).__name__}")
    identifier = record.get("id")
    doc_id: str | None = None
    if isinstance(identifier, str):
        doc_id = identifier
    elif isinstance(identifier, int | float) and not isinstance(identifier, bool):
        doc_id = json.dumps(identifier)
    return record, doc_id


def _jsonl_record(raw: bytes, path: str, field_name: str, options: InputOptions) -> Document | InputFailure:
    """One JSON Lines record: the article is ``record[field_name]``, its id ``record["id"]``."""
    doc_id: str | None = None
    try:
        record, doc_id = parse_record(raw)
        if field_name not in record:
            raise InputError(f"no {field_name!r} field (see --jsonl-field)")
        text = record[field_name]
        if not isinstance(text, str):
            raise InputError(f"field {field_name!r} is {type(text).__name__}, not a string")
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > options.max_bytes:
            raise InputError(
                f"text too large ({size:,} bytes; the limit is {options.max_bytes:,}, see --max-bytes)"
            )
        return document_from_text(text, path, options.format or "text", doc_id)
    except InputError as error:
        return InputFailure(path, str(error), doc_id)


def jsonl_lines(path: str) -> Iterator[tuple[str, bytes] | InputFailure]:
    """Each non-blank line of a JSON Lines file, named ``PATH:LINE``; a file that cannot be read fails once.

    Lines are read one at a time, so a corpus may be far larger than memory.
    """
    try:
        stream = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    except FileNotFoundError:
        yield InputFailure(path, "no such file")
        return
    except IsADirectoryError:
        yield InputFailure(path, "is a directory")
        return
    except OSError as error:
        yield InputFailure(path, error.strerror or str(error))
        return
    try:
        for number, raw in enumerate(stream, start=1):
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            if raw.strip():
                yield f"{path}:{number}", raw
    except OSError as error:
        yield InputFailure(path, error.strerror or str(error))
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def read_jsonl(path: str, options: InputOptions) -> Iterator[Document | InputFailure]:
    """Each non-blank line of a JSON Lines corpus is one article, shown as ``PATH:LINE``.

    A bad record (invalid JSON, no such field, not a string) is an error of its own;
    the records around it are read as usual. ``--max-bytes`` applies to each text.
    """
    field_name = options.jsonl_field or DEFAULT_JSONL_FIELD
    for line in jsonl_lines(path):
        yield line if isinstance(line, InputFailure) else _jsonl_record(line[1], line[0], field_name, options)


def is_jsonl(path: str, options: InputOptions) -> bool:
    """``*.jsonl`` and ``*.ndjson`` files are corpora; stdin is one when a field is named
    or ``--stdin-filename`` has such a suffix."""
    if path == "-":
        named = options.stdin_filename is not None and format_of(options.stdin_filename) == "jsonl"
        return options.jsonl_field is not None or named
    return format_of(path) == "jsonl" and not Path(path).is_dir()


def collect(
    paths: Iterable[str], options: InputOptions, selection: Selection | None = None
) -> Iterator[Document | InputFailure]:
    """Documents named by paths (files, folders, ``-``), read lazily, in order."""
    selection = selection or Selection()
    for raw in paths:
        if raw != "-" and not Path(raw).is_dir() and named_file_excluded(Path(raw), selection):
            continue
        if raw == "-" and options.stdin_filename is not None and is_jsonl(raw, options):
            # Records of a corpus on stdin are named after --stdin-filename: "corpus.jsonl:3".
            name = options.stdin_filename
            for item in read_jsonl(raw, options):
                yield replace(item, path=name + item.path.removeprefix("-"))
            continue
        if is_jsonl(raw, options):
            yield from read_jsonl(raw, options)
            continue
        if raw == "-":
            yield read_stdin(options)
            continue
        path = Path(raw)
        files = walk(path, selection) if path.is_dir() else iter([path])
        for file in files:
            if is_jsonl(str(file), options):
                yield from read_jsonl(str(file), options)
                continue
            try:
                yield read_document(file, options)
            except InputError as error:
                yield InputFailure(str(file), str(error))
