"""The command line: the only place that prints and chooses exit codes.

Exit codes: 0 nothing reached --fail-on, 1 something did, 2 usage or input error.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from factcheck import __version__
from factcheck.compare import Comparer
from factcheck.config import Settings, resolve_settings, settings_as_toml
from factcheck.datafiles import DataFileError
from factcheck.engine import all_rules, builtin_rules, gazetteer_for, rules_for
from factcheck.nlp.pipeline import ModelNotFoundError
from factcheck.pipeline import Checker
from factcheck.reading.document import Document
from factcheck.reading.inputs import (
    JSONL_SUFFIXES,
    InputError,
    InputFailure,
    InputOptions,
    Selection,
    collect,
    read_document,
    walk,
)
from factcheck.reading.pairs import DocumentPair, PairFailure, pairs_with, read_pairs
from factcheck.report.baseline import Baseline, load_baseline, without_known, write_baseline
from factcheck.report.model import FAIL_ON_CHOICES, DocumentResult, Report, exit_code
from factcheck.report.renderers import RenderContext, Renderer, renderers
from factcheck.rules.explain import explain_rule
from factcheck.rules.loading import Rule, builtin_rules_dir
from factcheck.rules.testcases import (
    FAILED,
    PASSED,
    XFAILED,
    XPASSED,
    expand,
    load_fixture,
    rule_of,
    run_fixture,
    validate_paths,
)

app = typer.Typer(
    name="factcheck",
    help="Find where a news article contradicts itself.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
rules_app = typer.Typer(help="List, validate and test contradiction rules.", no_args_is_help=True)
config_app = typer.Typer(help="Show the effective configuration.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")
app.add_typer(config_app, name="config")


class GraphFormat(StrEnum):
    json = "json"
    graphml = "graphml"
    dot = "dot"


def fail(message: str) -> NoReturn:
    """A usage or input error: one line on stderr, exit code 2."""
    typer.echo(f"factcheck: error: {message}", err=True)
    raise typer.Exit(2)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_callback(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Find where a news article contradicts itself."""


def _settings(config: Path | None, paths: list[str]) -> Settings:
    try:
        return resolve_settings(config, [Path(p) for p in paths])
    except DataFileError as error:
        fail(str(error))


def _default_format() -> str:
    if os.environ.get("GITHUB_ACTIONS") == "true" and "github" in renderers():
        return "github"
    return "text"


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        output.write_text(text, encoding="utf-8")


def _auto_processes(paths: list[str], selection: Selection) -> int:
    """One parser per core (two at most) once there are enough documents to pay for the workers.

    A folder counts its files and a JSON Lines corpus its lines, up to the threshold.
    """
    enough = 16
    count = 0
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            count += sum(1 for _ in itertools.islice(walk(path, selection), enough))
        elif path.suffix.lower() in JSONL_SUFFIXES and path.is_file():
            with path.open("rb") as corpus:
                count += sum(1 for _ in itertools.islice(corpus, enough))
        else:
            count += 1
        if count >= enough:
            return max(1, min(2, os.cpu_count() or 1))
    return 1


