"""The command line: the only place that prints and chooses exit codes.

Exit codes: 0 nothing reached --fail-on, 1 something did, 2 usage or input error.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from factcheck import __version__
from factcheck.config import Settings, resolve_settings, settings_as_toml
from factcheck.datafiles import DataFileError
from factcheck.engine import all_rules, builtin_rules, gazetteer_for, rules_for
from factcheck.nlp.pipeline import ModelNotFoundError
from factcheck.pipeline import Checker
from factcheck.reading.inputs import (
    JSONL_SUFFIXES,
    InputError,
    InputOptions,
    Selection,
    collect,
    read_document,
    walk,
)
from factcheck.report.baseline import load_baseline, without_known, write_baseline
from factcheck.report.model import FAIL_ON_CHOICES, DocumentResult, Report, exit_code
from factcheck.report.renderers import RenderContext, renderers
from factcheck.rules.explain import explain_rule
from factcheck.rules.loading import builtin_rules_dir
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
    try:
        active = rules_for(settings, rules_dir or ())
        checker = Checker(active, gazetteer_for(settings))
        known = load_baseline(baseline_file) if baseline_file is not None else None
    except DataFileError as error:
        fail(str(error))
    selection = Selection(tuple(include) if include else Selection().include, tuple(exclude or ()))
    options = InputOptions(max_bytes=settings.max_bytes, jsonl_field=jsonl_field)
    use_color = (
        color
        if color is not None
        else (output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    )
    # The rules that ran, with the configured severities: what SARIF lists as the tool's rules.
    context = RenderContext(
        {r.id: r for r in active}, use_color, statistics, {"show_suppressed": show_suppressed}
    )
    results: list[DocumentResult] = []
    baselined = 0
    try:
        # Streaming formats print each document as it finishes; output is the same
        # bytes as rendering the whole report (the renderers' contract).
        streaming = renderer.render_document is not None and output is None
        processes = jobs or _auto_processes(paths, selection)
        stream = checker.check(collect(paths, options, selection), keep_analysis=True, processes=processes)
        for result in stream:
            if known is not None:
                result, dropped = without_known(result, known)
                baselined += dropped
            if streaming and renderer.render_document is not None:
                _write(renderer.render_document(result, context), None)
                # Already shown: keeping the parsed article would only hold memory.
                result = replace(result, analysis=None)
            results.append(result)
        report = Report(tuple(results), checker.pipeline.model)
    except ModelNotFoundError as error:
        fail(str(error))
    if not results:
        # A gate given nothing to read must not pass: a mistyped folder or glob looks like this.
        fail(f"no documents to check in {', '.join(paths)} (files matching {', '.join(selection.include)})")
    if not streaming:
        _write(renderer.render(report, context), output)
    elif renderer.render_summary is not None:
        _write(renderer.render_summary(report, context), None)
    if baselined:
        typer.echo(f"factcheck: {baselined} finding(s) recorded in {baseline_file} not shown", err=True)
    if write_baseline_file is not None:
        try:
            recorded = write_baseline(write_baseline_file, results)
        except DataFileError as error:
            fail(str(error))
        typer.echo(f"factcheck: recorded {recorded} finding(s) in {write_baseline_file}", err=True)
        # What was just recorded is accepted: only unreadable documents still fail.
        raise typer.Exit(2 if report.errors else 0)
    raise typer.Exit(exit_code(report, settings.fail_on))


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
