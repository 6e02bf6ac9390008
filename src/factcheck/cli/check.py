"""``factcheck check``: one function per decision the command makes.

* ``plan``: the run's settings (config file, then command line), renderer and inputs;
* ``named_documents`` / ``count_documents``: which documents (``--show-files``, progress);
* ``engine``: what checks them (rules, gazetteer, cache, baseline);
* ``execute``: checking and showing (streaming, progress, ``-q``);
* ``finish``: the closing lines and the exit code (``--exit-zero``, ``--write-baseline``).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

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
from factcheck.cli.output import Chatter, rate, use_colour, write
from factcheck.config import Settings, split_ids
from factcheck.datafiles import DataFileError
from factcheck.engines import DEFAULT_ENGINE, EngineError, EngineOptions, engines, open_engine
from factcheck.reading.inputs import InputOptions, is_jsonl
from factcheck.reading.selection import Selection, named_file_excluded, walk
from factcheck.report.model import FAIL_ON_CHOICES, DocumentResult, Report, exit_code
from factcheck.report.renderers import RenderContext, Renderer, renderers

if TYPE_CHECKING:
    from factcheck.cache import ResultCache
    from factcheck.nlp.gazetteer import Gazetteer
    from factcheck.pipeline import Checker
    from factcheck.report.baseline import Baseline

#: Documents counted ahead to decide on worker processes.
ENOUGH_FOR_WORKERS = 16

_GATE = "Exit code and baseline"


@dataclass(frozen=True, slots=True)
class Plan:
    """Everything ``check`` decided before reading a document."""

    paths: list[str]
    settings: Settings
    renderer: Renderer
    selection: Selection
    options: InputOptions
    output: Path | None
    quiet: bool
    #: What runs the stages (``--engine``), and the scheduler of an engine that has one.
    engine: str = DEFAULT_ENGINE
    scheduler: str | None = None

    @property
    def streaming(self) -> bool:
        return self.renderer.render_document is not None and self.output is None


@dataclass(frozen=True, slots=True)
class Engine:
    """What checks the documents: the checker, the cache, the baseline."""

    checker: Checker
    cache: ResultCache | None
    known: Baseline | None


def plan(
    paths: list[str],
    settings: Settings,
    output_format: str | None,
    selection: Selection,
    options: InputOptions,
    output: Path | None,
    quiet: bool,
    engine_name: str = DEFAULT_ENGINE,
    scheduler: str | None = None,
) -> Plan:
    if settings.fail_on not in FAIL_ON_CHOICES:
        fail(f"--fail-on must be one of {', '.join(FAIL_ON_CHOICES)}, not {settings.fail_on!r}")
    chosen = output_format or _default_format()
    renderer = renderers().get(chosen)
    if renderer is None:
        fail(f"unknown format {chosen!r}; expected one of {', '.join(sorted(renderers()))}")
    kind = engines().get(engine_name)
    if kind is None:
        fail(f"unknown engine {engine_name!r}; expected one of {', '.join(sorted(engines()))}")
    if kind.needs_scheduler and not scheduler:
        fail(f"--engine {engine_name} needs --scheduler ADDRESS (tcp://host:8786)")
    if renderer.needs_analysis and not kind.keeps_analysis:
        fail(f"--format {chosen} draws each parse, which --engine {engine_name} does not send back")
    return Plan(
        paths,
        settings,
        renderer,
        selection,
        replace(options, max_bytes=settings.max_bytes),
        output,
        quiet,
        engine_name,
        scheduler,
    )


def _default_format() -> str:
    if os.environ.get("GITHUB_ACTIONS") == "true" and "github" in renderers():
        return "github"
    return "text"


def selection_for(
    settings: Settings,
    include: list[str] | None,
    exclude: list[str] | None,
    extend_exclude: list[str] | None,
    respect_gitignore: bool | None,
    force_exclude: bool,
) -> Selection:
    """Folder walks: the config's lists, replaced by ``--include``/``--exclude`` or extended."""
    return Selection(
        tuple(include) if include else settings.include,
        (*(exclude or settings.exclude), *settings.extend_exclude, *(extend_exclude or ())),
        respect_gitignore=settings.respect_gitignore if respect_gitignore is None else respect_gitignore,
        force_exclude=force_exclude,
    )