FormatOption = Annotated[
    str | None,
    typer.Option("--format", "-f", help="text, json, jsonl, sarif, github or html (see --list-formats)."),
]
FailOnOption = Annotated[
    str | None,
    typer.Option(help="Lowest severity that makes the exit code 1: error, warning, info or never."),
]
OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help="Write the report here.")]
ConfigOption = Annotated[Path | None, typer.Option(help="Use this config file.")]
SelectOption = Annotated[list[str] | None, typer.Option(help="Only these rule ids or prefixes.")]
IgnoreOption = Annotated[list[str] | None, typer.Option(help="Skip these rule ids or prefixes.")]
RulesOption = Annotated[list[Path] | None, typer.Option("--rules", help="Extra rule folder.")]
MaxBytesOption = Annotated[int | None, typer.Option(help="Refuse files larger than this.")]
JobsOption = Annotated[
    int, typer.Option(help="Parser processes; 0 picks one per core for 16 or more files.", min=0)
]
StatisticsOption = Annotated[bool, typer.Option(help="Add counts per rule (text).")]
ColorOption = Annotated[bool | None, typer.Option("--color/--no-color", help="Colour the text report.")]
ShowSuppressedOption = Annotated[
    bool, typer.Option(help="Also show findings silenced by suppression comments (text).")
]


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or - for stdin.")],
    output_format: Annotated[
        str | None,
        typer.Option("--format", "-f", help="text, json, jsonl, sarif, github or html (see --list-formats)."),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(help="Lowest severity that makes the exit code 1: error, warning, info or never."),
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report here.")] = None,
    config: Annotated[Path | None, typer.Option(help="Use this config file.")] = None,
    select: Annotated[list[str] | None, typer.Option(help="Only these rule ids or prefixes.")] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Skip these rule ids or prefixes.")] = None,
    rules_dir: Annotated[list[Path] | None, typer.Option("--rules", help="Extra rule folder.")] = None,
    include: Annotated[list[str] | None, typer.Option(help="Glob of files to read in folders.")] = None,
    exclude: Annotated[list[str] | None, typer.Option(help="Glob of files to skip in folders.")] = None,
    max_bytes: Annotated[int | None, typer.Option(help="Refuse files larger than this.")] = None,
    jobs: Annotated[
        int, typer.Option(help="Parser processes; 0 picks one per core for 16 or more files.", min=0)
    ] = 0,
    jsonl_field: Annotated[
        str | None,
        typer.Option(help="JSON Lines field with the article (default: text); makes - JSON Lines too."),
    ] = None,
    statistics: Annotated[bool, typer.Option(help="Add counts per rule (text).")] = False,
    color: Annotated[bool | None, typer.Option("--color/--no-color", help="Colour the text report.")] = None,
    show_suppressed: Annotated[
        bool, typer.Option(help="Also show findings silenced by suppression comments (text).")
    ] = False,
    baseline_file: Annotated[
        Path | None, typer.Option("--baseline", help="Leave out findings recorded in this baseline file.")
    ] = None,
    write_baseline_file: Annotated[
        Path | None,
        typer.Option("--write-baseline", help="Record today's findings in this file and exit 0."),
    ] = None,
) -> None:
    """Check articles and report every internal contradiction found."""
    settings, renderer = _run_settings(config, paths, fail_on, select, ignore, max_bytes, output_format)
    try:
        active = rules_for(settings, rules_dir or ())
        checker = Checker(active, gazetteer_for(settings))
        known = load_baseline(baseline_file) if baseline_file is not None else None
    except DataFileError as error:
        fail(str(error))
    selection = Selection(tuple(include) if include else Selection().include, tuple(exclude or ()))
    options = InputOptions(max_bytes=settings.max_bytes, jsonl_field=jsonl_field)
    context = _render_context(active, color, output, statistics, show_suppressed)
    processes = jobs or _auto_processes(paths, selection)

    def stream() -> Iterator[DocumentResult]:
        return checker.check(collect(paths, options, selection), keep_analysis=True, processes=processes)

    results, report = _report(stream, renderer, context, output, checker, known, baseline_file)
    if not results:
        # A gate given nothing to read must not pass: a mistyped folder or glob looks like this.
        fail(f"no documents to check in {', '.join(paths)} (files matching {', '.join(selection.include)})")
    if write_baseline_file is not None:
        try:
            recorded = write_baseline(write_baseline_file, results)
        except DataFileError as error:
            fail(str(error))
        typer.echo(f"factcheck: recorded {recorded} finding(s) in {write_baseline_file}", err=True)
        # What was just recorded is accepted: only unreadable documents still fail.
        raise typer.Exit(2 if report.errors else 0)
    raise typer.Exit(exit_code(report, settings.fail_on))


