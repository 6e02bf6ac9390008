"""factcheck: find where a news article contradicts itself.

The library in one import: ``check_text`` and ``check_paths`` return a typed
``Report`` (documents, findings, evidence for every side), and ``compare`` one for a
rewrite checked against its source; ``to_json`` gives the
versioned JSON contract that ``factcheck check --format json`` prints, ``to_dict``
its data and ``render`` any other format. See ``factcheck.api`` for examples.

``import factcheck`` stays light: the stages (spaCy among them) load on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from factcheck.version import __version__

if TYPE_CHECKING:
    from factcheck.api import check_paths, check_text, compare, render, settings, to_dict, to_json
    from factcheck.config import Settings
    from factcheck.reading.document import Evidence
    from factcheck.report.model import DocumentResult, Report
    from factcheck.rules.findings import Finding

#: Public name -> the module that defines it, imported when the name is first used.
_LAZY = {
    "check_text": "factcheck.api",
    "check_paths": "factcheck.api",
    "compare": "factcheck.api",
    "render": "factcheck.api",
    "settings": "factcheck.api",
    "to_dict": "factcheck.api",
    "to_json": "factcheck.api",
    "Report": "factcheck.report.model",
    "DocumentResult": "factcheck.report.model",
    "Finding": "factcheck.rules.findings",
    "Evidence": "factcheck.reading.document",
    "Settings": "factcheck.config",
}

__all__ = [
    "DocumentResult",
    "Evidence",
    "Finding",
    "Report",
    "Settings",
    "__version__",
    "check_paths",
    "check_text",
    "compare",
    "render",
    "settings",
    "to_dict",
    "to_json",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