def named_documents(run: Plan) -> list[str]:
    """What would be checked, named as the report would name it (``--show-files``)."""
    shown: list[str] = []
    for raw in run.paths:
        if raw == "-":
            shown.append(run.options.stdin_filename or "-")
        elif Path(raw).is_dir():
            shown.extend(str(path) for path in walk(Path(raw), run.selection))
        elif not named_file_excluded(Path(raw), run.selection):
            shown.append(raw)
    return shown


def count_documents(run: Plan, limit: int | None = None) -> int | None:
    """How many documents the paths hold (a corpus by its lines), up to ``limit``; None with stdin."""
    count = 0
    for raw in run.paths:
        if raw == "-":
            return None
        path = Path(raw)
        for file in walk(path, run.selection) if path.is_dir() else iter([path]):
            if is_jsonl(str(file), run.options) and file.is_file():
                with file.open("rb") as corpus:
                    count += sum(1 for line in corpus if line.strip())
            else:
                count += 1
            if limit is not None and count >= limit:
                return count
    return count


def engine(
    run: Plan,
    rules_dir: list[Path] | None,
    baseline_file: Path | None,
    cache_dir: Path | None,
    no_cache: bool,
) -> Engine:
    # The stages load spaCy: imported here, so that --help and --show-files stay quick.
    from factcheck.cache import ResultCache, run_key
    from factcheck.pipeline import Checker, gazetteer_for, rules_for
    from factcheck.report.baseline import load_baseline

    settings = run.settings
    try:
        active = rules_for(settings, rules_dir or ())
        known = load_baseline(baseline_file) if baseline_file is not None else None
    except DataFileError as error:
        fail(str(error))

    def gazetteer() -> Gazetteer:
        try:
            return gazetteer_for(settings)
        except DataFileError as error:
            fail(str(error))

    # Loaded only when a document is not in the cache.
    checker = Checker(active, gazetteer, settings.ignored_for)
    if settings.gazetteer_files:
        checker.gazetteer  # noqa: B018 - a broken extra gazetteer is an error before any output
    cache = None
    # Drawing the claim graph needs the parse, which the cache does not keep.
    if not no_cache and not run.renderer.needs_analysis:
        folder = cache_dir or settings.cache_folder()
        cache = ResultCache(folder, run_key(active, settings.gazetteer_files))
    return Engine(checker, cache, known)


def execute(
    run: Plan, machine: Engine, context: RenderContext, chatter: Chatter, jobs: int
) -> tuple[Report, int]:
    """Check every document; streaming formats print each one as it finishes.

    Returns the report and how many findings the baseline left out.
    """
    from factcheck.nlp.pipeline import ModelNotFoundError
    from factcheck.reading.inputs import collect
    from factcheck.report.baseline import without_known

    counted = count_documents(run, None if chatter.shows_progress else ENOUGH_FOR_WORKERS)
    processes = jobs or _processes(counted)
    results: list[DocumentResult] = []
    baselined = 0
    try:
        runner = open_engine(run.engine, EngineOptions(processes, run.scheduler))
    except EngineError as error:
        fail(str(error))
    try:
        with chatter.progress(counted):
            documents = collect(run.paths, run.options, run.selection)
            # Only the claim-graph renderers read the analysis; without it the workers
            # check whole documents and send back findings alone.
            keep = run.renderer.needs_analysis
            for result in runner.check(machine.checker, documents, keep, machine.cache):
                cached = result.cached
                if machine.known is not None:
                    result, dropped = without_known(result, machine.known)
                    baselined += dropped
                if run.quiet:
                    result = replace(
                        result, findings=tuple(f for f in result.findings if f.severity == "error")
                    )
                if run.streaming and run.renderer.render_document is not None:
                    chatter.show(run.renderer.render_document(result, context))
                    chatter.finished(result, cached)
                    results.append(kept_after_showing(result))
                    continue
                results.append(result)
                chatter.finished(result, cached)
        model = runner.model(machine.checker)
    except ModelNotFoundError as error:
        fail(str(error))
    finally:
        runner.close()
    return Report(tuple(results), model), baselined


#: What a clean document leaves once shown: one value shared by all of them.
SHOWN_CLEAN = DocumentResult("", None, None, ())


