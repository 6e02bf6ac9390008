"""Renderers: Report -> text in one output format, one module per format, found by file.

A module defines ``FORMAT`` (its ``--format`` name), ``DESCRIPTION``, and
``render(report, context) -> str``. Streaming formats also define
``render_document(result, context) -> str`` and ``STREAMING = True``, and may define
``render_summary(report, context) -> str`` for what follows the last document;
``render`` must equal every ``render_document`` joined, then ``render_summary``.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from factcheck.report.model import DocumentResult, Report
from factcheck.rules.loading import Rule


@dataclass(frozen=True, slots=True)
class RenderContext:
    rules: Mapping[str, Rule] = field(default_factory=dict)
    color: bool = False
    statistics: bool = False
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Renderer:
    format: str
    description: str
    render: Callable[[Report, RenderContext], str]
    render_document: Callable[[DocumentResult, RenderContext], str] | None
    render_summary: Callable[[Report, RenderContext], str] | None = None


@cache
def renderers() -> dict[str, Renderer]:
    import factcheck.report.renderers as package

    found: dict[str, Renderer] = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        if hasattr(module, "FORMAT"):
            found[module.FORMAT] = Renderer(
                module.FORMAT,
                module.DESCRIPTION,
                module.render,
                getattr(module, "render_document", None) if getattr(module, "STREAMING", False) else None,
                getattr(module, "render_summary", None) if getattr(module, "STREAMING", False) else None,
            )
    return found
