"""What every command shares: how an error is reported, help options, settings lookup."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NoReturn

import typer

from factcheck.config import Settings, resolve_settings
from factcheck.datafiles import DataFileError

#: ``-h`` as well as ``--help``, on every command (Click passes it down to subcommands).
CONTEXT_SETTINGS: dict[str, Any] = {"help_option_names": ["-h", "--help"]}


def fail(message: str) -> NoReturn:
    """A usage or input error: one line on stderr, exit code 2."""
    typer.echo(f"factcheck: error: {message}", err=True)
    raise typer.Exit(2)


def settings_for(config: Path | None, paths: list[str]) -> Settings:
    try:
        return resolve_settings(config, [Path(p) for p in paths])
    except DataFileError as error:
        fail(str(error))
