"""Work spread over processes, results back in input order, a bounded amount in flight.

Each worker process runs ``initializer(*initargs())`` once (where a checker loads its
model), then functions over batches of items. Why not ``multiprocessing.Pool.imap``:
it reads the whole input ahead (a 50,000-record corpus would sit in memory), and a
worker that dies hangs it for ever. Here at most ``IN_FLIGHT_PER_WORKER`` batches
per worker are out at a time, and when a worker dies the batches in flight are tried again one item at a
time; the item that kills its worker again gets ``lost(item)`` as its result, so
the others' results are never lost with it.

Workers start the platform's default way (``multiprocessing``'s default context:
"fork" on Linux before Python 3.14, as spaCy's own ``n_process`` does; "forkserver"
or "spawn" elsewhere). Nothing here relies on what a fork inherits: the initializer,
its arguments, the items and the results are all pickled, so "spawn" and
"forkserver" work the same, only with a slower start. Keep results small.

>>> list(map_in_order(_doubled, [1, 2, 3], lambda n: n, lambda n: -1, processes=1))
[(1, 2), (2, 4), (3, 6)]
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

Item = TypeVar("Item")
Task = TypeVar("Task")
Outcome = TypeVar("Outcome")

#: Items per batch: enough for spaCy to batch its matrix work, few enough to share out evenly.
BATCH_SIZE = 8
#: Batches out per worker: one being worked on, one waiting in its queue, one coming back.
IN_FLIGHT_PER_WORKER = 3


def _doubled(tasks: Sequence[int]) -> list[int]:
    return [2 * task for task in tasks]


def start_method() -> str:
    """How worker processes start here: "fork", "forkserver" or "spawn"."""
    return multiprocessing.get_start_method()


@dataclass(slots=True)
class _Batch(Generic[Item, Task, Outcome]):
    """Items in input order; those with a task go to a worker, the others pass through."""

    entries: list[tuple[Item, Task | None]] = field(default_factory=list)
    future: Future[list[Outcome]] | None = None

    @property
    def tasks(self) -> list[Task]:
        return [task for _, task in self.entries if task is not None]


def map_in_order(
    work: Callable[[Sequence[Task]], list[Outcome]],
    items: Iterable[Item],
    task_of: Callable[[Item], Task | None],
    lost: Callable[[Task], Outcome],
    processes: int,
    initializer: Callable[..., object] | None = None,
    initargs: Callable[[], tuple[Any, ...]] = tuple,
    batch_size: int = BATCH_SIZE,
    method: str | None = None,
) -> Generator[tuple[Item, Outcome | None], None, None]:
    """``(item, work's outcome for its task)`` in input order; ``None`` for an item with no task.

    ``task_of(item)`` is called as the item is read, in this process (a cache can answer
    there); the workers start, and ``initargs`` is called, only when the first task is
    sent. ``work`` gets a batch of tasks and returns one outcome per task, in order.
    With ``processes`` 1 the work runs here, batch by batch. ``method`` overrides how
    workers start.
    """
    if processes <= 1:
        yield from _in_process(work, items, task_of, initializer, initargs, batch_size)
        return
    pool: _Pool[Item, Task, Outcome] = _Pool(work, lost, processes, initializer, initargs, method)
    limit = processes * IN_FLIGHT_PER_WORKER
    queue: deque[_Batch[Item, Task, Outcome]] = deque()
    filling: _Batch[Item, Task, Outcome] = _Batch()
    try:
        for item in items:
            filling.entries.append((item, task_of(item)))
            if len(filling.tasks) >= batch_size or len(filling.entries) >= 8 * batch_size:
                queue.append(pool.send(filling))
                filling = _Batch()
            # Done batches at the head go out at once; a full queue waits for its head.
            while queue and (len(queue) >= limit or _done(queue[0])):
                yield from pool.collect(queue)
        if filling.entries:
            queue.append(pool.send(filling))
        while queue:
            yield from pool.collect(queue)
    finally:
        pool.close()


def _succeeded(future: Future[Any]) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None


def _done(batch: _Batch[Any, Any, Any]) -> bool:
    return batch.future is None or batch.future.done()


def _in_process(
    work: Callable[[Sequence[Task]], list[Outcome]],
    items: Iterable[Item],
    task_of: Callable[[Item], Task | None],
    initializer: Callable[..., object] | None,
    initargs: Callable[[], tuple[Any, ...]],
    batch_size: int,
) -> Iterator[tuple[Item, Outcome | None]]:
    started = False
    batch: list[tuple[Item, Task | None]] = []

    def run() -> Iterator[tuple[Item, Outcome | None]]:
        nonlocal started
        tasks = [task for _, task in batch if task is not None]
        if tasks and not started and initializer is not None:
            initializer(*initargs())
        started = started or bool(tasks)
        outcomes = iter(work(tasks) if tasks else [])
        for item, task in batch:
            yield item, None if task is None else next(outcomes)

    for item in items:
        task = task_of(item)
        batch.append((item, task))
        # An answered item with nothing before it goes out at once.
        if (task is None and len(batch) == 1) or sum(1 for _, t in batch if t is not None) >= batch_size:
            yield from run()
            batch = []
    yield from run()


class _Pool(Generic[Item, Task, Outcome]):
    """A process pool started on first use and started again when a worker dies."""

    def __init__(
        self,
        work: Callable[[Sequence[Task]], list[Outcome]],
        lost: Callable[[Task], Outcome],
        processes: int,
        initializer: Callable[..., object] | None,
        initargs: Callable[[], tuple[Any, ...]],
        method: str | None,
    ) -> None:
        self.work = work
        self.method = method or start_method()
        self.lost = lost
        self.processes = processes
        self.initializer = initializer
        self.initargs = initargs
        self.executor: ProcessPoolExecutor | None = None
        self.arguments: tuple[Any, ...] | None = None

    def send(self, batch: _Batch[Item, Task, Outcome]) -> _Batch[Item, Task, Outcome]:
        tasks = batch.tasks
        if tasks:
            batch.future = self._executor().submit(self.work, tasks)
        return batch

    def _executor(self) -> ProcessPoolExecutor:
        if self.executor is None:
            if self.arguments is None:
                self.arguments = self.initargs()
            self.executor = ProcessPoolExecutor(
                self.processes,
                mp_context=multiprocessing.get_context(self.method),
                initializer=self.initializer,
                initargs=self.arguments,
            )
        return self.executor

    def collect(self, queue: deque[_Batch[Item, Task, Outcome]]) -> Iterator[tuple[Item, Outcome | None]]:
        """The head batch's results, waiting for them; a dead worker's batches are sent again."""
        head = queue[0]
        try:
            outcomes = iter(head.future.result() if head.future is not None else [])
        except BrokenProcessPool:
            self._recover(queue)
            return
        queue.popleft()
        for item, task in head.entries:
            yield item, None if task is None else next(outcomes)

    def _recover(self, queue: deque[_Batch[Item, Task, Outcome]]) -> None:
        """Every batch in flight died with the pool: each of their items is tried again alone.

        One at a time, so that a death names its item: that item is answered with
        ``lost`` and the others get their results.
        """
        self.close()
        for batch in queue:
            if batch.future is not None and not _succeeded(batch.future):
                batch.future = Future()
                batch.future.set_result([self._alone(task) for task in batch.tasks])

    def _alone(self, task: Task) -> Outcome:
        try:
            return self._executor().submit(self.work, [task]).result()[0]
        except BrokenProcessPool:
            self.close()
            return self.lost(task)

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None
