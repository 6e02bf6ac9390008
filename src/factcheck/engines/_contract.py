"""What an engine is: the contract every engine in the registry meets (mypy checks it).

An engine checks a stream of documents with a ``Checker``'s rules and yields one
``DocumentResult`` per item, in input order, as they finish. Where the parse runs
(this process and its parser processes, or a cluster's workers) is the engine's
business; the findings, and so every report's bytes, must not depend on it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    # Only types: choosing an engine (``--help``, a usage error) loads no stage.
    from factcheck.cache import ResultCache
    from factcheck.pipeline import Checker
    from factcheck.reading.document import Document
    from factcheck.reading.inputs import InputFailure
    from factcheck.report.model import DocumentResult


class EngineError(Exception):
    """An engine that cannot run (no such engine, its extra not installed, a cluster out
    of reach); the message is shown to the user as is."""


@dataclass(frozen=True, slots=True)
class EngineOptions:
    #: Parser processes of a local run (0: one per core for enough documents).
    processes: int = 1
    #: Where a cluster's scheduler listens (``tcp://host:8786``), for engines that use one.
    scheduler: str | None = None


class Engine(Protocol):
    def check(
        self,
        checker: Checker,
        items: Iterable[Document | InputFailure],
        keep_analysis: bool = False,
        cache: ResultCache | None = None,
    ) -> Iterator[DocumentResult]:
        """Results in input order, streamed as documents finish; failures pass through."""
        ...

    def model(self, checker: Checker) -> str:
        """The language model the results came from (what the report names)."""
        ...

    def close(self) -> None:
        """Let go of what the engine holds (a cluster connection); safe to call twice."""
        ...


@dataclass(frozen=True, slots=True)
class EngineKind:
    """A registry entry: an engine by its ``--engine`` name, opened with the run's options."""

    name: str
    description: str
    needs_scheduler: bool
    #: Whether results keep each document's analysis (the parse, the claim graph),
    #: which only a run in this process has; formats that draw it need such an engine.
    keeps_analysis: bool
    open: Callable[[EngineOptions], Engine]
