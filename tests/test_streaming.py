"""A large corpus streams: its reader reads a record at a time, and a streaming format
keeps nothing of a clean document once it is shown (``benchmarks/streaming.py`` measures
the memory; these tests check the structure that keeps it flat)."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, cast

from factcheck.cli.check import SHOWN_CLEAN, Engine, execute, plan
from factcheck.cli.output import Chatter
from factcheck.config import Settings
from factcheck.reading.document import Document
from factcheck.reading.inputs import InputFailure, InputOptions, read_jsonl
from factcheck.reading.selection import Selection
from factcheck.report.model import DocumentResult, Report
from factcheck.report.renderers import RenderContext, renderers

if TYPE_CHECKING:
    import pytest

    from factcheck.pipeline import Checker


def test_the_jsonl_reader_yields_a_record_before_the_rest_is_written(tmp_path: Path) -> None:
    # A pipe holds only what its writer has written: a reader that read the whole
    # file first would wait for the writer, which waits for the first record.
    fifo = tmp_path / "corpus.jsonl"
    os.mkfifo(fifo)
    first_record_seen = threading.Event()
    rest_written_after_first: list[bool] = []

    def writer() -> None:
        with fifo.open("w", encoding="utf-8") as pipe:
            pipe.write(json.dumps({"id": "a1", "text": "The mayor of Ghent opened a library."}) + "\n")
            pipe.flush()
            # Bounded, so that a reader that reads ahead fails the test instead of hanging it.
            rest_written_after_first.append(first_record_seen.wait(timeout=60))
            pipe.write('{"id": "a2", "text": broken\n')

    thread = threading.Thread(target=writer)
    thread.start()
    records = read_jsonl(str(fifo), InputOptions())
    first = next(records)
    first_record_seen.set()
    rest = list(records)
    thread.join()
    assert rest_written_after_first == [True]
    assert isinstance(first, Document) and first.doc_id == "a1" and first.path == f"{fifo}:1"
    assert len(rest) == 1 and isinstance(rest[0], InputFailure)
    assert rest[0].path == f"{fifo}:2" and rest[0].error.startswith("invalid JSON")


class _EchoChecker:
    """Answers each document as clean and each unreadable record as its error, in order."""

    model = "test-model"

    def __init__(self) -> None:
        self.read = 0

    def check(
        self, items: Iterable[Document | InputFailure], keep: bool, processes: int, cache: object
    ) -> Iterator[DocumentResult]:
        for item in items:
            self.read += 1
            if isinstance(item, InputFailure):
                yield DocumentResult(item.path, item.doc_id, item.error, ())
            else:
                yield DocumentResult(item.path, item.doc_id, None, (), document=item)


def _run(corpus: Path, fmt: str) -> tuple[Report, _EchoChecker]:
    run = plan([str(corpus)], Settings(), fmt, Selection(), InputOptions(), None, quiet=True)
    checker = _EchoChecker()
    machine = Engine(cast("Checker", checker), None, None)
    report, _ = execute(run, machine, RenderContext(), Chatter(quiet=True), jobs=1)
    return report, checker


def _corpus(tmp_path: Path, records: int) -> Path:
    corpus = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": f"n{n}", "text": f"Ferry {n} left Porto on Monday."}) for n in range(records)]
    lines[3] = '{"id": "n3", "text": '  # cut short: an unreadable record among clean ones
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return corpus


def test_a_streaming_format_keeps_no_result_of_a_clean_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report, checker = _run(_corpus(tmp_path, 40), "jsonl")
    printed = capsys.readouterr().out
    assert checker.read == 40 and len(report.documents) == 40
    clean = [result for result in report.documents if result.error is None]
    assert len(clean) == 39 and all(result is SHOWN_CLEAN for result in clean)
    (unreadable,) = (result for result in report.documents if result.error is not None)
    assert unreadable.path == f"{tmp_path / 'corpus.jsonl'}:4" and unreadable.document is None
    # What was printed, then the summary of what was kept, is the whole report's bytes.
    jsonl = renderers()["jsonl"]
    assert jsonl.render_summary is not None
    full, _ = _run_whole(tmp_path / "corpus.jsonl")
    assert printed + jsonl.render_summary(report, RenderContext()) == jsonl.render(full, RenderContext())


def _run_whole(corpus: Path) -> tuple[Report, _EchoChecker]:
    return _run(corpus, "json")


def test_a_whole_report_format_keeps_every_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report, _ = _run_whole(_corpus(tmp_path, 12))
    assert capsys.readouterr().out == ""
    assert all(result.document is not None for result in report.documents if result.error is None)
    assert [result.doc_id for result in report.documents] == [None if n == 3 else f"n{n}" for n in range(12)]