def _run_settings(
    config: Path | None,
    paths: list[str],
    fail_on: str | None,
    select: list[str] | None,
    ignore: list[str] | None,
    max_bytes: int | None,
    output_format: str | None,
) -> tuple[Settings, Renderer]:
    """The settings of a run (config file, then the command line) and its renderer."""
    settings = _settings(config, paths).with_overrides(
        fail_on=fail_on,
        select=tuple(select or ()),
        ignore=tuple(ignore or ()),
        max_bytes=max_bytes,
    )
    if settings.fail_on not in FAIL_ON_CHOICES:
        fail(f"--fail-on must be one of {', '.join(FAIL_ON_CHOICES)}, not {settings.fail_on!r}")
    chosen_format = output_format or _default_format()
    renderer = renderers().get(chosen_format)
    if renderer is None:
        fail(f"unknown format {chosen_format!r}; expected one of {', '.join(sorted(renderers()))}")
    return settings, renderer


def _render_context(
    active: list[Rule], color: bool | None, output: Path | None, statistics: bool, show_suppressed: bool
) -> RenderContext:
    use_color = (
        color
        if color is not None
        else (output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    )
    # The rules that ran, with the configured severities: what SARIF lists as the tool's rules.
    return RenderContext(
        {r.id: r for r in active}, use_color, statistics, {"show_suppressed": show_suppressed}
    )


def _report(
    stream: Callable[[], Iterator[DocumentResult]],
    renderer: Renderer,
    context: RenderContext,
    output: Path | None,
    checker: Checker,
    known: Baseline | None = None,
    baseline_file: Path | None = None,
) -> tuple[list[DocumentResult], Report]:
    """Render every result: streaming formats as each document finishes, the others at the end."""
    results: list[DocumentResult] = []
    baselined = 0
    try:
        # Streaming formats print each document as it finishes; output is the same
        # bytes as rendering the whole report (the renderers' contract).
        streaming = renderer.render_document is not None and output is None
        for result in stream():
            if known is not None:
                result, dropped = without_known(result, known)
                baselined += dropped
            if streaming and renderer.render_document is not None:
                _write(renderer.render_document(result, context), None)
                # Already shown: keeping the parsed article would only hold memory.
                result = replace(result, analysis=None, texts=None)
            results.append(result)
        report = Report(tuple(results), checker.pipeline.model)
    except ModelNotFoundError as error:
        fail(str(error))
    if results:
        if not streaming:
            _write(renderer.render(report, context), output)
        elif renderer.render_summary is not None:
            _write(renderer.render_summary(report, context), None)
    if baselined:
        typer.echo(f"factcheck: {baselined} finding(s) recorded in {baseline_file} not shown", err=True)
    return results, report


@app.command()
def compare(
    paths: Annotated[
        list[str] | None, typer.Argument(help="SOURCE, then DERIVED texts (files, folders or -).")
    ] = None,
    pairs: Annotated[
        Path | None, typer.Option(help="JSON Lines file of pairs, one a line (instead of SOURCE DERIVED...).")
    ] = None,
    source_field: Annotated[str, typer.Option(help="Field of a --pairs record with the source.")] = "source",
    derived_field: Annotated[
        str, typer.Option(help="Field of a --pairs record with the rewrite.")
    ] = "derived",
    output_format: FormatOption = None,
    fail_on: FailOnOption = None,
    output: OutputOption = None,
    config: ConfigOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    rules_dir: RulesOption = None,
    max_bytes: MaxBytesOption = None,
    jobs: JobsOption = 0,
    statistics: StatisticsOption = False,
    color: ColorOption = None,
    show_suppressed: ShowSuppressedOption = False,
) -> None:
    """Compare rewrites (summaries, cut-down stories) with their source: contradictions,
    unsupported names, numbers and details, flipped statements."""
    named = list(paths or [])
    if pairs is None and len(named) < 2:
        fail("give SOURCE and at least one DERIVED text, or --pairs FILE.jsonl")
    if pairs is not None and named:
        fail("give either SOURCE DERIVED... or --pairs FILE.jsonl, not both")
    located = [str(pairs)] if pairs is not None else named
    settings, renderer = _run_settings(config, located, fail_on, select, ignore, max_bytes, output_format)
    try:
        active = rules_for(settings, rules_dir or ())
        comparer = Comparer(Checker(active, gazetteer_for(settings)))
    except DataFileError as error:
        fail(str(error))
    options = InputOptions(max_bytes=settings.max_bytes)
    if pairs is not None:
        items: Iterable[DocumentPair | PairFailure] = read_pairs(
            str(pairs), options, source_field, derived_field
        )
    else:
        source = _one_document(named[0], options)
        items = pairs_with(source, collect(named[1:], options))
    # The source is parsed once for all its rewrites, so the parse is a small part of
    # the time; parser processes only when asked for.
    processes = jobs or 1
    context = _render_context(active, color, output, statistics, show_suppressed)

    def stream() -> Iterator[DocumentResult]:
        return comparer.compare(items, processes=processes)

    results, report = _report(stream, renderer, context, output, comparer.checker)
    if not results:
        fail(f"no pairs to compare in {', '.join(located)}")
    raise typer.Exit(exit_code(report, settings.fail_on))


def _one_document(path: str, options: InputOptions) -> Document:
    """The source of a comparison: exactly one readable document, else a usage error."""
    found = list(itertools.islice(collect([path], options), 2))
    if len(found) != 1:
        fail(f"{path}: the source must be one document, found {len(found) or 'none'}")
    document = found[0]
    if isinstance(document, InputFailure):
        fail(f"{document.path}: {document.error}")
    return document


@app.command()
def graph(
    path: Annotated[str, typer.Argument(help="One article, or - for stdin.")],
    output_format: Annotated[GraphFormat, typer.Option("--format", "-f")] = GraphFormat.json,
    output: Annotated[Path | None, typer.Option("--output", "-o")] = None,
    config: Annotated[Path | None, typer.Option(help="Use this config file.")] = None,
) -> None:
    """Write an article's claim graph as JSON, GraphML or DOT."""
    settings = _settings(config, [path])
    options = InputOptions(max_bytes=settings.max_bytes)
    try:
        document = next(collect([path], options)) if path == "-" else read_document(Path(path), options)
    except InputError as error:
        fail(f"{path}: {error}")
    if not hasattr(document, "text"):
        fail(f"{path}: {getattr(document, 'error', 'cannot be read')}")
    try:
        checker = Checker([], gazetteer_for(settings))
        analysis = checker.analyse(document)  # type: ignore[arg-type]
    except (DataFileError, ModelNotFoundError) as error:
        fail(str(error))
    exporters = {
        "json": analysis.graph.to_json,
        "graphml": analysis.graph.to_graphml,
        "dot": analysis.graph.to_dot,
    }
    _write(exporters[output_format.value](), output)


@rules_app.command("list")
def rules_list(
    config: Annotated[Path | None, typer.Option(help="Use this config file.")] = None,
    rules_dir: Annotated[list[Path] | None, typer.Option("--rules", help="Extra rule folder.")] = None,
) -> None:
    """List every rule: id, name, category, severity, and whether it runs."""
    settings = _settings(config, [])
    try:
        every = all_rules(settings, rules_dir or ())
        active = {r.id: r for r in rules_for(settings, rules_dir or ())}
    except DataFileError as error:
        fail(str(error))
    category_width = max([len("category"), *(len(r.category) for r in every)])
    typer.echo(f"{'id':8} {'name':36} {'category':{category_width}} {'severity':8} enabled")
    for rule in every:
        severity = active[rule.id].severity if rule.id in active else rule.severity
        enabled = "yes" if rule.id in active else "no"
        typer.echo(f"{rule.id:8} {rule.name:36} {rule.category:{category_width}} {severity:8} {enabled}")


def _rule_paths(paths: list[Path] | None, settings: Settings) -> list[Path]:
    """The paths given, or the built-in rules and the configured rule folders."""
    return list(paths) if paths else [builtin_rules_dir(), *settings.rule_dirs]


@rules_app.command("validate")
def rules_validate(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Rule files or folders (default: all rules).")
    ] = None,
    config: Annotated[Path | None, typer.Option(help="Use this config file.")] = None,
) -> None:
    """Check rule and fixture files without loading the language model; exit 2 on any error."""
    settings = _settings(config, [])
    reserved = builtin_rules()
    checks = validate_paths(_rule_paths(paths, settings), reserved)
    for item in checks:
        typer.echo(item.error if item.error is not None else f"ok {item.path} ({item.summary})")
    bad = sum(1 for item in checks if item.error is not None)
    typer.echo(f"{len(checks)} file{'s' if len(checks) != 1 else ''} checked, {bad} with errors")
    raise typer.Exit(2 if bad or not checks else 0)


