"""Assemble a Checker from settings: rules, gazetteer extensions, active selection.

Shared by the CLI commands and the library entry point ``check_paths``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from factcheck.config import Settings, active_rules
from factcheck.datafiles import DataFileError, load_yaml
from factcheck.nlp.gazetteer import Gazetteer, load_gazetteer
from factcheck.rules.loading import Rule, builtin_rules_dir, load_rules


def all_rules(settings: Settings, extra_dirs: Sequence[Path] = ()) -> list[Rule]:
    """Built-in rules plus the configured and given rule folders."""
    return load_rules([builtin_rules_dir(), *settings.rule_dirs, *extra_dirs], builtin=builtin_rules_dir())


def builtin_rules() -> list[Rule]:
    """The shipped rules, whose ids no other rule file may take.

    Empty when one of them is broken: checking that folder reports the problem.
    """
    try:
        return load_rules([builtin_rules_dir()])
    except DataFileError:
        return []


def gazetteer_for(settings: Settings) -> Gazetteer:
    return load_gazetteer((str(p), load_yaml(p)) for p in settings.gazetteer_files)


def rules_for(settings: Settings, extra_dirs: Sequence[Path] = ()) -> list[Rule]:
    return active_rules(all_rules(settings, extra_dirs), settings)
