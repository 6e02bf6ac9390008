"""The Dask engine: the same report bytes as a local run, in input order, and no document lost.

A real two-worker ``distributed.LocalCluster`` on 127.0.0.1 (worker processes, so a
worker can be killed) is started once for this module; each worker loads the model
once, so the module takes some seconds.
"""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from factcheck.api import to_json
from factcheck.cli import app
from factcheck.config import Settings
from factcheck.engines import EngineError, EngineOptions, engines, open_engine
from factcheck.pipeline import Checker, gazetteer_for, rules_for
from factcheck.reading.inputs import InputOptions, collect
from factcheck.report.model import DocumentResult, Report

distributed = pytest.importorskip("distributed")
from factcheck.engines.dask_cluster import DaskEngine  # noqa: E402 - needs distributed

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, host="127.0.0.1", processes=True, dashboard_address=None
    ) as started:
        yield started


@pytest.fixture(scope="module")
def client(cluster: Any) -> Iterator[Any]:
    with distributed.Client(cluster) as connected:
        yield connected


def fixture_texts() -> list[tuple[str, str]]:
    """(format, text) of every case in the rule fixtures: the repository's own wordings."""
    found = []
    for path in sorted((ROOT / "rules").glob("*.test.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            found.append((case.get("format", "text"), case["text"]))
    return found


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds, the fixture cases as files of their formats, a corpus with a bad record, a binary file."""
    folder = tmp_path_factory.mktemp("articles")
    for seed in sorted((ROOT / "seeds").iterdir()):
        (folder / seed.name).write_bytes(seed.read_bytes())
    suffix = {"text": ".txt", "markdown": ".md", "html": ".html"}
    for number, (fmt, text) in enumerate(fixture_texts()[:24]):
        (folder / f"case{number:02d}{suffix[fmt]}").write_text(text, encoding="utf-8")
    records = [
        {"id": "r1", "text": "Ministers met in Oslo on Monday. The Oslo meeting ended at noon."},
        {"id": "r2", "body": "no text field here"},
        {"id": "r3", "text": "Kim flew to Paris on Friday and spoke at a conference there."},
    ]
    (folder / "wire.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    (folder / "scan.txt").write_bytes(b"\x00\x01binary")
    return folder


@pytest.fixture(scope="module")
def module_checker() -> Checker:
    settings = Settings()
    return Checker(rules_for(settings), gazetteer_for(settings), settings.ignored_for)


@pytest.fixture(scope="module")
def local(module_checker: Checker, corpus: Path) -> list[DocumentResult]:
    """The corpus checked by the local engine, once for the module."""
    return list(module_checker.check(collect([str(corpus)], InputOptions())))


def as_json(results: list[DocumentResult], model: str) -> str:
    return to_json(Report(tuple(results), model))


def test_the_dask_engine_gives_the_local_report_byte_for_byte(
    client: Any, corpus: Path, module_checker: Checker, local: list[DocumentResult]
) -> None:
    engine = DaskEngine(client)
    results = list(engine.check(module_checker, collect([str(corpus)], InputOptions())))
    assert as_json(results, engine.model(module_checker)) == as_json(local, module_checker.model)
    paths = [result.path for result in results]
    assert paths == sorted(paths)  # a folder is read in name order, and so reported
    errors = {Path(r.path).name: r.error for r in results if r.error is not None}
    assert set(errors) == {"scan.txt", "wire.jsonl:2"}
    assert sum(len(r.findings) for r in results) > 10  # the fixtures' firing cases fired


def test_the_command_line_engine_prints_the_local_bytes(cluster: Any, corpus: Path) -> None:
    here = runner.invoke(app, ["check", str(corpus), "--format", "json", "--no-cache"])
    dask = ["--engine", "dask", "--scheduler", cluster.scheduler_address]
    remote = runner.invoke(app, ["check", str(corpus), "--format", "json", "--no-cache", *dask])
    assert here.exit_code == 2  # the binary file and the bad record
    assert (remote.exit_code, remote.stdout) == (here.exit_code, here.stdout)


def test_the_cache_answers_before_the_cluster(cluster: Any, corpus: Path, tmp_path: Path) -> None:
    arguments = ["check", str(corpus), "--format", "json", "--cache-dir", str(tmp_path), "-v"]
    dask = ["--engine", "dask", "--scheduler", cluster.scheduler_address]
    first = runner.invoke(app, [*arguments, *dask])
    again = runner.invoke(app, arguments)
    assert again.stdout == first.stdout
    assert "0 checked" in again.stderr  # every document the cluster checked was cached here


def test_a_killed_worker_loses_no_document(
    client: Any, corpus: Path, module_checker: Checker, local: list[DocumentResult]
) -> None:
    # One document per batch: when the first comes back, both workers hold more.
    engine = DaskEngine(client, batch_size=1)
    pids = sorted(client.run(os.getpid).values())
    results: list[DocumentResult] = []
    for result in engine.check(module_checker, collect([str(corpus)], InputOptions())):
        if not results:
            os.kill(pids[0], signal.SIGKILL)
        results.append(result)
    assert pids[0] not in client.run(os.getpid).values()
    assert as_json(results, engine.model(module_checker)) == as_json(local, module_checker.model)


class _LostFuture:
    """A batch whose worker is always gone."""

    def result(self) -> Any:
        raise distributed.KilledWorker("check_batch", "tcp://127.0.0.1:1", "killed")

    def done(self) -> bool:
        return True


class _Client:
    """A cluster where every batch of one document (``lost``) dies with its worker."""

    def __init__(self, real: Any, lost: str) -> None:
        self.real = real
        self.lost = lost
        self.sent = 0

    def submit(self, function: Any, plugin: str, tasks: list[Any], pure: bool) -> Any:
        self.sent += 1
        if any(document.path.endswith(self.lost) for document, _ in tasks):
            return _LostFuture()
        return self.real.submit(function, plugin, tasks, pure=pure)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


def test_a_batch_lost_every_time_is_an_error_for_its_documents_only(
    client: Any, corpus: Path, module_checker: Checker, local: list[DocumentResult]
) -> None:
    lost = "000_ad2f7963976caff1.md"
    flaky = _Client(client, lost)
    engine = DaskEngine(flaky, batch_size=1, attempts=3)  # type: ignore[arg-type]
    results = list(engine.check(module_checker, collect([str(corpus)], InputOptions())))
    assert [r.path for r in results] == [r.path for r in local]
    for mine, theirs in zip(results, local, strict=True):
        if mine.path.endswith(lost):
            assert mine.error == "lost on the cluster after 3 attempts (KilledWorker)"
            assert mine.findings == ()
        else:
            assert (mine.error, mine.findings) == (theirs.error, theirs.findings)
    assert flaky.sent == len([r for r in local if r.error is None]) + 2  # two more tries for the lost one


def test_an_unknown_engine_or_a_missing_scheduler_is_a_usage_error(corpus: Path) -> None:
    unknown = runner.invoke(app, ["check", str(corpus), "--engine", "spark"])
    assert unknown.exit_code == 2
    assert "unknown engine 'spark'; expected one of dask, local" in unknown.stderr
    bare = runner.invoke(app, ["check", str(corpus), "--engine", "dask"])
    assert bare.exit_code == 2
    assert "--engine dask needs --scheduler ADDRESS" in bare.stderr
    drawn = runner.invoke(
        app, ["check", str(corpus), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:1", "-f", "html"]
    )
    assert drawn.exit_code == 2
    assert "--format html draws each parse, which --engine dask does not send back" in drawn.stderr
    with pytest.raises(EngineError, match="needs --scheduler"):
        open_engine("dask", EngineOptions())
    assert sorted(engines()) == ["dask", "local"]