@rules_app.command("test")
def rules_test(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Rule or fixture files, or folders (default: all rules).")
    ] = None,
    config: Annotated[Path | None, typer.Option(help="Use this config file.")] = None,
) -> None:
    """Run every rule's fixture cases: exit 0 all pass, 1 a case failed, 2 a file is bad."""
    settings = _settings(config, [])
    targets = _rule_paths(paths, settings)
    reserved = builtin_rules()
    checks = validate_paths(targets, reserved)
    bad = [item for item in checks if item.error is not None]
    if bad:
        for item in bad:
            typer.echo(item.error)
        typer.echo(f"{len(bad)} bad file{'s' if len(bad) != 1 else ''}; no case was run")
        raise typer.Exit(2)
    try:
        known = {r.id: r for r in all_rules(settings, [p.parent if p.is_file() else p for p in targets])}
        checker = Checker([], gazetteer_for(settings))
    except DataFileError as error:
        fail(str(error))
    counts = dict.fromkeys((PASSED, FAILED, XFAILED, XPASSED), 0)
    _, fixture_paths, _ = expand(targets)
    try:
        for fixture_path in fixture_paths:
            fixture = load_fixture(fixture_path)
            typer.echo(f"{fixture_path} ({fixture.rule_id})")
            for result in run_fixture(fixture, rule_of(fixture, known), checker):
                counts[result.outcome] += 1
                note = f" ({result.case.xfail})" if result.case.xfail is not None else ""
                typer.echo(f"  {result.outcome:8} {result.case.name}{note}")
                if result.outcome in (FAILED, XFAILED):
                    typer.echo(f"    line {result.case.line}:")
                    for line in result.diff():
                        typer.echo(f"      {line}")
    except DataFileError as error:
        fail(str(error))
    except ModelNotFoundError as error:
        fail(str(error))
    shown = [o for o in (PASSED, FAILED, XFAILED, XPASSED) if counts[o] or o in (PASSED, FAILED)]
    typer.echo(", ".join(f"{counts[o]} {o}" for o in shown))
    raise typer.Exit(1 if counts[FAILED] else 0)


