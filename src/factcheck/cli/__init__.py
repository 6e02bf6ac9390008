"""The command line: the only place that prints and chooses exit codes.

Exit codes: 0 nothing reached --fail-on, 1 something did, 2 usage or input error.
Each command is a function in ``check``, ``compare``, ``commands`` or ``serve``, registered here.
"""

from __future__ import annotations

from typing import Annotated

import typer

from factcheck.cli import check, commands, compare, serve
from factcheck.cli.common import CONTEXT_SETTINGS
from factcheck.version import __version__

app = typer.Typer(
    name="factcheck",
    help="Find where a news article contradicts itself.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings=CONTEXT_SETTINGS,
)
rules_app = typer.Typer(help="List, validate and test contradiction rules.", no_args_is_help=True)
config_app = typer.Typer(help="Show the effective configuration.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")
app.add_typer(config_app, name="config")

app.command("check")(check.check)
app.command("compare")(compare.compare)
app.command("graph")(commands.graph)
app.command("explain")(commands.explain)
app.command("serve")(serve.serve)
app.command("clean")(commands.clean)
rules_app.command("list")(commands.rules_list)
rules_app.command("validate")(commands.rules_validate)
rules_app.command("test")(commands.rules_test)
config_app.command("show")(commands.config_show)


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


def main() -> None:
    """Console entry point."""
    app()
