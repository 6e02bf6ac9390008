"""``factcheck compare``: rewrites checked against their source, with ``check``'s options.

* ``pairs_of``: what is compared (SOURCE and DERIVED..., or a ``--pairs`` file);
* ``comparer``: what compares them (the rules and gazetteer, as in ``check``);
* ``execute``: comparing and showing (streaming, progress, ``-q``);
* then ``check.finish``: the closing lines and the exit code, as in ``check``.

No results cache: a pair's findings depend on both texts, and the source is parsed
once for all its rewrites anyway.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from factcheck.cli.check import Plan, finish, kept_after_showing, plan, selection_for
from factcheck.cli.common import fail, settings_for
from factcheck.cli.options import (
    FILES_PANEL,
    REPORT_PANEL,
    RULES_PANEL,
    RUN_PANEL,
    ColorOption,
    ExcludeOption,
    ExtendSelectOption,
    IgnoreOption,
    OutputFormatOption,
    OutputOption,
    QuietOption,
    RulesDirOption,
    SelectOption,
    ShowSuppressedOption,
    StatisticsOption,
)
from factcheck.cli.output import Chatter, use_colour
from factcheck.config import split_ids
from factcheck.datafiles import DataFileError
from factcheck.reading.inputs import InputFailure, InputOptions
from factcheck.report.model import DocumentResult, Report
from factcheck.report.renderers import RenderContext

if TYPE_CHECKING:
    from factcheck.comparison import Comparer
    from factcheck.reading.document import Document
    from factcheck.reading.pairs import DocumentPair, PairFailure

_PAIRS = "Pairs"
_GATE = "Exit code"


def pairs_of(
    run: Plan, named: list[str], pairs: Path | None, source_field: str, derived_field: str
) -> Iterable[DocumentPair | PairFailure]:
    """Each rewrite with its source: the first path against the others, or the records of ``pairs``."""
    from factcheck.reading.inputs import collect
    from factcheck.reading.pairs import pairs_with, read_pairs

    if pairs is not None:
        return read_pairs(str(pairs), run.options, source_field, derived_field)
    source = _one_document(named[0], run.options)
    return pairs_with(source, collect(named[1:], run.options, run.selection))


def _one_document(path: str, options: InputOptions) -> Document:
    """The source of a comparison: exactly one readable document, else a usage error."""
    from factcheck.reading.inputs import collect

    found = list(itertools.islice(collect([path], options), 2))
    if len(found) != 1:
        fail(f"{path}: the source must be one document, found {len(found) or 'none'}")
    document = found[0]
    if isinstance(document, InputFailure):
        fail(f"{document.path}: {document.error}")
    return document


def comparer(run: Plan, rules_dir: list[Path] | None) -> Comparer:
    # The stages load spaCy: imported here, so that --help stays quick.
    from factcheck.comparison import Comparer
    from factcheck.pipeline import Checker, gazetteer_for, rules_for

    settings = run.settings
    try:
        active = rules_for(settings, rules_dir or ())
        return Comparer(Checker(active, gazetteer_for(settings), settings.ignored_for))
    except DataFileError as error:
        fail(str(error))


def execute(
    run: Plan,
    machine: Comparer,
    items: Iterable[DocumentPair | PairFailure],
    context: RenderContext,
    chatter: Chatter,
    jobs: int,
) -> Report:
    """Compare every pair; streaming formats print each one as it finishes."""
    from factcheck.nlp.pipeline import ModelNotFoundError

    results: list[DocumentResult] = []
    # The source is parsed once for all its rewrites, so the parse is a small part of
    # the time: parser processes only when asked for.
    processes = jobs or 1
    try:
        with chatter.progress(None):
            for result in machine.compare(items, processes=processes):
                if run.quiet:
                    result = replace(
                        result, findings=tuple(f for f in result.findings if f.severity == "error")
                    )
                if run.streaming and run.renderer.render_document is not None:
                    chatter.show(run.renderer.render_document(result, context))
                    # Already shown: keep only what the summary and exit code read.
                    result = kept_after_showing(result)
                results.append(result)
                chatter.finished(result, False)
        model = machine.checker.model
    except ModelNotFoundError as error:
        fail(str(error))
    return Report(tuple(results), model)


def compare(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="SOURCE, then DERIVED texts (files, folders or -).", show_default=False),
    ] = None,
    pairs: Annotated[
        Path | None,
        typer.Option(
            help="JSON Lines file of pairs, one a line (instead of SOURCE DERIVED...).",
            rich_help_panel=_PAIRS,
        ),
    ] = None,
    source_field: Annotated[
        str, typer.Option(help="Field of a --pairs record with the source.", rich_help_panel=_PAIRS)
    ] = "source",
    derived_field: Annotated[
        str, typer.Option(help="Field of a --pairs record with the rewrite.", rich_help_panel=_PAIRS)
    ] = "derived",
    output_format: OutputFormatOption = None,
    output: OutputOption = None,
    statistics: StatisticsOption = False,
    color: ColorOption = None,
    show_suppressed: ShowSuppressedOption = False,
    quiet: QuietOption = False,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose", "-v", help="Say on stderr what runs: each pair, time.", rich_help_panel=REPORT_PANEL
        ),
    ] = False,
    fail_on: Annotated[
        str | None,
        typer.Option(
            help="Lowest severity that makes the exit code 1: error, warning, info or never.",
            rich_help_panel=_GATE,
        ),
    ] = None,
    exit_zero: Annotated[
        bool,
        typer.Option(
            "--exit-zero",
            help="Exit 0 even when findings reach --fail-on (unreadable texts still exit 2).",
            rich_help_panel=_GATE,
        ),
    ] = False,
    config: Annotated[
        Path | None, typer.Option(help="Use this config file.", rich_help_panel=RULES_PANEL)
    ] = None,
    select: SelectOption = None,
    extend_select: ExtendSelectOption = None,
    ignore: IgnoreOption = None,
    rules_dir: RulesDirOption = None,
    include: Annotated[
        list[str] | None,
        typer.Option(
            help="Glob of rewrites to read in folders (replaces the default).", rich_help_panel=FILES_PANEL
        ),
    ] = None,
    exclude: ExcludeOption = None,
    max_bytes: Annotated[
        int | None, typer.Option(help="Refuse texts larger than this.", rich_help_panel=FILES_PANEL)
    ] = None,
    jobs: Annotated[
        int, typer.Option(help="Parser processes (default 1).", min=0, rich_help_panel=RUN_PANEL)
    ] = 0,
) -> None:
    """Compare rewrites (summaries, cut-down stories) with their source: contradictions,
    unsupported names, numbers and details, flipped statements."""
    named = list(paths or [])
    if pairs is None and len(named) < 2:
        fail("give SOURCE and at least one DERIVED text, or --pairs FILE.jsonl")
    if pairs is not None and named:
        fail("give either SOURCE DERIVED... or --pairs FILE.jsonl, not both")
    located = [str(pairs)] if pairs is not None else named
    settings = settings_for(config, located).with_overrides(
        fail_on=fail_on,
        select=split_ids(select or ()),
        extend_select=split_ids(extend_select or ()),
        ignore=split_ids(ignore or ()),
        max_bytes=max_bytes,
    )
    run = plan(
        located,
        settings,
        output_format,
        selection_for(settings, include, exclude, None, None, False),
        InputOptions(),
        output,
        quiet,
    )
    chatter = Chatter(quiet=quiet, verbose=verbose)
    machine = comparer(run, rules_dir)
    chatter.detail(f"config: {settings.source or 'none found; defaults'}")
    chatter.detail(f"rules: {', '.join(rule.id for rule in machine.checker.rules)}")
    items = pairs_of(run, named, pairs, source_field, derived_field)
    # The rules that ran, with the configured severities: what SARIF lists as the tool's rules.
    context = RenderContext(
        {rule.id: rule for rule in machine.checker.rules},
        use_colour(color, output),
        statistics,
        {"show_suppressed": show_suppressed},
    )
    report = execute(run, machine, items, context, chatter, jobs)
    if not report.documents:
        fail(f"no pairs to compare in {', '.join(located)}")
    finish(run, report, context, chatter, 0, None, None, exit_zero, None)