def kept_after_showing(result: DocumentResult) -> DocumentResult:
    """What a streamed document leaves for the summary, the exit code and ``--write-baseline``.

    Those read only the count of documents, each error and each finding (a baseline
    records a finding's fingerprint under its document's path and id); never the
    text or the parse. A clean document leaves ``SHOWN_CLEAN``, so a corpus of
    50,000 mostly clean records holds one list slot for each, not a result.

    >>> kept_after_showing(DocumentResult("corpus.jsonl:7", "a7", None, ())) is SHOWN_CLEAN
    True
    >>> kept = kept_after_showing(DocumentResult("corpus.jsonl:8", "a8", "invalid JSON", ()))
    >>> kept.path, kept.doc_id, kept.error, kept.document
    ('corpus.jsonl:8', 'a8', 'invalid JSON', None)
    """
    if result.error is None and not result.findings:
        return SHOWN_CLEAN
    return DocumentResult(result.path, result.doc_id, result.error, result.findings, source=result.source)


def _processes(counted: int | None) -> int:
    """One parser per core (two at most) once there are enough documents to pay for the workers."""
    if counted is not None and counted >= ENOUGH_FOR_WORKERS:
        return max(1, min(2, os.cpu_count() or 1))
    return 1


def finish(
    run: Plan,
    report: Report,
    context: RenderContext,
    chatter: Chatter,
    baselined: int,
    baseline_file: Path | None,
    write_baseline_file: Path | None,
    exit_zero: bool,
    cache: ResultCache | None,
) -> NoReturn:
    if not report.documents:
        # A gate given nothing to read must not pass: a mistyped folder or glob looks like this.
        fail(
            f"no documents to check in {', '.join(run.paths)} "
            f"(files matching {', '.join(run.selection.include)})"
        )
    elapsed = chatter.elapsed
    if run.output is None and sys.stdout.isatty():
        # Only a person at a terminal sees the time: files and pipes get the same bytes every run.
        context = replace(context, elapsed=elapsed)
    if not run.streaming:
        write(run.renderer.render(report, context), run.output)
    elif run.renderer.render_summary is not None:
        write(run.renderer.render_summary(report, context), None)
    if baselined:
        chatter.note(f"{baselined} finding(s) recorded in {baseline_file} not shown")
    documents = len(report.documents)
    timing = (
        f"{documents} document{'s' if documents != 1 else ''} in {elapsed:.1f} s ({rate(documents, elapsed)})"
    )
    if cache is not None:
        timing += f"; cache {cache.folder}: {cache.hits} reused, {cache.misses} checked"
    chatter.detail(timing)
    if write_baseline_file is not None:
        from factcheck.report.baseline import write_baseline

        try:
            recorded = write_baseline(write_baseline_file, report.documents)
        except DataFileError as error:
            fail(str(error))
        chatter.note(f"recorded {recorded} finding(s) in {write_baseline_file}")
        # What was just recorded is accepted: only unreadable documents still fail.
        raise typer.Exit(2 if report.unreadable else 0)
    code = exit_code(report, run.settings.fail_on)
    # --exit-zero forgives findings, never a document that could not be read.
    raise typer.Exit(0 if exit_zero and code == 1 else code)


