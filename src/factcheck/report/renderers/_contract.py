"""What a renderer module is: the contract every module in the registry meets (mypy checks it).

A module defines ``FORMAT`` (its ``--format`` name), ``DESCRIPTION`` and
``render(report, context) -> str``. A streaming format also defines
``render_document(result, context) -> str``, printed as each document finishes,
and ``render_summary(report, context) -> str`` for what follows the last one;
``render`` must equal every ``render_document`` joined, then ``render_summary``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from factcheck.report.model import DocumentResult, Report
from factcheck.rules.loading import Rule


@dataclass(frozen=True, slots=True)
class RenderContext:
    rules: Mapping[str, Rule] = field(default_factory=dict)
    color: bool = False
    statistics: bool = False
    options: Mapping[str, Any] = field(default_factory=dict)
    #: Seconds the run took, for a closing line read by a person (None: say nothing,
    #: so that the same input gives the same bytes).
    elapsed: float | None = None


class RendererModule(Protocol):
    @property
    def FORMAT(self) -> str: ...

    @property
    def DESCRIPTION(self) -> str: ...

    def render(self, report: Report, context: RenderContext) -> str: ...


class StreamingRendererModule(RendererModule, Protocol):
    def render_document(self, result: DocumentResult, context: RenderContext) -> str: ...

    def render_summary(self, report: Report, context: RenderContext) -> str: ...


@dataclass(frozen=True, slots=True)
class Renderer:
    format: str
    description: str
    render: Callable[[Report, RenderContext], str]
    render_document: Callable[[DocumentResult, RenderContext], str] | None
    render_summary: Callable[[Report, RenderContext], str] | None = None
    #: Draws from each document's analysis (the parse, the claim graph), which a
    #: result served from the cache does not have.
    needs_analysis: bool = False


def whole(module: RendererModule, needs_analysis: bool = False) -> Renderer:
    """A format written once the whole report is known."""
    return Renderer(module.FORMAT, module.DESCRIPTION, module.render, None, None, needs_analysis)


def streaming(module: StreamingRendererModule) -> Renderer:
    """A format written document by document, then a summary."""
    return Renderer(
        module.FORMAT, module.DESCRIPTION, module.render, module.render_document, module.render_summary
    )
