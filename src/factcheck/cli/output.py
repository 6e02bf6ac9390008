"""Where the run's words go: the report to stdout or a file, notes and progress to stderr.

Colour follows the conventions: ``--color/--no-color`` first, then ``NO_COLOR``, then
``FORCE_COLOR`` (for CI logs that render colour), then whether stdout is a terminal.
The progress bar is drawn on stderr only when stderr is a terminal and the run is
not in CI or quiet; a pipe or a CI log gets no bar. ``-v`` writes a line per
document instead, which does reach a CI log.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import typer

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from factcheck.report.model import DocumentResult


def _set(name: str) -> bool:
    return bool(os.environ.get(name))


def use_colour(flag: bool | None, output: Path | None, stream: TextIO | None = None) -> bool:
    """Whether the text report is coloured."""
    if flag is not None:
        return flag
    if output is not None or _set("NO_COLOR"):
        return False
    if _set("FORCE_COLOR"):
        return True
    return (stream or sys.stdout).isatty()


def write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        output.write_text(text, encoding="utf-8")


def interactive() -> bool:
    """A person watching stderr: a terminal, and not a CI job."""
    return sys.stderr.isatty() and not _set("CI")


@dataclass(slots=True)
class Chatter:
    """What goes to stderr besides errors: notes, ``-v`` lines and the progress bar."""

    quiet: bool = False
    verbose: bool = False
    started: float = field(default_factory=time.monotonic)
    done: int = 0
    _progress: Progress | None = None
    _task: TaskID | None = None

    def note(self, message: str) -> None:
        """A line a person wants to see (a baseline count); hidden by ``-q``."""
        if not self.quiet:
            typer.echo(f"factcheck: {message}", err=True)

    def detail(self, message: str) -> None:
        """A ``-v`` line."""
        if self.verbose and not self.quiet:
            typer.echo(f"factcheck: {message}", err=True)

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    @property
    def shows_progress(self) -> bool:
        return not (self.quiet or self.verbose) and interactive()

    @contextmanager
    def progress(self, total: int | None) -> Iterator[None]:
        """A progress bar for the documents of a run, when someone is watching."""
        if not self.shows_progress:
            yield
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        # No refresh thread: the parser may fork worker processes while the bar is up.
        progress = Progress(
            TextColumn("checking"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.fields[rate]}"),
            console=Console(stderr=True),
            transient=True,
            auto_refresh=False,
            # The report is printed through ``show``, which never re-wraps its lines.
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self._progress = progress
        self._task = progress.add_task("checking", total=total, rate="")
        with progress:
            progress.refresh()
            try:
                yield
            finally:
                self._progress = None

    def show(self, text: str) -> None:
        """Part of the report, printed as a document finishes.

        On the terminal that shows the bar it is printed above the bar, exactly as
        written (no wrapping); anywhere else, straight to stdout.
        """
        if self._progress is not None and sys.stdout.isatty():
            from rich.text import Text

            self._progress.console.print(
                Text.from_ansi(text, end=""), end="", soft_wrap=True, markup=False, highlight=False
            )
            self._progress.refresh()
        else:
            write(text, None)

    def finished(self, result: DocumentResult, cached: bool) -> None:
        """One document is done: move the bar, or say so with ``-v``."""
        self.done += 1
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, completed=self.done, rate=rate(self.done, self.elapsed))
            self._progress.refresh()
        if result.error is not None:
            state = "could not be read"
        else:
            count = sum(1 for f in result.findings if not f.suppressed)
            state = f"{count} finding{'s' if count != 1 else ''}" + (", cached" if cached else "")
        self.detail(f"[{self.done}] {result.path}: {state}")


def rate(documents: int, seconds: float) -> str:
    """``12.3 documents/s``; nothing until the clock has moved."""
    if seconds <= 0:
        return ""
    return f"{documents / seconds:.1f} documents/s"