def check(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Files, folders or - for stdin.", show_default=False)
    ] = None,
    output_format: OutputFormatOption = None,
    output: OutputOption = None,
    statistics: StatisticsOption = False,
    color: ColorOption = None,
    show_suppressed: ShowSuppressedOption = False,
    quiet: QuietOption = False,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose",
            "-v",
            help="Say on stderr what runs: each document, time, cache.",
            rich_help_panel=REPORT_PANEL,
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
            help="Exit 0 even when findings reach --fail-on (unreadable documents still exit 2).",
            rich_help_panel=_GATE,
        ),
    ] = False,
    baseline_file: Annotated[
        Path | None,
        typer.Option(
            "--baseline", help="Leave out findings recorded in this baseline file.", rich_help_panel=_GATE
        ),
    ] = None,
    write_baseline_file: Annotated[
        Path | None,
        typer.Option(
            "--write-baseline", help="Record today's findings in this file and exit 0.", rich_help_panel=_GATE
        ),
    ] = None,
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
            help="Glob of files to read in folders (replaces the default).", rich_help_panel=FILES_PANEL
        ),
    ] = None,
    exclude: ExcludeOption = None,
    extend_exclude: Annotated[
        list[str] | None,
        typer.Option(help="Glob to skip on top of the exclude list.", rich_help_panel=FILES_PANEL),
    ] = None,
    respect_gitignore: Annotated[
        bool | None,
        typer.Option(
            "--respect-gitignore/--no-respect-gitignore",
            help="Skip files git ignores (default: yes).",
            rich_help_panel=FILES_PANEL,
        ),
    ] = None,
    force_exclude: Annotated[
        bool,
        typer.Option(
            help="Apply the exclusions to files named on the command line too.", rich_help_panel=FILES_PANEL
        ),
    ] = False,
    show_files: Annotated[
        bool,
        typer.Option(help="List the documents that would be checked, and exit.", rich_help_panel=FILES_PANEL),
    ] = False,
    stdin_filename: Annotated[
        str | None,
        typer.Option(
            help="The name of stdin: its suffix picks the format (article.md), and it names the report.",
            rich_help_panel=FILES_PANEL,
        ),
    ] = None,
    max_bytes: Annotated[
        int | None, typer.Option(help="Refuse files larger than this.", rich_help_panel=FILES_PANEL)
    ] = None,
    jsonl_field: Annotated[
        str | None,
        typer.Option(
            help="JSON Lines field with the article (default: text); makes - JSON Lines too.",
            rich_help_panel=FILES_PANEL,
        ),
    ] = None,
    jobs: Annotated[
        int,
        typer.Option(
            help="Worker processes; 0 picks one per core for 16 or more files.",
            min=0,
            rich_help_panel=RUN_PANEL,
        ),
    ] = 0,
    engine_name: Annotated[
        str,
        typer.Option(
            "--engine",
            help="What checks the documents: local (this machine) or dask (a Dask cluster, see --scheduler).",
            rich_help_panel=RUN_PANEL,
        ),
    ] = DEFAULT_ENGINE,
    scheduler: Annotated[
        str | None,
        typer.Option(
            envvar="FACTCHECK_SCHEDULER",
            help="The Dask scheduler's address for --engine dask (tcp://host:8786).",
            rich_help_panel=RUN_PANEL,
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            envvar="FACTCHECK_NO_CACHE",
            help="Neither read nor write the results cache.",
            rich_help_panel=RUN_PANEL,
        ),
    ] = False,
    cache_dir: Annotated[
        Path | None,
        typer.Option(
            envvar="FACTCHECK_CACHE_DIR",
            help="The results cache folder (default: .factcheck_cache beside the config file, or here).",
            rich_help_panel=RUN_PANEL,
        ),
    ] = None,
) -> None:
    """Check articles and report every internal contradiction found."""
    named = list(paths or (["-"] if stdin_filename else []))
    if not named:
        fail("give files, folders or - for stdin (see factcheck check -h)")
    # Settings are looked up from the first file; stdin is looked up by the name it is given.
    located = [stdin_filename if p == "-" and stdin_filename else p for p in named]
    settings = settings_for(config, located).with_overrides(
        fail_on=fail_on,
        select=split_ids(select or ()),
        extend_select=split_ids(extend_select or ()),
        ignore=split_ids(ignore or ()),
        max_bytes=max_bytes,
    )
    run = plan(
        named,
        settings,
        output_format,
        selection_for(settings, include, exclude, extend_exclude, respect_gitignore, force_exclude),
        InputOptions(jsonl_field=jsonl_field, stdin_filename=stdin_filename),
        output,
        quiet,
        engine_name,
        scheduler,
    )
    if show_files:
        listed = named_documents(run)
        if not listed:
            fail(f"no documents to check in {', '.join(named)}")
        typer.echo("\n".join(listed))
        raise typer.Exit(0)
    chatter = Chatter(quiet=quiet, verbose=verbose)
    machine = engine(run, rules_dir, baseline_file, cache_dir, no_cache)
    chatter.detail(f"config: {settings.source or 'none found; defaults'}")
    chatter.detail(f"rules: {', '.join(rule.id for rule in machine.checker.rules)}")
    # The rules that ran, with the configured severities: what SARIF lists as the tool's rules.
    context = RenderContext(
        {rule.id: rule for rule in machine.checker.rules},
        use_colour(color, output),
        statistics,
        {"show_suppressed": show_suppressed},
    )
    report, baselined = execute(run, machine, context, chatter, jobs)
    finish(
        run, report, context, chatter, baselined, baseline_file, write_baseline_file, exit_zero, machine.cache
    )
