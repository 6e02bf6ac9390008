"""Checking in worker processes: the same bytes as one process, in input order, nothing lost."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
import yaml
from spacy.tokens import Doc
from typer.testing import CliRunner

from factcheck.cache import ResultCache
from factcheck.claims.graph import Analysis
from factcheck.cli import app
from factcheck.pipeline import Checker
from factcheck.reading.document import Document
from factcheck.reading.inputs import InputFailure, document_from_text
from factcheck.workers import IN_FLIGHT_PER_WORKER, map_in_order

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()

#: Kills the worker that gets it (as the kernel's OOM killer would).
FATAL = 13


def _squared(tasks: Sequence[int]) -> list[int]:
    if FATAL in tasks:
        os._exit(1)
    return [task * task for task in tasks]


def _every(number: int) -> int | None:
    return number


def _all_but_fifths(number: int) -> int | None:
    return None if number % 5 == 0 else number


def _lost(number: int) -> int:
    return -1


def _fixture_texts(count: int) -> list[str]:
    """The texts of the rules' own fixtures: many wordings, some that fire, some that must not."""
    texts: list[str] = []
    for fixture in sorted((ROOT / "rules").glob("*.test.yaml")):
        data = yaml.safe_load(fixture.read_text(encoding="utf-8"))
        # A case with a source is a comparison's: checked alone, its rewrite fires nothing.
        texts += [
            case["text"]
            for case in data["cases"]
            if isinstance(case.get("text"), str) and "source" not in case
        ]
    return texts[:count]


def test_results_come_back_in_input_order_with_answered_items_in_their_place() -> None:
    items = list(range(20, 60))
    results = map_in_order(_squared, items, _all_but_fifths, _lost, 2, batch_size=3)
    assert list(results) == [(n, None if n % 5 == 0 else n * n) for n in items]


def test_the_input_is_read_only_a_bounded_way_ahead() -> None:
    read: list[int] = []

    def numbers() -> Iterator[int]:
        for number in range(1, 1000):
            read.append(number)
            yield number + 100  # never FATAL

    results = map_in_order(_squared, numbers(), _every, _lost, 2, batch_size=2)
    first = next(results)
    assert first == (101, 101 * 101)
    assert len(read) <= 2 * IN_FLIGHT_PER_WORKER * 2
    results.close()


def test_a_document_that_kills_its_worker_loses_only_its_own_result() -> None:
    items = list(range(1, 30))
    results = map_in_order(_squared, items, _every, _lost, 2, batch_size=4)
    outcomes = dict(results)
    assert outcomes[FATAL] == -1
    assert all(outcomes[n] == n * n for n in items if n != FATAL)


def test_spawned_workers_need_nothing_a_fork_would_inherit() -> None:
    results = map_in_order(_squared, [2, 3, 4], _every, _lost, 2, method="spawn")
    assert list(results) == [(2, 4), (3, 9), (4, 16)]


def _folder_of_articles(folder: Path, count: int) -> Path:
    folder.mkdir()
    for number, text in enumerate(_fixture_texts(count)):
        (folder / f"article-{number:03}.txt").write_text(text, encoding="utf-8")
    # A corpus with a broken record in the middle: the records around it keep their results.
    records = [
        json.dumps({"id": "first", "text": _fixture_texts(1)[0]}),
        "{not json",
        '{"id": "last", "text": "Calm."}',
    ]
    (folder / "records.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    return folder


def test_two_processes_write_the_same_report_bytes_as_one(tmp_path: Path) -> None:
    folder = _folder_of_articles(tmp_path / "articles", 48)
    one, two = (
        runner.invoke(app, ["check", str(folder), "--format", "json", "--no-cache", "--jobs", jobs])
        for jobs in ("1", "2")
    )
    assert one.exit_code == two.exit_code == 2  # the broken record
    assert one.stdout == two.stdout
    documents = json.loads(one.stdout)["documents"]
    assert len(documents) == 48 + 3
    assert sum(len(d["findings"]) for d in documents) > 10
    assert [d["error"] is not None for d in documents].count(True) == 1


def test_a_rerun_in_workers_is_answered_from_the_cache(checker: Checker, tmp_path: Path) -> None:
    documents: list[Document | InputFailure] = [
        document_from_text(text, f"story-{n}.txt") for n, text in enumerate(_fixture_texts(20))
    ]
    documents += documents[:2]  # the same document twice is answered twice
    cache = ResultCache(tmp_path / "cache", "run")
    first = list(checker.check(documents, processes=2, cache=cache))
    again = list(checker.check(documents, processes=2, cache=cache))
    assert [r.findings for r in again] == [r.findings for r in first]
    assert len(again) == 22
    assert not any(r.cached for r in first)
    assert all(r.cached for r in again)


def test_a_checker_in_spawned_workers_finds_what_one_process_finds(checker: Checker) -> None:
    documents: list[Document | InputFailure] = [
        document_from_text(text, f"story-{n}.txt") for n, text in enumerate(_fixture_texts(6))
    ]
    spawning = Checker(checker.rules, checker.gazetteer)
    spawning.start_method = "spawn"
    here = [r.findings for r in checker.check(documents)]
    assert [r.findings for r in spawning.check(documents, processes=2)] == here
    assert any(here)


@pytest.mark.parametrize("processes", [1, 2])
def test_a_document_whose_analysis_fails_is_an_error_of_its_own(
    checker: Checker, processes: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    analyse_doc = Checker.analyse_doc

    def failing(self: Checker, document: Document, doc: Doc) -> Analysis:
        if "Zebedee" in document.text:
            raise ValueError("a defect that only this wording reaches")
        return analyse_doc(self, document, doc)

    # Forked workers inherit the patched method.
    monkeypatch.setattr(Checker, "analyse_doc", failing)
    texts = _fixture_texts(6)
    documents: list[Document | InputFailure] = [
        document_from_text(t, f"{n}.txt") for n, t in enumerate(texts)
    ]
    documents.insert(3, document_from_text("Zebedee said the summit in Oslo ended.", "bad.txt"))
    forking = Checker(checker.rules, checker.gazetteer)
    forking.start_method = "fork"
    results = list(forking.check(documents, processes=processes))
    assert [r.path for r in results] == [d.path for d in documents]
    assert [r.error for r in results].count(None) == 6
    assert results[3].error == "could not be checked: ValueError: a defect that only this wording reaches"
    assert [r.findings for r in results[:3]] == [r.findings for r in checker.check(documents[:3])]
