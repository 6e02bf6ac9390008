"""``factcheck serve``: the HTTP service, for newsroom systems that keep the model loaded."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli.common import fail


def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on; loopback unless you mean it.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=0, max=65535)] = 8000,
    config: Annotated[Path | None, typer.Option(help="Use this config file.")] = None,
) -> None:
    """Serve POST /check, GET /health, GET /rules and GET /openapi.json over HTTP."""
    fail("factcheck serve is not available yet")
