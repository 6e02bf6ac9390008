"""``factcheck serve``: the HTTP service, for newsroom systems that keep the model loaded."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli.common import fail, settings_for
from factcheck.datafiles import DataFileError


def _listen(host: str, port: int) -> socket.socket:
    """A listening socket: port 0 picks a free one, which the start line then names."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        listener = socket.socket(family, kind, proto)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(address)
        listener.listen(128)
    except OSError as error:
        fail(f"cannot listen on {host}:{port}: {error.strerror or error}")
    return listener


def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on (loopback; another address opens it to the network).")
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option(help="Port to listen on; 0 picks a free one.", min=0, max=65535)
    ] = 8000,
    config: Annotated[Path | None, typer.Option(help="Use this config file.")] = None,
    rules_dir: Annotated[list[Path] | None, typer.Option("--rules", help="Extra rule folder.")] = None,
    max_request_bytes: Annotated[
        int, typer.Option(help="Largest request body; larger ones get 413.", min=1)
    ] = 4 * 1024 * 1024,
) -> None:
    """Serve POST /check, GET /health, GET /rules and GET /openapi.json over HTTP."""
    try:
        import uvicorn

        from factcheck.serve import Service, create_app
    except ImportError as error:
        fail(
            f"factcheck serve needs the serve extra: pip install 'factcheck[serve]' ({error.name} is missing)"
        )
    from factcheck.nlp.pipeline import ModelNotFoundError

    settings = settings_for(config, [])
    service = Service(settings, tuple(rules_dir or ()), max_request_bytes)
    try:
        service.load()
    except (DataFileError, ModelNotFoundError) as error:
        fail(str(error))
    listener = _listen(host, port)
    bound_host, bound_port = listener.getsockname()[:2]
    shown = f"[{bound_host}]" if ":" in bound_host else bound_host
    assert service.base is not None
    typer.echo(f"factcheck: serving on http://{shown}:{bound_port} (model {service.base.model})", err=True)
    server = uvicorn.Server(uvicorn.Config(create_app(service), log_level="warning", access_log=False))
    server.run(sockets=[listener])
