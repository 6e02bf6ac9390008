"""Renderers: Report -> text in one output format, one module per format.

The registry below lists every format; each module meets the contract in
``_contract.py`` (a streaming format the longer one), which mypy checks here.
"""

from __future__ import annotations

from factcheck.report.renderers import github, html, json, jsonl, sarif, text
from factcheck.report.renderers._contract import RenderContext as RenderContext
from factcheck.report.renderers._contract import Renderer as Renderer
from factcheck.report.renderers._contract import streaming, whole

#: Every output format, by its ``--format`` name.
RENDERERS: tuple[Renderer, ...] = (
    streaming(github),
    whole(html, needs_analysis=True),
    whole(json),
    streaming(jsonl),
    whole(sarif),
    streaming(text),
)


def renderers() -> dict[str, Renderer]:
    return {renderer.format: renderer for renderer in RENDERERS}
