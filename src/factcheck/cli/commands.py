"""The commands besides ``check``: graph, rules list|validate|test, explain, config show, clean."""

from __future__ import annotations

import json
import shutil
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli.common import fail, settings_for
from factcheck.cli.output import write
from factcheck.config import Settings, settings_as_toml
from factcheck.datafiles import DataFileError
from factcheck.nlp.pipeline import ModelNotFoundError
from factcheck.pipeline import Checker, all_rules, builtin_rules, gazetteer_for, rules_for
from factcheck.reading.inputs import InputError, InputOptions, collect, read_document
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


class GraphFormat(StrEnum):
    json = "json"
    graphml = "graphml"
    dot = "dot"


def graph(
    path: Annotated[str, typer.Argument(help="One article, or - for stdin.")],
    output_format: Annotated[GraphFormat, typer.Option("--format", "-f")] = GraphFormat.json,
    output: Annotated[Path | None, typer.Option("--output", "-o")] = None,
    config: Annotated[Path | None, typer.Option(help="Use this config file.")] = None,
) -> None:
    """Write an article's claim graph as JSON, GraphML or DOT."""
    settings = settings_for(config, [path])
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
    write(exporters[output_format.value](), output)


def rules_list(
    config: Annotated[Path | None, typer.Option(help="Use this config file.")] = None,
    rules_dir: Annotated[list[Path] | None, typer.Option("--rules", help="Extra rule folder.")] = None,
) -> None:
    """List every rule: id, name, category, severity, and whether it runs."""
    settings = settings_for(config, [])
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


def rules_validate(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Rule files or folders (default: all rules).")
    ] = None,
    config: Annotated[Path | None, typer.Option(help="Use this config file.")] = None,
) -> None:
    """Check rule and fixture files without loading the language model; exit 2 on any error."""
    settings = settings_for(config, [])
    reserved = builtin_rules()
    checks = validate_paths(_rule_paths(paths, settings), reserved)
    for item in checks:
        typer.echo(item.error if item.error is not None else f"ok {item.path} ({item.summary})")
    bad = sum(1 for item in checks if item.error is not None)
    typer.echo(f"{len(checks)} file{'s' if len(checks) != 1 else ''} checked, {bad} with errors")
    raise typer.Exit(2 if bad or not checks else 0)


def rules_test(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Rule or fixture files, or folders (default: all rules).")
    ] = None,
    config: Annotated[Path | None, typer.Option(help="Use this config file.")] = None,
) -> None:
    """Run every rule's fixture cases: exit 0 all pass, 1 a case failed, 2 a file is bad."""
    settings = settings_for(config, [])
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


def explain(
    rule_id: Annotated[str, typer.Argument(help="A rule id, e.g. LOC001.")],
    config: Annotated[Path | None, typer.Option(help="Use this config file.")] = None,
    rules_dir: Annotated[list[Path] | None, typer.Option("--rules", help="Extra rule folder.")] = None,
) -> None:
    """Explain a rule: what it finds, its message, severity, operator and fixture examples."""
    settings = settings_for(config, [])
    try:
        every = {r.id: r for r in all_rules(settings, rules_dir or ())}
        active = {r.id: r for r in rules_for(settings, rules_dir or ())}
    except DataFileError as error:
        fail(str(error))
    rule = every.get(rule_id.upper())
    if rule is None:
        fail(f"unknown rule {rule_id!r}; expected one of: {', '.join(sorted(every))}")
    typer.echo(explain_rule(rule, active.get(rule.id)))


def config_show(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Where the config is looked for (default: this folder).")
    ] = None,
    config: Annotated[Path | None, typer.Option(help="Use this config file.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of TOML.")] = False,
) -> None:
    """Show the effective settings and the config file they come from."""
    settings = settings_for(config, paths or [])
    if as_json:
        typer.echo(json.dumps(settings.as_dict(), indent=2, ensure_ascii=False))
    else:
        typer.echo(settings_as_toml(settings), nl=False)


def clean(
    cache_dir: Annotated[
        Path | None,
        typer.Option(envvar="FACTCHECK_CACHE_DIR", help="The cache folder (default: as check finds it)."),
    ] = None,
    config: Annotated[Path | None, typer.Option(help="Use this config file.")] = None,
) -> None:
    """Delete the results cache (always safe: it only makes reruns fast)."""
    settings = settings_for(config, [])
    folder = cache_dir or settings.cache_folder()
    if not (folder / "CACHEDIR.TAG").is_file():
        if folder.exists():
            fail(f"{folder} is not a factcheck cache (no CACHEDIR.TAG); left alone")
        typer.echo(f"factcheck: no cache at {folder}")
        raise typer.Exit(0)
    shutil.rmtree(folder)
    typer.echo(f"factcheck: removed {folder}")
