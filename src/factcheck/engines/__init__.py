"""Engines: what runs the stages over a stream of documents, one module per engine.

The registry below lists every engine by its ``--engine`` name; each meets the
contract in ``_contract.py``. An engine whose extra is not installed is still
listed: opening it says which extra to install.

>>> sorted(engines())
['dask', 'local']
>>> engines()["dask"].keeps_analysis
False
"""

from __future__ import annotations

from factcheck.engines import local
from factcheck.engines._contract import Engine as Engine
from factcheck.engines._contract import EngineError as EngineError
from factcheck.engines._contract import EngineKind as EngineKind
from factcheck.engines._contract import EngineOptions as EngineOptions

DEFAULT_ENGINE = local.NAME


def _open_dask(options: EngineOptions) -> Engine:
    # distributed is an optional extra, imported only when this engine is chosen.
    try:
        from factcheck.engines import dask_cluster
    except ImportError as error:
        raise EngineError(
            f"the dask engine needs the dask extra: pip install 'factcheck[dask]' ({error})"
        ) from None
    return dask_cluster.open_engine(options)


#: Every engine, by its ``--engine`` name.
ENGINES: tuple[EngineKind, ...] = (
    EngineKind(
        "dask",
        "a Dask distributed cluster at --scheduler: the model loaded once per worker",
        needs_scheduler=True,
        keeps_analysis=False,
        open=_open_dask,
    ),
    EngineKind(
        local.NAME, local.DESCRIPTION, needs_scheduler=False, keeps_analysis=True, open=local.open_engine
    ),
)


def engines() -> dict[str, EngineKind]:
    return {kind.name: kind for kind in ENGINES}


def open_engine(name: str, options: EngineOptions) -> Engine:
    """The engine called ``name``, ready to check; EngineError when it cannot run."""
    kind = engines().get(name)
    if kind is None:
        raise EngineError(f"unknown engine {name!r}; expected one of {', '.join(sorted(engines()))}")
    if kind.needs_scheduler and not options.scheduler:
        raise EngineError(f"the {name} engine needs --scheduler ADDRESS (its scheduler, tcp://host:8786)")
    return kind.open(options)
