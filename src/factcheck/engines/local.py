"""The local engine: this process, with spaCy's parser processes for a larger batch."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from factcheck.engines._contract import EngineOptions

if TYPE_CHECKING:
    from factcheck.cache import ResultCache
    from factcheck.pipeline import Checker
    from factcheck.reading.document import Document
    from factcheck.reading.inputs import InputFailure
    from factcheck.report.model import DocumentResult

NAME = "local"
DESCRIPTION = "this machine: the parse in up to --jobs processes (the default)"


class LocalEngine:
    def __init__(self, options: EngineOptions) -> None:
        self.processes = max(1, options.processes)

    def check(
        self,
        checker: Checker,
        items: Iterable[Document | InputFailure],
        keep_analysis: bool = False,
        cache: ResultCache | None = None,
    ) -> Iterator[DocumentResult]:
        return checker.check(items, keep_analysis, self.processes, cache)

    def model(self, checker: Checker) -> str:
        return checker.model

    def close(self) -> None:
        return None


def open_engine(options: EngineOptions) -> LocalEngine:
    return LocalEngine(options)
