"""The Dask engine: documents checked on a Dask distributed cluster, the model loaded once per worker.

The rules and gazetteer travel to every worker once, in a worker plugin that loads
the language model when the worker joins (a worker that joins later, or one the
nanny restarts, gets it too). Documents go out in small batches with a bounded
number in flight, so memory stays flat over any corpus, and results come back in
input order. This process keeps the cache and the per-file-ignores: it sends each
document with the ids of the rules that run on it, so a worker needs no config
file, rule folder or gazetteer file of its own, only factcheck and the model.

A worker that dies mid-batch loses nothing: the scheduler hands its batches to
another worker, and a batch the scheduler gives up on (``KilledWorker``) or whose
connection broke is sent again; one that fails ``ATTEMPTS`` times becomes an error
for each of its documents (exit code 2), the other documents' results kept.
"""

from __future__ import annotations

import hashlib
import pickle
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from distributed import CancelledError, Client, Future, KilledWorker, WorkerPlugin, get_worker
from distributed.comm.core import CommClosedError

from factcheck.engines._contract import EngineError, EngineOptions
from factcheck.pipeline import Checker
from factcheck.reading.document import Document
from factcheck.reading.inputs import InputFailure
from factcheck.report.model import DocumentResult
from factcheck.rules.evaluation import run_rules
from factcheck.rules.findings import Finding

if TYPE_CHECKING:
    from factcheck.cache import ResultCache
    from factcheck.nlp.gazetteer import Gazetteer
    from factcheck.rules.loading import Rule

#: Documents per task: enough to pay for a round trip, few enough to spread a small batch.
BATCH_SIZE = 4
#: Batches in flight per worker thread: one parsing, one waiting, so no worker idles.
IN_FLIGHT_PER_THREAD = 2
#: Times a batch is sent before its documents are reported as errors.
ATTEMPTS = 3
#: Seconds to reach the scheduler, and then to see a first worker.
CONNECT_TIMEOUT = 30
WORKER_TIMEOUT = 120

#: What a batch carries per document: the document and the ids of the rules that run on it.
Task = tuple[Document, tuple[str, ...]]
#: What comes back: the model's name and each document's findings, in the batch's order.
Outcome = tuple[str, list[tuple[Finding, ...]]]

#: Failures of the cluster, not of a document: the batch is worth sending again.
_LOST = (KilledWorker, CommClosedError, CancelledError, TimeoutError)


class CheckerPlugin(WorkerPlugin):
    """Builds the checker on each worker as it starts, so the model loads once per worker."""

    def __init__(self, rules: Sequence[Rule], gazetteer: Gazetteer) -> None:
        self.rules = list(rules)
        self.gazetteer = gazetteer
        digest = hashlib.sha256(pickle.dumps(self.rules))
        digest.update(gazetteer.fingerprint.encode())
        #: One plugin per set of rules: two runs with other settings can share a cluster.
        self.name = f"factcheck-{digest.hexdigest()[:16]}"
        self.checker: Checker | None = None
        self.lock: threading.Lock | None = None

    def setup(self, worker: Any) -> None:
        self.checker = Checker(self.rules, self.gazetteer)
        self.checker.pipeline  # noqa: B018 - load the model now, not inside the first task
        # A worker with several threads shares one pipeline; the parse holds the GIL anyway.
        self.lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        return {"rules": self.rules, "gazetteer": self.gazetteer, "name": self.name}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.rules = state["rules"]
        self.gazetteer = state["gazetteer"]
        self.name = state["name"]
        self.checker = None
        self.lock = None


def check_batch(plugin_name: str, batch: list[Task]) -> Outcome:
    """Runs on a worker: the stages over one batch, with that worker's loaded checker."""
    plugin = get_worker().plugins[plugin_name]
    if not isinstance(plugin, CheckerPlugin) or plugin.checker is None or plugin.lock is None:
        raise RuntimeError(f"worker plugin {plugin_name} is not set up")
    checker = plugin.checker
    found: list[tuple[Finding, ...]] = []
    with plugin.lock:
        parsed = checker.pipeline.nlp.pipe([document.text for document, _ in batch], batch_size=len(batch))
        for doc, (document, rule_ids) in zip(parsed, batch, strict=True):
            analysis = checker.analyse_doc(document, doc)
            wanted = set(rule_ids)
            rules = [rule for rule in checker.rules if rule.id in wanted]
            found.append(run_rules(rules, analysis.graph, document))
    return checker.model, found


@dataclass(slots=True)
class _Batch:
    plugin: str
    tasks: list[Task]
    future: Future[Outcome]
    attempts: int = 1


