"""The command line: the only place that prints and chooses exit codes.

Exit codes: 0 nothing reached --fail-on, 1 something did, 2 usage or input error.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from factcheck import __version__
from factcheck.config import Settings, resolve_settings
from factcheck.datafiles import DataFileError
from factcheck.engine import all_rules, gazetteer_for, rules_for
from factcheck.inputs import InputError, InputOptions, Selection, collect, read_document
from factcheck.nlp import ModelNotFoundError
from factcheck.pipeline import Checker, DocumentResult
from factcheck.renderers import RenderContext, renderers
from factcheck.report import FAIL_ON_CHOICES, Report, exit_code

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


class GraphFormat(str, Enum):
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
    statistics: Annotated[bool, typer.Option(help="Add counts per rule (text).")] = False,
    color: Annotated[bool | None, typer.Option("--color/--no-color", help="Colour the text report.")] = None,
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
        rule_list = all_rules(settings, rules_dir or ())
        active = rules_for(settings, rules_dir or ())
        checker = Checker(active, gazetteer_for(settings))
    except DataFileError as error:
        fail(str(error))
    selection = Selection(tuple(include) if include else Selection().include, tuple(exclude or ()))
    options = InputOptions(max_bytes=settings.max_bytes)
    use_color = (
        color
        if color is not None
        else (output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    )
    context = RenderContext({r.id: r for r in rule_list}, use_color, statistics)
    results: list[DocumentResult] = []
    try:
        # Streaming formats print each document as it finishes; output is the same
        # bytes as rendering the whole report (the renderers' contract).
        streaming = renderer.render_document is not None and output is None
        stream = checker.check(collect(paths, options, selection), keep_analysis=True)
        for result in stream:
            if streaming and renderer.render_document is not None:
                _write(renderer.render_document(result, context), None)
                # Already shown: keeping the parsed article would only hold memory.
                result = replace(result, analysis=None)
            results.append(result)
        report = Report(tuple(results), checker.pipeline.model)
    except ModelNotFoundError as error:
        fail(str(error))
    if not streaming:
        _write(renderer.render(report, context), output)
    elif renderer.render_summary is not None:
        _write(renderer.render_summary(report, context), None)
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
    typer.echo(f"{'id':8} {'name':36} {'category':9} {'severity':8} enabled")
    for rule in every:
        severity = active[rule.id].severity if rule.id in active else rule.severity
        enabled = "yes" if rule.id in active else "no"
        typer.echo(f"{rule.id:8} {rule.name:36} {rule.category:9} {severity:8} {enabled}")


def main() -> None:
    """Console entry point."""
    app()
