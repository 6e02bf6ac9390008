"""The library: check articles from Python and get the typed report, or its JSON contract.

Settings come as for ``factcheck check``: the nearest config file (from the checked
file's folder, or the working folder for text), then the arguments given here. The
language model is loaded once per process and kept; so are the rules and gazetteer
of each combination of settings, so checking many texts one call at a time costs the
parse only.

>>> import factcheck
>>> report = factcheck.check_text(
...     "During a summit in Vienna, leaders met. The meeting in Japan lasted an hour.",
...     select=["LOC001"],
... )
>>> [(finding.rule_id, finding.severity) for finding in report.findings]
[('LOC001', 'error')]
>>> finding = report.documents[0].findings[0]
>>> [(side.text, side.line, side.column) for side in finding.evidence]
[('summit in Vienna', 1, 10), ('meeting in Japan', 1, 45)]
>>> factcheck.to_dict(report)["summary"]["by_severity"]
{'error': 1, 'warning': 0, 'info': 0}
>>> import json
>>> json.loads(factcheck.to_json(report))["schema_version"]
2

``compare`` checks a rewrite (a summary, a cut-down story) against its source; every
side says which text it quotes:

>>> report = factcheck.compare(
...     "Ministers met in Oslo on Monday and agreed the budget.",
...     "Ministers met in Lisbon on Monday and agreed the budget.",
... )
>>> finding = report.documents[0].findings[0]
>>> finding.rule_id, [(side.document, side.text) for side in finding.evidence]
('LOC001', [('source', 'met in Oslo'), ('derived', 'met in Lisbon')])
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from factcheck.cache import ResultCache, run_key
from factcheck.comparison import Comparer
from factcheck.config import Settings, resolve_settings, split_ids
from factcheck.pipeline import Checker, gazetteer_for, rules_for
from factcheck.reading.inputs import InputOptions, collect, read_text
from factcheck.reading.pairs import pair_of
from factcheck.reading.selection import Selection
from factcheck.report.model import DocumentResult, Report
from factcheck.report.renderers import RenderContext, renderers
from factcheck.report.renderers.json import report_data

__all__ = ["check_paths", "check_text", "compare", "render", "settings", "to_dict", "to_json"]

#: Formats for ``check_text``: how the text is read (``format`` of a rule fixture too).
TEXT_FORMATS = ("text", "markdown", "html")


def settings(
    config: str | Path | None = None,
    near: str | Path | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    extend_select: Iterable[str] | None = None,
) -> Settings:
    """The effective settings: ``config`` (or the nearest config file to ``near``), then these ids.

    Ids may be comma lists, as on the command line.

    >>> from factcheck.api import settings
    >>> settings(select=["LOC001,NAM001"]).rule_selections()[-1].select
    ('LOC001', 'NAM001')

    Raises ``factcheck.datafiles.DataFileError`` for a bad config file.
    """
    found = resolve_settings(Path(config) if config is not None else None, [Path(near)] if near else [])
    return found.with_overrides(
        select=split_ids(select or ()),
        ignore=split_ids(ignore or ()),
        extend_select=split_ids(extend_select or ()),
    )


@lru_cache(maxsize=16)
def _checker(settings: _SettingsKey, rule_dirs: tuple[Path, ...]) -> Checker:
    chosen = settings.settings
    return Checker(rules_for(chosen, rule_dirs), lambda: gazetteer_for(chosen), chosen.ignored_for)


class _SettingsKey:
    """Settings as a cache key: equal when their effective values are equal."""

    __slots__ = ("_key", "settings")

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        data = settings.as_dict()
        self._key = json.dumps(
            [data, [layer.__repr__() for layer in settings.overrides], _mtime(settings.source)],
            sort_keys=True,
            default=str,
        )

    def __hash__(self) -> int:
        return hash(self._key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _SettingsKey) and other._key == self._key


def _mtime(source: str | None) -> int | None:
    # An edited config file gives new settings, and so a new checker.
    try:
        return Path(source).stat().st_mtime_ns if source else None
    except OSError:
        return None


def checker_for(chosen: Settings, rule_dirs: Sequence[str | Path] = ()) -> Checker:
    """The checker for these settings, built once per process (rules loaded, model on first use).

    Raises ``factcheck.datafiles.DataFileError`` when a rule or setting is wrong.
    """
    return _checker(_SettingsKey(chosen), tuple(Path(p) for p in rule_dirs))


def check_text(
    text: str,
    *,
    format: str = "text",
    path: str = "-",
    doc_id: str | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    extend_select: Iterable[str] | None = None,
    config: str | Path | None = None,
    rules: Sequence[str | Path] = (),
) -> Report:
    """Check one article given as a string: ``format`` is text, markdown or html.

    ``path`` names the document in the report (``-``, as for stdin, by default) and,
    when it is a file name, where the config file is looked for. A text that cannot
    be checked (empty, binary, too large) is a report whose document has an ``error``,
    exactly as ``factcheck check`` reports it.

    >>> report = check_text("<p>Ministers met in <b>Oslo</b>.</p>", format="html", path="brief.html")
    >>> report.documents[0].path, report.documents[0].error, report.documents[0].findings
    ('brief.html', None, ())
    >>> check_text("   ").documents[0].error
    'empty document: no text to check'
    """
    _check_format("format", format)
    chosen = settings(config, None if path == "-" else path, select, ignore, extend_select)
    checker = checker_for(chosen, rules)
    item = read_text(text, path, format, doc_id, chosen.max_bytes)
    return Report(tuple(checker.check([item])), checker.model, rules=tuple(checker.rules))


def _check_format(name: str, value: str) -> None:
    if value not in TEXT_FORMATS:
        raise ValueError(f"{name} must be one of {', '.join(TEXT_FORMATS)}, not {value!r}")


@lru_cache(maxsize=16)
def _comparer(checker: Checker) -> Comparer:
    # One per checker: it keeps what it worked out from the last source for the next call.
    return Comparer(checker)


def compare(
    source: str,
    derived: str,
    *,
    source_format: str = "text",
    format: str = "text",
    source_path: str = "source",
    path: str = "-",
    doc_id: str | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    extend_select: Iterable[str] | None = None,
    config: str | Path | None = None,
    rules: Sequence[str | Path] = (),
) -> Report:
    """Check a rewrite (``derived``) against its ``source``, both given as strings.

    As ``factcheck compare SOURCE DERIVED`` does: the report has one document, named
    ``path`` with ``source`` set to ``source_path``; each side of a finding says
    which text it quotes (``"source"`` or ``"derived"``) and counts its offsets,
    line and column in that text. A text that cannot be checked makes the document
    an ``error``. Settings are looked up from ``path``, as for ``check_text``.

    >>> report = compare("Talks in Oslo ended on Monday.", "Talks in Oslo ended.", path="short.txt")
    >>> result = report.documents[0]
    >>> result.path, result.source, result.error, result.findings
    ('short.txt', 'source', None, ())
    >>> compare("Talks in Oslo ended on Monday.", "  ").documents[0].error
    'empty document: no text to check'
    """
    _check_format("source_format", source_format)
    _check_format("format", format)
    chosen = settings(config, None if path == "-" else path, select, ignore, extend_select)
    checker = checker_for(chosen, rules)
    original = read_text(source, source_path, source_format, None, chosen.max_bytes)
    pair = pair_of(original, read_text(derived, path, format, doc_id, chosen.max_bytes))
    results = tuple(_comparer(checker).compare([pair]))
    return Report(results, checker.model, rules=tuple(checker.rules))


def check_paths(
    paths: Iterable[str | Path],
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    extend_select: Iterable[str] | None = None,
    config: str | Path | None = None,
    rules: Sequence[str | Path] = (),
    jsonl_field: str | None = None,
    cache_dir: str | Path | None = None,
) -> Report:
    """Check files, folders and JSON Lines corpora as ``factcheck check`` does.

    Folders are walked with the configured include and exclude lists and
    ``.gitignore``; ``cache_dir`` reuses results as the command line's cache does
    (the library writes no cache unless asked).

    >>> import factcheck, pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "brief.md").write_text("Ministers met in *Oslo* on Monday.\\n")
    >>> report = factcheck.check_paths([folder])
    >>> [(pathlib.Path(d.path).name, len(d.findings)) for d in report.documents]
    [('brief.md', 0)]
    """
    named = [str(p) for p in paths]
    chosen = settings(config, next((p for p in named if p != "-"), None), select, ignore, extend_select)
    checker = checker_for(chosen, rules)
    cache = None
    if cache_dir is not None:
        cache = ResultCache(Path(cache_dir), run_key(checker.rules, chosen.gazetteer_files))
    options = InputOptions(max_bytes=chosen.max_bytes, jsonl_field=jsonl_field)
    selection: Selection = chosen.selection()
    results: list[DocumentResult] = list(checker.check(collect(named, options, selection), cache=cache))
    return Report(tuple(results), checker.model, rules=tuple(checker.rules))


def to_dict(report: Report) -> dict[str, Any]:
    """The report as the JSON contract's data (``schemas/report.schema.json``)."""
    return report_data(report)


def to_json(report: Report) -> str:
    """The report exactly as ``factcheck check --format json`` (or ``compare``) prints it."""
    return render(report, "json")


def render(report: Report, format: str = "text") -> str:
    """The report in any ``--format``: text, json, jsonl, sarif, github or html.

    >>> print(render(check_text("Ministers met in Oslo on Monday.")), end="")
    1 document checked: 0 errors, 0 warnings, 0 infos
    """
    renderer = renderers().get(format)
    if renderer is None:
        raise ValueError(f"unknown format {format!r}; expected one of {', '.join(sorted(renderers()))}")
    # SARIF describes the rules that ran, with their configured severities.
    return renderer.render(report, RenderContext({rule.id: rule for rule in report.rules}))