class DaskEngine:
    """Checks documents on the cluster a ``distributed.Client`` is connected to."""

    def __init__(
        self,
        client: Client,
        owns_client: bool = False,
        batch_size: int = BATCH_SIZE,
        attempts: int = ATTEMPTS,
    ) -> None:
        self.client = client
        self.owns_client = owns_client
        self.batch_size = batch_size
        self.attempts = attempts
        self._model: str | None = None
        #: Batches in flight at most; follows the workers as they come and go (see ``_submit``).
        self._window = 2

    def check(
        self,
        checker: Checker,
        items: Iterable[Document | InputFailure],
        keep_analysis: bool = False,
        cache: ResultCache | None = None,
    ) -> Iterator[DocumentResult]:
        plugin: CheckerPlugin | None = None
        queue: deque[DocumentResult | _Batch] = deque()
        waiting: list[Task] = []
        for item in items:
            answered = _answered(checker, item, cache)
            if answered is None and isinstance(item, Document):
                waiting.append((item, tuple(rule.id for rule in checker.rules_for(item.path))))
            if waiting and (answered is not None or len(waiting) >= self.batch_size):
                # Registered with the first document to parse: no worker loads the model for a
                # run the cache answers.
                plugin = plugin or self._register(checker)
                queue.append(self._submit(plugin, waiting))
                waiting = []
            if answered is not None:
                queue.append(answered)
            yield from self._ready(queue, cache, block=self._in_flight(queue) >= self._window)
        if waiting:
            plugin = plugin or self._register(checker)
            queue.append(self._submit(plugin, waiting))
        while queue:
            yield from self._ready(queue, cache, block=True)

    def model(self, checker: Checker) -> str:
        return self._model if self._model is not None else checker.model

    def close(self) -> None:
        if self.owns_client:
            self.client.close()
            self.owns_client = False

    def _register(self, checker: Checker) -> CheckerPlugin:
        plugin = CheckerPlugin(checker.rules, checker.gazetteer)
        self.client.register_plugin(plugin, name=plugin.name)
        return plugin

    def _submit(self, plugin: CheckerPlugin, tasks: list[Task]) -> _Batch:
        # Asked once a batch, not once a document: it is a round trip to the scheduler.
        threads: int = sum(self.client.nthreads().values())
        self._window = max(2, IN_FLIGHT_PER_THREAD * threads)
        return _Batch(plugin.name, tasks, self.client.submit(check_batch, plugin.name, tasks, pure=False))

    @staticmethod
    def _in_flight(queue: deque[DocumentResult | _Batch]) -> int:
        return sum(1 for entry in queue if isinstance(entry, _Batch))

    def _ready(
        self, queue: deque[DocumentResult | _Batch], cache: ResultCache | None, block: bool
    ) -> Iterator[DocumentResult]:
        """The results at the head of the queue that are done; with ``block``, at least one batch."""
        while queue:
            head = queue[0]
            if isinstance(head, DocumentResult):
                queue.popleft()
                yield head
                continue
            if not (block or head.future.done()):
                return
            queue.popleft()
            yield from self._results(head, cache)
            block = False

    def _results(self, batch: _Batch, cache: ResultCache | None) -> Iterator[DocumentResult]:
        while True:
            try:
                model, found = batch.future.result()
                break
            except _LOST as error:
                if batch.attempts >= self.attempts:
                    reason = f"lost on the cluster after {batch.attempts} attempts ({type(error).__name__})"
                    for document, _ in batch.tasks:
                        yield DocumentResult(document.path, document.doc_id, reason, ())
                    return
                batch.attempts += 1
                batch.future = self.client.submit(check_batch, batch.plugin, batch.tasks, pure=False)
        self._model = model
        for (document, rule_ids), findings in zip(batch.tasks, found, strict=True):
            if cache is not None:
                cache.put(document, list(rule_ids), findings)
            yield DocumentResult(document.path, document.doc_id, None, findings, document=document)


def _answered(
    checker: Checker, item: Document | InputFailure, cache: ResultCache | None
) -> DocumentResult | None:
    """A result known without the cluster: a document that could not be read, or a cache hit."""
    return checker.cached_result(item, cache)


def connect(scheduler: str) -> Client:
    """A client of the scheduler at this address, once a worker has joined; EngineError otherwise."""
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as error:
        raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
    try:
        client.wait_for_workers(1, timeout=WORKER_TIMEOUT)
    except (OSError, TimeoutError) as error:
        client.close()
        raise EngineError(
            f"no Dask worker joined the scheduler at {scheduler} in {WORKER_TIMEOUT} s ({error})"
        ) from None
    return client


def open_engine(options: EngineOptions) -> DaskEngine:
    if not options.scheduler:
        raise EngineError("the dask engine needs --scheduler ADDRESS")
    return DaskEngine(connect(options.scheduler), owns_client=True)