@app.command()
def explain(
    rule_id: Annotated[str, typer.Argument(help="A rule id, e.g. LOC001.")],
    config: Annotated[Path | None, typer.Option(help="Use this config file.")] = None,
    rules_dir: Annotated[list[Path] | None, typer.Option("--rules", help="Extra rule folder.")] = None,
) -> None:
    """Explain a rule: what it finds, its message, severity, operator and fixture examples."""
    settings = _settings(config, [])
    try:
        every = {r.id: r for r in all_rules(settings, rules_dir or ())}
        active = {r.id: r for r in rules_for(settings, rules_dir or ())}
    except DataFileError as error:
        fail(str(error))
    rule = every.get(rule_id.upper())
    if rule is None:
        fail(f"unknown rule {rule_id!r}; expected one of: {', '.join(sorted(every))}")
    typer.echo(explain_rule(rule, active.get(rule.id)))


@config_app.command("show")
def config_show(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Where the config is looked for (default: this folder).")
    ] = None,
    config: Annotated[Path | None, typer.Option(help="Use this config file.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of TOML.")] = False,
) -> None:
    """Show the effective settings and the config file they come from."""
    settings = _settings(config, paths or [])
    if as_json:
        typer.echo(json.dumps(settings.as_dict(), indent=2, ensure_ascii=False))
    else:
        typer.echo(settings_as_toml(settings), nl=False)


def main() -> None:
    """Console entry point."""
    app()
